"""Drafts under review in the chat, stored as their JSON with the admin who reviews them: a
review outlives a restart, and only its own admin can act on it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import DraftReview

OPEN = "open"
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
