"""Changing the stored facts: at start-up, on /reload, on an uploaded file, on /rollback.

Every change validates the complete set of content files first and swaps the facts in one
transaction, so an invalid file or a crash half-way leaves the previous facts in place. A
change of the files themselves (upload, rollback) is staged, committed with the facts and
then swapped in (`loading/swap.py`), so files and facts change together or not at all.
Changes are serialised by one lock, and each successful load is kept as a version.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.dialects import refresh_statistics
from db.failures import Reason, StoreFailed, classify, database_unreachable
from db.kinds import EntityKind
from db.models import AdminAction, ContentLoad
from loading.files import (
    CONTENT_SUFFIXES,
    Content,
    ContentError,
    ContentInvalid,
    EntityTexts,
    ParseCache,
    content_digest,
    ids_in,
    load_files,
    names_in,
    validate_files,
)
from loading.notices import owe_change_notices
from loading.store import (
    ChangeReport,
    compare,
    count_commit,
    kept_versions,
    last_load,
    newest_version,
    report_summary,
    store_content,
    stored_entities,
    version,
    version_files,
)
from loading.swap import Plan, apply, discard, recover, stage
from loading.worker import ContentWorker, Validated

log = logging.getLogger(__name__)

VERSION_CHECK_SECONDS = 1.0
# Builds what updates read of the newest version in the background, once its awaitable is
# done, and gives back something with that `version` (facts.edition.prepare).
Prepare = Callable[[async_sessionmaker[AsyncSession], Awaitable[Any] | None], "asyncio.Task[Any]"]


@dataclass(frozen=True, slots=True)
class ReloadResult:
    report: ChangeReport
    files: int
    path: str | None = None  # for an upload: where under content/ the file went
    replaced: bool = False  # for an upload: it replaced a file of the same entities
    version: int | None = None  # for a rollback: the version restored …
    version_at: datetime | None = None  # … and when it had been loaded
    set_aside: tuple[str, ...] = ()  # never-loaded files copied aside before being replaced
    aside_folder: str | None = None


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


async def store_version(
    session_maker: async_sessionmaker[AsyncSession],
    content: Content,
    admin_id: int | None,
    action: str,
    detail: str,
    today: date,
    known_entities: EntityTexts | None = None,
) -> ChangeReport:
    """Store `content` as the new version in one transaction, with the notices it owes
    subscribers and the admin action. StoreFailed names a reason an admin can act on.
    `known_entities`: see Content.entities."""
    try:
        async with session_maker() as session, session.begin():
            entities = await asyncio.to_thread(content.entities, known_entities)
            report = await store_content(session, content, admin_id, entities)
            # Subscribers' notices are owed in the same transaction as the facts: a load
            # that does not happen announces nothing, one that does announces once.
            events = {e.id: e for e in content.events}
            changed = [
                (events[c.id], c.change == "added", entities[(c.kind.value, c.id)])
                for c in report.details
                if c.kind is EntityKind.EVENT and c.change in ("added", "changed")
            ]
            await owe_change_notices(session, changed, today)
            session.add(
                AdminAction(
                    at=datetime.now(UTC).replace(tzinfo=None),
                    admin_id=admin_id,
                    action=action,
                    detail=f"{detail} {report_summary(report)}".strip(),
                )
            )
    except Exception as exc:
        failure = classify(exc)
        if failure is None:
            raise
        raise failure from exc
    return report


def _after(delay: float) -> asyncio.Future[None]:
    """A future done `delay` seconds from now."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(delay, lambda: done.done() or done.set_result(None))
    return done


class ContentService:
    def __init__(
        self,
        content_dir: Path,
        session_maker: async_sessionmaker[AsyncSession],
        today: Callable[[], date] = date.today,
        prepare: Prepare | None = None,
        exclusive: Callable[[], AbstractAsyncContextManager[Any]] | None = None,
        announce: Callable[[], Awaitable[None]] | None = None,
        worker: ContentWorker | None = None,
        after_warm: Callable[[], None] | None = None,
    ) -> None:
        self.content_dir = content_dir
        self.session_maker = session_maker
        self.today = today  # what is «upcoming» when a load announces events to subscribers
        self._lock = asyncio.Lock()
        self._parsed: ParseCache = {}
        # Why the files found at start-up were not loaded (the stored facts were kept).
        self.problem_at_start: ContentInvalid | StoreFailed | None = None
        # What to build of each new version in the background before anyone asks (the bot
        # builds what it answers from; a test or a script that only loads need not).
        self._prepare = prepare
        self._warming: asyncio.Task[None] | None = None
        self._prepared: tuple[int, str] | None = None  # the version last prepared
        # Several instances: one changes content/ and the facts at a time (`exclusive`),
        # and tells the others when it did (`announce`).
        self._exclusive = exclusive or contextlib.nullcontext
        self._announce = announce
        # Validation and storing in a process of its own (the bot); in this one without.
        self._worker = worker
        self._after_warm = after_warm  # the bot settles its memory then (bot/memory.py)

    def use_worker(self, worker: ContentWorker) -> None:
        """From now on, validate and store in `worker`'s process; the files parsed here so
        far are let go."""
        self._worker = worker
        self._parsed = {}

    # --- reading ---------------------------------------------------------------------------

    async def _files(self) -> dict[str, bytes]:
        """The files of content/, read by the worker when there is one."""
        if self._worker is not None:
            return await self._worker.load(self.content_dir)
        return await asyncio.to_thread(load_files, self.content_dir)

    async def _read(self, files: dict[str, bytes] | None = None) -> Content | Validated:
        if files is None:
            files = await self._files()
        if self._worker is not None:
            return await self._worker.validate(files, self.content_dir.name)
        # Each file is parsed once while it stays the same (the cache is only touched here,
        # under the service's lock or by a preview, which reads the same files).
        return await asyncio.to_thread(validate_files, files, self.content_dir.name, self._parsed)

    async def preview(self) -> ChangeReport:
        """What a reload would change, without changing anything."""
        files = await self._files()
        return await self._preview(files)

    async def preview_upload(self, file_name: str, data: bytes) -> ChangeReport:
        """What uploading this file would change, without changing anything. Raises
        ContentInvalid as the upload would."""
        name = upload_path(file_name)
        files = await self._files()
        name, _ = upload_target(name, data, files)
        return await self._preview({**files, name: data})

    async def entity_ids(self) -> set[str]:
        """The id of every entity content/ defines, of any kind (read from the files)."""
        files = await self._files()
        return {i for data in files.values() for _, i in ids_in(data)}

    async def known_names(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Organizations' and people's names in content/, folded → (id, name): see names_in."""
        files = await self._files()
        merged: dict[str, dict[str, tuple[str, str]]] = {"organizations": {}, "people": {}}
        for data in files.values():
            for section, names in names_in(data).items():
                merged[section].update(names)
        return merged

    async def _preview(self, files: dict[str, bytes]) -> ChangeReport:
        if self._worker is not None:
            return await self._worker.preview(files, self.content_dir.name)
        content = await asyncio.to_thread(validate_files, files, self.content_dir.name)
        async with self.session_maker() as session:
            return compare(await stored_entities(session), content.entities())

    async def versions(self) -> list[ContentLoad]:
        """The kept versions, the current one first."""
        async with self.session_maker() as session:
            return await kept_versions(session)

    # --- changing ----------------------------------------------------------------------------

    async def _store(
        self, content: Content | Validated, admin_id: int | None, action: str, detail: str = ""
    ) -> ReloadResult:
        # Started before the facts are committed: from then until the new version is built,
        # updates answer from the previous one rather than each wait for it.
        stored: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self._prepare is not None:
            self.warm(after=stored)
        try:
            if isinstance(content, Validated):
                assert self._worker is not None
                report = await self._worker.store(content, admin_id, action, detail, self.today())
                count_commit()  # committed by the worker, for this process
            else:
                report = await store_version(
                    self.session_maker, content, admin_id, action, detail, self.today()
                )
        except BaseException as exc:
            stored.cancel()
            if isinstance(exc, StoreFailed):
                log.error("%s by %s refused: %s", action, admin_id, exc)
            raise
        stored.set_result(None)
        log.info(
            "%s by %s: %d files, %s", action, admin_id, content.file_count, report_summary(report)
        )
        if self._announce is not None:
            try:
                await self._announce()
            except Exception as exc:  # the others see the version at their next update anyway
                log.warning("could not tell the other instances about the change: %s", exc)
        return ReloadResult(report, content.file_count)

    def warm(self, delay: float = 0.0, after: Awaitable[Any] | None = None) -> None:
        """Build what updates read of the newest version in the background, after `delay`
        seconds or once `after` is done. Until it is ready, updates answer from the previous
        version instead of waiting for it."""
        if self._prepare is None:
            return
        if self._warming is not None and not self._warming.done():
            self._warming.cancel()
        self._warming = asyncio.get_running_loop().create_task(
            self._warm(self._prepare(self.session_maker, after or _after(delay)))
        )

    def changed_elsewhere(self) -> None:
        """Another instance or process changed the content: prepare the new version."""
        self.warm()

    async def follow_loads(self, interval: float = VERSION_CHECK_SECONDS) -> None:
        """Forever: notice within `interval` a version another process stored (a second
        instance without Redis, `python -m bot.content`), and prepare it. Updates never read
        the version themselves."""
        away = False  # the database did not answer the last look: said once, not each time
        while True:
            await asyncio.sleep(interval)
            try:
                async with self.session_maker() as session:
                    newest = await newest_version(session)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database away for a moment: look again later
                if not away:
                    log.warning("could not look for a new content version: %s", exc)
                away = True
                continue
            if away:
                log.warning("the database answers again")
                away = False
            if newest != self._prepared and (self._warming is None or self._warming.done()):
                self.warm()

    async def warmed(self) -> None:
        """Wait for the background building started by `warm`, if any."""
        if self._warming is not None:
            await asyncio.gather(self._warming, return_exceptions=True)

    async def _warm(self, preparing: asyncio.Task[Any]) -> None:
        try:
            self._prepared = (await preparing).version
            if self._after_warm is not None:
                self._after_warm()
        except asyncio.CancelledError:
            preparing.cancel()
            raise
        except Exception as exc:  # not built now: the first update that needs it builds it
            if database_unreachable(exc):  # `follow_loads` tries again when it answers
                log.warning("could not build the new content version ahead: %s", exc)
            else:
                log.warning("could not build the new content version ahead", exc_info=True)

    async def _recover(self) -> None:
        """Finish or throw away a change of content/ that a killed process left half-way."""
        async with self.session_maker() as session:
            current = await last_load(session)
        await asyncio.to_thread(
            recover, self.content_dir, current.content_hash if current else None
        )

    async def _loaded_files(self) -> dict[str, bytes]:
        async with self.session_maker() as session:
            current = await last_load(session)
        return version_files(current) if current is not None else {}

    async def _change_files(
        self,
        after: dict[str, bytes],
        on_disk: dict[str, bytes],
        admin_id: int | None,
        action: str,
        detail: str,
    ) -> ReloadResult:
        """Make content/ hold exactly `after` and the facts match it — both or neither."""
        content = await self._read(after)
        loaded = await self._loaded_files()
        write = {path: data for path, data in after.items() if on_disk.get(path) != data}
        remove = tuple(sorted(on_disk.keys() - after.keys()))
        unloaded = tuple(
            sorted(
                path
                for path in (*write, *remove)
                if path in on_disk and loaded.get(path) != on_disk[path]
            )
        )
        plan = Plan(content.digest, write, remove, unloaded)
        try:
            staged = await asyncio.to_thread(stage, self.content_dir, plan)
        except OSError as exc:
            failure = classify(exc) or StoreFailed(Reason.FOLDER_READ_ONLY, str(exc))
            log.error("%s by %s refused: %s", action, admin_id, failure)
            raise failure from exc
        try:
            result = await self._store(content, admin_id, action, detail)
        except BaseException:
            await asyncio.to_thread(discard, staged)
            raise
        try:
            await asyncio.to_thread(apply, self.content_dir, staged)
        except OSError:
            # The facts are committed; the next change or start-up finishes the swap.
            log.exception("content/ is not updated yet; it will be at the next change")
        aside = (self.content_dir.name + "/" + plan.aside_folder) if unloaded else None
        return replace(result, set_aside=unloaded, aside_folder=aside)

    async def reload(self, admin_id: int | None = None) -> ReloadResult:
        """Load content/ now. Raises ContentInvalid or StoreFailed, leaving the facts as they
        were. Files the database already holds (the same digest) are not stored again."""
        async with self._lock, self._exclusive():
            await self._recover()
            content = await self._read()
            async with self.session_maker() as session:
                current = await last_load(session)
            if current is not None and current.content_hash == content.digest:
                await self.record(admin_id, "reload", "unchanged")
                return ReloadResult(ChangeReport(), content.file_count)
            return await self._store(content, admin_id, "reload")

    async def upload(self, file_name: str, data: bytes, admin_id: int | None) -> ReloadResult:
        """Put an uploaded file into content/ and load it — or refuse, touching nothing."""
        name = upload_path(file_name)
        async with self._lock, self._exclusive():
            await self._recover()
            files = await self._files()
            name, replaces = upload_target(name, data, files)
            result = await self._change_files(
                {**files, name: data}, files, admin_id, "upload", name
            )
            return replace(result, path=name, replaced=replaces)

    async def rollback(
        self, admin_id: int | None, version_id: int | None = None
    ) -> ReloadResult | None:
        """Restore the files and facts of a kept version (by default the one before the
        current). None when there is no such version. Files in content/ that were never
        loaded are set aside in content/.rejected/, not deleted."""
        async with self._lock, self._exclusive():
            await self._recover()
            async with self.session_maker() as session:
                if version_id is None:
                    kept = await kept_versions(session)
                    target = kept[1] if len(kept) > 1 else None
                else:
                    target = await version(session, version_id)
            if target is None:
                return None
            on_disk = await self._files()
            result = await self._change_files(
                version_files(target),
                on_disk,
                admin_id,
                "rollback",
                f"to version {target.id} of {target.loaded_at:%Y-%m-%d %H:%M}",
            )
            return replace(result, version=target.id, version_at=target.loaded_at)

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
        stored facts (the reason is logged and kept in `problem_at_start`); with nothing
        stored, the error propagates.
        """
        async with self._lock, self._exclusive():
            await self._recover()
        async with self.session_maker() as session, session.begin():
            previous = await last_load(session)
            # Facts stored by an older version of the bot may lack the planner's statistics.
            await refresh_statistics(session, unless_kept=previous is not None)
        current = (
            await asyncio.to_thread(content_digest, self.content_dir)
            if self.content_dir.is_dir()
            else None
        )
        if previous is not None and previous.content_hash == current:
            return False
        try:
            await self.reload()
        except (ContentInvalid, StoreFailed) as exc:
            if previous is None:
                raise
            self.problem_at_start = exc
            log.error(
                "content/ was not loaded; keeping the facts loaded at %s:\n%s",
                previous.loaded_at,
                exc,
            )
            return False
        return True
