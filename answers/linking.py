"""Linking a question's words to every entity they name, and narrowing generic event names.

«Кто выступал на круглом столе в Омске в 2024 году?» names a round table (a generic name:
every round table fits) and a city; the city and the date then narrow the round tables to one.
Each mention is the words it covers and its candidates; a mention whose candidates are
events is narrowed by the question's other mentions (places, organizations, people), its dates
and its leftover words — and stays ambiguous only when all of them fit. A place, organization,
person or date that no candidate satisfies is never dropped: it is kept as unmet, and the
answer says that nothing fits instead of answering a wider question.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from answers.base import HITS_PER_KB
from answers.language import fold
from answers.lexicon import every, languages, words_of
from answers.understanding import Intent, Question, is_title
from db.dates import PartialDate
from db.kinds import EntityKind
from facts.edition import Edition
from facts.entities import Event
from search.index import Hit, SearchIndex
from search.textnorm import (
    KAZAKH_FOLD,
    adjective,
    forms,
    forms_match,
    known_place,
    names_nothing,
    names_the_subject,
    normalize,
    place_word,
    proper_name,
    query_forms,
)
from views.i18n import Language

# The facts' words (answers/lexicon): lemmas that name a kind of event rather than one event
# («круглый стол», «форум»), with the kind they name (None: any kind); words that say what kind
# of work a name is (beside a work named they name it, not something else called a project);
# words of organizations' names that name no one organization.
GENERIC_EVENT_WORDS: dict[str, str | None] = {
    w: kind for words in map(words_of, languages()) for w, kind in words.event_kinds.items()
}
WORK_KIND_WORDS = frozenset(every("work_kinds"))
GENERIC_ORG_WORDS = frozenset(every("generic_org_words"))
# The first word of a question, after a follow-up's «а», «and»: the name that opens it
_OPENING_WORD = re.compile(
    rf"\W*(?:(?:{'|'.join(w for w in every('follow_up_starts') if ' ' not in w)})\s+)?(\w+)",
    re.IGNORECASE,
)


def format_names_event(question: Question) -> bool:
    """The question's format word describes the event it names («the online meeting»), rather
    than being what a yes/no question asks («прошёл онлайн?»)."""
    return any(_generic_kind(f)[0] for f in query_forms(question.format_then))


def _generic_kind(forms: Sequence[str]) -> tuple[bool, str | None]:
    for form in forms:
        if form in GENERIC_EVENT_WORDS:
            return True, GENERIC_EVENT_WORDS[form]
    return False, None


@dataclass(frozen=True, slots=True)
class Unmet:
    """A constraint of the question that none of an event mention's candidates satisfies:
    another entity named (its kind and shown name) or the question's dates."""

    kind: EntityKind | None  # None: the dates
    label: str = ""
    dates: PartialDate | None = None


class Confidence(StrEnum):
    """How surely a mention's words name its candidates."""

    EXACT = "exact"  # as a name is written («Нургазиева»)
    INFLECTED = "inflected"  # another form of it: a case, a Kazakh ending («Нургазиевой»)
    TRANSLITERATED = "transliterated"  # typed in Latin letters («Nurgazieva»)
    TYPO = "typo"  # only after correcting a spelling, or a surname form of the other gender


@dataclass(slots=True)
class Mention:
    words: frozenset[int]
    hits: list[Hit]
    generic: bool = False  # only words like «круглый стол»: every event of the kind fits
    preferred: set[str] = field(default_factory=set)  # matched more words than the rest
    unmet: list[Unmet] = field(default_factory=list)  # constraints no candidate satisfies
    joined: str | None = None  # a city the candidates were not held in, only joined («Москва»)
    origin: bool = False  # a place someone is from («из Омска»), not where an event was
    about: bool = False  # what someone spoke about («о Декларации»), not where they spoke
    confidence: Confidence = Confidence.EXACT

    @property
    def certain(self) -> bool:
        """Its candidates may be answered about without asking «did you mean …?»: a corrected
        typo may not; a Latin spelling may (transliteration is never exact)."""
        return self.confidence is not Confidence.TYPO

    @property
    def kind(self) -> EntityKind:
        return self.hits[0].kind

    @property
    def fuzzy(self) -> bool:
        return any(h.fuzzy for h in self.hits)


@dataclass(slots=True)
class Linked:
    mentions: list[Mention] = field(default_factory=list)
    leftover: list[int] = field(default_factory=list)  # words no mention covers
    word_count: int = 0
    country_in_name: bool = False  # «Курултай казахов России»: the country word is a name's

    @property
    def memo_weight(self) -> int:
        """Its rough size for answers.memo (a common word is thousands of hits)."""
        return 1 + sum(len(m.hits) for m in self.mentions) // HITS_PER_KB

    def of_kind(self, kind: EntityKind) -> list[Mention]:
        return [m for m in self.mentions if m.kind is kind]

    def name_words(self, question: Question) -> list[str]:
        """The words of the question that are the names of several words it gives for
        certain, with the words next to them that the name holds too («встрече
        неправительственных организаций», where «организаций» asked nothing)."""
        groups = query_forms(question.rest)
        said = [normalize(w) for w in re.findall(r"\w+(?:-\w+)*", question.text)]
        found: list[str] = []
        for m in self.mentions:
            if not (m.certain and len(m.hits) == 1 and len(m.words) > 1):
                continue
            if m.kind not in (EntityKind.EVENT, EntityKind.ORGANIZATION, EntityKind.WORK):
                continue
            own = {normalize(w) for w in _typed(m, question, groups)}
            at = [i for i, w in enumerate(said) if w in own]
            if not at:
                continue
            label = forms(m.hits[0].label)
            start, end = min(at), max(at)
            while end + 1 < len(said) and _in_label(said[end + 1], label):
                end += 1
            while start > 0 and _in_label(said[start - 1], label):
                start -= 1
            found += said[start : end + 1]
        return found

    def first(self, kinds: Sequence[EntityKind]) -> Mention | None:
        """The mention of the first of `kinds` that the question names; else a word that
        names one of them among other things («/event Иртыш»: a round table, a media centre
        and a film), with only those candidates."""
        for kind in kinds:
            found = self.of_kind(kind)
            if found:
                return found[0]
        for mention in self.mentions:
            if of_kinds := [h for h in mention.hits if h.kind in kinds]:
                return replace(mention, hits=of_kinds)
        return None

    @property
    def coverage(self) -> float:
        covered = set().union(*(m.words for m in self.mentions)) if self.mentions else set()
        return len(covered) / self.word_count if self.word_count else 0.0


def date_matches(event: Event, wanted: PartialDate) -> bool:
    """The event's date agrees with every part of `wanted` that both know."""
    # The event's columns, not its `partial_date`: this runs for every candidate event.
    if wanted.until is not None:  # «next week»: an event known to fall on one of those days
        span = wanted.period()
        if span is None or None in (event.year, event.month, event.day):
            return False
        return span[0] <= date(event.year, event.month, event.day) <= span[1]  # type: ignore[arg-type]
    if wanted.until_month is not None:
        return (
            (wanted.year is None or event.year == wanted.year)
            and event.month is not None
            and wanted.month <= event.month <= wanted.until_month  # type: ignore[operator]
        )
    if wanted.until_year is not None:
        return event.year is not None and wanted.year <= event.year <= wanted.until_year  # type: ignore[operator]
    if wanted.year is not None and event.year != wanted.year:
        return False
    if wanted.month is not None and event.month != wanted.month:
        return False
    return not (wanted.day is not None and event.day is not None and event.day != wanted.day)


def events_on(events: Sequence[Event], wanted: PartialDate) -> list[Event]:
    """The events whose dates agree with `wanted`; when it names a day, those on that very
    day, if any, before the events of that month whose day is not known."""
    matching = [e for e in events if date_matches(e, wanted)]
    on_day = [
        e
        for e in matching
        if wanted.until is None and wanted.day is not None and e.day == wanted.day
    ]
    return on_day or matching


def held_as(event: Event, wanted: str) -> bool:
    """The event was held in the `wanted` format: a hybrid one both online and in person."""
    return event.format == wanted or (event.format == "hybrid" and wanted in ("online", "offline"))


async def link(edition: Edition, question: Question, *, fuzzy: bool = True) -> Linked:
    """Every entity the question's rest names, grouped into mentions, best first."""
    groups = query_forms(question.rest)
    if not groups:
        return Linked()
    index = edition.search
    # Unranked: mentions are told apart by the words they cover and by the question's
    # other facts (dates, places, people); bm25 over every event a kind word («встреча»)
    # matches cost more than the rest of the linking.
    found = await index.word_groups(question.rest, columns="names", fuzzy=fuzzy)
    generic_words = {i for i, g in enumerate(groups) if _generic_kind(g)[0]}
    nameless = {i for i, g in enumerate(groups) if names_nothing(g)}
    claimed: set[int] = set()
    mentions: list[Mention] = []
    for same in found:
        hit = same[0]
        if hit.matched <= nameless:
            continue  # «что делал …» is no «Комитет по делам …»
        generic = hit.matched <= generic_words and all(h.kind is EntityKind.EVENT for h in same)
        # «the online youth meeting»: the format, not a whole short name, picks the event
        by_format = question.format is not None and all(h.kind is EntityKind.EVENT for h in same)
        if not generic and hit.whole_name and not by_format:
            same = [h for h in same if h.whole_name]
        # «Петров» finds «Марина Петрова» by a shared lemma: another person, maybe — asked;
        # unless someone fits as typed: «Сапаровой» is Айгерим Сапарова, never Елдар Сапаров.
        # «Кто выступал вместе с Калашниковой?»: the verb speaks of the one asked for
        gender = None if _after_preposition(hit.matched, question, groups) else question.gender
        other = [
            _other_gender(h, question.words, question.language) or _said_of_other(h, gender)
            for h in same
        ]
        if any(other) and not all(other):
            same = [h for h, theirs in zip(same, other, strict=True) if not theirs]
        else:
            same = [
                h._replace(fuzzy=True) if theirs else h
                for h, theirs in zip(same, other, strict=True)
            ]
        mention = Mention(hit.matched, same, generic)
        if all(h.fuzzy and h.kind is EntityKind.PLACE for h in same) and any(
            known_place(w) for w in _words(mention, question, groups)
        ):
            continue  # «Omsk» is a city the facts lack, never a misspelt «Томск»
        if hit.kind is EntityKind.PERSON and len(same) > 1:
            # «Петрова» is Марина Петрова, not Пётр Голованов by the lemma «Пётр»
            typed = _words(mention, question, groups)
            close = [h for h in same if _spelt_alike(typed, h.label)]
            if close:
                mention.hits = same = close
            # «Выступала ли Сапарова …?»: a woman, not Елдар Сапаров asked in the genitive
            if len(same) > 1 and (gender := question.gender):
                # a surname that tells no gender («Моор», «Дяченко») is not the other's
                fitting = [h for h in same if gender_of(h.label) in (gender, None)]
                if fitting:
                    mention.hits = same = fitting
            # «Где работает Исмаилова?»: the subject, so the name as written in the nominative
            # «Нургазиева — президент ГАК?»: a name that opens the question is its subject too
            # (after «а», «и» of a follow-up: «а Тажибаева?»)
            opens = _OPENING_WORD.match(question.text)
            first = normalize(opens.group(1)) if opens else ""
            if (
                len(same) > 1
                and question.language is Language.RU
                and (names_the_subject(question.text) or first in map(normalize, typed))
            ):
                written = {w.casefold() for w in typed}
                nominative = [h for h in same if h.label.split()[-1].casefold() in written]
                if nominative:
                    mention.hits = same = nominative
        mention.confidence = _confidence(mention, question, groups)
        if other and all(other):
            # «Оспанова где выступала?» with only Тимур Оспанов stored: asked, never opened
            mention.confidence = Confidence.TYPO
        if hit.kind is EntityKind.EVENT and len(same) > 1:
            # «Гражданский форум Казахстана»: the title holding those words in that order
            named = _words(mention, question, groups)
            phrased = [h for h in same if _in_order(named, h.label)]
            if phrased:
                mention.hits = same = phrased
        said = {normalize(w) for w in _words(mention, question, groups)}
        # «Кто из Костаная выступал …?»: where someone is from is a place, never the event
        # whose title holds the word («Встреча … в Костанае»)
        places = [h for h in same if h.kind is EntityKind.PLACE]
        if said & set(question.origin) and hit.kind is not EntityKind.PLACE and places:
            mention.hits = same = places
            hit = places[0]
        mention.origin = hit.kind is EntityKind.PLACE and bool(said & set(question.origin))
        mention.about = bool(said & set(question.about))
        if mention.about and len({h.kind for h in same}) > 1:
            # «who spoke about the language»: what was spoken about is a topic, if one fits
            on_topic = [h for h in same if h.kind is EntityKind.TOPIC]
            if on_topic:
                mention.hits = same = on_topic
        if generic:
            await _add_events_of_kind(edition, mention, groups, mention.words)
        elif hit.kind is EntityKind.EVENT and hit.matched & generic_words:
            # «круглый стол об инициативах»: other round tables stay in the running, in case
            # the question's place or date says it is one of them.
            mention.preferred = {h.id for h in same}
            await _add_events_of_kind(edition, mention, groups, hit.matched & generic_words)
        mentions.append(mention)
        claimed |= hit.matched
    # «Меморандум … подписали в Челябинске?»: of a work too, when where it was done is asked
    apart_from = (EntityKind.EVENT, EntityKind.WORK) if question.yes_no else (EntityKind.EVENT,)
    for mention in [m for m in mentions if m.kind in apart_from]:
        mentions += await _places_apart(index, mention, question, groups, generic_words)
    # «в Тюменской области», «Совета Ассамблеи»: a word every organization of its kind has
    # in its name is no name alone
    mentions = [
        m
        for m in mentions
        if not (
            len(m.words) == 1
            and len({h.label for h in m.hits}) > 1
            and m.kind is EntityKind.ORGANIZATION
            and GENERIC_ORG_WORDS & set(groups[next(iter(m.words))])
        )
    ]
    named_at = {i for m in mentions for i in _indexes(m, question, groups)}
    mentions = [m for m in mentions if not _modified_elsewhere(m, question, groups, named_at)]
    claimed = set().union(*(m.words for m in mentions)) if mentions else set()
    if question.yes_no and any(m.kind is EntityKind.PERSON for m in mentions):
        # «Тажибаев — президент ГАК?»: «президент» is the title claimed, not a name of its own
        titles = {i for i, w in enumerate(question.words) if is_title(w)}
        titles = {groups.index(g) for i in titles for g in query_forms(question.words[i])}
        mentions = [m for m in mentions if m.kind is EntityKind.PERSON or not m.words <= titles]
        claimed = set().union(*(m.words for m in mentions)) if mentions else set()
    # «Кто был вице-консулом …?»: a title names no organization whose name only begins with
    # it («консульство»)
    titled = {i for i, w in enumerate(question.words) if is_title(w)}
    titled = {groups.index(g) for i in titled for g in query_forms(question.words[i])}
    mentions = [
        m
        for m in mentions
        if not (
            m.kind is EntityKind.ORGANIZATION
            and m.words <= titled
            and not any(_holds_word(h.label, groups[i]) for h in m.hits for i in m.words)
        )
    ]
    claimed = set().union(*(m.words for m in mentions)) if mentions else set()
    # «проект «Целина»» named beside, or «Какой проект представил …?» asked: «проект» names
    # the kind of work, nothing called a project
    if question.intent is Intent.WORKS or any(m.kind is EntityKind.WORK for m in mentions):
        kind_words = {i for i, g in enumerate(groups) if WORK_KIND_WORDS & set(g)}
        mentions = [m for m in mentions if m.kind is EntityKind.WORK or not m.words <= kind_words]
    leftover = [i for i in range(len(groups)) if i not in claimed and i not in generic_words]
    linked = Linked(mentions, leftover, len(groups))
    linked.country_in_name = any(_country_named(m, question, groups) for m in mentions)
    for mention in linked.of_kind(EntityKind.EVENT):
        if mention.certain:  # a corrected typo is asked about, never narrowed as certain
            await _narrow_events(edition, mention, linked, question, index, groups)
    events = linked.of_kind(EntityKind.EVENT)
    if any(not m.unmet for m in events):
        # «К какому юбилею … приурочили конференцию в Оренбурге?»: a word of a kind of event
        # no event of which fits the rest says what is asked, it picks no event
        linked.mentions = [m for m in linked.mentions if not (m.generic and m.unmet)]
    await _people_at_events(edition, linked)
    await _people_from(edition, linked)
    await _people_of_organizations(edition, linked)
    return linked


async def _people_of_organizations(edition: Edition, linked: Linked) -> None:
    """«Irina Smirnova, the Mazhilis deputy»: of the people a name fits, those who held a
    position in the organization named — when some did."""
    orgs = {h.id for m in linked.of_kind(EntityKind.ORGANIZATION) if m.certain for h in m.hits}
    people = [m for m in linked.of_kind(EntityKind.PERSON) if len(m.hits) > 1]
    if not orgs or not people:
        return
    for mention in people:
        fitting = []
        for hit in mention.hits:
            parts = edition.facts.participations_of(person_id=hit.id)
            if any(pos.organization_id in orgs for p in parts for pos in p.positions):
                fitting.append(hit)
        if fitting:
            mention.hits = fitting


async def _people_from(edition: Edition, linked: Linked) -> None:
    """«кто такой Воробьёв из Кургана?»: of the people a name fits, those from the city named
    (their own, or where they came from to an event, or their organization's) — when some are."""
    origins = {m.hits[0].id for m in linked.of_kind(EntityKind.PLACE) if m.origin and m.certain}
    people = [m for m in linked.of_kind(EntityKind.PERSON) if len(m.hits) > 1]
    if len(origins) != 1 or not people:
        return
    for mention in people:
        fitting = []
        for hit in mention.hits:
            parts = edition.facts.participations_of(person_id=hit.id)
            person = parts[0].person if parts else edition.facts.get_person(hit.id)
            cities = {p.city_id for p in parts} | {person.city_id if person else None}
            orgs = [pos.organization for p in parts for pos in p.positions]
            cities |= {org.city_id for org in orgs if org is not None}
            if cities & origins:
                fitting.append(hit)
        if fitting:
            mention.hits = fitting


def _holds_word(label: str, group: Sequence[str]) -> bool:
    """One of the label's words is a form of the group's word, whole («консул» in «Почётный
    консул», not in «консульство»)."""
    return any(set(f) & set(group) for f in forms(label))


async def _people_at_events(edition: Edition, linked: Linked) -> None:
    """«Кем была Смирнова на встрече в Оренбурге?»: of the people a name fits, those who
    took part in the event named — when some did."""
    events = [m for m in linked.of_kind(EntityKind.EVENT) if m.certain]
    people = [m for m in linked.of_kind(EntityKind.PERSON) if len(m.hits) > 1]
    if not events or not people:
        return
    facts = edition.facts.events_facts([h.id for m in events for h in m.hits])
    there = set().union(*(f.person_ids for f in facts.values()))
    for mention in people:
        if fitting := [h for h in mention.hits if h.id in there]:
            mention.hits = fitting


async def _places_apart(
    index: SearchIndex,
    mention: Mention,
    question: Question,
    groups: list[tuple[str, ...]],
    generic_words: set[int],
) -> list[Mention]:
    """A city named inside an event's words («круглый стол в Омске», whose title may say
    «…Омской области») is a place of its own: it narrows the events by where they were held,
    as any place does, instead of picking the one whose title happens to hold the word."""
    apart: list[Mention] = []
    for word, shown in zip(question.words, question.typed or question.words, strict=True):
        own = {groups.index(g) for g in query_forms(word) if g in groups}
        if not own or not own < mention.words or not (place_word(word) or shown[:1].isupper()):
            continue  # «Усть-Каменогорске» is two groups of one word: both, or none; a city
            # the dictionary does not know («Кызылорде») is written with a capital
        hits = [
            h
            for h in await index.search(
                word, kinds=[EntityKind.PLACE], columns="names", fuzzy=False
            )
            if h.whole_name
        ]
        if len(hits) != 1:
            continue
        mention.words = mention.words - own
        if mention.words <= generic_words:
            mention.preferred = set()  # «круглый стол» alone: every round table, by place
        place = Mention(frozenset(own), hits)
        place.origin = normalize(word) in question.origin
        apart.append(place)
    return apart


async def _add_events_of_kind(
    edition: Edition, mention: Mention, groups: list[tuple[str, ...]], words: frozenset[int]
) -> None:
    """A generic name fits every event of its kind, whatever its title says."""
    kinds = {_generic_kind(groups[i])[1] for i in words}
    kinds.discard(None)
    if len(kinds) != 1:
        return
    (kind,) = kinds
    events = edition.facts.events
    known = {h.id for h in mention.hits}
    mention.hits = [h for h in mention.hits if (e := events.get(h.id)) and e.kind == kind]
    mention.hits += [
        Hit(EntityKind.EVENT, event_id, title, 1.0, False, 0.0)
        for event_id, _, title in edition.facts.events_of_kind(kind)
        if event_id not in known
    ]


async def _narrow_events(
    edition: Edition,
    mention: Mention,
    linked: Linked,
    question: Question,
    index: SearchIndex,
    groups: list[tuple[str, ...]],
) -> None:
    """Keep the events that fit the question's dates, places, organizations and people (a
    test no candidate passes is recorded as unmet, never dropped), then its leftover words."""
    facts = edition.facts.events_facts(h.id for h in mention.hits)

    def keep(test, unmet: Unmet | None = None) -> None:  # type: ignore[no-untyped-def]
        passed = [h for h in mention.hits if h.id in facts and test(facts[h.id])]
        if passed:
            mention.hits = passed
        elif unmet is not None and not mention.unmet:
            mention.unmet.append(unmet)

    def _keep_dates() -> None:
        # After places: «the round table in Petropavlovsk in 2024» is the one in Petropavlovsk
        # (not held in 2024), not the one of 2024 held elsewhere.
        wanted = question.dates
        if wanted is not None:
            keep(lambda f: date_matches(f.event, wanted), Unmet(None, dates=wanted))
            if wanted.day is not None and wanted.until is None:  # on that very day, before
                # those of unknown day
                keep(lambda f: f.event.day == wanted.day)

    dated = False
    if mention.preferred:
        # «круглый стол «Соседи по Ишиму»»: the words beyond the kind name these events; a
        # place or date that does not fit them is unmet, never a reason to take another
        keep(lambda f: f.event.id in mention.preferred)

    if question.format is not None and (not question.yes_no or format_names_event(question)):
        # «какие города участвовали в онлайн-встрече», «Was Kostanay at the online
        # meeting?»: the meeting held online («Форум прошёл онлайн?» asks the format)
        keep(lambda f: held_as(f.event, question.format))  # type: ignore[arg-type]

    # Places and organizations say which event; then dates; the people last — in «Did X speak
    # at the Novosibirsk conference?» X is what is asked, not what picks the conference.
    ordered = sorted(linked.mentions, key=lambda m: m.kind is EntityKind.PERSON)
    for other in ordered:
        if other.kind is EntityKind.PERSON and not dated:
            dated = True
            _keep_dates()
        if other is mention or not other.certain or len(other.hits) != 1 or other.origin:
            continue  # a corrected typo or an ambiguous name is asked about, not applied;
            # where someone is from («кто из Омска …») says nothing of where events were
        ids = {h.id for h in other.hits}
        unmet = Unmet(other.kind, other.hits[0].label)
        if other.kind is EntityKind.PLACE:
            # Held there first; a city that only joined an event is said to have joined it.
            held = [h for h in mention.hits if h.id in facts and facts[h.id].event.place_id in ids]
            if held:
                mention.hits = held
            else:
                keep(lambda f, ids=ids: bool(ids & f.place_ids), unmet)
                if not mention.unmet:
                    mention.joined = other.hits[0].label
        elif other.kind is EntityKind.ORGANIZATION:
            keep(lambda f, ids=ids: bool(ids & f.organization_ids), unmet)
        elif other.kind is EntityKind.PERSON and not mention.about:
            # «Что сказала Нургазиева о Декларации?»: she spoke of the signing elsewhere
            keep(lambda f, ids=ids: bool(ids & f.person_ids), unmet)
    if not dated:
        _keep_dates()
    names = [
        t
        for w, t in leftover_words(question, linked)
        # the Russian dictionary knows no Kazakh or English word: there, only one written
        # as a name
        if proper_name(w) and (question.language == "ru" or t[:1].isupper())
    ]
    if names and not mention.unmet:
        # A name no entity carries («в Москве», where no place is stored) must still be found
        # in what the events say, or it is unmet.
        found = await index.search(
            " ".join(names), kinds=[EntityKind.EVENT], fuzzy=False, ranked=False
        )
        ids = {h.id for h in found}
        keep(lambda f: f.event.id in ids, Unmet(None, " ".join(names)))
    if len(mention.hits) > 1 and mention.preferred:
        keep(lambda f: f.event.id in mention.preferred)
    if len(mention.hits) > 1 and linked.leftover:
        # Words no name covered may still tell the events apart: «о волонтёрстве».
        text = " ".join(groups[i][0] for i in linked.leftover)
        wider = {
            h.id: h.coverage
            for h in await index.search(text, kinds=[EntityKind.EVENT], fuzzy=False, ranked=False)
        }
        best = max((wider.get(h.id, 0.0) for h in mention.hits), default=0.0)
        if best > 0:
            mention.hits = [h for h in mention.hits if wider.get(h.id, 0.0) == best]
    if len(mention.hits) > 1 and question.order in ("first", "last"):
        # «самый первый круглый стол», «the latest forum»: the earliest or latest that fits
        dated = [h for h in mention.hits if h.id in facts and facts[h.id].event.year is not None]
        if dated:
            pick = min if question.order == "first" else max
            best = pick(dated, key=lambda h: facts[h.id].event.partial_date.sort_key())
            mention.hits = [best]


def gender_of(label: str) -> str | None:
    """A person's gender as their surname's ending tells it (Russian and Kazakh surnames)."""
    surname = label.split()[-1].casefold().replace("ё", "е") if label.split() else ""
    if surname.endswith(("ова", "ева", "ина", "ына", "ая", "кызы", "қызы")):
        return "femn"
    if surname.endswith(("ов", "ев", "ин", "ын", "ий", "ой", "улы", "ұлы")):
        return "masc"
    return None


def _modified_elsewhere(
    mention: Mention, question: Question, groups: list[tuple[str, ...]], named_at: set[int]
) -> bool:
    """«вице-министр иностранных дел»: one common word of a name («Комитет по делам …»), after
    an adjective none of the names holds (and no other name took: «Светлана Белая»), is
    another thing that the adjective describes."""
    if len(mention.words) != 1 or mention.kind in (EntityKind.PERSON, EntityKind.PLACE):
        return False
    at = _indexes(mention, question, groups)
    if len(at) != 1 or at[0] == 0 or at[0] - 1 in named_at:
        return False
    word, before = question.words[at[0]], question.words[at[0] - 1]
    if not word.islower() or proper_name(word) or not adjective(before):
        return False
    wanted = query_forms(before)
    return bool(wanted) and not any(
        any(forms_match(wanted[0], f) for f in forms(h.label)) for h in mention.hits
    )


def _spelt_alike(typed: Sequence[str], label: str) -> bool:
    """Every word typed is spelt like a word of the name: the same word, or the same first
    five letters («Сапарова» and «Сапаров», «Nurgaziyeva» and «Нургазиева»)."""
    names = [w.translate(KAZAKH_FOLD) for w in normalize(label).split()]
    said = [w.translate(KAZAKH_FOLD) for w in (normalize(t) for t in typed) if w]
    return bool(said) and all(
        any(n == w or (len(w) >= 5 and n[:5] == w[:5]) for n in names) for w in said
    )


def _country_named(mention: Mention, question: Question, groups: list[tuple[str, ...]]) -> bool:
    """Whether a country noun the question has right after the mention's words is part of
    the name of what it names («Ассамблея народов России», «Курултай казахов России»). Then
    the candidates that hold it are kept, and the noun narrows to no country."""
    said = {normalize(w) for w in _words(mention, question, groups)}
    said |= {normalize(w) for w in _typed(mention, question, groups)}
    # «… конференцияға Қазақстаннан»: from a country, it names no thing's name
    nouns = [
        noun
        for before, noun in question.country_words
        if before in said and noun not in question.origin
    ]
    if not nouns:
        return False
    holding = [
        h
        for h in mention.hits
        if all(any(forms_match(query_forms(n)[0], f) for f in forms(h.label)) for n in nouns)
    ]
    if not holding:
        return False
    # «Ассамблеи народа Казахстана»: the one so named, not «движение Ассамблеи народа …»
    given = [query_forms(w) for w in [*said, *nouns]]
    whole = [
        h
        for h in holding
        if all(
            any(forms_match(g[0], f) for g in given if g)
            for f in forms(h.label, drop_stopwords=True)
        )
    ]
    mention.hits = whole or holding
    return True


def _in_order(words: Sequence[str], label: str) -> bool:
    """`label` holds `words` one after another, in that order, in any of their forms."""
    wanted = [query_forms(w) for w in words]
    wanted = [w[0] for w in wanted if w]
    have = forms(label)
    if len(wanted) < 2:
        return False
    return any(
        all(forms_match(w, have[start + k]) for k, w in enumerate(wanted))
        for start in range(len(have) - len(wanted) + 1)
    )


def _typed(mention: Mention, question: Question, groups: list[tuple[str, ...]]) -> list[str]:
    """The mention's words as the user typed them."""
    return [question.typed[i] if question.typed else question.words[i]
            for i in _indexes(mention, question, groups)]  # fmt: skip


def _words(mention: Mention, question: Question, groups: list[tuple[str, ...]]) -> list[str]:
    """The mention's words as the question keeps them (in the spelling of the facts)."""
    return [question.words[i] for i in _indexes(mention, question, groups)]


def _indexes(mention: Mention, question: Question, groups: list[tuple[str, ...]]) -> list[int]:
    return _word_indexes(mention.words, question, groups)


def _word_indexes(
    words: frozenset[int], question: Question, groups: list[tuple[str, ...]]
) -> list[int]:
    """Where in the question the words of `words` (indexes of `groups`) stand."""
    covered = {groups[i] for i in words if i < len(groups)}
    return [
        i
        for i, word in enumerate(question.words)
        if (own := query_forms(word)) and all(g in covered for g in own)
    ]


def _confidence(mention: Mention, question: Question, groups: list[tuple[str, ...]]) -> Confidence:
    typed = _typed(mention, question, groups)
    latin = bool(typed) and all(w.isascii() for w in typed)
    # A Latin spelling is never exact; but one lower-case word found only by a corrected typo
    # is more likely an English word than a name («tell me a joke»).
    if latin and not (mention.fuzzy and len(typed) == 1 and typed[0].islower()):
        return Confidence.TRANSLITERATED
    if mention.fuzzy or _only_begins(mention, typed, question):
        return Confidence.TYPO
    written = {w for h in mention.hits for w in h.label.casefold().replace("ё", "е").split()}
    as_written = all(w.casefold().replace("ё", "е") in written for w in typed)
    return Confidence.EXACT if as_written else Confidence.INFLECTED


def _only_begins(mention: Mention, typed: Sequence[str], question: Question) -> bool:
    """A Russian question's word that shares no form with the name it found, only its
    beginning («Сейткалева» for Сейткалиева): a misspelling, asked about, never opened."""
    if question.language is not Language.RU or mention.kind is not EntityKind.PERSON:
        return False
    for hit in mention.hits:
        theirs = {f for group in query_forms(hit.label) for f in group}
        if all(set().union(*query_forms(w)) & theirs for w in typed if not w.isascii()):
            return False
    return bool(mention.hits)


_WOMENS_ENDINGS = ("ова", "ева", "ина", "ына")
_PATRONYMIC = re.compile(r"(ович|евич|ич|овн|евн|ичн|иничн)(а|у|ем|е|ы|ой|ою)?$")
_MENS_ENDINGS = ("ов", "ев", "ин", "ын")
# Surnames declined as adjectives («Погорельский», «Погорельская»), and the other's forms
_ADJECTIVE_ENDINGS = ("ский", "цкий", "ская", "цкая")
_WOMANS_ADJECTIVE = ("ая", "ой", "ую")
_MANS_ADJECTIVE = ("ий", "ого", "ому", "им", "ом")


def _other_gender(hit: Hit, words: Sequence[str], language: Language = Language.RU) -> bool:
    """A person found by a form their surname never takes: a woman's «Петрова» asked as
    «Петров» or «Петровым», a man's «Тажибаев» as «Тажибаевой» — or as «Тажибаева» in an
    English or Kazakh question, where no Russian case is said. The dictionary gives both the
    same lemma, so only the surface forms tell them apart."""
    if hit.kind is not EntityKind.PERSON or not hit.label.split():
        return False
    surname = hit.label.split()[-1].casefold().replace("ё", "е")
    typed = {w.casefold().replace("ё", "е") for w in words}
    # «Андреевна» is never Александр Андреевич: a patronymic says a daughter or a son
    for patronymic in hit.label.casefold().split()[1:-1]:
        father = _PATRONYMIC.sub("", patronymic)
        sons = patronymic.endswith("ч")
        if father != patronymic and any(
            w.startswith(father)
            and (said := _PATRONYMIC.search(w))
            and said[1].endswith("н") == sons
            for w in typed
        ):
            return True
    if surname.endswith(_ADJECTIVE_ENDINGS):
        # «Погорельская» is no Константин Погорельский, «Погорельского» no Мария Погорельская
        # (Latin spellings drop the soft sign: «Pogorelskaya»)
        stem = surname[:-2].replace("ь", "")
        others = _WOMANS_ADJECTIVE if surname.endswith("ий") else _MANS_ADJECTIVE
        return bool({w.replace("ь", "") for w in typed} & {stem + end for end in others})
    if surname.endswith(_WOMENS_ENDINGS):
        return bool(typed & {surname[:-1], surname[:-1] + "ым", surname[:-1] + "е"})
    if surname.endswith(_MENS_ENDINGS):
        womans = {surname + "ой", surname + "ая"}
        if language is not Language.RU:
            womans.add(surname + "а")
        return bool(typed & womans)
    return False


def _after_preposition(
    words: frozenset[int], question: Question, groups: list[tuple[str, ...]]
) -> bool:
    """The first of the question's words a mention covers follows a preposition."""
    at = _word_indexes(words, question, groups)
    if not at:
        return False
    typed = (question.typed or question.words)[at[0]]
    before = re.search(rf"(\w+)\W+{re.escape(typed)}(?!\w)", question.text)
    return before is not None and before[1].casefold() in words_of(question.language).prepositions


def _said_of_other(hit: Hit, gender: str | None) -> bool:
    """The question speaks of a woman («выступала», «кто такая») and the person is a man, or
    the other way round."""
    theirs = gender_of(hit.label) if hit.kind is EntityKind.PERSON else None
    return gender is not None and theirs is not None and theirs != gender


def split_names(question: Question, linked: Linked) -> list[str]:
    """Full names the materials do not hold, read as two people: «Aigerim Saparova» whose
    first name is Айгерим Жаксылыккызы's and surname Елдар Сапаров's, «Вера Андреевна» (a
    Вера and an Андреевич), «Maria Kalashnikova» — one person nobody stored, never any of
    them. Each as typed."""
    groups = query_forms(question.rest)
    people = [m for m in linked.of_kind(EntityKind.PERSON) if len(m.words) == 1]
    typed = question.typed or question.words
    found = []
    for first, last in itertools.permutations(people, 2):
        if {h.id for h in first.hits} & {h.id for h in last.hits}:
            continue
        at_first, at_last = _indexes(first, question, groups), _indexes(last, question, groups)
        if len(at_first) != 1 or len(at_last) != 1 or abs(at_first[0] - at_last[0]) != 1:
            continue
        i, j = at_first[0], at_last[0]
        if _own_name(question.words[i], last) or _own_name(question.words[j], first):
            continue  # «Eldar Toleubekov»: Эльдар Толеубеков as English spells him
        said = rf"(?<!\w){re.escape(typed[min(i, j)])}\s+{re.escape(typed[max(i, j)])}(?!\w)"
        if not re.search(said, question.text, re.IGNORECASE):
            continue  # «Айгерим и Нургазиева»: two people
        found.append(" ".join(typed[k] for k in sorted((i, j))))
    return list(dict.fromkeys(found))


def said_first(mentions: Sequence[Mention], question: Question) -> list[Mention]:
    """The mentions in the order the question names them."""
    groups = query_forms(question.rest)
    return sorted(mentions, key=lambda m: min(_indexes(m, question, groups), default=99))


def typed_words(mention: Mention, question: Question) -> list[str]:
    """The mention's words as the user typed them."""
    return _typed(mention, question, query_forms(question.rest))


def kept_words(mention: Mention, question: Question) -> list[str]:
    """The mention's words as the question keeps them (in the spelling of the facts)."""
    return _words(mention, question, query_forms(question.rest))


def _in_label(word: str, label: list[tuple[str, ...]]) -> bool:
    return any(set(own) & set(part) for own in query_forms(word) for part in label)


def _own_name(word: str, mention: Mention) -> bool:
    """`word` is spelt like another name of the mention's people («елдар» for Эльдар)."""
    from rapidfuzz.distance import Levenshtein

    said = fold(normalize(word)).replace("ь", "")
    return any(
        Levenshtein.distance(said, fold(normalize(name)).replace("ь", "").replace("э", "е")) <= 1
        for h in mention.hits
        for name in h.label.split()[:-1]
    )


def leftover_words(question: Question, linked: Linked) -> list[tuple[str, str]]:
    """The question's words that no mention covers, each with its spelling as typed."""
    groups = query_forms(question.rest)
    leftover = {groups[i] for i in linked.leftover if i < len(groups)}
    typed = question.typed or question.words
    return [
        (word, shown)
        for word, shown in zip(question.words, typed, strict=True)
        if (own := query_forms(word)) and all(g in leftover for g in own)
    ]
