"""Which database a test runs on: a SQLite file of its own, or — in the second pass, with
TEST_DATABASE_URL naming a PostgreSQL server — a new database on that server."""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
from pathlib import Path

from sqlalchemy.engine import make_url

SERVER = os.environ.get("TEST_DATABASE_URL")
REDIS = os.environ.get("TEST_REDIS_URL")
ON_POSTGRES = bool(SERVER)


async def _create_database(name: str) -> None:
    import asyncpg

    assert SERVER is not None
    url = make_url(SERVER)
    connection = await asyncpg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        database=url.database,
    )
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


def fresh_database_url(folder: Path, name: str = "test") -> str:
    """The database of `name` in a test's folder: empty at first, the same one when asked
    again (a bot process restarted on its data)."""
    if SERVER is None:
        return f"sqlite+aiosqlite:///{folder / (name + '.sqlite3')}"
    database = "t_" + hashlib.sha1(str(folder.resolve() / name).encode()).hexdigest()[:24]
    # Callable from synchronous and asynchronous tests alike: its own loop in a thread.
    errors: list[BaseException] = []

    def create() -> None:
        try:
            asyncio.run(_create_database(database))
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=create)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return make_url(SERVER).set(database=database).render_as_string(hide_password=False)
