"""Where the public catalogue is, for the views that link to it: each card's page on the web
(a button under the card) and the addresses of pages and calendar feeds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import quote

from db.kinds import EntityKind

# Kinds of entity with a page of their own, and the path segment it is found under
PAGE_KINDS = (EntityKind.EVENT, EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)
FEED_KINDS = (EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PERSON, EntityKind.TOPIC)


def page_path(kind: EntityKind, entity_id: str) -> str:
    return f"/{kind.value}/{quote(entity_id)}"


# The catalogue's public address while an update is answered (PUBLIC_URL; None: no catalogue)
_PUBLIC_URL: ContextVar[str | None] = ContextVar("public_url", default=None)


@contextmanager
def public_url_used(url: str | None) -> Iterator[None]:
    """Cards answered inside link to their page on the web (bot/middlewares.py)."""
    token = _PUBLIC_URL.set(url)
    try:
        yield
    finally:
        _PUBLIC_URL.reset(token)


def public_url() -> str | None:
    return _PUBLIC_URL.get()


def public_page(kind: EntityKind, entity_id: str) -> str | None:
    """The address of the catalogue's page of a card, when the catalogue is on."""
    base = _PUBLIC_URL.get()
    if base is None or kind not in PAGE_KINDS:
        return None
    return base + page_path(kind, entity_id)


def feed_path(kind: EntityKind | None = None, entity_id: str | None = None) -> str:
    if kind is None or entity_id is None:
        return "/ical/all.ics"
    return f"/ical/{kind.value}/{quote(entity_id)}.ics"


def network_path(kind: EntityKind, entity_id: str) -> str:
    """The picture of one organization's, person's or city's network (SVG)."""
    return f"/network/{kind.value}/{quote(entity_id)}.svg"
