"""Callback data of inline buttons (each packs to well under Telegram's 64 bytes)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from aiogram.filters.callback_data import CallbackData
from pydantic import field_serializer, field_validator

from db.kinds import EntityKind


class MenuAction(StrEnum):
    EVENTS = "events"
    UPCOMING = "upcoming"
    SPEAKERS = "speakers"
    ORGS = "orgs"
    CITIES = "cities"
    HELP = "help"


class Card(CallbackData, prefix="c"):
    """Open the card of one entity: «c:p:nurgazieva-banu» (the kind by its short code)."""

    kind: EntityKind
    id: str

    @field_serializer("kind")
    def _pack_kind(self, kind: EntityKind) -> str:
        return kind.code

    @field_validator("kind", mode="before")
    @classmethod
    def _unpack_kind(cls, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, EntityKind):
            return EntityKind.from_code(value)
        return value


class EventsPage(CallbackData, prefix="evp"):
    page: int


class SearchPage(CallbackData, prefix="sp"):
    key: str  # see answers.search.RecentQueries
    page: int


class Menu(CallbackData, prefix="m"):
    action: MenuAction


class RollbackTo(CallbackData, prefix="rb"):
    """An admin restores one kept version of the content."""

    version: int
