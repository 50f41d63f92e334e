"""The search rows a content version stores: one per entity (person, organization, event,
place, topic, work) with its names, details and texts, every word with all of its forms
(search.textnorm). Written in the transaction that stores the content; each process builds
its index from them (search/index.py)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

from db.kinds import EntityKind
from db.models import SearchRow
from loading.files import Content
from search.textnorm import forms


@dataclass(slots=True)
class Document:
    kind: EntityKind
    id: str
    label: str
    names: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    @staticmethod
    def tokens(texts: Iterable[str | None], *, keep_stopwords: bool = False) -> str:
        return " ".join(
            " ".join(f) for t in texts if t for f in forms(t, drop_stopwords=not keep_stopwords)
        )

    def row(self) -> dict[str, str]:
        # A name made only of short words (an abbreviation like «СО») keeps them.
        name_forms = [forms(n, drop_stopwords=True) or forms(n) for n in self.names]
        return {
            "kind": self.kind,
            "entity_id": self.id,
            "label": self.label,
            "name_forms": json.dumps([[list(f) for f in name] for name in name_forms if name]),
            # Names keep short words: «СО РАН» must stay findable.
            "names": self.tokens(self.names, keep_stopwords=True),
            "details": self.tokens(self.details),
            "body": self.tokens(self.body),
        }


def content_documents(content: Content, only: set[tuple[str, str]] | None = None) -> list[Document]:
    """The index's documents straight from validated content (what a load stores); with
    `only`, just those of these (kind, id)."""

    def wanted(kind: EntityKind, entity_id: str) -> bool:
        return only is None or (kind.value, entity_id) in only

    aliases: dict[tuple[str, str], list[str]] = {}

    def alias(kind: EntityKind, entity_id: str, names: Iterable[str | None]) -> None:
        aliases.setdefault((kind.value, entity_id), []).extend(n for n in names if n)

    for place in content.places:
        alias(EntityKind.PLACE, place.id, [*place.other_names, *place.historic_names])
    for org in content.organizations:
        alias(EntityKind.ORGANIZATION, org.id, [org.short_name, *org.abbreviations, *org.aliases])
    for person in content.people:
        alias(EntityKind.PERSON, person.id, person.aliases)
    for topic in content.topics:
        alias(EntityKind.TOPIC, topic.id, topic.aliases)
    for event in content.events:
        alias(EntityKind.EVENT, event.id, event.aliases)

    def doc(kind: EntityKind, entity_id: str, label: str, *names: str | None) -> Document:
        found = [n for n in names if n] + aliases.get((kind.value, entity_id), [])
        return Document(kind, entity_id, label, names=found)

    orgs = {o.id: o for o in content.organizations}
    places = {p.id: p for p in content.places}
    topics = {t.id: t for t in content.topics}
    people: dict[str, Document] = {}
    for p in content.people:
        if not wanted(EntityKind.PERSON, p.id):
            continue
        full = " ".join(part for part in (p.first_name, p.patronymic, p.last_name) if part)
        # «Наталья Калашникова» names Наталья Петровна Калашникова as wholly as a namesake
        # stored without a patronymic: neither is picked over the other by it
        short = f"{p.first_name} {p.last_name}" if p.patronymic and p.first_name else None
        people[p.id] = doc(EntityKind.PERSON, p.id, full, full, short)
    for event in content.events:
        for part in event.participants:
            person = people.get(part.person)
            if person is None:
                continue
            person.body.append(part.summary or "")
            person.body += [topics[t].name for t in part.topics]
            for pos in part.positions:
                person.details.append(pos.title)
                if pos.organization is not None:
                    person.details.append(orgs[pos.organization].name)
    docs = list(people.values())
    for org in content.organizations:
        d = doc(EntityKind.ORGANIZATION, org.id, org.name, org.name)
        d.body.append(org.note or "")
        docs.append(d)
    for event in content.events:
        d = doc(
            EntityKind.EVENT,
            event.id,
            event.short_title or event.title,
            event.title,
            event.short_title,
        )
        for place_id in ([event.place] if event.place else []) + list(event.cities):
            d.details.append(places[place_id].name)
            d.details += aliases.get((EntityKind.PLACE.value, place_id), [])
        d.body.append(event.summary or "")
        docs.append(d)
    for place in content.places:
        docs.append(doc(EntityKind.PLACE, place.id, place.name, place.name))
    for topic in content.topics:
        docs.append(doc(EntityKind.TOPIC, topic.id, topic.name, topic.name))
    for work in content.works:
        d = doc(EntityKind.WORK, work.id, f"«{work.title}»", work.title)
        d.details.append(work.series or "")
        d.body.append(work.description or "")
        docs.append(d)
    # People are left out early (their details gather over every event); the rest here.
    return [d for d in docs if wanted(d.kind, d.id)]


async def replace_search_rows(
    session: AsyncSession, content: Content, keys: set[tuple[EntityKind, str]]
) -> int:
    """Re-index only the entities `keys` (kind, id) from `content`: an incremental load."""
    for kind, entity_id in keys:
        await session.execute(
            delete(SearchRow).where(SearchRow.kind == kind.value, SearchRow.entity_id == entity_id)
        )
    wanted = {(kind.value, entity_id) for kind, entity_id in keys}
    rows = [d.row() for d in content_documents(content, wanted)]
    if rows:
        await session.execute(insert(SearchRow), rows)
    return len(rows)


async def rebuild_search_index(session: AsyncSession, content: Content) -> int:
    """Replace the index with `content`'s documents in the session's transaction."""
    # Word forms of every text: seconds of work at scale, done off the event loop so that
    # other users are answered meanwhile.
    rows = await asyncio.to_thread(lambda: [d.row() for d in content_documents(content)])
    await session.execute(delete(SearchRow))
    if rows:
        await session.execute(insert(SearchRow), rows)
    return len(rows)
