"""Text normalisation for matching Russian names and words: case, ё/е, punctuation, endings.

The stemmer is a small suffix stripper, enough for surnames and common words in any
grammatical case («Нургазиевой» → «нургазиев», «круглом столе» → «кругл стол»).
"""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"[0-9a-zа-я]+(?:-[0-9a-zа-я]+)*")

# Longest endings first; a word keeps at least _MIN_STEM letters.
_ENDINGS = sorted(
    {
        # adjectives and participles
        "ыми",
        "ими",
        "ого",
        "его",
        "ому",
        "ему",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ый",
        "ий",
        "ой",
        "ую",
        "юю",
        "ых",
        "их",
        "ым",
        "им",
        "ом",
        "ем",
        # nouns
        "ами",
        "ями",
        "ах",
        "ях",
        "ов",
        "ев",
        "ей",
        "ам",
        "ям",
        "ью",
        "ия",
        "ии",
        "ию",
        "а",
        "я",
        "о",
        "е",
        "ы",
        "и",
        "у",
        "ю",
        "ь",
        # verbs in the past tense and infinitive
        "ала",
        "яла",
        "ила",
        "ело",
        "али",
        "яли",
        "или",
        "ели",
        "ал",
        "ял",
        "ил",
        "ел",
        "ать",
        "ять",
        "ить",
        "еть",
        "ть",
        "ет",
        "ут",
        "ют",
        "ит",
        "ат",
        "ят",
    },
    key=len,
    reverse=True,
)
_MIN_STEM = 3

STOPWORDS = frozenset(
    [
        "а",
        "в",
        "во",
        "вы",
        "где",
        "для",
        "до",
        "же",
        "за",
        "и",
        "из",
        "или",
        "им",
        "их",
        "к",
        "как",
        "какая",
        "какие",
        "какой",
        "каких",
        "ко",
        "когда",
        "кто",
        "ли",
        "мне",
        "мы",
        "на",
        "над",
        "не",
        "но",
        "ну",
        "о",
        "об",
        "от",
        "по",
        "под",
        "при",
        "про",
        "с",
        "со",
        "так",
        "такая",
        "такие",
        "такой",
        "там",
        "то",
        "тот",
        "у",
        "уже",
        "что",
        "чем",
        "чья",
        "чьи",
        "чей",
        "это",
        "эта",
        "этот",
        "эти",
        "я",
        "был",
        "была",
        "были",
        "было",
        "будет",
        "будут",
        "есть",
        "ещё",
        "еще",
        "мой",
        "моя",
        "все",
        "всё",
        "вся",
        "весь",
        "его",
        "ее",
        "её",
        "они",
        "она",
        "он",
        "них",
        "него",
        "нее",
        "неё",
        "ней",
        "нем",
        "нём",
        "свой",
        "своя",
        "скажи",
        "расскажи",
        "подскажи",
        "покажи",
        "пожалуйста",
        "можно",
        "хочу",
        "знать",
    ]
)


def normalize(text: str) -> str:
    """Lower-case, ё→е, everything but letters, digits and inner hyphens becomes a space."""
    text = text.casefold().replace("ё", "е")
    return " ".join(_WORD_RE.findall(text))


def stem(word: str) -> str:
    word = word.casefold().replace("ё", "е")
    if word.endswith(("ся", "сь")) and len(word) - 2 >= _MIN_STEM + 1:
        word = word[:-2]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    """Normalised words; a hyphenated word yields its parts and the joined whole."""
    out: list[str] = []
    for token in normalize(text).split():
        if "-" in token:
            parts = [p for p in token.split("-") if p]
            out.extend(parts)
            out.append("".join(parts))
        else:
            out.append(token)
    return out


Forms = tuple[str, ...]


def forms(text: str, *, drop_stopwords: bool = False) -> list[Forms]:
    """Each word as (stem, word): the stemmer cuts «Тажибаев» to «тажиба» but «Тажибаеву» to
    «тажибаев», so matching compares every form of a query word with every form of a name."""
    result = []
    for word in words(text):
        if drop_stopwords and word in STOPWORDS:
            continue
        stemmed = stem(word)
        result.append((stemmed,) if stemmed == word else (stemmed, word))
    return result


def forms_match(query: Forms, doc: Forms) -> bool:
    return any(stems_match(q, d) for q in query for d in doc)


def stems_match(query_stem: str, doc_stem: str) -> bool:
    """Equal stems, or the query's stem begins the document's («Нургаз» finds «Нургазиева»).

    Only that direction: a long query word must not match a document word that merely begins
    it («общественную» is not «общества»).
    """
    return query_stem == doc_stem or (len(query_stem) >= 5 and doc_stem.startswith(query_stem))
