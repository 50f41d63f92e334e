"""Prometheus metrics of one bot process: updates handled and how long they took, errors,
requests sent to the Bot API, and the queue of notices waiting to be sent.

Each process has its own registry (tests build several dispatchers in one process); /metrics
on the bot's web server exposes it.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject, Update
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "bot_updates_total", "Updates handled, by kind.", ["kind"], registry=self.registry
        )
        self.latency = Histogram(
            "bot_update_seconds",
            "Time from receiving an update to finishing its answer.",
            ["kind"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "bot_update_errors_total", "Updates whose handler raised.", registry=self.registry
        )
        self.sends = Counter(
            "bot_api_requests_total",
            "Requests to the Bot API, by method and outcome (ok or error).",
            ["method", "outcome"],
            registry=self.registry,
        )
        self.queue = Gauge(
            "bot_delivery_queue",
            "Notices, reminders and broadcast messages waiting to be sent.",
            registry=self.registry,
        )

        self.redis_up = Gauge(
            "bot_redis_up",
            "1 while Redis answers; 0 while shared state falls back to this process.",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)


def update_kind(update: Update) -> str:
    return update.event_type or "unknown"


class UpdateMetrics:
    """Outer middleware on `dp.update`: counts every update, times it, counts failures."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        kind = update_kind(event) if isinstance(event, Update) else "unknown"
        started = time.perf_counter()
        try:
            return await handler(event, data)
        except Exception:
            self.metrics.errors.inc()
            raise
        finally:
            self.metrics.updates.labels(kind).inc()
            self.metrics.latency.labels(kind).observe(time.perf_counter() - started)


class RequestMetrics(BaseRequestMiddleware):
    """Bot session middleware: counts each Bot API request by method and outcome."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        name = type(method).__name__
        if name == "GetUpdates":  # a long poll is not a send
            return await make_request(bot, method)
        try:
            response = await make_request(bot, method)
        except Exception:
            self.metrics.sends.labels(name, "error").inc()
            raise
        self.metrics.sends.labels(name, "ok").inc()
        return response
