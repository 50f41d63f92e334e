"""Alembic migrations: every migration from an empty database gives exactly the models'
schema; a database made by the release before migrations (tests/data, written by that
release's own code) is upgraded keeping users, languages, subscriptions, deliveries and
history, its facts are reloaded and searchable, and nobody is told about anything; the bot
refuses to start on a database that is behind and names the command that upgrades it."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from db.engine import create_engine, create_session_maker
from db.kinds import EntityKind
from db.migrations import (
    SCHEMA_REVISION,
    SchemaBehind,
    alembic_config,
    newest_revision,
    prepare_schema,
    schema_state,
    upgrade_schema,
)
from db.models import AdminAction, Base, BotUser, ContentLoad, Delivery, Subscription, UserLanguage
from facts.edition import current_edition
from loading.service import ContentService
from tests.conftest import CONTENT

ROOT = Path(__file__).resolve().parent.parent
PREVIOUS = Path(__file__).parent / "data" / "previous_release.sqlite3.gz"


def previous_release_database(tmp_path: Path) -> Path:
    target = tmp_path / "previous.sqlite3"
    with gzip.open(PREVIOUS) as packed, target.open("wb") as out:
        shutil.copyfileobj(packed, out)
    return target


async def test_every_migration_from_empty_gives_the_models_schema(database_url: str) -> None:
    engine = create_engine(database_url)

    def migrate_and_compare(conn) -> list:  # type: ignore[no-untyped-def]
        command.upgrade(alembic_config(conn), "head")
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    async with engine.begin() as conn:
        assert await conn.run_sync(migrate_and_compare) == []
    assert (await schema_state(engine)).current == newest_revision()
    await engine.dispose()


def test_the_revision_a_start_checks_for_is_alembics_newest() -> None:
    """A start on an up-to-date database compares the recorded revision with this constant
    instead of asking Alembic: a new migration must move it too."""
    assert newest_revision() == SCHEMA_REVISION


async def test_a_start_on_an_up_to_date_database_does_not_import_alembic(
    tmp_path: Path,
) -> None:
    database = tmp_path / "bot.sqlite3"
    check = (
        "import asyncio, sys\n"
        "from db.engine import create_engine\n"
        "from db.migrations import prepare_schema\n"
        "asyncio.run(prepare_schema(create_engine(sys.argv[1])))\n"
        "print(any(m.split('.')[0] == 'alembic' for m in sys.modules))\n"
    )
    url = f"sqlite+aiosqlite:///{database}"
    runs = [
        subprocess.run(
            [sys.executable, "-c", check, url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]  # created with Alembic's stamp; then only checked


async def test_the_previous_release_database_is_upgraded_keeping_history(
    tmp_path: Path,
) -> None:
    database = previous_release_database(tmp_path)
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    state = await schema_state(engine)
    assert state.current is None and not state.empty
    try:
        await prepare_schema(engine)
        raise AssertionError("a database that is behind was accepted")
    except SchemaBehind as exc:
        assert "make migrate" in str(exc)

    await upgrade_schema(engine)
    assert (await schema_state(engine)).up_to_date
    maker = create_session_maker(engine)
    async with maker() as session:
        users = set(await session.scalars(select(BotUser.id)))
        assert users == {5_000_000_001, 42}  # an id past 32 bits survives
        assert (
            await session.scalar(
                select(UserLanguage.language).where(UserLanguage.user_id == 5_000_000_001)
            )
            == "kk"
        )
        assert await session.scalar(select(func.count()).select_from(Subscription)) == 2
        assert await session.scalar(select(func.count()).select_from(AdminAction)) >= 1
        [delivery] = await session.scalars(select(Delivery))
        assert delivery.status == "sent" and delivery.claimed_at is None
        versions = await session.scalar(select(func.count()).select_from(ContentLoad))
        assert versions and versions >= 1

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    assert await ContentService(content, maker).ensure_loaded()  # reloaded into search_rows
    async with maker() as session:
        hits = await (await current_edition(session)).search.search(
            "Нургазиева", kinds=[EntityKind.PERSON]
        )
        assert [h.id for h in hits][:1] == ["nurgazieva-banu"]
        # The same facts again: no notice is owed to anyone.
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 1
        assert await session.scalar(select(func.count()).select_from(ContentLoad)) == versions + 1
    await engine.dispose()


def test_the_bot_refuses_to_start_on_a_database_that_is_behind(tmp_path: Path) -> None:
    database = previous_release_database(tmp_path)
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "CONTENT_DIR": str(CONTENT),
        "BOT_TOKEN": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "make migrate" in result.stderr + result.stdout
    upgraded = subprocess.run(
        [sys.executable, "-m", "bot.migrate", "upgrade"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"to {newest_revision()}" in upgraded.stdout
