"""A Bot API session that answers in-process: used by the console chat and by tests.

It fabricates the replies Telegram would send for the methods the bot uses and hands every
request to `on_request`, so a subclass can print it (console) or record it (tests).
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    DeleteMessage,
    DeleteWebhook,
    EditMessageReplyMarkup,
    EditMessageText,
    GetFile,
    GetMe,
    SendChatAction,
    SendDocument,
    SendMessage,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.types import BufferedInputFile, Chat, Document, File, Message, User

BOT_USER = User(id=100_000, is_bot=True, first_name="Гражданский мост", username="civic_bridge_bot")


class LocalSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self._ids = itertools.count(1_000)
        # Files a user "uploaded", by file_id, for getFile and downloads.
        self.files: dict[str, bytes] = {}
        # Documents the bot sent, as (file name, bytes).
        self.sent_documents: list[tuple[str, bytes]] = []

    def on_request(self, method: TelegramMethod[Any], result: Any) -> None:
        """Called for every request with the result about to be returned."""

    def _message(
        self, chat_id: int | str, message_id: int, text: str | None, markup: Any
    ) -> Message:
        return Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=Chat(id=int(chat_id), type="private"),
            from_user=BOT_USER,
            text=text,
            reply_markup=markup,
        )

    async def make_request(
        self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None
    ) -> Any:
        result: Any
        if isinstance(method, SendMessage):
            result = self._message(
                method.chat_id, next(self._ids), method.text, method.reply_markup
            )
        elif isinstance(method, EditMessageText):
            result = self._message(
                method.chat_id or 0, method.message_id or 0, method.text, method.reply_markup
            )
        elif isinstance(method, SendDocument):
            document = method.document
            if isinstance(document, BufferedInputFile):
                self.sent_documents.append((document.filename or "file", document.data))
            message = self._message(method.chat_id, next(self._ids), None, method.reply_markup)
            result = message.model_copy(
                update={
                    "document": Document(
                        file_id=f"sent-{message.message_id}",
                        file_unique_id=f"sent-{message.message_id}",
                    ),
                    "caption": method.caption,
                }
            )
        elif isinstance(method, GetFile):
            if method.file_id not in self.files:
                raise NotImplementedError(f"no file {method.file_id!r} offline")
            result = File(
                file_id=method.file_id,
                file_unique_id=method.file_id,
                file_size=len(self.files[method.file_id]),
                file_path=method.file_id,
            )
        elif isinstance(method, GetMe):
            result = BOT_USER
        elif isinstance(
            method,
            AnswerCallbackQuery
            | AnswerInlineQuery
            | SetMyCommands
            | DeleteWebhook
            | SendChatAction
            | DeleteMessage
            | EditMessageReplyMarkup,
        ):
            result = True
        else:
            raise NotImplementedError(f"{type(method).__name__} is not available offline")
        self.on_request(method, result)
        return result

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        file_id = url.rsplit("/", 1)[-1]
        if file_id not in self.files:
            raise NotImplementedError(f"no file {file_id!r} offline")
        yield self.files[file_id]

    async def close(self) -> None:
        pass
