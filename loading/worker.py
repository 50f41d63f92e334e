"""Validating and storing content in a process of its own.

At scale a load is seconds of CPU: parsing and checking thousands of files, working out the
word forms of every name and text, writing tens of thousands of rows. In the bot's process
that work would hold the event loop and the interpreter lock away from users' answers, and
the parsed files would stay in the bot's memory. The worker process does it instead and
keeps its own cache of parsed files between loads; the bot only waits for the result.

The worker is started on first use (or ahead with `start`), ignores Ctrl+C (the bot decides
when to stop), exits when the bot's process is gone, and is replaced if it dies: a load it
was doing is refused, never half-done, because the facts are swapped in one transaction.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from db.failures import Reason, StoreFailed
from loading.files import (
    Content,
    ContentInvalid,
    EntityTexts,
    ParseCache,
    load_files,
    validate_files,
)
from loading.store import ChangeReport, compare, stored_entities


@dataclass(frozen=True, slots=True)
class Validated:
    """What the bot's process knows of content the worker validated."""

    digest: str
    file_count: int
    files: dict[str, bytes]
    folder: str


PARENT_CHECK_SECONDS = 1.0


class WorkerFailed(Exception):
    """An unexpected error in the worker, with its traceback as text."""


# --- In the worker process ----------------------------------------------------------------

_PARSED: ParseCache = {}
_LAST: dict[str, Content] = {}  # digest -> the content validated last (one kept)
_ENTITIES: EntityTexts = {}  # the entities' texts as the last store or preview wrote them


def _start_worker(parent: int) -> None:
    """Ignore Ctrl+C (the bot decides when to stop), and exit when the bot's process is gone
    however it went (SIGKILL runs none of its clean-up): nothing else would ever end this
    process, which waits on its pipe for work that never comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _ready() -> bool:
    return True


def _content(files: dict[str, bytes], folder: str) -> Content:
    """The content of `files`, validated once: a store follows the validation of the same
    files."""
    for known in _LAST.values():
        if known.files == files:
            return known
    content = validate_files(files, folder, _PARSED)
    _LAST.clear()
    _LAST[content.digest] = content
    # Written out with the validation: a store that follows, and every later change, then
    # writes out only the entities of the files that changed.
    content.entities(_ENTITIES)
    # The content just read is millions of objects at scale, kept until the next change: a
    # full collection while storing walked them all, for up to half a second each time.
    # Frozen, they are left out of collections; what a later change lets go is freed by its
    # reference count, and anything else when the idle worker exits.
    gc.freeze()
    return content


def _guarded(work: Any) -> Any:
    """Run `work()`, letting only the exceptions the bot knows cross back (they pickle)."""
    try:
        return work()
    except (ContentInvalid, StoreFailed):
        raise
    except Exception as exc:
        raise WorkerFailed("".join(traceback.format_exception(exc))) from None


def _load(content_dir: str) -> dict[str, bytes]:
    return _guarded(lambda: load_files(Path(content_dir)))


def _validate(files: dict[str, bytes], folder: str) -> tuple[str, int]:
    content = _guarded(lambda: _content(files, folder))
    return content.digest, content.file_count


def _store(
    database_url: str,
    validated: Validated,
    admin_id: int | None,
    action: str,
    detail: str,
    today: date,
) -> ChangeReport:
    from loading.service import store_version

    async def store(content: Content) -> ChangeReport:
        from db.engine import create_engine, create_session_maker

        engine = create_engine(database_url)
        try:
            maker = create_session_maker(engine)
            return await store_version(
                maker, content, admin_id, action, detail, today, known_entities=_ENTITIES
            )
        finally:
            await engine.dispose()

    return _guarded(lambda: asyncio.run(store(_content(validated.files, validated.folder))))


def _preview(database_url: str, files: dict[str, bytes], folder: str) -> ChangeReport:
    async def preview(content: Content) -> ChangeReport:
        from db.engine import create_engine

        engine = create_engine(database_url)
        try:
            from sqlalchemy.ext.asyncio import AsyncSession

            async with AsyncSession(engine) as session:
                return compare(await stored_entities(session), content.entities(_ENTITIES))
        finally:
            await engine.dispose()

    return _guarded(lambda: asyncio.run(preview(_content(files, folder))))


# --- In the bot's process -----------------------------------------------------------------


class ContentWorker:
    """The bot's handle on its loading process. The process keeps its parsed files between
    changes that come close together (an admin fixing a file and uploading it again) and
    exits after `idle_seconds` without work, giving its memory back."""

    IDLE_SECONDS = 600.0

    def __init__(self, database_url: str, idle_seconds: float = IDLE_SECONDS) -> None:
        self.database_url = database_url
        self.idle_seconds = idle_seconds
        self._pool: ProcessPoolExecutor | None = None
        self._busy = 0
        self._idle: asyncio.TimerHandle | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        return self._pool

    async def _call(self, function: Any, *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        self._busy += 1
        try:
            return await loop.run_in_executor(self._executor(), function, *args)
        except BrokenProcessPool as exc:
            # The worker died (killed, out of memory): the next load starts a new one.
            self._pool = None
            raise StoreFailed(Reason.LOADER_STOPPED, str(exc)) from exc
        finally:
            self._busy -= 1
            if not self._busy and self._pool is not None:
                self._idle = loop.call_later(self.idle_seconds, self._let_go)

    def _let_go(self) -> None:
        self._idle = None
        if self._busy or self._pool is None:
            return
        pool, self._pool = self._pool, None
        pool.shutdown(wait=False)  # it has nothing to do: it exits at once

    @property
    def pids(self) -> list[int]:
        """The worker's process id, while one runs."""
        processes = getattr(self._pool, "_processes", None) or {}
        return [process.pid for process in processes.values()]

    async def start(self) -> None:
        """Start the worker ahead of the first load (its imports take a few seconds)."""
        await self._call(_ready)

    async def load(self, content_dir: Path) -> dict[str, bytes]:
        """The files of `content_dir`, read here: thousands of small reads in a thread of the
        bot's process would each wait for the interpreter lock while updates hold it (40 s
        instead of one at ×1000 under load)."""
        return await self._call(_load, str(content_dir))

    async def validate(self, files: dict[str, bytes], folder: str) -> Validated:
        digest, count = await self._call(_validate, files, folder)
        return Validated(digest, count, files, folder)

    async def store(
        self, validated: Validated, admin_id: int | None, action: str, detail: str, today: date
    ) -> ChangeReport:
        return await self._call(
            _store, self.database_url, validated, admin_id, action, detail, today
        )

    async def preview(self, files: dict[str, bytes], folder: str) -> ChangeReport:
        return await self._call(_preview, self.database_url, files, folder)

    def close(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
