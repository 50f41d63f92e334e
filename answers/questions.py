"""Plain questions: find what is asked and about what, then answer with the same functions
the commands use."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Answer
from answers.cards import card_answer
from answers.lists import (
    cities_answer,
    event_topics_answer,
    events_list,
    moderators_answer,
    orgs_answer,
    speakers_answer,
    upcoming_answer,
    when_where_answer,
    works_answer,
)
from answers.resolve import MIN_COVERAGE, choose, resolve
from answers.understanding import SUBJECT_KINDS, Intent, parse_question
from db.kinds import EntityKind
from db.search import Hit, SearchIndex
from views.common import listening, no_answer, question_too_long
from views.keyboards import hits_keyboard
from views.search import no_answer_found, search_text

MAX_QUESTION = 500
RESULTS = 10
EVENT = EntityKind.EVENT


def _clear_winner(hits: list[Hit]) -> bool:
    """The first hit matched every word and a whole name; no other hit did both."""

    def full(h: Hit) -> bool:
        return h.coverage == 1.0 and h.whole_name and not h.fuzzy

    return full(hits[0]) and not any(full(h) for h in hits[1:])


async def question_answer(session: AsyncSession, text: str, today: date) -> Answer:
    """The answer to a plain message: a question, a name, or something to look up."""
    text = text.strip()
    if not text:
        return Answer(listening())
    if len(text) > MAX_QUESTION:
        return Answer(question_too_long(len(text), MAX_QUESTION))
    question = parse_question(text)
    intent = question.intent
    if intent is Intent.UPCOMING:
        return await upcoming_answer(session, today)
    subject: Hit | None = None
    if question.rest:
        found = await resolve(session, question.rest, SUBJECT_KINDS[intent])
        if found.choices:
            return choose(text, found.choices)
        subject = found.subject
    kind = subject.kind if subject else None
    subject_id = subject.id if subject else None
    event_id = subject_id if kind is EVENT else None

    if intent is Intent.WHEN_WHERE and event_id:
        return await when_where_answer(session, event_id, today)
    if intent is Intent.CITIES:
        return await cities_answer(session, subject_id, question.country)
    if intent in (Intent.ORGANIZERS, Intent.ORGANIZATIONS) and kind is not EntityKind.ORGANIZATION:
        return await orgs_answer(session, subject_id, question.country)
    if intent is Intent.TOPICS and event_id:
        return await event_topics_answer(session, event_id)
    if intent is Intent.MODERATORS:
        return await moderators_answer(session, event_id)
    if intent is Intent.WORKS:
        return await works_answer(session, event_id)
    if intent is Intent.SPEAKERS and event_id:
        return await speakers_answer(session, event_id)
    if intent is Intent.SPEAKERS and not question.rest:
        return await speakers_answer(session)
    if intent in (Intent.EVENTS_OF, Intent.WHEN_WHERE) and subject is None and not question.rest:
        return await events_list(session, 0)
    if intent is Intent.UNANSWERABLE:
        if subject is None:
            return Answer(no_answer())
        known = await card_answer(session, subject.kind, subject.id, today)
        return Answer(no_answer(known.text), known.markup)
    if subject is not None and (intent is not Intent.SEARCH or subject.coverage == 1.0):
        return await card_answer(session, subject.kind, subject.id, today)
    return await _looked_up(session, question.rest or text, text, today)


async def _looked_up(session: AsyncSession, query: str, text: str, today: date) -> Answer:
    """No subject and no list fits: the best card, a short list of hits, or nothing."""
    # Only hits that match most of the question: a stray word in a summary is no answer.
    found = [
        h
        for h in await SearchIndex(session).search(query, limit=RESULTS)
        if h.coverage >= MIN_COVERAGE and (h.coverage == 1.0 or not h.fuzzy)
    ]
    if found and (len(found) == 1 or _clear_winner(found)):
        return await card_answer(session, found[0].kind, found[0].id, today)
    if found:
        return Answer(search_text(text, found), hits_keyboard(found))
    return Answer(no_answer_found(text))
