"""Greeting, help and the start menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, Message

from answers.common import help_answer, start_answer
from handlers.replies import send, send_from_callback
from views.callbacks import Menu, MenuAction


def create_router() -> Router:
    router = Router(name="common")

    @router.message(CommandStart())
    async def cmd_start(message: Message) -> None:
        await send(message, start_answer())

    @router.message(Command("help"))
    async def cmd_help(message: Message) -> None:
        await send(message, help_answer())

    @router.callback_query(Menu.filter(F.action == MenuAction.HELP))
    async def menu_help(callback: CallbackQuery) -> None:
        await send_from_callback(callback, help_answer(with_menu=False))

    return router
