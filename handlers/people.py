"""People: /speakers [EVENT] and /speaker NAME."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from answers.base import Today
from answers.commands import speaker_command, speakers_command
from answers.lists import speakers_answer
from facts.edition import Edition
from handlers.replies import send, send_from_callback
from views.callbacks import ListPage, Menu, MenuAction


def create_router() -> Router:
    router = Router(name="people")

    @router.message(Command("speakers"))
    async def cmd_speakers(message: Message, command: CommandObject, edition: Edition) -> None:
        await send(message, await speakers_command(edition, command.args))

    @router.callback_query(Menu.filter(F.action == MenuAction.SPEAKERS))
    async def menu_speakers(callback: CallbackQuery, edition: Edition) -> None:
        await send_from_callback(callback, await speakers_answer(edition))

    @router.message(Command("speaker"))
    async def cmd_speaker(
        message: Message, command: CommandObject, edition: Edition, today: Today
    ) -> None:
        await send(message, await speaker_command(edition, command.args, today()))

    @router.callback_query(ListPage.filter(F.list == "speakers"))
    async def page_speakers(
        callback: CallbackQuery, callback_data: ListPage, edition: Edition
    ) -> None:
        country = callback_data.country or None
        answer = await speakers_answer(edition, None, country, callback_data.page)
        await send_from_callback(callback, answer, edit=True)

    return router
