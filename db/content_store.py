"""Storing validated content: replace every fact in one transaction and report what changed."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.content_files import Content
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
from db.search import rebuild_search_index

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


async def last_load(session: AsyncSession) -> ContentLoad | None:
    return await session.scalar(select(ContentLoad).order_by(ContentLoad.id.desc()).limit(1))


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


def _aliases(kind: EntityKind, entity_id: str, alias_kind: str, names: list[str]) -> list[Alias]:
    return [
        Alias(entity_kind=kind, entity_id=entity_id, alias=n, alias_kind=alias_kind) for n in names
    ]


def _build_rows(content: Content) -> list[list[object]]:
    """All rows for the content in stages: each stage refers only to rows of earlier ones."""
    rows: list[object] = []
    stages: list[list[object]] = [rows]
    for s in content.sources:
        rows.append(Source(id=s.id, file=s.file, title=s.title, note=s.note))
    for p in content.places:
        rows.append(Place(id=p.id, name=p.name, country=p.country, note=p.note))
        rows += _aliases(EntityKind.PLACE, p.id, "other_name", p.other_names)
        rows += _aliases(EntityKind.PLACE, p.id, "historic_name", p.historic_names)
    # Parents first: an organization may refer to one defined later in the files.
    orgs = {o.id: o for o in content.organizations}
    ordered: list[str] = []

    def visit(org_id: str, trail: frozenset[str] = frozenset()) -> None:
        org = orgs[org_id]
        if org.parent and org.parent not in ordered and org.parent not in trail:
            visit(org.parent, trail | {org_id})
        if org_id not in ordered:
            ordered.append(org_id)

    for org_id in orgs:
        visit(org_id)
    rows = []
    stages.append(rows)
    for org_id in ordered:
        o = orgs[org_id]
        rows.append(
            Organization(
                id=o.id,
                name=o.name,
                short_name=o.short_name,
                country=o.country,
                city_id=o.city,
                parent_id=o.parent,
                note=o.note,
            )
        )
        if o.short_name:
            rows += _aliases(EntityKind.ORGANIZATION, o.id, "short_name", [o.short_name])
        rows += _aliases(EntityKind.ORGANIZATION, o.id, "abbreviation", o.abbreviations)
        rows += _aliases(EntityKind.ORGANIZATION, o.id, "alias", o.aliases)
    rows = []
    stages.append(rows)
    for p in content.people:
        rows.append(
            Person(
                id=p.id,
                first_name=p.first_name,
                last_name=p.last_name,
                patronymic=p.patronymic,
                city_id=p.city,
                note=p.note,
            )
        )
        rows += _aliases(EntityKind.PERSON, p.id, "alias", p.aliases)
    for t in content.topics:
        rows.append(Topic(id=t.id, name=t.name))
        rows += _aliases(EntityKind.TOPIC, t.id, "alias", t.aliases)
    for w in content.works:
        rows.append(
            Work(id=w.id, kind=w.kind, title=w.title, series=w.series, description=w.description)
        )
    for e in content.events:
        d = e.date
        rows.append(
            Event(
                id=e.id,
                kind=e.kind,
                status=e.status,
                title=e.title,
                short_title=e.short_title,
                year=d.year,
                month=d.month,
                day=d.day,
                date_precision=d.partial.precision,
                date_inferred=d.inferred,
                date_note=d.note,
                format=e.format,
                place_id=e.place,
                source_id=e.source,
                summary=e.summary,
            )
        )
        rows += _aliases(EntityKind.EVENT, e.id, "alias", e.aliases)
    rows = []
    stages.append(rows)
    for w in content.works:
        rows += [WorkOrganization(work_id=w.id, organization_id=o) for o in w.organizations]
    for e in content.events:
        rows += [EventCity(event_id=e.id, place_id=c, position=i) for i, c in enumerate(e.cities)]
        rows += [
            EventOrganization(
                event_id=e.id, organization_id=o.organization, role=o.role, position=i
            )
            for i, o in enumerate(e.organizations)
        ]
        rows += [EventWork(event_id=e.id, work_id=w.work, role=w.role) for w in e.works]
        rows += [
            EventRelation(event_id=e.id, related_event_id=r.event, relation=r.relation)
            for r in e.related
        ]
    return stages


async def store_content(
    session: AsyncSession, content: Content, admin_id: int | None = None
) -> ChangeReport:
    """Replace all stored facts with `content` inside the caller's transaction."""
    entities = content.entities()
    report = compare(await stored_entities(session), entities)
    for table in _FACT_TABLES:
        await session.execute(delete(table))
    for stage in _build_rows(content):
        session.add_all(stage)
        await session.flush()
    for e in content.events:
        for order, part in enumerate(e.participants):
            participation = Participation(
                event_id=e.id,
                person_id=part.person,
                role=part.role,
                city_id=part.city,
                summary=part.summary,
                position=order,
            )
            session.add(participation)
            await session.flush()  # gives the participation its id
            session.add_all(
                PersonPosition(
                    participation_id=participation.id,
                    title=pos.title,
                    organization_id=pos.organization,
                    position=i,
                )
                for i, pos in enumerate(part.positions)
            )
            session.add_all(
                ParticipationTopic(participation_id=participation.id, topic_id=t)
                for t in part.topics
            )
    session.add_all(
        ContentEntity(kind=kind, id=entity_id, data=data)
        for (kind, entity_id), data in entities.items()
    )
    await rebuild_search_index(session)
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
