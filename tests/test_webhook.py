"""Webhook mode end to end: the real bot process registers its webhook with the fake Bot API,
answers updates posted with the secret token, refuses those without it, and serves /healthz
and /metrics."""

from __future__ import annotations

import json
import shutil
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CONTENT
from tests.fake_bot_api import FakeBotAPI, start_bot_process, stop_bot_process

# The web server's behaviour: the same whichever database the bot keeps.
pytestmark = pytest.mark.one_database

TOKEN = "123456:webhook-token"
SECRET = "s3cret_token-1"
USER = 4301


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url: str, body: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("webhook")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with FakeBotAPI(TOKEN) as api:
        process = start_bot_process(
            api,
            work,
            content,
            WEBHOOK_URL=f"{base}/tg/updates",
            WEBHOOK_SECRET=SECRET,
            WEB_PORT=str(port),
        )
        try:
            api.wait_for(lambda: api.sent("setwebhook"), timeout=120)
            yield api, base, process, work
        finally:
            stop_bot_process(process)


def test_webhook_is_registered_with_its_secret(running) -> None:
    api, base, _, _ = running
    [params] = api.sent("setwebhook")
    assert params["url"] == f"{base}/tg/updates"
    assert params["secret_token"] == SECRET
    assert "message" in params["allowed_updates"]
    assert api.first_poll_at is None  # no polling beside the webhook


def test_updates_with_the_secret_are_answered_once(running) -> None:
    api, base, _, _ = running
    before = len(api.sent("sendmessage"))
    assert post(f"{base}/tg/updates", api.text_update(USER, "/start"), SECRET) == 200
    api.wait_for(lambda: len(api.sent("sendmessage")) > before)
    replies = [p for p in api.sent("sendmessage")[before:] if int(p["chat_id"]) == USER]
    assert len(replies) == 1


@pytest.mark.parametrize("secret", [None, "wrong"])
def test_updates_without_the_secret_are_refused(running, secret: str | None) -> None:
    api, base, _, _ = running
    before = len(api.sent("sendmessage"))
    update = api.text_update(USER + 1, "/start")
    assert post(f"{base}/tg/updates", update, secret) == 401
    assert len(api.sent("sendmessage")) == before


def raw_post(base: str, secret: bytes | None, body: bytes) -> int:
    """POST `body` with the secret header's bytes exactly as given (a client library would
    refuse some of them), and return the status code."""
    host, port = base.removeprefix("http://").split(":")
    head = b"POST /tg/updates HTTP/1.1\r\nHost: " + host.encode() + b"\r\n"
    head += b"Content-Type: application/json\r\nConnection: close\r\n"
    head += b"Content-Length: " + str(len(body)).encode() + b"\r\n"
    if secret is not None:
        head += b"X-Telegram-Bot-Api-Secret-Token: " + secret + b"\r\n"
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(head + b"\r\n" + body)
        answer = b""
        while chunk := connection.recv(4096):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(
    ("secret", "body", "status"),
    [
        ("s3cret_token-ж".encode(), b"{}", 401),  # a non-ASCII character
        (b"s3cret_token-1\x00", b"{}", 400),  # a trailing NUL: refused by the HTTP parser
        ("s3crет".encode("latin-1", "replace"), b"{}", 401),
        (b"\xff\xfe", b"{}", 401),  # not even UTF-8
        (SECRET.encode(), b"", 400),  # the right secret: an empty body …
        (SECRET.encode(), b"{not json", 400),  # … not JSON …
        (SECRET.encode(), b"[1, 2]", 400),  # … a list …
        (SECRET.encode(), b'{"update_id": "many"}', 400),  # … not an update
        (SECRET.encode(), b'\xff{"update_id": 1}', 400),  # … not UTF-8
    ],
)
def test_hostile_webhook_requests_are_refused_without_a_traceback(
    running, secret: bytes | None, body: bytes, status: int
) -> None:
    api, base, _, work = running
    log = work / "bot.log"
    logged = log.stat().st_size
    before = len(api.sent("sendmessage"))
    assert raw_post(base, secret, body) == status
    assert post(f"{base}/tg/updates", api.text_update(USER + 3, "/start"), SECRET) == 200
    api.wait_for(lambda: len(api.sent("sendmessage")) > before)  # still answering
    with log.open("rb") as file:
        file.seek(logged)
        assert b"Traceback" not in file.read()


def test_health_names_the_content_version(running) -> None:
    _, base, _, _ = running
    status, body = get(f"{base}/healthz")
    assert status == 200
    health = json.loads(body)
    assert health["database"] == "ok"
    assert len(health["content_version"]["hash"]) == 12


def test_metrics_count_updates_and_sends(running) -> None:
    api, base, _, _ = running
    before = len(api.sent("sendmessage"))
    post(f"{base}/tg/updates", api.text_update(USER + 2, "Кто такая Нургазиева?"), SECRET)
    api.wait_for(lambda: len(api.sent("sendmessage")) > before)

    def figures() -> dict[str, str]:
        status, text = get(f"{base}/metrics")
        assert status == 200
        return dict(
            line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#")
        )

    # An update is counted when its handler returns, just after its answer was sent.
    lines = api.wait_for(
        lambda: (
            float((found := figures()).get('bot_updates_total{kind="message"}', 0)) >= 2 and found
        )
    )
    assert float(lines['bot_updates_total{kind="message"}']) >= 2
    assert float(lines['bot_update_seconds_count{kind="message"}']) >= 2
    assert float(lines['bot_api_requests_total{method="SendMessage",outcome="ok"}']) >= 2
    assert float(lines["bot_delivery_queue"]) == 0


async def test_health_reports_an_unreachable_database(tmp_path: Path) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from bot.factory import create_bot
    from bot.metrics import Metrics
    from bot.settings import Settings
    from bot.web import create_web_app
    from db.engine import create_engine, create_session_maker

    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'deeper' / 'x.db'}")
    shutil.rmtree(tmp_path / "missing")  # create_engine made the folder; now it is gone
    settings = Settings()
    bot = create_bot("123:health", settings)
    app = create_web_app(None, bot, settings, create_session_maker(engine), Metrics())  # type: ignore[arg-type]
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/healthz")
        assert response.status == 503
        assert (await response.json())["database"] == "unreachable"
        metrics = await client.get("/metrics")
        assert metrics.status == 200  # still served without the queue figure
    await bot.session.close()
    await engine.dispose()


async def test_health_reports_a_database_that_does_not_answer(monkeypatch) -> None:
    import asyncio
    import time

    from aiohttp.test_utils import TestClient, TestServer

    from bot import web as bot_web
    from bot.factory import create_bot
    from bot.metrics import Metrics
    from bot.settings import Settings

    class Stuck:  # a session whose database never answers
        async def __aenter__(self):  # type: ignore[no-untyped-def]
            await asyncio.sleep(3600)

        async def __aexit__(self, *args) -> None:  # type: ignore[no-untyped-def]
            return None

    monkeypatch.setattr(bot_web, "HEALTH_TIMEOUT", 0.3)
    settings = Settings()
    bot = create_bot("123:health", settings)
    app = bot_web.create_web_app(None, bot, settings, Stuck, Metrics())  # type: ignore[arg-type]
    async with TestClient(TestServer(app)) as client:
        started = time.monotonic()
        response = await asyncio.wait_for(client.get("/healthz"), 10)
        assert response.status == 503 and time.monotonic() - started < 5
        assert (await response.json())["database"] == "unreachable"
    await bot.session.close()
