"""The interface language each user chose, stored and remembered in memory (bounded), so that
choosing the language of an update costs no database work after the user's first one."""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import UserLanguage

_UNSET = ""


class LanguagePreferences:
    MAX_REMEMBERED = 20_000

    def __init__(self, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.session_maker = session_maker
        self._known: OrderedDict[int, str] = OrderedDict()

    def _remember(self, user_id: int, language: str) -> None:
        self._known[user_id] = language
        self._known.move_to_end(user_id)
        if len(self._known) > self.MAX_REMEMBERED:
            self._known.popitem(last=False)

    async def get(self, user_id: int) -> str | None:
        """The language the user chose; None when they never did."""
        if user_id not in self._known:
            async with self.session_maker() as session:
                stored = await session.scalar(
                    select(UserLanguage.language).where(UserLanguage.user_id == user_id)
                )
            self._remember(user_id, stored or _UNSET)
        return self._known[user_id] or None

    async def set(self, user_id: int, language: str) -> None:
        async with self.session_maker() as session, session.begin():
            await session.merge(UserLanguage(user_id=user_id, language=language))
        self._remember(user_id, language)

    async def keep(self, user_id: int, language: str) -> None:
        """Remember the language a user is being answered in, unless they chose one: what
        is sent to them later (notices, reminders) is written in it."""
        if await self.get(user_id) is None:
            await self.set(user_id, language)
