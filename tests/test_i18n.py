"""The interface in Russian, Kazakh and English: complete catalogues, every view rendered in
every language, the language taken from Telegram, changed with /lang and remembered, and a
Kazakh or English question answered in its language around the facts."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.console import html_to_text
from tests.conftest import ROOT, Chatter
from tests.telegram_html import problems

pytestmark = pytest.mark.one_database

LOCALES = ROOT / "locales"
TRANSLATED = ("kk", "en")


def source_texts() -> set[str]:
    """Every text marked for translation in views/ and its page templates, extracted the way
    Babel extracts it (babel.cfg)."""
    found = extract_from_dir(
        ROOT / "views",
        method_map=[("**.py", "python"), ("templates/**.html", "jinja2")],
        options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}},
        keywords={"_": None, "N_": None},
    )
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


def catalogue(lang: str) -> dict[str, str]:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and not m.fuzzy}


def fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_text_is_translated(lang: str) -> None:
    texts = source_texts()
    assert len(texts) > 150
    translated = catalogue(lang)
    missing = sorted(t for t in texts if not translated.get(t))
    assert not missing, f"{lang}: run scripts/catalogues.py and translate {missing[:5]}"
    for text in texts:
        assert fields(translated[text]) == fields(text), (lang, text)
        assert text.count("<code>") == translated[text].count("<code>"), (lang, text)


COMMANDS = [
    "/start", "/help", "/events", "/upcoming", "/speakers", "/orgs", "/cities",
    "/speaker Нургазиева", "/org ГАК", "/event круглый стол", "/search экология",
    "/search zzzz", "/nosuchcommand", "/speaker", "Кто выступал на круглом столе?",
    "Кто организовал круглый стол?", "Когда и где форум гражданских инициатив?",
]  # fmt: skip
# Words of the Russian interface that a translated reply must not contain.
RUSSIAN_INTERFACE = re.compile(
    r"Источник|Выступили|Организаторы|События|Города|Должность|Нажмите|Здравствуйте|"
    r"не найдено|Предстоящ|сначала новые|Что я умею|Всего"
)


@pytest.mark.parametrize("lang", TRANSLATED)
async def test_every_view_renders_in_every_language(chat: Chatter, lang: str) -> None:
    for command in COMMANDS:
        replies = await chat.say(command, language_code=lang)
        assert replies, command
        for reply in replies:
            assert not problems(reply.text), reply.text
            assert len(reply.text) <= 4096
            leftover = RUSSIAN_INTERFACE.search(html_to_text(reply.text))
            assert leftover is None, (lang, command, leftover and leftover.group(), reply.text)
    [card] = await chat.say("/event круглый стол 2021", language_code=lang)
    assert {"kk": "2021 ж. 21 сәуір", "en": "21 April 2021"}[lang] in card.text


async def test_language_from_telegram_then_lang_remembers_the_choice(chat: Chatter) -> None:
    assert "Сәлеметсіз бе" in await chat.ask("/start", language_code="kk")
    assert "Здравствуйте" in await chat.ask("/start", language_code="de")
    [offer] = await chat.say("/lang", language_code="kk")
    english = next(data for label, data in offer.buttons if "English" in label)
    [done] = await chat.press(english, language_code="kk")
    assert "I answer in English" in done.text
    # Remembered over the Telegram language, also by a dispatcher started afresh.
    assert "Hello!" in await chat.ask("/start", language_code="kk")
    assert "upcoming events" in await chat.ask("/upcoming", language_code="kk")
    assert "Здравствуйте" in await chat.ask("/lang ru") + await chat.ask("/start")


async def test_fresh_dispatcher_keeps_the_chosen_language(
    settings, session_maker, content_service
) -> None:
    from bot.factory import create_bot, create_dispatcher
    from tests.conftest import RecordingSession

    def new_chat() -> Chatter:
        session = RecordingSession()
        dp = create_dispatcher(settings, session_maker, content_service)
        return Chatter(dp, create_bot("123:test", settings, session=session), session)

    await new_chat().say("/lang kk")
    assert "Сәлеметсіз бе" in await new_chat().ask("/start", language_code="en")


async def test_questions_are_answered_in_their_language(chat: Chatter) -> None:
    kazakh = await chat.ask("Дөңгелек үстелде кім сөз сөйледі?")
    assert "сөз сөйлегендер" in kazakh and "Нургазиева" in kazakh
    english = await chat.ask("Who organized the round table?")
    assert "Organizers" in english or "organizer" in english, english
    assert "Выступили на событии" in await chat.ask("Кто выступал на круглом столе?")


def test_catalogues_compile_in_memory_without_make(tmp_path: Path) -> None:
    """Where `make` has not compiled them, start-up does."""
    import shutil

    from bot.i18n import create_i18n

    shutil.copytree(LOCALES, tmp_path / "locales", ignore=shutil.ignore_patterns("*.mo"))
    i18n = create_i18n(tmp_path / "locales")
    assert i18n.gettext("Темы:", locale="en") == "Topics:"
    assert i18n.gettext("Темы:", locale="kk") == "Тақырыптар:"


@pytest.mark.parametrize("lang", TRANSLATED)
async def test_admin_replies_in_every_language(chat: Chatter, lang: str) -> None:
    from tests.conftest import ADMIN_ID

    expected = {"kk": ("Статистика", "өзгеріс жоқ"), "en": ("Statistics", "no changes")}[lang]
    stats = await chat.ask("/stats", user_id=ADMIN_ID, language_code=lang)
    reload = await chat.ask("/reload", user_id=ADMIN_ID, language_code=lang)
    assert expected[0] in stats and expected[1] in reload
    for text in (stats, reload, await chat.ask("/rollback", user_id=ADMIN_ID, language_code=lang)):
        assert not re.search(r"Материалы|Статистика: |Пользователи|откатывать", text), text
