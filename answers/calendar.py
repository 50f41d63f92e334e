"""Calendar files: one event's .ics from its card, and /calendar with every upcoming event
whose day is known plus the events of the user's subscriptions."""

from __future__ import annotations

from datetime import date

from answers.base import Answer, Attachment
from db.kinds import EntityKind
from facts.edition import Edition
from facts.model import upcoming_events
from views.calendar import (
    calendar_caption,
    calendar_file,
    file_name,
    has_day,
    no_calendar_day,
    nothing_for_calendar,
)
from views.callbacks import card_payload
from views.common import gone
from views.html import esc


def card_links(username: str | None) -> str | None:
    """A format string for deep links to event cards, «https://t.me/bot?start=ev_{}»."""
    if not username:
        return None
    return f"https://t.me/{username}?start=" + card_payload(EntityKind.EVENT, "{}")


async def event_calendar_answer(edition: Edition, event_id: str, username: str | None) -> Answer:
    event = edition.facts.get_event(event_id)
    if event is None:
        return Answer(gone(EntityKind.EVENT), alert=True)
    if not has_day(event):
        return Answer(esc(no_calendar_day()), alert=True)
    data = calendar_file([event], card_links(username))
    return Answer(esc(calendar_caption(1)), document=Attachment(file_name(event), data))


async def calendar_answer(edition: Edition, today: date, username: str | None) -> Answer:
    """Every upcoming event with a known day (a user's subscriptions are among them)."""
    events = edition.facts.all_events()
    upcoming = {e.id for e in upcoming_events(events, today)}
    chosen = [e for e in events if e.id in upcoming and has_day(e)]
    if not chosen:
        return Answer(esc(nothing_for_calendar()))
    chosen.sort(key=lambda e: e.partial_date.sort_key())
    data = calendar_file(chosen, card_links(username))
    return Answer(esc(calendar_caption(len(chosen))), document=Attachment(file_name(), data))
