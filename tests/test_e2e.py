"""End to end: the real bot process, long polling a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import CONTENT
from tests.fake_bot_api import FakeBotAPI, start_bot_process

TOKEN = "123456:E2E-test-token"
CHAT = 31337


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotAPI]:
    with FakeBotAPI(TOKEN) as server:
        yield server


@pytest.fixture(scope="module")
def bot_process(
    api: FakeBotAPI, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[subprocess.Popen[str]]:
    data = tmp_path_factory.mktemp("e2e")
    process = start_bot_process(api, data, CONTENT)
    process.log_path = data / "bot.log"  # type: ignore[attr-defined]
    try:
        api.wait_for(lambda: api.sent("setmycommands"), timeout=60)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_bot_registers_commands(api: FakeBotAPI, bot_process) -> None:
    api.wait_for(lambda: len(api.sent("setmycommands")) >= 3)  # one per language
    calls = {params.get("language_code"): params for params in api.sent("setmycommands")}
    assert set(calls) == {None, "kk", "en"}  # Russian for everyone else, Kazakh, English
    for params in calls.values():
        names = {c["command"] for c in params["commands"]}
        assert {"events", "speakers", "speaker", "orgs", "upcoming", "lang", "calendar"} <= names
    descriptions = {lang: calls[lang]["commands"][0]["description"] for lang in calls}
    assert descriptions == {
        None: "Все события, сначала новые",
        "kk": "Барлық іс-шаралар, алдымен жаңалары",
        "en": "All events, newest first",
    }


def test_question_in_reply_out(api: FakeBotAPI, bot_process) -> None:
    api.send_text(CHAT, "Кто выступал на круглом столе?")
    reply = api.wait_for(lambda: [m for m in api.sent("sendmessage") if "Выступили" in m["text"]])[
        0
    ]
    assert reply["chat_id"] == CHAT
    assert reply["parse_mode"] == "HTML"
    for name in ("Бану Нургазиева", "Наталья Калашникова", "Алибек Тажибаев"):
        assert name in reply["text"]
    buttons = [b for row in reply["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[0]["callback_data"] == "c:p:nurgazieva-banu"


def test_button_press_opens_card(api: FakeBotAPI, bot_process) -> None:
    before = len(api.sent("sendmessage"))
    message = {"message_id": 1, "date": 0, "chat": {"id": CHAT, "type": "private"}, "text": "…"}
    api.press(CHAT, "c:p:topoleva-soldunova-elena", message)
    api.wait_for(lambda: api.sent("answercallbackquery"))
    card = api.wait_for(lambda: api.sent("sendmessage")[before:])[0]
    assert "Елена Тополева-Солдунова" in card["text"]
    assert "Общественная палата Российской Федерации" in card["text"]


def test_updates_are_confirmed_not_repeated(api: FakeBotAPI, bot_process) -> None:
    api.send_text(CHAT, "/upcoming")
    api.wait_for(lambda: [m for m in api.sent("sendmessage") if "Предстоящих" in m["text"]])
    # The bot confirms what it handled with the next offset, so nothing is answered twice.
    api.wait_for(lambda: not api.updates, timeout=15)
    replies = [m for m in api.sent("sendmessage") if "Предстоящих" in m["text"]]
    assert len(replies) == 1


def test_stops_cleanly_on_sigint(api: FakeBotAPI, bot_process) -> None:
    bot_process.send_signal(signal.SIGINT)
    assert bot_process.wait(20) == 0
    log = bot_process.log_path.read_text()
    assert TOKEN not in log
