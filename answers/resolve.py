"""One subject resolver for commands, plain questions and inline queries: what a user typed
becomes one entity, a choice between several, or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from answers.base import HITS_PER_KB, Answer
from answers.grounding import gaps
from answers.language import fold
from answers.linking import Linked, events_on, link
from answers.understanding import parse_question, subject_text
from db.kinds import EntityKind
from facts.edition import Edition
from search.index import Hit
from search.textnorm import normalize
from views.keyboards import MAX_CARD_BUTTONS, hits_keyboard
from views.search import did_you_mean, which_one

# Share of the typed words a name must match to be taken as what the user means.
MIN_COVERAGE = 0.5


@dataclass(frozen=True, slots=True)
class Resolution:
    subject: Hit | None = None
    choices: list[Hit] = field(default_factory=list)  # several fit, or only after a typo fix

    @property
    def memo_weight(self) -> int:
        """Its rough size for answers.memo."""
        return 1 + len(self.choices) // HITS_PER_KB


async def resolve(edition: Edition, text: str, kinds: Sequence[EntityKind]) -> Resolution:
    """The entity of one of `kinds` that `text` names, read as a question's words are: in any
    of the three languages, a generic name narrowed by the dates, places and people given
    («/event дөңгелек үстел 2024», «/speakers round table Omsk»), a word the materials lack
    or a constraint nothing satisfies found out. Otherwise the best match of the names;
    kinds earlier in the list win."""
    question = parse_question(subject_text(text))
    if not question.rest and question.dates is not None and EntityKind.EVENT in kinds:
        # «/event 2023», «/speakers 21.04.2021»: the events of those dates
        events = events_on(edition.facts.all_events(), question.dates)
        hits = [Hit(EntityKind.EVENT, e.id, e.display_title, 1.0, True, 0.0) for e in events]
        return Resolution(subject=hits[0]) if len(hits) == 1 else Resolution(choices=hits)
    if question.rest:
        linked = await link(edition, question)
        mention = linked.first(kinds)
        if mention is None and EntityKind.EVENT in kinds:
            return await _events_in_place(edition, linked)
        # A generic name alone («/cities круглого стола») is left to the names' own match,
        # where an event's declared alias wins; given more, the linking narrows it.
        narrowed = question.dates is not None or len(linked.mentions) > 1
        if mention is not None and (narrowed or not mention.generic or linked.leftover):
            if await gaps(edition, question, linked):
                return Resolution()
            # «/org Кокше»: the organizations the words name, not the city they name too
            of_kind = [h for h in mention.hits if h.kind in kinds] or mention.hits
            hits = _as_named(of_kind, question.typed or question.words)
            if len(hits) == 1 and not hits[0].fuzzy:
                return Resolution(subject=hits[0])
            return Resolution(choices=hits)
    hits = await edition.search.best(subject_text(text), kinds=kinds)
    if hits and (len(hits) > 1 or hits[0].fuzzy):
        return Resolution(choices=hits)
    if hits and hits[0].coverage >= MIN_COVERAGE:
        return Resolution(subject=hits[0])
    return Resolution()


def _as_named(hits: list[Hit], typed: Sequence[str]) -> list[Hit]:
    """A command names a person as they are called: «/speaker Нургазиева» is Бану Нургазиева,
    not Марат Нургазиев in the genitive."""
    if len(hits) < 2 or any(h.kind is not EntityKind.PERSON for h in hits):
        return hits
    said = {fold(normalize(w)) for w in typed}
    named = [h for h in hits if said & {fold(w) for w in normalize(h.label).split()}]
    return named or hits


async def _events_in_place(edition: Edition, linked: Linked) -> Resolution:
    """«/speakers Орал», «/cities Омбы»: the events held in the city named — or, when none
    was, those it joined."""
    place = linked.first((EntityKind.PLACE,))
    if place is None or not place.certain or len(place.hits) != 1:
        return Resolution()
    city = place.hits[0].id
    every = edition.facts.all_events()
    facts = edition.facts.events_facts([e.id for e in every])
    held = [e for e in every if e.place_id == city]
    joined = [e for e in every if e.id in facts and city in facts[e.id].place_ids]
    there = [Hit(EntityKind.EVENT, e.id, e.display_title, 1.0, True, 0.0) for e in held or joined]
    if len(there) == 1:
        return Resolution(subject=there[0])
    return Resolution(choices=there)


async def choose(
    edition: Edition, text: str, hits: list[Hit], *, corrected: bool = False
) -> Answer:
    """Several entities fit, or only after correcting a typo: let the user pick — events told
    apart by their dates («/event встреча в Оренбурге»: 2011 or 2026)."""
    events = [h.id for h in hits[:MAX_CARD_BUTTONS] if h.kind is EntityKind.EVENT]
    dated = {e.id: e.partial_date for e in edition.facts.events_by_id(events)}
    if corrected or any(h.fuzzy for h in hits):  # found only as a misspelling
        return Answer(did_you_mean(text, hits, dated), hits_keyboard(hits))
    return Answer(which_one(text, hits, dated), hits_keyboard(hits))
