"""Local console chat: the real dispatcher and handlers, fed from the terminal.

Answers are printed as plain text; inline buttons are numbered and pressed by typing the
number; files the bot sends (drafts, calendars) are saved into a folder and their path printed
with their caption. Notices, reminders and broadcasts are sent by the same deliverer as in
Telegram, so they appear here too. Used when no BOT_TOKEN is set, so the bot can be tried
without Telegram.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import EditMessageText, SendDocument, SendMessage, TelegramMethod
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)

from bot.factory import create_bot
from bot.local_session import LocalSession
from bot.settings import Settings
from views.common import CONSOLE_EDITED, console_file_saved, console_intro

CONSOLE_TOKEN = "1:console"
# Where the files the bot sends are saved, beside the database's default folder.
FILES_DIR = Path("data") / "console-files"
_TAG_RE = re.compile(r"<[^>]+>")


def html_to_text(text: str) -> str:
    return html.unescape(_TAG_RE.sub("", text))


class ConsoleSession(LocalSession):
    """Prints what the bot sends and remembers the buttons of the last messages."""

    def __init__(self, out: Any = None, files_dir: Path = FILES_DIR) -> None:
        super().__init__()
        self.out = out or sys.stdout
        self.files_dir = files_dir
        self.buttons: list[tuple[str, str, Message]] = []  # (label, callback data, message)
        # Set by each command typed: its reply's buttons are numbered anew. Other lines (a
        # question, a correction, a button's number) keep the earlier buttons pressable, so a
        # draft's review can go on across its messages.
        self.new_reply = True

    def _save(self, name: str, data: bytes) -> Path:
        """The file under `files_dir`, never over an earlier one (names come from the bot)."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        stem, dot, suffix = Path(name).name.partition(".")
        path = self.files_dir / Path(name).name
        for n in itertools.count(2):
            if not path.exists():
                break
            path = self.files_dir / f"{stem}-{n}{dot}{suffix}"
        path.write_bytes(data)
        return path

    def on_request(self, method: TelegramMethod[Any], result: Any) -> None:
        if isinstance(method, SendDocument) and isinstance(method.document, BufferedInputFile):
            path = self._save(method.document.filename or "file", method.document.data)
            caption = html_to_text(method.caption or "")
            print(f"\n📎 {caption}\n{console_file_saved(str(path))}", file=self.out)
            self.out.flush()
            return
        if not isinstance(method, SendMessage | EditMessageText):
            return
        header = f"{CONSOLE_EDITED}\n" if isinstance(method, EditMessageText) else ""
        print(f"\n{header}{html_to_text(method.text)}", file=self.out)
        markup = method.reply_markup
        if isinstance(markup, InlineKeyboardMarkup):
            # The buttons of every message of one reply stay pressable (a draft's review sends
            # several); the next typed line starts a new numbering.
            pressed = [
                (button.text, button.callback_data)
                for row in markup.inline_keyboard
                for button in row
                if button.callback_data
            ]
            if isinstance(method, EditMessageText):
                # An edited message keeps its buttons' numbers, and the other messages theirs.
                same = [
                    k
                    for k, (_, _, message) in enumerate(self.buttons)
                    if getattr(message, "message_id", None) == method.message_id
                ]
                if same and len(same) == len(pressed):
                    for k, (label, data) in zip(same, pressed, strict=True):
                        self.buttons[k] = (label, data, self.buttons[k][2])
                        print(f"  [{k + 1}] {label}", file=self.out)
                    self.new_reply = False
                    self.out.flush()
                    return
            if self.new_reply:
                self.buttons, self.new_reply = [], False
            first = len(self.buttons)
            self.buttons += [(label, data, result) for label, data in pressed]
            for number, (label, _, _) in enumerate(self.buttons[first:], first + 1):
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
        self.session.new_reply = line.startswith("/")
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


async def run_console(
    dp: Dispatcher, settings: Settings, deliverer_for: Callable[[Bot], Any] | None = None
) -> None:
    """The chat at the terminal until an empty line; `deliverer_for` makes the deliverer of
    notices, reminders and broadcasts, which runs beside it as it does beside polling."""
    session = ConsoleSession()
    bot = create_bot(CONSOLE_TOKEN, settings, session=session)
    deliverer = deliverer_for(bot) if deliverer_for is not None else None
    delivery = (
        asyncio.create_task(
            deliverer.run(settings.delivery_poll_seconds, settings.reminder_check_seconds)
        )
        if deliverer is not None
        else None
    )
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
    if deliverer is not None and delivery is not None:
        deliverer.stop()
        await asyncio.wait({delivery}, timeout=5)
        delivery.cancel()
    await bot.session.close()
