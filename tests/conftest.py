"""Shared fixtures: a database loaded from content/, and a dispatcher driven in-process."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update, User
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console import html_to_text
from bot.factory import create_bot, create_dispatcher
from bot.local_session import LocalSession
from bot.settings import Settings
from db.engine import create_engine, create_schema, create_session_maker
from loading.service import ContentService
from tests.databases import fresh_database_url

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "data" / "content"  # the facts the tests were written for
ADMIN_ID = 42
USER_ID = 7
TODAY = date(2026, 11, 23)


class RecordingSession(LocalSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []

    def on_request(self, method: TelegramMethod[Any], result: Any) -> None:
        self.requests.append(method)


@dataclass
class Reply:
    text: str
    markup: InlineKeyboardMarkup | None
    edited: bool = False

    @property
    def buttons(self) -> list[tuple[str, str]]:
        if self.markup is None:
            return []
        return [(b.text, b.callback_data or "") for row in self.markup.inline_keyboard for b in row]


@dataclass
class Chatter:
    """Talks to the dispatcher as a Telegram user would and collects the bot's replies."""

    dp: Dispatcher
    bot: Bot
    session: RecordingSession
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def _replies(self, start: int) -> list[Reply]:
        out = []
        for method in self.session.requests[start:]:
            if isinstance(method, SendMessage | EditMessageText):
                markup = (
                    method.reply_markup
                    if isinstance(method.reply_markup, InlineKeyboardMarkup)
                    else None
                )
                out.append(Reply(method.text, markup, isinstance(method, EditMessageText)))
        return out

    async def say(
        self, text: str, user_id: int = USER_ID, language_code: str | None = None
    ) -> list[Reply]:
        start = len(self.session.requests)
        n = next(self._ids)
        user = User(id=user_id, is_bot=False, first_name="Тест", language_code=language_code)
        message = Message(
            message_id=n,
            date=datetime.now(UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=user,
            text=text,
        )
        await self.dp.feed_update(self.bot, Update(update_id=n, message=message))
        return self._replies(start)

    async def press(
        self, data: str, user_id: int = USER_ID, language_code: str | None = None
    ) -> list[Reply]:
        start = len(self.session.requests)
        n = next(self._ids)
        user = User(id=user_id, is_bot=False, first_name="Тест", language_code=language_code)
        message = Message(
            message_id=999,
            date=datetime.now(UTC),
            chat=Chat(id=user_id, type="private"),
            from_user=user,
            text="…",
        )
        query = CallbackQuery(
            id=str(n), from_user=user, chat_instance="ci", data=data, message=message
        )
        await self.dp.feed_update(self.bot, Update(update_id=n, callback_query=query))
        return self._replies(start)

    async def ask(self, text: str, user_id: int = USER_ID, language_code: str | None = None) -> str:
        """All replies to one message as the user reads them: tags removed, entities decoded."""
        replies = await self.say(text, user_id, language_code)
        return "\n".join(html_to_text(r.text) for r in replies)


@contextmanager
def recorded_statements(session_maker: async_sessionmaker[AsyncSession]) -> Iterator[list[str]]:
    """The SQL statements the database is sent meanwhile, whitespace collapsed."""
    statements: list[str] = []
    engine = session_maker.kw["bind"].sync_engine

    def note(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()))

    sa_event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        sa_event.remove(engine, "before_cursor_execute", note)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def reads_facts(statement: str) -> bool:
    """The SQL statement reads one of the tables of facts (only a version's build should)."""
    from facts.read import FACT_TABLES

    return any(re.search(rf"\b(?:FROM|JOIN) {table}\b", statement) for table in FACT_TABLES)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The test's own empty database: SQLite, or PostgreSQL in the second pass."""
    return fresh_database_url(tmp_path)


@pytest.fixture
async def session_maker(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    await create_schema(engine)
    yield create_session_maker(engine)
    await engine.dispose()


@pytest.fixture
async def content_service(content_dir: Path, session_maker) -> ContentService:
    service = ContentService(content_dir, session_maker)
    await service.reload()
    return service


@pytest.fixture
def settings(content_dir: Path) -> Settings:
    # No flood limit here: tests send many messages quickly; test_reliability sets one.
    return Settings(admin_ids=frozenset({ADMIN_ID}), content_dir=content_dir, rate_limit_messages=0)


@pytest.fixture
def today() -> list[date]:
    """The date the bot believes it is; a test may change today[0]."""
    return [TODAY]


@pytest.fixture
async def chat(
    settings: Settings, session_maker, content_service: ContentService, today: list[date]
) -> AsyncIterator[Chatter]:
    dp = create_dispatcher(settings, session_maker, content_service, today=lambda: today[0])
    session = RecordingSession()
    bot = create_bot("123:test", settings, session=session)
    yield Chatter(dp, bot, session)
    await bot.session.close()


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Print the question-set figures after the run."""
    from tests.test_question_set import RESULTS

    for name, result in RESULTS.items():
        total, correct = result["total"], result["correct"]
        terminalreporter.write_line(
            f"{name}: {correct}/{total} answered correctly ({correct / total:.0%})"  # type: ignore[operator]
        )
        if "classes" in result:
            classes = ", ".join(f"{k} {v}" for k, v in result["classes"].items())  # type: ignore[attr-defined]
            terminalreporter.write_line(f"  by class: {classes}")
        if "languages" in result:
            spoken = ", ".join(f"{k} {v}" for k, v in result["languages"].items())  # type: ignore[attr-defined]
            terminalreporter.write_line(f"  by language: {spoken}")
        for failure in result["failures"]:  # type: ignore[attr-defined]
            terminalreporter.write_line(f"  not answered: {failure}")
