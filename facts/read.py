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
    """The objects and indexes of the rows of every table of facts (`_TABLES`)."""
    sources = {
        r["id"]: e.Source(r["id"], r["file"], r["title"], r["note"]) for r in rows["sources"]
    }
    places = {
        r["id"]: e.Place(r["id"], r["name"], r["country"], r["note"], r["other_name"])
        for r in rows["places"]
    }
    organizations = {
        r["id"]: e.Organization(
            r["id"],
            r["name"],
            r["short_name"],
            r["country"],
            r["city_id"],
            r["parent_id"],
            r["note"],
            r["abbreviation"],
            places.get(r["city_id"]),
            None,
        )
        for r in rows["organizations"]
    }
    for org in organizations.values():
        if org.parent_id is not None:  # made above in any order: linked once all exist
            object.__setattr__(org, "parent", organizations.get(org.parent_id))
    people = {
        r["id"]: e.Person(
            r["id"],
            r["first_name"],
            r["last_name"],
            r["patronymic"],
            r["city_id"],
            r["note"],
            places.get(r["city_id"]),
        )
        for r in rows["people"]
    }
    topics = {r["id"]: e.Topic(r["id"], r["name"]) for r in rows["topics"]}
    works = {
        r["id"]: e.Work(r["id"], r["kind"], r["title"], r["series"], r["description"])
        for r in rows["works"]
    }
    events = {
        r["id"]: e.Event(
            r["id"],
            r["kind"],
            r["status"],
            r["title"],
            r["short_title"],
            r["year"],
            r["month"],
            r["day"],
            r["date_precision"],
            bool(r["date_inferred"]),
            r["date_note"],
            r["format"],
            r["place_id"],
            r["source_id"],
            r["summary"],
            places.get(r["place_id"]),
            sources[r["source_id"]],
        )
        for r in rows["events"]
    }
    positions: dict[int, list[e.PersonPosition]] = {}
    for r in sorted(rows["positions"], key=lambda r: (r["position"], r["id"])):
        positions.setdefault(r["participation_id"], []).append(
            e.PersonPosition(
                r["id"],
                r["participation_id"],
                r["title"],
                r["organization_id"],
                r["position"],
                organizations.get(r["organization_id"]),
            )
        )
    topics_of: dict[int, list[e.Topic]] = {}
    for r in rows["participation_topics"]:
        topics_of.setdefault(r["participation_id"], []).append(topics[r["topic_id"]])
    participations = tuple(
        e.Participation(
            r["id"],
            r["event_id"],
            r["person_id"],
            r["role"],
            r["city_id"],
            r["summary"],
            r["position"],
            events[r["event_id"]],
            people[r["person_id"]],
            places.get(r["city_id"]),
            tuple(positions.get(r["id"], ())),
            tuple(sorted(topics_of.get(r["id"], ()), key=lambda t: t.id)),
        )
        for r in sorted(rows["participations"], key=lambda r: (r["position"], r["id"]))
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
            e.EventCity(r["event_id"], r["place_id"], r["position"], places[r["place_id"]])
            for r in sorted(rows["event_cities"], key=lambda r: r["position"])
        ),
        organization_links=tuple(
            e.EventOrganization(
                r["event_id"],
                r["organization_id"],
                r["role"],
                r["position"],
                organizations[r["organization_id"]],
                events[r["event_id"]],
            )
            for r in sorted(rows["event_organizations"], key=lambda r: r["position"])
        ),
        work_links=tuple(
            e.EventWork(
                r["event_id"], r["work_id"], r["role"], works[r["work_id"]], events[r["event_id"]]
            )
            for r in rows["event_works"]
        ),
        relation_links=tuple(
            e.EventRelation(
                r["event_id"], r["related_event_id"], r["relation"], events[r["related_event_id"]]
            )
            for r in rows["event_relations"]
        ),
        participations=participations,
        work_organizations=tuple(
            (r["work_id"], r["organization_id"]) for r in rows["work_organizations"]
        ),
        aliases={key: tuple(names) for key, names in aliases.items()},
    )
