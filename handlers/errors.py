"""Last resort: any exception in a handler is logged and the user gets a polite reply (while
the database does not answer: that the service is limited, and to an admin, why)."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import ErrorEvent

from answers.common import error_answer, is_outage
from handlers.filters import KnowsAdmins
from handlers.replies import ALERT_LIMIT

log = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="errors")

    @router.errors()
    async def on_error(event: ErrorEvent, settings: KnowsAdmins) -> bool:
        update = event.update
        user = getattr(update.event, "from_user", None)
        answer = error_answer(event.exception, settings.is_admin(user.id if user else None))
        if is_outage(event.exception):  # one line: it says all there is to say
            log.warning(
                "update %s: the database does not answer (%s)",
                update.update_id,
                type(event.exception).__name__,
            )
        else:
            log.error("update %s failed", update.update_id, exc_info=event.exception)
        sorry = answer.text
        try:
            if update.message is not None:
                await update.message.answer(sorry)
            elif update.callback_query is not None:
                await update.callback_query.answer(sorry[:ALERT_LIMIT], show_alert=True)
        except Exception:  # the reply itself may fail (e.g. the API is down): only log it
            log.exception("could not tell the user about the error in update %s", update.update_id)
        return True

    return router
