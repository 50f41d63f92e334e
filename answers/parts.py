"""Messages that ask several things at once: «Кто организовал круглый стол в Омске и когда он
прошёл?», «Погорельский — кто он, где работает и что предлагал?», «who spoke at the meeting
and what positions did they hold?». Each part is a question of its own; they are answered one
after another, each later part continuing the one before it («он» is the round table).

A message is cut where a conjunction of its language («и», «and», «және»), a question mark or
— in a list that a conjunction ends — a comma is followed by words that ask (a question word
of that language near the start, anywhere in Kazakh, where it comes late). It is cut only when
every part asks something by itself; «Кто выступал и на круглом столе, и на встрече?» is one
question.
"""

from __future__ import annotations

import re
from functools import cache

from answers.kazakh import kazakh_stem
from answers.language import clean, detect_language, fold
from answers.lexicon import words_of
from answers.understanding import Intent, parse_question
from search.textnorm import normalize
from views.i18n import Language

# How far into a part its question word may stand in Russian and English («и о чём она
# говорила», «and what positions»); a later one belongs to a clause inside the part.
_ASKING_WITHIN = 3


@cache
def _asking(language: Language) -> frozenset[str]:
    words = words_of(language.value).interrogatives
    if language is Language.KK:
        return frozenset(fold(kazakh_stem(w)) for w in words) | frozenset(map(fold, words))
    return frozenset(words)


def _asks(segment: str, language: Language) -> bool:
    words = normalize(segment).split()
    asking = _asking(language)
    if language is Language.KK:
        return any(fold(w) in asking or fold(kazakh_stem(w)) in asking for w in words)
    return any(w in asking for w in words[:_ASKING_WITHIN])


def _boundaries(text: str, language: Language) -> list[tuple[int, int, bool]]:
    """(start, end, strong) of every place the text may be cut: conjunctions and question
    marks are strong, commas and semicolons only count inside a list a strong one ends."""
    found: list[tuple[int, int, bool]] = []
    for conjunction in words_of(language.value).conjunctions:
        pattern = rf"(?<!\w){re.escape(conjunction)}(?!\w)"
        found += [(m.start(), m.end(), True) for m in re.finditer(pattern, text, re.IGNORECASE)]
    found += [(m.start(), m.end(), m.group() == "?") for m in re.finditer(r"[?,;]", text)]
    found.sort()
    # A conjunction right after a comma («…, и когда …») is one boundary; so are two overlapping
    # conjunctions («а также» and «а»).
    merged: list[tuple[int, int, bool]] = []
    for start, end, strong in found:
        if merged and start <= merged[-1][1] + 1:
            last_start, last_end, last_strong = merged[-1]
            merged[-1] = (last_start, max(end, last_end), strong or last_strong)
        else:
            merged.append((start, end, strong))
    return merged


def question_parts(text: str) -> tuple[str, ...]:
    """The questions `text` asks, in order: one part when it asks one thing."""
    text = clean(text)
    language = detect_language(text)
    boundaries = _boundaries(text, language)
    cuts: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # commas waiting for the conjunction that ends a list
    for number, (start, end, strong) in enumerate(boundaries):
        following = boundaries[number + 1][0] if number + 1 < len(boundaries) else len(text)
        segment = text[end:following]
        if not text[:start].strip() or not segment.strip():
            continue
        if not _asks(segment, language):
            if strong:
                pending = []
            continue
        if strong:
            cuts += [*pending, (start, end)]
            pending = []
        else:
            pending.append((start, end))
    if not cuts:
        return (text,)
    asked = text.rstrip().endswith("?")
    pieces, at = [], 0
    for start, end in cuts:
        pieces.append(text[at:start])
        at = end
    pieces.append(text[at:])
    parts = tuple(p.strip(" ,;?") + ("?" if asked else "") for p in pieces if p.strip(" ,;?"))
    if len(parts) < 2 or not all(_asks_by_itself(p, n == 0) for n, p in enumerate(parts)):
        return (text,)
    return parts


def _asks_by_itself(part: str, first: bool) -> bool:
    """The part asks something; the first also names what it asks about («Где и когда прошёл
    форум?» is one question, «и когда?» continues the part before it)."""
    question = parse_question(part)
    named = bool(question.words) or not first
    return named and question.asked_intent and question.intent is not Intent.SMALL_TALK
