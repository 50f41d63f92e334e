"""Subscriptions and what they owe: who follows what, which users an event concerns, and the
deliveries (notices of new or changed upcoming events, reminders, broadcasts) written to the
database so that sending survives restarts and never repeats."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Executable, delete, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.dialects import upsert_insert
from db.kinds import EntityKind
from db.models import (
    BotUser,
    Broadcast,
    Delivery,
    Event,
    EventCity,
    EventOrganization,
    Participation,
    ParticipationTopic,
    Subscription,
)


class SubjectKind(StrEnum):
    """What a subscription follows."""

    ALL = "all"
    ORGANIZATION = "organization"
    PLACE = "place"
    PERSON = "person"
    TOPIC = "topic"

    @classmethod
    def of(cls, kind: EntityKind) -> SubjectKind | None:
        return cls(kind.value) if kind.value in cls._value2member_map_ else None


class Reason(StrEnum):
    NEW = "new"  # an upcoming event appeared
    CHANGED = "changed"  # an upcoming event changed
    WEEK = "week"  # a week before
    DAY = "day"  # the day before
    MONTH = "month"  # the month of an event known only to the month has begun
    BROADCAST = "broadcast"


class Status(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed: sent or not, it is never sent again
    SENT = "sent"
    BLOCKED = "blocked"  # the user blocked the bot or is gone
    FAILED = "failed"


# A claimed delivery is sent within seconds; one claimed longer ago than this was left by a
# process that stopped.
CLAIM_LIFETIME = timedelta(minutes=2)
OWE_BATCH = 500  # deliveries written by one statement (7 parameters each)


def _insert_ignoring_duplicates(
    session: AsyncSession, table: type, values: list[dict[str, object]]
) -> Executable:
    """INSERT … ON CONFLICT DO NOTHING in the database's own dialect."""
    return upsert_insert(session, table).values(values).on_conflict_do_nothing()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- subscriptions -------------------------------------------------------------------------


MAX_SUBSCRIPTIONS = 50  # per user: more would be a list nobody reads, and room for abuse


class Subscribed(StrEnum):
    NEW = "new"
    ALREADY = "already"
    FULL = "full"  # the user has MAX_SUBSCRIPTIONS already


async def subscribe(
    session: AsyncSession, user_id: int, kind: SubjectKind, entity_id: str
) -> Subscribed:
    """Add a subscription, unless the user has it or has MAX_SUBSCRIPTIONS already."""
    held = await session.scalar(
        select(func.count()).select_from(Subscription).where(Subscription.user_id == user_id)
    )
    row = {"user_id": user_id, "kind": kind.value, "entity_id": entity_id, "created_at": _now()}
    if (held or 0) >= MAX_SUBSCRIPTIONS:
        has = await session.scalar(
            select(Subscription.id).where(
                Subscription.user_id == user_id,
                Subscription.kind == kind.value,
                Subscription.entity_id == entity_id,
            )
        )
        return Subscribed.ALREADY if has is not None else Subscribed.FULL
    result = await session.execute(_insert_ignoring_duplicates(session, Subscription, [row]))
    return Subscribed.NEW if result.rowcount else Subscribed.ALREADY


async def unsubscribe(session: AsyncSession, user_id: int, subscription_id: int | None) -> int:
    """Remove one subscription of the user (or all of them when None); how many went."""
    query = delete(Subscription).where(Subscription.user_id == user_id)
    if subscription_id is not None:
        query = query.where(Subscription.id == subscription_id)
    return (await session.execute(query)).rowcount or 0


async def subscriptions_of(session: AsyncSession, user_id: int) -> list[Subscription]:
    rows = await session.scalars(
        select(Subscription).where(Subscription.user_id == user_id).order_by(Subscription.id)
    )
    return list(rows)


async def drop_user(session: AsyncSession, user_id: int) -> None:
    """The user blocked the bot or deleted their account: nothing more is sent to them."""
    await session.execute(delete(Subscription).where(Subscription.user_id == user_id))
    await session.execute(
        update(Delivery)
        .where(Delivery.user_id == user_id, Delivery.status == Status.PENDING)
        .values(status=Status.BLOCKED)
    )


async def subjects_of(session: AsyncSession, event_id: str) -> set[tuple[str, str]]:
    """Every (subject kind, id) an event concerns, «all» included."""
    subjects = {(SubjectKind.ALL.value, "")}
    event = await session.get(Event, event_id)
    if event is None:
        return subjects
    if event.place_id:
        subjects.add((SubjectKind.PLACE.value, event.place_id))
    for (place_id,) in await session.execute(
        select(EventCity.place_id).where(EventCity.event_id == event_id)
    ):
        subjects.add((SubjectKind.PLACE.value, place_id))
    for (org_id,) in await session.execute(
        select(EventOrganization.organization_id).where(EventOrganization.event_id == event_id)
    ):
        subjects.add((SubjectKind.ORGANIZATION.value, org_id))
    for (person_id,) in await session.execute(
        select(Participation.person_id).where(Participation.event_id == event_id)
    ):
        subjects.add((SubjectKind.PERSON.value, person_id))
    for (topic_id,) in await session.execute(
        select(ParticipationTopic.topic_id)
        .join(Participation, Participation.id == ParticipationTopic.participation_id)
        .where(Participation.event_id == event_id)
    ):
        subjects.add((SubjectKind.TOPIC.value, topic_id))
    return subjects


async def subscribers_of(session: AsyncSession, event_id: str) -> set[int]:
    subjects = await subjects_of(session, event_id)
    rows = await session.scalars(
        select(Subscription.user_id).where(
            tuple_(Subscription.kind, Subscription.entity_id).in_(sorted(subjects))
        )
    )
    return set(rows)


async def audience(session: AsyncSession, kind: str, entity_id: str) -> set[int]:
    """A broadcast's recipients: every user («users»), or the subscribers of one subject."""
    if kind == "users":
        return set(await session.scalars(select(BotUser.id)))
    query = select(Subscription.user_id).where(Subscription.kind == kind)
    if kind != SubjectKind.ALL:
        query = query.where(Subscription.entity_id == entity_id)
    return set(await session.scalars(query))


# --- what is owed ----------------------------------------------------------------------------


async def owe(
    session: AsyncSession, users: Iterable[int], reason: Reason, ref: str, key: str
) -> int:
    """A delivery to each of `users`, unless one with the same reason, ref and key exists."""
    values = [
        {
            "user_id": user_id,
            "reason": reason.value,
            "ref": ref,
            "key": key,
            "status": Status.PENDING.value,
            "attempts": 0,
            "created_at": _now(),
        }
        for user_id in sorted(set(users))
    ]
    owed = 0
    # A statement per OWE_BATCH rows: both databases cap one statement's parameters (asyncpg
    # at 32,767), and a broadcast goes to every user.
    for start in range(0, len(values), OWE_BATCH):
        batch = values[start : start + OWE_BATCH]
        result = await session.execute(_insert_ignoring_duplicates(session, Delivery, batch))
        owed += result.rowcount or 0
    return owed


def version_key(data: str) -> str:
    """A short digest of an event's stored form: a change makes a new notice, a reload of the
    same facts does not."""
    return hashlib.sha256(data.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Due:
    event_id: str
    reason: Reason
    key: str


def due_reminders(events: Iterable[Event], today: date) -> list[Due]:
    """Reminders due today: a week and a day before an event with a known day; for an event
    known only to its month, one when that month has begun."""
    due = []
    for event in events:
        if event.status == "cancelled" or event.year is None or event.month is None:
            continue
        if event.day is not None:
            days_left = (date(event.year, event.month, event.day) - today).days
            if days_left == 1:
                due.append(Due(event.id, Reason.DAY, f"{event.year}-{event.month}-{event.day}"))
            elif 1 < days_left <= 7:
                due.append(Due(event.id, Reason.WEEK, f"{event.year}-{event.month}-{event.day}"))
        elif (today.year, today.month) == (event.year, event.month):
            due.append(Due(event.id, Reason.MONTH, f"{event.year}-{event.month}"))
    return due


async def owe_reminders(session: AsyncSession, today: date) -> int:
    owed = 0
    for due in due_reminders(await session.scalars(select(Event)), today):
        users = await subscribers_of(session, due.event_id)
        owed += await owe(session, users, due.reason, due.event_id, due.key)
    return owed


# --- sending ---------------------------------------------------------------------------------


async def claim(session: AsyncSession, limit: int) -> list[Delivery]:
    """The next pending deliveries, marked as being sent (committed by the caller first).
    On PostgreSQL rows another instance is claiming are skipped, not waited for (SQLite
    has one writer at a time anyway)."""
    rows = list(
        await session.scalars(
            select(Delivery)
            .where(Delivery.status == Status.PENDING)
            .order_by(Delivery.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    now = _now()
    for row in rows:
        row.status = Status.SENDING.value
        row.attempts += 1
        row.claimed_at = now
    return rows


async def pending_count(session: AsyncSession) -> int:
    """Messages waiting to be sent."""
    count = await session.scalar(
        select(func.count()).select_from(Delivery).where(Delivery.status == Status.PENDING)
    )
    return count or 0


async def finish(session: AsyncSession, delivery_id: int, status: Status) -> None:
    await session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(status=status.value, sent_at=_now() if status is Status.SENT else None)
    )


async def abandon_interrupted(session: AsyncSession, older_than: timedelta = CLAIM_LIFETIME) -> int:
    """Deliveries claimed by a process that stopped: maybe sent, so never sent again. Only
    claims older than `older_than` (a claim is sent within seconds): another instance may be
    sending the newer ones right now."""
    stale = _now() - older_than
    result = await session.execute(
        update(Delivery)
        .where(
            Delivery.status == Status.SENDING,
            (Delivery.claimed_at.is_(None)) | (Delivery.claimed_at < stale),
        )
        .values(status=Status.FAILED)
    )
    return result.rowcount or 0


async def broadcast_counts(session: AsyncSession, broadcast_id: int) -> dict[str, int]:
    rows = await session.execute(
        select(Delivery.status, func.count())
        .where(Delivery.reason == Reason.BROADCAST, Delivery.ref == str(broadcast_id))
        .group_by(Delivery.status)
    )
    return {status: count for status, count in rows}


async def unreported_broadcasts(session: AsyncSession) -> list[Broadcast]:
    return list(await session.scalars(select(Broadcast).where(Broadcast.status == "sending")))
