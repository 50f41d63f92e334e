"""Middlewares: one database session and one edition of the facts per update; noting who
uses the bot; where the public catalogue is, for the cards' links to it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from facts.edition import current_edition
from users.seen import SeenUsers
from views.site import public_url_used


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
            # What answers read, fixed for the whole update (facts/edition.py).
            data["edition"] = await current_edition(session)
            return await handler(event, data)
        finally:
            # A remembered answer never touched the database: nothing to give back then.
            if session.in_transaction():
                await session.close()


class SeenUsersMiddleware(BaseMiddleware):
    """Notes each user's visit (for /stats); users.seen writes them after the answer."""

    def __init__(self, seen: SeenUsers) -> None:
        self.seen = seen

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        if user is not None and not user.is_bot:
            self.seen.note(user.id, datetime.now(UTC).replace(tzinfo=None))
        return await handler(event, data)


class PublicSiteMiddleware(BaseMiddleware):
    """Cards answered in this update get a button to their page in the catalogue."""

    def __init__(self, public_url: str) -> None:
        self.public_url = public_url

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        with public_url_used(self.public_url):
            return await handler(event, data)
