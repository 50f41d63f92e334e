"""The cooperation network: «🤝 Партнёры» under a card, and «🖼 Схема сети» under the list."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery

from answers.partners import partners_answer, picture_answer
from facts.edition import Edition
from handlers.replies import send_from_callback
from views.callbacks import Partners


def create_router() -> Router:
    router = Router(name="network")

    @router.callback_query(Partners.filter())
    async def partners(callback: CallbackQuery, callback_data: Partners, edition: Edition) -> None:
        kind, entity_id = callback_data.kind, callback_data.id
        if callback_data.picture:
            answer = await picture_answer(edition, kind, entity_id)
        else:
            answer = await partners_answer(edition, kind, entity_id)
        await send_from_callback(callback, answer)

    return router
