"""Middlewares: one database session per update; remembering who uses the bot."""

from __future__ import annotations

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
        async with self.session_maker() as session:
            data["session"] = session
            return await handler(event, data)


class SeenUsersMiddleware(BaseMiddleware):
    """Records each user's id and last visit (for /stats), at most once a minute per user,
    so a busy chat does not turn into a write per message. Never blocks the answer."""

    REFRESH = timedelta(minutes=1)
    MAX_REMEMBERED = 50_000

    def __init__(self, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.session_maker = session_maker
        self._written: OrderedDict[int, datetime] = OrderedDict()

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
                async with self.session_maker() as session, session.begin():
                    await record_user(session, user.id, now)
            except SQLAlchemyError:
                log.warning("could not record user %s", user.id, exc_info=True)
        return await handler(event, data)
