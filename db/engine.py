"""Engine and session factory for the database DATABASE_URL names: SQLite (the embedded
default) or PostgreSQL through asyncpg. The schema itself is db.migrations'."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from db.migrations import upgrade_schema


def _prepare_sqlite_file(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str) -> AsyncEngine:
    _prepare_sqlite_file(url)
    if make_url(url).get_backend_name() != "sqlite":
        # A server's connections can be dropped behind the pool's back (restarts, proxies).
        return create_async_engine(url, pool_pre_ping=True)
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

    return engine


async def create_schema(engine: AsyncEngine) -> None:
    """Create the schema in an empty database, or upgrade an older one."""
    await upgrade_schema(engine)


def create_session_maker(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
