"""Settings, dates, text normalisation, message splitting, the console chat, errors."""

from __future__ import annotations

import asyncio
import gc
import io
import weakref
from datetime import date
from pathlib import Path

import pytest

from bot import memory
from bot.console import ConsoleChat, ConsoleSession
from bot.factory import create_bot, create_dispatcher
from bot.settings import Settings, SettingsError
from db.dates import PartialDate, check_date_parts
from facts.model import Facts
from search.textnorm import forms, forms_match, normalize
from tests.conftest import Chatter
from views.html import split_message


def test_settings_from_env() -> None:
    s = Settings.from_env(
        {
            "BOT_TOKEN": "1:abc",
            "ADMIN_IDS": "1, 2;3",
            "TELEGRAM_API_URL": "http://127.0.0.1:8081/",
            "TIMEZONE": "Europe/Moscow",
            "LOG_LEVEL": "debug",
        }
    )
    assert s.admin_ids == {1, 2, 3} and s.telegram_api_url == "http://127.0.0.1:8081"
    assert str(s.timezone) == "Europe/Moscow" and s.log_level == "DEBUG"
    assert "1:abc" not in repr(s)
    assert Settings.from_env({}).bot_token is None


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"ADMIN_IDS": "admin"}, "ADMIN_IDS"),
        ({"TIMEZONE": "Mars/Olympus"}, "TIMEZONE"),
        ({"BOT_TOKEN": "nocolon"}, "BOT_TOKEN"),
        ({"TELEGRAM_API_URL": "127.0.0.1:8081"}, "TELEGRAM_API_URL"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_bad_settings_name_the_setting(env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(env)


def test_partial_dates() -> None:
    june = PartialDate(2021, 6)
    assert june.precision == "month"
    assert june.is_upcoming(date(2021, 6, 30)) and june.is_past(date(2021, 7, 1))
    assert PartialDate().precision == "unknown" and not PartialDate().is_upcoming(date.today())
    assert PartialDate(None, 11, 12).period() is None
    with pytest.raises(ValueError, match="нет дня 31"):
        check_date_parts(2021, 4, 31)
    check_date_parts(None, 2, 29)  # exists in leap years
    with pytest.raises(ValueError, match="без месяца"):
        check_date_parts(2021, None, 5)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Нургазиевой", "Нургазиева"),
        ("Калашникову", "Калашникова"),
        ("Тажибаеву", "Тажибаев"),
        ("Сапаровым", "Сапаров"),
        ("Погорельского", "Погорельский"),
        ("Октябрьской", "Октябрьская"),
        ("Тополевой", "Тополева-Солдунова"),
        ("Нур-Султане", "Нур-Султан"),
        ("Кемерова", "Кемерово"),
        ("Ёлка", "елка"),
    ],
)
def test_names_match_in_any_case(query: str, name: str) -> None:
    [q] = forms(query)[:1]
    assert any(forms_match(q, w) for w in forms(name))


def test_normalize() -> None:
    assert normalize("  «Урал — река  дружбы»!") == "урал река дружбы"


def test_split_message_respects_limit_and_lines() -> None:
    text = "\n".join(f"<b>строка {i}</b> " + "х" * 90 for i in range(200))
    parts = split_message(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == text
    assert all(p.count("<b>") == p.count("</b>") for p in parts)
    long_line = "слово " * 1000
    assert all(len(p) <= 4096 for p in split_message(long_line))


async def test_console_chat_prints_and_presses_numbered_buttons(
    settings, session_maker, content_service
) -> None:
    out = io.StringIO()
    session = ConsoleSession(out)
    dp = create_dispatcher(settings, session_maker, content_service)
    bot = create_bot("1:console", settings, session=session)
    chat = ConsoleChat(dp, bot, session, user_id=1)
    await chat.say("/speakers круглый стол")
    printed = out.getvalue()
    assert "<b>" not in printed and "Бану Нургазиева" in printed
    assert "[1] 👤 Бану Нургазиева" in printed
    await chat.say("1")
    assert "Должность: президент, Гражданский альянс Казахстана" in out.getvalue()
    await bot.session.close()


async def test_handler_error_gets_polite_reply(chat: Chatter, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(Facts, "all_events", broken)
    [reply] = await chat.say("/events")
    assert "произошла ошибка" in reply.text and "fire" not in reply.text
    monkeypatch.undo()
    assert "События" in (await chat.say("/events"))[0].text  # the bot keeps working


def test_console_user_is_never_flood_limited(tmp_path) -> None:
    """The console's own user is an admin, and flood control reads the settings the
    dispatcher holds: with a limit of 3 messages, ten typed lines get ten answers."""
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import CONTENT, ROOT

    shutil.copytree(CONTENT, tmp_path / "content")
    env = {
        **os.environ,
        "BOT_TOKEN": "",
        "ADMIN_IDS": "",
        "RATE_LIMIT_MESSAGES": "3",
        "RATE_LIMIT_SECONDS": "60",
        "CONTENT_DIR": str(tmp_path / "content"),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    lines = "".join("/help\n" if n % 2 else "Кто выступал на круглом столе?\n" for n in range(10))
    done = subprocess.run(
        [sys.executable, "-m", "bot"],
        input=lines + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Слишком много запросов" not in done.stdout
    assert done.stdout.count("Что я умею") == 5
    assert done.stdout.count("Выступили на событии") == 5


def test_settling_keeps_what_is_held_out_of_collections_until_the_next_settling() -> None:
    class Node:
        pass

    node = Node()
    node.me = node  # a cycle: only the collector frees it
    gone = weakref.ref(node)
    try:
        memory.settle()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert gone() is not None  # frozen: collections no longer walk it
        memory.settle()  # the next version is prepared: the previous one is let go
        assert gone() is None
    finally:
        gc.unfreeze()


@pytest.mark.skipif(memory._glibc() is None, reason="gives memory back through glibc only")
def test_settling_gives_freed_heap_memory_back_to_the_system() -> None:
    """What a content version's reading freed goes back to the system, not only to the
    process's heap (where it would count in its memory for good)."""

    def rss_mib() -> int:
        status = Path("/proc/self/status").read_text().splitlines()
        return int(next(x for x in status if x.startswith("VmRSS")).split()[1]) // 1024

    blocks = [bytes(2000) for _ in range(60_000)]  # ~120 MB in small pieces
    kept = blocks[::50]  # a few survive, scattered, as a version's collections would
    del blocks
    before = rss_mib()
    memory.settle()
    gc.unfreeze()
    assert rss_mib() < before - 60
    assert len(kept) == 1200


async def test_new_users_are_written_after_their_answers_in_one_statement(
    chat: Chatter, session_maker
) -> None:
    """A burst of new users costs their answers no write; they are all written together
    a moment later, and /stats counts them even before that."""
    from sqlalchemy import event, func, select

    from db.models import BotUser

    seen = chat.dp["seen_users"]
    # long enough for ten answers on a busy machine, short enough for a test
    seen.WRITE_AFTER = 2.0
    writes: list[str] = []
    engine = session_maker.kw["bind"].sync_engine
    listener = lambda *args: writes.append(args[2]) if "bot_users" in args[2] else None  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        for user_id in range(501, 511):
            await chat.ask("/start", user_id=user_id)
        assert not writes  # ten answers, no write yet
        for _ in range(100):  # then one write, whenever the timer fires
            await asyncio.sleep(0.1)
            if writes:
                break
        await asyncio.sleep(0.2)
        assert len([w for w in writes if w.startswith("INSERT")]) == 1
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    async with session_maker() as session:
        assert await session.scalar(select(func.count()).select_from(BotUser)) == 10
        last_seen = await session.scalar(select(BotUser.last_seen).where(BotUser.id == 505))
    await chat.ask("/start", user_id=505)  # again within the minute: nothing to write
    await chat.ask("/start", user_id=777)
    await seen.write()  # as /stats and the shutdown do
    async with session_maker() as session:
        assert await session.scalar(select(func.count()).select_from(BotUser)) == 11
        assert await session.scalar(select(BotUser.last_seen).where(BotUser.id == 505)) == last_seen


async def test_console_saves_files_and_delivers_broadcasts(
    settings, session_maker, content_service, tmp_path: Path
) -> None:
    """The console chat keeps what the bot sends as files and runs the deliverer, so a
    draft arrives as a saved file and a broadcast as a message, as in Telegram."""
    from bot.__main__ import create_deliverer
    from tests.conftest import ADMIN_ID, ROOT

    out = io.StringIO()
    session = ConsoleSession(out, files_dir=tmp_path / "files")
    dp = create_dispatcher(settings, session_maker, content_service)
    bot = create_bot("1:console", settings, session=session)
    chat = ConsoleChat(dp, bot, session, user_id=ADMIN_ID)
    deliverer = create_deliverer(bot, dp, settings, session_maker, content_service, None)
    delivery = asyncio.create_task(deliverer.run(0.05, 3600))
    try:
        article = (ROOT / "tests" / "articles" / "uralsk_media_school.txt").read_text("utf-8")
        await chat.say(article)
        await chat.say("1")  # «Сделать черновик»
        saved = list((tmp_path / "files").glob("*.draft.yaml"))
        assert len(saved) == 1 and "Утешева" in saved[0].read_text("utf-8")
        assert f"Файл сохранён: {saved[0]}" in out.getvalue()

        await chat.say("/broadcast Проверка рассылки из консоли")
        await chat.say("1")  # «Отправить»
        for _ in range(100):
            if out.getvalue().count("Проверка рассылки из консоли") >= 2:
                break
            await asyncio.sleep(0.05)
        # Shown once for confirmation, then delivered by the deliverer.
        assert out.getvalue().count("Проверка рассылки из консоли") >= 2, out.getvalue()[-500:]
    finally:
        deliverer.stop()
        await asyncio.wait({delivery}, timeout=5)
        await bot.session.close()
