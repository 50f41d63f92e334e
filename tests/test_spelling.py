"""Typos in question words are put right; names and known words are left as typed."""

from __future__ import annotations

import pytest

from answers.spelling import fix_spelling
from views.i18n import Language

pytestmark = pytest.mark.one_database


@pytest.mark.parametrize(
    ("typed", "language", "meant"),
    [
        ("кагда будет форум", Language.RU, "когда будет форум"),
        ("Тулеубаева где рабоатет", Language.RU, "Тулеубаева где работает"),
        ("кто вытсупал на форуме", Language.RU, "кто выступал на форуме"),
        ("кто мадерировал", Language.RU, "кто модерировал"),
        ("кто выступал на кругллом столе", Language.RU, "кто выступал на круглом столе"),
        ("wen was the declration signed", Language.EN, "when was the declaration signed"),
        ("who spoek at the forum", Language.EN, "who spoke at the forum"),
    ],
)
def test_a_misspelt_question_word_is_put_right(typed: str, language: Language, meant: str) -> None:
    assert fix_spelling(typed, language) == meant


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("кто такая сапорова", Language.RU),  # a name's typo is the search's to ask about
        ("кто такой кассымов", Language.RU),  # a doubled letter of a name is no known word
        ("кто такой моор", Language.RU),  # nor a word of the lexicon («мор»)
        ("Кагда", Language.RU),  # written with a capital: a name, maybe
        ("нургазиева где работает", Language.RU),
        ("whn is the next forum", Language.EN),  # «who» or «when»: not guessed
        ("Нұрғазиева қашан сөйледі", Language.KK),  # no Kazakh dictionary: left alone
    ],
)
def test_names_and_unclear_words_are_left_as_typed(typed: str, language: Language) -> None:
    assert fix_spelling(typed, language) == typed
