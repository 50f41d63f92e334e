"""Grounding: every content word of a question is either used or reported, and no constraint
is dropped silently.

Two gaps are found after linking: words that look like names or things (a noun, a proper
name, a word the dictionary does not know) that no entity's name covers and that nothing in
the materials contains («Кто выступал в Караганде?»), and constraints — a place,
organization, person or date — that none of the events the question names satisfies
(«…на круглом столе в Москве?»). Either gap is answered as such, never with the wider answer
the question would get without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answers.base import Answer
from answers.cards import card_answer
from answers.kazakh import kazakh_stem, said_of_a_place
from answers.lexicon import every
from answers.linking import Linked, Unmet, kept_words, leftover_words, split_names, typed_words
from answers.relations import Asked, lead
from answers.understanding import Intent, Question, glossary_word
from db.kinds import EntityKind
from facts.edition import Edition
from search.textnorm import (
    PLACE_ADJECTIVE,
    content_word,
    known_place,
    person_name_part,
    proper_name,
)
from views.grounding import constraint_text, nothing_about, nothing_fits
from views.i18n import Language
from views.keyboards import cards, event_buttons, hits_keyboard

# Intents answered without narrowing: small talk, and questions the facts cannot answer at all
# («сколько стоит …»), which say so themselves.
_UNGROUNDED = frozenset({Intent.SMALL_TALK, Intent.OFF_TOPIC, Intent.UNANSWERABLE})


# What a question may name for certain beside a word the materials lack: its card is shown.
_CARDS = frozenset({EntityKind.PERSON, EntityKind.EVENT, EntityKind.ORGANIZATION})

# What a yes/no question may ask about one event: whether this person, organization or place
# took part in it.
_ASKED = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE})


@dataclass(frozen=True, slots=True)
class Gaps:
    unknown: tuple[str, ...] = ()  # words as typed that the materials know nothing about
    unmet: tuple[Unmet, ...] = ()
    # a word of a name the rest of which is known («Дмитрий» Быков): no one known is meant
    name_part: bool = False

    def __bool__(self) -> bool:
        return bool(self.unknown or self.unmet)


async def gaps(edition: Edition, q: Question, linked: Linked) -> Gaps:
    """What the question names that the materials lack, and what no event named satisfies."""
    if q.intent in _UNGROUNDED:
        return Gaps()
    unmet = tuple(
        u
        for m in linked.of_kind(EntityKind.EVENT)
        for u in m.unmet
        # «Была ли X на Y?» about one event: the yes/no answer itself says «нет» about it —
        # unless a generic name was narrowed by one place and another is unmet («Томск … на
        # круглом столе в Омске»): then no round table has both.
        if not (
            q.yes_no
            and len(m.hits) == 1
            and u.kind is not None
            and u.kind in _ASKED
            and not (m.generic and u.kind is EntityKind.PLACE)
        )
    )
    index = edition.search
    unknown: list[str] = split_names(q, linked)
    name_part = bool(unknown)
    for word, typed in leftover_words(q, linked):
        # «Самарской (области)» narrows as a place does; «апрельском» does not
        region = typed[:1].isupper() and PLACE_ADJECTIVE.search(word)
        if not (content_word(word) or region):
            continue
        named = any(not m.fuzzy for m in linked.mentions)
        if (
            q.language is not Language.RU
            and not typed[:1].isupper()
            and named
            and not known_place(word)
            and not glossary_word(word)  # «the mayor of Oral»: «аким» is a word of the facts
            and not (q.language is Language.KK and said_of_a_place(typed))
        ):
            # The Russian dictionary knows no Kazakh or English word: beside a name the
            # question gives for certain, only a word written as a name counts as one. A
            # question that names nothing else would otherwise be answered about everything.
            continue
        if q.language is Language.RU and typed.islower() and proper_name(word):
            typed = typed.capitalize()  # «барнауле» is told back as «Барнауле»
        if not await index.search(word, fuzzy=False, ranked=False, limit=1):
            unknown.append(typed)
            continue
        if (
            known_place(word)
            and not _of_region(typed, q.text)
            and not await index.search(
                word, kinds=[EntityKind.PLACE], columns="names", fuzzy=False, ranked=False, limit=1
            )
        ):
            # «Какие события были в Тюмени?»: a city the facts hold no place of, whatever a
            # summary says of it in passing
            unmet += (Unmet(EntityKind.PLACE, typed),)
        # otherwise the materials hold it somewhere: it may narrow, it is no gap
    held = {
        w
        for m in linked.of_kind(EntityKind.PERSON)
        for w in typed_words(m, q)
        if w[:1].isupper() and person_name_part(w)
    }
    return Gaps(_whole_names(unknown, q.text, held), unmet, name_part)


def _whole_names(unknown: list[str], text: str, held: set[str]) -> tuple[str, ...]:
    """«Ерлан» of «Ерлан Карин» told back as the whole name typed: «Карин» is a word of
    someone's name in the materials (`held`, as typed), but this person is not there. A name
    part joins the words of `held` written right beside it."""
    told = []
    for word in unknown:
        whole = word
        if word[:1].isupper() and person_name_part(word) and held and not _a_place(word):
            name = "|".join(re.escape(w) for w in sorted(held, key=len, reverse=True))
            around = re.search(
                rf"(?<!\w)((?:(?:{name})\s+)*){re.escape(word)}((?:\s+(?:{name}))*)(?!\w)", text
            )
            if around:
                whole = " ".join([*around.group(1).split(), word, *around.group(2).split()])
        if not any(set(whole.split()) <= set(other.split()) for other in told):
            told = [other for other in told if not set(other.split()) <= set(whole.split())]
            told.append(whole)
    return _as_typed_together(told, text)


def _a_place(word: str) -> bool:
    """«Омске», «Омбыдағы»: a city as typed, never a part of someone's name beside it."""
    return known_place(word) or said_of_a_place(word)


def _as_typed_together(told: list[str], text: str) -> tuple[str, ...]:
    """Words typed side by side are told back as one phrase, as the question writes it
    («Ерлан Карин»); words apart, and a place beside a name («Ерлан Карин Омбыдағы»), as
    phrases apart, in the order typed."""

    def written(words: str) -> re.Match[str] | None:
        spaced = r"\s+".join(map(re.escape, words.split()))
        return re.search(rf"(?<!\w){spaced}(?!\w)", text, re.I)

    found = [(m.start(), m.end(), words) for words in told if (m := written(words))]
    if len(found) != len(told):  # not as typed (a Kazakh stem): as they are
        return tuple(told)
    phrases: list[tuple[int, list[str], bool]] = []  # where each ends, its words, a place?
    for start, stop, words in sorted(found):
        place = _a_place(words)
        if phrases and not (phrases[-1][2] or place) and not text[phrases[-1][0] : start].strip():
            end, said, _ = phrases[-1]
            # words both phrases hold are told once («Ерлан Карин» and «Карин Ахметов»)
            shared = len(text[start:end].split())
            phrases[-1] = (max(end, stop), said + words.split()[shared:], False)
        else:
            phrases.append((stop, words.split(), place))
    return tuple(" ".join(said) for _, said, _ in phrases)


_REGION_WORDS = tuple(every("region_words"))


def _of_region(typed: str, text: str) -> bool:
    """The city's name is a region's: a word for a region follows it («Тюмень облысында»,
    «Тюменской области»); a word of five letters or more also with its endings."""
    found = re.search(rf"(?<!\w){re.escape(typed)}(?!\w)\W+(\w+)", text, re.IGNORECASE)
    after = found.group(1).casefold() if found else ""
    return any(after == w or (len(w) >= 5 and after.startswith(w)) for w in _REGION_WORDS)


async def gap_answer(asked: Asked, found: Gaps) -> Answer:
    if found.unknown:
        # named by a name, not by a word every one of its kind has («ассоциации» Жасыл ел is
        # no Ассоциация «Шығыс»)
        certain = [
            m
            for m in asked.linked.mentions
            if not m.fuzzy
            and len(m.hits) == 1
            and not m.generic
            and any(proper_name(w) for w in kept_words(m, asked.question))
        ]
        # never beside a word that may be the rest of a name: «Дмитрий» Быков is no Сергей
        of_someone = certain[:1] and certain[0].kind is EntityKind.PERSON
        # a Kazakh word by its stem: «Думаның» is «дума», no first name
        kazakh = asked.question.language is Language.KK
        said = [kazakh_stem(w) if kazakh else w for told in found.unknown for w in told.split()]
        name_part = found.name_part or (of_someone and any(map(person_name_part, said)))
        if len(certain) == 1 and certain[0].kind in _CARDS and not name_part:
            # «Смирнова — депутат Госдумы?»: nothing on the Duma, and what is known of her
            card = await card_answer(
                asked.edition, certain[0].kind, certain[0].hits[0].id, asked.today
            )
            # a yes/no question's claim holds nothing stored: «нет», and what is known
            said = nothing_about(
                found.unknown, suggestions=False, known=True, denied=asked.question.yes_no
            )
            return lead(said, card)
        suggestions = await asked.edition.search.search(
            " ".join(asked.question.words), columns="names", limit=5, fuzzy=True
        )
        suggestions = [h for h in suggestions if h.fuzzy]
        text = nothing_about(found.unknown, suggestions=bool(suggestions))
        return Answer(text, hits_keyboard(suggestions) if suggestions else None)
    constraints = [constraint_text(u.kind, u.label, u.dates) for u in found.unmet]
    mention = asked.mention(EntityKind.EVENT)
    ids = [h.id for h in mention.hits] if mention is not None else []
    events = asked.edition.facts.events_by_id(ids[:10])
    # «форум в Семее»: only a kind of event is left, and its events (held elsewhere) are no
    # answer; when only a date is unmet, their dates are («круглый стол в Омске в 2023?»)
    named = mention is not None and not mention.generic
    dated = all(u.dates is not None for u in found.unmet)
    text = nothing_fits(constraints, events, yes_no=asked.question.yes_no, listed=named or dated)
    return Answer(text, cards(event_buttons(events)) if events else None)
