"""Resolving what a user typed after a command into entities, via the search index."""

from __future__ import annotations

from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from db.search import Hit, SearchIndex
from handlers.keyboards import hits_keyboard
from handlers.presenters import nothing_found
from handlers.replies import Answer

KIND_WORDS = {
    "event": "событие",
    "person": "человек",
    "organization": "организация",
    "place": "город",
}


async def find(session: AsyncSession, text: str, kind: str) -> list[Hit]:
    return await SearchIndex(session).best(text, kinds=[kind])


def not_found(text: str, kind: str) -> Answer:
    return Answer(
        nothing_found(
            text,
            {
                "event": "событий",
                "person": "людей",
                "organization": "организаций",
                "place": "городов",
            }.get(kind, "ничего"),
        )
    )


def choose(text: str, hits: list[Hit]) -> Answer:
    shown = escape(text[:100])
    return Answer(
        f"По запросу «{shown}» подходит несколько вариантов — выберите:", hits_keyboard(hits)
    )
