"""Understanding plain questions: what is asked (the intent) and about what (the rest).

«Кто выступал на круглом столе?» → intent 'speakers', rest «круглом столе».
The rest is then resolved to an event, person or organization by the search index.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.textnorm import STOPWORDS, normalize

# Word beginnings that mark each intent, checked in this order.
_INTENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "when_where",
        (
            "когда",
            "где",
            "дата",
            "какого числа",
            "в каком городе прош",
            "в каком году",
            "каком месяц",
        ),
    ),
    (
        "upcoming",
        ("предстоя", "будущ", "ближайш", "скоро", "планиру", "что будет", "какие будут", "анонс"),
    ),
    ("cities", ("город", "откуда", "регион")),
    ("organizers", ("организатор", "организовал", "организовыв", "кто провод", "кто провел")),
    (
        "organizations",
        ("организац", "ведомств", "нко участв", "какие нко", "какие нпо", "вуз", "университет"),
    ),
    (
        "speakers",
        (
            "выступ",
            "спикер",
            "доклад",
            "кто участв",
            "кто был",
            "кто говорил",
            "кто представлял",
            "участник",
        ),
    ),
    (
        "person",
        (
            "кто так",
            "кто это",
            "что говорил",
            "что сказал",
            "о чем говорил",
            "какую должность",
            "кем работа",
            "расскажи о",
            "расскажи про",
        ),
    ),
)

# Words that only carry the question and must not be searched for as names.
_QUESTION_WORDS = (
    "выступ",
    "спикер",
    "доклад",
    "говорил",
    "сказал",
    "организатор",
    "организовал",
    "организовыв",
    "организац",
    "участв",
    "участник",
    "город",
    "откуда",
    "регион",
    "когда",
    "где",
    "дата",
    "числ",
    "прош",
    "пройд",
    "состоял",
    "состоит",
    "провод",
    "провел",
    "предстоя",
    "будущ",
    "ближайш",
    "скоро",
    "планиру",
    "анонс",
    "такая",
    "такой",
    "такие",
    "должност",
    "работа",
    "представлял",
    "какую",
    "каком",
    "году",
    "месяц",
    "расскаж",
    "какие",
    "какая",
    "какой",
    "кто",
    "что",
    "был",
    "была",
    "были",
    "будет",
    "будут",
)

_COUNTRIES = (("KZ", ("казахстан", "казахск", "рк")), ("RU", ("росси", "российск", "рф")))


@dataclass(frozen=True, slots=True)
class Question:
    intent: str  # one of the _INTENTS names, or 'search'
    rest: str  # the words left once question words are removed
    country: str | None  # 'RU' / 'KZ' when the question narrows to a country


def _country(words: list[str]) -> tuple[str | None, list[str]]:
    for code, prefixes in _COUNTRIES:
        for i, word in enumerate(words):
            if word in prefixes or any(word.startswith(p) for p in prefixes if len(p) > 2):
                return code, words[:i] + words[i + 1 :]
    return None, words


def parse_question(text: str) -> Question:
    norm = normalize(text)
    intent = "search"
    for name, markers in _INTENTS:
        if any(f" {m}" in f" {norm}" for m in markers):
            intent = name
            break
    words = [w for w in norm.split() if w not in STOPWORDS and not w.startswith(_QUESTION_WORDS)]
    country = None
    if intent in ("cities", "organizations", "organizers", "speakers"):
        country, words = _country(words)
    return Question(intent, " ".join(words), country)
