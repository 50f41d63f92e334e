"""Surviving the Telegram API's bad moments, and stopping without losing work.

- Requests the bot makes are retried: after «429 Too Many Requests» once the time Telegram
  asks for has passed, after network errors and 5xx answers with growing pauses, a bounded
  number of times. (Long polling has its own endless retry with backoff in aiogram.) A
  request that sends a message is repeated only when it cannot have arrived (the connection
  was never made, or Telegram answered that it did not do it): one cut off after it was sent
  may have been delivered, and a message is never sent twice.
- On shutdown the updates being handled are finished, and the last handled update is
  confirmed to Telegram, so that a restart neither loses nor repeats it.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import TelegramObject, Update
from aiohttp import ClientConnectorError

log = logging.getLogger(__name__)


# Bot API methods that make a new message each time they are done (sendMessage, sendDocument,
# copyMessage, forwardMessage, …): the API names every one of them so. Any other method the
# bot uses reads, sets or edits something, and doing it twice leaves it as once.
_MAKES_A_MESSAGE = ("Send", "Copy", "Forward")


def safe_to_repeat(method: TelegramMethod[Any]) -> bool:
    """Doing `method` twice has the effect of doing it once."""
    return not type(method).__name__.startswith(_MAKES_A_MESSAGE)


def never_arrived(exc: BaseException) -> bool:
    """A request that failed with `exc` cannot have reached Telegram: the connection was
    never made (a 5xx or a 429 is Telegram saying it did not do it)."""
    if isinstance(exc, TelegramRetryAfter | TelegramServerError):
        return True
    return isinstance(exc, TelegramNetworkError) and isinstance(exc.__cause__, ClientConnectorError)


class RetryRequests(BaseRequestMiddleware):
    def __init__(
        self,
        tries: int = 5,
        base_delay: float = 0.5,
        max_delay: float = 30.0,
        max_retry_after: float = 60.0,
    ) -> None:
        self.tries = tries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_retry_after = max_retry_after

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if isinstance(method, GetUpdates):  # polling retries by itself
            return await make_request(bot, method)
        for attempt in range(1, self.tries + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt == self.tries or exc.retry_after > self.max_retry_after:
                    raise
                log.warning(
                    "%s: Telegram asks to wait %s s (try %d of %d)",
                    type(method).__name__,
                    exc.retry_after,
                    attempt,
                    self.tries,
                )
                await asyncio.sleep(exc.retry_after)
            except (TelegramNetworkError, TelegramServerError) as exc:
                if attempt == self.tries:
                    raise
                if not (safe_to_repeat(method) or never_arrived(exc)):
                    log.warning(
                        "%s may have arrived before it failed (%s): not repeated",
                        type(method).__name__,
                        exc,
                    )
                    raise
                delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
                delay *= 1 + random.random() / 4  # spread the retries of many requests
                log.warning(
                    "%s failed (%s); retrying in %.1f s (try %d of %d)",
                    type(method).__name__,
                    type(exc).__name__,
                    delay,
                    attempt,
                    self.tries,
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")


class InFlight(BaseMiddleware):
    """Counts the updates being handled and remembers the last one, for a clean shutdown."""

    def __init__(self) -> None:
        self.active = 0
        self.idle = asyncio.Event()
        self.idle.set()
        self.last_update_id: int | None = None

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            self.last_update_id = max(self.last_update_id or 0, event.update_id)
        self.active += 1
        self.idle.clear()
        try:
            return await handler(event, data)
        finally:
            self.active -= 1
            if self.active == 0:
                self.idle.set()

    async def drain(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self.idle.wait(), timeout)
        except TimeoutError:
            return False
        return True


def install_graceful_shutdown(
    dp: Dispatcher, in_flight: InFlight, timeout: float = 25.0, confirm: bool = True
) -> None:
    """Finish the updates being handled before stopping; when polling (`confirm`), tell
    Telegram which were handled (a webhook confirms each update by answering it)."""

    async def on_shutdown(bot: Bot) -> None:
        if not await in_flight.drain(timeout):
            log.warning("stopping with %d update(s) still being handled", in_flight.active)
        if confirm and in_flight.last_update_id is not None:
            try:  # confirm what was handled: a restart must not answer it again
                await bot.get_updates(offset=in_flight.last_update_id + 1, timeout=0, limit=1)
            except Exception:
                log.warning("could not confirm the last update to Telegram", exc_info=True)

    dp.shutdown.register(on_shutdown)
