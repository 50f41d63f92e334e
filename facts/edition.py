"""The edition a process answers from: one content version's read model (facts/model.py)
and search index (search/index.py), built once per version and swapped in whole.

An update takes the current edition without touching the database (`current_edition`), and keeps
the same one to its end, so one answer never mixes two versions. A new edition is built by
`prepare`, in the background: after a load here, when another instance announces one, or
when `ContentService.follow_loads` notices one. While it is built, updates go on with the
previous edition; it replaces that edition in one assignment. Only the first update of a
process, before any edition exists, waits for one to be built.

A load committed in this process with nobody preparing its edition (a script or a test that
only loads) makes the next update build the new edition itself. Without any loaded version
(facts written by hand in tests) an edition is built for every update and never kept.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.engine import database_key
from facts.model import Facts
from facts.read import read_facts
from loading.store import committed_here, newest_version
from search.index import LocalIndex, SearchIndex, build_index

_SESSION_KEY = "edition"
KEPT_DATABASES = 4  # a bot has one database; a test process goes through hundreds


@dataclass(frozen=True, slots=True)
class Edition:
    """What answers read: they take it as an argument and never touch the database."""

    database: str  # which database it was read from (db.engine.database_key)
    version: tuple[int, str] | None  # (load id, content hash); None: no load yet
    facts: Facts
    index: LocalIndex
    # `committed_here()` when it was last found the newest: a version this process committed
    # later makes it outdated.
    seen: int = 0

    @property
    def search(self) -> SearchIndex:
        """Queries over its search index."""
        return SearchIndex(self.index)


_CURRENT: OrderedDict[str, Edition] = OrderedDict()  # database -> the edition updates read
_PREPARING: dict[str, int] = {}  # database -> how many `prepare` tasks are under way
_LOCKS: dict[tuple[str, asyncio.AbstractEventLoop], asyncio.Lock] = {}


async def current_edition(session: AsyncSession) -> Edition:
    """The edition of the content version this update reads (fixed for `session`)."""
    found = session.info.get(_SESSION_KEY)
    if found is None:
        database = database_key(session.bind)
        found = _CURRENT.get(database)
        if found is None or (found.seen != committed_here() and not _PREPARING.get(database)):
            found = await _update(session, database)
        session.info[_SESSION_KEY] = found
    return found


async def newest_edition(session: AsyncSession) -> Edition:
    """The edition of the newest version in the database, read now: for work that must not
    act on an older one (a notice of an event another instance has just loaded, while this
    one still answers from the version before). Costs one query when the kept one is it."""
    database = database_key(session.bind)
    kept = _CURRENT.get(database)
    if (
        kept is not None
        and kept.version is not None
        and kept.version == await newest_version(session)
    ):
        return kept
    return await _update(session, database)


def prepare(
    session_maker: async_sessionmaker[AsyncSession], after: Awaitable[Any] | None = None
) -> asyncio.Task[Edition]:
    """Build the edition of the newest version in the background (once `after` is done) and
    swap it in. From this call until it ends, updates keep answering from the current one."""
    database = database_key(session_maker.kw.get("bind"))
    _PREPARING[database] = _PREPARING.get(database, 0) + 1

    async def run() -> Edition:
        try:
            if after is not None:
                await after
            async with session_maker() as session:
                return await _update(session, database, own_session=True)
        finally:
            _PREPARING[database] -= 1
            if not _PREPARING[database]:
                del _PREPARING[database]

    return asyncio.get_running_loop().create_task(run())


async def _update(session: AsyncSession, database: str, own_session: bool = False) -> Edition:
    """The edition of the newest version, built unless it is the one kept; one build at a
    time per database (a lock belongs to one event loop: tests run several in turn)."""
    # The connection is taken before the lock: whoever holds the lock must never wait for a
    # connection held by those waiting for it. In a session of its own on PostgreSQL every
    # table is read at one moment, though a load may commit meanwhile.
    repeatable = (
        own_session and session.bind is not None and session.bind.dialect.name == "postgresql"
    )
    await session.connection(
        execution_options={"isolation_level": "REPEATABLE READ"} if repeatable else None
    )
    loop = asyncio.get_running_loop()
    lock = _LOCKS.get((database, loop))
    if lock is None:
        for key in [k for k in _LOCKS if k[1].is_closed()]:
            del _LOCKS[key]
        lock = _LOCKS[(database, loop)] = asyncio.Lock()
    async with lock:
        seen = committed_here()
        version = await newest_version(session)
        kept = _CURRENT.get(database)
        if kept is not None and kept.version == version and version is not None:
            if kept.seen == seen:
                return kept
            built = replace(kept, seen=seen)
        else:
            facts = await read_facts(session, version)
            built = Edition(database, version, facts, await build_index(session), seen)
            if version is None:  # facts written by hand: read afresh every time
                return built
        _CURRENT[database] = built
        _CURRENT.move_to_end(database)
        while len(_CURRENT) > KEPT_DATABASES:
            _CURRENT.popitem(last=False)
        return built
