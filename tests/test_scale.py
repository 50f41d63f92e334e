"""Generated content at scale: it passes the same validation, and long lists of everything come
in pages, never as dozens of messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.factory import create_bot, create_dispatcher
from bot.generate import generate
from facts.edition import current_edition
from loading.files import read_content
from loading.service import ContentService
from tests.conftest import Chatter, RecordingSession, reads_facts, recorded_statements
from tests.databases import ON_POSTGRES


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


def _plain_order(
    words: frozenset[int], hits: set, whole: set, fuzzy: set
) -> tuple[int, int, bool, bool]:  # type: ignore[type-arg]
    """How word groups are ranked, written plainly: the words matched that stand together
    (of three or more, one away from the rest counts for less), fewer holes between them,
    a whole name, no corrected typo."""
    apart = {i for i in words if i - 1 not in words and i + 1 not in words}
    together = len(words) - (len(apart) if len(words) > 2 else 0)
    holes = max(words) - min(words) + 1 - len(words)
    return (-together, holes, not hits & whole, bool(hits & fuzzy))


async def test_search_shortcuts_agree_with_the_plain_definitions(
    tmp_path: Path, session_maker
) -> None:
    """At scale, search finds whole names through its index of name words, and makes hits
    only for the best, the tied or the groups of words taken; each must agree with checking
    every matched row by hand."""
    import json
    import random

    from facts.edition import current_edition
    from search.index import SearchIndex
    from search.textnorm import forms_match, query_forms

    generate(10, tmp_path / "c")
    content = read_content(tmp_path / "c")
    await ContentService(tmp_path / "c", session_maker).reload()
    rng = random.Random(5)
    queries = [p.last_name[: rng.randint(5, len(p.last_name))] for p in content.people[:40]]
    queries += [o.abbreviations[0] for o in content.organizations if o.abbreviations][:20]
    queries += [o.name for o in content.organizations[:20]]
    queries += [f"{e.title} {rng.choice(content.people).last_name}" for e in content.events[:10]]
    async with session_maker() as session:
        index = (await current_edition(session)).index
        rows = index._db.execute("SELECT rowid, name_forms FROM search_fts").fetchall()
        search = SearchIndex(index)
        for query in queries:
            groups = query_forms(query)
            by_hand = {
                row
                for row, names in rows
                if any(
                    all(any(forms_match(q, tuple(w)) for q in groups) for w in name)
                    for name in json.loads(names)
                )
            }
            assert index.whole_names(groups) == by_hand, query
            every = await search.search(query)
            assert every, query
            assert await search.search(query, limit=5) == every[:5]
            unranked = await search.search(query, ranked=False)
            assert sorted((h.coverage, h.whole_name, h.id) for h in unranked) == sorted(
                (h.coverage, h.whole_name, h.id) for h in every
            )
            order = [(-h.coverage, not h.whole_name, h.rank) for h in every]
            assert order == sorted(order)
            top = (every[0].coverage, every[0].whole_name)
            tied = await search.search(query, ranked=False, tied=True)
            assert sorted((h.kind, h.id) for h in tied) == sorted(
                (h.kind, h.id) for h in every if (h.coverage, h.whole_name) == top
            )
            # Word groups: greedily, the best words matched (a word away from the rest of
            # three or more counts for less; then fewer holes between them) that no group took
            # yet, with every hit that matched the same words; a group some of whose words were
            # taken goes on with the rest.
            pending: dict[frozenset[int], set[tuple[object, str]]] = {}
            for hit in unranked:
                pending.setdefault(hit.matched, set()).add((hit.kind, hit.id))
            whole = {(h.kind, h.id) for h in unranked if h.whole_name}
            fuzzy = {(h.kind, h.id) for h in unranked if h.fuzzy}

            claimed: frozenset[int] = frozenset()
            expected = []
            while pending:
                words = min(pending, key=lambda w: _plain_order(w, pending[w], whole, fuzzy))
                hits = pending.pop(words)
                if words & claimed:
                    if rest := words - claimed:
                        pending[rest] = pending.get(rest, set()) | hits
                    continue
                expected.append(hits)
                claimed |= words
            groups = await search.word_groups(query)
            assert [{(h.kind, h.id) for h in group} for group in groups] == expected, query
            assert all(
                group[0].whole_name or not any(h.whole_name for h in group) for group in groups
            )


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's planner statistics; PostgreSQL keeps its own")
async def test_sqlite_planner_knows_the_stored_facts(tmp_path: Path, session_maker) -> None:
    """Without statistics SQLite planned a card's alias lookup as a walk over every alias of
    a kind. A load gathers them, and a start on facts stored without them gathers them."""
    from sqlalchemy import text

    generate(10, tmp_path / "c")
    service = ContentService(tmp_path / "c", session_maker)
    await service.reload()
    plan = (
        "EXPLAIN QUERY PLAN SELECT aliases.id FROM organizations AS o JOIN aliases"
        " ON aliases.entity_kind = 'organization' AND aliases.entity_id = o.id"
        " WHERE o.id IN ('a', 'b') ORDER BY aliases.id"
    )
    async with session_maker() as session:
        used = " ".join(row[-1] for row in await session.execute(text(plan)))
        assert "ix_aliases_entity " in used + " "
        await session.execute(text("DROP TABLE sqlite_stat1"))
        await session.commit()
    assert not await service.ensure_loaded()  # nothing changed: no load, yet statistics
    async with session_maker() as session:
        kept = await session.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'aliases'"))
        assert kept


async def test_a_big_citys_card_shows_the_first_of_each_list_and_how_many_more(
    tmp_path: Path, session_maker, settings
) -> None:
    """At scale a city has dozens of speakers and organizations: its card stays one
    message, shows the first of each list and says how many more there are."""
    from collections import Counter

    from db.kinds import EntityKind
    from views.callbacks import Card

    generate(10, tmp_path / "c")
    content = read_content(tmp_path / "c")
    await ContentService(tmp_path / "c", session_maker).reload()
    city, count = Counter(o.city for o in content.organizations if o.city).most_common(1)[0]
    assert count > 10
    async with session_maker() as session:
        details = (await current_edition(session)).facts.place_details(city, shown=10)
        assert details is not None
        orgs = details.organizations
        assert len(orgs.items) == 10 and orgs.total == count and orgs.hidden == count - 10
        names = sorted(o.name for o in content.organizations if o.city == city)
        assert [o.name for o in orgs.items] == names[:10]
        people = details.people.total
        everyone = (await current_edition(session)).facts.place_details(city, shown=10_000)
        assert everyone is not None and len(everyone.people.items) == people
        dates = [p.event.partial_date.sort_key() for p in everyone.people.items]
        assert dates == sorted(dates, reverse=True)  # the newest events' speakers first
    session = RecordingSession()
    chat = Chatter(
        create_dispatcher(settings, session_maker, ContentService(tmp_path / "c", session_maker)),
        create_bot("123:test", settings, session=session),
        session,
    )
    place = next(p for p in content.places if p.id == city)
    [card] = await chat.press(Card(kind=EntityKind.PLACE, id=city).pack())
    assert place.name in card.text and f"… и ещё {count - 10}" in card.text


def test_which_one_lists_what_its_keyboard_offers_and_how_many_more() -> None:
    """A common surname fits hundreds of people at scale: the «which one?» reply lists the
    ones it has buttons for, says how many more fit and how to narrow the choice."""
    from db.kinds import EntityKind
    from search.index import Hit
    from views.keyboards import hits_keyboard
    from views.search import which_one

    hits = [Hit(EntityKind.PERSON, f"p{n}", f"Иванов {n}", 1.0, True, 0.0) for n in range(55)]
    text = which_one("Иванов", hits)
    keyboard = hits_keyboard(hits)
    assert keyboard is not None
    buttons = [row[0].text.split(" ", 1)[1] for row in keyboard.inline_keyboard]
    listed = [line for line in text.split("\n") if line.startswith("• ")]
    assert len(listed) == len(buttons) < len(hits)
    assert all(label in line for label, line in zip(buttons, listed, strict=True))
    assert f"… и ещё {len(hits) - len(listed)}" in text and "уточните запрос" in text
    few = which_one("Иванов", hits[:3])
    assert few.count("• ") == 3 and "и ещё" not in few and "уточните" not in few


async def test_several_events_one_question_names_are_answered_from_one_read(
    tmp_path: Path, session_maker, settings
) -> None:
    """A name several events share («форум в Томск 2022») is answered for each of them;
    their participations are read together, not event by event."""
    from collections import Counter

    from answers.lists import SPEAKING_ROLES

    generate(100, tmp_path / "c")
    content = read_content(tmp_path / "c")
    await ContentService(tmp_path / "c", session_maker).reload()
    shared = Counter(a for e in content.events for a in e.aliases)
    alias = next(a for a, n in shared.most_common() if 2 <= n <= 4)
    events = [e for e in content.events if alias in e.aliases]
    people = {p.id: p for p in content.people}
    topics = {t.id: t for t in content.topics}
    session = RecordingSession()
    chat = Chatter(
        create_dispatcher(settings, session_maker, ContentService(tmp_path / "c", session_maker)),
        create_bot("123:test", settings, session=session),
        session,
    )
    async with session_maker() as db_session:
        await current_edition(
            db_session
        )  # the version's facts, read once (the bot reads them ahead)
    with recorded_statements(session_maker) as statements:
        replies = await chat.say(f"Кто выступал на событии «{alias}»?")
    text = "\n".join(r.text for r in replies)
    for e in events:
        speakers = [people[p.person].last_name for p in e.participants if p.role in SPEAKING_ROLES]
        assert speakers and all(name in text for name in speakers)
    assert not [s for s in statements if reads_facts(s)]  # answered from the read model
    # Which topics: their topics are read with them.
    replies = await chat.say(f"Какие темы обсуждали на событии «{alias}»?")
    text = "\n".join(r.text for r in replies)
    for e in events:
        named = {t for p in e.participants for t in p.topics}
        assert all(topics[t].name in text for t in named)
    assert any(e.participants and any(p.topics for p in e.participants) for e in events)
    # Who organized them: each event's organizations, and no participations at all.
    with recorded_statements(session_maker) as statements:
        replies = await chat.say(f"Кто организовал «{alias}»?")
    assert all(e.title in "\n".join(r.text for r in replies) for e in events)
    assert not [s for s in statements if reads_facts(s)]
