"""What each process keeps per content version, shared by every update until the content
changes: the read model of the facts (facts/) and the search index. At scale, reading the
facts for each question would cost more than answering it.

The version is the newest row of `content_loads`. A process reads it once and keeps it, so
an update touches no database for the facts at all. A load in this process, one another
instance announces, or one `ContentService.follow_loads` notices (it looks every
VERSION_CHECK_SECONDS) forgets it (`forget_version`), and the next update reads it again.
What is kept is built in a session of its own (on the caller's connection) and closed.

While the bot prepares a new version in the background (`Preparation`), an update that needs
something not built yet gets the previous version's instead of waiting seconds for it at
scale; the session is marked `stale` so that nothing worked out from it is remembered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ContentLoad

T = TypeVar("T")

_VERSION_KEY = "content_version"
VERSION_CHECK_SECONDS = 1.0
# database -> the version this process answers from
_VERSIONS: dict[str, tuple[int, str] | None] = {}
_DATABASES: dict[int, tuple[Any, str]] = {}  # id(engine) -> (engine, its URL as a key)
_PREPARING: dict[str, int] = {}  # database -> how many background preparations run
_STALE_KEY = "stale"
_BUILDER_KEY = "prepares"
# (database, collection) -> (content version, value)
_SNAPSHOTS: dict[tuple[str, str], tuple[tuple[int, str], Any]] = {}
_BUILDING: dict[tuple[str, str], tuple[tuple[int, str], asyncio.Future[Any]]] = {}


async def content_version(session: AsyncSession) -> tuple[int, str] | None:
    """(load id, content hash) of the facts this session reads; None before any load.
    Fixed for a session: one update sees one version."""
    if _VERSION_KEY not in session.info:
        database = database_of(session)
        if database in _VERSIONS:
            version = _VERSIONS[database]
        else:
            version = _VERSIONS[database] = await newest_version(session)
        session.info[_VERSION_KEY] = version
    return session.info[_VERSION_KEY]


async def newest_version(session: AsyncSession) -> tuple[int, str] | None:
    """(load id, content hash) of the newest load in the database, read now."""
    row = (
        await session.execute(
            select(ContentLoad.id, ContentLoad.content_hash)
            .order_by(ContentLoad.id.desc())
            .limit(1)
        )
    ).first()
    return (row[0], row[1]) if row is not None else None


def outdated(session: AsyncSession, newest: tuple[int, str] | None) -> bool:
    """This process keeps a version of `session`'s database other than `newest`."""
    database = database_of(session)
    return database in _VERSIONS and _VERSIONS[database] != newest


def stale(session: AsyncSession) -> bool:
    """This update used a collection of the previous version (see `Preparation`)."""
    return bool(session.info.get(_STALE_KEY))


class Preparation:
    """While open, `session` builds the current version's collections and other updates may
    use the previous version's. Opened before the building task starts, so that no update
    slips in between and starts a build of its own."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.database = database_of(session)
        session.info[_BUILDER_KEY] = True
        _PREPARING[self.database] = _PREPARING.get(self.database, 0) + 1
        self._open = True

    def close(self) -> None:
        if self._open:
            self._open = False
            _PREPARING[self.database] -= 1
            if not _PREPARING[self.database]:
                del _PREPARING[self.database]


def forget_version() -> None:
    """The content changed (here, or another instance says so): read the version again."""
    _VERSIONS.clear()


def database_of(session: AsyncSession) -> str:
    bind = session.bind
    if bind is None:
        return ""
    known = _DATABASES.get(id(bind))
    if known is None or known[0] is not bind:
        url = getattr(bind, "engine", bind).url  # an engine, or one of its connections
        known = _DATABASES[id(bind)] = (bind, url.render_as_string(hide_password=True))
    return known[1]


async def shared(
    session: AsyncSession, name: str, build: Callable[[AsyncSession], Awaitable[T]]
) -> T:
    """`build(session)` for the current content version, built once per version in a
    session of its own. Without a loaded version (facts written by hand in tests) it is
    built every time in `session`."""
    version = await content_version(session)
    if version is None:
        return await build(session)
    database = database_of(session)
    key = (database, name)
    loop = asyncio.get_running_loop()
    connection = None
    while True:
        found = _SNAPSHOTS.get(key)
        if found is not None and found[0] == version:
            return found[1]
        if found is not None and database in _PREPARING and not session.info.get(_BUILDER_KEY):
            session.info[_STALE_KEY] = True
            return found[1]
        # Updates that arrive while it is being built wait for that build rather than start
        # their own (a future belongs to one event loop: tests run several, one after another).
        building = _BUILDING.get(key)
        if building is not None and building[0] == version and building[1].get_loop() is loop:
            try:
                return await asyncio.shield(building[1])
            except Exception:  # that build failed: try once more here
                pass
        if connection is not None:
            break
        # The build runs on the caller's own connection, taken before anyone can wait for
        # the build: waiting updates hold connections, and a build that needed one after
        # they took the last would wait for them as they wait for it.
        connection = await session.connection()
    future: asyncio.Future[Any] = loop.create_future()
    _BUILDING[key] = (version, future)
    try:
        async with AsyncSession(bind=connection, expire_on_commit=False) as own:
            own.info[_BUILDER_KEY] = True  # what it reads must be of this version, never older
            own.info[_VERSION_KEY] = version  # and collections it reads are of that version
            value = await build(own)
    except BaseException as exc:
        future.set_exception(exc if isinstance(exc, Exception) else RuntimeError("cancelled"))
        future.exception()  # retrieved: nobody may be waiting
        raise
    finally:
        if _BUILDING.get(key, (None, None))[1] is future:
            del _BUILDING[key]
    future.set_result(value)
    _SNAPSHOTS[key] = (version, value)
    return value
