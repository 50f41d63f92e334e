"""Buttons anyone can forge (callback data is whatever a client sends) and taps a client can
repeat: each gets a polite answer, never the apology for an error, and stores nothing that
names a subject the bot does not know."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from db.models import Subscription
from tests.conftest import ADMIN_ID, Chatter, html_to_text

APOLOGY = "произошла ошибка"
HUGE = "9" * 20  # past any database's integer


def _texts(replies) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(html_to_text(r.text) for r in replies)


async def _press(chat: Chatter, data: str, user_id: int) -> str:
    """Everything the user is shown for one tap: messages, edits and the tap's own alert."""
    start = len(chat.session.requests)
    await chat.press(data, user_id=user_id)
    shown = [getattr(m, "text", None) for m in chat.session.requests[start:]]
    said = "\n".join(html_to_text(t) for t in shown if t)
    assert said, f"nothing shown for {data}"
    return said


async def _subscriptions(session_maker, user_id: int) -> int:  # type: ignore[no-untyped-def]
    async with session_maker() as session:
        return await session.scalar(
            select(func.count()).select_from(Subscription).where(Subscription.user_id == user_id)
        )


async def test_forged_ids_past_the_database_integer_are_answered_politely(
    chat: Chatter, content_service
) -> None:
    for data, user in [
        (f"uns:{HUGE}", 501),
        (f"uns:-{HUGE}", 501),
        (f"bc:{HUGE}:1", ADMIN_ID),
        (f"rb:{HUGE}", ADMIN_ID),
        (f"rv:{HUGE}:p:{HUGE}:ok", ADMIN_ID),
        (f"evp:{HUGE}", 501),
        (f"lp:orgs:{HUGE}:", 501),
    ]:
        assert APOLOGY not in await _press(chat, data, user), data


async def test_a_double_tap_on_all_events_by_a_new_user_subscribes_once(
    chat: Chatter, content_service, session_maker
) -> None:
    both = await asyncio.gather(_press(chat, "sub:all:", 502), _press(chat, "sub:all:", 502))
    assert APOLOGY not in "".join(both)
    assert await _subscriptions(session_maker, 502) == 1


async def test_subscribing_to_what_does_not_exist_stores_nothing(
    chat: Chatter, content_service, session_maker
) -> None:
    for data in ["sub:o:no-such-organization", "sub:p:", "sub:x:ghak", "sub:e:some-event"]:
        assert APOLOGY not in await _press(chat, data, 503), data
    reply = await chat.ask("/subscribe Несуществующая организация Зеты", user_id=503)
    assert APOLOGY not in reply
    assert await _subscriptions(session_maker, 503) == 0


async def test_one_user_cannot_store_subscriptions_without_end(
    chat: Chatter, content_service, session_maker
) -> None:
    from facts.edition import current_edition

    async with session_maker() as session:
        facts = (await current_edition(session)).facts
        subjects = [("p", i) for i in facts.people] + [("o", i) for i in facts.organizations]
        subjects += [("pl", i) for i in facts.places]
    for code, entity_id in subjects:
        await chat.press(f"sub:{code}:{entity_id}", user_id=504)
    stored = await _subscriptions(session_maker, 504)
    from users.subscriptions import MAX_SUBSCRIPTIONS

    assert stored == min(len(subjects), MAX_SUBSCRIPTIONS)


async def test_many_subscriptions_are_listed_a_page_at_a_time(
    chat: Chatter, content_service, session_maker
) -> None:
    from users.subscriptions import MAX_SUBSCRIPTIONS, SubjectKind, subscribe

    async with session_maker() as session:
        for n in range(MAX_SUBSCRIPTIONS):
            await subscribe(session, 505, SubjectKind.TOPIC, f"topic-{n}")
        await session.commit()
    [first] = await chat.say("/subscriptions", user_id=505)
    assert len(first.buttons) <= 13  # ten subscriptions, «more», «all»
    assert len(first.text) < 4096
    pages = [first]
    while more := [data for text, data in first.buttons if "▶" in text]:
        [first] = await chat.press(more[0], user_id=505)
        assert first.edited and len(first.buttons) <= 14
        pages.append(first)
    cancels = {data for page in pages for text, data in page.buttons if data != "uns:0"}
    cancels = {data for data in cancels if data.startswith("uns:")}
    assert len(pages) == 5 and len(cancels) == MAX_SUBSCRIPTIONS


async def test_a_rollback_to_a_number_past_any_version_is_answered(
    chat: Chatter, content_service
) -> None:
    reply = await chat.ask(f"/rollback {HUGE}", user_id=ADMIN_ID)
    assert APOLOGY not in reply and "верси" in reply


async def test_a_list_of_one_country_with_none_never_says_there_are_none_at_all(
    chat: Chatter, content_service
) -> None:
    orgs = await _press(chat, "lp:orgs:0:CN", 506)
    assert "нет организаций из страны" in orgs and "пока нет" not in orgs
    speakers = await _press(chat, "lp:speakers:0:CN", 506)
    assert "нет выступавших из страны" in speakers and "пока нет" not in speakers
    forged = await _press(chat, "lp:orgs:0:ZZZZZZZZ", 506)
    assert "устарела" in forged


async def test_messages_sent_as_a_chat_with_no_user_never_get_the_apology(
    chat: Chatter, content_service
) -> None:
    """A message with no sender (sent on behalf of a chat) reaches filters and handlers that
    ask who sent it: admin commands are refused, a subscription is not kept for nobody, and
    everything else is answered as usual."""
    from datetime import datetime

    from aiogram.types import Chat, Message, Update

    group = Chat(id=-100, type="supergroup")
    said: dict[str, str] = {}
    for n, text in enumerate(["/reload", "/stats", "/subscribe ГАК", "/subscriptions", "/events"]):
        start = len(chat.session.requests)
        message = Message(
            message_id=n + 1, date=datetime.now(), chat=group, sender_chat=group, text=text
        )
        await chat.dp.feed_update(chat.bot, Update(update_id=900 + n, message=message))
        shown = [getattr(m, "text", None) for m in chat.session.requests[start:]]
        said[text] = "\n".join(html_to_text(t) for t in shown if t)
    assert not any(APOLOGY in text for text in said.values()), said
    assert all("только администраторам" in said[command] for command in ("/reload", "/stats"))
    assert "События" in said["/events"]
    async with content_service.session_maker() as session:
        assert await session.scalar(select(func.count()).select_from(Subscription)) == 0
