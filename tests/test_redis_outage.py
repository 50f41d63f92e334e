"""Redis is an accelerator, not a condition of answering: a real bot process on a real Redis
(a server of this test's own, killed and started again) answers questions, follow-ups and
commands while Redis is away, says so in /healthz and /metrics, logs it in one line with no
traceback, and goes back to Redis when it answers again. Chat state in Redis expires."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.fake_bot_api import FakeBotAPI, start_bot_process, stop_bot_process
from tests.test_webhook import get

REDIS_SERVER = shutil.which("redis-server")
# A Redis of the test's own, the same whichever database the bot keeps.
pytestmark = [
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs redis-server installed"),
    pytest.mark.one_database,
]

TOKEN = "123456:redis-outage"
APOLOGY = "произошла ошибка"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, work: Path) -> None:
        self.port = free_port()
        self.work = work
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert REDIS_SERVER is not None
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--bind", "127.0.0.1", "--port", str(self.port)),
                *("--save", "", "--appendonly", "no", "--dir", str(self.work)),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(64).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise TimeoutError("redis-server did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    def command(self, *words: str) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
            s.sendall(" ".join(words).encode() + b"\r\n")
            return s.recv(65536)


def _no_traceback(log: Path) -> None:
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text, text[text.index("Traceback") - 300 :][:3000]


@pytest.fixture
def redis_server(tmp_path: Path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process is not None and server.process.poll() is None:
        server.kill()


def _start_bot(api: FakeBotAPI, work: Path, redis_url: str, port: int) -> subprocess.Popen[str]:
    content = work / "content"
    if not content.exists():
        shutil.copytree(CONTENT, content)
    return start_bot_process(api, work, content, REDIS_URL=redis_url, WEB_PORT=str(port))


def test_answers_go_on_while_redis_is_away_and_come_back_to_it(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    port = free_port()
    with FakeBotAPI(TOKEN) as api:
        process = _start_bot(api, tmp_path, redis_server.url, port)
        try:
            api.wait_for(lambda: api.first_poll_at is not None, timeout=120)
            assert "Нургазиева" in api.ask(601, "Кто выступал на круглом столе 2021 года?")
            key = "fsm:601:601:data"
            ttl = int(redis_server.command("TTL", key).strip().lstrip(b":"))
            assert 0 < ttl <= 3600  # chat state expires in Redis

            redis_server.kill()
            follow_up = api.ask(601, "а кто из них из Казахстана?")
            assert APOLOGY not in follow_up and follow_up.strip()
            for text in ["/speaker Нургазиева", "/subscriptions", "Где работает Нургазиева?"]:
                reply = api.ask(602, text)
                assert APOLOGY not in reply and reply.strip(), text
            # A follow-up leans on the question asked while Redis was away.
            api.ask(603, "Кто выступал на круглом столе 2021 года?")
            assert APOLOGY not in api.ask(603, "а кто из них из Казахстана?")
            status, body = get(f"http://127.0.0.1:{port}/healthz")
            assert status == 200 and json.loads(body)["redis"] == "unreachable"
            assert json.loads(body)["status"] == "degraded"
            _, metrics = get(f"http://127.0.0.1:{port}/metrics")
            assert "bot_redis_up 0.0" in metrics

            redis_server.start()  # the same port, empty
            deadline = time.monotonic() + 30
            while json.loads(get(f"http://127.0.0.1:{port}/healthz")[1]).get("redis") != "ok":
                assert time.monotonic() < deadline, "never back on Redis"
                time.sleep(0.5)
            # Healthz found Redis answering, so the next update's state goes there.
            assert "Нургазиева" in api.ask(604, "Кто выступал на круглом столе 2021 года?")
            assert b"fsm:604" in redis_server.command("KEYS", "fsm:604:*")  # back in Redis
        finally:
            stop_bot_process(process)
    log = tmp_path / "bot.log"
    _no_traceback(log)
    said = log.read_text(encoding="utf-8")
    assert said.count("Redis does not answer") == 1 and "Redis answers again" in said


def test_the_bot_starts_and_answers_without_redis(tmp_path: Path) -> None:
    port = free_port()
    with FakeBotAPI(TOKEN) as api:
        process = _start_bot(api, tmp_path, f"redis://127.0.0.1:{free_port()}/0", port)
        try:
            api.wait_for(lambda: api.first_poll_at is not None, timeout=120)
            assert "Нургазиева" in api.ask(611, "Кто выступал на круглом столе 2021 года?")
            assert APOLOGY not in api.ask(611, "а кто из них из Казахстана?")
        finally:
            stop_bot_process(process)
    log = tmp_path / "bot.log"
    _no_traceback(log)
    assert "Redis does not answer (at start-up" in log.read_text(encoding="utf-8")


def test_a_language_chosen_on_one_instance_holds_on_the_other(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    from tests.databases import fresh_database_url

    database = fresh_database_url(tmp_path, "shared")
    with FakeBotAPI(TOKEN) as first_api, FakeBotAPI(TOKEN) as second_api:
        content = tmp_path / "content"
        shutil.copytree(CONTENT, content)
        first = start_bot_process(
            first_api, tmp_path, content, "first.log", REDIS_URL=redis_server.url,
            DATABASE_URL=database,
        )  # fmt: skip
        first_api.wait_for(lambda: first_api.first_poll_at is not None, timeout=120)
        second = start_bot_process(
            second_api, tmp_path, content, "second.log", REDIS_URL=redis_server.url,
            DATABASE_URL=database,
        )  # fmt: skip
        try:
            second_api.wait_for(lambda: second_api.first_poll_at is not None, timeout=120)
            assert "Нургазиева" in second_api.ask(621, "Кто выступал на круглом столе?")
            first_api.ask(621, "/lang en")
            assert "What I can do" in second_api.ask(621, "/help")
            second_api.ask(621, "/lang ru")
            assert "Что я умею" in first_api.ask(621, "/help")
        finally:
            stop_bot_process(first)
            stop_bot_process(second)
