"""Answers and collections remembered per content version: never stale after a reload, in
this instance or in another one on the same database, and the light lists of everybody's
participations agree with the participations themselves."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import event

from bot.factory import create_bot, create_dispatcher
from db.engine import create_engine, create_session_maker
from facts.edition import current_edition, prepare
from loading.service import VERSION_CHECK_SECONDS, ContentService
from tests.conftest import ROOT, Chatter, RecordingSession

ROUND_TABLE = "events/2021-04-21-round-table.yaml"


def _rename_position(content_dir: Path) -> None:
    path = content_dir / ROUND_TABLE
    text = path.read_text(encoding="utf-8")
    assert "{title: президент, organization: civil-alliance-kz}" in text
    path.write_text(
        text.replace(
            "{title: президент, organization: civil-alliance-kz}",
            "{title: почётный председатель, organization: civil-alliance-kz}",
        ),
        encoding="utf-8",
    )


async def test_a_reload_is_seen_by_remembered_answers(chat: Chatter, content_service) -> None:
    question = "Где работает Нургазиева?"
    first = await chat.ask(question)
    assert "президент" in first
    assert await chat.ask(question) == first  # the same answer, remembered
    [card] = await chat.press("c:p:nurgazieva-banu")
    assert "президент" in card.text

    _rename_position(content_service.content_dir)
    await content_service.reload()

    after = await chat.ask(question)
    assert "почётный председатель" in after and after != first
    [card] = await chat.press("c:p:nurgazieva-banu")
    assert "почётный председатель" in card.text


async def test_another_instance_follows_a_reload(
    chat: Chatter, content_service, settings, database_url: str
) -> None:
    # A second instance: its own engine and dispatcher on the same database.
    engine = create_engine(database_url)
    maker = create_session_maker(engine)
    other_service = ContentService(content_service.content_dir, maker)
    session = RecordingSession()
    other = Chatter(
        create_dispatcher(settings, maker, other_service),
        create_bot("123:other", settings, session=session),
        session,
    )
    try:
        assert "президент" in await other.ask("Где работает Нургазиева?")
        before = await other.ask("/upcoming")

        _rename_position(content_service.content_dir)
        await content_service.reload()  # through the first instance

        assert "почётный председатель" in await other.ask("Где работает Нургазиева?")
        assert await other.ask("/upcoming") == before  # nothing about it changed
    finally:
        await session.close()
        await engine.dispose()


async def test_a_question_that_does_not_lean_on_the_last_is_answered_once_for_every_chat(
    chat: Chatter, content_service, session_maker
) -> None:
    question = "Где работает Нургазиева?"
    # Two chats that were talking about different things before.
    await chat.ask("Кто выступал на круглом столе 2021 года?", user_id=1)
    await chat.ask("Какие организации из России?", user_id=2)
    first = await chat.ask(question, user_id=1)
    statements: list[str] = []
    engine = session_maker.kw["bind"].sync_engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert await chat.ask(question, user_id=2) == first
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert not statements  # remembered from the first chat: not worked out again
    # A follow-up leans on its own chat's last question, so each chat gets its own answer.
    await chat.ask("Кто выступал на круглом столе 2021 года?", user_id=3)
    assert await chat.ask("а кто из них из Казахстана?", user_id=3) != await chat.ask(
        "а кто из них из Казахстана?", user_id=4
    )


async def test_while_a_version_is_prepared_updates_use_the_previous_lists(
    chat: Chatter, content_service, session_maker
) -> None:
    before = await chat.ask("/events")
    path = content_service.content_dir / ROUND_TABLE
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if "short_title:" in line)
    assert title.split(":", 1)[1].strip() in before
    path.write_text(text.replace(title, "    short_title: встреча волонтёров"), encoding="utf-8")
    await content_service.reload()  # in tests nothing prepares it in the background …
    ready = asyncio.get_running_loop().create_future()
    preparing = prepare(session_maker, ready)  # … so act as the bot's background work
    during = await asyncio.wait_for(chat.ask("/events"), 5)
    assert during == before  # the previous version's list, at once
    ready.set_result(None)
    await preparing
    after = await chat.ask("/events")  # swapped in: what was answered before is not reused
    assert "встреча волонтёров" in after and title.split(":", 1)[1].strip() not in after


async def test_without_anyone_preparing_the_next_update_reads_the_new_version(
    chat: Chatter, content_service
) -> None:
    before = await chat.ask("/events")
    path = content_service.content_dir / ROUND_TABLE
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if "short_title:" in line)
    path.write_text(text.replace(title, "    short_title: встреча волонтёров"), encoding="utf-8")
    await content_service.reload()
    after = await chat.ask("/events")
    assert after != before and "встреча волонтёров" in after


async def test_a_load_by_another_process_is_seen_within_the_version_check(
    chat: Chatter, content_service, database_url: str, session_maker
) -> None:
    question = "Где работает Нургазиева?"
    assert "президент" in await chat.ask(question)
    _rename_position(content_service.content_dir)
    code = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from loading.service import ContentService\n"
        "from db.engine import create_engine, create_session_maker\n"
        "async def main():\n"
        "    engine = create_engine(sys.argv[1])\n"
        "    await ContentService(Path(sys.argv[2]), create_session_maker(engine)).reload()\n"
        "    await engine.dispose()\n"
        "asyncio.run(main())\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, database_url, str(content_service.content_dir)],
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    loaded_at = time.monotonic()
    bots = ContentService(content_service.content_dir, session_maker, prepare=prepare)
    following = asyncio.create_task(bots.follow_loads())  # as the bot does
    try:
        while "почётный председатель" not in await chat.ask(question):
            assert time.monotonic() - loaded_at < VERSION_CHECK_SECONDS + 2, "never seen"
            await asyncio.sleep(0.1)
    finally:
        following.cancel()


async def test_remembered_answers_are_bounded_by_what_they_hold(
    chat: Chatter, content_service, session_maker, monkeypatch
) -> None:
    """A question whose words match many entities holds far more than a card: the memory of
    answers counts their rough size, and the oldest go first when it is full."""
    from answers import memo
    from answers.base import Answer

    monkeypatch.setattr(memo, "_ANSWERS", type(memo._ANSWERS)())
    monkeypatch.setattr(memo, "_weight", 0)
    monkeypatch.setattr(memo, "MAX_WEIGHT", 40)
    await chat.ask("Где работает Нургазиева?")
    assert 0 < memo._weight == sum(w for _, _, w in memo._ANSWERS.values()) <= 40
    long = Answer("ж" * 10_000)  # 20 KB of text
    assert long.memo_weight == 20
    async with session_maker() as session:
        edition = await current_edition(session)
    for n in range(3):
        assert await memo.remembered(edition, ("long", n), lambda: _value(long)) is long
    assert memo._weight == sum(w for _, _, w in memo._ANSWERS.values()) <= 40
    assert [key[-1] for key in memo._ANSWERS] == [1, 2]  # the oldest went first


async def _value(value):  # type: ignore[no-untyped-def]
    return value


async def test_a_build_never_waits_for_the_connections_of_those_waiting_for_it(
    tmp_path: Path,
) -> None:
    """An update that holds a connection may wait for another's build of the edition; that
    build must not then need a connection of its own (with the pool empty, each would wait
    for the other until the pool's timeout failed the build)."""
    import shutil

    from sqlalchemy import select
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from db.engine import create_schema
    from tests.conftest import CONTENT

    shutil.copytree(CONTENT, tmp_path / "content")
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    engine = create_engine(url)
    await create_schema(engine)
    await ContentService(tmp_path / "content", create_session_maker(engine)).reload()
    await engine.dispose()
    one = create_async_engine(url, pool_size=1, max_overflow=0, pool_timeout=3)
    maker = async_sessionmaker(one, expire_on_commit=False)
    async with maker() as waiting, maker() as building:
        await waiting.execute(select(1))  # holds the only connection
        builder = asyncio.create_task(current_edition(building))
        await asyncio.sleep(0.05)  # the builder has started
        mine = await asyncio.wait_for(current_edition(waiting), 10)
        await waiting.close()  # gives the connection back
        theirs = await asyncio.wait_for(builder, 10)
    assert mine is theirs and mine.facts.all_events()
    await one.dispose()
