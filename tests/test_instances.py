"""Two bot instances in webhook mode on loopback, behind one PostgreSQL and one Redis (the
second test pass, scripts/test_services.sh): updates spread over both are each answered
once; a follow-up question and the flood limit carry across instances; a reload through one
is seen by the other within seconds; a notice and a reminder are sent once in all; killing
the instance that is sending a broadcast doubles nothing and leaves at most the one message
it was sending in doubt, the other instance sending the rest. Each instance talks to a fake
Bot API of its own, so the test knows who sent what."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import CONTENT
from tests.databases import ON_POSTGRES, REDIS, fresh_database_url
from tests.fake_bot_api import FakeBotAPI, start_bot_process

pytestmark = pytest.mark.skipif(
    not (ON_POSTGRES and REDIS),
    reason="needs PostgreSQL and Redis: the second pass of `make test` (scripts/test_services.sh)",
)

TOKEN = "123456:instances-token"
SECRET = "instances-secret"
ADMIN, SUBSCRIBER, FOLLOWER, FLOODER = 4400, 4401, 4402, 4403
USERS = list(range(4500, 4530))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    def __init__(self, name: str, work: Path, content: Path, database: str) -> None:
        self.name = name
        self.api = FakeBotAPI(TOKEN)
        self.api.start()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/tg"
        self.process = start_bot_process(
            self.api,
            work,
            content,
            f"{name}.log",
            DATABASE_URL=database,
            REDIS_URL=REDIS or "",
            WEBHOOK_URL=self.url,
            WEBHOOK_SECRET=SECRET,
            WEB_PORT=str(self.port),
            ADMIN_IDS=str(ADMIN),
            SEND_RATE="4",
            DELIVERY_POLL_SECONDS="0.3",
            REMINDER_CHECK_SECONDS="1",
        )

    def post(self, update: dict) -> None:
        request = urllib.request.Request(
            self.url,
            json.dumps(update).encode(),
            {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200

    def say(self, chat_id: int, text: str) -> None:
        self.post(self.api.text_update(chat_id, text))

    def press(self, chat_id: int, data: str) -> None:
        message = {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": "private"}}
        self.post(self.api.callback_update(chat_id, data, message))

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.api.stop()


def texts_to(instances: list[Instance], chat_id: int) -> list[str]:
    return [
        p["text"]
        for instance in instances
        for p in instance.api.sent("sendmessage")
        if int(p["chat_id"]) == chat_id
    ]


def wait_for(predicate, timeout: float = 60):  # type: ignore[no-untyped-def]
    return FakeBotAPI.wait_for(predicate, timeout)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory):
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    work = tmp_path_factory.mktemp("instances")
    content = work / "content"  # one folder for both: a shared volume in production
    shutil.copytree(CONTENT, content)
    database = fresh_database_url(work, "shared")
    first = Instance("first", work, content, database)
    wait_for(lambda: first.api.sent("setwebhook"), 120)  # it creates the schema and loads
    second = Instance("second", work, content, database)
    wait_for(lambda: second.api.sent("setwebhook"), 120)
    yield first, second, content
    first.stop()
    second.stop()


def test_updates_spread_over_both_are_answered_once(pair) -> None:
    first, second, _ = pair
    for n, user in enumerate(USERS):
        (first if n % 2 else second).say(user, "/start")
    both = [first, second]
    wait_for(lambda: all(texts_to(both, user) for user in USERS))
    time.sleep(1)
    assert all(len(texts_to(both, user)) == 1 for user in USERS)
    assert first.api.sent("sendmessage") and second.api.sent("sendmessage")


def test_a_follow_up_continues_on_the_other_instance(pair) -> None:
    """The chat's state is in Redis: the second instance knows what the first was asked."""
    first, second, _ = pair
    both = [first, second]
    first.say(FOLLOWER, "Кто такая Нургазиева?")
    wait_for(lambda: texts_to(both, FOLLOWER))
    second.say(FOLLOWER, "а где она работает?")
    answer = wait_for(lambda: texts_to(both, FOLLOWER)[1:])[-1]
    assert "Гражданский альянс" in answer


def test_flood_control_counts_across_instances(pair) -> None:
    first, second, _ = pair
    both = [first, second]
    for n in range(26):  # the limit is 20 a minute, whichever instance gets them
        (first if n % 2 else second).say(FLOODER, "/help")
    wait_for(lambda: len(texts_to(both, FLOODER)) >= 21)
    time.sleep(2)
    texts = texts_to(both, FLOODER)
    assert len(texts) == 21  # 20 answers and one «wait» notice
    assert sum("Слишком много запросов" in t for t in texts) == 1


def test_a_reload_through_one_is_seen_by_the_other(pair) -> None:
    first, second, content = pair
    both = [first, second]
    second.say(ADMIN + 1, "Где работает Нургазиева?")
    assert "президент" in wait_for(lambda: texts_to(both, ADMIN + 1))[-1]

    path = content / "events" / "2021-04-21-round-table.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "{title: президент, organization: civil-alliance-kz}",
            "{title: почётный председатель, organization: civil-alliance-kz}",
        ),
        "utf-8",
    )
    before = len(texts_to(both, ADMIN))
    first.say(ADMIN, "/reload")
    wait_for(lambda: len(texts_to(both, ADMIN)) > before)  # the reload's report
    started = time.monotonic()
    second.say(ADMIN + 1, "Где работает Нургазиева?")
    answer = wait_for(lambda: texts_to(both, ADMIN + 1)[1:])[-1]
    assert "почётный председатель" in answer
    assert time.monotonic() - started < 5


def test_a_notice_and_a_reminder_are_sent_once(pair) -> None:
    first, second, content = pair
    both = [first, second]
    second.say(SUBSCRIBER, "/subscribe ГАК")
    wait_for(lambda: texts_to(both, SUBSCRIBER))
    tomorrow = datetime.now(ZoneInfo("Asia/Almaty")).date() + timedelta(days=1)
    (content / "future.yaml").write_text(
        f"""events:
  - id: instances-forum
    kind: forum
    status: announced
    title: Форум двух экземпляров
    date: {{year: {tomorrow.year}, month: {tomorrow.month}, day: {tomorrow.day}}}
    place: novosibirsk
    source: article-round-table-2021
    organizations:
      - {{organization: civil-alliance-kz, role: organizer}}
""",
        "utf-8",
    )
    first.say(ADMIN, "/reload")
    wait_for(lambda: len([t for t in texts_to(both, SUBSCRIBER) if "двух экземпляров" in t]) >= 2)
    time.sleep(3)  # several more rounds of both deliverers and reminder checks
    told = [t for t in texts_to(both, SUBSCRIBER) if "двух экземпляров" in t]
    assert len(told) == 2, told  # the «new event» notice and the day-before reminder
    assert len(set(told)) == 2


def test_killing_the_sender_mid_broadcast_doubles_nothing(pair) -> None:
    first, second, _ = pair
    both = [first, second]
    first.say(ADMIN, "/broadcast Встреча двух экземпляров переносится")
    preview = wait_for(
        lambda: [
            p
            for i in both
            for p in i.api.sent("sendmessage")
            if int(p["chat_id"]) == ADMIN and "reply_markup" in p and "Рассылка" in p["text"]
        ]
    )[-1]
    first.press(ADMIN, preview["reply_markup"]["inline_keyboard"][0][0]["callback_data"])

    def sent_by(instance: Instance) -> list[int]:
        return [
            int(p["chat_id"])
            for p in instance.api.sent("sendmessage")
            if p["text"] == "📣 Встреча двух экземпляров переносится"
        ]

    sender = wait_for(lambda: next((i for i in both if len(sent_by(i)) >= 5), None))
    survivor = second if sender is first else first
    sender.process.send_signal(signal.SIGKILL)
    sender.process.wait(10)
    audience = set(USERS) | {ADMIN, ADMIN + 1, SUBSCRIBER, FOLLOWER, FLOODER}

    def delivered() -> Counter[int]:
        return Counter(sent_by(first) + sent_by(second))

    # The survivor takes over once the dead instance's sending lock expires (15 s).
    wait_for(lambda: len(delivered()) >= len(audience) - 1, timeout=90)
    time.sleep(2)
    counts = delivered()
    assert set(counts) <= audience
    assert max(counts.values()) == 1  # nobody got it twice
    assert len(audience - set(counts)) <= 1  # at most the one being sent at the kill
    assert sent_by(survivor)
