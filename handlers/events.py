"""Events: the paged list, event cards, /event TEXT and /upcoming."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Today
from db import queries
from handlers.callbacks import Card, EventsPage, Menu
from handlers.keyboards import back_to_events, cards, events_page
from handlers.lookup import answer_about
from handlers.presenters import (
    event_card,
    event_line,
    events_page_text,
    source_line,
)
from handlers.replies import Answer, send, send_from_callback

PAGE_SIZE = 5


async def events_list(session: AsyncSession, page: int) -> Answer:
    events = await queries.all_events(session)
    if not events:
        return Answer("Событий пока нет: содержимое ещё не загружено.")
    pages = (len(events) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    shown = events[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    text = events_page_text(shown, page, pages, page * PAGE_SIZE)
    buttons = [(e.id, e.short_title or e.title) for e in shown]
    return Answer(text, events_page(buttons, page, pages))


async def event_answer(session: AsyncSession, event_id: str, today: date) -> Answer:
    details = await queries.event_details(session, event_id)
    if details is None:
        return Answer(
            "Это событие больше не найдено — возможно, материалы обновились. Откройте /events."
        )
    buttons = [("p", p.person_id, f"👤 {p.person.full_name}") for p in details.participations]
    buttons += [
        ("o", link.organization_id, f"🏛 {link.organization.name}")
        for link in details.organizations
        if link.role == "organizer"
    ]
    buttons += [
        ("ev", r.related_event_id, f"📅 {r.related.short_title or r.related.title}")
        for r in details.related
    ]
    return Answer(event_card(details, today), cards(buttons, extra=[back_to_events()]))


async def upcoming_answer(session: AsyncSession, today: date) -> Answer:
    events = await queries.all_events(session)
    upcoming = queries.upcoming_events(events, today)
    today_text = today.strftime("%d.%m.%Y")
    if upcoming:
        lines = [f"🗓 Предстоящие события (на {today_text}):", ""]
        lines += [f"• {event_line(e)}\n  {source_line(e)}" for e in upcoming]
        shown = upcoming
    else:
        announced = queries.announced_events(events)[:5]
        lines = [
            f"🗓 Предстоящих событий в материалах нет (на {today_text}).",
            "Все известные события уже прошли.",
        ]
        if announced:
            lines += [
                "",
                "Последние анонсированные события — их даты уже прошли, а прошли ли "
                "они, в источниках не сказано:",
                "",
            ]
            lines += [f"• {event_line(e)}\n  {source_line(e)}" for e in announced]
        shown = announced
    return Answer(
        "\n".join(lines), cards(("ev", e.id, f"📅 {e.short_title or e.title}") for e in shown)
    )


def create_router() -> Router:
    router = Router(name="events")

    @router.message(Command("events"))
    async def cmd_events(message: Message, session: AsyncSession) -> None:
        await send(message, await events_list(session, 0))

    @router.callback_query(Menu.filter(F.action == "events"))
    async def menu_events(callback: CallbackQuery, session: AsyncSession) -> None:
        await send_from_callback(callback, await events_list(session, 0))

    @router.callback_query(EventsPage.filter())
    async def page_events(
        callback: CallbackQuery, callback_data: EventsPage, session: AsyncSession
    ) -> None:
        await send_from_callback(
            callback, await events_list(session, callback_data.page), edit=True
        )

    @router.callback_query(Card.filter(F.kind == "ev"))
    async def open_event(
        callback: CallbackQuery, callback_data: Card, session: AsyncSession, today: Today
    ) -> None:
        await send_from_callback(callback, await event_answer(session, callback_data.id, today()))

    @router.message(Command("event"))
    async def cmd_event(
        message: Message, command: CommandObject, session: AsyncSession, today: Today
    ) -> None:
        async def card(session: AsyncSession, event_id: str) -> Answer:
            return await event_answer(session, event_id, today())

        await send(
            message,
            await answer_about(
                session, command.args, "event", card, lambda: events_list(session, 0)
            ),
        )

    @router.message(Command("upcoming"))
    async def cmd_upcoming(message: Message, session: AsyncSession, today: Today) -> None:
        await send(message, await upcoming_answer(session, today()))

    @router.callback_query(Menu.filter(F.action == "upcoming"))
    async def menu_upcoming(callback: CallbackQuery, session: AsyncSession, today: Today) -> None:
        await send_from_callback(callback, await upcoming_answer(session, today()))

    return router
