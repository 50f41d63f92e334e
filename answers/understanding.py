"""Understanding plain questions: what is asked (the intent) and about what (the rest).

«Кто выступал на круглом столе?» → intent 'speakers', rest «круглом столе».
The rest is then resolved to an event, person, organization, city or topic by the search
index (see answers/questions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from db.kinds import EntityKind
from db.textnorm import STOPWORDS, normalize


class Intent(StrEnum):
    """What a question asks for."""

    UNANSWERABLE = "unanswerable"  # the facts cannot say (how much, why …)
    TOPICS = "topics"
    MODERATORS = "moderators"
    WORKS = "works"
    UPCOMING = "upcoming"
    WHEN_WHERE = "when_where"
    CITIES = "cities"
    ORGANIZERS = "organizers"
    EVENTS_OF = "events_of"
    ORGANIZATIONS = "organizations"
    SPEAKERS = "speakers"
    PERSON = "person"
    SEARCH = "search"  # no question words: look the text up


_E, _P, _O, _PL, _T, _W = (
    EntityKind.EVENT,
    EntityKind.PERSON,
    EntityKind.ORGANIZATION,
    EntityKind.PLACE,
    EntityKind.TOPIC,
    EntityKind.WORK,
)
# What each kind of question can be about, in order of preference.
SUBJECT_KINDS: dict[Intent, tuple[EntityKind, ...]] = {
    Intent.WHEN_WHERE: (_E, _P),
    Intent.CITIES: (_E,),
    Intent.ORGANIZERS: (_E, _O),
    Intent.ORGANIZATIONS: (_E, _O),
    Intent.TOPICS: (_E, _P, _T),
    Intent.SPEAKERS: (_E, _PL, _O, _T),
    Intent.EVENTS_OF: (_P, _O, _PL),
    Intent.PERSON: (_P,),
    Intent.WORKS: (_E,),
    Intent.MODERATORS: (_E,),
    Intent.UNANSWERABLE: (_E, _P, _O, _PL, _T, _W),
    Intent.SEARCH: (_P, _O, _E, _PL, _T, _W),
    Intent.UPCOMING: (),
}

# fmt: off
# Phrase beginnings that mark each intent, checked in this order (first match wins).
_INTENTS: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (Intent.UNANSWERABLE, (
        "сколько", "почему", "зачем", "какой бюджет", "стоимост", "сколько стоит",
    )),
    (Intent.TOPICS, (
        "какие темы", "какие вопросы", "о чем говорили", "что обсуждали", "что обсуждалось",
        "темы", "тематик", "о чем шла речь",
    )),
    (Intent.MODERATORS, (
        "модерир", "модератор", "кто вел ", "кто вела", "ведущ",
    )),
    (Intent.WORKS, (
        "какие издани", "какие проект", "какие книг", "какие документ", "какие публикац",
        "что представили", "что подписали", "что презентовали",
    )),
    (Intent.UPCOMING, (
        "предстоя", "будущ", "ближайш", "скоро", "планиру", "что будет", "какие будут", "анонс",
        "что впереди",
    )),
    (Intent.WHEN_WHERE, (
        "когда", "где", "дата", "какого числа", "в каком году", "каком месяц",
        "в каком городе прош", "в каком городе пройд",
    )),
    (Intent.CITIES, (
        "город", "откуда", "регион", "стран",
    )),
    (Intent.ORGANIZERS, (
        "организатор", "организовал", "организовыв", "кто провод", "кто провел",
    )),
    (Intent.EVENTS_OF, (
        "в каких событ", "в каких мероприят", "в каких встреч", "какие событ", "какие мероприят",
        "где участв",
    )),
    (Intent.ORGANIZATIONS, (
        "организац", "ведомств", "какие нко", "какие нпо", "вуз", "университет",
    )),
    (Intent.SPEAKERS, (
        "выступ", "спикер", "доклад", "кто участв", "кто был", "кто говорил", "кто рассказ",
        "кто представлял", "участник", "кто из",
    )),
    (Intent.PERSON, (
        "кто так", "кто это", "что говорил", "что сказал", "о чем говорил", "о чем рассказ",
        "что рассказ", "какую должность", "кем работа", "кто он", "кто она", "расскажи о",
        "расскажи про",
    )),
)

# Word beginnings that only carry the question and are not looked up as names.
_QUESTION_WORDS = (
    "выступ", "спикер", "доклад", "говорил", "сказал", "рассказ", "организатор", "организовал",
    "организовыв", "организац", "участв", "участник", "город", "откуда", "регион", "стран",
    "когда", "где", "дата", "числ", "прош", "пройд", "состоял", "состоит", "провод", "провел",
    "предстоя", "будущ", "ближайш", "скоро", "планиру", "анонс", "впереди", "такая", "такой",
    "такие", "должност", "работа", "представлял", "какую", "каком", "каких", "году", "месяц",
    "расскаж", "какие", "какая", "какой", "кто", "что", "был", "была", "были", "будет",
    "будут", "тем", "вопрос", "обсужд", "речь", "шла", "событ", "мероприят", "сколько",
    "почему", "зачем", "стоимост", "ведомств", "известн", "такое", "информац", "издани",
    "проект", "книг", "документ", "публикац", "представил", "подписал", "презентовал",
    "модерир", "модератор", "вел", "ведущ",
)

_COUNTRIES = (("KZ", ("казахстан", "казахск", "рк")), ("RU", ("росси", "российск", "рф")))
# Intents where a country narrows the answer instead of naming a subject.
_COUNTRY_FILTERED = frozenset({Intent.CITIES, Intent.ORGANIZATIONS, Intent.ORGANIZERS})
# fmt: on


@dataclass(frozen=True, slots=True)
class Question:
    intent: Intent
    rest: str  # the words left once question words are removed
    country: str | None  # 'RU' / 'KZ' when the question narrows to a country


def _country(words: list[str]) -> tuple[str | None, list[str]]:
    for code, prefixes in _COUNTRIES:
        for i, word in enumerate(words):
            low = normalize(word)
            if low in prefixes or any(low.startswith(p) for p in prefixes if len(p) > 2):
                return code, words[:i] + words[i + 1 :]
    return None, words


def parse_question(text: str) -> Question:
    norm = f" {normalize(text)}"
    intent = next(
        (name for name, markers in _INTENTS if any(f" {m}" in norm for m in markers)),
        Intent.SEARCH,
    )
    # Words keep the case they were typed in: «СО РАН» is an abbreviation, «со» is not.
    words = []
    for word in re.findall(r"\w+(?:-\w+)*", text):
        low = normalize(word)
        abbreviation = len(word) > 1 and word.isupper()
        if low and not low.startswith(_QUESTION_WORDS) and (low not in STOPWORDS or abbreviation):
            words.append(word)
    country = None
    if intent in _COUNTRY_FILTERED:
        country, words = _country(words)
    return Question(intent, " ".join(words), country)
