"""Lists: events (paged), upcoming events, speakers, moderators, organizations, cities,
topics and works — of one event or of all."""

from __future__ import annotations

from datetime import date

from answers.base import Answer, paginate
from answers.memo import remembers
from db.kinds import EntityKind
from facts.edition import Edition
from facts.entities import Organization, Place
from facts.model import announced_events, participant_country, upcoming_events
from loading.schema import SPEAKING_ROLES
from search.textnorm import forms
from views.common import gone
from views.keyboards import cards, event_buttons, more_about_event, pager
from views.lists import (
    all_orgs_text,
    cities_text,
    event_orgs_text,
    event_topics_text,
    events_page_text,
    no_events,
    no_moderator,
    no_orgs,
    no_orgs_of_kind,
    no_speakers,
    speakers_text,
    upcoming_text,
    when_where_text,
    works_text,
)

EVENTS_PAGE_SIZE = 10
ANNOUNCED_SHOWN = 5
PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


@remembers("events_list")
async def events_list(edition: Edition, page: int = 0) -> Answer:
    events = edition.facts.all_events()
    if not events:
        return Answer(no_events())
    shown = paginate(events, page, EVENTS_PAGE_SIZE)
    speakers = edition.facts.speaker_counts()
    text = events_page_text(shown.items, shown.number, shown.count, shown.start, speakers)
    markup = cards(event_buttons(shown.items), extra=pager(shown.number, shown.count))
    return Answer(text, markup)


@remembers("upcoming_answer")
async def upcoming_answer(
    edition: Edition, today: date, page: int = 0, among: frozenset[str] | None = None
) -> Answer:
    """Events still to come, soonest first, ten to a page; only those `among` when given
    («when is the next forum?»)."""
    upcoming = upcoming_events(edition.facts.events_from_year(today.year), today)
    if among is not None:
        upcoming = [e for e in upcoming if e.id in among]
    if upcoming:
        shown = paginate(upcoming, page, EVENTS_PAGE_SIZE)
        text = upcoming_text(shown.items, [], today, (shown.number, shown.count, len(upcoming)))
        nav = pager(shown.number, shown.count, upcoming=True)
        return Answer(text, cards(event_buttons(shown.items), extra=nav))
    events = edition.facts.all_events()
    if among is not None:
        events = [e for e in events if e.id in among]
    announced = announced_events(events)[:ANNOUNCED_SHOWN]
    return Answer(upcoming_text([], announced, today), cards(event_buttons(announced)))


@remembers("when_where_answer")
async def when_where_answer(edition: Edition, event_id: str, today: date) -> Answer:
    event = edition.facts.get_event(event_id)
    if event is None:
        return Answer(gone(EntityKind.EVENT))
    return Answer(when_where_text(event, today), more_about_event(event))


LIST_PAGE_SIZE = 25  # lines of a list of everything; the rest are a button away


@remembers("speakers_answer")
async def speakers_answer(
    edition: Edition,
    event_id: str | None = None,
    country: str | None = None,
    page: int = 0,
    *,
    taking_part: bool = False,
    mentioned: bool = False,
    organization: str | None = None,
) -> Answer:
    """Who spoke: at one event or at all (paged); optionally only those from one country. At
    one event, those who took part without a talk the source names come too when asked
    («кто участвовал …») or when no talk is named; those only named, when asked; only those
    there for `organization`, when given («Кто выступал от ГАК на семинаре?»)."""
    event = None
    if event_id is not None:
        event = edition.facts.get_event(event_id)
        if event is None:
            return Answer(gone(EntityKind.EVENT))
    nav = []
    if event is None:
        rows = [
            r
            for r in edition.facts.participation_rows()
            if r.role in SPEAKING_ROLES and (country is None or r.country == country)
        ]
        if not rows:
            return Answer(no_speakers(country))
        shown = paginate(rows, page, LIST_PAGE_SIZE)
        parts = edition.facts.participations_by_id([r.id for r in shown.items])
        nav = pager(shown.number, shown.count, listing=("speakers", country or ""))
    else:
        parts = edition.facts.participations_of(event_id=event_id, roles=SPEAKING_ROLES)
        also = ("participant",) if taking_part or mentioned or not parts else ()
        also += ("mentioned",) if mentioned else ()
        if also:
            parts += edition.facts.participations_of(event_id=event_id, roles=also)
        if country is not None:
            parts = [p for p in parts if participant_country(p) == country]
        if organization is not None:
            parts = [
                p for p in parts if any(pos.organization_id == organization for pos in p.positions)
            ]
    return Answer(
        speakers_text(parts, event, country=country),
        cards(((PERSON, p.person_id, p.person.full_name) for p in parts), extra=nav),
    )


@remembers("moderators_answer")
async def moderators_answer(edition: Edition, event_id: str | None) -> Answer:
    """Who moderated; the sources often do not say, and then the answer says so."""
    parts = edition.facts.participations_of(event_id=event_id, roles=("moderator",))
    if parts:
        return Answer(
            speakers_text(parts, parts[0].event if event_id else None, moderators=True),
            cards((PERSON, p.person_id, p.person.full_name) for p in parts),
        )
    speakers = await speakers_answer(edition, event_id)
    return Answer(no_moderator(speakers.text), speakers.markup)


@remembers("orgs_answer")
async def orgs_answer(
    edition: Edition,
    event_id: str | None = None,
    country: str | None = None,
    page: int = 0,
    city: str | None = None,
    kind: frozenset[str] = frozenset(),
    kind_word: str = "",
) -> Answer:
    """Organizations of one event or of all (paged), optionally only those of one country, or
    (of one event) of one city («Какие организации из Омска участвовали …?»), or only those
    of a kind: with one of the `kind` words in their names («Какие вузы …?», `kind_word`)."""
    if event_id is None:
        ids = [
            org_id
            for org_id, org_country in edition.facts.organization_rows()
            if country is None or org_country == country
        ]
        if kind:
            orgs = edition.facts.organizations_by_id(ids)
            ids = [o.id for o in orgs if of_kind(o, kind)]
        if not ids:
            return Answer(no_orgs_of_kind(kind_word) if kind else no_orgs(country))
        shown = paginate(ids, page, LIST_PAGE_SIZE)
        orgs = edition.facts.organizations_by_id(shown.items)
        roles = edition.facts.event_organizations(of=shown.items)
        nav = pager(shown.number, shown.count, listing=("orgs", country or ""))
        return Answer(
            all_orgs_text(orgs, roles),
            cards(((ORG, o.id, o.abbreviation or o.name) for o in orgs), extra=nav),
        )
    event = edition.facts.get_event(event_id)
    if event is None:
        return Answer(gone(EntityKind.EVENT))
    links = [
        link
        for link in edition.facts.event_organizations(event_id)
        if (country is None or link.organization.country == country)
        and (city is None or link.organization.city_id == city)
        and (not kind or of_kind(link.organization, kind))
    ]
    if kind and not links:
        return Answer(no_orgs_of_kind(kind_word, event))
    return Answer(
        event_orgs_text(links, event),
        cards((ORG, link.organization_id, link.organization.name) for link in links),
    )


def of_kind(organization: Organization, kind: frozenset[str]) -> bool:
    """A word of the organization's name is one of `kind` («Новосибирский государственный
    университет» for «университет»), in any of its forms."""
    return any(kind.intersection(f) for f in forms(organization.name))


@remembers("cities_answer")
async def cities_answer(
    edition: Edition, event_id: str | None = None, country: str | None = None
) -> Answer:
    event = None
    # By id: the same city may come as several objects (collections read apart).
    places: dict[str, Place] = {}
    if event_id is not None:
        event = edition.facts.get_event(event_id)
        if event is None:
            return Answer(gone(EntityKind.EVENT))
        if event.place is not None:
            places[event.place.id] = event.place
        for link in edition.facts.event_cities(event_id):
            places.setdefault(link.place.id, link.place)
    else:
        for link in edition.facts.event_cities():
            places.setdefault(link.place.id, link.place)
        for e in edition.facts.all_events():
            if e.place is not None:
                places.setdefault(e.place.id, e.place)
        places = dict(sorted(places.items(), key=lambda kv: (kv[1].country, kv[1].name)))
    shown = [p for p in places.values() if country is None or p.country == country]
    return Answer(
        cities_text(shown, event, country),
        cards((EntityKind.PLACE, p.id, p.name) for p in shown),
    )


@remembers("event_topics_answer")
async def event_topics_answer(edition: Edition, event_id: str) -> Answer:
    event = edition.facts.get_event(event_id)
    if event is None:
        return Answer(gone(EntityKind.EVENT))
    parts = edition.facts.participations_of(event_id=event_id)
    topics = {t.id: t for p in parts for t in p.topics}
    return Answer(
        event_topics_text(event, parts),
        cards((EntityKind.TOPIC, t.id, t.name) for t in topics.values()),
    )


@remembers("works_answer")
async def works_answer(
    edition: Edition, event_id: str | None = None, role: str | None = None
) -> Answer:
    """Projects, publications and documents: of one event, or all of them; with `role`
    («signed»), only those the sources say were so — or, when none were, what is known."""
    if event_id is not None and edition.facts.get_event(event_id) is None:
        return Answer(gone(EntityKind.EVENT))
    links = edition.facts.event_works(event_id)
    fitting = [link for link in links if role is None or link.role == role]
    shown = fitting or links
    return Answer(
        works_text(shown, None if fitting else role),
        cards((EntityKind.WORK, link.work_id, link.work.title) for link in shown),
    )
