"""Reviewing a draft in the chat: the buttons of each fact, and the admin's corrected text
while one is awaited. Only admins, only in a private chat."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, User
from sqlalchemy.ext.asyncio import AsyncSession

from answers import review
from drafting.review import Group
from handlers.filters import IsAdmin
from handlers.replies import send, send_from_callback
from loading.service import ContentService
from views.callbacks import ReviewStep


class ReviewEditing(StatesGroup):
    correction = State()  # the next text corrects the fact whose ✏️ was pressed


def create_router() -> Router:
    router = Router(name="review")
    router.message.filter(IsAdmin(), F.chat.type == "private")
    router.callback_query.filter(IsAdmin())

    @router.callback_query(ReviewStep.filter())
    async def step(
        callback: CallbackQuery,
        callback_data: ReviewStep,
        event_from_user: User,
        state: FSMContext,
        session: AsyncSession,
        content: ContentService,
    ) -> None:
        result = await review.step_answer(
            session,
            content,
            event_from_user.id,
            callback_data.review,
            callback_data.group,
            callback_data.index,
            callback_data.action,
        )
        if result.awaiting is not None:
            review_id, group, index = result.awaiting
            await state.set_state(ReviewEditing.correction)
            await state.update_data(review=review_id, group=group.value, index=index)
        elif await state.get_state() == ReviewEditing.correction.state:
            await state.set_state(None)  # another button: the correction asked for is let go
        await send_from_callback(callback, result.answer, edit=result.edit)

    @router.message(ReviewEditing.correction, Command("cancel"))
    async def cancel(message: Message, state: FSMContext) -> None:
        await state.set_state(None)
        await send(message, review.cancelled_answer())

    @router.message(ReviewEditing.correction, F.text, ~F.text.startswith("/"))
    async def correction(
        message: Message, event_from_user: User, state: FSMContext, session: AsyncSession
    ) -> None:
        data = await state.get_data()
        answer, done = await review.correction_answer(
            session,
            event_from_user.id,
            int(data.get("review", 0)),
            Group(data.get("group", Group.EVENT.value)),
            int(data.get("index", 0)),
            message.text or "",
        )
        if done:
            await state.set_state(None)
        await send(message, answer)

    return router
