"""The cooperation network: who met whom across the border, and where. Two organizations,
people or cities of different countries met when both were at one event (an organization
as organizer, participant or partner — one only mentioned was not there; a person in any
part but «mentioned»; a city where it was held or as one of its cities).

Pure functions over the read model, built when asked (a network is a few loops over one
subject's events).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.kinds import EntityKind
from facts.entities import Event
from facts.model import Facts, newest_first, participant_country

NETWORK_KINDS = (EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.PLACE)
_PRESENT_ROLES = frozenset({"organizer", "participant", "partner"})


@dataclass(frozen=True, slots=True)
class Node:
    kind: EntityKind
    id: str
    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Partner:
    """Someone of another country met at `events` (newest first)."""

    node: Node
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Network:
    """One subject's partners across the border, by country, and the events they shared."""

    subject: Node
    partners: tuple[Partner, ...]  # by country, then by how often they met, then by name

    @property
    def events(self) -> list[Event]:
        return newest_first({e.id: e for p in self.partners for e in p.events}.values())

    def countries(self) -> list[str]:
        return list(dict.fromkeys(p.node.country or "" for p in self.partners))


def _present(facts: Facts, kind: EntityKind, event: Event) -> dict[str, Node]:
    """Who of `kind` was at `event`, with their country."""
    if kind is EntityKind.ORGANIZATION:
        return {
            link.organization_id: Node(kind, link.organization_id, link.organization.name,
                                       link.organization.country)
            for link in facts.event_organizations(event.id)
            if link.role in _PRESENT_ROLES
        }  # fmt: skip
    if kind is EntityKind.PERSON:
        return {
            p.person_id: Node(kind, p.person_id, p.person.full_name, participant_country(p))
            for p in facts.participations_of(event_id=event.id)
            if p.role != "mentioned"
        }
    places = [event.place] if event.place is not None else []
    places += [c.place for c in facts.event_cities(event.id)]
    return {p.id: Node(kind, p.id, p.name, p.country) for p in places}


def node_of(facts: Facts, kind: EntityKind, entity_id: str) -> Node | None:
    if kind is EntityKind.ORGANIZATION and (org := facts.organizations.get(entity_id)):
        return Node(kind, org.id, org.name, org.country)
    if kind is EntityKind.PERSON and (found := facts.person_and_participations(entity_id)):
        person, parts = found
        country = next((c for c in map(participant_country, parts) if c), None)
        return Node(kind, person.id, person.full_name, country)
    if kind is EntityKind.PLACE and (place := facts.get_place(entity_id)):
        return Node(kind, place.id, place.name, place.country)
    return None


def _in_year(events: Iterable[Event], year: int | None) -> list[Event]:
    return [e for e in events if year is None or e.year == year]


def network_of(
    facts: Facts,
    kind: EntityKind,
    entity_id: str,
    *,
    country: str | None = None,
    year: int | None = None,
) -> Network | None:
    """The partners of one organization, person or city from other countries (only those of
    `country` when given), at events of `year` when given; None when it is not in the content."""
    subject = node_of(facts, kind, entity_id)
    if subject is None:
        return None
    # A side is that of the event: a person's city or employer may differ from one event to
    # the next, and a side a source does not give is never borrowed from another event.
    met: dict[tuple[str, str], tuple[Node, list[Event]]] = {}
    for event in _in_year(facts.events_of(kind, entity_id), year):
        present = _present(facts, kind, event)
        if entity_id not in present:
            continue  # only mentioned there
        home = present[entity_id].country
        if home is None:
            continue  # whose side they were on is not known: no border crossed that we know of
        for other_id, other in present.items():
            if other_id == entity_id or other.country is None or other.country == home:
                continue
            if country is not None and other.country != country:
                continue
            met.setdefault((other_id, other.country), (other, []))[1].append(event)
    partners = [Partner(node, tuple(newest_first(events))) for node, events in met.values()]
    partners.sort(key=lambda p: (p.node.country or "", -len(p.events), p.node.name))
    return Network(subject, tuple(partners))


@dataclass(frozen=True, slots=True)
class Meeting:
    """Two of different countries at the same events."""

    first: Node
    second: Node
    events: tuple[Event, ...]


def meetings(
    facts: Facts,
    kind: EntityKind = EntityKind.ORGANIZATION,
    *,
    first: str | None = None,
    second: str | None = None,
    year: int | None = None,
    place: str | None = None,
) -> list[Meeting]:
    """Every pair of `kind` from two different countries that met (those of `first`'s country
    first, and of `second`'s when given), at events of `year` and held in or joined by
    `place` when given; most events first."""
    pairs: dict[tuple[str, str], tuple[Node, Node, list[Event]]] = {}
    events = facts.events_of(EntityKind.PLACE, place) if place else facts.all_events()
    for event in _in_year(events, year):
        present = list(_present(facts, kind, event).values())
        for a in present:
            for b in present:
                if a.country is None or b.country is None or a.country == b.country:
                    continue
                if first is not None and a.country != first:
                    continue
                if second is not None and b.country != second:
                    continue
                if first is None and second is None and a.country > b.country:
                    continue  # each pair once
                pairs.setdefault((a.id, b.id), (a, b, []))[2].append(event)
    found = [Meeting(a, b, tuple(newest_first(events))) for a, b, events in pairs.values()]
    found.sort(key=lambda m: (-len(m.events), m.first.name, m.second.name))
    return found
