"""Middlewares: one database session per update; remembering who uses the bot."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.queries import record_user

log = logging.getLogger(__name__)


class DbSessionMiddleware(BaseMiddleware):
    def __init__(self, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.session_maker = session_maker

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        session = self.session_maker()
        data["session"] = session
        try:
            return await handler(event, data)
        finally:
            # A remembered answer never touched the database: nothing to give back then.
            if session.in_transaction():
                await session.close()


class SeenUsersMiddleware(BaseMiddleware):
    """Records each user's id and last visit (for /stats), at most once a minute per user,
    after the answer has been sent and with a short time limit of its own: the answer never
    waits for this write (a reload holding the database lock would otherwise delay a new
    user's first answer), and a slow write is given up, not retried."""

    REFRESH = timedelta(minutes=1)
    MAX_REMEMBERED = 50_000
    WRITE_TIMEOUT = 3.0

    def __init__(self, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.session_maker = session_maker
        self._written: OrderedDict[int, datetime] = OrderedDict()

    async def _record(self, user_id: int, now: datetime) -> None:
        try:
            async with asyncio.timeout(self.WRITE_TIMEOUT):
                async with self.session_maker() as session, session.begin():
                    await record_user(session, user_id, now)
        except (SQLAlchemyError, TimeoutError) as exc:
            log.debug("could not record user %s: %s", user_id, exc)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        now = datetime.now(UTC).replace(tzinfo=None)
        last = self._written.get(user.id) if user is not None else None
        if user is not None and not user.is_bot and (last is None or now - last > self.REFRESH):
            self._written[user.id] = now
            self._written.move_to_end(user.id)
            if len(self._written) > self.MAX_REMEMBERED:
                self._written.popitem(last=False)
            try:
                return await handler(event, data)
            finally:
                await self._record(user.id, now)
        return await handler(event, data)
