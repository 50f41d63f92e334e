"""Answers and collections remembered per content version: never stale after a reload, in
this instance or in another one on the same database, and the light lists of everybody's
participations agree with the participations themselves."""

from __future__ import annotations

from pathlib import Path

from bot.factory import create_bot, create_dispatcher
from bot.generate import generate
from db import queries
from db.content_service import ContentService
from db.engine import create_engine, create_session_maker
from tests.conftest import Chatter, RecordingSession

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


async def test_participation_rows_agree_with_participations(tmp_path: Path, session_maker) -> None:
    generate(10, tmp_path / "big")
    await ContentService(tmp_path / "big", session_maker).reload()
    async with session_maker() as session:
        rows = await queries.participation_rows(session)
        # Every participation read whole, ordered as the lists always were.
        whole = await queries.participations_by_id(session, [r.id for r in rows])
        assert len(rows) == len(whole) > 100
        ordered = queries.newest_first(sorted(whole, key=lambda p: p.position), lambda p: p.event)
        assert [r.id for r in rows] == [p.id for p in ordered]
        assert [r.country for r in rows] == [queries.participant_country(p) for p in ordered]
        assert [r.role for r in rows] == [p.role for p in ordered]
        assert {r.country for r in rows} >= {"KZ", "RU"}
