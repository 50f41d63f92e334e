"""Drafting from a link, end to end: a page served from 127.0.0.1, the admin sends its
address, gets a draft, sends the corrected draft back, and users can ask about the new
event at once. The article is written for this test."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
import yaml
from aiohttp import web

from bot.factory import create_bot, create_dispatcher
from tests.conftest import ADMIN_ID, TODAY, Chatter, RecordingSession
from tests.test_admin import send_document

pytestmark = pytest.mark.one_database

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Круглый стол «Соседи без границ» прошёл в Петропавловске</title>
<meta property="article:published_time" content="2025-03-07">
</head><body>
<nav>Главная | Новости | Контакты | Версия для слабовидящих</nav>
<article>
<h1>Круглый стол «Соседи без границ» прошёл в Петропавловске</h1>
<p>5 марта в Петропавловске прошёл круглый стол «Соседи без границ» о совместных
проектах некоммерческих организаций Северо-Казахстанской и Омской областей.</p>
<p>Модератором выступил директор Северного центра гражданских инициатив Арман
Сейткалиев. Он рассказал о грантовой программе для сельских НКО.</p>
<p>Председатель Омского союза волонтёров Ольга Берестова предложила проводить летнюю
школу волонтёров по очереди в обоих городах.</p>
</article>
<footer>© 2025 Все права защищены</footer>
</body></html>"""


@pytest.fixture
async def page_url() -> AsyncIterator[str]:
    async def article(request: web.Request) -> web.Response:
        return web.Response(text=PAGE, content_type="text/html", charset="utf-8")

    async def huge(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * 4_000_000, content_type="text/html")

    app = web.Application()
    app.router.add_get("/news/round-table", article)
    app.router.add_get("/huge", huge)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


def _done(value):  # type: ignore[no-untyped-def]
    """The draft with every value the reviewer had to do («TODO …») written."""
    if isinstance(value, dict):
        return {k: _done(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_done(v) for v in value]
    if isinstance(value, str) and "TODO" in value:
        return "проверено по статье"
    return value


@pytest.fixture
async def link_chat(settings, session_maker, content_service) -> AsyncIterator[Chatter]:
    allowed = settings.with_changes(fetch_allowed_hosts=frozenset({"127.0.0.1"}))
    dp = create_dispatcher(allowed, session_maker, content_service, today=lambda: TODAY)
    session = RecordingSession()
    bot = create_bot("123:test", allowed, session=session)
    yield Chatter(dp, bot, session)
    await bot.session.close()


async def test_link_to_draft_to_content_to_answers(link_chat: Chatter, page_url: str) -> None:
    replies = await link_chat.say(f"{page_url}/news/round-table", user_id=ADMIN_ID)
    assert "Открываю страницу" in replies[0].text
    name, data = link_chat.session.sent_documents[-1]
    assert name.endswith(".draft.yaml")
    draft = yaml.safe_load(data)
    event = draft["events"][0]
    assert event["title"] == "Соседи без границ"
    assert event["kind"] == "round_table" and event["status"] == "held"
    assert event["date"]["month"] == 3 and event["date"]["day"] == 5
    people = {(p["first_name"], p["last_name"]) for p in draft["people"]}
    assert people == {("Арман", "Сейткалиев"), ("Ольга", "Берестова")}
    titles = {pos["title"] for part in event["participants"] for pos in part.get("positions", [])}
    assert {"директор", "председатель"} <= titles

    # Sent back unread, it is refused, and the reply names what is left to review.
    requests = await send_document(link_chat, "round-table-petropavlovsk.yaml", data)
    refused = "\n".join(r.text for r in requests if hasattr(r, "text") and r.text)
    assert "сохранён и загружен" not in refused
    assert re.search(r"\.yaml:\d+: черновик не проверен", refused), refused
    assert re.search(r"\.yaml:\d+: здесь осталось TODO", refused), refused
    answer = await link_chat.ask("Кто выступал на круглом столе в Петропавловске?")
    assert "Арман Сейткалиев" not in answer

    # The admin reviews it: writes the summaries (the draft's quoted sentences are comments),
    # fills what was left to do and marks the file reviewed.
    for part in event["participants"]:
        part["summary"] = "Говорил о совместных проектах НКО."
    draft = _done(draft)
    draft["review"] = "reviewed"
    fixed = yaml.safe_dump(draft, allow_unicode=True, sort_keys=False).encode("utf-8")
    requests = await send_document(link_chat, "round-table-petropavlovsk.yaml", fixed)
    loaded = [r.text for r in requests if hasattr(r, "text") and r.text]
    assert any("сохранён и загружен" in t for t in loaded), loaded

    answer = await link_chat.ask("Кто выступал на круглом столе в Петропавловске?")
    assert "Арман Сейткалиев" in answer and "Ольга Берестова" in answer
    answer = await link_chat.ask("Кто модерировал круглый стол «Соседи без границ»?")
    assert "Арман Сейткалиев" in answer


async def test_bad_links_get_reasons(link_chat: Chatter, page_url: str, chat: Chatter) -> None:
    too_big = await link_chat.ask(f"{page_url}/huge", user_id=ADMIN_ID)
    assert "слишком большая" in too_big
    missing = await link_chat.ask(f"{page_url}/nothing-here", user_id=ADMIN_ID)
    assert "ошибкой" in missing
    # Without the allow-list (the bot's default), a loopback address is refused.
    private = await chat.ask(f"{page_url}/news/round-table", user_id=ADMIN_ID)
    assert "внутреннюю сеть" in private
