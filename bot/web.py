"""The bot's own web server (aiohttp): the webhook Telegram posts updates to, checked by the
secret token; /healthz for the load balancer; /metrics for Prometheus."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.metrics import Metrics
from bot.settings import Settings
from db.content_store import last_load
from db.subscriptions import pending_count

log = logging.getLogger(__name__)

HEALTH_TIMEOUT = 5.0  # seconds: a database that does not answer by then counts as down


def create_web_app(
    dp: Dispatcher,
    bot: Bot,
    settings: Settings,
    session_maker: async_sessionmaker[AsyncSession],
    metrics: Metrics,
) -> web.Application:
    app = web.Application()

    async def healthz(request: web.Request) -> web.Response:
        """200 with the content version when the database answers; 503 when it does not."""
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT), session_maker() as session:
                current = await last_load(session)
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            log.warning("health check: database unreachable: %s", exc)
            return web.json_response({"status": "error", "database": "unreachable"}, status=503)
        version = (
            {
                "id": current.id,
                "hash": current.content_hash[:12],
                "loaded_at": current.loaded_at.isoformat(timespec="seconds"),
            }
            if current is not None
            else None
        )
        return web.json_response({"status": "ok", "database": "ok", "content_version": version})

    async def metrics_page(request: web.Request) -> web.Response:
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
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(
            app, path=settings.webhook_path
        )
        setup_application(app, dp, bot=bot)
    return app


async def start_web(app: web.Application, settings: Settings) -> web.AppRunner:
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
