"""The cooperation network in the chat: an organization's, person's or city's partners
across the border (from the card's «🤝 Партнёры» or a question), the network drawn, and
which organizations, people or cities of two countries met (a question with no subject)."""

from __future__ import annotations

import asyncio

from answers.base import Answer, Attachment
from db.kinds import EntityKind
from facts.edition import Edition
from facts.network import meetings, network_of
from views.common import gone
from views.html import esc
from views.keyboards import cards, partners_buttons
from views.network import meetings_text, network_picture, partners_text, picture_caption

SHOWN_MEETINGS = 30


async def partners_answer(
    edition: Edition,
    kind: EntityKind,
    entity_id: str,
    *,
    country: str | None = None,
    year: int | None = None,
) -> Answer:
    network = network_of(edition.facts, kind, entity_id, country=country, year=year)
    if network is None:
        return Answer(gone(kind), alert=True)
    buttons = [(p.node.kind, p.node.id, p.node.name) for p in network.partners]
    return Answer(partners_text(network, country, year), partners_buttons(kind, entity_id, buttons))


async def picture_answer(edition: Edition, kind: EntityKind, entity_id: str) -> Answer:
    """The network as a PNG (drawn in a worker thread: matplotlib is slow to start)."""
    network = network_of(edition.facts, kind, entity_id)
    if network is None:
        return Answer(gone(kind), alert=True)
    data = await asyncio.to_thread(network_picture, network, "png")
    return Answer(
        esc(picture_caption(network)), document=Attachment(f"network-{entity_id}.png", data)
    )


async def meetings_answer(
    edition: Edition,
    kind: EntityKind,
    first: str | None,
    second: str | None,
    year: int | None,
    place: str | None = None,
) -> Answer:
    """Every pair is compared at each event: at ×1000 that is a second of work, done in a
    worker thread so that other users are answered meanwhile."""
    found = await asyncio.to_thread(
        meetings, edition.facts, kind, first=first, second=second, year=year, place=place
    )
    shown = found[:SHOWN_MEETINGS]
    buttons = [(m.first.kind, m.first.id, m.first.name) for m in shown]
    buttons += [(m.second.kind, m.second.id, m.second.name) for m in shown]
    where = (
        edition.facts.get_place(place).name if place and edition.facts.get_place(place) else None
    )
    return Answer(meetings_text(shown, kind, first, second, year, where), cards(buttons))
