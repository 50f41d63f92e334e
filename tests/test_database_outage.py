"""PostgreSQL going away while the bot runs (the second pass, on a real server behind a proxy
this test cuts): questions about the facts are still answered from memory, new users too;
what needs the database says plainly that the service is limited, an admin is told why; the
log has one line per such update and no traceback; and everything works again, without a
restart, once the database is back."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import CONTENT
from tests.databases import ON_POSTGRES, SERVER, fresh_database_url
from tests.fake_bot_api import FakeBotAPI, start_bot_process, stop_bot_process
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="needs PostgreSQL: the second pass of `make test`"
)

TOKEN = "123456:database-outage"
ADMIN = 4700
APOLOGY = "произошла ошибка"


def test_answers_from_memory_while_the_database_is_away(tmp_path: Path) -> None:
    assert SERVER is not None
    server = make_url(SERVER)
    database = make_url(fresh_database_url(tmp_path, "bot"))
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with (
        TcpProxy(server.host or "127.0.0.1", server.port or 5432) as proxy,
        FakeBotAPI(TOKEN) as api,
    ):
        url = database.set(host="127.0.0.1", port=proxy.port)
        process = start_bot_process(
            api,
            tmp_path,
            content,
            DATABASE_URL=url.render_as_string(hide_password=False),
            ADMIN_IDS=str(ADMIN),
        )
        try:
            api.wait_for(lambda: api.first_poll_at is not None, timeout=120)
            assert "Нургазиева" in api.ask(701, "Кто выступал на круглом столе 2021 года?")

            proxy.cut()
            assert "Нургазиева" in api.ask(701, "Кто выступал на круглом столе 2021 года?")
            assert "Нургазиева" in api.ask(702, "Где работает Нургазиева?")  # a new user
            assert "Нургазиева" in api.ask(702, "/speaker Нургазиева")
            limited = api.ask(702, "/subscriptions")
            assert "недоступна база данных" in limited and APOLOGY not in limited
            told = api.ask(ADMIN, "/stats")
            assert "База данных не отвечает" in told

            proxy.restore()
            deadline = time.monotonic() + 60
            while "недоступна" in (reply := api.ask(702, "/subscriptions")):
                assert time.monotonic() < deadline, "never back"
                time.sleep(1)
            assert "Подписок нет" in reply
        finally:
            stop_bot_process(process)
    log = (tmp_path / "bot.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log[log.index("Traceback") - 300 :][:3000]
    assert "the database does not answer" in log


def test_start_up_waits_for_the_database_server(tmp_path: Path) -> None:
    assert SERVER is not None
    server = make_url(SERVER)
    database = make_url(fresh_database_url(tmp_path, "bot"))
    with (
        TcpProxy(server.host or "127.0.0.1", server.port or 5432) as proxy,
        FakeBotAPI(TOKEN) as api,
    ):
        proxy.cut()
        url = database.set(host="127.0.0.1", port=proxy.port)
        process = start_bot_process(
            api, tmp_path, CONTENT, DATABASE_URL=url.render_as_string(hide_password=False)
        )
        try:
            log = tmp_path / "bot.log"
            api.wait_for(lambda: "does not answer" in log.read_text(encoding="utf-8"), 60)
            assert process.poll() is None  # waiting, not gone
            proxy.restore()
            api.wait_for(lambda: api.first_poll_at is not None, timeout=120)
            assert "Нургазиева" in api.ask(711, "Где работает Нургазиева?")
        finally:
            stop_bot_process(process)
    said = log.read_text(encoding="utf-8")
    assert "Traceback" not in said
    assert f"127.0.0.1:{proxy.port}" in said and "password" not in said.lower()
