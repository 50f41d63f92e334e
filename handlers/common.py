"""Greeting, help and the start menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from answers.base import Today
from answers.cards import deep_link_answer
from answers.common import (
    help_answer,
    language_choice_answer,
    set_language_answer,
    start_answer,
)
from facts.edition import Edition
from handlers.replies import send, send_from_callback
from users.languages import LanguagePreferences
from views.callbacks import Menu, MenuAction, SetLanguage
from views.i18n import Language


def create_router() -> Router:
    router = Router(name="common")

    @router.message(CommandStart(deep_link=True))
    async def cmd_start_link(
        message: Message, command: CommandObject, edition: Edition, today: Today
    ) -> None:
        """t.me/<bot>?start=p_nurgazieva-banu opens that card."""
        await send(message, await deep_link_answer(edition, command.args or "", today()))

    @router.message(CommandStart())
    async def cmd_start(message: Message) -> None:
        await send(message, start_answer())

    @router.message(Command("help"))
    async def cmd_help(message: Message) -> None:
        await send(message, help_answer())

    @router.message(Command("lang"))
    async def cmd_lang(
        message: Message, command: CommandObject, languages: LanguagePreferences
    ) -> None:
        """`/lang` offers buttons; `/lang en` switches at once."""
        chosen = Language.of((command.args or "").strip())
        user = message.from_user
        if chosen is None or user is None:
            await send(message, language_choice_answer())
        else:
            await send(message, await set_language_answer(languages, user.id, chosen))

    @router.callback_query(SetLanguage.filter())
    async def choose_language(
        callback: CallbackQuery, callback_data: SetLanguage, languages: LanguagePreferences
    ) -> None:
        answer = await set_language_answer(languages, callback.from_user.id, callback_data.language)
        await send_from_callback(callback, answer)

    @router.callback_query(Menu.filter(F.action == MenuAction.HELP))
    async def menu_help(callback: CallbackQuery) -> None:
        await send_from_callback(callback, help_answer(with_menu=False))

    return router
