"""A fallback for phrasings the lexicon misses: the intent whose example questions are
closest in meaning, by the navec word vectors that ship with Natasha (offline).

«Чья это была инициатива — провести круглый стол?» has no word of the ORGANIZERS lexicon, but
its words sit near «кто организовал круглый стол». The vectors load on first use (about a
second), never at start-up.
"""

from __future__ import annotations

import logging
import math
from functools import cache

from answers.understanding import Intent
from search.textnorm import STOPWORDS, normalize

log = logging.getLogger(__name__)

# Example phrasings per intent: a few ways people ask, not the lexicon again.
EXAMPLES: dict[Intent, tuple[str, ...]] = {
    Intent.SPEAKERS: (
        "выступал",
        "доклад",
        "брал слово",
        "держал речь",
        "принимал участие",
        "слушали",
    ),
    Intent.ORGANIZERS: ("организовал", "устроил", "инициатор", "по чьей инициативе", "провел"),
    Intent.CITIES: ("из каких городов", "города", "регионы"),
    Intent.WHEN_WHERE: ("когда", "какого числа", "в какой день", "где проходило", "дата"),
    Intent.POSITION: ("должность", "пост", "кем трудится", "работает", "позиция", "служит"),
    Intent.STATEMENTS: (
        "заявил",
        "высказал мнение",
        "предложил",
        "отметил",
        "считает",
        "думает",
        "взгляды",
    ),
    Intent.TOPICS: ("темы", "обсуждали", "дискуссия", "повестка"),
    Intent.UPCOMING: ("планируется", "впереди", "будет потом", "ожидается"),
    Intent.EVENTS: ("мероприятия", "какие встречи прошли", "события"),
    Intent.ORIGIN: ("откуда приехал", "где живет", "родом"),
    Intent.MODERATORS: ("модерировал", "вел дискуссию", "ведущий"),
}
THRESHOLD = 0.55  # cosine similarity below which no intent is guessed

Vector = list[float]


@cache
def _embedding():  # type: ignore[no-untyped-def]
    from natasha import NewsEmbedding

    embedding = NewsEmbedding()
    log.info("word vectors loaded (navec, for guessing intents)")
    return embedding


def _vector(text: str) -> Vector | None:
    emb = _embedding()
    found = [emb[w] for w in normalize(text).split() if w not in STOPWORDS and w in emb]
    if not found:
        return None
    size = len(found[0])
    return [sum(v[i] for v in found) / len(found) for i in range(size)]


def _cosine(a: Vector, b: Vector) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


@cache
def _examples() -> tuple[tuple[Intent, Vector], ...]:
    out = []
    for intent, phrases in EXAMPLES.items():
        for phrase in phrases:
            vector = _vector(phrase)
            if vector is not None:
                out.append((intent, vector))
    return tuple(out)


def closest_intent(question_words: str) -> tuple[Intent | None, float]:
    """The intent whose examples are closest to the question's own words (not its names)."""
    vector = _vector(question_words)
    if vector is None:
        return None, 0.0
    best, score = None, 0.0
    for intent, example in _examples():
        similarity = _cosine(vector, example)
        if similarity > score:
            best, score = intent, similarity
    return (best, score) if score >= THRESHOLD else (None, score)
