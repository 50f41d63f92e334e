"""The bot process against a misbehaving Bot API: 429s, 5xx, cut connections, an outage,
and a shutdown in the middle of an answer. No reply may be lost or sent twice."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.fake_bot_api import FakeBotAPI, start_bot_process

# Telegram's faults: the same whichever database the bot keeps.
pytestmark = pytest.mark.one_database

TOKEN = "654321:faults-test-token"
CHAT = 4242
# How long the API stays away; FAULT_OUTAGE_SECONDS=60 checks a full minute.
OUTAGE_SECONDS = float(os.environ.get("FAULT_OUTAGE_SECONDS", "12"))


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(TOKEN) as server:
        yield server


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("faults")


def start_bot(api: FakeBotAPI, data: Path, log_name: str) -> subprocess.Popen[str]:
    return start_bot_process(api, data, CONTENT, log_name, RATE_LIMIT_MESSAGES="0")


@pytest.fixture(scope="module")
def bot(api: FakeBotAPI, data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    process = start_bot(api, data_dir, "bot.log")
    api.wait_for(lambda: api.sent("setmycommands"), timeout=60)
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def replies(api: FakeBotAPI, marker: str) -> list[dict]:
    return [m for m in api.sent("sendmessage") if marker in m.get("text", "")]


def ask_once(api: FakeBotAPI, text: str, marker: str, timeout: float = 40) -> None:
    """Send `text`; exactly one reply containing `marker` must arrive, and no second one."""
    before = len(replies(api, marker))
    api.send_text(CHAT, text)
    api.wait_for(lambda: len(replies(api, marker)) > before, timeout=timeout)
    time.sleep(1.5)  # a duplicate would come now
    assert len(replies(api, marker)) == before + 1


def test_429_is_waited_out(api: FakeBotAPI, bot) -> None:
    api.inject("sendMessage", "429:1")
    started = time.monotonic()
    ask_once(api, "/speaker Калашникова", "Наталья Калашникова")
    assert ("sendmessage", "429:1") in api.faults_served
    assert time.monotonic() - started >= 1  # Telegram's wait was honoured


def test_server_errors_are_retried(api: FakeBotAPI, bot) -> None:
    api.inject("sendMessage", "500", "500")
    ask_once(api, "/speaker Погорельский", "Константин Погорельский")


def test_a_reply_cut_off_after_it_was_sent_is_not_repeated(api: FakeBotAPI, bot) -> None:
    api.inject("sendMessage", "lost")
    ask_once(api, "/speaker Тажибаев", "Алибек Тажибаев")  # sent once, never again
    assert ("sendmessage", "lost") in api.faults_served


def test_a_reply_cut_off_before_it_was_handled_is_not_repeated_either(api: FakeBotAPI, bot) -> None:
    """From the bot's side a connection cut before the answer looks the same whether or not
    Telegram had sent the message: it is not repeated, and the bot goes on answering."""
    api.inject("sendMessage", "drop")
    api.send_text(CHAT, "/speaker Калашникова")
    api.wait_for(lambda: ("sendmessage", "drop") in api.faults_served)
    ask_once(api, "/speaker Нургазиева", "Бану Нургазиева")


def test_polling_survives_failing_get_updates(api: FakeBotAPI, bot) -> None:
    api.inject("getUpdates", "500", "500", "500")
    ask_once(api, "/speaker Октябрьская", "Ирина Октябрьская")


def test_polling_survives_an_outage(api: FakeBotAPI, bot) -> None:
    api.go_away()
    api.send_text(CHAT, "/speaker Смирнова")  # waits on the server for the bot to return
    time.sleep(OUTAGE_SECONDS)
    assert bot.poll() is None, "the bot must not exit while the API is away"
    api.come_back()
    api.wait_for(lambda: replies(api, "Ирина Смирнова"), timeout=60)
    time.sleep(1.5)
    assert len(replies(api, "Ирина Смирнова")) == 1


def test_shutdown_finishes_the_update_in_hand_and_restart_does_not_repeat_it(
    api: FakeBotAPI, bot, data_dir: Path
) -> None:
    api.inject("sendMessage", "delay:3")
    api.send_text(CHAT, "/speaker Сапаров")
    api.wait_for(lambda: ("sendmessage", "delay:3") in api.faults_served, timeout=30)
    bot.send_signal(signal.SIGTERM)  # while the answer is on its way
    assert bot.wait(30) == 0
    assert len(replies(api, "Елдар Сапаров")) == 1  # finished before exiting

    polls_before = api.first_poll_at
    api.first_poll_at = None
    again = start_bot(api, data_dir, "bot-again.log")
    try:
        api.wait_for(lambda: api.first_poll_at, timeout=60)
        time.sleep(3)
        assert len(replies(api, "Елдар Сапаров")) == 1  # not answered a second time
        ask_once(api, "/speaker Нургазиева", "Бану Нургазиева")  # and still working
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(30)
        api.first_poll_at = polls_before
    for name in ("bot.log", "bot-again.log"):
        assert TOKEN not in (data_dir / name).read_text()


def test_start_while_the_api_is_away_waits_for_it(tmp_path: Path) -> None:
    """Telegram unreachable at start: the bot waits with growing pauses instead of exiting,
    then answers as usual; the token never shows in what it prints."""
    with FakeBotAPI(TOKEN) as server:
        server.go_away()
        process = start_bot(server, tmp_path, "away.log")
        try:
            time.sleep(OUTAGE_SECONDS)
            assert process.poll() is None, "the bot must not exit while the API is away"
            server.come_back()
            server.wait_for(lambda: server.sent("setmycommands"), timeout=90)
            ask_once(server, "/speaker Калашникова", "Наталья Калашникова", timeout=60)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
        log = (tmp_path / "away.log").read_text()
        assert TOKEN not in log


def test_bad_database_folder_stops_with_a_reason(tmp_path: Path) -> None:
    with FakeBotAPI(TOKEN) as server:
        process = start_bot_process(
            server,
            tmp_path,
            CONTENT,
            "db.log",
            DATABASE_URL="sqlite+aiosqlite:////proc/no-such-folder/bot.sqlite3",
        )
        assert process.wait(120) == 2
    log = (tmp_path / "db.log").read_text()
    assert "DATABASE_URL" in log and "Traceback" not in log
