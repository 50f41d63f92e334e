"""Sending answers: long texts are split within Telegram's limits; cards open from buttons."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from handlers.presenters import MESSAGE_LIMIT, split_message


@dataclass(slots=True)
class Answer:
    text: str
    markup: InlineKeyboardMarkup | None = None


async def send(message: Message, answer: Answer) -> None:
    chunks = split_message(answer.text)
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        await message.answer(chunk, reply_markup=answer.markup if last else None)


async def send_from_callback(
    callback: CallbackQuery, answer: Answer, *, edit: bool = False
) -> None:
    """Answer a button press: edit the message (paging) or send a new one (cards)."""
    await callback.answer()
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
