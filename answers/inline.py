"""Inline mode: `@bot query` in any chat offers cards of what the query names."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineQueryResultArticle, InputTextMessageContent
from sqlalchemy.ext.asyncio import AsyncSession

from answers.cards import card_answer
from db import queries
from db.kinds import EntityKind
from db.search import SearchIndex
from views.html import split_message

MAX_RESULTS = 20
MAX_QUERY = 256  # Telegram's own limit for inline queries


async def inline_results(
    session: AsyncSession, query: str, today: date
) -> list[InlineQueryResultArticle]:
    """A card per hit; an empty query offers the events, newest first."""
    text = query.strip()[:MAX_QUERY]
    if text:
        hits = await SearchIndex(session).search(text, limit=MAX_RESULTS)
        items = [(h.kind, h.id, h.label) for h in hits]
    else:
        events = await queries.all_events(session)
        items = [(EntityKind.EVENT, e.id, e.display_title) for e in events[:MAX_RESULTS]]
    results = []
    for kind, entity_id, label in items:
        card = await card_answer(session, kind, entity_id, today)
        results.append(
            InlineQueryResultArticle(
                id=f"{kind}:{entity_id}"[:64],
                title=label[:200],
                description=kind.singular,
                input_message_content=InputTextMessageContent(
                    message_text=split_message(card.text)[0], parse_mode="HTML"
                ),
            )
        )
    return results
