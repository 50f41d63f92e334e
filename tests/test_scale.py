"""Generated content at scale: it passes the same validation, and long lists of everything come
in pages, never as dozens of messages."""

from __future__ import annotations

from pathlib import Path

from bot.factory import create_bot, create_dispatcher
from bot.generate import generate
from db.content_files import read_content
from db.content_service import ContentService
from tests.conftest import Chatter, RecordingSession


def test_generated_content_is_valid_and_of_the_asked_size(tmp_path: Path) -> None:
    counts = generate(10, tmp_path / "content")
    content = read_content(tmp_path / "content")
    assert (
        (len(content.events), len(content.people))
        == (20, 100)
        == (
            counts["events"],
            counts["people"],
        )
    )
    assert any(p.patronymic for p in content.people)
    assert any(o.abbreviations for o in content.organizations)
    assert any(e.date.day is None for e in content.events)
    assert any(p.other_names for p in content.places)


async def test_long_lists_are_paged(tmp_path: Path, session_maker, settings) -> None:
    generate(10, tmp_path / "big")
    service = ContentService(tmp_path / "big", session_maker)
    await service.reload()
    session = RecordingSession()
    chat = Chatter(
        create_dispatcher(settings, session_maker, service),
        create_bot("123:test", settings, session=session),
        session,
    )
    for command in ("/orgs", "/speakers"):
        [first] = await chat.say(command)
        more = next(data for label, data in first.buttons if "Ещё" in label)
        [second] = await chat.press(more)
        assert second.edited and second.text != first.text
        assert any("Назад" in label for label, _ in second.buttons)
