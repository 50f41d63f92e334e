"""Who uses the bot and when they last wrote (for /stats): noted in memory as updates come,
written in one statement a few seconds later for everyone noted meanwhile.

An update never waits for this write: a reload holding the database lock would otherwise
delay a new user's first answer, and a burst of new users would cost a transaction each. A
write that fails or takes too long is given up, not retried; each user is written at most
once a minute.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.dialects import upsert_insert
from db.models import BotUser

log = logging.getLogger(__name__)


class SeenUsers:
    REFRESH = timedelta(minutes=1)
    WRITE_AFTER = 2.0  # seconds: the users noted meanwhile go in the same statement
    WRITE_TIMEOUT = 3.0
    RETRY_AFTER = 10.0  # seconds: the database was away; those noted are written then
    MAX_REMEMBERED = 10_000  # one forgotten is written again at its next visit: harmless

    def __init__(self, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.session_maker = session_maker
        self._written: OrderedDict[int, datetime] = OrderedDict()
        self._pending: dict[int, datetime] = {}
        self._writing: asyncio.Task[None] | None = None

    def note(self, user_id: int, now: datetime) -> None:
        """`user_id` wrote at `now` (naive UTC); written within WRITE_AFTER seconds."""
        last = self._written.get(user_id)
        if last is not None and now - last <= self.REFRESH:
            return
        self._written[user_id] = now
        self._written.move_to_end(user_id)
        if len(self._written) > self.MAX_REMEMBERED:
            self._written.popitem(last=False)
        self._pending[user_id] = now
        if self._writing is None or self._writing.done():
            self._writing = asyncio.get_running_loop().create_task(self._write_later())

    async def _write_later(self) -> None:
        await asyncio.sleep(self.WRITE_AFTER)
        while not await self.write():
            await asyncio.sleep(self.RETRY_AFTER)

    async def write(self) -> bool:
        """Write everyone noted and not written yet, now (before /stats, and at shutdown).
        False when the database did not take them: they stay noted for the next try (a
        user first seen then must still be among a broadcast's recipients)."""
        pending, self._pending = self._pending, {}
        if not pending:
            return True
        try:
            async with asyncio.timeout(self.WRITE_TIMEOUT):
                async with self.session_maker() as session, session.begin():
                    await record_users(session, pending)
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            log.debug("could not record %d users yet: %s", len(pending), exc)
            for user_id, at in pending.items():
                if len(self._pending) < self.MAX_REMEMBERED:
                    self._pending.setdefault(user_id, at)
            return False
        return True


async def record_users(session: AsyncSession, seen: dict[int, datetime]) -> None:
    """Remember that these users wrote to the bot at these times, in the caller's
    transaction."""
    # One row's statement run for every row: a statement with a row of values per user would
    # differ with each batch's size, and the database driver keeps the last hundred it ran
    # prepared, megabytes each for large batches.
    insert = upsert_insert(session, BotUser)
    statement = insert.on_conflict_do_update(
        index_elements=[BotUser.id], set_={"last_seen": insert.excluded.last_seen}
    )
    rows = [{"id": user_id, "first_seen": at, "last_seen": at} for user_id, at in seen.items()]
    await session.execute(statement, rows)
