"""Inline mode: `@bot query` in any chat."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import InlineQuery

from answers.base import Today
from answers.inline import inline_results
from facts.edition import Edition
from handlers.replies import bot_username

CACHE_SECONDS = 60


def create_router() -> Router:
    router = Router(name="inline")

    @router.inline_query()
    async def inline_cards(query: InlineQuery, bot: Bot, edition: Edition, today: Today) -> None:
        username = await bot_username(bot)
        results = await inline_results(edition, query.query, today(), username)
        # Personal: the cards are written in each user's interface language.
        await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True)

    return router
