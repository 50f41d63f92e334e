"""The bot's own web server (aiohttp): the webhook Telegram posts updates to, checked by the
secret token; /healthz for the load balancer; /metrics for Prometheus; with PUBLIC_URL, the
public catalogue (handlers/web.py)."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from pydantic import ValidationError
from redis.asyncio import Redis
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import create_i18n
from bot.metrics import Metrics
from bot.settings import Settings
from bot.shared import UNREACHABLE, RedisStatus
from handlers.web import Catalogue
from loading.store import last_load
from users.subscriptions import pending_count

log = logging.getLogger(__name__)

HEALTH_TIMEOUT = 5.0  # seconds: a database that does not answer by then counts as down
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookHandler(SimpleRequestHandler):
    """aiogram's webhook handler, hardened against what anyone can post: a secret header of
    any bytes is compared as bytes (401 when wrong), and a body that is not one update is
    refused with 400, each without a traceback in the log."""

    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        if not self.secret_token:
            return True
        # aiohttp hands header bytes that are not ASCII over as surrogates.
        given = telegram_secret_token.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(given, self.secret_token.encode())

    async def handle(self, request: web.Request) -> web.Response:
        bot = await self.resolve_bot(request)
        if not self.verify_secret(request.headers.get(SECRET_HEADER, ""), bot):
            return web.Response(body="Unauthorized", status=401)
        try:
            update = Update.model_validate(json.loads(await request.read()), context={"bot": bot})
        except (ValueError, ValidationError) as exc:  # not JSON, not UTF-8, not an update
            log.warning("webhook: refused a body that is not an update (%s)", type(exc).__name__)
            return web.Response(body="Bad Request", status=400)
        task = asyncio.create_task(self._feed(bot, update))
        self._background_feed_update_tasks.add(task)
        task.add_done_callback(self._background_feed_update_tasks.discard)
        return web.json_response({})

    async def _feed(self, bot: Bot, update: Update) -> None:
        result: Any = await self.dispatcher.feed_update(bot, update, **self.data)
        if isinstance(result, TelegramMethod):
            await self.dispatcher.silent_call_request(bot=bot, result=result)


def create_web_app(
    dp: Dispatcher,
    bot: Bot,
    settings: Settings,
    session_maker: async_sessionmaker[AsyncSession],
    metrics: Metrics,
    redis: Redis | None = None,
) -> web.Application:
    app = web.Application()
    redis_status: RedisStatus | None = dp["redis_status"] if redis is not None else None

    async def redis_answers() -> bool:
        assert redis is not None and redis_status is not None
        try:
            await redis.ping()
        except UNREACHABLE as exc:
            redis_status.failed("health check", exc)
            return False
        redis_status.answered()
        return True

    async def healthz(request: web.Request) -> web.Response:
        """200 with the content version when the database answers («degraded» while Redis
        does not: answers still come, each instance keeps its own state); 503 when the
        database does not answer."""
        shared = {}
        if redis is not None:
            shared = {"redis": "ok" if await redis_answers() else "unreachable"}
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT), session_maker() as session:
                current = await last_load(session)
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            log.warning("health check: database unreachable: %s", exc)
            return web.json_response(
                {"status": "error", "database": "unreachable", **shared}, status=503
            )
        version = (
            {
                "id": current.id,
                "hash": current.content_hash[:12],
                "loaded_at": current.loaded_at.isoformat(timespec="seconds"),
            }
            if current is not None
            else None
        )
        status = "degraded" if shared.get("redis") == "unreachable" else "ok"
        return web.json_response(
            {"status": status, "database": "ok", **shared, "content_version": version}
        )

    async def metrics_page(request: web.Request) -> web.Response:
        if redis is not None:
            await redis_answers()  # bot_redis_up as of now
        try:
            async with session_maker() as session:
                metrics.queue.set(await pending_count(session))
        except (SQLAlchemyError, OSError):
            pass  # the other figures are still worth reading
        return web.Response(
            body=metrics.render(), headers={"Content-Type": "text/plain; version=0.0.4"}
        )

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    if settings.public_url:
        catalogue = Catalogue(session_maker, create_i18n(), settings.public_url, dp["today"], bot)
        catalogue.register(app)
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        WebhookHandler(dispatcher=dp, bot=bot, secret_token=secret).register(
            app, path=settings.webhook_path
        )
        setup_application(app, dp, bot=bot)
    return app


class _OneLineForMalformedRequests(logging.Filter):
    """aiohttp logs a traceback for each request its HTTP parser refuses (a NUL in a header,
    say); anyone can send those, so each becomes one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], HttpProcessingError):
            said = record.getMessage()
            record.msg, record.args = "%s: %s", (said, record.exc_info[1].message)
            record.exc_info = record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


async def start_web(app: web.Application, settings: Settings) -> web.AppRunner:
    server_log = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, _OneLineForMalformedRequests) for f in server_log.filters):
        server_log.addFilter(_OneLineForMalformedRequests())
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = settings.web_port or 8080
    await web.TCPSite(runner, settings.web_host, port).start()
    log.info("serving on %s:%d", settings.web_host, port)
    return runner


async def set_webhook(bot: Bot, dp: Dispatcher, settings: Settings) -> None:
    """Tell Telegram where to post updates, with the secret it must send back."""
    assert settings.webhook_url and settings.webhook_secret
    await bot.set_webhook(
        settings.webhook_url,
        secret_token=settings.webhook_secret.get_secret_value(),
        allowed_updates=dp.resolve_used_update_types(),
    )
