"""Content files: valid content loads; each kind of broken file is refused with file and line
and leaves the database exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import create_engine, create_schema, create_session_maker
from db.models import Event
from facts.edition import current_edition
from loading.files import ContentInvalid, read_content
from loading.service import ContentService
from loading.store import stored_entities
from tests.conftest import CONTENT, ROOT


def test_entities_written_from_the_last_writing_match_a_fresh_one() -> None:
    """A reload writes out again only the entities of the files that changed; what it
    compares and stores is exactly what writing every entity afresh gives."""
    from loading.files import load_files, validate_files

    files = load_files(CONTENT)
    parsed: dict = {}
    known: dict = {}
    before = validate_files(files, "content", parsed)
    assert before.entities(known) == before.entities()
    name = next(n for n, data in files.items() if b"role: speaker" in data)
    changed = {**files, name: files[name].replace(b"role: speaker", b"role: moderator", 1)}
    after = validate_files(changed, "content", parsed)
    assert after.entities(known) == after.entities() != before.entities()
    assert after.entities(known) == after.entities()  # the same content twice


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
        details = (await current_edition(session)).facts.event_details("round-table-2021-04")
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
    "unreviewed draft": (
        "review: draft\npeople:\n  - id: a-b\n    first_name: А\n    last_name: В\n",
        1,
        "черновик не проверен",
    ),
    "TODO left": (
        "people:\n  - id: a-b\n    first_name: TODO\n    last_name: В\n",
        3,
        "здесь осталось TODO",
    ),
    "website not a link": (
        "events:\n  - id: e-x\n    kind: forum\n    status: held\n    title: Т\n"
        "    source: article-round-table-2021\n    website: javascript:alert(1)\n",
        7,
        "адрес сайта — ссылка вида https://",
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
        assert len((await current_edition(session)).facts.all_people()) == 8


async def test_startup_with_invalid_files_and_empty_database_fails(
    content_dir: Path, session_maker
) -> None:
    (content_dir / "people.yaml").write_text("people: [", encoding="utf-8")
    with pytest.raises(ContentInvalid):
        await ContentService(content_dir, session_maker).ensure_loaded()


async def _facts(session_maker) -> dict[str, list]:
    """Everything stored about the facts, without generated ids."""
    from sqlalchemy import text

    queries = {
        "search": "SELECT kind, entity_id, label, name_forms, names, details, body "
        "FROM search_rows",
        "parts": "SELECT p.event_id, p.person_id, p.role, p.position, p.summary, pp.title, "
        "pp.organization_id, pt.topic_id FROM participations p "
        "LEFT JOIN person_positions pp ON pp.participation_id = p.id "
        "LEFT JOIN participation_topics pt ON pt.participation_id = p.id",
        "events": "SELECT * FROM events",
        "aliases": "SELECT entity_kind, entity_id, alias, alias_kind FROM aliases",
        "links": "SELECT event_id, place_id, position FROM event_cities",
        "orgs": "SELECT event_id, organization_id, role, position FROM event_organizations",
        "entities": "SELECT kind, id, data FROM content_entities",
    }
    async with session_maker() as session:
        return {
            name: sorted(map(tuple, (await session.execute(text(sql))).all()), key=repr)
            for name, sql in queries.items()
        }


async def test_an_event_only_change_is_stored_like_a_full_load(
    content_service: ContentService, content_dir: Path, session_maker, tmp_path: Path, monkeypatch
) -> None:
    """A reload that changes events only is applied event by event; the result is the
    same as loading the same files into an empty database."""
    files = sorted((content_dir / "events").glob("*.yaml"))
    event_file = next(f for f in files if "role: speaker" in f.read_text(encoding="utf-8"))
    text = event_file.read_text(encoding="utf-8")
    changed = text.replace("role: speaker", "role: moderator", 1)
    assert changed != text
    event_file.write_text(changed, encoding="utf-8")

    async def no_full_rebuild(*args: object) -> None:
        raise AssertionError("the whole index was rebuilt")

    with monkeypatch.context() as patched:
        patched.setattr("loading.store.rebuild_search_index", no_full_rebuild)
        result = await content_service.reload()
    assert result.report.changed["event"] == 1 and len(result.report.details) == 1

    fresh_engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}")
    await create_schema(fresh_engine)
    fresh = create_session_maker(fresh_engine)
    await ContentService(content_dir, fresh).reload()
    assert await _facts(session_maker) == await _facts(fresh)
    await fresh_engine.dispose()


def test_the_shipped_content_holds_the_real_articles_reviewed() -> None:
    """content/ (not the tests' own facts): every article turned into content is a reviewed
    file whose source is the page's address, with a summary and no article sentence."""
    shipped = ROOT / "content"
    content = read_content(shipped)
    from_pages = [s for s in content.sources if s.file.startswith(("http://", "https://"))]
    assert len(from_pages) >= 14
    events = [e for e in content.events if e.source in {s.id for s in from_pages}]
    assert len(events) == len(from_pages) and all(e.summary for e in events)
    for path in (shipped / "events").glob("*.yaml"):
        text = path.read_text("utf-8")
        if "http" in text:
            assert text.startswith("review: reviewed") and "TODO" not in text, path.name


async def test_an_events_website_is_on_its_card(
    content_dir: Path, content_service: ContentService, chat
) -> None:
    """A content field end to end: the file, the stored facts, the card in each language."""
    (content_dir / "zz-forum.yaml").write_text(
        "events:\n  - id: border-forum\n    kind: forum\n    status: held\n"
        "    title: Форум приграничных НКО\n    source: article-round-table-2021\n"
        '    website: "https://forum.example.org/?a=1&b=<2>"\n',
        encoding="utf-8",
    )
    await content_service.reload()
    [card] = await chat.press("c:ev:border-forum")
    assert '<a href="https://forum.example.org/?a=1&amp;b=&lt;2&gt;">Сайт события</a>' in card.text
    await chat.say("/lang en")
    [card] = await chat.press("c:ev:border-forum")
    assert "Event website</a>" in card.text
    [other] = await chat.press("c:ev:round-table-2021-04")
    assert "href" not in other.text  # no website: no line
