"""Callback data of inline buttons (each packs to well under Telegram's 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

# Card kinds: event, person, organization, place, topic, work.
CARD_KINDS = ("ev", "p", "o", "pl", "t", "w")
HIT_KINDS = {
    "event": "ev",
    "person": "p",
    "organization": "o",
    "place": "pl",
    "topic": "t",
    "work": "w",
}


class Card(CallbackData, prefix="c"):
    kind: str
    id: str


class EventsPage(CallbackData, prefix="evp"):
    page: int


class SearchPage(CallbackData, prefix="sp"):
    key: str  # see handlers.search.RecentQueries
    page: int


class Menu(CallbackData, prefix="m"):
    action: str
