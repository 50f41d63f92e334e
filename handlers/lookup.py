"""Resolving what a user typed into one entity, or an answer saying why it cannot be done."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from db.search import Hit, SearchIndex
from handlers.keyboards import hits_keyboard
from handlers.presenters import did_you_mean, hit_line, nothing_found, quote
from handlers.replies import Answer

NOT_FOUND_WHAT = {
    "event": "событий",
    "person": "людей",
    "organization": "организаций",
    "place": "городов",
}


def choose(text: str, hits: list[Hit]) -> Answer:
    """Several entities fit, or only after correcting a typo: let the user pick."""
    if any(h.fuzzy for h in hits):
        return Answer(did_you_mean(text, hits), hits_keyboard(hits))
    shown = quote(text)
    lines = [f"По запросу «{shown}» подходит несколько вариантов — выберите:", ""]
    lines += [f"• {hit_line(h)}" for h in hits]
    return Answer("\n".join(lines), hits_keyboard(hits))


async def resolve(session: AsyncSession, text: str, *kinds: str) -> Hit | Answer:
    """The one entity `text` names, or an answer: nothing found / which one? / did you mean?"""
    hits = await SearchIndex(session).best(text, kinds=kinds)
    if len(hits) == 1 and not hits[0].fuzzy:
        return hits[0]
    if hits:
        return choose(text, hits)
    return Answer(nothing_found(text, NOT_FOUND_WHAT.get(kinds[0], "ничего")))
