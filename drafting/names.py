"""People's names to the nominative, whatever case an article writes them in: «Марины
Коваленко» → «Марина Коваленко», «Айгерим Сапаровой» → «Айгерим Сапарова», «Бахытжана
Оразбая» → «Бахытжан Оразбай», «Т.Серикбаева» (after «заместителя») → «Т. Серикбаев».

The words of one name share a case and a gender, so every (gender, case) is tried for the
whole name: each word must fit it — by the dictionary (pymorphy3 knows most first names and
patronymics) or by the endings Russian gives surnames and names (the rules petrovich writes
forwards, read backwards) — and the best-supported reading wins. Evidence beyond the words:
a name that is the subject of its clause is in the nominative, one after a preposition or a
noun is not, and a past-tense verb tells the gender. Kazakh surnames in -улы/-кызы, women's
names ending in a consonant and surnames in -енко/-ко/-ых never change. pymorphy3 alone turns
women's surnames into men's and does not know most Kazakh names, hence the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
OBLIQUE = CASES[1:]
GENDERS = ("masc", "femn")
INITIALS = re.compile(r"^[А-ЯЁA-Z]\.(?:[А-ЯЁA-Z]\.?)?$|^[А-ЯЁA-Z]$")  # «Т.Ж» at a sentence end
# («-ого», «-его» are the genitive of a surname like «Бельский», not an indeclinable «-о»)
_INDECLINABLE = re.compile(r"(енко|ко|ых|их|улы|ұлы|уулу|кызы|қызы|оглы|(?<![ое]г)о)$")
_CONSONANT = "бвгджзйклмнпрстфхцчшщ"


@dataclass(frozen=True, slots=True)
class Context:
    """What the sentence says about a name: its syntactic role and a verb's gender."""

    subject: bool | None = None  # the clause's subject (True), a dependent (False), unknown
    gender: str | None = None  # «masc» / «femn» from a past-tense verb agreeing with it
    case: str | None = None  # the case of the title it stands after («с руководителем …»)


# (oblique ending, nominative ending, gender, cases) — surnames in -ов/-ев/-ин/-ын/-ский,
# names and surnames ending in a consonant, in -а/-я, in -ия.
_RULES: list[tuple[str, str, str, tuple[str, ...]]] = []
for _stem in ("ов", "ев", "ёв", "ин", "ын"):
    _RULES += [
        (_stem + "а", _stem, "masc", ("gent", "accs")),
        (_stem + "у", _stem, "masc", ("datv",)),
        (_stem + "ым", _stem, "masc", ("ablt",)),
        (_stem + "е", _stem, "masc", ("loct",)),
        (_stem + "ой", _stem + "а", "femn", ("gent", "datv", "ablt", "loct")),
        (_stem + "у", _stem + "а", "femn", ("accs",)),
    ]
for _stem in ("ск", "цк"):
    _RULES += [
        (_stem + "ого", _stem + "ий", "masc", ("gent", "accs")),
        (_stem + "ому", _stem + "ий", "masc", ("datv",)),
        (_stem + "им", _stem + "ий", "masc", ("ablt",)),
        (_stem + "ом", _stem + "ий", "masc", ("loct",)),
        (_stem + "ой", _stem + "ая", "femn", ("gent", "datv", "ablt", "loct")),
        (_stem + "ую", _stem + "ая", "femn", ("accs",)),
    ]
_RULES += [
    ("ии", "ия", "femn", ("gent", "datv", "loct")),
    ("ие", "ия", "femn", ("datv", "loct")),
    ("ию", "ия", "femn", ("accs",)),
    ("ией", "ия", "femn", ("ablt",)),
    ("я", "й", "masc", ("gent", "accs")),
    ("ю", "й", "masc", ("datv",)),
    ("ем", "й", "masc", ("ablt",)),
    ("е", "й", "masc", ("loct",)),
    ("и", "я", "femn", ("gent", "datv", "loct")),
    ("ю", "я", "femn", ("accs",)),
    ("ей", "я", "femn", ("ablt",)),
]
# A consonant-final masculine name or surname: «Ержана», «Оразбаю», «Нурланом», «Армане».
_CONSONANT_RULES = (
    ("а", "masc", ("gent", "accs")),
    ("у", "masc", ("datv",)),
    ("ом", "masc", ("ablt",)),
    ("е", "masc", ("loct",)),
)
# A feminine name in -а: «Марины», «Ольге», «Асию», «Ольгой».
_FEMININE_A = (
    ("ы", "femn", ("gent",)),
    ("и", "femn", ("gent",)),  # after к, г, х, ж, ш, ч, щ
    ("е", "femn", ("datv", "loct")),
    ("у", "femn", ("accs",)),
    ("ой", "femn", ("ablt",)),
    ("ей", "femn", ("ablt",)),
)


@cache
def _parses(word: str) -> tuple[Any, ...]:
    from search.textnorm import _analyzer

    return tuple(_analyzer().parse(word))


def _readings(word: str) -> dict[tuple[str, str], tuple[str, float]]:
    """(gender, case) → (nominative, support) for one word of a name."""
    out: dict[tuple[str, str], tuple[str, float]] = {}

    def add(gender: str, case: str, nominative: str, support: float) -> None:
        if support > out.get((gender, case), ("", -1.0))[1]:
            out[(gender, case)] = (nominative, support)

    if "-" in word.strip("-"):  # «Касым-Жомартом»: the last part changes
        head, _, tail = word.rpartition("-")
        return {
            key: (f"{head}-{form}", support) for key, (form, support) in _readings(tail).items()
        }
    lower = word.casefold()
    if INITIALS.match(word) or _INDECLINABLE.search(lower):
        for gender in GENDERS:
            for case in CASES:
                add(gender, case, word, 0.5)
        return out
    # The dictionary, for words it knows as names, patronymics or surnames (its guesses for
    # words it does not know count for less than the endings below).
    known = _known(word)
    for parse in _parses(word):
        grammemes = parse.tag.grammemes
        if not {"Name", "Patr", "Surn"} & grammemes or parse.tag.case not in CASES:
            continue
        gender = parse.tag.gender
        if gender not in GENDERS or "plur" in grammemes:
            continue
        nominative = parse.inflect({"nomn", "sing"})
        if nominative is not None:
            support = (2.0 if {"Name", "Patr"} & grammemes else 1.0) if known else 0.7
            add(gender, parse.tag.case, _as_written(word, nominative.word), support)
    # The endings. A word that ends as a case of a surname («Ибраевым») is less likely
    # a name written as it is.
    last = lower[-1:]
    oblique = any(
        lower.endswith(ending) and len(lower) > len(ending) + 1 for ending, *_ in _RULES
    ) or lower.endswith(("ом", "ем", "ым"))
    if last in _CONSONANT and not lower.endswith(("ой", "ий", "ый")):
        add("masc", "nomn", word, 0.6 if oblique else 1.0)
        for case in CASES if not oblique else ():
            # A woman's name or surname in a consonant does not change («Айгерим»).
            add("femn", case, word, 0.6 if case == "nomn" else 0.5)
    if lower.endswith(("ий", "ый", "ой")) and not lower.endswith(("овой", "евой", "иной")):
        add("masc", "nomn", word, 1.0)
    if lower.endswith("е") and not lower.endswith(("ие", "ье")):
        # «Сауле»: a woman's name in «-е» that does not change, not «Саул» in a case
        add("femn", "nomn", word, 0.5)
    if lower.endswith(("а", "я")) and not lower.endswith("ича"):
        # «Сагатовича», «Ильича»: a man's patronymic in the genitive, never a woman's name
        add("femn", "nomn", word, 1.0)
    for ending, nominative, gender, cases in _RULES:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            if nominative == "й" and lower[-len(ending) - 1] in _CONSONANT:
                continue  # «Сергеем» → «Сергей», but «Игорем» is no «Игорй»
            for case in cases:
                add(gender, case, word[: len(word) - len(ending)] + nominative, 1.0)
    for ending, gender, cases in _CONSONANT_RULES:
        if lower.endswith(("вна", "чна")):
            break  # «Кенесовна»: a woman's patronymic, never a man's name in the genitive
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) > 2 and stem[-1] in _CONSONANT:
            if stem.endswith(("ск", "цк")) or stem[-1] == "й":
                continue
            for case in cases:
                add(gender, case, word[: len(word) - len(ending)], 0.9)
    # «Дегтяря», «Игорю», «Дегтярём»: a man's name or surname in a soft sign, in a case
    for ending, cases in (("я", ("gent", "accs")), ("ю", ("datv",)), ("ём", ("ablt",)),
                          ("ем", ("ablt",)), ("е", ("loct",))):  # fmt: skip
        stem = lower[: -len(ending)]
        soft = len(stem) > 2 and stem[-1] in _CONSONANT and stem[-1] not in "жшщчцй"
        if lower.endswith(ending) and soft:
            for case in cases:
                add("masc", case, word[: len(word) - len(ending)] + "ь", 0.8)
    for ending, gender, cases in _FEMININE_A:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) > 2 and stem[-1] in _CONSONANT:
            soft = stem[-1] in "кгхжшчщ"
            if (ending == "ы" and soft) or (ending == "и" and not soft):
                continue
            if stem.endswith(("ов", "ев", "ин", "ын", "ск", "цк")) and ending in ("ой", "у"):
                continue  # a surname's ending: the rules above
            for case in cases:
                add(gender, case, word[: len(word) - len(ending)] + "а", 0.8)
    return out


def _known(word: str) -> bool:
    from search.textnorm import _analyzer

    return bool(_analyzer().word_is_known(word.casefold()))


def _as_written(word: str, nominative: str) -> str:
    """The dictionary's lower-case form, capitalised as the word was."""
    if word.isupper() and len(word) > 1:
        return nominative.upper()
    return nominative[:1].upper() + nominative[1:] if word[:1].isupper() else nominative


NO_CONTEXT = Context()


def nominative(words: list[str], context: Context = NO_CONTEXT) -> list[str]:
    """The words of one person's name in the nominative (initials as they are)."""
    return read_name(words, context)[0]


def read_name(words: list[str], context: Context = NO_CONTEXT) -> tuple[list[str], str]:
    """The name's words in the nominative, and the case it is written in («nomn», «gent» …;
    «nomn» when nothing tells)."""
    readings = [_readings(w) for w in words]
    best: tuple[float, str, str] | None = None
    for gender in GENDERS:
        for case in CASES:
            # A word no rule reads in this case stays as written, at a cost.
            score = sum(r[(gender, case)][1] if (gender, case) in r else -1.5 for r in readings)
            if context.subject is True:
                score += 3.0 if case == "nomn" else 0.0
            elif context.subject is False:
                score += 1.5 if case != "nomn" else 0.0
            else:
                score += 0.3 if case == "nomn" else 0.0
            if context.gender == gender:
                score += 2.0
            if context.case == case:
                score += 2.0
            if best is None or score > best[0]:
                best = (score, gender, case)
    if best is None:
        return words, "nomn"
    _, gender, case = best
    out = [
        r[(gender, case)][0] if (gender, case) in r else w
        for w, r in zip(words, readings, strict=True)
    ]
    return out, case


def split_initials(text: str) -> list[str]:
    """A name's words with initials apart: «Б.Жаксылыков» → ["Б.", "Жаксылыков"],
    «Кенжебаев А.Б.» → ["Кенжебаев", "А.Б."], «Е. В. Лисицына» → ["Е.В.", "Лисицына"]."""
    text = re.sub(r"\b([А-ЯЁA-Z])\.\s*(?=[А-ЯЁA-Z]\.)", r"\1.", text)  # «Е. В.» → «Е.В.»
    if re.search(r"[а-яё]{2}", text):  # «Лукашов ВА»: initials written without full stops
        text = re.sub(r"(?<!\S)([А-ЯЁ])([А-ЯЁ])(?!\S)", r"\1.\2.", text)
    text = re.sub(r"((?:\b[А-ЯЁA-Z]\.){1,2})(?=[А-ЯЁ][а-яё])", r"\1 ", text)
    return text.split()
