"""Topics and works (projects, publications, documents): their cards and topics of an event."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from db import queries
from handlers.callbacks import Card
from handlers.keyboards import cards
from handlers.presenters import event_topics_text, topic_card, work_card, works_text
from handlers.replies import Answer, send_from_callback


async def topic_answer(session: AsyncSession, topic_id: str) -> Answer:
    found = await queries.topic_details(session, topic_id)
    if found is None:
        return Answer("Эта тема больше не найдена — возможно, материалы обновились.")
    topic, parts = found
    return Answer(
        topic_card(topic, parts),
        cards(("p", p.person_id, f"👤 {p.person.full_name}") for p in parts),
    )


async def event_topics_answer(session: AsyncSession, event_id: str) -> Answer:
    details = await queries.event_details(session, event_id)
    if details is None:
        return Answer("Это событие не найдено. Откройте /events.")
    topics = {t.id: t for p in details.participations for t in p.topics}
    return Answer(
        event_topics_text(details.event, details.participations),
        cards(("t", t.id, f"💬 {t.name}") for t in topics.values()),
    )


async def works_answer(session: AsyncSession, event_id: str | None = None) -> Answer:
    """Projects, publications and documents: of one event, or all of them."""
    if event_id is not None:
        details = await queries.event_details(session, event_id)
        if details is None:
            return Answer("Это событие не найдено. Откройте /events.")
        links = details.works
    else:
        links = await queries.event_works(session)
    return Answer(
        works_text(links), cards(("w", link.work_id, f"📘 {link.work.title}") for link in links)
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


def create_router() -> Router:
    router = Router(name="topics")

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

    return router
