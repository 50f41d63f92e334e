"""Inline mode: `@bot query` in any chat."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import InlineQuery
from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Today
from answers.inline import inline_results

CACHE_SECONDS = 60


def create_router() -> Router:
    router = Router(name="inline")

    @router.inline_query()
    async def inline_cards(query: InlineQuery, session: AsyncSession, today: Today) -> None:
        results = await inline_results(session, query.query, today())
        await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False)

    return router
