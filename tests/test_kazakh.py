"""The Kazakh suffix stripper: case, possessive and plural endings come off in their order and
by vowel harmony; a stem that only ends like a suffix keeps it."""

from __future__ import annotations

import pytest

from answers.kazakh import kazakh_stem
from answers.language import detect_language
from answers.understanding import parse_question, subject_text

pytestmark = pytest.mark.one_database


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Нұрғазиеваның", "нұрғазиева"),  # genitive after a vowel
        ("Тажибаевтың", "тажибаев"),  # genitive after a voiceless consonant
        ("Сапаровпен", "сапаров"),  # instrumental
        ("Астанада", "астана"),  # locative, back vowels
        ("үстелге", "үстел"),  # dative, front vowels
        ("Екатеринбургтан", "екатеринбург"),  # ablative
        ("ұйымдары", "ұйым"),  # plural + possessive
        ("қалалары", "қала"),
        ("іс-шаралар", "іс-шара"),
        ("лауазымы", "лауазым"),  # possessive
        ("кітабы", "кітап"),  # a final п voiced before the possessive
        ("клубы", "клубы"),  # a Russian word keeps its б, and -ы needs a longer stem
    ],
)
def test_endings_come_off(word: str, stem: str) -> None:
    assert kazakh_stem(word) == stem


@pytest.mark.parametrize("word", ["Омбы", "Павлодар", "Қостанай", "Астана", "Ақтөбе"])
def test_stems_that_end_like_a_suffix_are_kept(word: str) -> None:
    # -ы follows too short a stem, -дар never follows a vowel, -а/-е are no endings here.
    assert kazakh_stem(word) == word.casefold()


def test_a_stem_cut_too_far_still_begins_the_name() -> None:
    # «Алматы» loses its -ы as a possessive would; five letters still find the city by prefix.
    assert "алматы".startswith(kazakh_stem("Алматыда"))
    assert len(kazakh_stem("Алматыда")) >= 5


def test_kazakh_names_meet_the_spelling_of_the_facts() -> None:
    assert subject_text("Нұрғазиеваның") == "нургазиева"
    assert subject_text("Омбыдағы") == "омск"
    assert subject_text("дөңгелек үстелге") == "круглый стол"
    assert subject_text("Nurgazieva") == "нургазиева"
    assert subject_text("round table") == "круглый стол"


def test_kazakh_cues_are_matched_on_stems() -> None:
    assert parse_question("Қандай ұйымдар қатысты?").intent == "organizations"
    assert parse_question("Дөңгелек үстелге қай қалалар қатысты?").intent == "cities"
    position = parse_question("Нұрғазиеваның лауазымы қандай?")
    assert position.intent == "position" and position.words == ("нургазиева",)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Кто руководит сетью «Бірге»?", "ru"),  # a Kazakh name in a Russian question
        ("Где работает Сағындықұлы?", "ru"),
        ("Что известно об обществе «Абай мұрасы»?", "ru"),
        ("Сағындықұлы қайда жұмыс істейді?", "kk"),
        ("«Абай мұрасы» туралы не белгілі?", "kk"),
        ("Нұрғазиева кім?", "kk"),
        ("Сағындықұлы", "kk"),  # a name alone: as Kazakh as anything
        ("Нуржан Сагындыков — председатель «Ертіс жастары»?", "ru"),  # no question word
        ("«Ертіс жастары»", "kk"),  # nothing outside the quotes
    ],
)
def test_a_kazakh_name_does_not_make_a_russian_question_kazakh(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_quoted_russian_title_does_not_make_an_english_question_russian() -> None:
    assert detect_language("Who presented «Азбука медиаграмотности для НКО»?") == "en"
    assert detect_language("Кто представил «Open Data Guide»?") == "ru"
    assert detect_language("«Азбука медиаграмотности для НКО»") == "ru"  # nothing outside


def test_a_russian_question_word_keeps_a_lower_case_kazakh_name_russian() -> None:
    assert detect_language("когда фестиваль ертіс әуендері") == "ru"
    assert detect_language("ертіс әуендері фестивалі қашан") == "kk"


def test_a_place_in_the_ablative_says_where_from_in_lower_case_too() -> None:
    from answers.understanding import parse_question

    assert parse_question("омбыдан кімдер сөйледі").origin == ("омск",)
    assert parse_question("Орал қаласынан кімдер бар?").origin == ("уральск",)
    assert parse_question("жастардан кім сөйледі").origin == ()  # «from the young»: no place
