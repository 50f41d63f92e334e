"""Every shape a date can take in content or a question renders in every language: a year, a
month and year, a month alone, a day and month, a full date, a span of years (questions
only), none at all."""

from __future__ import annotations

from datetime import date

import pytest

from answers.understanding import parse_question
from bot.i18n import create_i18n
from db.dates import EARLIEST_YEAR, LATEST_YEAR, PartialDate
from views.labels import date_text

pytestmark = pytest.mark.one_database

SHAPES = {
    "year": PartialDate(2021),
    "month and year": PartialDate(2021, 6),
    "month alone": PartialDate(None, 6),
    "day and month": PartialDate(None, 4, 21),
    "full date": PartialDate(2021, 4, 21),
    "span of years": PartialDate(2021, until_year=2024),
    "before a year": PartialDate(EARLIEST_YEAR, until_year=2023),
    "since a year": PartialDate(2025, until_year=LATEST_YEAR),
    "nothing": PartialDate(),
    "span of months": PartialDate(2021, 6, until_month=8),
    "span of days": PartialDate(2026, 11, 30, until=date(2026, 12, 6)),
}
# What each shape must say in each language: the month word and the year where known.
EXPECTED = {
    "ru": {
        "year": ["2021"],
        "month and year": ["июнь", "2021"],
        "month alone": ["июнь", "год не указан"],
        "day and month": ["21 апреля", "год не указан"],
        "full date": ["21 апреля 2021"],
        "span of years": ["2021–2024"],
        "before a year": ["до 2024"],
        "since a year": ["с 2025"],
        "nothing": ["дата не указана"],
        "span of months": ["июнь–август 2021"],
        "span of days": ["30 нояб.", "6 дек. 2026"],
    },
    "kk": {
        "year": ["2021"],
        "month and year": ["маусым", "2021"],
        "month alone": ["маусым"],
        "day and month": ["21 сәуір"],
        "full date": ["2021", "21 сәуір"],
        "span of years": ["2021–2024"],
        "before a year": ["2024", "дейін"],
        "since a year": ["2025", "бастап"],
        "nothing": [],
        "span of months": ["маусым–тамыз", "2021"],
        "span of days": ["2026", "30 қар.", "6 жел."],
    },
    "en": {
        "year": ["2021"],
        "month and year": ["June 2021"],
        "month alone": ["June"],
        "day and month": ["21 April"],
        "full date": ["21 April 2021"],
        "span of years": ["2021–2024"],
        "before a year": ["before 2024"],
        "since a year": ["since 2025"],
        "nothing": [],
        "span of months": ["June–August 2021"],
        "span of days": ["30 Nov", "6 Dec 2026"],
    },
}


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
@pytest.mark.parametrize("shape", SHAPES)
def test_every_date_shape_renders_in_every_language(lang: str, shape: str) -> None:
    i18n = create_i18n()
    with i18n.context(), i18n.use_locale(lang):
        text = date_text(SHAPES[shape])
    assert text.strip()
    for part in EXPECTED[lang][shape]:
        assert part in text, (lang, shape, text)
    if lang != "ru":
        # No Russian interface words are left in a Kazakh or English date.
        assert "год" not in text and "дата" not in text, (lang, shape, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Что было 21.04.2021?", PartialDate(2021, 4, 21)),
        ("What happened on 21/04/2021?", PartialDate(2021, 4, 21)),
        ("Что проходило 2024-08-06?", PartialDate(2024, 8, 6)),
        ("Кто выступал 21.04?", PartialDate(None, 4, 21)),
        ("Какие мероприятия были два года назад?", PartialDate(2024)),
        ("What happened three years ago?", PartialDate(2023)),
        ("Екі жыл бұрын не болды?", PartialDate(2024)),
        ("Что было 5 лет назад?", PartialDate(2021)),
    ],
)
def test_numeric_dates_and_years_ago_are_read(text: str, wanted: PartialDate) -> None:
    question = parse_question(text, date(2026, 11, 23))
    assert question.dates == wanted
    assert not question.words  # nothing of the date is left to name a subject


def test_a_time_is_no_date() -> None:
    assert parse_question("Встреча в 9.30?").dates is None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Какие события были с марта по май 2026?", PartialDate(2026, 3, until_month=5)),
        ("What happened between March and May 2026?", PartialDate(2026, 3, until_month=5)),
        ("Events March–May 2026", PartialDate(2026, 3, until_month=5)),
        ("2026 жылы наурыздан мамырға дейін не болды?", PartialDate(2026, 3, until_month=5)),
        ("2025 жылдың жазында не болды?", PartialDate(2025, 6, until_month=8)),
        ("Что было между маем и декабрём 2025?", PartialDate(2025, 5, until_month=12)),
        # two months joined by «и» are no span: the answer must not take in April
        ("Что было в марте и в мае 2026?", PartialDate(2026, 5)),
    ],
)
def test_a_span_of_months_is_read(text: str, wanted: PartialDate) -> None:
    assert parse_question(text, date(2026, 11, 23)).dates == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Что будет в следующем месяце?", PartialDate(2026, 12)),
        ("What happened last month?", PartialDate(2026, 10)),
        ("Келесі айда не болады?", PartialDate(2026, 12)),
        ("Какие события в этом месяце?", PartialDate(2026, 11)),
    ],
)
def test_a_month_named_by_how_far_it_is_is_read(text: str, wanted: PartialDate) -> None:
    question = parse_question(text, date(2026, 11, 23))
    assert question.dates == wanted
    assert not question.words


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # 2026-11-25 is a Wednesday: a week is Monday to Sunday
        (
            "Какие мероприятия будут на следующей неделе?",
            PartialDate(2026, 11, 30, until=date(2026, 12, 6)),
        ),
        ("What is happening this week?", PartialDate(2026, 11, 23, until=date(2026, 11, 29))),
        ("Өткен аптада не болды?", PartialDate(2026, 11, 16, until=date(2026, 11, 22))),
        ("Что будет завтра?", PartialDate(2026, 11, 26)),
        ("What happened yesterday?", PartialDate(2026, 11, 24)),
        ("Ертең не болады?", PartialDate(2026, 11, 26)),
    ],
)
def test_a_day_or_week_named_by_how_far_it_is_is_read(text: str, wanted: PartialDate) -> None:
    question = parse_question(text, date(2026, 11, 25))
    assert question.dates == wanted
    assert not question.words


def test_a_word_that_only_begins_like_a_day_is_no_date() -> None:
    assert parse_question("Кто выступал на деловом завтраке?", date(2026, 11, 25)).dates is None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Какие события были до 2024 года?", PartialDate(EARLIEST_YEAR, until_year=2023)),
        ("What happened before 2024?", PartialDate(EARLIEST_YEAR, until_year=2023)),
        ("2024 жылға дейін не болды?", PartialDate(EARLIEST_YEAR, until_year=2023)),
        ("Что было после 2024 года?", PartialDate(2025, until_year=LATEST_YEAR)),
        ("Какие события с 2025 года?", PartialDate(2025, until_year=LATEST_YEAR)),
        ("2025 жылдан бері не болды?", PartialDate(2025, until_year=LATEST_YEAR)),
        ("Что было с 2021 года по 2024?", PartialDate(2021, until_year=2024)),  # no open end
        ("Что было в апреле прошлого года?", PartialDate(2025, 4)),
        ("Что было в конце апреля 2021?", PartialDate(2021, 4)),
    ],
)
def test_open_spans_and_years_said_in_the_genitive_are_read(text: str, wanted: PartialDate) -> None:
    question = parse_question(text, date(2026, 11, 23))
    assert question.dates == wanted
    assert not question.words
