"""Drafts under review in the chat, stored as their JSON with the admin who reviews them: a
review outlives a restart, and only its own admin can act on it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import DraftReview

OPEN = "open"
PUBLISHING = "publishing"  # claimed by one «Опубликовать»: no other step acts on it meanwhile
PUBLISHED = "published"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


async def open_review(session: AsyncSession, admin_id: int, data: str) -> int:
    """Store a new review; its id."""
    now = _now()
    row = DraftReview(admin_id=admin_id, data=data, status=OPEN, created_at=now, updated_at=now)
    session.add(row)
    await session.commit()
    return row.id


async def read_review(session: AsyncSession, review_id: int, admin_id: int) -> str | None:
    """The JSON of an open review of this admin, or None (another admin's, published, gone)."""
    row = await session.scalar(
        select(DraftReview).where(
            DraftReview.id == review_id,
            DraftReview.admin_id == admin_id,
            DraftReview.status == OPEN,
        )
    )
    return row.data if row is not None else None


async def write_review(
    session: AsyncSession, review_id: int, data: str, *, published: bool = False
) -> None:
    row = await session.get(DraftReview, review_id)
    if row is None:
        return
    row.data, row.updated_at = data, _now()
    if published:
        row.status = PUBLISHED
    await session.commit()


async def claim(session: AsyncSession, review_id: int, admin_id: int) -> bool:
    """Take an open review for publishing; False when another press (on any instance) took
    it first, or it is not this admin's."""
    result = await session.execute(
        update(DraftReview)
        .where(
            DraftReview.id == review_id,
            DraftReview.admin_id == admin_id,
            DraftReview.status == OPEN,
        )
        .values(status=PUBLISHING, updated_at=_now())
    )
    await session.commit()
    return bool(result.rowcount)


async def release(session: AsyncSession, review_id: int) -> None:
    """A publishing that failed: the review is open again, as it was."""
    await session.execute(
        update(DraftReview).where(DraftReview.id == review_id).values(status=OPEN)
    )
    await session.commit()
