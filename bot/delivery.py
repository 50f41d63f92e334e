"""Sending what the database says is owed — notices of new or changed events, reminders,
broadcasts — within Telegram's limits: about 30 messages a second overall (`SEND_RATE`), one a
second per chat, waiting out a 429. A delivery is claimed (committed) before it is sent, so a
restart resumes without sending anything twice; a user who blocked the bot or is gone is
dropped. Reminders are found by a loop over the events (`REMINDER_CHECK_SECONDS`), so nothing
is scheduled in memory and a restart loses nothing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiogram.utils.i18n import I18n
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from answers.notices import broadcast_report, notice
from bot.resilience import never_arrived
from db.failures import database_unreachable
from db.models import Delivery
from facts.edition import newest_edition
from users import subscriptions as subs
from users.languages import LanguagePreferences
from views.i18n import SOURCE

log = logging.getLogger(__name__)

# Claimed one at a time: a process killed while sending leaves at most one message in
# doubt (maybe sent, so never sent again); a claim costs one short transaction.
BATCH = 1
# A round gives the sending lock back this often (bot/shared.py lets it expire after 15 s).
ROUND_SECONDS = 10.0
MAX_ATTEMPTS = 3
GONE = ("chat not found", "user is deactivated", "bot was blocked", "peer_id_invalid")


@dataclass(slots=True)
class Round:
    more: bool = False  # stopped at its time limit with messages still owed
    sent: int = 0
    blocked: int = 0
    failed: int = 0


class Deliverer:
    def __init__(
        self,
        bot: Bot,
        session_maker: async_sessionmaker[AsyncSession],
        i18n: I18n,
        languages: LanguagePreferences,
        today: Callable[[], date],
        send_rate: float = 25.0,
        exclusive: Callable[[], AbstractAsyncContextManager[Any]] | None = None,
    ) -> None:
        self.bot = bot
        # Several instances: one sends at a time, so Telegram's limits hold for the bot as a
        # whole (each delivery is claimed in the database either way, so none goes twice).
        self._exclusive = exclusive or contextlib.nullcontext
        self._in_flight = False  # the current delivery's request has been started
        self._stopping = asyncio.Event()
        self.session_maker = session_maker
        self.i18n = i18n
        self.languages = languages
        self.today = today
        self.interval = 1.0 / send_rate
        self._last_overall = 0.0
        self._last_per_chat: OrderedDict[int, float] = OrderedDict()

    async def abandon_stale(self) -> None:
        """Deliveries that a stopped process (this one before a restart, or another
        instance) had claimed are not sent again: they may have been sent."""
        async with self.session_maker() as session, session.begin():
            abandoned = await subs.abandon_interrupted(session)
        if abandoned:
            log.warning("%d deliveries were interrupted by a stop and are not repeated", abandoned)

    def stop(self) -> None:
        """Finish the message being sent, then return from `run` (a graceful stop)."""
        self._stopping.set()

    async def run(self, poll_seconds: float, reminder_seconds: float) -> None:
        next_reminders = 0.0
        away = False  # the database did not answer the last round: said once, not each poll
        while not self._stopping.is_set():
            more = False
            try:
                async with self._exclusive():
                    await self.abandon_stale()
                    if time.monotonic() >= next_reminders:
                        await self.owe_reminders()
                        next_reminders = time.monotonic() + reminder_seconds
                    more = (await self.send_pending(ROUND_SECONDS)).more
                    await self.report_broadcasts()
                if away:
                    log.warning("delivery: the database answers again")
                    away = False
            except Exception as exc:  # the loop must outlive a bad round; the next one retries
                if not database_unreachable(exc):
                    log.exception("delivery round failed")
                elif not away:
                    log.warning("delivery waits: the database does not answer (%s)", exc)
                    away = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), 0.05 if more else poll_seconds)

    async def owe_reminders(self) -> int:
        async with self.session_maker() as session, session.begin():
            return await subs.owe_reminders(session, self.today())

    async def _pace(self, chat_id: int) -> None:
        now = time.monotonic()
        wait = max(
            self._last_overall + self.interval - now,
            self._last_per_chat.get(chat_id, 0.0) + 1.0 - now,
        )
        if wait > 0:
            await asyncio.sleep(wait)
        now = time.monotonic()
        self._last_overall = now
        self._last_per_chat[chat_id] = now
        self._last_per_chat.move_to_end(chat_id)
        while len(self._last_per_chat) > 10_000:
            self._last_per_chat.popitem(last=False)

    async def send_pending(self, seconds: float | None = None) -> Round:
        """Send what is owed, one claim at a time; with `seconds`, stop after about that
        long (the round's `more` then says whether anything is left)."""
        done = Round()
        began = time.monotonic()
        while not self._stopping.is_set():
            # Wait for the overall rate before claiming, not after: a process killed while
            # it waits has claimed nothing, so only a message in flight is ever in doubt.
            wait = self._last_overall + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            async with self.session_maker() as session, session.begin():
                batch = await subs.claim(session, BATCH)
            if not batch:
                return done
            for delivery in batch:
                self._in_flight = False
                try:
                    status = await self._deliver(delivery)
                except asyncio.CancelledError:
                    # Stopped: a message not yet handed to Telegram is owed again; one that
                    # was on its way is in doubt and stays claimed (never sent twice).
                    if not self._in_flight:
                        async with self.session_maker() as session, session.begin():
                            await subs.finish(session, delivery.id, subs.Status.PENDING)
                    raise
                async with self.session_maker() as session, session.begin():
                    if status is subs.Status.BLOCKED:
                        await subs.drop_user(session, delivery.user_id)
                    if status is subs.Status.PENDING and delivery.attempts >= MAX_ATTEMPTS:
                        status = subs.Status.FAILED
                    await subs.finish(session, delivery.id, status)
                done.sent += status is subs.Status.SENT
                done.blocked += status is subs.Status.BLOCKED
                done.failed += status is subs.Status.FAILED
            if seconds is not None and time.monotonic() - began > seconds:
                done.more = True
                return done
        return done

    async def _deliver(self, delivery: Delivery) -> subs.Status:
        language = await self.languages.get(delivery.user_id) or SOURCE.value
        with self.i18n.context(), self.i18n.use_locale(language):
            async with self.session_maker() as session:
                # Never an older version's: the event may have been loaded by another instance
                # a moment ago, and told as gone it would be given up.
                edition = await newest_edition(session)
                answer = await notice(session, edition, delivery, self.today())
        if answer is None:  # the event is gone or past: nothing to say any more
            return subs.Status.FAILED
        while True:
            await self._pace(delivery.user_id)
            try:
                self._in_flight = True
                await self.bot.send_message(
                    delivery.user_id, answer.text, reply_markup=answer.markup
                )
                return subs.Status.SENT
            except TelegramRetryAfter as exc:  # 429: wait as asked, then the same message
                self._in_flight = False  # refused, so not sent
                log.warning("429 while delivering; waiting %s s", exc.retry_after)
                await asyncio.sleep(exc.retry_after)
            except TelegramForbiddenError:
                return subs.Status.BLOCKED
            except TelegramBadRequest as exc:
                if any(words in str(exc).lower() for words in GONE):
                    return subs.Status.BLOCKED
                log.warning("delivery %s refused: %s", delivery.id, exc)
                return subs.Status.FAILED
            except (TelegramNetworkError, TelegramAPIError) as exc:
                if isinstance(exc, TelegramNetworkError) and not never_arrived(exc):
                    # Cut off after it was sent: maybe delivered, so never sent again.
                    log.warning("delivery %s in doubt, not sent again: %s", delivery.id, exc)
                    return subs.Status.FAILED
                log.warning("delivery %s not sent yet: %s", delivery.id, exc)
                return subs.Status.PENDING

    async def report_broadcasts(self) -> None:
        """Tell each admin how their broadcast went, once nothing of it is pending."""
        async with self.session_maker() as session, session.begin():
            for broadcast in await subs.unreported_broadcasts(session):
                counts = await subs.broadcast_counts(session, broadcast.id)
                if counts.get(subs.Status.PENDING, 0) or counts.get(subs.Status.SENDING, 0):
                    continue
                broadcast.status = "reported"
                language = await self.languages.get(broadcast.admin_id) or SOURCE.value
                with self.i18n.context(), self.i18n.use_locale(language):
                    text = broadcast_report(counts)
                try:
                    await self.bot.send_message(broadcast.admin_id, text)
                except TelegramAPIError as exc:
                    log.warning("could not report broadcast %s: %s", broadcast.id, exc)
