"""Engine and session factory for the database DATABASE_URL names: SQLite (the embedded
default) or PostgreSQL through asyncpg. The schema itself is db.migrations'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
        engine = create_async_engine(url, pool_pre_ping=True)
        if engine.dialect.name == "postgresql":
            event.listen(
                engine.sync_engine, "before_cursor_execute", _without_nul_characters, retval=True
            )
        return engine
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


def _no_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, (list, tuple)):
        return type(value)(_no_nul(v) for v in value)
    if isinstance(value, dict):
        return {k: _no_nul(v) for k, v in value.items()}
    return value


def _without_nul_characters(  # type: ignore[no-untyped-def]
    conn, cursor, statement, parameters, context, executemany
):
    """PostgreSQL's text cannot hold U+0000, which SQLite stores and a user or a file can
    send: it becomes U+FFFD instead of an error (a lookup by such an id finds nothing, as on
    SQLite)."""
    return statement, _no_nul(parameters)


async def create_schema(engine: AsyncEngine) -> None:
    """Create the schema in an empty database, or upgrade an older one."""
    await upgrade_schema(engine)


_KEYS: dict[int, tuple[Any, str]] = {}  # id(engine or connection) -> (it, its key)


def database_key(bind: Any) -> str:
    """The database an engine or a connection talks to, as a key: its URL without the
    password ("" for none)."""
    if bind is None:
        return ""
    known = _KEYS.get(id(bind))
    if known is None or known[0] is not bind:
        url = getattr(bind, "engine", bind).url
        known = _KEYS[id(bind)] = (bind, url.render_as_string(hide_password=True))
    return known[1]


def create_session_maker(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
