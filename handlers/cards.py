"""Buttons that open a card, of any kind: «c:p:nurgazieva-banu»."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery

from answers.base import Today
from answers.cards import card_answer
from facts.edition import Edition
from handlers.replies import send_from_callback
from views.callbacks import Card


def create_router() -> Router:
    router = Router(name="cards")

    @router.callback_query(Card.filter())
    async def open_card(
        callback: CallbackQuery, callback_data: Card, edition: Edition, today: Today
    ) -> None:
        answer = await card_answer(edition, callback_data.kind, callback_data.id, today())
        await send_from_callback(callback, answer)

    return router
