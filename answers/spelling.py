"""Typos in the words that carry a question («кагда», «рабоатет», «wen»), put right before the
question is read. A lower-case word that neither the Russian dictionary nor the lexicon knows,
one edit (a letter changed, added, dropped, or two swapped) from exactly one word of the
lexicon's questions or glossary, becomes that word. Names are never touched: they are written
with a capital, or are several edits from every question word."""

from __future__ import annotations

import re
from functools import cache

import yaml

from answers.lexicon import HERE, words_of
from search.textnorm import known_word, proper_name, query_forms
from views.i18n import Language

_WORD = re.compile(r"\w+")


@cache
def _lexicon_words(language: Language) -> frozenset[str]:
    """Every word the lexicon file holds, anywhere («ago», «years»): known, never a typo."""
    data = yaml.safe_load((HERE / f"{language.value}.yaml").read_text("utf-8"))
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(w.casefold() for w in _WORD.findall(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return frozenset(found)


@cache
def _vocabulary(language: Language) -> tuple[frozenset[str], tuple[str, ...]]:
    """The lexicon's whole question words, and its cue beginnings of five letters and more
    («выступ», «организ»): a typo inside such a beginning is put right in the beginning."""
    words = words_of(language.value)
    phrases = [*words.interrogatives, *words.yes_no, *words.count, *words.question_words]
    phrases += [cue for cues in words.intents.values() for cue in cues]
    phrases += [english for english, _ in words.glossary]  # «declration»: a domain word
    whole = {
        w for p in phrases if isinstance(p, str) for w in p.split() if len(w) >= 3 and w.isalpha()
    }
    if language is Language.RU:
        beginnings = tuple(sorted(w for w in whole if len(w) >= 5 and not known_word(w)))
        whole = {w for w in whole if known_word(w)}
        return frozenset(whole), beginnings
    return frozenset(whole), ()


def _of_the_lexicon(word: str) -> bool:
    """A form of a Russian word the lexicon holds («круглом» of «круглый»), never of a name
    («моор» is no «мор»)."""
    if not known_word(word) or proper_name(word):
        return False
    lexicon = _lexicon_words(Language.RU)
    return any(form in lexicon for forms in query_forms(word) for form in forms)


def _fixed(word: str, language: Language) -> str:
    from rapidfuzz.distance import OSA  # off the start-up path: only a question needs it

    whole, beginnings = _vocabulary(language)
    if word in _lexicon_words(language) or len(word) < (4 if language is Language.RU else 3):
        return word
    if language is Language.RU and known_word(word):
        return word
    if language is Language.RU:  # «кругллом»: a letter of a lexicon word typed twice
        single = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
        if len(known := [w for w in single if _of_the_lexicon(w)]) == 1:
            return known[0]
    # a three-letter word is only a question word misspelt («wen»), never a glossary word
    asking = whole if len(word) > 3 else words_of(language.value).interrogatives
    close = [w for w in asking if OSA.distance(word, w, score_cutoff=1) <= 1]
    if len(close) == 1:
        return close[0]
    for beginning in beginnings:
        head = word[: len(beginning)]
        if head != beginning and OSA.distance(head, beginning, score_cutoff=1) <= 1:
            fixed = beginning + word[len(beginning) :]
            if known_word(fixed):
                return fixed
    return word


def fix_spelling(text: str, language: Language) -> str:
    """`text` with its misspelt question words put right (Russian and English)."""
    if language is Language.KK:
        return text  # no Kazakh dictionary to tell a typo from a name

    def fix(found: re.Match[str]) -> str:
        word = found.group()
        if not word.islower():
            return word
        return _fixed(word, language)

    return _WORD.sub(fix, text)
