"""Subscriptions: /subscribe [TEXT], /subscriptions, /unsubscribe and their buttons."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message, User
from sqlalchemy.ext.asyncio import AsyncSession

from answers import subscriptions as answers
from facts.edition import Edition
from handlers.replies import send, send_from_callback
from users.languages import LanguagePreferences
from views.callbacks import SubscribeTo, SubscriptionsPage, Unsubscribe


def create_router() -> Router:
    router = Router(name="subscriptions")
    # A subscription is a user's: a message sent as a chat has none to keep it for.
    router.message.filter(F.from_user)

    @router.message(Command("subscribe"))
    async def cmd_subscribe(
        message: Message,
        command: CommandObject,
        event_from_user: User,
        session: AsyncSession,
        edition: Edition,
        languages: LanguagePreferences,
    ) -> None:
        answer = await answers.subscribe_answer(
            session, edition, languages, event_from_user.id, command.args
        )
        await send(message, answer)

    @router.callback_query(SubscribeTo.filter())
    async def subscribe_button(
        callback: CallbackQuery,
        callback_data: SubscribeTo,
        session: AsyncSession,
        edition: Edition,
        languages: LanguagePreferences,
    ) -> None:
        answer = await answers.subscribe_to(
            session,
            edition,
            languages,
            callback.from_user.id,
            callback_data.kind,
            callback_data.id,
        )
        await send_from_callback(callback, answer)

    @router.message(Command("subscriptions", "unsubscribe"))
    async def cmd_subscriptions(
        message: Message, event_from_user: User, session: AsyncSession, edition: Edition
    ) -> None:
        answer = await answers.subscriptions_answer(session, edition, event_from_user.id)
        await send(message, answer)

    @router.callback_query(SubscriptionsPage.filter())
    async def page_subscriptions(
        callback: CallbackQuery,
        callback_data: SubscriptionsPage,
        session: AsyncSession,
        edition: Edition,
    ) -> None:
        answer = await answers.subscriptions_answer(
            session, edition, callback.from_user.id, callback_data.page
        )
        await send_from_callback(callback, answer, edit=True)

    @router.callback_query(Unsubscribe.filter())
    async def unsubscribe_button(
        callback: CallbackQuery, callback_data: Unsubscribe, session: AsyncSession, edition: Edition
    ) -> None:
        answer = await answers.unsubscribe_answer(
            session, edition, callback.from_user.id, callback_data.id
        )
        await send_from_callback(callback, answer)

    return router
