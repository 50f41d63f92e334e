"""Per-chat state (the last question a follow-up leans on, an admin's step in a review or a
pasted article): in Redis when several instances share it, else in this process. Either way
it expires after STATE_TTL_SECONDS untouched, and the process keeps at most MAX_CHATS chats,
so a hundred thousand users who each said one thing leave nothing behind.

With Redis, a Redis that stops answering is no reason to fail an update: the state is kept
in this process meanwhile (bot/shared.RedisStatus), and Redis is used again when it answers.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis

from bot.shared import UNREACHABLE, RedisStatus

STATE_TTL_SECONDS = 60 * 60  # follow-ups last 15 minutes; an admin's review step, an hour
MAX_CHATS = 5_000  # chats kept in the process; with Redis, only while it is away


@dataclass(slots=True)
class _Chat:
    expires: float
    state: str | None = None
    # Kept as JSON, as Redis keeps it: one string per chat holds far less than the dicts and
    # lists it stands for, and every reader gets a copy of its own.
    data: str = "{}"


class ExpiringMemoryStorage(BaseStorage):
    """aiogram's storage in this process, each chat forgotten `ttl` seconds after it was
    last touched, and the least recently touched first beyond `limit` chats."""

    def __init__(
        self,
        ttl: float = STATE_TTL_SECONDS,
        limit: int = MAX_CHATS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.limit = limit
        self.clock = clock
        self._chats: OrderedDict[StorageKey, _Chat] = OrderedDict()

    @property
    def size(self) -> int:
        """How many chats are kept (not `len`: aiogram takes an empty storage for none)."""
        return len(self._chats)

    def _live(self, key: StorageKey) -> _Chat | None:
        now = self.clock()
        while self._chats:  # the least recently touched first: stop at the first alive
            oldest_key, oldest = next(iter(self._chats.items()))
            if oldest.expires > now:
                break
            del self._chats[oldest_key]
        found = self._chats.get(key)
        if found is not None:
            found.expires = now + self.ttl
            self._chats.move_to_end(key)
        return found

    def _chat(self, key: StorageKey) -> _Chat:
        found = self._live(key)
        if found is None:
            found = self._chats[key] = _Chat(self.clock() + self.ttl)
            while len(self._chats) > self.limit:
                self._chats.popitem(last=False)
        return found

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        self._chat(key).state = state.state if isinstance(state, State) else state

    async def get_state(self, key: StorageKey) -> str | None:
        found = self._live(key)
        return found.state if found is not None else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        self._chat(key).data = json.dumps(dict(data), ensure_ascii=False, separators=(",", ":"))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        found = self._live(key)
        return json.loads(found.data) if found is not None else {}

    async def close(self) -> None:
        self._chats.clear()


class SharedStorage(BaseStorage):
    """Redis's storage (with the same expiry) while Redis answers; this process's meanwhile."""

    def __init__(self, redis: Redis, status: RedisStatus) -> None:
        self.redis = RedisStorage(redis, state_ttl=STATE_TTL_SECONDS, data_ttl=STATE_TTL_SECONDS)
        self.local = ExpiringMemoryStorage()
        self.status = status

    async def _use(self, what: str, *args: Any) -> Any:
        if self.status.usable():
            try:
                result = await getattr(self.redis, what)(*args)
            except UNREACHABLE as exc:
                self.status.failed("chat state", exc)
            else:
                self.status.answered()
                return result
        return await getattr(self.local, what)(*args)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self._use("set_state", key, state)

    async def get_state(self, key: StorageKey) -> str | None:
        return await self._use("get_state", key)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._use("set_data", key, data)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self._use("get_data", key)

    async def close(self) -> None:
        # The Redis client is shared (locks, announcements): whoever made it closes it.
        await self.local.close()
