"""End to end: an admin's /reload in the real bot process goes through its content worker
process, users see the new facts once the admin is told, and a stop takes the worker along."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

from tests.conftest import CONTENT
from tests.fake_bot_api import FakeBotAPI, start_bot_process
from tests.test_admin import NEW_PERSON

TOKEN = "123456:E2E-reload-token"
ADMIN = 4242
USER = 777


def _workers(pid: int) -> list[int]:
    """The processes multiprocessing started for `pid` to run work in."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if "spawn_main" in Path(f"/proc/{child}/cmdline").read_text():
                found.append(int(child))
    return found


def test_reload_in_the_worker_is_answered_and_stops_with_the_bot(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with FakeBotAPI(TOKEN) as api:
        process = start_bot_process(api, tmp_path, content, ADMIN_IDS=str(ADMIN))
        try:
            api.wait_for(lambda: api.sent("setmycommands"), timeout=60)
            assert not _workers(process.pid)  # no worker until the first change
            (content / "ivanova.yaml").write_text(NEW_PERSON, encoding="utf-8")
            api.send_text(ADMIN, "/reload")
            report = api.wait_for(
                lambda: [m for m in api.sent("sendmessage") if m["chat_id"] == ADMIN], timeout=90
            )[0]
            assert "ivanova-anna" in report["text"]
            (worker,) = _workers(process.pid)
            api.send_text(USER, "/speaker Иванова")
            card = api.wait_for(
                lambda: [m for m in api.sent("sendmessage") if m["chat_id"] == USER], timeout=30
            )[0]
            assert "Анна Иванова" in card["text"]
            process.send_signal(signal.SIGINT)
            assert process.wait(30) == 0
            assert not Path(f"/proc/{worker}").exists()  # the worker went with it
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            log = (tmp_path / "bot.log").read_text()
            assert "Traceback" not in log, log
