"""The read model: it holds exactly the stored facts, in the orders answers show them, never
changes once built, and a new content version gives a new model while the old one stays
whole for whoever still holds it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.generate import generate
from db import models
from db.kinds import EntityKind
from facts.edition import current_edition
from facts.model import newest_first, participant_country
from loading.service import ContentService


async def test_the_model_holds_every_stored_fact(tmp_path: Path, session_maker) -> None:
    generate(10, tmp_path / "c")
    await ContentService(tmp_path / "c", session_maker).reload()
    async with session_maker() as session:
        facts = (await current_edition(session)).facts
        stored = list(await session.scalars(select(models.Participation)))
        assert len(facts.participations) == len(stored) > 100
        for row in stored:
            [part] = facts.participations_by_id([row.id])
            assert (part.event_id, part.person_id, part.role, part.summary) == (
                row.event_id,
                row.person_id,
                row.role,
                row.summary,
            )
            assert part.person.full_name == row.person.full_name
            assert (part.city and part.city.name) == (row.city and row.city.name)
            assert [(p.title, p.organization_id) for p in part.positions] == [
                (p.title, p.organization_id) for p in row.positions
            ]
            assert {t.id for t in part.topics} == {t.id for t in row.topics}
        events = list(await session.scalars(select(models.Event)))
        assert {e.id for e in facts.all_events()} == {e.id for e in events}
        for row in events:
            event = facts.get_event(row.id)
            assert event is not None and event.display_title == row.display_title
            assert event.partial_date == row.partial_date
            assert (event.place and event.place.id) == row.place_id
            assert event.source.title == row.source.title
            orgs = await session.scalars(
                select(models.EventOrganization)
                .where(models.EventOrganization.event_id == row.id)
                .order_by(models.EventOrganization.position)
            )
            assert [(o.organization_id, o.role) for o in facts.event_organizations(row.id)] == [
                (o.organization_id, o.role) for o in orgs
            ]
        for row in await session.scalars(select(models.Organization)):
            org = facts.organizations[row.id]
            assert (org.name, org.country, org.parent and org.parent.id) == (
                row.name,
                row.country,
                row.parent_id,
            )
        aliases = await session.scalars(select(models.Alias).order_by(models.Alias.id))
        expected: dict[tuple[str, str], list[str]] = {}
        for alias in aliases:
            expected.setdefault((alias.entity_kind, alias.entity_id), []).append(alias.alias)
        for (kind, entity_id), names in expected.items():
            assert facts.aliases_of(EntityKind(kind), entity_id) == names


async def test_lists_come_in_the_order_answers_show(tmp_path: Path, session_maker) -> None:
    generate(10, tmp_path / "c")
    await ContentService(tmp_path / "c", session_maker).reload()
    async with session_maker() as session:
        facts = (await current_edition(session)).facts
    events = facts.all_events()
    dates = [e.partial_date.sort_key() for e in events]
    assert dates == sorted(dates, reverse=True)  # newest first, unknown dates last
    rows = facts.participation_rows()
    whole = facts.participations_by_id([r.id for r in rows])
    ordered = newest_first(sorted(whole, key=lambda p: p.position), lambda p: p.event)
    assert [r.id for r in rows] == [p.id for p in ordered]
    assert [r.country for r in rows] == [participant_country(p) for p in ordered]
    assert {r.country for r in rows} >= {"KZ", "RU"}
    person = next(
        p for p in facts.people.values() if len(facts.participations_of(person_id=p.id)) > 1
    )
    theirs = facts.participations_of(person_id=person.id)
    assert [p.event.partial_date.sort_key() for p in theirs] == sorted(
        (p.event.partial_date.sort_key() for p in theirs), reverse=True
    )
    event = next(e for e in events if len(facts.participations_of(event_id=e.id)) > 2)
    at_event = facts.participations_of(event_id=event.id)
    assert [p.position for p in at_event] == sorted(p.position for p in at_event)
    speakers = facts.participations_of(event_id=event.id, roles=("speaker",))
    assert speakers == [p for p in at_event if p.role == "speaker"]
    people = facts.all_people()
    assert [(p.last_name, p.first_name) for p in people] == sorted(
        (p.last_name, p.first_name) for p in people
    )


async def test_a_fact_cannot_be_changed_in_place(content_service, session_maker) -> None:
    async with session_maker() as session:
        facts = (await current_edition(session)).facts
    event = facts.all_events()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.title = "другое"  # type: ignore[misc]
    part = facts.participations[0]
    with pytest.raises(AttributeError):
        part.positions.append(part.positions[0])  # type: ignore[attr-defined]


async def test_a_new_version_is_a_new_model_and_the_old_one_stays_whole(
    content_service, session_maker
) -> None:
    async with session_maker() as session:
        before = (await current_edition(session)).facts
        assert (await current_edition(session)).facts is before  # built once per version
    path = content_service.content_dir / "events/2021-04-21-round-table.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "short_title:" in x)
    path.write_text(text.replace(line, "    short_title: встреча волонтёров"), encoding="utf-8")
    await content_service.reload()
    async with session_maker() as session:
        after = (await current_edition(session)).facts
    assert after is not before and after.version != before.version
    titles = {e.display_title for e in after.all_events()}
    assert "встреча волонтёров" in titles
    assert "встреча волонтёров" not in {e.display_title for e in before.all_events()}
