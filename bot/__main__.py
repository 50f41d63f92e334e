"""Entry point: `python -m bot`. With BOT_TOKEN: long polling, or a webhook when WEBHOOK_URL
is set; a console chat without it."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING, Any

from bot import memory
from bot.log import setup_logging
from bot.settings import Settings, load_settings

if TYPE_CHECKING:
    from aiogram import Bot

log = logging.getLogger("bot")

DELIVERY_STOP_SECONDS = 10.0


async def run(settings: Settings) -> int:
    # Imported here so that a settings error is reported before the slow imports.
    from aiogram.exceptions import TelegramAPIError
    from sqlalchemy.exc import OperationalError

    from bot import shared
    from bot.clock import today_in
    from bot.factory import create_bot, create_dispatcher
    from bot.metrics import Metrics
    from bot.web import create_web_app, set_webhook, start_web
    from db.engine import create_engine, create_session_maker
    from db.migrations import SchemaBehind, prepare_schema
    from facts.edition import prepare
    from loading.files import ContentInvalid
    from loading.service import ContentService
    from loading.worker import ContentWorker

    try:
        engine = create_engine(settings.database_url)
    except OSError as exc:
        log.error("cannot create the database's folder (%s): set DATABASE_URL", exc)
        return 2
    redis = None
    worker = None
    try:
        delay = 1.0
        while True:
            try:
                await prepare_schema(engine)
                break
            except SchemaBehind as exc:
                log.error("cannot start: %s", exc)
                return 2
            except (OperationalError, OSError) as exc:
                where = engine.url.render_as_string(hide_password=True)
                reason = getattr(exc, "orig", None) or exc
                if engine.dialect.name == "sqlite":  # a file: waiting changes nothing
                    log.error(
                        "cannot open the database %s (%s): check that its folder exists and "
                        "is writable, or set DATABASE_URL",
                        where,
                        reason,
                    )
                    return 2
                # A server: it may be starting, or on its way back.
                log.warning(
                    "the database server %s does not answer (%s); trying again in %.0f s",
                    where,
                    str(reason).splitlines()[0] if str(reason) else type(reason).__name__,
                    delay,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
        session_maker = create_session_maker(engine)
        metrics = Metrics()
        redis = shared.connect(settings.redis_url) if settings.redis_url else None
        redis_status = shared.RedisStatus(lambda up: metrics.redis_up.set(1 if up else 0))
        if redis is not None:
            await shared.check_at_start(redis, redis_status)
        content = ContentService(
            settings.content_dir,
            session_maker,
            today_in(settings.timezone),
            prepare=prepare,
            after_warm=memory.settle,
            exclusive=shared.exclusive(redis, "content", shared.CHANGE_LOCK_SECONDS, redis_status)
            if redis is not None
            else None,
            announce=(lambda: shared.announce_version(redis)) if redis is not None else None,
        )
        try:
            await content.ensure_loaded()
        except ContentInvalid as exc:
            log.error(
                "cannot start: the content files are invalid and nothing is stored yet:\n%s", exc
            )
            return 2
        # Later changes are validated and stored in a process of their own, so that answers
        # never wait behind that work (the start-up load above had nobody to keep waiting).
        worker = ContentWorker(settings.database_url)
        content.use_worker(worker)
        dp = create_dispatcher(
            settings,
            session_maker,
            content,
            metrics=metrics,
            redis=redis,
            redis_status=redis_status,
        )
        if settings.token is None:
            from bot.console import run_console

            content.warm()
            watching = asyncio.create_task(content.follow_loads())
            try:
                await run_console(
                    dp,
                    settings,
                    lambda bot: create_deliverer(bot, dp, settings, session_maker, content, redis),
                )
            finally:
                watching.cancel()
            return 0
        bot = create_bot(settings.token, settings, metrics=metrics)
        async with bot:
            await wait_for_telegram(bot)
            if content.problem_at_start is not None:
                await tell_admins(bot, settings, content.problem_at_start)
            try:
                await register_commands(bot)
            except TelegramAPIError as exc:  # unreachable now: polling waits for it to return
                log.warning("could not register the command menu yet: %s", exc)
            deliverer = create_deliverer(bot, dp, settings, session_maker, content, redis)
            delivery = asyncio.create_task(
                deliverer.run(settings.delivery_poll_seconds, settings.reminder_check_seconds)
            )
            following = [asyncio.create_task(content.follow_loads())]
            if redis is not None:  # announced at once, not within the interval
                following.append(
                    asyncio.create_task(
                        shared.follow_versions(redis, content.changed_elsewhere, redis_status)
                    )
                )
            runner = None
            if settings.serves_web:
                app = create_web_app(dp, bot, settings, session_maker, metrics, redis)
                runner = await start_web(app, settings)
            # Once the first updates are being received: start-up is not slowed by it.
            content.warm(delay=2.0)
            try:
                if settings.webhook_url:
                    await set_webhook(bot, dp, settings)
                    log.info("receiving updates at %s", settings.webhook_path)
                    await stopped_by_signal()
                else:
                    log.info("polling for updates")
                    await dp.start_polling(bot, handle_signals=True)
            finally:
                for task in following:
                    task.cancel()
                await asyncio.gather(*following, return_exceptions=True)
                # The message being sent is finished (a few seconds at most), then the
                # sending stops; one not handed to Telegram yet stays owed.
                deliverer.stop()
                await asyncio.wait({delivery}, timeout=DELIVERY_STOP_SECONDS)
                delivery.cancel()
                if runner is not None:
                    await runner.cleanup()  # the dispatcher's shutdown: updates finish first
        return 0
    finally:
        if worker is not None:
            await asyncio.to_thread(worker.close)
        if redis is not None:
            await redis.aclose()
        await engine.dispose()


async def stopped_by_signal() -> None:
    """Wait for SIGTERM or SIGINT (webhook mode has no polling loop to catch them)."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping")


async def wait_for_telegram(bot: Bot) -> None:
    """At start-up, wait for the Bot API as polling does later: with growing pauses."""
    from aiogram.exceptions import TelegramNetworkError, TelegramServerError

    delay = 1.0
    while True:
        try:
            await bot.me()
            return
        except (TelegramNetworkError, TelegramServerError) as exc:
            log.warning("Telegram is not reachable (%s); trying again in %.0f s", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60.0)


def create_deliverer(
    bot: Bot, dp: Any, settings: Settings, session_maker: Any, content: Any, redis: Any
) -> Any:
    """Notices, reminders and broadcasts, sent beside the updates (see bot/delivery.py)."""
    from bot import shared
    from bot.delivery import Deliverer
    from bot.i18n import create_i18n

    return Deliverer(
        bot,
        session_maker,
        create_i18n(),
        dp["languages"],
        content.today,
        settings.send_rate,
        exclusive=shared.exclusive(
            redis, "sending", shared.SENDING_LOCK_SECONDS, dp["redis_status"]
        )
        if redis is not None
        else None,
    )


async def register_commands(bot: Bot) -> None:
    """The command menu in each interface language (Russian for everyone else)."""
    from bot.i18n import create_i18n
    from views.common import bot_commands
    from views.i18n import SOURCE, Language

    i18n = create_i18n()
    with i18n.context():
        for lang in Language:
            with i18n.use_locale(lang.value):
                commands = bot_commands()
            await bot.set_my_commands(
                commands, language_code=None if lang is SOURCE else lang.value
            )


async def tell_admins(bot: Bot, settings: Settings, problem: Exception) -> None:
    """Why the files found at start-up were not loaded, to every admin (best effort)."""
    from aiogram.exceptions import TelegramAPIError

    from views.admin import problem_at_start
    from views.html import split_message

    for admin_id in settings.admin_ids:
        try:
            for chunk in split_message(problem_at_start(problem)):  # type: ignore[arg-type]
                await bot.send_message(admin_id, chunk)
        except TelegramAPIError as exc:
            log.warning("could not tell admin %s about the content problem: %s", admin_id, exc)


def main() -> int:
    settings = load_settings()
    if settings is None:
        return 2
    setup_logging(settings)
    memory.limit_malloc_arenas()
    try:
        return asyncio.run(run(settings))
    except KeyboardInterrupt:
        return 0
    except Exception:  # logged through the redacting formatter: the token never shows
        log.exception("the bot stopped on an unexpected error")
        return 1


if __name__ == "__main__":
    sys.exit(main())
