"""What admins' /stats reads from the database: bookkeeping, not facts (the facts are read
from the read model, facts/)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import AdminAction, BotUser, ContentLoad


async def last_load_time(session: AsyncSession) -> datetime | None:
    return await session.scalar(select(func.max(ContentLoad.loaded_at)))


async def recent_admin_actions(session: AsyncSession, limit: int) -> list[AdminAction]:
    rows = await session.scalars(select(AdminAction).order_by(AdminAction.id.desc()).limit(limit))
    return list(rows)


async def count_users(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(BotUser)) or 0
