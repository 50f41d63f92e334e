"""The facts as plain immutable objects: one class per kind of fact, with the attributes the
views read (the database's columns and the links between them, already followed).

An object is made once per content version and shared by every answer; two objects are the
same fact only if they are the same object (identity, as for rows of one session)."""

from __future__ import annotations

from dataclasses import dataclass

from db.dates import PartialDate

_FACT = dataclass(frozen=True, slots=True, eq=False)


@_FACT
class Source:
    id: str
    file: str
    title: str
    note: str | None


@_FACT
class Place:
    id: str
    name: str
    country: str
    note: str | None
    other_name: str | None  # shown beside the name: «Астана (Нур-Султан)»


@_FACT
class Organization:
    id: str
    name: str
    short_name: str | None
    country: str | None
    city_id: str | None
    parent_id: str | None
    note: str | None
    abbreviation: str | None  # its first abbreviation: «… (ФПС)»
    city: Place | None
    parent: Organization | None


@_FACT
class Person:
    id: str
    first_name: str
    last_name: str
    patronymic: str | None
    city_id: str | None
    note: str | None
    city: Place | None

    @property
    def full_name(self) -> str:
        parts = [self.first_name, self.patronymic, self.last_name]
        return " ".join(p for p in parts if p)


@_FACT
class Topic:
    id: str
    name: str


@_FACT
class Work:
    """A project, publication or document mentioned in the sources."""

    id: str
    kind: str
    title: str
    series: str | None
    description: str | None


@_FACT
class Event:
    id: str
    kind: str
    status: str
    title: str
    short_title: str | None
    year: int | None
    month: int | None
    day: int | None
    date_precision: str
    date_inferred: bool
    date_note: str | None
    format: str
    place_id: str | None
    source_id: str
    summary: str | None
    website: str | None
    place: Place | None
    source: Source

    @property
    def display_title(self) -> str:
        """The name lists and buttons show: the short title when there is one."""
        return self.short_title or self.title

    @property
    def partial_date(self) -> PartialDate:
        return PartialDate(self.year, self.month, self.day)


@_FACT
class EventCity:
    event_id: str
    place_id: str
    position: int
    place: Place


@_FACT
class EventOrganization:
    event_id: str
    organization_id: str
    role: str
    position: int
    organization: Organization
    event: Event


@_FACT
class EventWork:
    event_id: str
    work_id: str
    role: str
    work: Work
    event: Event


@_FACT
class EventRelation:
    event_id: str
    related_event_id: str
    relation: str
    related: Event


@_FACT
class PersonPosition:
    """A position held at an event, in an organization (a person may hold several at once)."""

    id: int
    participation_id: int
    title: str
    organization_id: str | None
    position: int
    organization: Organization | None


@_FACT
class Participation:
    """A person at an event: their role, city, positions and what they said there."""

    id: int
    event_id: str
    person_id: str
    role: str
    city_id: str | None
    summary: str | None
    position: int
    event: Event
    person: Person
    city: Place | None
    positions: tuple[PersonPosition, ...]
    topics: tuple[Topic, ...]
