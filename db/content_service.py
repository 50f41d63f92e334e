"""Changing the stored facts: at start-up, on /reload, on an uploaded file, on /rollback.

Every change validates the complete set of content files first and swaps the facts in one
transaction, so an invalid file or a crash half-way leaves the previous facts in place.
Changes are serialised by one lock, and each successful load is kept as a version.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.content_files import (
    CONTENT_SUFFIXES,
    Content,
    ContentError,
    ContentInvalid,
    content_digest,
    content_files,
    ids_in,
    load_files,
    validate_files,
)
from db.content_store import (
    ChangeReport,
    compare,
    last_load,
    previous_load,
    report_summary,
    store_content,
    stored_entities,
)
from db.models import AdminAction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReloadResult:
    report: ChangeReport
    files: int
    path: str | None = None  # for an upload: where under content/ the file went
    replaced: bool = False  # for an upload: it replaced a file of the same entities


def upload_path(file_name: str) -> str:
    """An uploaded file's bare name, checked: a YAML file, no control characters, not too long."""
    if any(ord(c) < 32 or ord(c) == 127 for c in file_name):
        raise ContentInvalid(
            [ContentError("?", None, "в имени файла есть управляющие символы — переименуйте файл")]
        )
    name = PurePosixPath(file_name.replace("\\", "/")).name
    if not name or name.startswith(".") or not name.endswith(CONTENT_SUFFIXES):
        raise ContentInvalid(
            [ContentError(file_name or "?", None, "загружать можно только файлы .yaml или .yml")]
        )
    if len(name) > 100:
        raise ContentInvalid(
            [ContentError(file_name, None, "имя файла длиннее 100 знаков — сократите его")]
        )
    return name


def upload_target(name: str, data: bytes, files: dict[str, bytes]) -> tuple[str, bool]:
    """Where an upload goes: over the one file whose entities it all defines (a corrected
    copy of «events/2021-04-21-round-table.yaml» replaces it, whatever the sub-folder), else
    over the file of the same name, else beside the others. Returns (path, replaces)."""
    wanted = ids_in(data)
    # A corrected copy defines every entity of the file it replaces (it may add more); a file
    # that merely repeats one id is a mistake, and validation says so.
    owners = [
        path for path, old in files.items() if wanted and (held := ids_in(old)) and held <= wanted
    ]
    if len(owners) == 1:
        return owners[0], True
    same_name = [path for path in files if PurePosixPath(path).name == name]
    if len(same_name) == 1:
        return same_name[0], True
    return name, False


class ContentService:
    def __init__(self, content_dir: Path, session_maker: async_sessionmaker[AsyncSession]) -> None:
        self.content_dir = content_dir
        self.session_maker = session_maker
        self._lock = asyncio.Lock()

    # --- reading ---------------------------------------------------------------------------

    async def _read(self, files: dict[str, bytes] | None = None) -> Content:
        if files is None:
            files = await asyncio.to_thread(load_files, self.content_dir)
        return await asyncio.to_thread(validate_files, files, self.content_dir.name)

    async def preview(self) -> ChangeReport:
        """What a reload would change, without changing anything."""
        content = await self._read()
        async with self.session_maker() as session:
            return compare(await stored_entities(session), content.entities())

    # --- changing ----------------------------------------------------------------------------

    async def _store(
        self, content: Content, admin_id: int | None, action: str, detail: str = ""
    ) -> ReloadResult:
        async with self.session_maker() as session, session.begin():
            report = await store_content(session, content, admin_id)
            session.add(
                AdminAction(
                    at=datetime.now(UTC).replace(tzinfo=None),
                    admin_id=admin_id,
                    action=action,
                    detail=f"{detail} {report_summary(report)}".strip(),
                )
            )
        log.info(
            "%s by %s: %d files, %s", action, admin_id, content.file_count, report_summary(report)
        )
        return ReloadResult(report, content.file_count)

    async def reload(self, admin_id: int | None = None) -> ReloadResult:
        """Load content/ now. Raises ContentInvalid, leaving the database untouched."""
        async with self._lock:
            return await self._store(await self._read(), admin_id, "reload")

    async def upload(self, file_name: str, data: bytes, admin_id: int | None) -> ReloadResult:
        """Put an uploaded file into content/ and load it — or refuse, touching nothing."""
        name = upload_path(file_name)
        async with self._lock:
            files = await asyncio.to_thread(load_files, self.content_dir)
            name, replaces = upload_target(name, data, files)
            content = await self._read({**files, name: data})
            target = self.content_dir / name
            previous = files.get(name)
            await asyncio.to_thread(_write_files, self.content_dir, {name: data})
            try:
                result = await self._store(content, admin_id, "upload", name)
                return replace(result, path=name, replaced=replaces)
            except BaseException:
                # The facts were not swapped: put the folder back as it was.
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    await asyncio.to_thread(_write_files, self.content_dir, {name: previous})
                raise

    async def rollback(self, admin_id: int | None) -> ReloadResult | None:
        """Restore the files and facts of the previous version; None when there is none."""
        async with self._lock:
            async with self.session_maker() as session:
                previous = await previous_load(session)
            if previous is None or previous.files_json is None:
                return None
            files = {
                path: text.encode("utf-8") for path, text in json.loads(previous.files_json).items()
            }
            content = await self._read(files)
            await asyncio.to_thread(_write_files, self.content_dir, files, remove_others=True)
            return await self._store(
                content,
                admin_id,
                "rollback",
                f"to the version of {previous.loaded_at:%Y-%m-%d %H:%M}",
            )

    async def record(self, admin_id: int | None, action: str, detail: str = "") -> None:
        """Log an admin action that does not change the facts (a draft, a refused upload)."""
        async with self.session_maker() as session, session.begin():
            session.add(
                AdminAction(
                    at=datetime.now(UTC).replace(tzinfo=None),
                    admin_id=admin_id,
                    action=action,
                    detail=detail,
                )
            )
        log.info("%s by %s: %s", action, admin_id, detail)

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


def _write_files(folder: Path, files: dict[str, bytes], *, remove_others: bool = False) -> None:
    """Write each file atomically (temporary file, then rename); optionally remove the
    content files that are not in `files`."""
    for relative, data in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    if remove_others:
        for path in content_files(folder):
            if path.relative_to(folder).as_posix() not in files:
                path.unlink()
