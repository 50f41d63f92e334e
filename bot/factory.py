"""Building the bot and the dispatcher with their services (database, content, clock) and
the middlewares that guard them (flood control, retries, graceful shutdown)."""

from __future__ import annotations

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from answers.base import Today
from answers.search import RecentQueries
from bot.clock import today_in
from bot.flood import FloodMiddleware
from bot.i18n import UserLanguageMiddleware, create_i18n
from bot.metrics import Metrics, RequestMetrics, UpdateMetrics
from bot.middlewares import DbSessionMiddleware, PublicSiteMiddleware, SeenUsersMiddleware
from bot.resilience import InFlight, RetryRequests, install_graceful_shutdown
from bot.settings import Settings
from bot.shared import RedisLanguages, RedisStatus
from bot.state import ExpiringMemoryStorage, SharedStorage
from drafting.worker import DraftWorker
from handlers import create_routers
from loading.service import ContentService
from users.languages import InProcess, LanguagePreferences
from users.seen import SeenUsers


def create_dispatcher(
    settings: Settings,
    session_maker: async_sessionmaker[AsyncSession],
    content: ContentService,
    today: Today | None = None,
    drafts: DraftWorker | None = None,
    metrics: Metrics | None = None,
    redis: Redis | None = None,
    redis_status: RedisStatus | None = None,
) -> Dispatcher:
    """With `redis`, per-chat state (follow-up questions) and flood control are shared by
    every instance, and kept in this process while it does not answer (`redis_status`)."""
    redis_status = redis_status or RedisStatus()
    # Several instances share Redis (README): a language chosen on one holds on all at once.
    remembered = RedisLanguages(redis, redis_status) if redis is not None else InProcess()
    preferences = LanguagePreferences(session_maker, remembered)
    seen_users = SeenUsers(session_maker)
    dp = Dispatcher(
        storage=SharedStorage(redis, redis_status)
        if redis is not None
        else ExpiringMemoryStorage(),
        redis_status=redis_status if redis is not None else None,
        languages=preferences,
        seen_users=seen_users,
        settings=settings,
        content=content,
        drafts=drafts or DraftWorker(),
        today=today or today_in(settings.timezone),
        recent_queries=RecentQueries(),
    )
    if metrics is not None:  # first: it times everything else
        dp.update.outer_middleware(UpdateMetrics(metrics))
    # Then: flood notices and errors are written in the user's language too.
    UserLanguageMiddleware(create_i18n(), preferences).setup(dp)
    if settings.public_url:
        dp.update.outer_middleware(PublicSiteMiddleware(settings.public_url))
    in_flight = InFlight()
    dp.update.outer_middleware(in_flight)
    install_graceful_shutdown(dp, in_flight, confirm=not settings.webhook_url)
    flood = FloodMiddleware(redis, redis_status)
    seen = SeenUsersMiddleware(seen_users)
    dp.shutdown.register(seen_users.write)  # those noted in the last seconds
    middleware = DbSessionMiddleware(session_maker)
    for observer in (dp.message, dp.callback_query, dp.inline_query):
        observer.outer_middleware(flood)  # first: a flood costs no database work
        observer.outer_middleware(seen)
        observer.middleware(middleware)
    dp.include_routers(*create_routers())
    return dp


def create_bot(
    token: str,
    settings: Settings,
    session: BaseSession | None = None,
    metrics: Metrics | None = None,
) -> Bot:
    """A bot that talks to Telegram (or TELEGRAM_API_URL) with retries, or through `session`."""
    if session is None:
        session = AiohttpSession()
        if metrics is not None:  # outermost: one count per request, whatever the retries
            session.middleware(RequestMetrics(metrics))
        session.middleware(RetryRequests())
        if settings.telegram_api_url:
            session.api = TelegramAPIServer.from_base(settings.telegram_api_url)
    return Bot(
        token=token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )
