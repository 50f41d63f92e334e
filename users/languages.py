"""The interface language each user chose, stored in the database and remembered, so that
choosing the language of an update costs no database work after the user's first one.

What is remembered must agree on every instance at once: a single process remembers in its
own memory (`InProcess`, bounded); several remember in Redis (bot/shared.RedisLanguages), so
that «/lang en» on one instance holds for the next message to another.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.dialects import upsert_insert
from db.models import UserLanguage

_UNSET = ""  # remembered for a user who never chose: no database read for them either


class Remembered(Protocol):
    """Where known languages are remembered: `get` is None for a user not remembered."""

    async def get(self, user_id: int) -> str | None: ...

    async def put(self, user_id: int, language: str) -> None: ...


class InProcess:
    MAX_REMEMBERED = 5_000  # the most recent users: the others are read again

    def __init__(self) -> None:
        self._known: OrderedDict[int, str] = OrderedDict()

    async def get(self, user_id: int) -> str | None:
        return self._known.get(user_id)

    async def put(self, user_id: int, language: str) -> None:
        self._known[user_id] = language
        self._known.move_to_end(user_id)
        if len(self._known) > self.MAX_REMEMBERED:
            self._known.popitem(last=False)


class LanguagePreferences:
    def __init__(
        self,
        session_maker: async_sessionmaker[AsyncSession],
        remembered: Remembered | None = None,
    ) -> None:
        self.session_maker = session_maker
        self.remembered = remembered if remembered is not None else InProcess()

    async def get(self, user_id: int) -> str | None:
        """The language the user chose; None when they never did."""
        known = await self.remembered.get(user_id)
        if known is None:
            known = await self._read(user_id)
            await self.remembered.put(user_id, known)
        return known or None

    async def _read(self, user_id: int) -> str:
        async with self.session_maker() as session:
            stored = await session.scalar(
                select(UserLanguage.language).where(UserLanguage.user_id == user_id)
            )
        return stored or _UNSET

    async def set(self, user_id: int, language: str) -> None:
        """The user chose `language`."""
        await self._store(user_id, language, replace=True)
        await self.remembered.put(user_id, language)

    async def keep(self, user_id: int, language: str) -> None:
        """Remember the language a user is being answered in, unless they chose one: what
        is sent to them later (notices, reminders) is written in it."""
        if await self.get(user_id) is None:
            await self._store(user_id, language, replace=False)
            # Another update may have stored one first: remember what is stored.
            await self.remembered.put(user_id, await self._read(user_id))

    async def _store(self, user_id: int, language: str, replace: bool) -> None:
        # One statement, so that two updates of the same user at once (a double tap) cannot
        # both insert the row.
        async with self.session_maker() as session, session.begin():
            insert = upsert_insert(session, UserLanguage).values(user_id=user_id, language=language)
            await session.execute(
                insert.on_conflict_do_update(
                    index_elements=[UserLanguage.user_id], set_={"language": language}
                )
                if replace
                else insert.on_conflict_do_nothing()
            )
