"""What "today" is, in the bot's time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from answers.base import Today


def today_in(timezone: ZoneInfo) -> Today:
    return lambda: datetime.now(timezone).date()
