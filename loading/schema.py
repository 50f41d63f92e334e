"""Typed schema of the content files: what each section of a YAML file may contain."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from db.dates import PartialDate, check_date_parts

# Ids go into callback data (64 bytes at most), so they are short ASCII slugs.
EntityId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=48)
]
NAME_LIMIT = 300  # characters in a name or a title
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_LIMIT)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


def _web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
        raise ValueError("адрес сайта — ссылка вида https://example.org/…")
    return value


WebAddress = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_web_address)
]

EventKind = Literal["round_table", "forum", "meeting", "conference", "signing", "other"]
EventStatus = Literal["held", "announced", "cancelled"]
EventFormat = Literal["online", "offline", "hybrid", "unknown"]
OrgRole = Literal["organizer", "participant", "partner", "mentioned"]
ParticipantRole = Literal["speaker", "moderator", "participant", "mentioned"]
# The roles of those who spoke: the rest took part or were only named.
SPEAKING_ROLES: tuple[ParticipantRole, ...] = ("speaker", "moderator")
WorkKind = Literal["project", "publication", "document"]
WorkRole = Literal["presented", "mentioned", "signed", "discussed"]
Relation = Literal["prepares", "continues", "mentions", "followed_by"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpec(Strict):
    id: EntityId
    file: Name
    title: Name
    note: LongText | None = None


class PlaceSpec(Strict):
    id: EntityId
    name: Name
    country: Country
    other_names: list[Name] = []  # shown next to the name: «Астана (Нур-Султан)»
    historic_names: list[Name] = []  # only found by search
    note: LongText | None = None


class OrganizationSpec(Strict):
    id: EntityId
    name: Name
    short_name: Name | None = None
    abbreviations: list[Name] = []
    aliases: list[Name] = []
    country: Country | None = None
    city: EntityId | None = None
    parent: EntityId | None = None
    note: LongText | None = None


class PersonSpec(Strict):
    id: EntityId
    first_name: Name
    last_name: Name
    patronymic: Name | None = None
    city: EntityId | None = None
    aliases: list[Name] = []
    note: LongText | None = None


class TopicSpec(Strict):
    id: EntityId
    name: Name
    aliases: list[Name] = []


class WorkSpec(Strict):
    id: EntityId
    kind: WorkKind
    title: Name
    series: Name | None = None
    organizations: list[EntityId] = []
    description: LongText | None = None


class DateSpec(Strict):
    year: int | None = Field(default=None, ge=1900, le=2100)
    month: int | None = None
    day: int | None = None
    inferred: bool = False
    note: LongText | None = None

    @model_validator(mode="after")
    def _date_exists(self) -> DateSpec:
        check_date_parts(self.year, self.month, self.day)
        if self.inferred and self.year is None:
            raise ValueError("для «inferred: true» нужен год (year)")
        return self

    @property
    def partial(self) -> PartialDate:
        return PartialDate(self.year, self.month, self.day)


class PositionSpec(Strict):
    title: Name
    organization: EntityId | None = None


class ParticipantSpec(Strict):
    person: EntityId
    role: ParticipantRole = "speaker"
    positions: list[PositionSpec] = []
    city: EntityId | None = None
    summary: LongText | None = None
    topics: list[EntityId] = []


class EventOrganizationSpec(Strict):
    organization: EntityId
    role: OrgRole


class EventWorkSpec(Strict):
    work: EntityId
    role: WorkRole = "mentioned"


class EventRelationSpec(Strict):
    event: EntityId
    relation: Relation


class EventSpec(Strict):
    id: EntityId
    kind: EventKind
    status: EventStatus
    title: Name
    short_title: Name | None = None
    aliases: list[Name] = []
    date: DateSpec = DateSpec()
    format: EventFormat = "unknown"
    place: EntityId | None = None
    source: EntityId
    summary: LongText | None = None
    website: WebAddress | None = None
    cities: list[EntityId] = []
    organizations: list[EventOrganizationSpec] = []
    works: list[EventWorkSpec] = []
    related: list[EventRelationSpec] = []
    participants: list[ParticipantSpec] = []


class ContentFile(Strict):
    """One YAML file: any of the sections below, each a list of entries, and — in a file made
    from a draft — whether a person has reviewed it (`review: draft` is never loaded)."""

    review: Literal["draft", "reviewed"] | None = None
    sources: list[SourceSpec] = []
    places: list[PlaceSpec] = []
    organizations: list[OrganizationSpec] = []
    people: list[PersonSpec] = []
    topics: list[TopicSpec] = []
    works: list[WorkSpec] = []
    events: list[EventSpec] = []
