"""A burst of updates from many users at once, with one user flooding: everyone else gets
every answer, the flooder is limited. Figures are printed by scripts/benchmark.py."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime

from aiogram.methods import SendMessage
from aiogram.types import Chat, Message, Update, User

from bot.factory import create_bot, create_dispatcher
from tests.conftest import RecordingSession

QUESTIONS = [
    "Кто выступал на круглом столе?",
    "/speaker Нургазиевой",
    "/orgs",
    "ГАК",
    "Когда и где форум гражданских инициатив?",
    "/upcoming",
]
USERS = 40
FLOODER = 999
FLOOD = 60
LIMIT = 8


async def burst(settings, session_maker, content_service) -> tuple[dict[int, int], int]:
    session = RecordingSession()
    dp = create_dispatcher(
        settings.with_changes(rate_limit_messages=LIMIT), session_maker, content_service
    )
    bot = create_bot("1:load", settings, session=session)
    ids = itertools.count(1)

    def update(user_id: int, text: str) -> Update:
        n = next(ids)
        user = User(id=user_id, is_bot=False, first_name="U")
        message = Message(
            message_id=n,
            date=datetime.now(UTC),
            text=text,
            from_user=user,
            chat=Chat(id=user_id, type="private"),
        )
        return Update(update_id=n, message=message)

    updates = [update(u, q) for u in range(1, USERS + 1) for q in QUESTIONS[:3]]
    updates += [update(FLOODER, "/help") for _ in range(FLOOD)]
    updates.sort(key=lambda u: hash(u.update_id) % 7)  # interleave the flood with the rest
    await asyncio.gather(*(dp.feed_update(bot, u) for u in updates))
    answered: dict[int, int] = {}
    for method in session.requests:
        if isinstance(method, SendMessage):
            answered[int(method.chat_id)] = answered.get(int(method.chat_id), 0) + 1
    await bot.session.close()
    notices = sum(
        1
        for m in session.requests
        if isinstance(m, SendMessage) and "Слишком много запросов" in m.text
    )
    return answered, notices


async def test_burst_with_a_flooder(settings, session_maker, content_service) -> None:
    answered, notices = await burst(settings, session_maker, content_service)
    for user_id in range(1, USERS + 1):
        assert answered.get(user_id, 0) >= 3, user_id  # every question answered
    assert answered[FLOODER] == LIMIT + 1  # the limit, plus one notice
    assert notices == 1
