"""Why a change of the stored facts or of content/ could not be made, in words an admin can act
on: the database is busy, the disk is full, a folder is read-only."""

from __future__ import annotations

import errno
from enum import StrEnum

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout


class Reason(StrEnum):
    DATABASE_BUSY = "database_busy"
    DISK_FULL = "disk_full"
    FOLDER_READ_ONLY = "folder_read_only"
    DATABASE_READ_ONLY = "database_read_only"
    LOADER_STOPPED = "loader_stopped"  # the loading process died half-way


class StoreFailed(Exception):
    """Nothing was changed, for a reason outside the content (see `Reason`)."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else str(reason))
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[type[StoreFailed], tuple[Reason, str]]:
        return (StoreFailed, (self.reason, self.detail))  # crosses from the loading process


_ERRNO = {
    errno.ENOSPC: Reason.DISK_FULL,
    errno.EDQUOT: Reason.DISK_FULL,
    errno.EROFS: Reason.FOLDER_READ_ONLY,
    errno.EACCES: Reason.FOLDER_READ_ONLY,
    errno.EPERM: Reason.FOLDER_READ_ONLY,
}
# Words of SQLite's and PostgreSQL's messages, lower case.
_DATABASE_WORDS = (
    ("locked", Reason.DATABASE_BUSY),
    ("busy", Reason.DATABASE_BUSY),
    ("lock timeout", Reason.DATABASE_BUSY),
    ("could not obtain lock", Reason.DATABASE_BUSY),
    ("disk is full", Reason.DISK_FULL),
    ("no space left", Reason.DISK_FULL),
    ("readonly", Reason.DATABASE_READ_ONLY),
    ("read-only", Reason.DATABASE_READ_ONLY),
)


def classify(exc: BaseException) -> StoreFailed | None:
    """The admin-facing reason for `exc`, or None when it is not one of the known ones."""
    if isinstance(exc, StoreFailed):
        return exc
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return StoreFailed(_ERRNO[exc.errno], exc.strerror or str(exc))
    if isinstance(exc, DBAPIError):
        message = str(exc.orig).lower()
        for words, reason in _DATABASE_WORDS:
            if words in message:
                return StoreFailed(reason, str(exc.orig))
    return None


def database_unreachable(exc: BaseException) -> bool:
    """`exc` says the database did not answer (down, cut off, or every connection busy),
    rather than that a statement was wrong."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout | OSError | TimeoutError):
        known = classify(exc)  # a full disk or a read-only file is no outage
        return known is None or known.reason is Reason.DATABASE_BUSY
    return isinstance(exc, DBAPIError) and exc.connection_invalidated
