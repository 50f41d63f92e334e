"""Ranked full-text search over every fact, in SQLite FTS5 with normalised Russian forms.

Each entity (person, organization, event, place, topic, work) is one row of `search_rows`:
its names, details (positions, series) and texts (summaries), every word stored with all of
its forms (see search.textnorm), so «Нургазиевой» and «Нургазиева» share a token. The rows are
rewritten inside the transaction that stores the content, in whichever database holds the
facts (SQLite or PostgreSQL). Each process queries its own FTS5 index of those
rows, built once per content version (facts/edition.py): the same ranking on every database,
and a lookup costs no round trip.

Ranking: the share of the query's words that matched, then whether a whole name or alias
was given, then FTS5's bm25 with names weighted above details and texts. A word that matches
nothing is corrected to the closest indexed word within one or two letters (rapidfuzz), and
the hits it brings are marked as fuzzy so the bot can ask «did you mean …?».
"""

from __future__ import annotations

import asyncio
import bisect
import functools
import heapq
import itertools
import json
import sqlite3
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.kinds import EntityKind
from db.models import SearchRow
from search.textnorm import PREFIX_FROM, Forms, may_be_misspelt_name, query_forms

FTS_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "kind UNINDEXED, entity_id UNINDEXED, label UNINDEXED, name_forms UNINDEXED, "
    "names, details, body, tokenize = 'unicode61')",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
)
_ROW_COLUMNS = ("kind", "entity_id", "label", "name_forms", "names", "details", "body")
MAX_QUERY_WORDS = 12
BUILD_BATCH = 2000  # search rows read and indexed at a time
# The index's pages kept in this process; the rest stay in the system's file cache (lookups
# measured the same with 8 MB kept).
CACHE_KIB = 2048
KEPT_WORDS = 4096  # per index: the rows each recent query word matched…
KEPT_ROWS = 2_000_000  # …up to this many row numbers in all (4 bytes each)
_KINDS = {str(k): k for k in EntityKind}
# bm25 weights, one per column in the order above (unindexed columns get 0).
_BM25 = "bm25(search_fts, 0, 0, 0, 0, 10.0, 3.0, 1.0)"
_COLUMNS = {"names": "{names}", "details": "{names details}", "all": "{names details body}"}


class _NameWords:
    """The words of every row's names, indexed the other way round too: which names hold a
    word, and which words have a form (sorted, for the prefixes `stems_match` allows).
    Filled row by row with `add`, then `finish`ed."""

    def __init__(self) -> None:
        self._word_ids: dict[tuple[str, ...], int] = {}
        self._of_form: dict[str, list[int]] = {}
        self.names_of_word: list[list[int]] = []
        self.row_of_name: list[int] = []
        self.size_of_name: list[int] = []
        self.always: set[int] = set()  # rows with an empty name: any query gives it whole
        self.forms: list[str] = []
        self.words_of_form: list[list[int]] = []

    def add(self, row: int, names: list[list[list[str]]]) -> None:
        for name in names:
            words = set()
            for word_forms in name:
                key = tuple(word_forms)
                word = self._word_ids.get(key)
                if word is None:
                    word = self._word_ids[key] = len(self._word_ids)
                    self.names_of_word.append([])
                    for form in key:
                        self._of_form.setdefault(form, []).append(word)
                words.add(word)
            if not words:
                self.always.add(row)
                continue
            number = len(self.row_of_name)
            self.row_of_name.append(row)
            self.size_of_name.append(len(words))
            for word in words:
                self.names_of_word[word].append(number)

    def finish(self) -> None:
        self.forms = sorted(self._of_form)
        self.words_of_form = [self._of_form[f] for f in self.forms]
        self._word_ids, self._of_form = {}, {}

    def _given(self, groups: Sequence[Forms]) -> set[int]:
        """The words any form of which a form of `groups` equals or (long enough) begins."""
        given: set[int] = set()
        for group in groups:
            for form in group:
                at = bisect.bisect_left(self.forms, form)
                if len(form) < PREFIX_FROM:
                    if at < len(self.forms) and self.forms[at] == form:
                        given.update(self.words_of_form[at])
                    continue
                while at < len(self.forms) and self.forms[at].startswith(form):
                    given.update(self.words_of_form[at])
                    at += 1
        return given

    def rows_with(self, group: Forms) -> set[int]:
        """The rows with a name word one of whose forms is one of `group`'s, not only begun
        by it."""
        words: set[int] = set()
        for form in group:
            at = bisect.bisect_left(self.forms, form)
            if at < len(self.forms) and self.forms[at] == form:
                words.update(self.words_of_form[at])
        return {self.row_of_name[n] for w in words for n in self.names_of_word[w]}

    def given_whole(self, groups: Sequence[Forms]) -> set[int]:
        counts = Counter(
            itertools.chain.from_iterable(self.names_of_word[w] for w in self._given(groups))
        )
        rows = self.row_of_name
        sizes = self.size_of_name
        return {rows[n] for n, c in counts.items() if c == sizes[n]} | self.always


class LocalIndex:
    """An FTS5 index of the search rows of one content version, private to this process.
    Built in a worker thread, then only read, from the event loop's thread.

    Each entity's names are also kept word by word (`_NameWords`), so that the rows whose
    whole name a query gives are found without visiting every row it matched."""

    def __init__(self) -> None:
        """An empty index: fill it with `add`, then `finish` it."""
        # An unnamed database: SQLite keeps it in a temporary file it deletes on close, so
        # the index lives in the system's file cache rather than in this process's memory;
        # only SQLite's page cache of it is ours.
        self._db = sqlite3.connect("", check_same_thread=False)
        self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        for ddl in FTS_DDL:
            self._db.execute(ddl)
        self.vocabulary: list[str] = []
        self.entities: list[tuple[EntityKind, str, str]] = [(EntityKind.EVENT, "", "")]
        self._names = _NameWords()
        self._rows_of: OrderedDict[str, array[int]] = OrderedDict()
        self._kept_rows = 0

    def add(self, rows: Sequence[Sequence[str]]) -> None:
        """Index the next search rows (`_ROW_COLUMNS`)."""
        # Row n of the index is entities[n]: lookups fetch row numbers only.
        start = len(self.entities)
        self._db.executemany(
            f"INSERT INTO search_fts (rowid, {', '.join(_ROW_COLUMNS)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((n, *row) for n, row in enumerate(rows, start)),
        )
        for n, row in enumerate(rows, start):
            self.entities.append((_KINDS[row[0]], row[1], row[2]))
            self._names.add(n, json.loads(row[3]))

    def finish(self) -> LocalIndex:
        self._db.commit()
        self.vocabulary = [term for (term,) in self._db.execute("SELECT term FROM search_vocab")]
        self._names.finish()
        return self

    def whole_names(self, groups: Sequence[Forms]) -> set[int]:
        """The rows with a name (or alias) every word of which one of `groups` matches."""
        return self._names.given_whole(groups)

    def rows_with(self, group: Forms) -> set[int]:
        """The rows with a name word that is a form of the query word, not only begun by it."""
        return self._names.rows_with(group)

    def any_match(self, expression: str) -> bool:
        found = self._db.execute(
            "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1", (expression,)
        )
        return found.fetchone() is not None

    def rows(self, expression: str) -> Sequence[int]:
        """The rows matching an FTS5 expression (one word's forms, mostly: the same words
        come back in many questions, so those of the last few thousand are kept, packed:
        a common word matches thousands of rows)."""
        found = self._rows_of.get(expression)
        if found is not None:
            self._rows_of.move_to_end(expression)
            return found
        query = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
        found = array("I", (n for (n,) in self._db.execute(query, (expression,))))
        self._rows_of[expression] = found
        self._kept_rows += len(found)
        while len(self._rows_of) > KEPT_WORDS or self._kept_rows > KEPT_ROWS:
            _, dropped = self._rows_of.popitem(last=False)
            self._kept_rows -= len(dropped)
        return found

    def ranked(self, expression: str) -> list[tuple[int, float]]:
        """(row, bm25 rank) of every row matching, best first."""
        query = (
            f"SELECT rowid, {_BM25} AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank"
        )
        return self._db.execute(query, (expression,)).fetchall()


async def build_index(session: AsyncSession) -> LocalIndex:
    """A new index of the search rows `session` reads, a batch at a time: all of them at
    once would be tens of megabytes of text at scale, if only for a moment."""
    columns = [getattr(SearchRow, c) for c in _ROW_COLUMNS]
    index = await asyncio.to_thread(LocalIndex)
    found = await session.stream(select(*columns).order_by(SearchRow.id))
    async for rows in found.partitions(BUILD_BATCH):
        await asyncio.to_thread(index.add, rows)
    return await asyncio.to_thread(index.finish)


# --- Querying -------------------------------------------------------------------------------------


class Hit(NamedTuple):  # thousands are made for a common word: a tuple is made fastest
    kind: EntityKind
    id: str
    label: str
    coverage: float  # share of the query's words that matched
    whole_name: bool  # every word of one of its names or aliases was given
    rank: float  # bm25: lower is better
    fuzzy: bool = False  # found only after correcting a typo
    matched: frozenset[int] = frozenset()  # which of the query's words it matched


@functools.lru_cache(maxsize=4096)
def _words(bits: int) -> frozenset[int]:
    """The positions of the query's words that `bits` marks (word i is bit i)."""
    return frozenset(i for i in range(bits.bit_length()) if bits >> i & 1)


def _group(word_forms: Forms) -> str:
    """FTS5 expression for one query word: any of its forms, long ones also as prefixes."""
    parts = []
    for f in word_forms:
        parts.append(f'"{f}"')
        if len(f) >= PREFIX_FROM:
            parts.append(f'"{f}" *')
    return "(" + " OR ".join(parts) + ")"


@dataclass(slots=True)
class _Matched:
    """What a query matched in an index, before it is ordered and made into hits."""

    index: LocalIndex
    groups: list[Forms]  # the query's words' forms (typos corrected)
    scope: str  # the FTS5 columns searched
    matched: dict[int, int]  # row → the query's words it matched, as bits (word i is bit i)
    whole: set[int]  # rows with a name every word of which the query gives
    corrected: int  # the words corrected for a typo, as bits

    def hit(self, row: int, rank: float = 0.0) -> Hit:
        kind, entity_id, label = self.index.entities[row]
        bits = self.matched[row]
        return Hit(
            kind,
            entity_id,
            label,
            bits.bit_count() / len(self.groups),
            row in self.whole,
            rank,
            bool(bits & self.corrected),
            _words(bits),
        )


class SearchIndex:
    """Queries over one content version's index (built by `build_index`)."""

    def __init__(self, index: LocalIndex) -> None:
        self._index = index

    async def _corrected(self, group: Forms) -> Forms | None:
        """The indexed word closest to any form of a word that matched nothing: one letter
        off for words of four or five letters (the first one kept), two for longer ones."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        vocab = self._index.vocabulary
        found: list[tuple[int, str]] = []
        # «бринга» is only a form of «bring»: the shortest form says how long the word is
        short = min(len(w) for w in group) < 6
        for word in group:
            if len(word) < 4 or word.isdigit():
                continue
            limit = 1 if short else 2
            close = process.extract(
                word, vocab, scorer=Levenshtein.distance, score_cutoff=limit, limit=8
            )
            # A short word is seldom mistyped in its first letter: «bring» is no «Ирина»
            close = [c for c in close if not short or c[0][0] == word[0]]
            if close:
                found.append((close[0][1], close[0][0]))
        return (min(found)[1],) if found else None

    async def _matched(
        self,
        query: str,
        kinds: Iterable[EntityKind] | None,
        columns: str,
        fuzzy: bool,
        among: set[tuple[str, str]] | None,
    ) -> _Matched | None:
        """The rows matching any of the query's words, and which words each matched."""
        wanted = {str(k) for k in kinds} if kinds is not None else None
        # Words past the first few add nothing to a lookup but cost a query each.
        groups = query_forms(query)[:MAX_QUERY_WORDS]
        if not groups:
            return None
        scope = _COLUMNS[columns]
        index = self._index
        corrected: set[int] = set()
        for i, group in enumerate(groups):
            # A word found nowhere at all is taken for a typo; one found outside the searched
            # columns is simply not a name. Only a word that can name something is corrected:
            # a verb («находится») is no misspelt name.
            if fuzzy and not index.any_match(_group(group)) and may_be_misspelt_name(group):
                replacement = await self._corrected(group)
                if replacement is not None:
                    groups[i] = replacement
                    corrected.add(i)
        # The query's words each row matched, as bits (word i is bit i).
        matched: dict[int, int] = {}
        for i, group in enumerate(groups):
            rows = index.rows(f"{scope} : {_group(group)}")
            if not matched:
                matched = dict.fromkeys(rows, 1 << i)
                continue
            bit = 1 << i
            for row in rows:
                matched[row] = matched.get(row, 0) | bit
        entities = index.entities
        if wanted is not None:
            matched = {r: m for r, m in matched.items() if entities[r][0] in wanted}
        if among is not None:
            matched = {r: m for r, m in matched.items() if entities[r][:2] in among}
        if not matched:
            return None
        return _Matched(
            index,
            groups,
            scope,
            matched,
            index.whole_names(groups),
            sum(1 << i for i in corrected),
        )

    async def search(
        self,
        query: str,
        *,
        kinds: Iterable[EntityKind] | None = None,
        columns: str = "all",
        limit: int | None = None,
        fuzzy: bool = True,
        ranked: bool = True,
        among: set[tuple[str, str]] | None = None,
        tied: bool = False,
    ) -> list[Hit]:
        """Entities matching `query`, best first. With `fuzzy`, a word found nowhere is
        corrected to the closest indexed word (and its hits marked as fuzzy). Without
        `ranked`, hits that cover as much of the query are in no particular order (all their
        ranks are 0): cheaper where only the coverage counts. With `among`, only those
        (kind, id) are looked at. With `tied`, only the hits tied for first place (as many
        of the words, and a whole name if any has one)."""
        found = await self._matched(query, kinds, columns, fuzzy, among)
        if found is None:
            return []
        matched, whole = found.matched, found.whole
        if tied:
            most = max(m.bit_count() for m in matched.values())
            top = [r for r, m in matched.items() if m.bit_count() == most]
            matched = {r: matched[r] for r in ([r for r in top if r in whole] or top)}
        if ranked:
            groups = found.groups
            expression = f"{found.scope} : (" + " OR ".join(_group(g) for g in groups) + ")"
            ranks = found.index.ranked(expression)
            order = [(row, rank) for row, rank in ranks if row in matched]
        else:
            order = [(row, 0.0) for row in matched]
        keys = [(-matched[row].bit_count(), row not in whole, rank, row) for row, rank in order]
        # Only the best `limit` are made into hits (thousands can match a common word).
        best = heapq.nsmallest(limit, keys) if limit else sorted(keys)
        return [found.hit(row, rank) for _, _, rank, row in best]

    async def word_groups(
        self, query: str, *, columns: str = "all", fuzzy: bool = True
    ) -> list[list[Hit]]:
        """The hits grouped by the query's words they matched, each group's words matched by
        no group before it: first the group of the most words (of those, one with a whole
        name; then one without a corrected typo), then the best of the groups left, and so
        on; of groups as large, one whose words stand together. Within a group, whole names
        first. Only the groups taken are made into hits: a common word matches thousands of
        rows that a longer match leaves out."""
        found = await self._matched(query, None, columns, fuzzy, None)
        if found is None:
            return []
        whole, corrected = found.whole, found.corrected
        rows_of: dict[int, list[int]] = {}
        for row, bits in found.matched.items():
            rows_of.setdefault(bits, []).append(row)
        as_word: dict[int, set[int]] = {}  # each word's rows, when a tie needs them

        def rows_with(i: int) -> set[int]:
            if i not in as_word:
                as_word[i] = found.index.rows_with(found.groups[i])
            return as_word[i]

        tied = len(rows_of) > 1

        def order(bits: int) -> tuple[int, int, int, int, bool, bool, int]:
            named = [r for r in rows_of[bits] if r in whole]
            rows = rows_of[bits]
            # «круглый стол в Омске … атлас малых рек»: a name is typed as one phrase; a word
            # away from the rest of its words («рек») counts for less than one beside them
            apart = bits & ~((bits << 1) | (bits >> 1)) if bits.bit_count() > 2 else 0
            together = bits & ~apart
            holes = bits.bit_length() - (bits & -bits).bit_length() + 1 - bits.bit_count()
            # «курултай казахов» names «Курултай казахов России» word for word; «казахов»
            # only begins «Казахстан» in another title
            words = (
                sum(
                    1
                    for i in range(len(found.groups))
                    if together >> i & 1 and not rows_with(i).isdisjoint(rows)
                )
                if tied
                else 0
            )
            return (
                -together.bit_count(),
                -words,
                # «концерт в Казани к 30-летию …»: a word away from the rest still counts
                # before a hole does
                -bits.bit_count(),
                holes,
                not named,
                bool(bits & corrected),
                min(named or rows_of[bits]),
            )

        taken = 0
        groups = []
        pending = set(rows_of)
        while pending:
            bits = min(pending, key=order)
            pending.discard(bits)
            if bits & taken:
                # «Общественная палата РФ в Евразийском форуме»: the words a better group took
                # are its; the rest may still name what this one names
                if rest := bits & ~taken:
                    rows_of[rest] = [*rows_of.get(rest, ()), *rows_of[bits]]
                    pending.add(rest)
                continue
            taken |= bits
            rows = sorted(rows_of[bits], key=lambda r: (r not in whole, r))
            groups.append([self._narrowed(found.hit(row), bits, found) for row in rows])
        return groups

    @staticmethod
    def _narrowed(hit: Hit, bits: int, found: _Matched) -> Hit:
        """The hit as matched by `bits` alone, when other words it matched went elsewhere."""
        if hit.matched == _words(bits):
            return hit
        return hit._replace(
            matched=_words(bits),
            coverage=bits.bit_count() / len(found.groups),
            fuzzy=bool(bits & found.corrected),
        )

    async def best(self, query: str, *, kinds: Sequence[EntityKind]) -> list[Hit]:
        """Entities whose names match `query`, tied for first place (several: ambiguous),
        in the order of `kinds`, then by name: the order a list to choose from is read in.
        (No bm25 here: it would only order the tied, and costs more than the rest.)"""
        tied = await self.search(query, kinds=kinds, columns="names", ranked=False, tied=True)
        if not tied:
            return []
        order = {kind: n for n, kind in enumerate(kinds)}
        tied.sort(key=lambda h: (order[h.kind], h.label.casefold(), h.id))
        if len(tied) > 1:
            # Let the rest of the facts break the tie: «форум в Нур-Султане».
            ids = {(str(h.kind), h.id) for h in tied}
            wider = await self.search(query, kinds=kinds, ranked=False, among=ids)
            if len(wider) > 1 and wider[0].coverage > wider[1].coverage:
                return [next(h for h in tied if (h.kind, h.id) == (wider[0].kind, wider[0].id))]
        return tied
