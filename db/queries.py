"""Read-only queries the answer layer uses. Every relationship a card shows is loaded eagerly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, raiseload

from db.dates import PartialDate
from db.kinds import EntityKind
from db.models import (
    AdminAction,
    Alias,
    BotUser,
    ContentLoad,
    Event,
    EventCity,
    EventOrganization,
    EventRelation,
    EventWork,
    Organization,
    Participation,
    Person,
    PersonPosition,
    Place,
    Topic,
    Work,
    WorkOrganization,
)
from db.snapshots import shared

T = TypeVar("T")


def newest_first(items: Sequence[T], event_of: Callable[[T], Event] | None = None) -> list[T]:
    """Items ordered by their event, newest first (unknown dates last); stable within an
    event, so participants keep their order of appearance."""

    def key(item: T) -> tuple:
        event = event_of(item) if event_of is not None else item
        assert isinstance(event, Event)
        return (event.partial_date.sort_key(), event.id)

    return sorted(items, key=key, reverse=True)


# --- Events ------------------------------------------------------------------------------------


async def _all_events(session: AsyncSession) -> list[Event]:
    return newest_first(list(await session.scalars(select(Event))))


async def all_events(session: AsyncSession) -> list[Event]:
    """Every event, newest first (read once per content version)."""
    return list(await shared(session, "events", _all_events))


async def _events_by_year(session: AsyncSession) -> dict[int | None, list[Event]]:
    by_year: dict[int | None, list[Event]] = {}
    for event in await all_events(session):
        by_year.setdefault(event.year, []).append(event)
    return by_year


async def events_of_year(session: AsyncSession, year: int | None) -> list[Event]:
    """The events of `year`, newest first; every event when `year` is None."""
    if year is None:
        return await all_events(session)
    return list((await shared(session, "events_by_year", _events_by_year)).get(year, []))


async def warm_snapshots(session: AsyncSession) -> None:
    """Read the shared collections of the current content version now, so that no user's
    question pays for reading them."""
    await all_events(session)
    await shared(session, "cities_by_event", _cities_by_event)
    await _event_links(session)
    await _organization_links(session)
    await event_kinds(session)
    await events_of_year(session, 0)
    await events_facts(session, ())
    await organization_rows(session)
    await participation_rows(session)


async def speaker_counts(session: AsyncSession) -> dict[str, int]:
    """How many people spoke at each event (events nobody spoke at are left out)."""
    rows = await session.execute(
        select(Participation.event_id, func.count())
        .where(Participation.role.in_(("speaker", "moderator")))
        .group_by(Participation.event_id)
    )
    return {event_id: count for event_id, count in rows}


@dataclass(slots=True)
class EventDetails:
    event: Event
    organizations: list[EventOrganization]
    cities: list[Place]
    participations: list[Participation]
    works: list[EventWork]
    related: list[EventRelation]
    aliases: list[str]


async def get_event(session: AsyncSession, event_id: str) -> Event | None:
    return await session.get(Event, event_id)


async def event_details(session: AsyncSession, event_id: str) -> EventDetails | None:
    # Its participations and organizations first: they bring the event along.
    parts = await session.scalars(
        select(Participation)
        .where(Participation.event_id == event_id)
        .order_by(Participation.position)
        .options(raiseload(Participation.topics))  # the card does not list them
    )
    orgs = await session.scalars(
        select(EventOrganization)
        .where(EventOrganization.event_id == event_id)
        .order_by(EventOrganization.position)
    )
    event = await get_event(session, event_id)
    if event is None:
        return None
    cities = [link.place for link in await event_cities(session, event_id)]
    links = await _event_links(session)
    return EventDetails(
        event,
        list(orgs),
        cities,
        list(parts),
        list(links.works.get(event_id, [])),
        list(links.related.get(event_id, [])),
        await aliases_of(session, EntityKind.EVENT, event_id),
    )


@dataclass(slots=True)
class _EventLinks:
    """The works and the related events of every event: few, and asked for on every event's
    card (read once per content version)."""

    works: dict[str, list[EventWork]]
    related: dict[str, list[EventRelation]]


async def _event_links(session: AsyncSession) -> _EventLinks:
    return await shared(session, "links_by_event", _links_by_event)


async def _links_by_event(session: AsyncSession) -> _EventLinks:
    links = _EventLinks({}, {})
    for work in await session.scalars(select(EventWork)):
        links.works.setdefault(work.event_id, []).append(work)
    for relation in await session.scalars(select(EventRelation)):
        links.related.setdefault(relation.event_id, []).append(relation)
    return links


@dataclass(slots=True)
class EventFacts:
    """What tells one event from another: where, who organized or took part, who spoke."""

    event: Event
    place_ids: set[str]
    organization_ids: set[str]
    person_ids: set[str]

    def names(self, kind: EntityKind, entity_id: str) -> bool:
        """The place, organization or person is one of the event's."""
        ids = {
            EntityKind.PLACE: self.place_ids,
            EntityKind.ORGANIZATION: self.organization_ids,
            EntityKind.PERSON: self.person_ids,
        }.get(kind, set())
        return entity_id in ids


async def event_facts(session: AsyncSession, event_id: str) -> EventFacts | None:
    return (await events_facts(session, (event_id,))).get(event_id)


async def events_facts(session: AsyncSession, event_ids: Iterable[str]) -> dict[str, EventFacts]:
    """`event_facts` of many events, from the facts of every event kept per content version
    (only read, never changed)."""
    every = await shared(session, "event_facts", _all_events_facts)
    return {i: every[i] for i in dict.fromkeys(event_ids) if i in every}


async def _all_events_facts(session: AsyncSession) -> dict[str, EventFacts]:
    found = {
        event.id: EventFacts(event, {event.place_id} if event.place_id else set(), set(), set())
        for event in await all_events(session)
    }
    for event_id, place_id in await session.execute(select(EventCity.event_id, EventCity.place_id)):
        found[event_id].place_ids.add(place_id)
    for event_id, org_id in await session.execute(
        select(EventOrganization.event_id, EventOrganization.organization_id)
    ):
        found[event_id].organization_ids.add(org_id)
    for event_id, person_id in await session.execute(
        select(Participation.event_id, Participation.person_id)
    ):
        found[event_id].person_ids.add(person_id)
    return found


def participant_country(part: Participation) -> str | None:
    """The country a participant represents: their city's, else their organization's."""
    city = part.city or part.person.city
    if city is not None:
        return city.country
    return next((p.organization.country for p in part.positions if p.organization), None)


async def events_by_id(session: AsyncSession, ids: Iterable[str]) -> list[Event]:
    """The events of `ids` that exist, in their order, from the events kept per content
    version (no query)."""
    return [facts.event for facts in (await events_facts(session, ids)).values()]


async def events_from_year(session: AsyncSession, year: int) -> list[Event]:
    """Events of `year` or later, and those whose year is unknown: the only ones that can
    still be upcoming."""
    return [e for e in await all_events(session) if e.year is None or e.year >= year]


async def event_kinds(session: AsyncSession) -> list[tuple[str, str, str]]:
    """(id, kind, display title) of every event, newest first like `all_events`, without
    reading whole events (read once per content version)."""
    return list(await shared(session, "event_kinds", _event_kinds))


async def _event_kinds(session: AsyncSession) -> list[tuple[str, str, str]]:
    rows = await session.execute(
        select(
            Event.id, Event.kind, Event.title, Event.short_title, Event.year, Event.month, Event.day
        )
    )
    ordered = sorted(
        rows, key=lambda r: (PartialDate(r.year, r.month, r.day).sort_key(), r.id), reverse=True
    )
    return [(r.id, r.kind, r.short_title or r.title) for r in ordered]


def upcoming_events(events: Sequence[Event], today: date) -> list[Event]:
    """Events whose date has not passed yet, soonest first."""
    found = [e for e in events if e.status != "cancelled" and e.partial_date.is_upcoming(today)]
    return sorted(found, key=lambda e: e.partial_date.sort_key())


def announced_events(events: Sequence[Event]) -> list[Event]:
    return newest_first([e for e in events if e.status == "announced"])


# --- People ------------------------------------------------------------------------------------


async def all_people(session: AsyncSession) -> list[Person]:
    return list(await session.scalars(select(Person).order_by(Person.last_name, Person.first_name)))


async def participations(
    session: AsyncSession,
    *,
    event_id: str | None = None,
    person_id: str | None = None,
    roles: Sequence[str] | None = None,
    topics: bool = True,
) -> list[Participation]:
    """Participations, newest event first. Without `topics`, their topics are not read
    (and must not be asked for)."""
    read = session.info.get(_EVENTS_PARTICIPATIONS, {}).get(event_id)
    if read is not None and person_id is None:
        rows = [p for p in read if not roles or p.role in roles]
    else:
        query = select(Participation)
        if event_id is not None:
            query = query.where(Participation.event_id == event_id)
        if person_id is not None:
            query = query.where(Participation.person_id == person_id)
        if roles:
            query = query.where(Participation.role.in_(roles))
        if not topics:
            query = query.options(raiseload(Participation.topics))
        rows = list(await session.scalars(query))
    return newest_first(sorted(rows, key=lambda p: p.position), lambda p: p.event)


_EVENTS_PARTICIPATIONS = "participations_of_events"


async def read_participations_of(
    session: AsyncSession, event_ids: Sequence[str], *, topics: bool = True
) -> None:
    """Read the participations of several events at once (three statements, not three per
    event): this session's later `participations(event_id=…)` of them use what was read.
    Without `topics`, their topics are not read (and must not be asked for)."""
    found: dict[str, list[Participation]] = {event_id: [] for event_id in event_ids}
    query = select(Participation).where(Participation.event_id.in_(list(found)))
    if not topics:
        query = query.options(raiseload(Participation.topics))
    for part in await session.scalars(query):
        found[part.event_id].append(part)
    session.info.setdefault(_EVENTS_PARTICIPATIONS, {}).update(found)


@dataclass(frozen=True, slots=True)
class ParticipationRow:
    """What lists of everybody's participations are ordered, filtered and paged by."""

    id: int
    role: str
    country: str | None  # as `participant_country` tells it


async def _participation_rows(session: AsyncSession) -> list[ParticipationRow]:
    part_city, person_city = aliased(Place), aliased(Place)
    rows = await session.execute(
        select(
            Participation.id,
            Participation.role,
            Participation.position,
            Event.id.label("event_id"),
            Event.year,
            Event.month,
            Event.day,
            part_city.country.label("part_country"),
            person_city.country.label("person_country"),
            Person.city_id.label("person_city"),
            Participation.city_id,
        )
        .join(Event, Event.id == Participation.event_id)
        .join(Person, Person.id == Participation.person_id)
        .outerjoin(part_city, part_city.id == Participation.city_id)
        .outerjoin(person_city, person_city.id == Person.city_id)
        .order_by(Participation.position)
    )
    org_country: dict[int, str] = {}
    for part_id, country in await session.execute(
        select(PersonPosition.participation_id, Organization.country)
        .join(Organization, Organization.id == PersonPosition.organization_id)
        .order_by(PersonPosition.position)
    ):
        org_country.setdefault(part_id, country)
    ordered = sorted(
        rows,
        key=lambda r: (PartialDate(r.year, r.month, r.day).sort_key(), r.event_id),
        reverse=True,
    )
    return [
        ParticipationRow(
            r.id,
            r.role,
            r.part_country
            if r.city_id
            else r.person_country
            if r.person_city
            else org_country.get(r.id),
        )
        for r in ordered
    ]


async def participation_rows(session: AsyncSession) -> list[ParticipationRow]:
    """Every participation, newest event first (once per content version, a few bytes each:
    the participations themselves are read only for the page shown)."""
    return list(await shared(session, "participation_rows", _participation_rows))


async def participations_by_id(session: AsyncSession, ids: Sequence[int]) -> list[Participation]:
    """The participations of `ids`, in that order."""
    found = {
        p.id: p
        for p in await session.scalars(select(Participation).where(Participation.id.in_(ids)))
    }
    return [found[i] for i in ids if i in found]


async def get_person(session: AsyncSession, person_id: str) -> Person | None:
    return await session.get(Person, person_id)


async def person_and_participations(
    session: AsyncSession, person_id: str
) -> tuple[Person, list[Participation]] | None:
    """A person and their participations as `participations` orders them."""
    return (await people_and_participations(session, [person_id])).get(person_id)


async def people_and_participations(
    session: AsyncSession, person_ids: Sequence[str]
) -> dict[str, tuple[Person, list[Participation]]]:
    """Each of these people with their participations as `participations` orders them, in
    the same few statements whatever their number."""
    ids = list(dict.fromkeys(person_ids))
    parts: dict[str, list[Participation]] = {i: [] for i in ids}
    query = select(Participation).where(Participation.person_id.in_(ids))
    for part in sorted(await session.scalars(query), key=lambda p: p.position):
        parts[part.person_id].append(part)
    # Their participations brought them along; only those without any are read.
    people = {i: found[0].person for i, found in parts.items() if found}
    if missing := [i for i in ids if i not in people]:
        query = select(Person).where(Person.id.in_(missing))
        people.update({p.id: p for p in await session.scalars(query)})
    return {i: (people[i], newest_first(parts[i], lambda p: p.event)) for i in ids if i in people}


# --- Organizations -------------------------------------------------------------------------------


async def _organization_rows(session: AsyncSession) -> list[tuple[str, str | None]]:
    query = select(Organization.id, Organization.country).order_by(
        Organization.country, Organization.name
    )
    return [(r.id, r.country) for r in await session.execute(query)]


async def organization_rows(session: AsyncSession) -> list[tuple[str, str | None]]:
    """(id, country) of every organization by country and name (once per content version;
    the organizations themselves are read only for the page shown)."""
    return list(await shared(session, "organization_rows", _organization_rows))


async def organizations_by_id(session: AsyncSession, ids: Sequence[str]) -> list[Organization]:
    """The organizations of `ids`, in that order."""
    query = select(Organization).where(Organization.id.in_(ids))
    found = {o.id: o for o in await session.scalars(query)}
    return [found[i] for i in ids if i in found]


async def event_organizations(
    session: AsyncSession, event_id: str | None = None, *, of: Sequence[str] | None = None
) -> list[EventOrganization]:
    """The organizations of one event (or of all), optionally only those of ids `of`."""
    query = select(EventOrganization)
    if event_id is not None:
        query = query.where(EventOrganization.event_id == event_id)
    if of is not None:
        query = query.where(EventOrganization.organization_id.in_(of))
    return list(await session.scalars(query.order_by(EventOrganization.position)))


@dataclass(slots=True)
class OrganizationDetails:
    organization: Organization
    event_roles: list[EventOrganization]
    positions: list[tuple[PersonPosition, Participation]]
    children: list[Organization]
    works: list[Work]
    aliases: list[str]  # its short name, abbreviations and other names


async def organization_details(session: AsyncSession, org_id: str) -> OrganizationDetails | None:
    # Its events and positions first: they bring the organization along.
    roles = await session.scalars(
        select(EventOrganization).where(EventOrganization.organization_id == org_id)
    )
    positions = await session.execute(
        select(PersonPosition, Participation)
        .join(Participation, PersonPosition.participation_id == Participation.id)
        .where(PersonPosition.organization_id == org_id)
        # The card names who held the position and where: two statements fewer.
        .options(raiseload(Participation.positions), raiseload(Participation.topics))
    )
    org = await session.get(Organization, org_id)
    if org is None:
        return None
    links = await _organization_links(session)
    return OrganizationDetails(
        org,
        newest_first(list(roles), lambda r: r.event),
        [(pos, part) for pos, part in positions],
        list(links.children.get(org_id, [])),
        list(links.works.get(org_id, [])),
        await aliases_of(session, EntityKind.ORGANIZATION, org_id),
    )


@dataclass(slots=True)
class _OrganizationLinks:
    """The member organizations and the works of every organization that has any: few, and
    asked for on every organization's card (read once per content version)."""

    children: dict[str, list[Organization]]
    works: dict[str, list[Work]]


async def _organization_links(session: AsyncSession) -> _OrganizationLinks:
    return await shared(session, "links_by_organization", _links_by_organization)


async def _links_by_organization(session: AsyncSession) -> _OrganizationLinks:
    links = _OrganizationLinks({}, {})
    children = select(Organization).where(Organization.parent_id.is_not(None))
    for child in await session.scalars(children.order_by(Organization.name)):
        links.children.setdefault(child.parent_id or "", []).append(child)
    works = await session.execute(
        select(WorkOrganization.organization_id, Work)
        .join(Work, Work.id == WorkOrganization.work_id)
        .order_by(Work.title, Work.id)
    )
    for org_id, work in works:
        links.works.setdefault(org_id, []).append(work)
    return links


# --- Places, topics, works ----------------------------------------------------------------------


async def _event_cities(session: AsyncSession) -> list[EventCity]:
    return list(await session.scalars(select(EventCity).order_by(EventCity.position)))


async def event_cities(session: AsyncSession, event_id: str | None = None) -> list[EventCity]:
    """The cities of one event, or every event's (read once per content version)."""
    if event_id is None:
        return list(await shared(session, "event_cities", _event_cities))
    return list((await shared(session, "cities_by_event", _cities_by_event)).get(event_id, []))


async def _cities_by_event(session: AsyncSession) -> dict[str, list[EventCity]]:
    by_event: dict[str, list[EventCity]] = {}
    for link in await event_cities(session):
        by_event.setdefault(link.event_id, []).append(link)
    return by_event


@dataclass(frozen=True, slots=True)
class Shown(Generic[T]):
    """The first items of a list, and how many it has in all."""

    items: list[T]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.items)


@dataclass(slots=True)
class PlaceDetails:
    """A place and, for its card, the first `shown` of each of its lists: a big city has
    hundreds of events, speakers and organizations."""

    place: Place
    other_names: list[str]
    events_held: Shown[Event]  # newest first
    events_joined: Shown[Event]  # newest first
    people: Shown[Participation]  # of the newest events first
    organizations: Shown[Organization]  # by name


async def get_place(session: AsyncSession, place_id: str) -> Place | None:
    return await session.get(Place, place_id)


async def place_details(
    session: AsyncSession, place_id: str, shown: int = 10
) -> PlaceDetails | None:
    place = await get_place(session, place_id)
    if place is None:
        return None
    # From the events kept per content version (newest first): a big city has hundreds.
    events = await all_events(session)
    held = [e for e in events if e.place_id == place_id]
    taking_part = {
        link.event_id for link in await event_cities(session) if link.place_id == place_id
    }
    joined = [e for e in events if e.id in taking_part]
    # From the city: as the source says at the event, or as the person's own city. Two
    # lookups by index: the same condition over a join of the two tables scans every person.
    from_city = Participation.id.in_(
        select(Participation.id).where(Participation.city_id == place_id)
    ) | Participation.id.in_(
        select(Participation.id)
        .join(Person, Person.id == Participation.person_id)
        .where(Participation.city_id.is_(None), Person.city_id == place_id)
    )
    people_count = await session.scalar(
        select(func.count()).select_from(Participation).where(from_city)
    )
    people = await session.scalars(
        select(Participation)
        .join(Event, Event.id == Participation.event_id)
        .where(from_city)
        .order_by(
            Event.year.desc().nulls_last(),
            Event.month.desc().nulls_last(),
            Event.day.desc().nulls_last(),
            Event.id.desc(),
            Participation.position,
        )
        .limit(shown)
        .options(raiseload(Participation.topics))  # the card does not list them
    )
    in_city = Organization.city_id == place_id
    org_count = await session.scalar(select(func.count()).select_from(Organization).where(in_city))
    orgs = await session.scalars(
        select(Organization).where(in_city).order_by(Organization.name).limit(shown)
    )
    return PlaceDetails(
        place,
        await aliases_of(session, EntityKind.PLACE, place_id),
        Shown(held[:shown], len(held)),
        Shown(joined[:shown], len(joined)),
        Shown(list(people), people_count or 0),
        Shown(list(orgs), org_count or 0),
    )


async def topic_details(
    session: AsyncSession, topic_id: str
) -> tuple[Topic, list[Participation]] | None:
    topic = await session.get(Topic, topic_id)
    if topic is None:
        return None
    parts = await session.scalars(
        select(Participation).where(Participation.topics.any(Topic.id == topic_id))
    )
    return topic, list(parts)


async def work_details(
    session: AsyncSession, work_id: str
) -> tuple[Work, list[EventWork], list[Organization]] | None:
    work = await session.get(Work, work_id)
    if work is None:
        return None
    links = await session.scalars(select(EventWork).where(EventWork.work_id == work_id))
    orgs = await session.scalars(
        select(Organization)
        .join(WorkOrganization, WorkOrganization.organization_id == Organization.id)
        .where(WorkOrganization.work_id == work_id)
    )
    return work, list(links), list(orgs)


# --- Shared ------------------------------------------------------------------------------------


async def aliases_of(session: AsyncSession, kind: EntityKind, entity_id: str) -> list[str]:
    rows = await session.scalars(
        select(Alias.alias)
        .where(Alias.entity_kind == kind, Alias.entity_id == entity_id)
        .order_by(Alias.id)
    )
    return list(rows)


async def event_works(session: AsyncSession, event_id: str | None = None) -> list[EventWork]:
    """Works linked to events (to one event, or to any), newest event first."""
    works = (await _event_links(session)).works
    found = (
        works.get(event_id, [])
        if event_id is not None
        else [w for ws in works.values() for w in ws]
    )
    return newest_first(found, lambda link: link.event)


async def last_load_time(session: AsyncSession) -> datetime | None:
    return await session.scalar(select(func.max(ContentLoad.loaded_at)))


async def recent_admin_actions(session: AsyncSession, limit: int) -> list[AdminAction]:
    rows = await session.scalars(select(AdminAction).order_by(AdminAction.id.desc()).limit(limit))
    return list(rows)


async def count_users(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(BotUser)) or 0


async def counts(session: AsyncSession) -> dict[str, int]:
    result = {}
    for name, model in (
        ("events", Event),
        ("people", Person),
        ("organizations", Organization),
        ("places", Place),
        ("topics", Topic),
        ("works", Work),
    ):
        result[name] = await session.scalar(select(func.count()).select_from(model)) or 0
    return result
