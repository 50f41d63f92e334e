"""Cities: /cities [EVENT] and city cards."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from db import queries
from db.models import Place
from handlers.callbacks import Card, Menu
from handlers.keyboards import cards
from handlers.lookup import answer_about
from handlers.presenters import cities_text, place_card
from handlers.replies import Answer, send, send_from_callback


async def cities_answer(
    session: AsyncSession, event_id: str | None = None, country: str | None = None
) -> Answer:
    event = None
    if event_id is not None:
        details = await queries.event_details(session, event_id)
        if details is None:
            return Answer("Это событие не найдено. Откройте /events.")
        event = details.event
        places: list[Place] = list(details.cities)
        if event.place is not None and event.place not in places:
            places.insert(0, event.place)
    else:
        places = []
        for link in await queries.event_cities(session):
            if link.place not in places:
                places.append(link.place)
        for e in await queries.all_events(session):
            if e.place is not None and e.place not in places:
                places.append(e.place)
        places.sort(key=lambda p: (p.country, p.name))
    if country is not None:
        places = [p for p in places if p.country == country]
    return Answer(
        cities_text(places, event, country), cards(("pl", p.id, f"🏙 {p.name}") for p in places)
    )


async def place_answer(session: AsyncSession, place_id: str) -> Answer:
    details = await queries.place_details(session, place_id)
    if details is None:
        return Answer("Этот город больше не найден — возможно, материалы обновились.")
    buttons = [
        ("ev", e.id, f"📅 {e.short_title or e.title}")
        for e in details.events_held + details.events_joined
    ]
    buttons += [("p", part.person_id, f"👤 {part.person.full_name}") for part in details.people]
    return Answer(place_card(details), cards(buttons))


def create_router() -> Router:
    router = Router(name="places")

    @router.message(Command("cities"))
    async def cmd_cities(message: Message, command: CommandObject, session: AsyncSession) -> None:
        await send(
            message,
            await answer_about(
                session, command.args, "event", cities_answer, lambda: cities_answer(session)
            ),
        )

    @router.callback_query(Menu.filter(F.action == "cities"))
    async def menu_cities(callback: CallbackQuery, session: AsyncSession) -> None:
        await send_from_callback(callback, await cities_answer(session))

    @router.callback_query(Card.filter(F.kind == "pl"))
    async def open_place(
        callback: CallbackQuery, callback_data: Card, session: AsyncSession
    ) -> None:
        await send_from_callback(callback, await place_answer(session, callback_data.id))

    return router
