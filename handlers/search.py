"""Free text: /search TEXT, plain questions, topic and work cards, and everything unknown."""

from __future__ import annotations

from datetime import date
from html import escape

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Today
from bot.questions import Question, parse_question
from db import queries
from db.search import SearchIndex
from handlers.callbacks import Card
from handlers.events import event_answer, upcoming_answer
from handlers.keyboards import cards, hits_keyboard
from handlers.lookup import choose
from handlers.organizations import org_answer, orgs_answer
from handlers.people import person_answer, speakers_answer
from handlers.places import cities_answer, place_answer
from handlers.presenters import (
    event_line,
    nothing_found,
    search_text,
    source_line,
    status_text,
    topic_card,
    work_card,
)
from handlers.replies import Answer, send, send_from_callback

MAX_QUERY = 500
SEARCH_LIMIT = 10


async def search_answer(
    session: AsyncSession, text: str, index: SearchIndex | None = None
) -> Answer:
    index = index or SearchIndex(session)
    hits = await index.search(text, limit=SEARCH_LIMIT)
    return Answer(search_text(text, hits), hits_keyboard(hits))


async def topic_answer(session: AsyncSession, topic_id: str) -> Answer:
    found = await queries.topic_details(session, topic_id)
    if found is None:
        return Answer("Эта тема больше не найдена — возможно, материалы обновились.")
    topic, parts = found
    return Answer(
        topic_card(topic, parts),
        cards(("p", p.person_id, f"👤 {p.person.full_name}") for p in parts),
    )


async def work_answer(session: AsyncSession, work_id: str) -> Answer:
    found = await queries.work_details(session, work_id)
    if found is None:
        return Answer("Этот материал больше не найден — возможно, материалы обновились.")
    work, links, orgs = found
    return Answer(
        work_card(work, links, orgs),
        cards(
            ("ev", link.event_id, f"📅 {link.event.short_title or link.event.title}")
            for link in links
        ),
    )


async def when_where_answer(session: AsyncSession, event_id: str, today: date) -> Answer:
    details = await queries.event_details(session, event_id)
    if details is None:
        return Answer("Это событие не найдено. Откройте /events.")
    e = details.event
    text = "\n".join(
        [
            f"📅 {event_line(e)}",
            f"ℹ️ {escape(status_text(e, today))}",
            *([f"<i>{escape(e.date_note)}</i>"] if e.date_note else []),
            "",
            source_line(e),
        ]
    )
    return Answer(text, cards([("ev", e.id, "📅 Подробнее о событии")]))


async def answer_question(
    session: AsyncSession, question: Question, text: str, today: date
) -> Answer:
    """Route a plain question to the answer it asks for; fall back to search results."""
    index = SearchIndex(session)
    rest = question.rest

    async def best(kind: str) -> list:
        return await index.best(rest, kinds=[kind]) if rest else []

    events = await best("event")
    event_id = events[0].id if len(events) == 1 else None
    intent = question.intent

    if intent == "upcoming":
        return await upcoming_answer(session, today)
    if intent == "when_where":
        if event_id:
            return await when_where_answer(session, event_id, today)
        if events:
            return choose(text, events)
        return await upcoming_answer(session, today)
    if intent == "cities":
        if rest and not event_id and events:
            return choose(text, events)
        return await cities_answer(session, event_id, question.country)
    if intent in ("organizers", "organizations"):
        if rest and not event_id and events:
            return choose(text, events)
        return await orgs_answer(session, event_id, question.country)
    if intent == "speakers":
        if not rest:
            return await speakers_answer(session)
        # «на круглом столе» names an event, «из Екатеринбурга» a city, «ГАК» an organization.
        subjects = await index.best(rest, kinds=["event", "place", "organization"])
        if len(subjects) == 1:
            subject = subjects[0]
            if subject.kind == "event":
                return await speakers_answer(session, subject.id)
            opener = place_answer if subject.kind == "place" else org_answer
            return await opener(session, subject.id)
        if subjects:
            return choose(text, subjects)
    people = await best("person")
    if len(people) == 1:
        return await person_answer(session, people[0].id)
    if len(people) > 1:
        return choose(text, people)
    if intent == "search":
        for kind, opener in (("organization", org_answer), ("place", place_answer)):
            found = await best(kind)
            if len(found) == 1 and found[0].coverage == 1.0:
                return await opener(session, found[0].id)
        if event_id and events[0].coverage == 1.0:
            return await event_answer(session, event_id, today)
    # Only hits that match most of the question: a stray word in a summary is no answer.
    hits = [h for h in await index.search(rest or text, limit=SEARCH_LIMIT) if h.coverage >= 0.5]
    if hits:
        return Answer(search_text(text, hits), hits_keyboard(hits))
    return Answer(
        nothing_found(text, "ответа") + "\n\nЯ знаю о событиях, спикерах, организациях "
        "и городах российско-казахстанского гражданского сотрудничества — см. /help."
    )


def create_router() -> Router:
    router = Router(name="search")

    @router.message(Command("search"))
    async def cmd_search(message: Message, command: CommandObject, session: AsyncSession) -> None:
        text = (command.args or "").strip()
        if not text:
            await send(
                message, Answer("Напишите, что искать, например: <code>/search экология</code>.")
            )
            return
        await send(message, await search_answer(session, text[:MAX_QUERY]))

    @router.callback_query(Card.filter(F.kind == "t"))
    async def open_topic(
        callback: CallbackQuery, callback_data: Card, session: AsyncSession
    ) -> None:
        await send_from_callback(callback, await topic_answer(session, callback_data.id))

    @router.callback_query(Card.filter(F.kind == "w"))
    async def open_work(
        callback: CallbackQuery, callback_data: Card, session: AsyncSession
    ) -> None:
        await send_from_callback(callback, await work_answer(session, callback_data.id))

    @router.message(F.text.startswith("/"))
    async def unknown_command(message: Message) -> None:
        command = (message.text or "").split()[0][:40]
        await message.answer(f"Не знаю команды {escape(command)}. Список команд — /help.")

    @router.message(F.text)
    async def plain_text(message: Message, session: AsyncSession, today: Today) -> None:
        text = (message.text or "").strip()
        if len(text) > MAX_QUERY:
            await message.answer(
                f"Слишком длинный вопрос ({len(text)} символов). Сформулируйте "
                f"его короче — до {MAX_QUERY} символов."
            )
            return
        await send(message, await answer_question(session, parse_question(text), text, today()))

    @router.message()
    async def not_text(message: Message) -> None:
        await message.answer(
            "Я понимаю только текстовые сообщения. Задайте вопрос словами или откройте /help."
        )

    return router
