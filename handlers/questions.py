"""Plain questions (early: most messages are questions, and no command router takes them),
and the router that catches whatever no other router took: unknown commands, messages that
are not text and unknown buttons."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from answers.base import Today
from answers.common import only_text_answer, stale_button_answer, unknown_command_answer
from answers.dialogue import Dialogue
from answers.questions import question_reply
from facts.edition import Edition
from handlers.filters import AddressedText, CommandForOtherBot, InGroup, NotCommand
from handlers.replies import send, send_from_callback


def create_router() -> Router:
    router = Router(name="questions")

    @router.message(NotCommand(), AddressedText())
    async def plain_text(
        message: Message, text: str, edition: Edition, today: Today, state: FSMContext
    ) -> None:
        dialogue = Dialogue.from_data(await state.get_data())
        answer, dialogue = await question_reply(edition, text, today(), dialogue)
        await state.set_data(dialogue.to_data())
        await send(message, answer)

    return router


def create_fallback_router() -> Router:
    router = Router(name="fallback")

    @router.message(F.text.startswith("/"), CommandForOtherBot())
    async def other_bots_command(message: Message) -> None:
        """Not for this bot: stay silent."""

    @router.message(F.text.startswith("/"))
    async def unknown_command(message: Message) -> None:
        command = (message.text or "").split()[0]
        await send(message, unknown_command_answer(command.partition("@")[0]))

    @router.message(InGroup())
    async def group_talk(message: Message) -> None:
        """Talk, photos and stickers in a group that are not for the bot."""

    @router.message()
    async def not_text(message: Message) -> None:
        await send(message, only_text_answer())

    @router.callback_query()
    async def unknown_button(callback: CallbackQuery) -> None:
        """A button from an old keyboard, or callback data nobody sent."""
        await send_from_callback(callback, stale_button_answer())

    return router
