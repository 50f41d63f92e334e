"""The garbage collector's part in latency: a full collection walks every object the process
holds. At scale that is millions (each content version's collections, the search index's
names, remembered answers), and a collection that finds nothing to free still stalls every
user for up to a second, again and again.

So once a content version is prepared, what the process holds is collected once and then
frozen (`gc.freeze`): later collections walk only what is newer. The previous version's
collections are let go at the next settling, when the process unfreezes, collects (one
pause per content change rather than many) and freezes again.

Settling also hands the heap's free pages back to the system, and the bot starts with few
malloc arenas: both are glibc's, and elsewhere nothing is done.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import logging
import time

log = logging.getLogger(__name__)


def settle() -> None:
    """Collect once, then keep what is left out of later collections."""
    started = time.perf_counter()
    gc.unfreeze()
    freed = gc.collect()
    gc.freeze()
    _give_back_free_memory()
    log.info(
        "memory settled in %.0f ms: %d objects freed, %d kept out of collections",
        (time.perf_counter() - started) * 1000,
        freed,
        gc.get_freeze_count(),
    )


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc (its malloc has the knobs used here), else None."""
    try:
        libc = ctypes.CDLL(None)  # the symbols the process already has: its C library's
        libc.malloc_trim  # noqa: B018 (only glibc has it)
    except (OSError, AttributeError):
        return None
    return libc


def _give_back_free_memory() -> None:
    """Return the C heap's free pages to the system.

    Reading a content version allocates far more at its peak (rows, sorting, the previous
    version's collections) than it keeps; glibc keeps the freed memory in the process
    unless asked to give it back."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


M_ARENA_MAX = -8  # glibc's mallopt parameter
ARENAS = 2


def limit_malloc_arenas() -> None:
    """Few malloc arenas: glibc gives each thread that allocates one of its own (up to eight
    per core), and the database's and the search index's worker threads each keep theirs
    half empty. Call before any thread starts."""
    libc = _glibc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, ARENAS)
