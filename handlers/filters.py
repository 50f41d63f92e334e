"""Filters: who is an admin, and which messages in a group are meant for the bot."""

from __future__ import annotations

import re
from typing import Any, Protocol

from aiogram import Bot
from aiogram.filters import BaseFilter
from aiogram.types import Message, User

GROUP_CHATS = ("group", "supergroup")


class KnowsAdmins(Protocol):
    def is_admin(self, user_id: int | None) -> bool: ...


class FetchSettings(Protocol):
    fetch_allowed_hosts: frozenset[str]


class IsAdmin(BaseFilter):
    """The user is one of the bot's admins (settings read per update, never cached)."""

    async def __call__(
        self, event: Any, settings: KnowsAdmins, event_from_user: User | None = None
    ) -> bool:
        # A message sent as a chat (no user) is nobody's, least of all an admin's.
        return settings.is_admin(event_from_user.id if event_from_user else None)


class NotCommand(BaseFilter):
    """A text message that is not a command."""

    async def __call__(self, message: Message) -> bool:
        return message.text is not None and not message.text.startswith("/")


class InGroup(BaseFilter):
    async def __call__(self, message: Message) -> bool:
        return message.chat.type in GROUP_CHATS


class AddressedText(BaseFilter):
    """Passes a text message meant for the bot and hands the handler `text`: in a private
    chat the text itself; in a group only a message mentioning the bot (the mention
    removed) or replying to it. The group's own talk does not pass."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, str]:
        text = message.text
        if text is None:
            return False
        if message.chat.type not in GROUP_CHATS:
            return {"text": text}
        me = await bot.me()
        mention = f"@{me.username}" if me.username else None
        reply = message.reply_to_message
        if mention and mention.casefold() in text.casefold():
            return {"text": re.sub(re.escape(mention), " ", text, flags=re.I).strip()}
        if reply is not None and reply.from_user is not None and reply.from_user.id == me.id:
            return {"text": text}
        return False


class CommandForOtherBot(BaseFilter):
    """A command addressed to another bot («/start@other_bot»), or in a group a bare
    command this bot does not know (most likely another bot's)."""

    async def __call__(self, message: Message, bot: Bot) -> bool:
        command = (message.text or "").split()[0] if message.text else ""
        _, _, addressee = command.partition("@")
        if addressee:
            me = await bot.me()
            return addressee.casefold() != (me.username or "").casefold()
        return message.chat.type in GROUP_CHATS
