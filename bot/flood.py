"""Flood control: a per-user sliding-window limit on messages and button presses.

A user over the limit is told once how long to wait; further updates in the same window are
dropped without an answer. The check is a dictionary look-up and a short list: it never waits,
so a flood from one user does not slow down anyone else. The limits and the admins are read
from the settings aiogram passes with each update, so a change there applies at once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject
from redis.asyncio import Redis

from bot.settings import Settings
from bot.shared import UNREACHABLE, RedisStatus, SharedRateLimiter
from views.common import flood_notice

MAX_TRACKED_USERS = 5_000  # a hard cap (memory per user): idle users go long before


class RateLimiter:
    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        # A short list per user: a deque would take 600 bytes even when it holds one time.
        self._hits: OrderedDict[int, list[float]] = OrderedDict()
        self._warned: dict[int, float] = {}  # user → end of the window they were warned in

    def check(self, user_id: int) -> tuple[bool, float]:
        """(allowed, seconds to wait). Records the attempt when allowed."""
        now = self.clock()
        hits = self._hits.get(user_id)
        if hits is None:
            hits = self._hits[user_id] = []
            if len(self._hits) > MAX_TRACKED_USERS:
                old, _ = self._hits.popitem(last=False)
                self._warned.pop(old, None)
        self._hits.move_to_end(user_id)
        self._forget_idle(now)
        gone = 0
        while gone < len(hits) and hits[gone] <= now - self.window:
            gone += 1
        del hits[:gone]
        if len(hits) < self.limit:
            hits.append(now)
            self._warned.pop(user_id, None)
            return True, 0.0
        return False, hits[0] + self.window - now

    def _forget_idle(self, now: float) -> None:
        """Drop users whose last attempt left the window: least recently seen come first."""
        for _ in range(8):  # a few per call keeps each check cheap
            oldest = next(iter(self._hits), None)
            if oldest is None:
                return
            hits = self._hits[oldest]
            if hits and hits[-1] > now - self.window:
                return
            if not hits and len(self._hits) == 1:
                return
            self._hits.pop(oldest)
            self._warned.pop(oldest, None)

    def first_refusal(self, user_id: int, wait: float) -> bool:
        """True the first time a user is refused in a window: only then are they told."""
        now = self.clock()
        if self._warned.get(user_id, 0.0) > now:
            return False
        self._warned[user_id] = now + wait
        return True


class FloodMiddleware(BaseMiddleware):
    """With `redis` the counts are shared by every instance (bot/shared.py), and kept in
    this process while Redis does not answer."""

    def __init__(self, redis: Redis | None = None, status: RedisStatus | None = None) -> None:
        self._limiter: RateLimiter | None = None
        self.redis = redis
        self.status = status or RedisStatus()
        self._shared: SharedRateLimiter | None = None

    async def _check(self, settings: Settings, user_id: int) -> tuple[bool, float, bool]:
        """(allowed, seconds to wait, whether to tell the user)."""
        if self.redis is not None and self.status.usable():
            limits = (settings.rate_limit_messages, settings.rate_limit_seconds)
            if self._shared is None or (self._shared.limit, self._shared.window) != limits:
                self._shared = SharedRateLimiter(self.redis, *limits)
            try:
                counted = await self._shared.check(user_id)
            except UNREACHABLE as exc:  # counted in this process meanwhile
                self.status.failed("flood control", exc)
            else:
                self.status.answered()
                return counted
        limiter = self.limiter(settings)
        allowed, wait = limiter.check(user_id)
        return allowed, wait, not allowed and limiter.first_refusal(user_id, wait)

    def limiter(self, settings: Settings) -> RateLimiter:
        """The limiter for the current limits (a new one when they changed)."""
        limits = (settings.rate_limit_messages, settings.rate_limit_seconds)
        if self._limiter is None or (self._limiter.limit, self._limiter.window) != limits:
            self._limiter = RateLimiter(*limits)
        return self._limiter

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        settings: Settings = data["settings"]
        user = data.get("event_from_user")
        if settings.rate_limit_messages <= 0 or user is None or settings.is_admin(user.id):
            return await handler(event, data)
        allowed, wait, tell = await self._check(settings, user.id)
        if allowed:
            return await handler(event, data)
        if tell:
            notice = flood_notice(wait)
            if isinstance(event, Message):
                await event.answer(notice)
            elif isinstance(event, CallbackQuery):
                await event.answer(notice, show_alert=True)
            elif isinstance(event, InlineQuery):
                # Personal and uncached: Telegram must not serve this empty page to others.
                await event.answer([], cache_time=0, is_personal=True)
        return None
