"""Understanding plain questions: what is asked (the intent) and about what (the rest).

«Кто выступал на круглом столе?» → intent 'speakers', rest «круглом столе».
The rest is then resolved to an event, person, organization, city or topic by the search
index (see handlers/questions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.textnorm import STOPWORDS, normalize

# fmt: off
# Phrase beginnings that mark each intent, checked in this order (first match wins).
_INTENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unanswerable", ("сколько", "почему", "зачем", "какой бюджет", "стоимост", "сколько стоит")),
    ("topics", ("какие темы", "какие вопросы", "о чем говорили", "что обсуждали", "что обсуждалось",
                "темы", "тематик", "о чем шла речь")),
    ("moderators", ("модерир", "модератор", "кто вел ", "кто вела", "ведущ")),
    ("works", ("какие издани", "какие проект", "какие книг", "какие документ", "какие публикац",
               "что представили", "что подписали", "что презентовали")),
    ("upcoming", ("предстоя", "будущ", "ближайш", "скоро", "планиру", "что будет", "какие будут",
                  "анонс", "что впереди")),
    ("when_where", ("когда", "где", "дата", "какого числа", "в каком году", "каком месяц",
                    "в каком городе прош", "в каком городе пройд")),
    ("cities", ("город", "откуда", "регион", "стран")),
    ("organizers", ("организатор", "организовал", "организовыв", "кто провод", "кто провел")),
    ("events_of", ("в каких событ", "в каких мероприят", "в каких встреч", "какие событ",
                   "какие мероприят", "где участв")),
    ("organizations", ("организац", "ведомств", "какие нко", "какие нпо", "вуз", "университет")),
    ("speakers", ("выступ", "спикер", "доклад", "кто участв", "кто был", "кто говорил",
                  "кто рассказ", "кто представлял", "участник", "кто из")),
    ("person", ("кто так", "кто это", "что говорил", "что сказал", "о чем говорил",
                "о чем рассказ", "что рассказ", "какую должность", "кем работа", "кто он",
                "кто она", "расскажи о", "расскажи про")),
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
_COUNTRY_FILTERED = frozenset({"cities", "organizations", "organizers"})
# fmt: on


@dataclass(frozen=True, slots=True)
class Question:
    intent: str  # one of the _INTENTS names, or 'search'
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
        (name for name, markers in _INTENTS if any(f" {m}" in norm for m in markers)), "search"
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
