"""Inline mode: `@bot query` in any chat offers person, organization and event cards."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Today
from db import queries
from db.search import SearchIndex
from handlers.cards import card_answer
from handlers.presenters import KIND_NAMES, MESSAGE_LIMIT, split_message

MAX_RESULTS = 20
MAX_QUERY = 256  # Telegram's own limit for inline queries


def create_router() -> Router:
    router = Router(name="inline")

    @router.inline_query()
    async def inline_cards(query: InlineQuery, session: AsyncSession, today: Today) -> None:
        text = query.query.strip()[:MAX_QUERY]
        if text:
            hits = await SearchIndex(session).search(text, limit=MAX_RESULTS)
            items = [(h.kind, h.id, h.label, KIND_NAMES.get(h.kind, h.kind)) for h in hits]
        else:  # an empty query offers the events, newest first
            events = await queries.all_events(session)
            items = [
                ("event", e.id, e.short_title or e.title, "событие") for e in events[:MAX_RESULTS]
            ]
        results = []
        for kind, entity_id, label, description in items:
            card = await card_answer(session, kind, entity_id, today())
            body = split_message(card.text, MESSAGE_LIMIT)[0]
            results.append(
                InlineQueryResultArticle(
                    id=f"{kind}:{entity_id}"[:64],
                    title=label[:200],
                    description=description,
                    input_message_content=InputTextMessageContent(
                        message_text=body, parse_mode="HTML"
                    ),
                )
            )
        await query.answer(results, cache_time=60, is_personal=False)

    return router
