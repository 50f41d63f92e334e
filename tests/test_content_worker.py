"""Content validated and stored in a process of its own: the same results and refusals as in
the bot's process, a new version seen at once, and a worker that dies refuses the change it
was making (nothing half-stored) and is replaced for the next one."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from db.failures import Reason, StoreFailed
from loading.files import ContentInvalid
from loading.service import ContentService
from loading.worker import ContentWorker
from tests.conftest import ADMIN_ID, Chatter
from tests.test_admin import NEW_PERSON, send_document
from tests.test_content_transactions import assert_agree


@pytest.fixture
async def worker(database_url: str) -> AsyncIterator[ContentWorker]:
    worker = ContentWorker(database_url)
    yield worker
    worker.close()


async def test_loads_in_the_worker_are_seen_at_once(
    chat: Chatter, content_service: ContentService, content_dir: Path, worker: ContentWorker
) -> None:
    content_service.use_worker(worker)
    assert "не найдено" in await chat.ask("/speaker Иванова")
    (content_dir / "ivanova.yaml").write_text(NEW_PERSON, encoding="utf-8")
    result = await content_service.reload(ADMIN_ID)
    assert result.report.added  # stored by the worker …
    found = await chat.ask("/speaker Иванова")  # … and read here
    assert "Анна Иванова" in found and "не найдено" not in found
    await assert_agree(content_dir, content_service.session_maker)
    preview = await content_service.preview()  # also worked out there: nothing left to do
    assert not preview.added and not preview.removed and not preview.changed


async def test_refusals_cross_back_with_file_and_line(
    chat: Chatter, content_service: ContentService, content_dir: Path, worker: ContentWorker
) -> None:
    content_service.use_worker(worker)
    before = sorted(content_dir.rglob("*.yaml"))
    replies = await send_document(chat, "broken.yaml", b"people:\n  - id: x\n    first_name: [\n")
    text = "\n".join(getattr(r, "text", "") or "" for r in replies)
    assert "content/broken.yaml:4:" in text  # the file and the line, from the worker
    assert before == sorted(content_dir.rglob("*.yaml"))
    with pytest.raises(ContentInvalid) as caught:
        await worker.validate({"people/x.yaml": b"people:\n  - first_name: 1\n"}, "content")
    assert {(e.file, e.line) for e in caught.value.errors} == {("content/people/x.yaml", 2)}
    await assert_agree(content_dir, content_service.session_maker)


async def test_a_worker_that_dies_refuses_and_is_replaced(
    chat: Chatter, content_service: ContentService, content_dir: Path, worker: ContentWorker
) -> None:
    content_service.use_worker(worker)
    await worker.start()
    (pid,) = worker.pids
    os.kill(pid, signal.SIGKILL)
    (content_dir / "ivanova.yaml").write_text(NEW_PERSON, encoding="utf-8")
    with pytest.raises(StoreFailed) as caught:
        await content_service.reload(ADMIN_ID)
    assert caught.value.reason is Reason.LOADER_STOPPED
    assert "не найдено" in await chat.ask("/speaker Иванова")
    # The admin hears why, in words; the next change starts a new worker and goes through.
    await chat.say("/reload", user_id=ADMIN_ID)
    found = await chat.ask("/speaker Иванова")
    assert "Анна Иванова" in found and "не найдено" not in found
    await assert_agree(content_dir, content_service.session_maker)


async def test_an_idle_worker_exits_and_the_next_change_starts_another(
    content_dir: Path, database_url: str
) -> None:
    worker = ContentWorker(database_url, idle_seconds=0.2)
    try:
        files = {"people.yaml": NEW_PERSON.encode()}
        first = await worker.validate(files, "content")
        (pid,) = worker.pids
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists():
                break
            await asyncio.sleep(0.1)
        assert not worker.pids and not Path(f"/proc/{pid}").exists()  # gone, memory and all
        assert (await worker.validate(files, "content")).digest == first.digest
    finally:
        worker.close()


def test_the_worker_exits_when_the_bot_is_killed(tmp_path: Path) -> None:
    """SIGKILL runs none of the bot's clean-up: the worker notices it is orphaned and ends."""
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    code = (
        "import asyncio, sys, time\n"
        "from loading.worker import ContentWorker\n"
        "async def main():\n"
        "    worker = ContentWorker(sys.argv[1])\n"
        "    await worker.start()\n"
        "    print(worker.pids[0], flush=True)\n"
        "    time.sleep(3600)\n"
        "asyncio.run(main())\n"
    )
    bot = subprocess.Popen(
        [sys.executable, "-c", code, f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert bot.stdout is not None
        worker = int(bot.stdout.readline())
        os.kill(bot.pid, signal.SIGKILL)
        bot.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and Path(f"/proc/{worker}").exists():
            status = Path(f"/proc/{worker}/status").read_text(errors="ignore")
            if "State:\tZ" in status:  # exited; only its parent (init) has not reaped it
                break
            time.sleep(0.2)
        else:
            assert not Path(f"/proc/{worker}").exists(), "the worker outlived the bot"
    finally:
        if bot.poll() is None:
            bot.kill()
