"""Last resort: any exception in a handler is logged and the user gets a polite reply."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import ErrorEvent

log = logging.getLogger(__name__)

SORRY = "Извините, при ответе произошла ошибка. Попробуйте ещё раз чуть позже или откройте /help."


def create_router() -> Router:
    router = Router(name="errors")

    @router.errors()
    async def on_error(event: ErrorEvent) -> bool:
        update = event.update
        log.error("update %s failed", update.update_id, exc_info=event.exception)
        try:
            if update.message is not None:
                await update.message.answer(SORRY)
            elif update.callback_query is not None:
                await update.callback_query.answer(SORRY[:200], show_alert=True)
        except Exception:  # the reply itself may fail (e.g. the API is down): only log it
            log.exception("could not tell the user about the error in update %s", update.update_id)
        return True

    return router
