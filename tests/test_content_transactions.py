"""Files and facts change together or not at all: rollback to any kept version, work in
progress set aside, and upload/rollback/reload under a held database lock, a read-only folder,
a full disk and SIGKILL — after each, content/ and the stored facts agree and the admin's
reply names the reason."""

from __future__ import annotations

import contextlib
import errno
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting.worker import DraftWorker
from loading.files import read_content
from loading.service import ContentService
from loading.store import stored_entities
from loading.swap import REJECTED, STAGING
from tests.conftest import ADMIN_ID, CONTENT, ROOT, Chatter
from tests.databases import ON_POSTGRES
from tests.test_admin import NEW_PERSON, send_document, snapshot

OTHER_PERSON = "people:\n  - id: petrov-petr\n    first_name: Пётр\n    last_name: Петров\n"


def content_snapshot(folder: Path) -> dict[str, bytes]:
    """The content files proper: hidden folders (staging, set aside) left out."""
    return {
        path: data
        for path, data in snapshot(folder).items()
        if not any(part.startswith(".") for part in Path(path).parts)
    }


async def assert_agree(content_dir: Path, session_maker) -> None:
    """The files in content/ are exactly what the database holds."""
    async with session_maker() as session:
        assert await stored_entities(session) == read_content(content_dir).entities()
    assert not (content_dir / STAGING).exists()


async def test_rollback_restores_any_kept_version_not_a_toggle(
    chat: Chatter, content_dir: Path, session_maker
) -> None:
    await send_document(chat, "anna.yaml", NEW_PERSON.encode())  # version 2
    await send_document(chat, "petr.yaml", OTHER_PERSON.encode())  # version 3
    assert "Пётр Петров" in await chat.ask("/speaker Петров")

    restored = await chat.ask("/rollback 1", user_id=ADMIN_ID)
    assert "Восстановлена версия №1" in restored
    assert content_snapshot(content_dir) == snapshot(CONTENT)
    await assert_agree(content_dir, session_maker)

    # Version 3 is still there to go forward to; two rollbacks do not toggle.
    [listing] = await chat.say("/rollback", user_id=ADMIN_ID)
    assert [label.split()[1] for label, _ in listing.buttons] == ["№3", "№2", "№1"]
    restored = await chat.ask("/rollback 3", user_id=ADMIN_ID)
    assert "Восстановлена версия №3" in restored
    assert {"anna.yaml", "petr.yaml"} <= content_snapshot(content_dir).keys()
    assert "Анна Иванова" in await chat.ask("/speaker Иванова")
    await assert_agree(content_dir, session_maker)

    assert "уже нет" in await chat.ask("/rollback 999", user_id=ADMIN_ID)


async def test_rollback_sets_never_loaded_files_aside(
    chat: Chatter, content_dir: Path, session_maker
) -> None:
    await send_document(chat, "anna.yaml", NEW_PERSON.encode())
    work = b"people:\n  - id: half-written\n    first_name: \xd0\x90\n"  # no last name yet
    (content_dir / "work-in-progress.yaml").write_bytes(work)
    (content_dir / "anna.yaml").write_bytes(NEW_PERSON.encode() + b"# edited, not loaded\n")

    reply = await chat.ask("/rollback 1", user_id=ADMIN_ID)
    assert "Восстановлена версия №1" in reply and ".rejected/" in reply
    assert "work-in-progress.yaml" in reply and "anna.yaml" in reply
    kept = {p.name: p.read_bytes() for p in (content_dir / REJECTED).rglob("*.yaml")}
    assert kept["work-in-progress.yaml"] == work
    assert kept["anna.yaml"].endswith(b"# edited, not loaded\n")
    assert content_snapshot(content_dir) == snapshot(CONTENT)
    await assert_agree(content_dir, session_maker)


@contextlib.contextmanager
def database_locked(database: Path) -> Iterator[None]:
    """Another process's write transaction on the SQLite file."""
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.skipif(ON_POSTGRES, reason="holds SQLite's write lock on the database file")
async def test_changes_under_a_held_lock_say_so_and_change_nothing(
    chat: Chatter, content_dir: Path, session_maker, tmp_path: Path
) -> None:
    await send_document(chat, "anna.yaml", NEW_PERSON.encode())
    before = snapshot(content_dir)
    (content_dir / "anna.yaml").write_bytes(OTHER_PERSON.encode())  # for /reload to load
    edited = snapshot(content_dir)
    with database_locked(tmp_path / "test.sqlite3"):
        upload = await send_document(chat, "petr.yaml", OTHER_PERSON.replace("petr", "x").encode())
        rollback = await chat.ask("/rollback 1", user_id=ADMIN_ID)
        reload = await chat.ask("/reload", user_id=ADMIN_ID)
    assert "база данных занята" in upload[-1].text
    assert "база данных занята" in rollback and "база данных занята" in reload
    assert snapshot(content_dir) == edited
    (content_dir / "anna.yaml").write_bytes(before["anna.yaml"])
    await assert_agree(content_dir, session_maker)
    # Afterwards the same rollback goes through.
    assert "Восстановлена версия №1" in await chat.ask("/rollback 1", user_id=ADMIN_ID)
    await assert_agree(content_dir, session_maker)


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB tmpfs for content/ (needs root and mount; skipped elsewhere)."""
    target = tmp_path / "mnt"
    target.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(target)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


async def service_on(folder: Path, session_maker) -> ContentService:
    shutil.copytree(CONTENT, folder / "content")
    service = ContentService(folder / "content", session_maker)
    await service.reload()
    return service


async def test_full_disk_is_named_and_changes_nothing(small_mount: Path, session_maker) -> None:
    from answers.admin import document_answer, rollback_answer

    service = await service_on(small_mount, session_maker)
    content_dir = service.content_dir
    await service.upload("anna.yaml", NEW_PERSON.encode(), ADMIN_ID)
    with contextlib.suppress(OSError), (small_mount / "filler").open("wb") as filler:
        while True:  # fill the disk
            filler.write(b"\0" * 4096)
            filler.flush()
    before = snapshot(content_dir)

    async def fetch() -> bytes:
        return OTHER_PERSON.encode() + b"# " + b"x" * 20_000 + b"\n"

    async def ignore(answer: object) -> None:
        pass

    async with session_maker() as session:
        [upload] = await document_answer(
            service, DraftWorker(), session, "petr.yaml", None, fetch, ADMIN_ID, ignore
        )
    assert "нет места на диске" in upload.text
    rollback = await rollback_answer(service, ADMIN_ID, 1)
    assert "нет места на диске" in rollback.text
    assert snapshot(content_dir) == before
    await assert_agree(content_dir, session_maker)


async def test_read_only_folder_is_named_and_changes_nothing(
    small_mount: Path, session_maker
) -> None:
    from answers.admin import rollback_answer

    service = await service_on(small_mount, session_maker)
    await service.upload("anna.yaml", NEW_PERSON.encode(), ADMIN_ID)
    before = snapshot(service.content_dir)
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    answer = await rollback_answer(service, ADMIN_ID, 1)
    assert "папка content/ недоступна для записи" in answer.text
    assert snapshot(service.content_dir) == before
    await assert_agree(service.content_dir, session_maker)


async def test_write_errors_are_named_where_no_mount_is_possible(
    chat: Chatter, content_dir: Path, session_maker, monkeypatch
) -> None:
    """The same reasons through a patched write, so they are checked on every machine."""
    for code, words in ((errno.ENOSPC, "нет места"), (errno.EROFS, "недоступна для записи")):

        def refuse(path: Path, data: bytes, code: int = code) -> None:
            raise OSError(code, "refused")

        monkeypatch.setattr("loading.swap._write_synced", refuse)
        sent = await send_document(chat, "anna.yaml", NEW_PERSON.encode())
        assert words in sent[-1].text
        assert content_snapshot(content_dir) == snapshot(CONTENT)
        await assert_agree(content_dir, session_maker)


KILLED_ROLLBACK = """
import asyncio, json, os, sys, time
from pathlib import Path
import loading.service as service
import loading.store as store
from db.engine import create_engine, create_schema, create_session_maker

where = sys.argv[3]

def half_swap(folder, staged):
    plan = json.loads((staged / "plan.json").read_text())
    first = plan["write"][0]
    os.replace(staged / "files" / first, folder / first)
    print("half-way", flush=True)
    time.sleep(60)  # killed here: committed, one file moved, one still to remove

real_index = store.rebuild_search_index

async def slow_index(session, *args):
    count = await real_index(session, *args)
    print("half-way", flush=True)
    await asyncio.sleep(60)  # killed here: files staged, transaction open
    return count

if where == "swap":
    service.apply = half_swap
else:
    store.rebuild_search_index = slow_index

async def main():
    engine = create_engine(sys.argv[1])
    await create_schema(engine)
    content = service.ContentService(Path(sys.argv[2]), create_session_maker(engine))
    await content.rollback(None, 1)

asyncio.run(main())
"""


@pytest.mark.parametrize("where", ["transaction", "swap"])
async def test_sigkill_during_a_rollback_recovers_to_one_version(
    content_service: ContentService, session_maker, content_dir: Path, database_url: str, where
) -> None:
    # Version 2: two files differ from version 1.
    people = content_dir / "people.yaml"
    people.write_text(people.read_text("utf-8") + NEW_PERSON.split("\n", 1)[1], "utf-8")
    (content_dir / "petr.yaml").write_text(OTHER_PERSON, "utf-8")
    await content_service.reload()
    version_2 = content_snapshot(content_dir)

    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_ROLLBACK, database_url, str(content_dir), where],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "half-way"
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert (content_dir / STAGING).exists()  # the interrupted change is still on disk

    # The next start finishes the committed swap, or throws the uncommitted one away.
    restarted = ContentService(content_dir, session_maker)
    assert await restarted.ensure_loaded() is False
    expected = snapshot(CONTENT) if where == "swap" else version_2
    assert content_snapshot(content_dir) == expected
    await assert_agree(content_dir, session_maker)
