"""What differs between the databases the bot runs on (SQLite, PostgreSQL): the INSERT that
knows ON CONFLICT."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """`insert(table)` with `on_conflict_do_nothing` / `on_conflict_do_update`, in the
    session's dialect."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)
