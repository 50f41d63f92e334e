"""Loading content/ into the database: at start-up when needed, and on an admin's /reload."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.content_files import ContentInvalid, content_digest, read_content
from db.content_store import ChangeReport, last_load, store_content

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReloadResult:
    report: ChangeReport
    files: int


class ContentService:
    """Validates all content first, then swaps the stored facts in one transaction.

    Reloads are serialised: two admins reloading at once run one after the other.
    """

    def __init__(self, content_dir: Path, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.content_dir = content_dir
        self.session_maker = session_maker
        self._lock = asyncio.Lock()

    async def reload(self) -> ReloadResult:
        """Load content/ now. Raises ContentInvalid, leaving the database untouched."""
        async with self._lock:
            content = await asyncio.to_thread(read_content, self.content_dir)
            async with self.session_maker() as session, session.begin():
                report = await store_content(session, content)
            log.info(
                "content loaded from %d files: +%d -%d ~%d",
                content.files,
                sum(report.added.values()),
                sum(report.removed.values()),
                sum(report.changed.values()),
            )
            return ReloadResult(report, content.files)

    async def ensure_loaded(self) -> bool:
        """Load content when the database is empty or holds an older version of the files.

        Returns True when a load happened. Invalid files with facts already stored keep the
        stored facts (and log the errors); with nothing stored, the error propagates.
        """
        async with self.session_maker() as session:
            previous = await last_load(session)
        current = (
            await asyncio.to_thread(content_digest, self.content_dir)
            if self.content_dir.is_dir()
            else None
        )
        if previous is not None and previous.content_hash == current:
            return False
        try:
            await self.reload()
        except ContentInvalid as exc:
            if previous is None:
                raise
            log.error(
                "content/ is invalid; keeping the facts loaded at %s:\n%s", previous.loaded_at, exc
            )
            return False
        return True

    async def last_loaded_at(self) -> str | None:
        async with self.session_maker() as session:
            load = await last_load(session)
        return None if load is None else load.loaded_at.isoformat(sep=" ", timespec="seconds")
