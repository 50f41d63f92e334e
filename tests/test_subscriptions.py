"""Subscriptions, notices, reminders, broadcasts, calendar files and deep links: a subscriber is
told once when a load adds a matching upcoming event (also across a restart), reminders come
a week and a day before, a 429 is waited out without losing or doubling, a user who blocked
the bot is dropped, and calendar files parse back with the right fields."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import SendMessage, TelegramMethod
from icalendar import Calendar

from bot.delivery import Deliverer
from bot.factory import create_bot
from bot.i18n import create_i18n
from loading.service import ContentService
from tests.conftest import ADMIN_ID, USER_ID, Chatter, RecordingSession
from users.languages import LanguagePreferences

TODAY = date(2026, 11, 23)
SOON = TODAY + timedelta(days=20)

FUTURE_EVENT = f"""events:
  - id: future-forum
    kind: forum
    status: announced
    title: Форум некоммерческих организаций приграничья
    date: {{year: {SOON.year}, month: {SOON.month}, day: {SOON.day}}}
    place: novosibirsk
    source: article-round-table-2021
    organizations:
      - {{organization: civil-alliance-kz, role: organizer}}
"""


class FlakySession(RecordingSession):
    """The Bot API as a subscriber's chat behaves: it may be blocked, or answer 429 once."""

    def __init__(self, blocked: set[int] = frozenset(), busy_once: bool = False) -> None:
        super().__init__()
        self.blocked = set(blocked)
        self.busy_once = busy_once

    async def make_request(self, bot, method: TelegramMethod[Any], timeout=None) -> Any:  # type: ignore[no-untyped-def]
        if isinstance(method, SendMessage):
            if method.chat_id in self.blocked:
                raise TelegramForbiddenError(method, "Forbidden: bot was blocked by the user")
            if self.busy_once:
                self.busy_once = False
                raise TelegramRetryAfter(method, "Too Many Requests", retry_after=1)
        return await super().make_request(bot, method, timeout)

    def texts_to(self, chat_id: int) -> list[str]:
        return [
            m.text for m in self.requests if isinstance(m, SendMessage) and m.chat_id == chat_id
        ]


def deliverer(settings, session_maker, session: RecordingSession, today: date = TODAY) -> Deliverer:
    bot = create_bot("123:test", settings, session=session)
    languages = LanguagePreferences(session_maker)
    return Deliverer(bot, session_maker, create_i18n(), languages, lambda: today, 30)


async def add_future_event(content_dir: Path, session_maker) -> ContentService:
    (content_dir / "future.yaml").write_text(FUTURE_EVENT, encoding="utf-8")
    service = ContentService(content_dir, session_maker, lambda: TODAY)
    await service.reload()
    return service


async def test_subscribe_list_and_unsubscribe(chat: Chatter) -> None:
    [menu] = await chat.say("/subscribe")
    [(label, data)] = menu.buttons
    assert "Все события" in label
    assert "Подписка оформлена" in "".join(r.text for r in await chat.press(data))
    assert "Вы уже подписаны" in "".join(r.text for r in await chat.press(data))
    assert "Гражданский альянс Казахстана" in await chat.ask("/subscribe ГАК")
    [listing] = await chat.say("/subscriptions")
    assert "все события" in listing.text and len(listing.buttons) == 3  # two and «all of them»
    assert "Подписка отменена (2)" in "".join(
        r.text for r in await chat.press(listing.buttons[-1][1])
    )
    assert "Подписок нет" in await chat.ask("/subscriptions")


async def test_card_buttons_share_subscribe_and_deep_link(chat: Chatter) -> None:
    [card] = await chat.say("/org ГАК")
    share = next(b for row in card.markup.inline_keyboard for b in row if b.switch_inline_query)
    assert share.switch_inline_query == "o:civil-alliance-kz"
    subscribe = next(data for label, data in card.buttons if "Подписаться" in label)
    assert "Гражданский альянс" in "".join(r.text for r in await chat.press(subscribe))
    [linked] = await chat.say("/start p_nurgazieva-banu")
    assert "Бану Нургазиева" in linked.text
    [polite] = await chat.say("/start p_no-such-person")
    assert "больше нет в материалах" in polite.text
    [unknown] = await chat.say("/start zz_garbage")
    assert "ссылка ведёт" in unknown.text and unknown.buttons  # the menu


async def test_inline_share_of_one_card_opens_in_the_bot(session_maker, content_service) -> None:
    from answers.inline import inline_results
    from facts.edition import current_edition

    async with session_maker() as session:
        edition = await current_edition(session)
        [result] = await inline_results(edition, "p:nurgazieva-banu", TODAY, "civic_bridge_bot")
    assert result.title.startswith("👤 Бану Нургазиева")
    [[button]] = result.reply_markup.inline_keyboard
    assert button.url == "https://t.me/civic_bridge_bot?start=p_nurgazieva-banu"


async def test_a_load_adding_a_matching_event_notifies_once_across_restarts(
    chat: Chatter, settings, session_maker, content_dir: Path
) -> None:
    await chat.say("/subscribe ГАК")
    await chat.say("/subscribe Томск", user_id=ADMIN_ID)  # not concerned by the new event
    service = await add_future_event(content_dir, session_maker)

    session = FlakySession()
    first = await deliverer(settings, session_maker, session).send_pending()
    assert first.sent == 1
    [notice] = session.texts_to(USER_ID)
    assert "Новое событие" in notice and "Форум некоммерческих организаций" in notice
    assert session.texts_to(ADMIN_ID) == []

    await service.reload()  # the same facts again: nothing new to say
    restarted = deliverer(settings, session_maker, session)
    await restarted.abandon_stale()
    assert (await restarted.send_pending()).sent == 0
    assert len(session.texts_to(USER_ID)) == 1

    # A change of the event is told, once.
    future = content_dir / "future.yaml"
    future.write_text(FUTURE_EVENT.replace("format", "") + "    format: online\n", "utf-8")
    await service.reload()
    await restarted.send_pending()
    await deliverer(settings, session_maker, session).send_pending()
    assert [t for t in session.texts_to(USER_ID) if "Изменилось" in t] != []
    assert len(session.texts_to(USER_ID)) == 2


async def test_a_notice_of_an_event_another_instance_loaded_is_sent(
    chat: Chatter, settings, session_maker, content_dir: Path, monkeypatch
) -> None:
    """The load happens elsewhere: this process still answers from the version before (its
    new edition is on its way), yet the notice of the new event is sent, not given up."""
    import facts.edition
    from loading.store import committed_here

    await chat.say("/subscribe ГАК")
    elsewhere = committed_here()
    monkeypatch.setattr(facts.edition, "committed_here", lambda: elsewhere)
    await add_future_event(content_dir, session_maker)
    session = FlakySession()
    assert (await deliverer(settings, session_maker, session).send_pending()).sent == 1
    [told] = session.texts_to(USER_ID)
    assert "Форум некоммерческих организаций приграничья" in told


async def test_owed_notices_survive_a_stop_before_sending(
    chat: Chatter, settings, session_maker, content_dir: Path
) -> None:
    await chat.press("sub:all:")
    await add_future_event(content_dir, session_maker)  # owed, not sent: the bot «stops»
    session = FlakySession()
    after_restart = deliverer(settings, session_maker, session)
    await after_restart.abandon_stale()
    await after_restart.send_pending()
    assert len(session.texts_to(USER_ID)) == 1


async def test_reminders_a_week_and_a_day_before(
    chat: Chatter, settings, session_maker, content_dir: Path
) -> None:
    await chat.say("/subscribe", language_code="en")
    await chat.press("sub:all:", language_code="en")
    await add_future_event(content_dir, session_maker)
    session = FlakySession()
    await deliverer(settings, session_maker, session).send_pending()  # the «new event» notice
    for days_before in (10, 7, 6, 1, 1, 0):
        sender = deliverer(settings, session_maker, session, SOON - timedelta(days=days_before))
        await sender.owe_reminders()
        await sender.send_pending()
    texts = session.texts_to(USER_ID)
    assert [t.split("\n")[0] for t in texts] == [
        "<b>🆕 A new event in your subscription:</b>",
        "<b>⏰ In a week:</b>",
        "<b>⏰ Tomorrow:</b>",
    ]


async def test_429_is_waited_out_and_a_blocked_user_dropped(
    chat: Chatter, settings, session_maker, content_dir: Path
) -> None:
    await chat.say("/subscribe")
    await chat.press("sub:all:")
    await chat.say("/subscribe", user_id=ADMIN_ID)
    await chat.press("sub:all:", user_id=ADMIN_ID)
    await add_future_event(content_dir, session_maker)
    session = FlakySession(blocked={ADMIN_ID}, busy_once=True)
    done = await deliverer(settings, session_maker, session).send_pending()
    assert (done.sent, done.blocked) == (1, 1)
    assert len(session.texts_to(USER_ID)) == 1  # after the 429, once
    assert "Подписок нет" in await chat.ask("/subscriptions", user_id=ADMIN_ID)


async def test_broadcast_with_confirmation_and_report(
    chat: Chatter, settings, session_maker
) -> None:
    await chat.say("/start", user_id=USER_ID)
    await chat.say("/start", user_id=777)
    assert "только администраторам" in await chat.ask("/broadcast Привет")
    [preview] = await chat.say("/broadcast Встреча <b>переносится</b>", user_id=ADMIN_ID)
    assert "&lt;b&gt;переносится" in preview.text
    send = next(data for label, data in preview.buttons if "Отправить" in label)
    assert await chat.press(send) == []  # not an admin: refused in an alert
    assert "Рассылка начата" in "".join(r.text for r in await chat.press(send, user_id=ADMIN_ID))
    assert await chat.press(send, user_id=ADMIN_ID) == []  # already sent: an alert says so
    session = FlakySession(blocked={777})
    sender = deliverer(settings, session_maker, session)
    await sender.send_pending()
    await sender.report_broadcasts()
    assert session.texts_to(USER_ID) == ["📣 Встреча &lt;b&gt;переносится&lt;/b&gt;"]
    [report] = session.texts_to(ADMIN_ID)[-1:]
    assert "доставлено 2, заблокировали бота 1, не доставлено 0" in report


async def test_a_message_cut_off_after_it_was_sent_is_never_sent_again(
    chat: Chatter, settings, session_maker
) -> None:
    """Over real HTTP: Telegram sends one broadcast message but the connection is cut before
    its answer. That message may have arrived, so it is not repeated (not by the retries of
    each request, nor by the next round of sending); every other recipient gets it once."""
    from tests.fake_bot_api import FakeBotAPI

    for user in (USER_ID, 777):
        await chat.say("/start", user_id=user)
    [preview] = await chat.say("/broadcast Встреча переносится", user_id=ADMIN_ID)
    send = next(data for label, data in preview.buttons if "Отправить" in label)
    await chat.press(send, user_id=ADMIN_ID)
    with FakeBotAPI("123:test") as api:
        api.inject("sendMessage", "lost")
        bot = create_bot("123:test", settings.model_copy(update={"telegram_api_url": api.url}))
        languages = LanguagePreferences(session_maker)
        sender = Deliverer(bot, session_maker, create_i18n(), languages, lambda: TODAY, 30)
        try:
            first = await sender.send_pending()
            again = await sender.send_pending()
        finally:
            await bot.session.close()
        received = [int(p["chat_id"]) for p in api.sent("sendmessage")]
    assert ("sendmessage", "lost") in api.faults_served
    assert sorted(received) == sorted({USER_ID, 777, ADMIN_ID})  # each once
    assert (first.sent, first.failed, again.sent) == (2, 1, 0)


async def test_calendar_files_parse_back(chat: Chatter, content_dir: Path, session_maker) -> None:
    assert "Предстоящих событий с известной датой пока нет" in await chat.ask("/calendar")
    await add_future_event(content_dir, session_maker)
    await chat.say("/calendar")
    name, data = chat.session.sent_documents[-1]
    assert name == "events.ics"
    [entry] = Calendar.from_ical(data).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Форум некоммерческих организаций приграничья"
    assert entry.decoded("DTSTART") == SOON  # a date: all day
    assert entry.decoded("DTEND") == SOON + timedelta(days=1)
    assert str(entry["LOCATION"]) == "Новосибирск, Россия"
    assert str(entry["URL"]) == "https://t.me/civic_bridge_bot?start=ev_future-forum"
    assert "Источник: «" in str(entry["DESCRIPTION"])
    # From the event's card, in English.
    [card] = await chat.say("/event форум некоммерческих организаций", language_code="en")
    ics = next(data for label, data in card.buttons if "calendar" in label)
    await chat.press(ics, language_code="en")
    name, data = chat.session.sent_documents[-1]
    assert name == "future-forum.ics"
    [entry] = Calendar.from_ical(data).walk("VEVENT")
    assert str(entry["LOCATION"]) == "Новосибирск, Russia" and "Source: «" in str(
        entry["DESCRIPTION"]
    )


async def test_many_upcoming_events_are_paged(
    chat: Chatter, content_dir: Path, session_maker
) -> None:
    events = "".join(
        FUTURE_EVENT.replace("events:\n", "")
        .replace("future-forum", f"future-forum-{n}")
        .replace("приграничья", f"приграничья №{n}")
        for n in range(23)
    )
    (content_dir / "future.yaml").write_text("events:\n" + events, encoding="utf-8")
    await ContentService(content_dir, session_maker, lambda: TODAY).reload()
    [first] = await chat.say("/upcoming")
    assert "Всего 23; страница 1 из 3." in first.text and first.text.count("№") == 10
    more = next(data for label, data in first.buttons if "Ещё" in label)
    [last] = await chat.press(more.replace(":1", ":2"))
    assert "страница 3 из 3" in last.text and last.text.count("№") == 3 and last.edited


async def test_only_old_claims_are_given_up(
    chat: Chatter, session_maker, content_dir: Path
) -> None:
    """A claim another instance made a moment ago is being sent; one made long ago was left
    by a process that stopped, and is never sent again."""
    from datetime import timedelta

    from sqlalchemy import select

    from db.models import Delivery
    from users.subscriptions import Status, abandon_interrupted, claim

    await chat.press("sub:all:")
    await add_future_event(content_dir, session_maker)
    async with session_maker() as session, session.begin():
        [claimed] = await claim(session, 10)
    async with session_maker() as session, session.begin():
        assert await abandon_interrupted(session) == 0
    async with session_maker() as session, session.begin():
        assert await abandon_interrupted(session, older_than=timedelta(seconds=-1)) == 1
    async with session_maker() as session:
        row = await session.scalar(select(Delivery).where(Delivery.id == claimed.id))
        assert row is not None and row.status == Status.FAILED


async def test_a_broadcast_to_many_users_and_many_users_seen_are_written(session_maker) -> None:
    """Tens of thousands of users at once: both databases cap the parameters of one
    statement (32,766 in SQLite, 32,767 in asyncpg), so rows of many users must not become
    one statement's values."""
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from db.models import BotUser, Delivery
    from users import subscriptions as subs
    from users.seen import record_users

    users = range(1, 40_001)
    now = datetime.now(UTC).replace(tzinfo=None)
    async with session_maker() as session, session.begin():
        await record_users(session, dict.fromkeys(users, now))
    async with session_maker() as session, session.begin():
        await record_users(session, dict.fromkeys(range(39_001, 41_001), now))
        assert await subs.owe(session, users, subs.Reason.BROADCAST, "7", "") == 40_000
    async with session_maker() as session, session.begin():
        assert await subs.owe(session, range(1, 40_101), subs.Reason.BROADCAST, "7", "") == 100
    async with session_maker() as session:
        assert await session.scalar(select(func.count()).select_from(BotUser)) == 41_000
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 40_100
