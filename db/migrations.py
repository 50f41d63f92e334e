"""The database schema's version, kept by Alembic (`migrations/`): creating it, upgrading an
older database, and telling the bot at start-up that a database is behind.

- An empty database gets the current models' tables and is marked as being at the newest
  revision (what running every migration would give; a test checks they agree).
- A database made by the release before migrations existed has tables but no version: it is
  marked as being at the first revision, which describes exactly that schema, and upgraded.
- Anything else is upgraded from the revision it records.

A start on a database already at `SCHEMA_REVISION` reads the recorded revision with one
query and never imports Alembic (150 ms and 9 MB that every start would otherwise pay).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from db.models import Base

if TYPE_CHECKING:
    from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
FIRST_REVISION = "0001"
SCHEMA_REVISION = "0005"  # the newest of migrations/versions (a test checks Alembic agrees)
UPGRADE_COMMAND = "make migrate  (or: python -m bot.migrate upgrade)"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def newest_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None  # None: no version recorded
    newest: str
    empty: bool  # no tables at all

    @property
    def up_to_date(self) -> bool:
        return self.current == self.newest

    def describe(self) -> str:
        if self.empty:
            return f"the database is empty; it is created at {self.newest}"
        at = self.current or "the release before migrations"
        return f"the database schema is at {at}, this version of the bot needs {self.newest}"


class SchemaBehind(RuntimeError):
    def __init__(self, state: SchemaState) -> None:
        super().__init__(f"{state.describe()}: run {UPGRADE_COMMAND}")
        self.state = state


def _recorded_revision(conn: Connection) -> str | None:
    """The revision the database records, read without Alembic (None: none recorded)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _state(conn: Connection) -> SchemaState:
    from alembic.runtime.migration import MigrationContext

    tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    current = MigrationContext.configure(conn).get_current_revision()
    return SchemaState(current, newest_revision(), empty=not tables)


def _create(conn: Connection) -> None:
    from alembic import command

    Base.metadata.create_all(conn)
    command.stamp(alembic_config(conn), "head")


def _upgrade(conn: Connection) -> None:
    from alembic import command

    state = _state(conn)
    if state.empty:
        _create(conn)
        return
    config = alembic_config(conn)
    if state.current is None:
        command.stamp(config, FIRST_REVISION)
    command.upgrade(config, "head")


async def schema_state(engine: AsyncEngine) -> SchemaState:
    async with engine.connect() as conn:
        return await conn.run_sync(_state)


async def upgrade_schema(engine: AsyncEngine) -> None:
    """Create the schema, or bring an older one up to the newest revision, in one
    transaction (PostgreSQL and SQLite both roll back a failed migration whole)."""
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade)


async def prepare_schema(engine: AsyncEngine) -> None:
    """At start-up: create the schema in an empty database; refuse (SchemaBehind) to run on
    one whose schema is older than this code."""
    async with engine.begin() as conn:
        if await conn.run_sync(_recorded_revision) == SCHEMA_REVISION:
            return
        state = await conn.run_sync(_state)
        if state.empty:
            await conn.run_sync(_create)
        elif not state.up_to_date:
            raise SchemaBehind(state)
