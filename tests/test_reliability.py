"""Hostile and odd input, thrown at the dispatcher by the thousand; flood control; groups."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import Chat, Message, Update, User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from answers.admin import ADMIN_COMMANDS
from bot.factory import create_bot, create_dispatcher
from bot.flood import RateLimiter
from bot.local_session import BOT_USER
from bot.log import RedactingFormatter
from bot.settings import Settings
from tests.conftest import ADMIN_ID, Chatter, RecordingSession
from tests.telegram_html import problems
from views.common import COMMANDS as USER_COMMANDS

COMMANDS = [f"/{name}" for name, _ in USER_COMMANDS] + [f"/{name}" for name in ADMIN_COMMANDS]
COMMANDS += ["/nonsense", "/", "/start", "/start@civic_bridge_bot", "/help@other_bot"]
PIECES = [
    "Нургазиева",
    "ГАК",
    "<b>",
    "</i>",
    "&amp;",
    "&",
    "<script>alert(1)</script>",
    "*bold*",
    "_it_",
    "`code`",
    "[link](http://x)",
    "\x00",
    "\u202e",
    "\u200b",
    "🇰🇿",
    "😀",
    "Кто выступал?",
    "Ақтөбе",
    "Nur-Sultan",
    "ёлка",
    "\n",
    " ",
    "'",
    '"',
    "%s",
    "{0}",
    "а" * 300,
]
MAX_EXAMPLES = 1000  # per property: 3,000 inputs in all
FAST = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

user_text = st.one_of(
    st.text(max_size=600),
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=4096),
)


def check_outgoing(chat: Chatter, start: int) -> None:
    for method in chat.session.requests[start:]:
        if isinstance(method, SendMessage | EditMessageText):
            assert problems(method.text) == [], (method.text[:300], problems(method.text))
            markup = method.reply_markup
            if markup is not None:
                buttons = [b for row in markup.inline_keyboard for b in row]
                assert len(buttons) <= 100
                assert all(len((b.callback_data or "").encode()) <= 64 for b in buttons)
        if isinstance(method, AnswerCallbackQuery) and method.text:
            assert len(method.text) <= 200


@pytest.fixture
def errors(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.ERROR)
    return caplog


def no_errors(caplog: pytest.LogCaptureFixture) -> None:
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not failures, failures[0].getMessage()


@FAST
@given(text=user_text)
async def test_random_texts(chat: Chatter, errors, text: str) -> None:
    start = len(chat.session.requests)
    await chat.say(text)
    check_outgoing(chat, start)
    no_errors(errors)


@FAST
@given(command=st.sampled_from(COMMANDS), args=user_text)
async def test_random_commands(chat: Chatter, errors, command: str, args: str) -> None:
    start = len(chat.session.requests)
    await chat.say(f"{command} {args}")
    check_outgoing(chat, start)
    no_errors(errors)


callback_data = st.one_of(
    st.text(max_size=64),
    st.builds(
        lambda k, i: f"c:{k}:{i}",
        st.sampled_from(["ev", "p", "o", "pl", "t", "w", "x"]),
        st.text(max_size=50),
    ),
    st.builds(lambda p: f"evp:{p}", st.integers(-(10**6), 10**6)),
    st.builds(lambda k, p: f"sp:{k}:{p}", st.text(max_size=12), st.integers(-5, 50)),
    st.builds(lambda a: f"m:{a}", st.text(max_size=20)),
)


@FAST
@given(data=callback_data)
async def test_forged_and_stale_buttons(chat: Chatter, errors, data: str) -> None:
    start = len(chat.session.requests)
    await chat.press(data)
    check_outgoing(chat, start)
    answers = [m for m in chat.session.requests[start:] if isinstance(m, AnswerCallbackQuery)]
    assert answers, f"the button {data!r} was left spinning"
    no_errors(errors)


async def test_edited_messages_are_ignored(chat: Chatter) -> None:
    start = len(chat.session.requests)
    user = User(id=9, is_bot=False, first_name="Тест")
    edited = Message(
        message_id=3,
        date=datetime.now(UTC),
        edit_date=1,
        chat=Chat(id=9, type="private"),
        from_user=user,
        text="/events",
    )
    await chat.dp.feed_update(chat.bot, Update(update_id=77001, edited_message=edited))
    assert chat.session.requests[start:] == []


async def group_say(chat: Chatter, text: str, reply_to_bot: bool = False) -> list:
    start = len(chat.session.requests)
    user = User(id=11, is_bot=False, first_name="Участник")
    group = Chat(id=-100500, type="supergroup", title="Клуб")
    reply = None
    if reply_to_bot:
        reply = Message(
            message_id=1, date=datetime.now(UTC), chat=group, from_user=BOT_USER, text="…"
        )
    message = Message(
        message_id=2,
        date=datetime.now(UTC),
        chat=group,
        from_user=user,
        text=text,
        reply_to_message=reply,
    )
    await chat.dp.feed_update(chat.bot, Update(update_id=88000 + start, message=message))
    return [m for m in chat.session.requests[start:] if isinstance(m, SendMessage)]


async def test_group_chats(chat: Chatter) -> None:
    assert await group_say(chat, "Привет всем, кто идёт на форум?") == []  # not for the bot
    assert await group_say(chat, "/start@other_bot") == []
    assert await group_say(chat, "/unknowncommand") == []
    [reply] = await group_say(chat, "@civic_bridge_bot кто такая Нургазиева?")
    assert "Бану Нургазиева" in reply.text
    [reply] = await group_say(chat, "кто выступал на круглом столе?", reply_to_bot=True)
    assert "Наталья Калашникова" in reply.text
    [reply] = await group_say(chat, "/speaker@civic_bridge_bot Тажибаев")
    assert "Алибек Тажибаев" in reply.text


async def test_flood_is_limited_once_and_others_are_served(
    settings_limited: Settings, session_maker, content_service
) -> None:
    session = RecordingSession()
    dp = create_dispatcher(settings_limited, session_maker, content_service)
    chat = Chatter(dp, create_bot("1:flood", settings_limited, session=session), session)
    flood_replies = []
    for _ in range(12):
        flood_replies += await chat.say("/help", user_id=500)
    assert len(flood_replies) == 6  # five answers and one notice
    assert "Слишком много запросов" in flood_replies[-1].text
    assert "Подождите" in flood_replies[-1].text
    assert len(await chat.say("/help", user_id=501)) == 1  # someone else is not affected
    assert len(await chat.say("/help", user_id=ADMIN_ID)) == 1


@pytest.fixture
def settings_limited(settings: Settings) -> Settings:
    return settings.with_changes(rate_limit_messages=5, rate_limit_seconds=60)


def test_rate_limiter_window_frees_up() -> None:
    now = [0.0]
    limiter = RateLimiter(2, 10, clock=lambda: now[0])
    assert limiter.check(1)[0] and limiter.check(1)[0]
    allowed, wait = limiter.check(1)
    assert not allowed and wait == 10
    assert limiter.first_refusal(1, wait) and not limiter.first_refusal(1, wait)
    now[0] = 10.5
    assert limiter.check(1)[0]


def test_token_never_reaches_the_logs() -> None:
    formatter = RedactingFormatter("%(message)s", ["123:SECRET"])
    try:
        raise RuntimeError("https://api.telegram.org/bot123:SECRET/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, "f", 1, "url %s", ("bot123:SECRET",), sys.exc_info()
        )
    text = formatter.format(record)
    assert "SECRET" not in text and "<token>" in text


def test_html_checker_catches_what_telegram_refuses() -> None:
    assert problems("<b>open")
    assert problems("a < b")
    assert problems("<script>x</script>")
    assert problems("Tom & Jerry")
    assert problems("x" * 5000)
    assert problems("   ")
    assert problems("<b>ok</b> &amp; <i>fine</i> &lt;tag&gt;") == []
