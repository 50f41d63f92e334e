"""Events: /events (paged), /event TEXT, /upcoming and calendar files."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from answers.base import Today
from answers.calendar import calendar_answer, event_calendar_answer
from answers.commands import event_command
from answers.lists import events_list, upcoming_answer
from facts.edition import Edition
from handlers.replies import bot_username, send, send_from_callback
from views.callbacks import CalendarFile, EventsPage, Menu, MenuAction, UpcomingPage


def create_router() -> Router:
    router = Router(name="events")

    @router.message(Command("events"))
    async def cmd_events(message: Message, edition: Edition) -> None:
        await send(message, await events_list(edition))

    @router.callback_query(Menu.filter(F.action == MenuAction.EVENTS))
    async def menu_events(callback: CallbackQuery, edition: Edition) -> None:
        await send_from_callback(callback, await events_list(edition))

    @router.callback_query(EventsPage.filter())
    async def page_events(
        callback: CallbackQuery, callback_data: EventsPage, edition: Edition
    ) -> None:
        answer = await events_list(edition, callback_data.page)
        await send_from_callback(callback, answer, edit=True)

    @router.message(Command("event"))
    async def cmd_event(
        message: Message, command: CommandObject, edition: Edition, today: Today
    ) -> None:
        await send(message, await event_command(edition, command.args, today()))

    @router.message(Command("calendar"))
    async def cmd_calendar(message: Message, bot: Bot, edition: Edition, today: Today) -> None:
        await send(message, await calendar_answer(edition, today(), await bot_username(bot)))

    @router.callback_query(CalendarFile.filter())
    async def event_calendar(
        callback: CallbackQuery, callback_data: CalendarFile, bot: Bot, edition: Edition
    ) -> None:
        username = await bot_username(bot)
        answer = await event_calendar_answer(edition, callback_data.id, username)
        await send_from_callback(callback, answer)

    @router.message(Command("upcoming"))
    async def cmd_upcoming(message: Message, edition: Edition, today: Today) -> None:
        await send(message, await upcoming_answer(edition, today()))

    @router.callback_query(UpcomingPage.filter())
    async def page_upcoming(
        callback: CallbackQuery, callback_data: UpcomingPage, edition: Edition, today: Today
    ) -> None:
        answer = await upcoming_answer(edition, today(), callback_data.page)
        await send_from_callback(callback, answer, edit=True)

    @router.callback_query(Menu.filter(F.action == MenuAction.UPCOMING))
    async def menu_upcoming(callback: CallbackQuery, edition: Edition, today: Today) -> None:
        await send_from_callback(callback, await upcoming_answer(edition, today()))

    return router
