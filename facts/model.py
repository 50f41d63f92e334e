"""`Facts`: every fact of one content version with the indexes answers look them up by (id,
event, person, organization, city, year). Built once by `facts.read`, then only read: every
lookup is a dictionary access or a walk over a short list, never a database query."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from db.kinds import EntityKind
from facts.entities import (
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
)
from loading.schema import SPEAKING_ROLES

T = TypeVar("T")


def newest_first(items: Iterable[T], event_of: Callable[[T], Event] | None = None) -> list[T]:
    """Items ordered by their event, newest first (unknown dates last); stable within an
    event, so participants keep their order of appearance."""

    def key(item: T) -> tuple:
        event = event_of(item) if event_of is not None else item
        assert isinstance(event, Event)
        return (event.partial_date.sort_key(), event.id)

    return sorted(items, key=key, reverse=True)


def participant_country(part: Participation) -> str | None:
    """The country a participant represents: their city's, else their organization's."""
    city = part.city or part.person.city
    if city is not None:
        return city.country
    return next((p.organization.country for p in part.positions if p.organization), None)


def upcoming_events(events: Sequence[Event], today: date) -> list[Event]:
    """Events whose date has not passed yet, soonest first."""
    found = [e for e in events if e.status != "cancelled" and e.partial_date.is_upcoming(today)]
    return sorted(found, key=lambda e: e.partial_date.sort_key())


def announced_events(events: Sequence[Event]) -> list[Event]:
    return newest_first([e for e in events if e.status == "announced"])


@dataclass(frozen=True, slots=True)
class EventDetails:
    event: Event
    organizations: list[EventOrganization]
    cities: list[Place]
    participations: list[Participation]
    works: list[EventWork]
    related: list[EventRelation]
    aliases: list[str]


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What tells one event from another: where, who organized or took part, who spoke."""

    event: Event
    place_ids: frozenset[str]
    organization_ids: frozenset[str]
    person_ids: frozenset[str]

    def names(self, kind: EntityKind, entity_id: str) -> bool:
        """The place, organization or person is one of the event's."""
        ids = {
            EntityKind.PLACE: self.place_ids,
            EntityKind.ORGANIZATION: self.organization_ids,
            EntityKind.PERSON: self.person_ids,
        }.get(kind, frozenset())
        return entity_id in ids


@dataclass(frozen=True, slots=True)
class ParticipationRow:
    """What lists of everybody's participations are ordered, filtered and paged by."""

    id: int
    role: str
    country: str | None  # as `participant_country` tells it


@dataclass(frozen=True, slots=True)
class OrganizationDetails:
    organization: Organization
    event_roles: list[EventOrganization]
    positions: list[tuple[PersonPosition, Participation]]
    children: list[Organization]
    works: list[Work]
    aliases: list[str]  # its short name, abbreviations and other names


@dataclass(frozen=True, slots=True)
class Shown(Generic[T]):
    """The first items of a list, and how many it has in all."""

    items: list[T]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True, slots=True)
class PlaceDetails:
    """A place and, for its card, the first `shown` of each of its lists: a big city has
    hundreds of events, speakers and organizations."""

    place: Place
    other_names: list[str]
    events_held: Shown[Event]  # newest first
    events_joined: Shown[Event]  # newest first
    people: Shown[Participation]  # of the newest events first
    organizations: Shown[Organization]  # by name


def _group(items: Iterable[T], key: Callable[[T], str]) -> dict[str, tuple[T, ...]]:
    found: dict[str, list[T]] = {}
    for item in items:
        found.setdefault(key(item), []).append(item)
    return {k: tuple(v) for k, v in found.items()}


@dataclass(slots=True)
class Facts:
    """The facts of one content version (`version`: the load's id and content hash, None
    before any load). Made by `facts.read.read_facts`; every list is in the order answers
    show it, and nothing here changes once made."""

    version: tuple[int, str] | None
    places: dict[str, Place]
    organizations: dict[str, Organization]
    people: dict[str, Person]
    topics: dict[str, Topic]
    works: dict[str, Work]
    events: dict[str, Event]
    city_links: tuple[EventCity, ...]  # by position
    organization_links: tuple[EventOrganization, ...]  # by position
    work_links: tuple[EventWork, ...]
    relation_links: tuple[EventRelation, ...]
    participations: tuple[Participation, ...]  # by position
    work_organizations: tuple[tuple[str, str], ...]  # (work id, organization id)
    aliases: dict[tuple[str, str], tuple[str, ...]]  # (kind, id) -> names, in stored order

    # Indexes, made from the above by `__post_init__`.
    newest: tuple[Event, ...] = field(init=False)
    _by_year: dict[int | None, tuple[Event, ...]] = field(init=False)
    _cities_of: dict[str, tuple[EventCity, ...]] = field(init=False)
    _orgs_of_event: dict[str, tuple[EventOrganization, ...]] = field(init=False)
    _roles_of_org: dict[str, tuple[EventOrganization, ...]] = field(init=False)
    _works_of_event: dict[str, tuple[EventWork, ...]] = field(init=False)
    _related_of: dict[str, tuple[EventRelation, ...]] = field(init=False)
    _parts_by_id: dict[int, Participation] = field(init=False)
    _parts_of_event: dict[str, tuple[Participation, ...]] = field(init=False)
    _parts_of_person: dict[str, tuple[Participation, ...]] = field(init=False)
    _parts_of_topic: dict[str, tuple[Participation, ...]] = field(init=False)
    _positions_in: dict[str, tuple[tuple[PersonPosition, Participation], ...]] = field(init=False)
    _event_facts: dict[str, EventFacts] = field(init=False)
    _rows: tuple[ParticipationRow, ...] = field(init=False)
    _org_rows: tuple[tuple[str, str | None], ...] = field(init=False)
    _children: dict[str, tuple[Organization, ...]] = field(init=False)
    _works_of_org: dict[str, tuple[Work, ...]] = field(init=False)
    _people_sorted: tuple[Person, ...] = field(init=False)
    _speakers: dict[str, int] = field(init=False)
    _of_kind: dict[str, tuple[tuple[str, str, str], ...]] = field(init=False)
    _held_in: dict[str, tuple[Event, ...]] = field(init=False)
    _joined_by: dict[str, tuple[Event, ...]] = field(init=False)
    _from_city: dict[str, tuple[Participation, ...]] = field(init=False)
    _orgs_in: dict[str, tuple[Organization, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.newest = tuple(newest_first(self.events.values()))
        self._of_kind = _group(
            ((e.id, e.kind, e.display_title) for e in self.newest), lambda k: k[1]
        )
        self._by_year = _group(self.newest, lambda e: e.year)  # type: ignore[arg-type,return-value]
        self._cities_of = _group(self.city_links, lambda c: c.event_id)
        self._orgs_of_event = _group(self.organization_links, lambda o: o.event_id)
        self._roles_of_org = {
            org_id: tuple(newest_first(roles, lambda r: r.event))
            for org_id, roles in _group(
                self.organization_links, lambda o: o.organization_id
            ).items()
        }
        self._works_of_event = _group(self.work_links, lambda w: w.event_id)
        self._related_of = _group(self.relation_links, lambda r: r.event_id)
        self._parts_by_id = {p.id: p for p in self.participations}
        ordered = newest_first(self.participations, lambda p: p.event)
        self._parts_of_event = _group(self.participations, lambda p: p.event_id)
        self._parts_of_person = _group(ordered, lambda p: p.person_id)
        by_topic: dict[str, list[Participation]] = {}
        for part in sorted(self.participations, key=lambda p: p.id):
            for topic in part.topics:
                by_topic.setdefault(topic.id, []).append(part)
        self._parts_of_topic = {k: tuple(v) for k, v in by_topic.items()}
        positions: dict[str, list[tuple[PersonPosition, Participation]]] = {}
        every = [(pos, part) for part in self.participations for pos in part.positions]
        for pos, part in sorted(every, key=lambda found: found[0].id):
            if pos.organization_id is not None:
                positions.setdefault(pos.organization_id, []).append((pos, part))
        self._positions_in = {k: tuple(v) for k, v in positions.items()}
        self._event_facts = {
            event.id: EventFacts(
                event,
                frozenset(
                    ([event.place_id] if event.place_id else [])
                    + [c.place_id for c in self._cities_of.get(event.id, ())]
                ),
                frozenset(o.organization_id for o in self._orgs_of_event.get(event.id, ())),
                frozenset(p.person_id for p in self._parts_of_event.get(event.id, ())),
            )
            for event in self.newest
        }
        self._rows = tuple(ParticipationRow(p.id, p.role, participant_country(p)) for p in ordered)
        # Organizations without a country first, as the database orders them.
        self._org_rows = tuple(
            (o.id, o.country)
            for o in sorted(
                self.organizations.values(),
                key=lambda o: (o.country is not None, o.country or "", o.name),
            )
        )
        children = [o for o in self.organizations.values() if o.parent_id is not None]
        self._children = _group(sorted(children, key=lambda o: o.name), lambda o: o.parent_id)  # type: ignore[arg-type,return-value]
        works_of: dict[str, list[Work]] = {}
        for work_id, org_id in self.work_organizations:
            works_of.setdefault(org_id, []).append(self.works[work_id])
        self._works_of_org = {
            org_id: tuple(sorted(found, key=lambda w: (w.title, w.id)))
            for org_id, found in works_of.items()
        }
        self._people_sorted = tuple(
            sorted(self.people.values(), key=lambda p: (p.last_name, p.first_name))
        )
        speaking = [p for p in self.participations if p.role in SPEAKING_ROLES]
        self._speakers = {k: len(v) for k, v in _group(speaking, lambda p: p.event_id).items()}
        # A city's card: the events held there and those it joined (newest first), the
        # people from it — as the source says at the event, or as their own city — and its
        # organizations by name.
        self._held_in = _group((e for e in self.newest if e.place_id), lambda e: e.place_id)  # type: ignore[arg-type,return-value]
        joined: dict[str, list[Event]] = {}
        for event in self.newest:
            for place_id in dict.fromkeys(c.place_id for c in self._cities_of.get(event.id, ())):
                joined.setdefault(place_id, []).append(event)
        self._joined_by = {k: tuple(v) for k, v in joined.items()}
        self._from_city = _group(
            (p for p in ordered if (p.city_id or p.person.city_id)),
            lambda p: p.city_id or p.person.city_id,  # type: ignore[arg-type,return-value]
        )
        in_city = sorted(
            (o for o in self.organizations.values() if o.city_id), key=lambda o: o.name
        )
        self._orgs_in = _group(in_city, lambda o: o.city_id)  # type: ignore[arg-type,return-value]

    # --- Events --------------------------------------------------------------------------

    def all_events(self) -> list[Event]:
        """Every event, newest first."""
        return list(self.newest)

    def events_of_year(self, year: int | None) -> list[Event]:
        """The events of `year`, newest first; every event when `year` is None."""
        if year is None:
            return self.all_events()
        return list(self._by_year.get(year, ()))

    def events_from_year(self, year: int) -> list[Event]:
        """Events of `year` or later, and those whose year is unknown: the only ones that
        can still be upcoming."""
        return [e for e in self.newest if e.year is None or e.year >= year]

    def get_event(self, event_id: str) -> Event | None:
        return self.events.get(event_id)

    def events_by_id(self, ids: Iterable[str]) -> list[Event]:
        """The events of `ids` that exist, in their order."""
        return [self.events[i] for i in dict.fromkeys(ids) if i in self.events]

    def events_of_kind(self, kind: str) -> tuple[tuple[str, str, str], ...]:
        """(id, kind, display title) of every event of `kind`, newest first."""
        return self._of_kind.get(kind, ())

    def speaker_counts(self) -> dict[str, int]:
        """How many people spoke at each event (events nobody spoke at are left out)."""
        return dict(self._speakers)

    def event_facts(self, event_id: str) -> EventFacts | None:
        return self._event_facts.get(event_id)

    def events_facts(self, event_ids: Iterable[str]) -> dict[str, EventFacts]:
        return {i: self._event_facts[i] for i in dict.fromkeys(event_ids) if i in self._event_facts}

    def event_details(self, event_id: str) -> EventDetails | None:
        event = self.events.get(event_id)
        if event is None:
            return None
        return EventDetails(
            event,
            list(self._orgs_of_event.get(event_id, ())),
            [c.place for c in self._cities_of.get(event_id, ())],
            list(self._parts_of_event.get(event_id, ())),
            list(self._works_of_event.get(event_id, ())),
            list(self._related_of.get(event_id, ())),
            self.aliases_of(EntityKind.EVENT, event_id),
        )

    def event_cities(self, event_id: str | None = None) -> list[EventCity]:
        """The cities of one event, or every event's."""
        if event_id is None:
            return list(self.city_links)
        return list(self._cities_of.get(event_id, ()))

    def event_organizations(
        self, event_id: str | None = None, *, of: Sequence[str] | None = None
    ) -> list[EventOrganization]:
        """The organizations of one event (or of all), optionally only those of ids `of`."""
        found = (
            self._orgs_of_event.get(event_id, ())
            if event_id is not None
            else self.organization_links
        )
        if of is not None:
            wanted = set(of)
            return [o for o in found if o.organization_id in wanted]
        return list(found)

    def event_works(self, event_id: str | None = None) -> list[EventWork]:
        """Works linked to events (to one event, or to any), newest event first."""
        found = self._works_of_event.get(event_id, ()) if event_id is not None else self.work_links
        return newest_first(found, lambda link: link.event)

    # --- People and participations -------------------------------------------------------

    def all_people(self) -> list[Person]:
        return list(self._people_sorted)

    def get_person(self, person_id: str) -> Person | None:
        return self.people.get(person_id)

    def participations_of(
        self,
        *,
        event_id: str | None = None,
        person_id: str | None = None,
        roles: Sequence[str] | None = None,
    ) -> list[Participation]:
        """Participations, newest event first, in their order at each event."""
        if person_id is not None:
            found: Iterable[Participation] = self._parts_of_person.get(person_id, ())
            if event_id is not None:
                found = [p for p in found if p.event_id == event_id]
        elif event_id is not None:
            found = self._parts_of_event.get(event_id, ())
        else:
            found = (self._parts_by_id[r.id] for r in self._rows)
        return [p for p in found if not roles or p.role in roles]

    def participation_rows(self) -> list[ParticipationRow]:
        """Every participation, newest event first, a few bytes each."""
        return list(self._rows)

    def participations_by_id(self, ids: Sequence[int]) -> list[Participation]:
        """The participations of `ids`, in that order."""
        return [self._parts_by_id[i] for i in ids if i in self._parts_by_id]

    def person_and_participations(
        self, person_id: str
    ) -> tuple[Person, list[Participation]] | None:
        person = self.people.get(person_id)
        if person is None:
            return None
        return person, list(self._parts_of_person.get(person_id, ()))

    def people_and_participations(
        self, person_ids: Sequence[str]
    ) -> dict[str, tuple[Person, list[Participation]]]:
        found = {}
        for person_id in dict.fromkeys(person_ids):
            if (one := self.person_and_participations(person_id)) is not None:
                found[person_id] = one
        return found

    # --- Organizations --------------------------------------------------------------------

    def organization_rows(self) -> list[tuple[str, str | None]]:
        """(id, country) of every organization by country and name."""
        return list(self._org_rows)

    def organizations_by_id(self, ids: Sequence[str]) -> list[Organization]:
        """The organizations of `ids`, in that order."""
        return [self.organizations[i] for i in ids if i in self.organizations]

    def organization_details(self, org_id: str) -> OrganizationDetails | None:
        org = self.organizations.get(org_id)
        if org is None:
            return None
        return OrganizationDetails(
            org,
            list(self._roles_of_org.get(org_id, ())),
            list(self._positions_in.get(org_id, ())),
            list(self._children.get(org_id, ())),
            list(self._works_of_org.get(org_id, ())),
            self.aliases_of(EntityKind.ORGANIZATION, org_id),
        )

    # --- Places, topics, works -------------------------------------------------------------

    def get_place(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def place_details(self, place_id: str, shown: int = 10) -> PlaceDetails | None:
        place = self.places.get(place_id)
        if place is None:
            return None
        held = self._held_in.get(place_id, ())
        joined = self._joined_by.get(place_id, ())
        people = self._from_city.get(place_id, ())
        orgs = self._orgs_in.get(place_id, ())
        return PlaceDetails(
            place,
            self.aliases_of(EntityKind.PLACE, place_id),
            Shown(list(held[:shown]), len(held)),
            Shown(list(joined[:shown]), len(joined)),
            Shown(list(people[:shown]), len(people)),
            Shown(list(orgs[:shown]), len(orgs)),
        )

    def topic_details(self, topic_id: str) -> tuple[Topic, list[Participation]] | None:
        topic = self.topics.get(topic_id)
        if topic is None:
            return None
        return topic, list(self._parts_of_topic.get(topic_id, ()))

    def work_details(self, work_id: str) -> tuple[Work, list[EventWork], list[Organization]] | None:
        work = self.works.get(work_id)
        if work is None:
            return None
        links = [w for w in self.work_links if w.work_id == work_id]
        orgs = [self.organizations[o] for w, o in self.work_organizations if w == work_id]
        return work, links, orgs

    def events_of(self, kind: EntityKind, entity_id: str) -> list[Event]:
        """Every event of an organization (any role), a person (any part), a place (held
        there or joined by it) or a topic (someone spoke on it), newest first."""
        if kind is EntityKind.ORGANIZATION:
            found: Iterable[Event] = (r.event for r in self._roles_of_org.get(entity_id, ()))
        elif kind is EntityKind.PERSON:
            found = (p.event for p in self._parts_of_person.get(entity_id, ()))
        elif kind is EntityKind.PLACE:
            found = [*self._held_in.get(entity_id, ()), *self._joined_by.get(entity_id, ())]
        elif kind is EntityKind.TOPIC:
            found = (p.event for p in self._parts_of_topic.get(entity_id, ()))
        else:
            return []
        return newest_first(dict.fromkeys(found))

    def aliases_of(self, kind: EntityKind, entity_id: str) -> list[str]:
        return list(self.aliases.get((str(kind), entity_id), ()))

    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.events),
            "people": len(self.people),
            "organizations": len(self.organizations),
            "places": len(self.places),
            "topics": len(self.topics),
            "works": len(self.works),
        }
