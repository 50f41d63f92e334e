"""Questions about several events at once. «Кто выступал на круглом столе в Омске и на форуме
в Уральске?» asks the same of each event; «… и на круглом столе, и на форуме?», «both … and
…», «обоих», «екеуіне де» ask who was at all of them.

Each event keeps its own place and date: the question is cut into one part per event — where
a conjunction (or a comma) has words naming a kind of event on both sides — and the first part
keeps the words that ask. Later parts continue the first, as «а на форуме в Уральске?» would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from answers.base import Answer
from answers.language import detect_language
from answers.lexicon import words_of
from answers.linking import GENERIC_EVENT_WORDS, link
from answers.relations import MAX_EVENTS_ANSWERED
from answers.understanding import Intent, asked_text, parse_question
from db.kinds import EntityKind
from facts.edition import Edition
from facts.entities import Participation
from loading.schema import SPEAKING_ROLES
from search.textnorm import normalize, query_forms
from views import direct
from views.i18n import Language
from views.keyboards import MAX_CARD_BUTTONS, cards

# «и на круглом столе, и на форуме»: «и» before the first event too asks for both.
_RU_BOTH = re.compile(r"(?<!\w)и\s+(?:на|в|во)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventParts:
    parts: tuple[str, ...]  # one question per event, the first with the words that ask
    in_all: bool  # asks who (or what) was at every one of them


@cache
def _joins(language: Language) -> tuple[str, ...]:
    words = words_of(language.value)
    return tuple(sorted({*words.conjunctions, *words.joins}, key=len, reverse=True))


def _names_event(segment: str) -> bool:
    """The segment names a kind of event («круглом столе», «the forum», «форумға»)."""
    rest = parse_question(segment).rest
    return any(form in GENERIC_EVENT_WORDS for forms in query_forms(rest) for form in forms)


def event_parts(text: str) -> EventParts | None:
    """The question cut into one part per event it names, or None when it names fewer than
    two events joined by a conjunction."""
    text = asked_text(text)
    language = detect_language(text)
    found: list[tuple[int, int]] = []
    for join in _joins(language):
        found += [
            (m.start(), m.end())
            for m in re.finditer(rf"(?<!\w){re.escape(join)}(?!\w)", text, re.IGNORECASE)
        ]
    found += [(m.start(), m.end()) for m in re.finditer(r",", text)]
    found.sort()
    cuts: list[tuple[int, int]] = []
    at = 0
    for number, (start, end) in enumerate(found):
        if start < at:
            continue
        following = next((s for s, _ in found[number + 1 :] if s > end), len(text))
        if _names_event(text[at:start]) and _names_event(text[end:following]):
            cuts.append((start, end))
            at = end
    if not cuts:
        return None
    pieces, at = [], 0
    for start, end in cuts:
        pieces.append(text[at:start])
        at = end
    pieces.append(text[at:])
    asked = text.rstrip().endswith("?")
    parts = tuple(p.strip(" ,;?") + ("?" if asked else "") for p in pieces if p.strip(" ,;?"))
    if len(parts) < 2:
        return None
    lexicon = words_of(language.value)
    said = normalize(text).split()
    in_all = (
        bool(_RU_BOTH.search(pieces[0]))
        or any(w in lexicon.both for w in said)
        # «Новосібірдегі конференцияға да, Астанадағы форумға да …»: a particle after each
        or sum(w in lexicon.both_particles for w in said) >= len(parts) >= 2
    )
    return EventParts(parts, in_all)


# What «who was at all of them» may ask for: the people, or the organizations.
_SHARED = frozenset({Intent.SPEAKERS, Intent.PERSON, Intent.ORGANIZATIONS, Intent.SEARCH})


async def shared_answer(
    edition: Edition, asked: EventParts, today: date
) -> tuple[Answer, list[str]] | None:
    """Who (or which organizations) took part in every event the parts name, and the events;
    None when a part names no one event for certain (it is then answered part by part, and
    each says what it lacks)."""
    questions = [parse_question(part, today) for part in asked.parts]
    asking = next((q for q in questions if q.asked_intent), questions[0])
    if asking.intent not in _SHARED:
        return None
    groups: list[list[str]] = []
    for question in questions:
        mentions = (await link(edition, question)).of_kind(EntityKind.EVENT)
        if len(mentions) != 1 or mentions[0].unmet or not mentions[0].certain:
            return None
        ids = [h.id for h in mentions[0].hits]
        if len(ids) > MAX_EVENTS_ANSWERED:
            return None
        groups.append(ids)
    found = edition.facts.events_by_id([i for ids in groups for i in ids])
    events = list({e.id: e for e in found}.values())
    if asking.intent is Intent.ORGANIZATIONS:
        facts = edition.facts.events_facts([e.id for e in events])
        common = set.intersection(
            *({o for i in ids if i in facts for o in facts[i].organization_ids} for ids in groups)
        )
        orgs = edition.facts.organizations_by_id(sorted(common))
        text = direct.shared_organizations(orgs, events)
        buttons = [(EntityKind.ORGANIZATION, o.id, o.name) for o in orgs]
    else:
        roles = None if asking.taking_part or asking.about_participants else SPEAKING_ROLES
        people: list[dict[str, Participation]] = []
        for ids in groups:
            at: dict[str, Participation] = {}
            for event_id in ids:
                for part in edition.facts.participations_of(event_id=event_id, roles=roles):
                    at.setdefault(part.person_id, part)
            people.append(at)
        common_people = [p for p in people[0].values() if all(p.person_id in g for g in people)]
        text = direct.shared_people([p.person for p in common_people], events)
        buttons = [(EntityKind.PERSON, p.person_id, p.person.full_name) for p in common_people]
    return Answer(text, cards(buttons, limit=MAX_CARD_BUTTONS)), [e.id for e in events]
