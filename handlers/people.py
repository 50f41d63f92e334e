"""People: /speakers [EVENT], /speaker NAME and person cards."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from db import queries
from handlers.callbacks import Card, Menu
from handlers.keyboards import cards
from handlers.lookup import answer_about
from handlers.presenters import person_card, speakers_text
from handlers.replies import Answer, send, send_from_callback


async def speakers_answer(session: AsyncSession, event_id: str | None = None) -> Answer:
    event = None
    if event_id is not None:
        details = await queries.event_details(session, event_id)
        if details is None:
            return Answer("Это событие не найдено. Откройте /events.")
        event = details.event
    parts = await queries.participations(session, event_id=event_id, roles=("speaker", "moderator"))
    if not parts and event is None:
        return Answer("Выступающих в материалах пока нет.")
    return Answer(
        speakers_text(parts, event),
        cards(("p", p.person_id, f"👤 {p.person.full_name}") for p in parts),
    )


async def moderators_answer(session: AsyncSession, event_id: str | None) -> Answer:
    """Who moderated; the sources often do not say, and then the answer says so."""
    parts = await queries.participations(session, event_id=event_id, roles=("moderator",))
    if parts:
        return Answer(
            speakers_text(parts, parts[0].event if event_id else None),
            cards(("p", p.person_id, f"👤 {p.person.full_name}") for p in parts),
        )
    speakers = await speakers_answer(session, event_id)
    return Answer(
        f"Модератор в источниках не указан. Известно, кто выступал:\n\n{speakers.text}",
        speakers.markup,
    )


async def person_answer(session: AsyncSession, person_id: str) -> Answer:
    person = await queries.get_person(session, person_id)
    if person is None:
        return Answer("Этот человек больше не найден — возможно, материалы обновились.")
    parts = await queries.participations(session, person_id=person_id)
    buttons = [("ev", p.event_id, f"📅 {p.event.short_title or p.event.title}") for p in parts]
    buttons += [
        ("o", pos.organization_id, f"🏛 {pos.organization.name}")
        for p in parts
        for pos in p.positions
        if pos.organization is not None
    ]
    return Answer(person_card(person.full_name, person.city, parts), cards(buttons))


SPEAKER_USAGE = (
    "Напишите имя после команды, например: <code>/speaker Нургазиева</code>. Список — /speakers."
)


def create_router() -> Router:
    router = Router(name="people")

    @router.message(Command("speakers"))
    async def cmd_speakers(message: Message, command: CommandObject, session: AsyncSession) -> None:
        await send(
            message,
            await answer_about(
                session, command.args, "event", speakers_answer, lambda: speakers_answer(session)
            ),
        )

    @router.callback_query(Menu.filter(F.action == "speakers"))
    async def menu_speakers(callback: CallbackQuery, session: AsyncSession) -> None:
        await send_from_callback(callback, await speakers_answer(session))

    @router.message(Command("speaker"))
    async def cmd_speaker(message: Message, command: CommandObject, session: AsyncSession) -> None:
        await send(
            message,
            await answer_about(session, command.args, "person", person_answer, SPEAKER_USAGE),
        )

    @router.callback_query(Card.filter(F.kind == "p"))
    async def open_person(
        callback: CallbackQuery, callback_data: Card, session: AsyncSession
    ) -> None:
        await send_from_callback(callback, await person_answer(session, callback_data.id))

    return router
