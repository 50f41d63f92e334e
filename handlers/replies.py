"""Sending answers: long texts split within Telegram's limits, files, alerts for buttons."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from answers.base import Answer
from views.html import MESSAGE_LIMIT, split_message

ALERT_LIMIT = 200  # Telegram's limit for the text of a callback answer

log = logging.getLogger(__name__)


async def bot_username(bot: Bot | None) -> str | None:
    """The bot's @username for deep links (aiogram caches getMe); None when unknown."""
    if bot is None:
        return None
    try:
        return (await bot.me()).username
    except TelegramAPIError:
        return None


async def send(message: Message, answer: Answer) -> None:
    if answer.document is not None:
        file = BufferedInputFile(answer.document.data, filename=answer.document.file_name)
        await message.answer_document(file, caption=answer.text)
        return
    chunks = split_message(answer.text)
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        await message.answer(chunk, reply_markup=answer.markup if last else None)


async def send_from_callback(
    callback: CallbackQuery, answer: Answer, *, edit: bool = False
) -> None:
    """Answer a button press: an alert, an edit of the message (paging) or a new message."""
    if answer.alert:
        await callback.answer(answer.text[:ALERT_LIMIT], show_alert=True)
        return
    try:
        await callback.answer()
    except TelegramBadRequest as exc:
        # Answered already (one press, several messages), or too late after a long task:
        # the messages still go out.
        log.debug("callback not answered: %s", exc)
    message = callback.message
    if edit and isinstance(message, Message) and len(answer.text) <= MESSAGE_LIMIT:
        try:
            await message.edit_text(answer.text, reply_markup=answer.markup)
            return
        except TelegramBadRequest as exc:
            if "message is not modified" in str(exc):
                return
    if isinstance(message, Message):
        await send(message, answer)
        return
    bot = callback.bot
    if bot is None:
        return
    for i, chunk in enumerate(chunks := split_message(answer.text)):
        await bot.send_message(
            callback.from_user.id,
            chunk,
            reply_markup=answer.markup if i == len(chunks) - 1 else None,
        )
