"""Cards of every kind of entity, and opening any of them by kind and id."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date

from answers.base import Answer
from answers.memo import remembered
from db.kinds import EntityKind
from facts.edition import Edition
from facts.entities import Participation, Person
from views.calendar import has_day
from views.callbacks import parse_card_payload
from views.cards import event_card, org_card, person_card, place_card, topic_card, work_card
from views.common import gone, unknown_link
from views.keyboards import back_to_events, card_actions, cards, event_buttons, main_menu

PERSON, ORG, EVENT = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.EVENT


async def event_answer(edition: Edition, event_id: str, today: date) -> Answer:
    details = edition.facts.event_details(event_id)
    if details is None:
        return Answer(gone(EVENT))
    buttons = [(PERSON, p.person_id, p.person.full_name) for p in details.participations]
    buttons += [
        (ORG, link.organization_id, link.organization.name)
        for link in details.organizations
        if link.role == "organizer"
    ]
    buttons += event_buttons(r.related for r in details.related)
    actions = card_actions(EVENT, event_id, calendar=has_day(details.event))
    return Answer(
        event_card(details, today), cards(buttons, extra=[back_to_events()], actions=actions)
    )


async def person_answer(edition: Edition, person_id: str, today: date) -> Answer:
    found = edition.facts.person_and_participations(person_id)
    if found is None:
        return Answer(gone(PERSON))
    return person_card_of(*found)


def person_card_of(person: Person, parts: list[Participation]) -> Answer:
    """A person's card from the person and their participations, already read."""
    buttons = event_buttons(p.event for p in parts)
    buttons += [
        (ORG, pos.organization_id, pos.organization.name)
        for p in parts
        for pos in p.positions
        if pos.organization is not None
    ]
    return Answer(
        person_card(person.full_name, person.city, parts),
        cards(buttons, actions=card_actions(PERSON, person.id, subscribe=True)),
    )


async def org_answer(edition: Edition, org_id: str, today: date) -> Answer:
    details = edition.facts.organization_details(org_id)
    if details is None:
        return Answer(gone(ORG))
    org = details.organization
    buttons = event_buttons(r.event for r in details.event_roles)
    buttons += [(PERSON, part.person_id, part.person.full_name) for _, part in details.positions]
    if org.parent is not None:
        buttons.append((ORG, org.parent.id, org.parent.name))
    buttons += [(ORG, child.id, child.name) for child in details.children]
    actions = card_actions(ORG, org_id, subscribe=True)
    return Answer(org_card(details), cards(buttons, actions=actions))


async def place_answer(edition: Edition, place_id: str, today: date) -> Answer:
    details = edition.facts.place_details(place_id)
    if details is None:
        return Answer(gone(EntityKind.PLACE))
    buttons = event_buttons(details.events_held.items + details.events_joined.items)
    buttons += [(PERSON, part.person_id, part.person.full_name) for part in details.people.items]
    return Answer(
        place_card(details),
        cards(buttons, actions=card_actions(EntityKind.PLACE, place_id, subscribe=True)),
    )


async def topic_answer(
    edition: Edition,
    topic_id: str,
    today: date,
    fits: Callable[[Participation], bool] | None = None,
) -> Answer:
    """Who spoke on the topic, and where; only the talks that `fits` («в 2025 году») when given."""
    found = edition.facts.topic_details(topic_id)
    if found is None:
        return Answer(gone(EntityKind.TOPIC))
    topic, parts = found
    if fits is not None:
        parts = [p for p in parts if fits(p)]
    return Answer(
        topic_card(topic, parts, narrowed=fits is not None),
        cards((PERSON, p.person_id, p.person.full_name) for p in parts),
    )


async def work_answer(edition: Edition, work_id: str, today: date) -> Answer:
    found = edition.facts.work_details(work_id)
    if found is None:
        return Answer(gone(EntityKind.WORK))
    work, links, orgs = found
    return Answer(work_card(work, links, orgs), cards(event_buttons(link.event for link in links)))


CardOpener = Callable[[Edition, str, date], Awaitable[Answer]]

OPENERS: dict[EntityKind, CardOpener] = {
    EntityKind.EVENT: event_answer,
    EntityKind.PERSON: person_answer,
    EntityKind.ORGANIZATION: org_answer,
    EntityKind.PLACE: place_answer,
    EntityKind.TOPIC: topic_answer,
    EntityKind.WORK: work_answer,
}


async def card_answer(edition: Edition, kind: EntityKind, entity_id: str, today: date) -> Answer:
    """The card of any entity; a kind without a card (a source) is treated as gone."""
    opener = OPENERS.get(kind)
    if opener is None:
        return Answer(gone(kind))
    return await remembered(
        edition, ("card", kind, entity_id, today), lambda: opener(edition, entity_id, today)
    )


async def card_answers(
    edition: Edition, items: Sequence[tuple[EntityKind, str]], today: date
) -> list[Answer]:
    """The cards of many entities. People's cards not remembered yet are read together:
    an inline query shows twenty of them."""
    people = [entity_id for kind, entity_id in items if kind is PERSON]
    read: dict[str, tuple[Person, list[Participation]]] | None = None

    async def person(person_id: str) -> Answer:
        nonlocal read
        if read is None:
            read = edition.facts.people_and_participations(people)
        found = read.get(person_id)
        return person_card_of(*found) if found is not None else Answer(gone(PERSON))

    answers = []
    for kind, entity_id in items:
        if kind is PERSON:
            key = ("card", kind, entity_id, today)
            answers.append(await remembered(edition, key, lambda i=entity_id: person(i)))
        else:
            answers.append(await card_answer(edition, kind, entity_id, today))
    return answers


async def deep_link_answer(edition: Edition, payload: str, today: date) -> Answer:
    """The card a deep link names; the greeting with a polite word for any other payload."""
    found = parse_card_payload(payload)
    if found is None:
        return Answer(unknown_link(), main_menu())
    return await card_answer(edition, *found, today)
