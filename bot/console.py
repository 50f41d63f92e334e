"""Local console chat: the real dispatcher and handlers, fed from the terminal.

Answers are printed as plain text; inline buttons are numbered and pressed by typing the
number. Used when no BOT_TOKEN is set, so the bot can be tried without Telegram.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import re
import sys
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update, User

from bot.factory import create_bot
from bot.local_session import LocalSession
from bot.settings import Settings
from views.common import CONSOLE_EDITED, console_intro

CONSOLE_TOKEN = "1:console"
_TAG_RE = re.compile(r"<[^>]+>")


def html_to_text(text: str) -> str:
    return html.unescape(_TAG_RE.sub("", text))


class ConsoleSession(LocalSession):
    """Prints what the bot sends and remembers the buttons of the last messages."""

    def __init__(self, out: Any = None) -> None:
        super().__init__()
        self.out = out or sys.stdout
        self.buttons: list[tuple[str, str, Message]] = []  # (label, callback data, message)

    def on_request(self, method: TelegramMethod[Any], result: Any) -> None:
        if not isinstance(method, SendMessage | EditMessageText):
            return
        header = f"{CONSOLE_EDITED}\n" if isinstance(method, EditMessageText) else ""
        print(f"\n{header}{html_to_text(method.text)}", file=self.out)
        markup = method.reply_markup
        if isinstance(markup, InlineKeyboardMarkup):
            self.buttons = []
            for row in markup.inline_keyboard:
                for button in row:
                    if button.callback_data:
                        self.buttons.append((button.text, button.callback_data, result))
            for number, (label, _, _) in enumerate(self.buttons, 1):
                print(f"  [{number}] {label}", file=self.out)
        self.out.flush()


class ConsoleChat:
    """Turns typed lines into updates: text becomes a message, a number presses a button."""

    def __init__(self, dp: Dispatcher, bot: Bot, session: ConsoleSession, user_id: int) -> None:
        self.dp, self.bot, self.session = dp, bot, session
        self.user = User(id=user_id, is_bot=False, first_name="Вы", language_code="ru")
        self.chat = Chat(id=user_id, type="private")
        self._ids = itertools.count(1)

    def update_for(self, line: str) -> Update:
        update_id = next(self._ids)
        if line.isdigit() and 1 <= int(line) <= len(self.session.buttons):
            _, data, message = self.session.buttons[int(line) - 1]
            query = CallbackQuery(
                id=str(update_id),
                from_user=self.user,
                chat_instance="console",
                data=data,
                message=message,
            )
            return Update(update_id=update_id, callback_query=query)
        message = Message(
            message_id=update_id,
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=self.user,
            text=line,
        )
        return Update(update_id=update_id, message=message)

    async def say(self, line: str) -> None:
        await self.dp.feed_update(self.bot, self.update_for(line))


async def run_console(dp: Dispatcher, settings: Settings) -> None:
    session = ConsoleSession()
    bot = create_bot(CONSOLE_TOKEN, settings, session=session)
    # The person at the terminal runs the bot, so they get admin rights (e.g. /reload).
    user_id = min(settings.admin_ids) if settings.admin_ids else 1
    if user_id not in settings.admin_ids:
        # Middlewares and filters read the settings from here with every update.
        dp["settings"] = settings.with_changes(admin_ids=frozenset({user_id}))
    chat = ConsoleChat(dp, bot, session, user_id)
    print(console_intro())
    await chat.say("/start")
    loop = asyncio.get_running_loop()
    while True:
        print("\n> ", end="", flush=True)
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or not line.strip():
            break
        await chat.say(line.strip())
    await bot.session.close()
