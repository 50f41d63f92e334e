"""Reading one content version's facts from the database into a `Facts`.

The rows are read with plain selects (no ORM objects: at scale those would cost more than
the facts themselves) and the objects are made in a worker thread, so the event loop keeps
answering while a version is built."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from facts import entities as e
from facts.model import Facts

_TABLES: dict[str, Any] = {
    "sources": m.Source,
    "places": m.Place,
    "organizations": m.Organization,
    "people": m.Person,
    "topics": m.Topic,
    "works": m.Work,
    "work_organizations": m.WorkOrganization,
    "events": m.Event,
    "event_cities": m.EventCity,
    "event_organizations": m.EventOrganization,
    "event_works": m.EventWork,
    "event_relations": m.EventRelation,
    "participations": m.Participation,
    "positions": m.PersonPosition,
    "participation_topics": m.ParticipationTopic,
    "aliases": m.Alias,
}
# The tables a content version's facts are read from: an answer reads none of them.
FACT_TABLES = tuple(model.__tablename__ for model in _TABLES.values())


async def read_facts(session: AsyncSession, version: tuple[int, str] | None) -> Facts:
    """The facts `session` reads, as content version `version`. Each table's rows are made
    plain (`_plain`) as soon as they are read, so that the rows of one table at a time are
    held beside the facts, not those of every table."""
    same: dict[str, str] = {}
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, model in _TABLES.items():
        columns = list(model.__table__.columns)
        read = (await session.execute(select(*columns))).all()
        keys = [column.key for column in columns]
        rows[name] = await asyncio.to_thread(_plain, read, keys, same)
        del read
    return await asyncio.to_thread(build_facts, rows, version)


def _plain(read: list[Any], keys: list[str], same: dict[str, str]) -> list[dict[str, Any]]:
    """Rows as dictionaries by column. Each row brings its own copy of every string: an id
    referred to from thousands of rows, a role, a title, a first name. Kept once each (in
    `same`, shared by every table), they take a fraction of the room."""
    return [
        {
            k: same.setdefault(v, v) if isinstance(v, str) else v
            for k, v in zip(keys, row, strict=True)
        }
        for row in read
    ]


def build_facts(rows: dict[str, list[Any]], version: tuple[int, str] | None) -> Facts:
    """The objects and indexes of the rows of every table of facts (`_TABLES`). An object's
    fields are its table's columns by name, and then the facts those columns refer to."""

    def by_id(table: str, make: Any) -> dict[Any, Any]:
        return {r["id"]: make(r) for r in rows[table]}

    def by_position(table: str) -> list[dict[str, Any]]:
        return sorted(rows[table], key=lambda r: (r["position"], r.get("id", 0)))

    sources = by_id("sources", lambda r: e.Source(**r))
    places = by_id("places", lambda r: e.Place(**r))
    organizations = by_id(
        "organizations", lambda r: e.Organization(**r, city=places.get(r["city_id"]), parent=None)
    )
    for org in organizations.values():
        if org.parent_id is not None:  # made above in any order: linked once all exist
            object.__setattr__(org, "parent", organizations.get(org.parent_id))
    people = by_id("people", lambda r: e.Person(**r, city=places.get(r["city_id"])))
    topics = by_id("topics", lambda r: e.Topic(**r))
    works = by_id("works", lambda r: e.Work(**r))
    events = by_id(
        "events",
        lambda r: e.Event(
            **(r | {"date_inferred": bool(r["date_inferred"])}),
            place=places.get(r["place_id"]),
            source=sources[r["source_id"]],
        ),
    )
    positions: dict[int, list[e.PersonPosition]] = {}
    for r in by_position("positions"):
        positions.setdefault(r["participation_id"], []).append(
            e.PersonPosition(**r, organization=organizations.get(r["organization_id"]))
        )
    topics_of: dict[int, list[e.Topic]] = {}
    for r in rows["participation_topics"]:
        topics_of.setdefault(r["participation_id"], []).append(topics[r["topic_id"]])
    participations = tuple(
        e.Participation(
            **r,
            event=events[r["event_id"]],
            person=people[r["person_id"]],
            city=places.get(r["city_id"]),
            positions=tuple(positions.get(r["id"], ())),
            topics=tuple(sorted(topics_of.get(r["id"], ()), key=lambda t: t.id)),
        )
        for r in by_position("participations")
    )
    aliases: dict[tuple[str, str], list[str]] = {}
    for r in sorted(rows["aliases"], key=lambda r: r["id"]):
        aliases.setdefault((r["entity_kind"], r["entity_id"]), []).append(r["alias"])
    return Facts(
        version=version,
        places=places,
        organizations=organizations,
        people=people,
        topics=topics,
        works=works,
        events=events,
        city_links=tuple(
            e.EventCity(**r, place=places[r["place_id"]]) for r in by_position("event_cities")
        ),
        organization_links=tuple(
            e.EventOrganization(
                **r, organization=organizations[r["organization_id"]], event=events[r["event_id"]]
            )
            for r in by_position("event_organizations")
        ),
        work_links=tuple(
            e.EventWork(**r, work=works[r["work_id"]], event=events[r["event_id"]])
            for r in rows["event_works"]
        ),
        relation_links=tuple(
            e.EventRelation(**r, related=events[r["related_event_id"]])
            for r in rows["event_relations"]
        ),
        participations=participations,
        work_organizations=tuple(
            (r["work_id"], r["organization_id"]) for r in rows["work_organizations"]
        ),
        aliases={key: tuple(names) for key, names in aliases.items()},
    )
