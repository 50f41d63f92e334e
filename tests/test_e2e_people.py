"""End to end, the real bot process against the fake Bot API: Kazakh from the Telegram language
and /lang, a subscriber told exactly once about a new upcoming event across restarts (with a
429 on the way), a user who blocked the bot dropped, and a broadcast with its report."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.fake_bot_api import FakeBotAPI, start_bot_process

TOKEN = "123456:E2E-people-token"
READER, BLOCKER, ADMIN = 4101, 4102, 4103
SETTINGS = {"DELIVERY_POLL_SECONDS": "0.3", "ADMIN_IDS": str(ADMIN)}


def stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()


def texts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [p["text"] for p in api.sent("sendmessage") if int(p["chat_id"]) == chat_id]


def ask(api: FakeBotAPI, chat_id: int, text: str, language_code: str | None = None) -> str:
    before = len(texts_to(api, chat_id))
    api.send_text(chat_id, text, language_code)
    return api.wait_for(lambda: texts_to(api, chat_id)[before:], timeout=30)[-1]


def future_event(day: date) -> str:
    return f"""events:
  - id: e2e-future-forum
    kind: forum
    status: announced
    title: Форум некоммерческих организаций приграничья
    date: {{year: {day.year}, month: {day.month}, day: {day.day}}}
    place: novosibirsk
    source: article-round-table-2021
    organizations:
      - {{organization: civil-alliance-kz, role: organizer}}
"""


@pytest.fixture
def api() -> FakeBotAPI:
    with FakeBotAPI(TOKEN) as server:
        yield server


def test_languages_notices_across_restarts_and_broadcast(api: FakeBotAPI, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    bot = start_bot_process(api, tmp_path, content, "first.log", **SETTINGS)
    try:
        api.wait_for(lambda: api.sent("setmycommands"), timeout=60)
        assert "Сәлеметсіз бе" in ask(api, READER, "/start", "kk")
        assert "I answer in English" in ask(api, READER, "/lang en", "kk")
        assert "Subscribed" in ask(api, READER, "/subscribe ГАК", "kk")
        assert "Подписка оформлена" in ask(api, BLOCKER, "/subscribe ГАК")
    finally:
        stop(bot)

    # While the bot is stopped, an upcoming event of the organization is added.
    (content / "future.yaml").write_text(future_event(date.today() + timedelta(days=20)))
    api.blocked = {BLOCKER}
    api.inject("sendmessage", "429:1")
    bot = start_bot_process(api, tmp_path, content, "second.log", **SETTINGS)
    try:
        notices = api.wait_for(
            lambda: [t for t in texts_to(api, READER) if "new event" in t], timeout=60
        )
        assert "Форум некоммерческих организаций приграничья" in notices[0]
        assert ("sendmessage", "429:1") in api.faults_served
        # The notice to the user who blocked the bot is refused, and the user dropped (in
        # this run: one stopped while sending never repeats what it may have sent).
        api.wait_for(lambda: any("Форум" in t for t in texts_to(api, BLOCKER)), timeout=60)
        api.blocked = set()
        api.wait_for(lambda: "Подписок нет" in ask(api, BLOCKER, "/subscriptions"), timeout=30)
    finally:
        stop(bot)

    bot = start_bot_process(api, tmp_path, content, "third.log", **SETTINGS)
    try:
        api.wait_for(lambda: len(api.sent("setmycommands")) >= 9, timeout=60)
        time.sleep(2)  # several delivery rounds, none of which may send the notice again
        assert len([t for t in texts_to(api, READER) if "new event" in t]) == 1

        preview = ask(api, ADMIN, "/broadcast Встреча переносится")
        assert "Рассылка" in preview
        params = api.sent("sendmessage")[-1]
        send = params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        message = {"message_id": 1, "date": 0, "chat": {"id": ADMIN, "type": "private"}}
        api.press(ADMIN, send, message)
        report = api.wait_for(
            lambda: [t for t in texts_to(api, ADMIN) if "Рассылка закончена" in t], timeout=30
        )
        assert "📣 Встреча переносится" in texts_to(api, READER)
        assert "доставлено 3" in report[0]  # the reader, the blocker (unblocked), the admin
    finally:
        stop(bot)
