"""Organizations: /orgs [EVENT] and /org NAME."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from answers.base import Today
from answers.commands import org_command, orgs_command
from answers.lists import orgs_answer
from facts.edition import Edition
from handlers.replies import send, send_from_callback
from views.callbacks import ListPage, Menu, MenuAction


def create_router() -> Router:
    router = Router(name="organizations")

    @router.message(Command("orgs"))
    async def cmd_orgs(message: Message, command: CommandObject, edition: Edition) -> None:
        await send(message, await orgs_command(edition, command.args))

    @router.callback_query(Menu.filter(F.action == MenuAction.ORGS))
    async def menu_orgs(callback: CallbackQuery, edition: Edition) -> None:
        await send_from_callback(callback, await orgs_answer(edition))

    @router.message(Command("org"))
    async def cmd_org(
        message: Message, command: CommandObject, edition: Edition, today: Today
    ) -> None:
        await send(message, await org_command(edition, command.args, today()))

    @router.callback_query(ListPage.filter(F.list == "orgs"))
    async def page_orgs(callback: CallbackQuery, callback_data: ListPage, edition: Edition) -> None:
        country = callback_data.country or None
        answer = await orgs_answer(edition, None, country, callback_data.page)
        await send_from_callback(callback, answer, edit=True)

    return router
