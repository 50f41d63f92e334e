"""What a load owes subscribers: a notice for each upcoming event it added or changed, to
everyone who follows something the event concerns (users/subscriptions.py keeps who follows
what and sends nothing itself)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import Subscription
from loading.schema import EventSpec
from users.subscriptions import Reason, SubjectKind, owe, version_key


def event_subjects(event: EventSpec) -> set[tuple[str, str]]:
    """Every (subject kind, id) an event of the content concerns, «all» included."""
    subjects = {(SubjectKind.ALL.value, "")}
    places = ([event.place] if event.place else []) + list(event.cities)
    subjects |= {(SubjectKind.PLACE.value, p) for p in places}
    subjects |= {(SubjectKind.ORGANIZATION.value, o.organization) for o in event.organizations}
    for part in event.participants:
        subjects.add((SubjectKind.PERSON.value, part.person))
        subjects |= {(SubjectKind.TOPIC.value, t) for t in part.topics}
    return subjects


async def owe_change_notices(
    session: AsyncSession, events: Sequence[tuple[EventSpec, bool, str]], today: date
) -> int:
    """Notices for events a load added or changed: (the event, added?, its stored form).
    Only upcoming, not cancelled events are announced. Works from the content itself and
    one read of the subscriptions, so a load of thousands of events costs no queries each."""
    upcoming = [
        (event, added, data)
        for event, added, data in events
        if event.status != "cancelled" and event.date.partial.is_upcoming(today)
    ]
    if not upcoming:
        return 0
    followers: dict[tuple[str, str], set[int]] = {}
    for user_id, kind, entity_id in await session.execute(
        select(Subscription.user_id, Subscription.kind, Subscription.entity_id)
    ):
        followers.setdefault((kind, entity_id), set()).add(user_id)
    if not followers:
        return 0
    owed = 0
    for event, added, data in upcoming:
        users = set().union(*(followers.get(s, set()) for s in event_subjects(event)))
        reason = Reason.NEW if added else Reason.CHANGED
        owed += await owe(session, users, reason, event.id, version_key(data))
    return owed
