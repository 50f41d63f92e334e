"""What differs between the databases the bot runs on (SQLite, PostgreSQL): the INSERT that
knows ON CONFLICT, and who keeps the query planner's statistics."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """`insert(table)` with `on_conflict_do_nothing` / `on_conflict_do_update`, in the
    session's dialect."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


async def refresh_statistics(session: AsyncSession, *, unless_kept: bool = False) -> None:
    """Give SQLite's query planner the statistics of the stored facts (ANALYZE: tens of
    milliseconds at thousands of events), inside the caller's transaction; with
    `unless_kept`, only when it has none yet.

    SQLite never gathers them itself, and without them it guesses: an alias lookup by
    entity ordered by id was planned as a walk over every alias of that kind (5 ms a card at
    scale instead of a few microseconds). PostgreSQL's autovacuum keeps its own.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    if unless_kept:
        kept = await session.scalar(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        )
        if kept:
            return
    await session.execute(text("ANALYZE"))
