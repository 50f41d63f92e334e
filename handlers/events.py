"""Events: /events (paged), /event TEXT, /upcoming and calendar files."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Today
from answers.calendar import calendar_answer, event_calendar_answer
from answers.commands import event_command
from answers.lists import events_list, upcoming_answer
from handlers.replies import bot_username, send, send_from_callback
from views.callbacks import CalendarFile, EventsPage, Menu, MenuAction, UpcomingPage


def create_router() -> Router:
    router = Router(name="events")

    @router.message(Command("events"))
    async def cmd_events(message: Message, session: AsyncSession) -> None:
        await send(message, await events_list(session))

    @router.callback_query(Menu.filter(F.action == MenuAction.EVENTS))
    async def menu_events(callback: CallbackQuery, session: AsyncSession) -> None:
        await send_from_callback(callback, await events_list(session))

    @router.callback_query(EventsPage.filter())
    async def page_events(
        callback: CallbackQuery, callback_data: EventsPage, session: AsyncSession
    ) -> None:
        answer = await events_list(session, callback_data.page)
        await send_from_callback(callback, answer, edit=True)

    @router.message(Command("event"))
    async def cmd_event(
        message: Message, command: CommandObject, session: AsyncSession, today: Today
    ) -> None:
        await send(message, await event_command(session, command.args, today()))

    @router.message(Command("calendar"))
    async def cmd_calendar(message: Message, bot: Bot, session: AsyncSession, today: Today) -> None:
        await send(message, await calendar_answer(session, today(), await bot_username(bot)))

    @router.callback_query(CalendarFile.filter())
    async def event_calendar(
        callback: CallbackQuery, callback_data: CalendarFile, bot: Bot, session: AsyncSession
    ) -> None:
        username = await bot_username(bot)
        answer = await event_calendar_answer(session, callback_data.id, username)
        await send_from_callback(callback, answer)

    @router.message(Command("upcoming"))
    async def cmd_upcoming(message: Message, session: AsyncSession, today: Today) -> None:
        await send(message, await upcoming_answer(session, today()))

    @router.callback_query(UpcomingPage.filter())
    async def page_upcoming(
        callback: CallbackQuery, callback_data: UpcomingPage, session: AsyncSession, today: Today
    ) -> None:
        answer = await upcoming_answer(session, today(), callback_data.page)
        await send_from_callback(callback, answer, edit=True)

    @router.callback_query(Menu.filter(F.action == MenuAction.UPCOMING))
    async def menu_upcoming(callback: CallbackQuery, session: AsyncSession, today: Today) -> None:
        await send_from_callback(callback, await upcoming_answer(session, today()))

    return router
