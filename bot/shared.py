"""What several instances of the bot share through Redis (REDIS_URL): per-chat state,
flood control, the locks that keep a content change and a round of sending to one instance
at a time, and the news that the content changed. Without Redis each of these stays in the
process (one instance)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from redis.asyncio import Redis

log = logging.getLogger(__name__)

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
    return Redis.from_url(url)


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


def exclusive(redis: Redis, name: str, seconds: int) -> Callable[[], Any]:
    """A factory of `async with` blocks that one instance at a time may be inside."""

    @contextlib.asynccontextmanager
    async def held() -> AsyncIterator[None]:
        async with redis.lock(f"{PREFIX}:lock:{name}", timeout=seconds, blocking_timeout=seconds):
            yield

    return held


async def announce_version(redis: Redis) -> None:
    """Tell the other instances that the content changed."""
    await redis.publish(VERSION_CHANNEL, b"changed")


async def follow_versions(redis: Redis, on_change: Callable[[], Awaitable[None] | None]) -> None:
    """Call `on_change` whenever another instance announces a content change: at once,
    where `ContentService.follow_loads` would notice it within its interval."""
    while True:
        try:
            async with redis.pubsub() as pubsub:
                await pubsub.subscribe(VERSION_CHANNEL)
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        result = on_change()
                        if asyncio.iscoroutine(result):
                            await result
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # Redis away: try again; answers never depended on it
            log.warning("not following content changes for now: %s", exc)
            await asyncio.sleep(5)
