"""What "today" is, in the bot's time zone; injected so tests can choose the date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

Today = Callable[[], date]


def today_in(timezone: ZoneInfo) -> Today:
    return lambda: datetime.now(timezone).date()
