"""/search TEXT and its page buttons."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from answers.search import RecentQueries, search_answer, search_page_answer
from facts.edition import Edition
from handlers.replies import send, send_from_callback
from views.callbacks import SearchPage


def create_router() -> Router:
    router = Router(name="search")

    @router.message(Command("search"))
    async def cmd_search(
        message: Message,
        command: CommandObject,
        edition: Edition,
        recent_queries: RecentQueries,
    ) -> None:
        await send(message, await search_answer(edition, command.args, 0, recent_queries))

    @router.callback_query(SearchPage.filter())
    async def search_page(
        callback: CallbackQuery,
        callback_data: SearchPage,
        edition: Edition,
        recent_queries: RecentQueries,
    ) -> None:
        answer = await search_page_answer(
            edition, callback_data.key, callback_data.page, recent_queries
        )
        await send_from_callback(callback, answer, edit=True)

    return router
