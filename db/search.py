"""Finding entities by free text: names in any case, aliases, and words of summaries.

The index is built from the database for each query; the whole corpus is a few hundred
short texts, so this stays well under a millisecond per entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from db.models import (
    Alias,
    Event,
    Organization,
    Participation,
    Person,
    PersonPosition,
    Place,
    Topic,
    Work,
)
from db.textnorm import Forms, forms, forms_match

NAME = 3.0  # names, titles, aliases, abbreviations
DETAIL = 1.0  # positions, series, place of an organization
TEXT = 0.5  # summaries and descriptions
PHRASE_BONUS = 2.0  # every word of a name or alias was given


@dataclass(slots=True)
class _Field:
    words: tuple[Forms, ...]
    weight: float


@dataclass(slots=True)
class Document:
    kind: str  # person | organization | event | place | topic | work
    id: str
    label: str
    fields: list[_Field] = field(default_factory=list)

    def add(self, text: str | None, weight: float) -> None:
        if text:
            found = tuple(forms(text, drop_stopwords=True))
            if found:
                self.fields.append(_Field(found, weight))


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    id: str
    label: str
    score: float
    coverage: float  # share of the query's words that matched


@dataclass(slots=True)
class SearchIndex:
    documents: list[Document]

    def search(
        self,
        text: str,
        *,
        kinds: Iterable[str] | None = None,
        min_weight: float = TEXT,
        limit: int | None = None,
    ) -> list[Hit]:
        """Documents matching `text`, best first; with all words matched ranked above partial."""
        query = list(dict.fromkeys(forms(text, drop_stopwords=True)))
        if not query:
            return []
        wanted = set(kinds) if kinds is not None else None
        hits = []
        for doc in self.documents:
            if wanted is not None and doc.kind not in wanted:
                continue
            hit = _score(doc, query, min_weight)
            if hit is not None:
                hits.append(hit)
        hits.sort(key=lambda h: (-h.coverage, -h.score, h.label))
        return hits[:limit] if limit else hits

    def best(self, text: str, *, kinds: Iterable[str], min_weight: float = NAME) -> list[Hit]:
        """The matches by name that tie for first place (several when the text is ambiguous)."""
        hits = self.search(text, kinds=kinds, min_weight=min_weight)
        if not hits:
            return []
        top = hits[0]
        return [h for h in hits if h.coverage == top.coverage and h.score >= top.score - 1e-9]


def _score(doc: Document, query: list[Forms], min_weight: float) -> Hit | None:
    score = 0.0
    matched = 0
    for q in query:
        best = 0.0
        for f in doc.fields:
            if (
                f.weight >= min_weight
                and f.weight > best
                and any(forms_match(q, w) for w in f.words)
            ):
                best = f.weight
        if best:
            matched += 1
            score += best
    if not matched:
        return None
    for f in doc.fields:
        if f.weight >= NAME and all(any(forms_match(q, w) for q in query) for w in f.words):
            score += PHRASE_BONUS
            break
    return Hit(doc.kind, doc.id, doc.label, score, matched / len(query))


async def build_index(session: AsyncSession) -> SearchIndex:
    aliases: dict[tuple[str, str], list[str]] = {}
    for a in await session.scalars(select(Alias)):
        aliases.setdefault((a.entity_kind, a.entity_id), []).append(a.alias)

    def with_aliases(doc: Document) -> Document:
        for alias in aliases.get((doc.kind, doc.id), []):
            doc.add(alias, NAME)
        return doc

    docs: list[Document] = []
    people = {
        p.id: with_aliases(Document("person", p.id, p.full_name))
        for p in await session.scalars(select(Person))
    }
    for doc in people.values():
        doc.add(doc.label, NAME)
    parts = await session.scalars(
        select(Participation).options(
            selectinload(Participation.positions).selectinload(PersonPosition.organization)
        )
    )
    for part in parts:
        doc = people[part.person_id]
        doc.add(part.summary, TEXT)
        for pos in part.positions:
            doc.add(pos.title, DETAIL)
            if pos.organization is not None:
                doc.add(pos.organization.name, DETAIL)
    docs += people.values()

    for org in await session.scalars(select(Organization)):
        doc = with_aliases(Document("organization", org.id, org.name))
        doc.add(org.name, NAME)
        doc.add(org.note, TEXT)
        docs.append(doc)
    for event in await session.scalars(select(Event)):
        doc = with_aliases(Document("event", event.id, event.short_title or event.title))
        doc.add(event.title, NAME)
        doc.add(event.short_title, NAME)
        doc.add(event.summary, TEXT)
        docs.append(doc)
    for place in await session.scalars(select(Place)):
        doc = with_aliases(Document("place", place.id, place.name))
        doc.add(place.name, NAME)
        docs.append(doc)
    for topic in await session.scalars(select(Topic)):
        doc = with_aliases(Document("topic", topic.id, topic.name))
        doc.add(topic.name, NAME)
        docs.append(doc)
    for work in await session.scalars(select(Work)):
        doc = Document("work", work.id, f"«{work.title}»")
        doc.add(work.title, NAME)
        doc.add(work.series, DETAIL)
        doc.add(work.description, TEXT)
        docs.append(doc)
    return SearchIndex(docs)
