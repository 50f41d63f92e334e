"""Opening the card of any entity a search hit names."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.events import event_answer
from handlers.organizations import org_answer
from handlers.people import person_answer
from handlers.places import place_answer
from handlers.replies import Answer
from handlers.topics import topic_answer, work_answer


async def card_answer(session: AsyncSession, kind: str, entity_id: str, today: date) -> Answer:
    """The card of a search hit's entity (kind as in db.search: 'person', 'event', …)."""
    if kind == "event":
        return await event_answer(session, entity_id, today)
    opener = {
        "person": person_answer,
        "organization": org_answer,
        "place": place_answer,
        "topic": topic_answer,
        "work": work_answer,
    }[kind]
    return await opener(session, entity_id)
