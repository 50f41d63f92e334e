"""What several instances of the bot share through Redis (REDIS_URL): per-chat state,
flood control, the locks that keep a content change and a round of sending to one instance
at a time, and the news that the content changed. Without Redis each of these stays in the
process (one instance).

Redis is an accelerator, never a condition of answering: when it stops answering, each of
these falls back to this process (`RedisStatus` says so once in the log, in /healthz and in
/metrics), and Redis is tried again every RETRY_SECONDS until it answers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import LockError, RedisError

log = logging.getLogger(__name__)

# What a Redis that is away raises: its own errors, or the socket's.
UNREACHABLE = (RedisError, OSError)
RETRY_SECONDS = 5.0
CONNECT_SECONDS = 1.0  # a Redis that does not answer by then counts as away

PREFIX = "civic-bridge"
VERSION_CHANNEL = f"{PREFIX}:content-version"
# A content change takes seconds (a minute at most at 1,000× today's content); a lock left
# by a killed instance frees itself after this.
CHANGE_LOCK_SECONDS = 600
# An instance that stops while sending holds up the others for at most this long.
SENDING_LOCK_SECONDS = 15

# Sliding window in one step: drop old hits, count, add this one if under the limit; the
# first refusal in a window is marked so that only it is answered.
_WINDOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local count = redis.call('ZCARD', KEYS[1])
if count < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2]) * 1000))
  redis.call('DEL', KEYS[2])
  return {1, '0', 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]
local wait = tonumber(oldest) + tonumber(ARGV[2]) - tonumber(ARGV[1])
local first = redis.call('SET', KEYS[2], '1', 'NX', 'PX', math.max(1, math.ceil(wait * 1000)))
if first then return {0, tostring(wait), 1} end
return {0, tostring(wait), 0}
"""


def connect(url: str) -> Redis:
    # No timeout on reading: the announcements' subscription waits for minutes at a time.
    return Redis.from_url(url, socket_connect_timeout=CONNECT_SECONDS)


class RedisStatus:
    """Whether Redis answered lately, for everything that uses it: while it does not, each
    use falls back to this process without trying it again for RETRY_SECONDS (an update never
    waits on a dead server more than once in that time)."""

    def __init__(self, on_change: Callable[[bool], None] | None = None) -> None:
        self.up = True
        self._retry_at = 0.0
        self._on_change = on_change
        if on_change is not None:
            on_change(True)

    def usable(self) -> bool:
        return self.up or time.monotonic() >= self._retry_at

    def failed(self, what: str, exc: BaseException) -> None:
        self._retry_at = time.monotonic() + RETRY_SECONDS
        if self.up:
            self.up = False
            log.warning(
                "Redis does not answer (%s: %s): per-chat state, flood control and locks "
                "are kept in this process until it does",
                what,
                exc,
            )
            if self._on_change is not None:
                self._on_change(False)

    def answered(self) -> None:
        if not self.up:
            self.up = True
            log.warning("Redis answers again: shared state resumes")
            if self._on_change is not None:
                self._on_change(True)


class SharedRateLimiter:
    """The flood limit of bot/flood.py counted in Redis, so that it holds across instances."""

    def __init__(self, redis: Redis, limit: int, window: float) -> None:
        self.redis = redis
        self.limit = limit
        self.window = window
        self._script = redis.register_script(_WINDOW)

    async def check(self, user_id: int) -> tuple[bool, float, bool]:
        """(allowed, seconds to wait, first refusal in this window)."""
        keys = [f"{PREFIX}:flood:{user_id}", f"{PREFIX}:flood-told:{user_id}"]
        now = time.time()
        allowed, wait, first = await self._script(
            keys=keys, args=[now, self.window, self.limit, f"{now}:{uuid.uuid4().hex[:8]}"]
        )
        return bool(allowed), float(wait), bool(first)


class RedisLanguages:
    """Users' languages remembered in Redis for every instance (users/languages.py), each
    for LANGUAGE_SECONDS; while Redis does not answer, each update reads the database."""

    LANGUAGE_SECONDS = 24 * 60 * 60

    def __init__(self, redis: Redis, status: RedisStatus) -> None:
        self.redis = redis
        self.status = status
        # Users whose language changed while Redis was away: what it remembers of them is
        # dropped as soon as it answers again.
        self._unsynced: set[int] = set()

    async def get(self, user_id: int) -> str | None:
        if not self.status.usable():
            return None
        try:
            await self._resync()
            found = await self.redis.get(f"{PREFIX}:lang:{user_id}")
        except UNREACHABLE as exc:
            self.status.failed("languages", exc)
            return None
        self.status.answered()
        return found.decode() if found is not None else None

    async def put(self, user_id: int, language: str) -> None:
        if self.status.usable():
            try:
                await self._resync()
                await self.redis.set(f"{PREFIX}:lang:{user_id}", language, ex=self.LANGUAGE_SECONDS)
            except UNREACHABLE as exc:
                self.status.failed("languages", exc)
            else:
                self.status.answered()
                return
        self._unsynced.add(user_id)

    async def _resync(self) -> None:
        if self._unsynced:
            await self.redis.delete(*(f"{PREFIX}:lang:{u}" for u in self._unsynced))
            self._unsynced.clear()


def exclusive(
    redis: Redis, name: str, seconds: int, status: RedisStatus | None = None
) -> Callable[[], Any]:
    """A factory of `async with` blocks that one instance at a time may be inside; while
    Redis does not answer, one task of this process at a time."""
    status = status or RedisStatus()
    local: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    @contextlib.asynccontextmanager
    async def held() -> AsyncIterator[None]:
        lock = redis.lock(f"{PREFIX}:lock:{name}", timeout=seconds, blocking_timeout=seconds)
        acquired = False
        if status.usable():
            try:
                acquired = await lock.acquire()
            except UNREACHABLE as exc:
                status.failed(f"the {name} lock", exc)
            else:
                status.answered()
                if not acquired:
                    raise LockError(
                        f"the {name} lock is held elsewhere for longer than {seconds} s"
                    )
        if acquired:
            try:
                yield
            finally:
                with contextlib.suppress(*UNREACHABLE, LockError):  # it expires by itself
                    await lock.release()
            return
        loop = asyncio.get_running_loop()
        async with local.setdefault(loop, asyncio.Lock()):
            yield

    return held


async def announce_version(redis: Redis) -> None:
    """Tell the other instances that the content changed."""
    await redis.publish(VERSION_CHANNEL, b"changed")


async def check_at_start(redis: Redis, status: RedisStatus) -> None:
    """Say in one line whether Redis answers; the bot starts either way."""
    try:
        await redis.ping()
    except UNREACHABLE as exc:
        status.failed("at start-up", exc)
    else:
        log.info("Redis answers")


async def follow_versions(
    redis: Redis,
    on_change: Callable[[], Awaitable[None] | None],
    status: RedisStatus | None = None,
) -> None:
    """Call `on_change` whenever another instance announces a content change: at once,
    where `ContentService.follow_loads` would notice it within its interval."""
    status = status or RedisStatus()
    while True:
        try:
            async with redis.pubsub() as pubsub:
                await pubsub.subscribe(VERSION_CHANNEL)
                status.answered()
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        result = on_change()
                        if asyncio.iscoroutine(result):
                            await result
        except asyncio.CancelledError:
            raise
        except UNREACHABLE as exc:  # Redis away: try again; answers never depended on it
            status.failed("content change announcements", exc)
            await asyncio.sleep(RETRY_SECONDS)
