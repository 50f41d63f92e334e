"""/search TEXT: ranked results of every kind, paged with buttons."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from answers.base import Answer, paginate
from answers.understanding import subject_text
from facts.edition import Edition
from views.common import stale_results
from views.keyboards import cards, hit_buttons, pager
from views.search import search_text, search_usage

MAX_QUERY = 500
PAGE_SIZE = 8
MAX_RESULTS = 80


class RecentQueries:
    """Remembers recent search texts by a short key, so page buttons fit in callback data."""

    def __init__(self, size: int = 1000) -> None:
        self.size = size
        self._queries: OrderedDict[str, str] = OrderedDict()

    def key(self, query: str) -> str:
        key = hashlib.sha1(query.encode()).hexdigest()[:10]
        self._queries[key] = query
        self._queries.move_to_end(key)
        while len(self._queries) > self.size:
            self._queries.popitem(last=False)
        return key

    def get(self, key: str) -> str | None:
        return self._queries.get(key)


async def search_answer(
    edition: Edition, query: str | None, page: int, recent: RecentQueries
) -> Answer:
    query = (query or "").strip()[:MAX_QUERY]
    if not query:
        return Answer(search_usage())
    hits = await edition.search.search(subject_text(query), limit=MAX_RESULTS)
    shown = paginate(hits, page, PAGE_SIZE)
    nav = pager(shown.number, shown.count, search_key=recent.key(query)) if shown.count > 1 else []
    text = search_text(query, shown.items, page=shown.number, pages=shown.count, start=shown.start)
    return Answer(text, cards(hit_buttons(shown.items), extra=nav))


async def search_page_answer(
    edition: Edition, key: str, page: int, recent: RecentQueries
) -> Answer:
    """Another page of a search whose text is remembered under `key`."""
    query = recent.get(key)
    if query is None:
        return Answer(stale_results(), alert=True)
    return await search_answer(edition, query, page, recent)
