"""Plain questions, unknown commands and messages that are not text."""

from __future__ import annotations

import re
from datetime import date
from html import escape

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Today
from bot.questions import Question, parse_question
from db import queries
from db.search import Hit, SearchIndex
from handlers.cards import card_answer
from handlers.events import events_list, upcoming_answer
from handlers.keyboards import cards, hits_keyboard
from handlers.lookup import choose
from handlers.organizations import orgs_answer
from handlers.people import moderators_answer, speakers_answer
from handlers.places import cities_answer
from handlers.presenters import (
    event_line,
    nothing_found,
    quote,
    search_text,
    source_line,
    status_text,
)
from handlers.replies import Answer, send
from handlers.topics import event_topics_answer, works_answer

MAX_QUESTION = 500
RESULTS = 10

# What each kind of question can be about, in order of preference.
SUBJECT_KINDS: dict[str, tuple[str, ...]] = {
    "when_where": ("event", "person"),
    "cities": ("event",),
    "organizers": ("event", "organization"),
    "organizations": ("event", "organization"),
    "topics": ("event", "person", "topic"),
    "speakers": ("event", "place", "organization", "topic"),
    "events_of": ("person", "organization", "place"),
    "person": ("person",),
    "works": ("event",),
    "moderators": ("event",),
    "unanswerable": ("event", "person", "organization", "place", "topic", "work"),
    "search": ("person", "organization", "event", "place", "topic", "work"),
}

KNOWN = (
    "Я знаю о событиях, спикерах, организациях и городах российско-казахстанского "
    "гражданского сотрудничества — см. /help."
)


async def when_where_answer(session: AsyncSession, event_id: str, today: date) -> Answer:
    details = await queries.event_details(session, event_id)
    if details is None:
        return Answer("Это событие не найдено. Откройте /events.")
    e = details.event
    lines = [f"📅 {event_line(e)}", f"ℹ️ {escape(status_text(e, today))}"]
    if e.date_note:
        lines.append(f"<i>{escape(e.date_note)}</i>")
    lines += ["", source_line(e)]
    return Answer("\n".join(lines), cards([("ev", e.id, "📅 Подробнее о событии")]))


def _clear_winner(hits: list[Hit]) -> bool:
    """The first hit matched every word and a whole name; no other hit did both."""

    def full(h: Hit) -> bool:
        return h.coverage == 1.0 and h.whole_name and not h.fuzzy

    return full(hits[0]) and not any(full(h) for h in hits[1:])


async def answer_question(
    session: AsyncSession, question: Question, text: str, today: date
) -> Answer:
    """Route a plain question to the answer it asks for; otherwise say what is known."""
    index = SearchIndex(session)
    intent = question.intent
    if intent == "upcoming":
        return await upcoming_answer(session, today)
    subject: Hit | None = None
    if question.rest:
        hits = await index.best(question.rest, kinds=SUBJECT_KINDS[intent])
        if hits and (len(hits) > 1 or hits[0].fuzzy):
            return choose(text, hits)
        if hits and hits[0].coverage >= 0.5:
            subject = hits[0]
    kind = subject.kind if subject else None
    subject_id = subject.id if subject else None

    if intent == "when_where" and kind == "event":
        return await when_where_answer(session, subject.id, today)  # type: ignore[union-attr]
    if intent == "cities":
        return await cities_answer(session, subject_id, question.country)
    if intent in ("organizers", "organizations") and kind != "organization":
        return await orgs_answer(session, subject_id, question.country)
    if intent == "topics" and kind == "event":
        return await event_topics_answer(session, subject.id)  # type: ignore[union-attr]
    if intent == "moderators":
        return await moderators_answer(session, subject_id if kind == "event" else None)
    if intent == "works":
        return await works_answer(session, subject_id if kind == "event" else None)
    if intent == "speakers" and kind == "event":
        return await speakers_answer(session, subject.id)  # type: ignore[union-attr]
    if intent == "speakers" and not question.rest:
        return await speakers_answer(session)
    if intent in ("events_of", "when_where") and subject is None and not question.rest:
        return await events_list(session, 0)
    if intent == "unanswerable":
        lead = "В материалах нет ответа на этот вопрос."
        if subject is None:
            return Answer(f"{lead} {KNOWN}")
        known = await card_answer(session, subject.kind, subject.id, today)
        return Answer(f"{lead} Вот что о нём известно:\n\n{known.text}", known.markup)
    if subject is not None and (intent != "search" or subject.coverage == 1.0):
        return await card_answer(session, subject.kind, subject.id, today)
    # Only hits that match most of the question: a stray word in a summary is no answer.
    found = [
        h
        for h in await index.search(question.rest or text, limit=RESULTS)
        if h.coverage >= 0.5 and (h.coverage == 1.0 or not h.fuzzy)
    ]
    if found and (len(found) == 1 or _clear_winner(found)):
        return await card_answer(session, found[0].kind, found[0].id, today)
    if found:
        return Answer(search_text(text, found), hits_keyboard(found))
    return Answer(f"{nothing_found(text, 'ответа')}\n\n{KNOWN}")


async def addressed_text(message: Message, bot: Bot) -> str | None:
    """In a group, the text of a message meant for the bot (mentioning it or replying to
    it) without the mention; None for the group's own talk. In a private chat, the text."""
    text = message.text or ""
    if message.chat.type not in ("group", "supergroup"):
        return text
    me = await bot.me()
    mention = f"@{me.username}" if me.username else None
    reply = message.reply_to_message
    if mention and mention.casefold() in text.casefold():
        return re.sub(re.escape(mention), " ", text, flags=re.I).strip()
    if reply is not None and reply.from_user is not None and reply.from_user.id == me.id:
        return text
    return None


def create_router() -> Router:
    router = Router(name="questions")

    @router.message(F.text.startswith("/"))
    async def unknown_command(message: Message, bot: Bot) -> None:
        command = (message.text or "").split()[0]
        name, _, addressee = command.partition("@")
        me = await bot.me()
        if addressee and addressee.casefold() != (me.username or "").casefold():
            return  # a command for another bot in the same group
        if message.chat.type in ("group", "supergroup") and not addressee:
            return  # in a group, an unknown bare command is most likely another bot's
        await message.answer(f"Не знаю команды {quote(name, 40)}. Список команд — /help.")

    @router.message(F.text)
    async def plain_text(message: Message, bot: Bot, session: AsyncSession, today: Today) -> None:
        text = await addressed_text(message, bot)
        if text is None:
            return  # talk in a group that is not for the bot
        text = text.strip()
        if not text:
            await message.answer(
                "Слушаю! Задайте вопрос, например: «Кто выступал на круглом "
                "столе?», или откройте /help."
            )
            return
        if len(text) > MAX_QUESTION:
            await message.answer(
                f"Слишком длинный вопрос ({len(text)} символов). Сформулируйте его короче — "
                f"до {MAX_QUESTION} символов."
            )
            return
        await send(message, await answer_question(session, parse_question(text), text, today()))

    @router.message()
    async def not_text(message: Message) -> None:
        if message.chat.type in ("group", "supergroup"):
            return  # photos and stickers in a group are not for the bot
        await message.answer(
            "Я понимаю только текстовые сообщения. Задайте вопрос словами или откройте /help."
        )

    @router.callback_query()
    async def unknown_button(callback: CallbackQuery) -> None:
        """A button from an old keyboard, or callback data nobody sent."""
        await callback.answer(
            "Эта кнопка устарела. Откройте /help или повторите запрос.", show_alert=True
        )

    return router
