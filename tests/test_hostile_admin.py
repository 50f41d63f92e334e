"""A careless or hostile admin, and a crowd of users: tiny files that cost a lot, admin work
in groups, uploads of unknown size, users that never come back, limited inline queries."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram.methods import AnswerInlineQuery, SendMessage
from aiogram.types import Chat, Document, InlineQuery, Message, Update, User

from answers.admin import draft_answer
from bot.console import html_to_text
from bot.factory import create_bot, create_dispatcher
from bot.flood import RateLimiter
from drafting.worker import DraftWorker
from loading.files import ContentInvalid, validate_files
from tests.conftest import ADMIN_ID, ROOT, Chatter, RecordingSession
from tests.test_admin import send_document, snapshot

BOMBS = {
    "complex key": (b"? [a, b] : 1\n", ":1: ключ должен быть словом"),
    "list as a key": (b"events:\n  - {[1]: 2}\n", ":2: ключ должен быть словом"),
    "deep nesting": (b"events: " + b"[" * 300 + b"]" * 300 + b"\n", "вложенность глубже"),
    "merge keys": (b"a: {b: 1}\nc:\n  <<: {d: 2}\n", ":3: ключи слияния (<<)"),
    "alias bomb": (
        b"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n",
        ":1: якоря (&имя) в файлах материалов не допускаются",
    ),
}


@pytest.mark.parametrize("case", sorted(BOMBS))
def test_yaml_bombs_are_refused_with_a_reason(case: str) -> None:
    data, reason = BOMBS[case]
    with pytest.raises(ContentInvalid) as caught:
        validate_files({"bomb.yaml": data})
    assert any(reason in str(e) for e in caught.value.errors), caught.value.errors


@pytest.mark.parametrize("case", sorted(BOMBS))
async def test_uploaded_bomb_changes_nothing(chat: Chatter, content_dir: Path, case: str) -> None:
    before = snapshot(content_dir)
    data, reason = BOMBS[case]
    requests = await send_document(chat, "bomb.yaml", data)
    texts = [html_to_text(r.text) for r in requests if isinstance(r, SendMessage)]
    assert any("Ничего не изменено" in t and reason.split(": ")[-1][:20] in t for t in texts)
    assert not any("произошла ошибка" in t for t in texts)
    assert snapshot(content_dir) == before


async def test_bad_file_at_start_keeps_the_stored_facts(content_service, content_dir) -> None:
    (content_dir / "bomb.yaml").write_bytes(BOMBS["complex key"][0])
    assert await content_service.ensure_loaded() is False  # facts kept, errors logged


def group_message(text: str, user_id: int) -> Update:
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=-100, type="group", title="НКО"),
        from_user=User(id=user_id, is_bot=False, first_name="Админ"),
        text=text,
    )
    return Update(update_id=900 + len(text), message=message)


async def test_admin_work_stays_out_of_groups(chat: Chatter) -> None:
    start = len(chat.session.requests)
    await chat.dp.feed_update(chat.bot, group_message("/stats", ADMIN_ID))
    await chat.dp.feed_update(chat.bot, group_message("статья " * 400, ADMIN_ID))
    sent = [r.text for r in chat.session.requests[start:] if isinstance(r, SendMessage)]
    assert sent == ["Команды администратора работают только в личном чате с ботом."]
    assert not chat.session.sent_documents  # no draft posted to the group


async def test_upload_of_unknown_size_is_cut_off(chat: Chatter, content_dir: Path) -> None:
    before = snapshot(content_dir)
    file_id = "huge-file"
    chat.session.files[file_id] = b"# " + b"x" * 1_500_000
    message = Message(
        message_id=5,
        date=datetime.now(UTC),
        chat=Chat(id=ADMIN_ID, type="private"),
        from_user=User(id=ADMIN_ID, is_bot=False, first_name="Админ"),
        document=Document(file_id=file_id, file_unique_id=file_id, file_name="big.yaml"),
    )
    start = len(chat.session.requests)
    await chat.dp.feed_update(chat.bot, Update(update_id=7001, message=message))
    sent = [r.text for r in chat.session.requests[start:] if isinstance(r, SendMessage)]
    assert any("больше 1 МБ" in t for t in sent), sent
    assert snapshot(content_dir) == before


def test_rate_limiter_forgets_idle_users() -> None:
    now = [0.0]
    limiter = RateLimiter(5, 60, clock=lambda: now[0])
    for user in range(5_000):
        limiter.check(user)
    assert len(limiter._hits) == 5_000
    now[0] = 1_000.0  # everyone's window has passed
    for user in range(10_000, 10_700):
        limiter.check(user)
    assert len(limiter._hits) < 5_000  # idle users go as new ones come
    for user in range(20_000, 40_000):
        now[0] += 10
        limiter.check(user)
    assert len(limiter._hits) <= 100


async def test_limited_inline_query_is_personal_and_uncached(
    settings, session_maker, content_service
) -> None:
    limited = settings.with_changes(rate_limit_messages=1, rate_limit_seconds=60)
    dp = create_dispatcher(limited, session_maker, content_service)
    session = RecordingSession()
    bot = create_bot("1:inline", limited, session=session)
    user = User(id=555, is_bot=False, first_name="Тест")
    for n in range(3):
        query = InlineQuery(id=str(n), from_user=user, query="Нургазиева", offset="")
        await dp.feed_update(bot, Update(update_id=n + 1, inline_query=query))
    answers = [r for r in session.requests if isinstance(r, AnswerInlineQuery)]
    refused = answers[-1]
    assert refused.results == [] and refused.is_personal and refused.cache_time == 0
    await bot.session.close()


async def test_corrected_copy_replaces_the_file_in_its_sub_folder(
    chat: Chatter, content_dir: Path
) -> None:
    original = content_dir / "events" / "2021-04-21-round-table.yaml"
    corrected = original.read_bytes().replace("онлайн".encode(), "онлайн ".encode(), 1)
    corrected = corrected.replace(b"format: online", b"format: online  # corrected copy", 1)
    requests = await send_document(chat, "2021-04-21-round-table.yaml", corrected)
    texts = [html_to_text(r.text) for r in requests if isinstance(r, SendMessage)]
    assert any("заменён content/events/2021-04-21-round-table.yaml" in t for t in texts), texts
    assert original.read_bytes() == corrected
    assert not (content_dir / "2021-04-21-round-table.yaml").exists()


async def test_control_characters_in_a_file_name_are_refused(
    chat: Chatter, content_dir: Path
) -> None:
    before = snapshot(content_dir)
    requests = await send_document(chat, "bad\x00name.yaml", b"people: []\n")
    texts = [html_to_text(r.text) for r in requests if isinstance(r, SendMessage)]
    assert any("управляющие символы" in t for t in texts), texts
    assert snapshot(content_dir) == before


ARTICLE = (ROOT / "tests" / "articles" / "omsk_youth_forum.txt").read_text("utf-8")


async def draft_with(worker: DraftWorker, content_service, text: str = ARTICLE) -> str:
    notices: list[str] = []

    async def notify(answer) -> None:  # type: ignore[no-untyped-def]
        notices.append(answer.text)

    async with content_service.session_maker() as session:
        [answer] = await draft_answer(
            content_service, worker, session, text, "a.txt", ADMIN_ID, notify
        )
    assert answer.document is None
    return answer.text


async def test_drafts_over_the_limits_are_refused_with_a_reason(content_service) -> None:
    too_long = await draft_with(DraftWorker(max_chars=1000), content_service)
    assert "текст слишком длинный" in too_long and "1 000" in too_long
    slow = await draft_with(DraftWorker(time_limit=0.5), content_service)
    assert "не успел подготовиться" in slow
    greedy = await draft_with(DraftWorker(memory_limit=200 * 1024**2), content_service)
    assert "не хватило памяти" in greedy


async def test_other_users_are_answered_while_a_draft_runs(chat: Chatter) -> None:
    await chat.ask("Кто выступал на круглом столе?")  # search warmed up
    offer = await chat.say(ARTICLE * 2, user_id=ADMIN_ID)
    drafting = asyncio.create_task(chat.press(offer[-1].buttons[0][1], user_id=ADMIN_ID))
    await asyncio.sleep(0.3)
    answer = await chat.ask("Кто организовал круглый стол?")
    assert "Гражданский альянс" in answer
    assert not drafting.done()  # the draft is still being made in its own process
    await drafting
    assert any("Марина" in data.decode() for _, data in chat.session.sent_documents)
