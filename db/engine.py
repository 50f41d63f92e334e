"""Engine, session factory and schema for the SQLite database."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from db.models import Base
from db.search import create_search_tables

log = logging.getLogger(__name__)

# Tables whose rows are history rather than facts from content/: never dropped.
HISTORY_TABLES = frozenset({"content_loads", "admin_actions", "bot_users"})


def _prepare_sqlite_file(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str) -> AsyncEngine:
    _prepare_sqlite_file(url)
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


def _upgrade(conn: Connection) -> None:
    """Bring a database written by an older version of the bot up to the current models.

    Fact tables only mirror content/, so any that changed shape are dropped (all of them,
    with the search index) and refilled by the next load. History tables that changed shape
    are renamed, not dropped, so no record is lost.
    """
    existing = set(inspect(conn).get_table_names())
    renamed = set()
    stale_facts = False
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            continue
        columns = {c["name"] for c in inspect(conn).get_columns(table.name)}
        if columns == {c.name for c in table.columns}:
            continue
        if table.name in HISTORY_TABLES:
            kept = f"{table.name}_before_{datetime.now(UTC):%Y%m%d%H%M%S}"
            log.warning("table %s changed shape: kept as %s", table.name, kept)
            conn.execute(text(f'ALTER TABLE "{table.name}" RENAME TO "{kept}"'))
            renamed.add(table.name)
        else:
            stale_facts = True
    if stale_facts:
        log.warning("the stored facts have an older shape: they are reloaded from content/")
        for table in reversed(Base.metadata.sorted_tables):  # children before parents
            if table.name not in HISTORY_TABLES:
                conn.execute(text(f'DROP TABLE IF EXISTS "{table.name}"'))
        conn.execute(text("DROP TABLE IF EXISTS search_vocab"))
        conn.execute(text("DROP TABLE IF EXISTS search_fts"))
        # Forget the loads, so that start-up reloads content/ into the new tables.
        if "content_loads" in existing - renamed:
            conn.execute(text("UPDATE content_loads SET content_hash = ''"))


def _foreign_key_indexes(conn: Connection) -> None:
    """An index on every foreign-key column: deleting the facts before a load checks each
    reference, and cards look rows up by them; without these both scan whole tables. Created
    here rather than on the models, so databases made before they existed get them too."""
    for table in Base.metadata.sorted_tables:
        for column in {fk.parent.name for fk in table.foreign_keys}:
            conn.execute(
                text(
                    f'CREATE INDEX IF NOT EXISTS "ix_{table.name}_{column}" '
                    f'ON "{table.name}" ("{column}")'
                )
            )
    conn.execute(
        text('CREATE INDEX IF NOT EXISTS "ix_aliases_entity" ON aliases (entity_kind, entity_id)')
    )


async def create_schema(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)
        await conn.run_sync(Base.metadata.create_all)
        await conn.run_sync(_foreign_key_indexes)
        await create_search_tables(conn)


def create_session_maker(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
