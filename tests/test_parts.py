"""Messages that ask several things: each part is found, answered, and continues the part
before it; a message that asks one thing stays whole."""

from __future__ import annotations

import pytest

from answers.coordination import event_parts
from answers.parts import question_parts
from tests.conftest import Chatter


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Кто организовал круглый стол в Омске и когда он прошёл?",
            ("Кто организовал круглый стол в Омске?", "когда он прошёл?"),
        ),
        (
            "Погорельский — кто он, где работает и что предлагал?",
            ("Погорельский - кто он?", "где работает?", "что предлагал?"),
        ),
        ("Кто такой Сапаров? Где он работает?", ("Кто такой Сапаров?", "Где он работает?")),
        (
            "Who organised the round table and when did it take place?",
            ("Who organised the round table?", "when did it take place?"),
        ),
        (
            "2025 жылғы кездесуде кімдер сөз сөйледі және олардың лауазымдары қандай?",
            ("2025 жылғы кездесуде кімдер сөз сөйледі?", "олардың лауазымдары қандай?"),
        ),
    ],
)
def test_a_message_asking_several_things_is_cut_into_its_questions(
    text: str, parts: tuple[str, ...]
) -> None:
    assert question_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Кто выступал и на круглом столе 2021 года, и на встрече НПО 2025-го?",
        "Какие организации из России и Казахстана участвовали?",
        "Кто выступал на форуме, где была Нургазиева?",  # a clause inside, not a question
        "Где и когда прошёл форум?",  # one question about one thing
        "Ресей мен Қазақстанның қандай қалалары қатысты?",  # «мен» is «and» between nouns
    ],
)
def test_a_message_asking_one_thing_stays_whole(text: str) -> None:
    assert question_parts(text) == (text,)


async def test_each_part_is_answered_and_the_second_continues_the_first(chat: Chatter) -> None:
    answer = await chat.ask("Кто организовал международный круглый стол и когда он прошёл?")
    assert "Сибирь-Евразия" in answer  # the organizers
    # when it took place: the same round table, its date line and its status
    assert "📅 Международный круглый стол" in answer and "ℹ️ состоялось" in answer


async def test_a_card_both_parts_open_is_shown_once(chat: Chatter) -> None:
    answer = await chat.ask("Кто такая Тополева-Солдунова и о чём она говорила?")
    assert "фандрайзинг" in answer
    assert answer.count("👤 Елена Тополева-Солдунова") == 1


@pytest.mark.parametrize(
    ("text", "parts", "in_all"),
    [
        (
            "Кто выступал на круглом столе в Омске и на форуме в Уральске?",
            ("Кто выступал на круглом столе в Омске?", "на форуме в Уральске?"),
            False,
        ),
        (
            "Кто выступал и на круглом столе 2021 года, и на встрече НПО 2025-го?",
            ("Кто выступал и на круглом столе 2021 года?", "на встрече НПО 2025-го?"),
            True,
        ),
        (
            "who took part in both the round table and the NGO meeting?",
            ("who took part in both the round table?", "the NGO meeting?"),
            True,
        ),
        (
            "Омбыдағы дөңгелек үстел мен Оралдағы форумға кім қатысты?",
            ("Омбыдағы дөңгелек үстел?", "Оралдағы форумға кім қатысты?"),
            False,
        ),
    ],
)
def test_a_question_about_several_events_gives_each_its_own_part(
    text: str, parts: tuple[str, ...], in_all: bool
) -> None:
    found = event_parts(text)
    assert found is not None and found.parts == parts and found.in_all is in_all


def test_a_question_about_one_event_is_no_coordination() -> None:
    assert event_parts("Какие организации из России и Казахстана участвовали в форуме?") is None
    assert event_parts("Кто выступал на круглом столе?") is None


async def test_who_was_at_both_events_is_the_people_they_share(chat: Chatter) -> None:
    answer = await chat.ask("Кто выступал и на круглом столе 2021 года, и на встрече НПО?")
    assert answer.startswith("На каждом из названных событий были (1):")
    assert "Бану Нургазиева" in answer and "Тополева-Солдунова" not in answer
    answer = await chat.ask(
        "Which organizations took part in both the round table and the meeting?"
    )
    assert "Гражданский альянс Казахстана" in answer
    assert "Общественная палата" not in answer.split("\n\n")[0]


async def test_each_event_keeps_its_own_date(chat: Chatter) -> None:
    # The 2025 meeting's date must not narrow the round table of 2021 away, nor the reverse.
    answer = await chat.ask("Кто выступал на круглом столе 2021 года и на встрече НПО 2025 года?")
    assert "Погорельский" in answer and "Тополева-Солдунова" in answer
    assert "нет такого события" not in answer


def test_a_particle_after_each_event_asks_for_both_in_kazakh() -> None:
    found = event_parts("Омбыдағы дөңгелек үстелге де, Оралдағы форумға да кім қатысты?")
    assert found is not None and found.in_all
