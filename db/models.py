"""SQLAlchemy models: the facts loaded from content/ plus bookkeeping about the loads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.dates import PartialDate

# The largest id an integer column holds (BIGINT; SQLite's INTEGER alike): a number typed or
# sent by a client past it names no row, and the database driver would refuse it outright.
MAX_ID = 2**63 - 1


class Base(DeclarativeBase):
    """Relationships load eagerly ("selectin"): the facts are few and every card shows them,
    while lazy loading would fail outside a greenlet under asyncio."""


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    file: Mapped[str] = mapped_column(String(255))
    title: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Place(Base):
    __tablename__ = "places"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))
    note: Mapped[str | None] = mapped_column(Text)
    # The other name shown beside the name, «Астана (Нур-Султан)», kept here because every
    # card that names a place shows it.
    other_name: Mapped[str | None] = mapped_column(Text)

    # Every former and other name: only the city's own card lists them (loaded there).
    other_names: Mapped[list[Alias]] = relationship(
        primaryjoin="and_(Alias.entity_kind == 'place', foreign(Alias.entity_id) == Place.id)",
        viewonly=True,
        lazy="raise",
        order_by="Alias.id",
    )


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    city_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"))
    note: Mapped[str | None] = mapped_column(Text)
    # Its first abbreviation, kept here because every mention shows it: «… (ФПС)».
    abbreviation: Mapped[str | None] = mapped_column(Text)

    city: Mapped[Place | None] = relationship(lazy="joined")
    parent: Mapped[Organization | None] = relationship(
        remote_side=[id], lazy="selectin", join_depth=4
    )
    aliases: Mapped[list[Alias]] = relationship(
        primaryjoin="and_(Alias.entity_kind == 'organization', "
        "foreign(Alias.entity_id) == Organization.id)",
        viewonly=True,
        lazy="raise",  # only the organization's own card lists them (loaded there)
        order_by="Alias.id",
    )


class Person(Base):
    __tablename__ = "people"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str | None] = mapped_column(String(100))
    city_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"))
    note: Mapped[str | None] = mapped_column(Text)

    city: Mapped[Place | None] = relationship(lazy="joined")

    @property
    def full_name(self) -> str:
        parts = [self.first_name, self.patronymic, self.last_name]
        return " ".join(p for p in parts if p)


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class Work(Base):
    """A project, publication or document mentioned in the sources."""

    __tablename__ = "works"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    series: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class WorkOrganization(Base):
    __tablename__ = "work_organizations"

    work_id: Mapped[str] = mapped_column(ForeignKey("works.id"), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), primary_key=True)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    short_title: Mapped[str | None] = mapped_column(Text)
    # A date can be known only partly: precision says which parts are known.
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[int | None] = mapped_column(Integer)
    date_precision: Mapped[str] = mapped_column(String(10))
    date_inferred: Mapped[bool] = mapped_column(default=False)
    date_note: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(10))
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"))
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    summary: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(Text)

    place: Mapped[Place | None] = relationship(lazy="joined")
    source: Mapped[Source] = relationship(lazy="joined")

    @property
    def display_title(self) -> str:
        """The name lists and buttons show: the short title when there is one."""
        return self.short_title or self.title

    @property
    def partial_date(self) -> PartialDate:
        return PartialDate(self.year, self.month, self.day)


class EventCity(Base):
    __tablename__ = "event_cities"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    place_id: Mapped[str] = mapped_column(ForeignKey("places.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    place: Mapped[Place] = relationship(lazy="joined")


class EventOrganization(Base):
    __tablename__ = "event_organizations"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    organization: Mapped[Organization] = relationship(lazy="joined")
    event: Mapped[Event] = relationship(lazy="joined")


class EventWork(Base):
    __tablename__ = "event_works"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    work_id: Mapped[str] = mapped_column(ForeignKey("works.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))

    work: Mapped[Work] = relationship(lazy="joined")
    event: Mapped[Event] = relationship(lazy="joined")


class EventRelation(Base):
    __tablename__ = "event_relations"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    related_event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    relation: Mapped[str] = mapped_column(String(20))

    related: Mapped[Event] = relationship(foreign_keys=[related_event_id], lazy="joined")


class Participation(Base):
    """A person at an event: their role, city and what they said there."""

    __tablename__ = "participations"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    role: Mapped[str] = mapped_column(String(20))
    city_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"))
    summary: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(lazy="joined")
    person: Mapped[Person] = relationship(lazy="joined")
    city: Mapped[Place | None] = relationship(lazy="joined")
    positions: Mapped[list[PersonPosition]] = relationship(
        order_by="PersonPosition.position", lazy="selectin"
    )
    topics: Mapped[list[Topic]] = relationship(secondary="participation_topics", lazy="selectin")


class PersonPosition(Base):
    """A position held at an event, in an organization (a person may hold several at once)."""

    __tablename__ = "person_positions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    participation_id: Mapped[int] = mapped_column(ForeignKey("participations.id"))
    title: Mapped[str] = mapped_column(Text)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    organization: Mapped[Organization | None] = relationship(lazy="joined")


class ParticipationTopic(Base):
    __tablename__ = "participation_topics"

    participation_id: Mapped[int] = mapped_column(ForeignKey("participations.id"), primary_key=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), primary_key=True)


class Alias(Base):
    """Another name of an entity: former city names, abbreviations, short names."""

    __tablename__ = "aliases"
    __table_args__ = (Index("ix_aliases_entity", "entity_kind", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entity_kind: Mapped[str] = mapped_column(String(20), index=True)
    entity_id: Mapped[str] = mapped_column(String(100))
    alias: Mapped[str] = mapped_column(Text)
    alias_kind: Mapped[str] = mapped_column(String(20))


class ContentEntity(Base):
    """Each loaded entity as canonical JSON, so a reload can tell what it adds or changes."""

    __tablename__ = "content_entities"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    data: Mapped[str] = mapped_column(Text)


class SearchRow(Base):
    """One entity's words for the search index (search.index): its names, details and texts,
    every word with all of its forms. Each process builds its full-text index from these."""

    __tablename__ = "search_rows"
    __table_args__ = (Index("ix_search_rows_entity", "kind", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(Text)
    name_forms: Mapped[str] = mapped_column(Text)  # JSON: [[[form, …] per word] per name]
    names: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class ContentLoad(Base):
    """One successful load of content/: a version, with the files it came from.

    The files of recent loads are kept so that /rollback can restore the previous version.
    """

    __tablename__ = "content_loads"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    loaded_at: Mapped[datetime] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(64))
    file_count: Mapped[int] = mapped_column(Integer)
    files_json: Mapped[str | None] = mapped_column(Text)  # {path: text}; None once pruned
    admin_id: Mapped[int | None] = mapped_column(BigInteger)  # None: start-up or the console
    summary: Mapped[str] = mapped_column(Text, default="")


class AdminAction(Base):
    """Who did what, and when: every admin command is recorded here and in the log."""

    __tablename__ = "admin_actions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column()
    admin_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text, default="")


class BotUser(Base):
    """A user who has written to the bot (for /stats): id and when last seen, nothing else."""

    __tablename__ = "bot_users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    first_seen: Mapped[datetime] = mapped_column()
    last_seen: Mapped[datetime] = mapped_column()


class UserLanguage(Base):
    """The interface language a user chose with /lang (kept apart from `bot_users`, which
    older databases already hold without it)."""

    __tablename__ = "user_languages"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(8))


class Subscription(Base):
    """A user follows all events (`kind` «all») or those of one organization, place, person or
    topic (`kind` the subject's kind, `entity_id` its id)."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("user_id", "kind", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column()


class Delivery(Base):
    """One message owed to one user: a notice of a new or changed event, a reminder, a
    broadcast. The unique key makes each owed once; the status makes a restart resume
    without sending anything twice."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("user_id", "reason", "ref", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    reason: Mapped[str] = mapped_column(String(20))
    ref: Mapped[str] = mapped_column(String(100))  # an event id or a broadcast id
    key: Mapped[str] = mapped_column(String(80))  # the event's version, the reminder's date
    status: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    # When an instance took it for sending: one that stopped long ago is not coming back.
    claimed_at: Mapped[datetime | None] = mapped_column()


class Broadcast(Base):
    """An admin's message to all users or to the subscribers of one subject."""

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    admin_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    audience_kind: Mapped[str] = mapped_column(String(20))  # «users» or a subscription kind
    audience_id: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(12))  # draft | sending | reported | cancelled
    created_at: Mapped[datetime] = mapped_column()


class DraftReview(Base):
    """A draft an admin is reviewing in the chat: the facts and each one's verdict, as the
    JSON of `drafting.review.Review`, kept so that a restart loses nothing."""

    __tablename__ = "draft_reviews"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    admin_id: Mapped[int] = mapped_column(BigInteger, index=True)
    data: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))  # open | published
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()


def _index_foreign_keys() -> None:
    """An index on every foreign-key column: deleting the facts before a load checks each
    reference, and cards look rows up by them; without these both scan whole tables."""
    for table in Base.metadata.tables.values():
        names = {index.name for index in table.indexes}
        for column in sorted({fk.parent for fk in table.foreign_keys}, key=lambda c: c.name):
            name = f"ix_{table.name}_{column.name}"
            if name not in names:
                Index(name, column)


_index_foreign_keys()
