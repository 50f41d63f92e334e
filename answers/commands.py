"""Commands that take text: «/speaker Нургазиева», «/orgs круглый стол», «/event форум».
The text is resolved by the same resolver plain questions use."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from answers.base import Answer
from answers.cards import card_answer
from answers.lists import cities_answer, events_list, orgs_answer, speakers_answer
from answers.memo import remembered
from answers.resolve import choose, resolve
from db.kinds import EntityKind
from facts.edition import Edition
from views.common import city_usage, org_usage, speaker_usage
from views.search import nothing_found

# The answer for the entity the text names, by its id.
ForSubject = Callable[[str], Awaitable[Answer]]


async def _about(
    edition: Edition,
    text: str | None,
    kind: EntityKind,
    for_subject: ForSubject,
    when_empty: Callable[[], Awaitable[Answer]] | Answer,
) -> Answer:
    """`for_subject` of the entity TEXT names; `when_empty` without TEXT; or why no single
    entity could be found."""
    text = (text or "").strip()
    if not text:
        return when_empty if isinstance(when_empty, Answer) else await when_empty()
    found = await remembered(
        edition, ("resolve", text, kind), lambda: resolve(edition, text, (kind,))
    )
    if found.choices:
        return await choose(edition, text, found.choices)
    if found.subject is None:
        return Answer(nothing_found(text, kind))
    return await for_subject(found.subject.id)


async def event_command(edition: Edition, text: str | None, today: date) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.EVENT,
        lambda event_id: card_answer(edition, EntityKind.EVENT, event_id, today),
        lambda: events_list(edition),
    )


async def speakers_command(edition: Edition, text: str | None) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.EVENT,
        lambda event_id: speakers_answer(edition, event_id),
        lambda: speakers_answer(edition),
    )


async def speaker_command(edition: Edition, text: str | None, today: date) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.PERSON,
        lambda person_id: card_answer(edition, EntityKind.PERSON, person_id, today),
        Answer(speaker_usage()),
    )


async def orgs_command(edition: Edition, text: str | None) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.EVENT,
        lambda event_id: orgs_answer(edition, event_id),
        lambda: orgs_answer(edition),
    )


async def org_command(edition: Edition, text: str | None, today: date) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.ORGANIZATION,
        lambda org_id: card_answer(edition, EntityKind.ORGANIZATION, org_id, today),
        Answer(org_usage()),
    )


async def city_command(edition: Edition, text: str | None, today: date) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.PLACE,
        lambda place_id: card_answer(edition, EntityKind.PLACE, place_id, today),
        Answer(city_usage()),
    )


async def cities_command(edition: Edition, text: str | None) -> Answer:
    return await _about(
        edition,
        text,
        EntityKind.EVENT,
        lambda event_id: cities_answer(edition, event_id),
        lambda: cities_answer(edition),
    )
