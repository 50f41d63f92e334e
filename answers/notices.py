"""What one owed delivery says, built when it is sent (in the recipient's language)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Answer
from db.kinds import EntityKind
from db.models import Broadcast, Delivery
from facts.edition import Edition
from users.subscriptions import Reason
from views import notices as view
from views.keyboards import cards

broadcast_report = view.broadcast_report


async def notice(
    session: AsyncSession, edition: Edition, delivery: Delivery, today: date
) -> Answer | None:
    """The message of `delivery`; None when there is nothing to say any more (the event was
    removed or has passed, the broadcast is gone)."""
    reason = Reason(delivery.reason)
    if reason is Reason.BROADCAST:
        broadcast = await session.get(Broadcast, int(delivery.ref))
        return None if broadcast is None else Answer(view.broadcast_text(broadcast.text))
    event = edition.facts.get_event(delivery.ref)
    if event is None or not event.partial_date.is_upcoming(today):
        return None
    button = [(EntityKind.EVENT, event.id, event.display_title)]
    return Answer(view.event_notice(reason, event), cards(button))
