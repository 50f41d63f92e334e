"""Callback data of inline buttons (each packs to well under Telegram's 64 bytes)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from aiogram.filters.callback_data import CallbackData
from pydantic import Field, field_serializer, field_validator

from db.kinds import EntityKind
from db.models import MAX_ID
from drafting.review import Action, Group
from views.i18n import Language

# A button's numbers are whatever a client sends: one past what a database column holds, or
# negative, fails to unpack, and the tap is answered as a stale button.
RowId = Annotated[int, Field(ge=0, le=MAX_ID)]
Page = Annotated[int, Field(ge=0, le=1_000_000)]


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
    page: Page


class UpcomingPage(CallbackData, prefix="up"):
    page: Page


class ListPage(CallbackData, prefix="lp"):
    """A page of a long list of everything: «orgs» or «speakers», optionally of one country."""

    list: str
    page: Page
    country: Annotated[str, Field(pattern=r"^([A-Z]{2})?$")] = ""


class SearchPage(CallbackData, prefix="sp"):
    key: str  # see answers.search.RecentQueries
    page: Page


class Menu(CallbackData, prefix="m"):
    action: MenuAction


class RollbackTo(CallbackData, prefix="rb"):
    """An admin restores one kept version of the content."""

    version: RowId


class SetLanguage(CallbackData, prefix="lang"):
    language: Language


class Partners(Card, prefix="nw"):
    """Who an organization, person or city met across the border («nw:o:civil-alliance-kz»);
    with `picture`, the network drawn. The kind and id are packed as a card's are."""

    picture: bool = False


class CalendarFile(CallbackData, prefix="ics"):
    """The .ics of one event."""

    id: str


# Deep links: t.me/<bot>?start=<payload>, the payload «p_nurgazieva-banu» (Telegram allows
# A-Z, a-z, 0-9, _ and - and 64 characters; ids are at most 48 of [a-z0-9-]).
PAYLOAD_LIMIT = 64


def card_payload(kind: EntityKind, entity_id: str) -> str:
    return f"{kind.code}_{entity_id}"[:PAYLOAD_LIMIT]


def _card_reference(text: str, separator: str) -> tuple[EntityKind, str] | None:
    """«<kind code><separator><id>» as the card it names; None for anything else."""
    code, sep, entity_id = text.partition(separator)
    if not sep or not entity_id or " " in entity_id:
        return None
    try:
        kind = EntityKind.from_code(code)
    except ValueError:
        return None
    return (kind, entity_id) if kind.has_card else None


def parse_card_payload(payload: str) -> tuple[EntityKind, str] | None:
    """The card a deep link's payload names; None for anything else."""
    return _card_reference(payload, "_") if len(payload) <= PAYLOAD_LIMIT else None


def card_query(kind: EntityKind, entity_id: str) -> str:
    """The inline query that shares exactly one card: «p:nurgazieva-banu»."""
    return f"{kind.code}:{entity_id}"


def parse_card_query(query: str) -> tuple[EntityKind, str] | None:
    return _card_reference(query.strip(), ":")


class SubscribeTo(CallbackData, prefix="sub"):
    """Follow all events (`kind` «all») or one subject (`kind` an EntityKind code)."""

    kind: str
    id: str = ""


class Unsubscribe(CallbackData, prefix="uns"):
    id: RowId  # a subscription; 0 for all of them


class SubscriptionsPage(CallbackData, prefix="ssp"):
    page: Page


class BroadcastChoice(CallbackData, prefix="bc"):
    id: RowId
    send: bool


class DraftArticle(CallbackData, prefix="da"):
    """«Make a draft of the text you pasted» (the text waits in the chat's state)."""

    go: bool = True


class ReviewStep(CallbackData, prefix="rv"):
    """One step of a draft's review: «rv:12:p:3:ok» accepts person 4 of review 12."""

    review: RowId
    group: Group
    index: Page
    action: Action
