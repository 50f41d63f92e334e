"""Alembic's environment: migrations run on a connection db.migrations hands over, or on
DATABASE_URL when Alembic's own command line is used."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from db.models import Base

target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite changes a column by copying its table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_with_url() -> None:
    from bot.settings import Settings
    from db.engine import create_engine

    engine = create_engine(Settings.from_env(None).database_url)
    async with engine.begin() as conn:
        await conn.run_sync(run_on)
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    asyncio.run(run_with_url())
