"""Content files: valid content loads; each kind of broken file is refused with file and line
and leaves the database exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db import queries
from db.content_files import ContentInvalid, read_content
from db.content_service import ContentService
from db.content_store import stored_entities
from db.models import Event
from tests.conftest import CONTENT


def test_shipped_content_is_valid() -> None:
    content = read_content(CONTENT)
    assert {e.id for e in content.events} >= {
        "round-table-2021-04",
        "ngo-meeting-kz-ru-2025",
        "ngo-meeting-yekaterinburg-2021",
        "ngo-meeting-kostanay-2021",
        "forum-civil-initiatives-2021",
        "civil-forum-kz-xii",
        "declaration-signing-2025",
    }
    assert len(content.people) == 8


def test_dates_keep_their_precision() -> None:
    events = {e.id: e for e in read_content(CONTENT).events}
    forum = events["forum-civil-initiatives-2021"].date
    assert (forum.year, forum.month, forum.day, forum.inferred) == (2021, 6, None, False)
    assert forum.partial.precision == "month"
    signing = events["declaration-signing-2025"].date
    assert (signing.month, signing.day, signing.inferred) == (11, 12, True)
    meeting = events["ngo-meeting-kz-ru-2025"].date
    assert meeting.partial.precision == "year" and meeting.day is None


def test_positions_belong_to_the_event() -> None:
    events = {e.id: e for e in read_content(CONTENT).events}
    oktyabrskaya = next(
        p for p in events["round-table-2021-04"].participants if p.person == "oktyabrskaya-irina"
    )
    assert [p.organization for p in oktyabrskaya.positions] == ["nsu", "iaet-sb-ras"]


async def test_load_stores_facts(content_service: ContentService, session_maker) -> None:
    async with session_maker() as session:
        details = await queries.event_details(session, "round-table-2021-04")
        assert details is not None
        assert details.event.format == "online" and details.event.date_precision == "day"
        assert len(details.cities) == 10
        assert [o.organization_id for o in details.organizations if o.role == "organizer"] == [
            "expert-club-siberia-eurasia",
            "nsuem",
            "civil-alliance-kz",
            "enu",
        ]


BROKEN = {
    "syntax error": (
        "people:\n  - id: a\n    first_name: [Анна\n",
        4,
        "expected ',' or ']'",
    ),
    "missing field": (
        "people:\n  - id: petrov-petr\n    first_name: Пётр\n",
        2,
        "people.0.last_name: обязательное поле не заполнено",
    ),
    "unknown reference": (
        "people:\n  - id: petrov-petr\n    first_name: Пётр\n    last_name: Петров\n"
        "    city: novosibirskk\n",
        5,
        "нет такого id «novosibirskk» (город); может быть, «novosibirsk»?",
    ),
    "duplicate id": (
        "people:\n  - id: nurgazieva-banu\n    first_name: Б\n    last_name: Н\n",
        2,
        "id «nurgazieva-banu» (человек) уже занят (впервые в content/people.yaml:",
    ),
    "impossible date": (
        "events:\n  - id: bad-date\n    kind: forum\n    status: held\n    title: Т\n"
        "    source: article-round-table-2021\n    date: {year: 2021, month: 2, day: 30}\n",
        7,
        "в месяце 2 2021 года нет дня 30",
    ),
    "duplicate key": (
        "people:\n  - id: a-b\n    first_name: А\n    first_name: Б\n    last_name: В\n",
        4,
        "ключ «first_name» встречается дважды",
    ),
    "value not allowed": (
        "events:\n  - id: e-x\n    kind: party\n    status: held\n    title: Т\n"
        "    source: article-round-table-2021\n",
        3,
        "events.0.kind: допустимые значения: 'round_table', 'forum'",
    ),
    "bad id": (
        "people:\n  - id: Petrov Petr\n    first_name: А\n    last_name: В\n",
        2,
        "people.0.id: id — только строчные латинские буквы",
    ),
    "unknown field": (
        "people:\n  - id: a-b\n    first_name: А\n    last_name: В\n    position: директор\n",
        5,
        "такого поля нет в схеме",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
async def test_broken_file_is_refused_and_nothing_changes(
    case: str, content_dir: Path, content_service: ContentService, session_maker
) -> None:
    text, line, message = BROKEN[case]
    async with session_maker() as session:
        before = await stored_entities(session)
        events_before = list(await session.scalars(select(Event.id).order_by(Event.id)))
    (content_dir / "zz-new.yaml").write_text(text, encoding="utf-8")

    with pytest.raises(ContentInvalid) as info:
        await content_service.reload()

    errors = [str(e) for e in info.value.errors]
    assert any(e.startswith(f"content/zz-new.yaml:{line}: ") and message in e for e in errors), (
        errors
    )
    async with session_maker() as session:
        assert await stored_entities(session) == before
        assert list(await session.scalars(select(Event.id).order_by(Event.id))) == events_before


async def test_startup_loads_only_when_files_changed(content_dir: Path, session_maker) -> None:
    service = ContentService(content_dir, session_maker)
    assert await service.ensure_loaded() is True  # empty database
    assert await service.ensure_loaded() is False  # same files
    people = content_dir / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    assert await service.ensure_loaded() is True


async def test_startup_with_invalid_files_keeps_stored_facts(
    content_dir: Path, session_maker
) -> None:
    service = ContentService(content_dir, session_maker)
    await service.ensure_loaded()
    (content_dir / "people.yaml").write_text("people: [", encoding="utf-8")
    assert await service.ensure_loaded() is False
    async with session_maker() as session:
        assert len(await queries.all_people(session)) == 8


async def test_startup_with_invalid_files_and_empty_database_fails(
    content_dir: Path, session_maker
) -> None:
    (content_dir / "people.yaml").write_text("people: [", encoding="utf-8")
    with pytest.raises(ContentInvalid):
        await ContentService(content_dir, session_maker).ensure_loaded()
