"""Resolving what a user typed into one entity, or an answer saying why it cannot be done."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

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


Opener = Callable[[AsyncSession, str], Awaitable[Answer]]


async def answer_about(
    session: AsyncSession,
    text: str | None,
    kind: str,
    opener: Opener,
    when_empty: Callable[[], Awaitable[Answer]] | str,
) -> Answer:
    """The answer to «/command TEXT»: `opener` for the entity TEXT names, `when_empty`
    (an answer, or a hint on how to use the command) without TEXT, or why no single entity
    could be found."""
    text = (text or "").strip()
    if not text:
        return Answer(when_empty) if isinstance(when_empty, str) else await when_empty()
    found = await resolve(session, text, kind)
    return found if isinstance(found, Answer) else await opener(session, found.id)
