"""/search TEXT: ranked results of every kind, paged with buttons."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message
from sqlalchemy.ext.asyncio import AsyncSession

from db.search import SearchIndex
from handlers.callbacks import HIT_KINDS, SearchPage
from handlers.keyboards import cards
from handlers.presenters import KIND_ICONS, search_text
from handlers.replies import Answer, send, send_from_callback

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
    session: AsyncSession, query: str, page: int, recent: RecentQueries
) -> Answer:
    hits = await SearchIndex(session).search(query, limit=MAX_RESULTS)
    pages = max(1, (len(hits) + PAGE_SIZE - 1) // PAGE_SIZE)
    page = min(max(page, 0), pages - 1)
    shown = hits[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    nav = []
    if pages > 1:
        key = recent.key(query)
        if page > 0:
            nav.append(
                InlineKeyboardButton(
                    text="◀️ Назад", callback_data=SearchPage(key=key, page=page - 1).pack()
                )
            )
        if page < pages - 1:
            nav.append(
                InlineKeyboardButton(
                    text="Ещё ▶️", callback_data=SearchPage(key=key, page=page + 1).pack()
                )
            )
    text = search_text(query, shown, page=page, pages=pages, start=page * PAGE_SIZE)
    buttons = ((HIT_KINDS[h.kind], h.id, f"{KIND_ICONS[h.kind]} {h.label}") for h in shown)
    return Answer(text, cards(buttons, extra=nav))


def create_router() -> Router:
    router = Router(name="search")

    @router.message(Command("search"))
    async def cmd_search(
        message: Message,
        command: CommandObject,
        session: AsyncSession,
        recent_queries: RecentQueries,
    ) -> None:
        text = (command.args or "").strip()
        if not text:
            await send(
                message, Answer("Напишите, что искать, например: <code>/search экология</code>.")
            )
            return
        await send(message, await search_answer(session, text[:MAX_QUERY], 0, recent_queries))

    @router.callback_query(SearchPage.filter())
    async def search_page(
        callback: CallbackQuery,
        callback_data: SearchPage,
        session: AsyncSession,
        recent_queries: RecentQueries,
    ) -> None:
        query = recent_queries.get(callback_data.key)
        if query is None:
            await callback.answer("Эти результаты устарели — повторите поиск.", show_alert=True)
            return
        answer = await search_answer(session, query, callback_data.page, recent_queries)
        await send_from_callback(callback, answer, edit=True)

    return router
