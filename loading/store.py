"""Storing validated content: replace every fact in one transaction and report what changed."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, event, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.dialects import refresh_statistics
from db.kinds import EntityKind
from db.models import (
    Alias,
    ContentEntity,
    ContentLoad,
    Event,
    EventCity,
    EventOrganization,
    EventRelation,
    EventWork,
    Organization,
    Participation,
    ParticipationTopic,
    Person,
    PersonPosition,
    Place,
    Source,
    Topic,
    Work,
    WorkOrganization,
)
from loading.files import Content
from loading.schema import EventSpec, OrganizationSpec
from loading.search_rows import rebuild_search_index, replace_search_rows

KEPT_VERSIONS = 20

# Children before parents, so that deleting never breaks a foreign key.
_FACT_TABLES = (
    ParticipationTopic,
    PersonPosition,
    Participation,
    EventRelation,
    EventWork,
    EventOrganization,
    EventCity,
    Event,
    WorkOrganization,
    Work,
    Topic,
    Alias,
    Person,
    Organization,
    Place,
    Source,
    ContentEntity,
)


@dataclass(frozen=True, slots=True)
class Change:
    change: str  # added | removed | changed
    kind: EntityKind
    id: str
    fields: tuple[str, ...] = ()  # for 'changed': the fields that differ


@dataclass(slots=True)
class ChangeReport:
    """What a load changes, per kind of entity and entity by entity."""

    added: Counter[EntityKind] = field(default_factory=Counter)
    removed: Counter[EntityKind] = field(default_factory=Counter)
    changed: Counter[EntityKind] = field(default_factory=Counter)
    details: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.details


def compare(old: dict[tuple[str, str], str], new: dict[tuple[str, str], str]) -> ChangeReport:
    """Entities added, removed and changed from `old` to `new` (both: (kind key, id) → JSON)."""
    report = ChangeReport()
    for key in sorted(new.keys() - old.keys()):
        kind = EntityKind(key[0])
        report.added[kind] += 1
        report.details.append(Change("added", kind, key[1]))
    for key in sorted(old.keys() - new.keys()):
        kind = EntityKind(key[0])
        report.removed[kind] += 1
        report.details.append(Change("removed", kind, key[1]))
    for key in sorted(old.keys() & new.keys()):
        if old[key] != new[key]:
            before, after = json.loads(old[key]), json.loads(new[key])
            fields = tuple(
                sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
            )
            kind = EntityKind(key[0])
            report.changed[kind] += 1
            report.details.append(Change("changed", kind, key[1], fields))
    return report


async def stored_entities(session: AsyncSession) -> dict[tuple[str, str], str]:
    rows = await session.execute(select(ContentEntity.kind, ContentEntity.id, ContentEntity.data))
    return {(kind, entity_id): data for kind, entity_id, data in rows}


_committed = 0


def committed_here() -> int:
    """How many content versions were committed from this process (`count_commit`): what
    was read of the facts before the last one is behind."""
    return _committed


def count_commit() -> None:
    """A content version was committed from this process (or by its content worker)."""
    global _committed
    _committed += 1


async def newest_version(session: AsyncSession) -> tuple[int, str] | None:
    """(load id, content hash) of the newest load in the database, read now."""
    row = (
        await session.execute(
            select(ContentLoad.id, ContentLoad.content_hash)
            .order_by(ContentLoad.id.desc())
            .limit(1)
        )
    ).first()
    return (row[0], row[1]) if row is not None else None


async def last_load(session: AsyncSession) -> ContentLoad | None:
    return await session.scalar(select(ContentLoad).order_by(ContentLoad.id.desc()).limit(1))


async def load_time(session: AsyncSession, load_id: int) -> datetime | None:
    """When one version was loaded (its files are not read)."""
    return await session.scalar(select(ContentLoad.loaded_at).where(ContentLoad.id == load_id))


async def kept_versions(session: AsyncSession) -> list[ContentLoad]:
    """The loads whose files are still kept, newest (the current one) first."""
    result = await session.scalars(
        select(ContentLoad)
        .where(ContentLoad.files_json.is_not(None))
        .order_by(ContentLoad.id.desc())
    )
    return list(result)


async def version(session: AsyncSession, version_id: int) -> ContentLoad | None:
    """One kept version; None when it never existed or its files were pruned."""
    load = await session.get(ContentLoad, version_id)
    return load if load is not None and load.files_json is not None else None


def version_files(load: ContentLoad) -> dict[str, bytes]:
    return {
        path: text.encode("utf-8") for path, text in json.loads(load.files_json or "{}").items()
    }


def _aliases(kind: EntityKind, entity_id: str, alias_kind: str, names: list[str]) -> list[dict]:
    return [
        {"entity_kind": kind.value, "entity_id": entity_id, "alias": n, "alias_kind": alias_kind}
        for n in names
    ]


def _parents_first(content: Content) -> list[OrganizationSpec]:
    """Organizations with each parent before its children (a file may name a later one)."""
    orgs = {o.id: o for o in content.organizations}
    ordered: dict[str, None] = {}

    def visit(org_id: str, trail: frozenset[str] = frozenset()) -> None:
        parent = orgs[org_id].parent
        if parent and parent not in ordered and parent not in trail:
            visit(parent, trail | {org_id})
        ordered.setdefault(org_id)

    for org_id in orgs:
        visit(org_id)
    return [orgs[org_id] for org_id in ordered]


def table_rows(content: Content) -> list[tuple[type, list[dict]]]:
    """Every row of the facts as plain values, table by table, each table after the ones it
    refers to — inserted in bulk, without building ORM objects."""
    aliases: list[dict] = []
    tables: list[tuple[type, list[dict]]] = [
        (Source, [{"id": s.id, "file": s.file, "title": s.title, "note": s.note}
                  for s in content.sources]),
        (Place, [{"id": p.id, "name": p.name, "country": p.country, "note": p.note,
                  "other_name": next(iter(p.other_names), None)}
                 for p in content.places]),
    ]  # fmt: skip
    for p in content.places:
        aliases += _aliases(EntityKind.PLACE, p.id, "other_name", p.other_names)
        aliases += _aliases(EntityKind.PLACE, p.id, "historic_name", p.historic_names)
    orgs = []
    for o in _parents_first(content):
        orgs.append(
            {
                "id": o.id,
                "name": o.name,
                "short_name": o.short_name,
                "country": o.country,
                "city_id": o.city,
                "parent_id": o.parent,
                "note": o.note,
                "abbreviation": next(iter(o.abbreviations), None),
            }
        )
        if o.short_name:
            aliases += _aliases(EntityKind.ORGANIZATION, o.id, "short_name", [o.short_name])
        aliases += _aliases(EntityKind.ORGANIZATION, o.id, "abbreviation", o.abbreviations)
        aliases += _aliases(EntityKind.ORGANIZATION, o.id, "alias", o.aliases)
    tables.append((Organization, orgs))
    people = []
    for p in content.people:
        people.append(
            {
                "id": p.id,
                "first_name": p.first_name,
                "last_name": p.last_name,
                "patronymic": p.patronymic,
                "city_id": p.city,
                "note": p.note,
            }
        )
        aliases += _aliases(EntityKind.PERSON, p.id, "alias", p.aliases)
    tables.append((Person, people))
    tables.append((Topic, [{"id": t.id, "name": t.name} for t in content.topics]))
    for t in content.topics:
        aliases += _aliases(EntityKind.TOPIC, t.id, "alias", t.aliases)
    tables.append(
        (
            Work,
            [
                {
                    "id": w.id,
                    "kind": w.kind,
                    "title": w.title,
                    "series": w.series,
                    "description": w.description,
                }
                for w in content.works
            ],
        )
    )
    events, event_aliases = event_rows(content.events)
    aliases += event_aliases
    tables.append((Event, events))
    tables.append((Alias, aliases))
    tables.append(
        (
            WorkOrganization,
            [
                {"work_id": w.id, "organization_id": o}
                for w in content.works
                for o in w.organizations
            ],
        )
    )
    tables += event_link_rows(content.events, first_participation=1)
    return tables


def event_link_rows(
    events: Iterable[EventSpec], first_participation: int
) -> list[tuple[type, list[dict]]]:
    """The rows that hang off events: cities, organizations, works, relations, participations
    (numbered from `first_participation`) with their positions and topics."""
    cities, event_orgs, works, related, parts, positions, part_topics = [], [], [], [], [], [], []
    for e in events:
        cities += [{"event_id": e.id, "place_id": c, "position": i} for i, c in enumerate(e.cities)]
        event_orgs += [
            {"event_id": e.id, "organization_id": o.organization, "role": o.role, "position": i}
            for i, o in enumerate(e.organizations)
        ]
        works += [{"event_id": e.id, "work_id": w.work, "role": w.role} for w in e.works]
        related += [
            {"event_id": e.id, "related_event_id": r.event, "relation": r.relation}
            for r in e.related
        ]
        for order, part in enumerate(e.participants):
            part_id = first_participation + len(parts)
            parts.append(
                {
                    "id": part_id,
                    "event_id": e.id,
                    "person_id": part.person,
                    "role": part.role,
                    "city_id": part.city,
                    "summary": part.summary,
                    "position": order,
                }
            )
            positions += [
                {
                    "participation_id": part_id,
                    "title": pos.title,
                    "organization_id": pos.organization,
                    "position": i,
                }
                for i, pos in enumerate(part.positions)
            ]
            part_topics += [{"participation_id": part_id, "topic_id": t} for t in part.topics]
    return [
        (EventCity, cities),
        (EventOrganization, event_orgs),
        (EventWork, works),
        (EventRelation, related),
        (Participation, parts),
        (PersonPosition, positions),
        (ParticipationTopic, part_topics),
    ]


def event_rows(events: Iterable[EventSpec]) -> tuple[list[dict], list[dict]]:
    """The events' own rows and their aliases."""
    rows, aliases = [], []
    for e in events:
        d = e.date
        rows.append(
            {
                "id": e.id,
                "kind": e.kind,
                "status": e.status,
                "title": e.title,
                "short_title": e.short_title,
                "year": d.year,
                "month": d.month,
                "day": d.day,
                "date_precision": d.partial.precision,
                "date_inferred": d.inferred,
                "date_note": d.note,
                "format": e.format,
                "place_id": e.place,
                "source_id": e.source,
                "summary": e.summary,
                "website": e.website,
            }
        )
        aliases += _aliases(EntityKind.EVENT, e.id, "alias", e.aliases)
    return rows, aliases


BATCH = 5000  # rows per executemany


async def _insert(session: AsyncSession, tables: Iterable[tuple[type, list[dict]]]) -> None:
    for model, rows in tables:
        for start in range(0, len(rows), BATCH):
            await session.execute(insert(model.__table__), rows[start : start + BATCH])


async def _replace_events(
    session: AsyncSession,
    content: Content,
    entities: dict[tuple[str, str], str],
    report: ChangeReport,
) -> bool:
    """Store a change that touches events only, event by event: the other facts, and the
    search rows of everything else, stay as they are. False (nothing done) when the change
    is not of that kind, or another event refers to one that changes."""
    if not report.details or any(c.kind is not EntityKind.EVENT for c in report.details):
        return False
    ids = {c.id for c in report.details}
    referring = await session.scalar(
        select(EventRelation.event_id)
        .where(EventRelation.related_event_id.in_(ids), EventRelation.event_id.not_in(ids))
        .limit(1)
    )
    if referring is not None:
        return False
    old_parts = (
        await session.execute(
            select(Participation.id, Participation.person_id).where(Participation.event_id.in_(ids))
        )
    ).all()
    part_ids = [part_id for part_id, _ in old_parts]
    for table, column in (
        (ParticipationTopic, ParticipationTopic.participation_id),
        (PersonPosition, PersonPosition.participation_id),
    ):
        for start in range(0, len(part_ids), 500):
            await session.execute(delete(table).where(column.in_(part_ids[start : start + 500])))
    for table in (Participation, EventRelation, EventWork, EventOrganization, EventCity):
        await session.execute(delete(table).where(table.event_id.in_(ids)))
    await session.execute(
        delete(Alias).where(Alias.entity_kind == EntityKind.EVENT.value, Alias.entity_id.in_(ids))
    )
    await session.execute(delete(Event).where(Event.id.in_(ids)))
    await session.execute(
        delete(ContentEntity).where(
            ContentEntity.kind == EntityKind.EVENT.value, ContentEntity.id.in_(ids)
        )
    )
    new_events = [e for e in content.events if e.id in ids]
    first = (await session.scalar(select(func.max(Participation.id))) or 0) + 1
    rows, aliases = event_rows(new_events)
    entity_rows = [
        {
            "kind": EntityKind.EVENT.value,
            "id": e.id,
            "data": entities[(EntityKind.EVENT.value, e.id)],
        }
        for e in new_events
    ]
    await _insert(
        session,
        [
            (Event, rows),
            (Alias, aliases),
            *event_link_rows(new_events, first),
            (ContentEntity, entity_rows),
        ],
    )
    people = {person for _, person in old_parts}
    people |= {part.person for e in new_events for part in e.participants}
    await replace_search_rows(
        session,
        content,
        {(EntityKind.EVENT, i) for i in ids} | {(EntityKind.PERSON, p) for p in people},
    )
    return True


async def store_content(
    session: AsyncSession,
    content: Content,
    admin_id: int | None = None,
    entities: dict[tuple[str, str], str] | None = None,
) -> ChangeReport:
    """Replace all stored facts with `content` inside the caller's transaction (`entities`:
    `content.entities()`, when the caller has it already)."""
    entities = entities if entities is not None else content.entities()
    report = compare(await stored_entities(session), entities)
    if not await _replace_events(session, content, entities, report):
        for table in _FACT_TABLES:
            await session.execute(delete(table))
        entity_rows = [
            {"kind": kind, "id": entity_id, "data": data}
            for (kind, entity_id), data in entities.items()
        ]
        tables = await asyncio.to_thread(table_rows, content)  # off the event loop
        await _insert(session, [*tables, (ContentEntity, entity_rows)])
        await rebuild_search_index(session, content)
    files = {path: data.decode("utf-8") for path, data in content.files.items()}
    session.add(
        ContentLoad(
            loaded_at=datetime.now(UTC).replace(tzinfo=None),
            content_hash=content.digest,
            file_count=content.file_count,
            files_json=json.dumps(files, ensure_ascii=False),
            admin_id=admin_id,
            summary=report_summary(report),
        )
    )
    await session.flush()
    await _prune_versions(session)
    await refresh_statistics(session)
    # Once these facts are committed, what this process read of the facts before is behind.
    event.listen(session.sync_session, "after_commit", lambda _: count_commit(), once=True)
    return report


def report_summary(report: ChangeReport) -> str:
    """«+3 -0 ~1»: entities added, removed and changed (the marks of the change lines)."""
    return (
        f"+{sum(report.added.values())} -{sum(report.removed.values())} "
        f"~{sum(report.changed.values())}"
    )


async def _prune_versions(session: AsyncSession) -> None:
    """Keep the files of the last KEPT_VERSIONS loads only."""
    keep = select(ContentLoad.id).order_by(ContentLoad.id.desc()).limit(KEPT_VERSIONS)
    await session.execute(
        update(ContentLoad)
        .where(ContentLoad.id.not_in(keep), ContentLoad.files_json.is_not(None))
        .values(files_json=None)
    )
