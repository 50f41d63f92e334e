"""Changing the files of content/ together with the facts: stage, commit, swap, recover.

A change is first written to a hidden staging folder inside content/ (hidden folders are never
read as content), with a plan naming the digest of the file set it leads to. The caller then
commits the facts, and only after the commit are the staged files moved into place. A process
killed between the commit and the end of the swap leaves the plan behind: `recover` finishes
the swap when the database holds the plan's digest, and throws the staging away when it does
not. Files that are replaced or removed but were never loaded (work in progress) are copied to
`.rejected/<time>/` first, never lost.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

STAGING = ".staging"
REJECTED = ".rejected"
_PLAN = "plan.json"
_FILES = "files"


@dataclass(frozen=True, slots=True)
class Plan:
    digest: str  # of the whole file set after the change, as the database records it
    write: dict[str, bytes]  # path relative to content/ → new bytes
    remove: tuple[str, ...] = ()
    set_aside: tuple[str, ...] = ()  # replaced or removed files that were never loaded
    stamp: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y%m%d-%H%M%S"))

    @property
    def aside_folder(self) -> str:
        return f"{REJECTED}/{self.stamp}"


def _write_synced(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def stage(folder: Path, plan: Plan) -> Path:
    """Write the plan and its files under content/.staging/; OSError leaves nothing behind."""
    staged = folder / STAGING / uuid.uuid4().hex
    try:
        for relative, data in plan.write.items():
            _write_synced(staged / _FILES / relative, data)
        description = {
            "digest": plan.digest,
            "write": sorted(plan.write),
            "remove": list(plan.remove),
            "set_aside": list(plan.set_aside),
            "stamp": plan.stamp,
        }
        # The plan is written last and renamed into place: a staging folder without one is
        # an interrupted stage, never applied.
        _write_synced(staged / f"{_PLAN}.tmp", json.dumps(description).encode())
        os.replace(staged / f"{_PLAN}.tmp", staged / _PLAN)
    except BaseException:
        discard(staged)
        raise
    return staged


def apply(folder: Path, staged: Path) -> None:
    """Move the staged files into place. Safe to repeat after an interruption."""
    plan = json.loads((staged / _PLAN).read_text())
    aside = folder / REJECTED / plan["stamp"]
    for relative in plan["set_aside"]:
        source, copy = folder / relative, aside / relative
        if source.is_file() and not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    for relative in plan["write"]:
        source = staged / _FILES / relative
        if source.exists():  # gone: moved before an interruption
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, folder / relative)
    for relative in plan["remove"]:
        (folder / relative).unlink(missing_ok=True)
    discard(staged)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
    with contextlib.suppress(OSError):
        staged.parent.rmdir()  # content/.staging, when it is empty


def pending(folder: Path) -> list[Path]:
    root = folder / STAGING
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)


def recover(folder: Path, committed_digest: str | None) -> list[str]:
    """Finish swaps whose facts were committed, throw away the others. Returns what was done."""
    done = []
    for staged in pending(folder):
        plan_file = staged / _PLAN
        digest = json.loads(plan_file.read_text())["digest"] if plan_file.is_file() else None
        if digest is not None and digest == committed_digest:
            apply(folder, staged)
            done.append(f"finished an interrupted change of content/ ({staged.name})")
        else:
            discard(staged)
            done.append(f"discarded an uncommitted change of content/ ({staged.name})")
    for line in done:
        log.warning(line)
    return done
