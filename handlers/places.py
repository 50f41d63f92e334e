"""Cities: /cities [EVENT] and /city NAME."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from answers.base import Today
from answers.commands import cities_command, city_command
from answers.lists import cities_answer
from facts.edition import Edition
from handlers.replies import send, send_from_callback
from views.callbacks import Menu, MenuAction


def create_router() -> Router:
    router = Router(name="places")

    @router.message(Command("cities"))
    async def cmd_cities(message: Message, command: CommandObject, edition: Edition) -> None:
        await send(message, await cities_command(edition, command.args))

    @router.message(Command("city"))
    async def cmd_city(
        message: Message, command: CommandObject, edition: Edition, today: Today
    ) -> None:
        await send(message, await city_command(edition, command.args, today()))

    @router.callback_query(Menu.filter(F.action == MenuAction.CITIES))
    async def menu_cities(callback: CallbackQuery, edition: Edition) -> None:
        await send_from_callback(callback, await cities_answer(edition))

    return router
