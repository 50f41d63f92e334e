"""Plain questions, routed to the answer they ask for."""

from __future__ import annotations

import pytest

from answers.understanding import parse_question
from tests.conftest import Chatter

pytestmark = pytest.mark.one_database


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Кто выступал на круглом столе?", "speakers"),
        ("Кто организовал круглый стол?", "organizers"),
        ("Какие казахстанские города участвовали?", "cities"),
        ("Кто такая Елена Тополева-Солдунова?", "person"),
        ("Когда и где прошёл форум гражданских инициатив?", "when_where"),
        ("Какие форумы предстоят?", "upcoming"),
    ],
)
def test_intents(question: str, intent: str) -> None:
    assert parse_question(question).intent == intent


def test_country_is_taken_out_of_the_rest() -> None:
    q = parse_question("Какие казахстанские города участвовали в круглом столе?")
    assert (q.intent, q.country, q.rest) == ("cities", "KZ", "круглом столе")


@pytest.mark.parametrize(
    ("question", "month", "kept"),
    [
        ("Кто выступал на форуме в Казани в 2017 году?", None, "Казани"),
        ("Кто выступал на событии «конференция в Казань 2017»?", None, "Казань"),
        ("Казанский форум 2019", None, "Казанский"),
        ("2017 жылы қазанда кім сөйледі?", 10, None),
        ("Кто выступал в октябре 2017 года?", 10, None),
        ("Что было в сәуірде 2021?", 4, None),
    ],
)
def test_a_city_is_not_taken_for_a_kazakh_month(
    question: str, month: int | None, kept: str | None
) -> None:
    """Folded, Kazakh «қазан» (October) begins the Russian «Казань»: only a Kazakh question
    names months in Kazakh."""
    parsed = parse_question(question)
    assert parsed.dates is not None and parsed.dates.month == month
    assert kept is None or kept in parsed.rest


async def test_who_spoke_at_the_round_table(chat: Chatter) -> None:
    text = await chat.ask("Кто выступал на круглом столе?")
    for name in (
        "Бану Нургазиева",
        "Наталья Калашникова",
        "Константин Погорельский",
        "Алибек Тажибаев",
        "Ирина Октябрьская",
    ):
        assert name in text
    assert "Смирнова" not in text
    assert "Источник" in text


async def test_who_organized_the_round_table(chat: Chatter) -> None:
    text = await chat.ask("Кто организовал круглый стол?")
    organizers = text.split("Организаторы:")[1].split("Участвовали:")[0]
    for name in (
        "Экспертный клуб «Сибирь-Евразия»",
        "Новосибирский государственный университет экономики и управления",
        "Гражданский альянс Казахстана",
        "Евразийский национальный университет",
    ):
        assert name in organizers


async def test_which_kazakh_cities_took_part(chat: Chatter) -> None:
    text = await chat.ask("Какие казахстанские города участвовали в круглом столе?")
    for city in ("Астана (Нур-Султан)", "Алматы (Алма-Ата)", "Павлодар", "Петропавловск", "Актобе"):
        assert city in text
    for city in ("Новосибирск", "Томск", "Москва"):
        assert city not in text


async def test_who_is_topoleva_soldunova(chat: Chatter) -> None:
    text = await chat.ask("Кто такая Елена Тополева-Солдунова?")
    assert "председатель Комиссии по развитию некоммерческого сектора" in text
    assert "Общественная палата Российской Федерации" in text
    assert "инклюзия" in text


async def test_when_and_where_was_the_forum(chat: Chatter) -> None:
    text = await chat.ask("Когда и где прошёл форум гражданских инициатив?")
    assert "Российско-Казахстанский форум гражданских инициатив" in text
    assert "июнь 2021" in text and "Астана (Нур-Султан)" in text
    # A forum announced for 2021 is never presented as upcoming today.
    assert "анонсировано; прошло ли" in text or "было анонсировано" in text


async def test_what_did_tazhibaev_say(chat: Chatter) -> None:
    text = await chat.ask("Что говорил Тажибаеву?")
    assert "Алибек Тажибаев" in text and "информационные вбросы" in text


async def test_who_from_a_city_spoke(chat: Chatter) -> None:
    text = await chat.ask("Кто из Екатеринбурга выступал?")
    assert "Константин Погорельский" in text


async def test_who_represented_an_organization(chat: Chatter) -> None:
    text = await chat.ask("Кто представлял Общественную палату?")
    assert "Елена Тополева-Солдунова" in text


async def test_kazakh_organizations(chat: Chatter) -> None:
    text = await chat.ask("Какие организации из Казахстана участвовали?")
    assert "Гражданский альянс Казахстана" in text and "Мажилис" in text
    assert "Общественная палата" not in text


async def test_upcoming_question(chat: Chatter) -> None:
    text = await chat.ask("Какие форумы предстоят?")
    assert "Предстоящих событий в материалах нет" in text


async def test_bare_name_opens_person(chat: Chatter) -> None:
    text = await chat.ask("Сапаровым")
    assert "Елдар Сапаров" in text and "Концепции развития гражданского общества" in text


async def test_unanswerable_question_says_so(chat: Chatter) -> None:
    text = await chat.ask("Сколько стоит билет на самолёт?")
    assert "нет ответа" in text and "/help" in text
    unknown = await chat.ask("Расскажи про вулканы на Марсе")
    assert "ничего нет о «" in unknown and "Марсе" in unknown
    weather = await chat.ask("Расскажи про погоду на Марсе")  # what the facts are never about
    assert weather.startswith("Об этом я не знаю") and "/help" in weather


async def test_unanswerable_question_shows_what_is_known(chat: Chatter) -> None:
    text = await chat.ask("Сколько участников было на круглом столе?")
    assert text.startswith("В материалах нет ответа на этот вопрос")
    assert "21 апреля 2021" in text and "Бану Нургазиева" in text


async def test_too_long_question(chat: Chatter) -> None:
    text = await chat.ask("слово " * 200)
    assert "Слишком длинный вопрос" in text


async def test_non_text_message_gets_a_hint(chat: Chatter) -> None:
    from datetime import UTC, datetime

    from aiogram.types import Chat, Message, Sticker, Update, User

    user = User(id=7, is_bot=False, first_name="Тест")
    sticker = Sticker(
        file_id="x",
        file_unique_id="y",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    message = Message(
        message_id=1,
        date=datetime.now(UTC),
        chat=Chat(id=7, type="private"),
        from_user=user,
        sticker=sticker,
    )
    start = len(chat.session.requests)
    await chat.dp.feed_update(chat.bot, Update(update_id=500, message=message))
    sent = chat.session.requests[start:]
    assert len(sent) == 1 and "только текстовые" in sent[0].text


@pytest.mark.parametrize(
    "question",
    [
        "Кто выступал на круглом столе?",
        "Кто такая Тополева-Солдунова?",
        "ГАК",
        "Астана",
        "Кто говорил об экологии?",
        "О чём говорили на круглом столе?",
        "Когда подписали декларацию?",
        "том Казахи",
        "/speakers",
        "/orgs",
    ],
)
async def test_answers_name_their_source(chat: Chatter, question: str) -> None:
    text = await chat.ask(question)
    assert "Источник" in text and ".txt)" in text


async def test_inline_mode_offers_shareable_cards(chat: Chatter) -> None:
    from aiogram.methods import AnswerInlineQuery
    from aiogram.types import InlineQuery, Update, User

    user = User(id=7, is_bot=False, first_name="Тест")
    for n, (query, expected) in enumerate(
        [("Нургазиевой", "Бану Нургазиева"), ("ОП РФ", "Общественная палата"), ("", "📅")], 1
    ):
        update = Update(
            update_id=900 + n,
            inline_query=InlineQuery(id=str(n), from_user=user, query=query, offset=""),
        )
        await chat.dp.feed_update(chat.bot, update)
        answer = chat.session.requests[-1]
        assert isinstance(answer, AnswerInlineQuery)
        assert answer.results, query
        first = answer.results[0]
        assert expected in first.title or expected in first.input_message_content.message_text
        for result in answer.results:
            assert len(result.input_message_content.message_text) <= 4096
            assert len(result.id.encode()) <= 64


@pytest.mark.parametrize(
    ("command", "question"),
    [
        ("/speaker Нургазиева", "Кто такая Нургазиева?"),
        ("/speaker Калашникову", "Кто такая Калашникова?"),
        ("/speaker Калашникава", "Кто такая Калашникава?"),
        ("/org ГАК", "Что за организация ГАК?"),
    ],
)
async def test_commands_and_questions_resolve_alike(
    chat: Chatter, command: str, question: str
) -> None:
    """One resolver: a command and a question naming the same subject get the same card
    (or the same «did you mean» buttons)."""
    by_command = await chat.say(command)
    by_question = await chat.say(question)
    assert by_command[-1].buttons == by_question[-1].buttons
    assert by_command[-1].buttons
