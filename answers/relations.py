"""One answering function per kind of question, and the table that maps each intent to the
kinds of subject it accepts and the function that answers it.

Every function receives the `Asked` question (its parse, the entities it names, today, and
what the chat asked before) and returns an `Answer` whose first line answers in a sentence
where a sentence can be given, followed by the card or list with its sources.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from aiogram.types import InlineKeyboardMarkup

from answers.base import Answer
from answers.cards import card_answer, person_card_of, topic_answer
from answers.common import help_answer, start_answer
from answers.dialogue import Dialogue
from answers.lexicon import every
from answers.linking import Linked, Mention, date_matches, events_on, held_as, typed_words
from answers.lists import (
    cities_answer,
    event_topics_answer,
    moderators_answer,
    of_kind,
    orgs_answer,
    speakers_answer,
    upcoming_answer,
    when_where_answer,
    works_answer,
)
from answers.partners import meetings_answer, partners_answer
from answers.understanding import HEAD_CUES, HEAD_TITLES, RANKS, Intent, Question, is_title
from db.kinds import EntityKind
from facts.edition import Edition
from facts.entities import Event, Participation, Person
from facts.model import upcoming_events
from loading.schema import SPEAKING_ROLES
from search.textnorm import Forms, forms, forms_match, normalize, query_forms
from views import direct
from views.common import no_answer
from views.grounding import constraint_text, nothing_fits
from views.html import MESSAGE_LIMIT, Html, html
from views.keyboards import MAX_CARD_BUTTONS, cards, event_buttons
from views.labels import date_text

E, P, ORG, PL, T, W = (
    EntityKind.EVENT,
    EntityKind.PERSON,
    EntityKind.ORGANIZATION,
    EntityKind.PLACE,
    EntityKind.TOPIC,
    EntityKind.WORK,
)
MAX_EVENTS_ANSWERED = 4  # more fitting events than this: the user picks one, unless the
# answers about each fit in one message (never more than twice as many)


@dataclass(slots=True)
class Asked:
    edition: Edition
    question: Question
    linked: Linked
    today: date
    text: str
    dialogue: Dialogue
    used: list[tuple[str, str]] = field(default_factory=list)  # subjects the answer is about
    dated_events: list[str] = field(default_factory=list)  # events of the question's dates

    @property
    def continues(self) -> bool:
        """The question leans on the last one (the only case where `dialogue` is read)."""
        return self.question.leans_on_last

    def mention(self, kind: EntityKind) -> Mention | None:
        found = self.linked.of_kind(kind)
        return found[0] if found else None

    def ids(self, kind: EntityKind) -> list[str]:
        """Ids of the entities of `kind` the question names — or the last question named,
        when this one continues it."""
        mention = self.mention(kind)
        if mention is not None:
            found = [h.id for h in mention.hits]
        elif self.continues and (not self.linked.mentions or self.question.pronoun):
            # «а она выступала на круглом столе?»: the pronoun is the one named before
            found = self.dialogue.of_kind(kind)[:1] if kind is not E else self.dialogue.of_kind(E)
        else:
            found = []
        if not found and kind is E and self.question.dates is not None and not self.more_named:
            found = self.dated_events  # «кто выступал в прошлом году?»
        self.used += [(kind.value, i) for i in found if (kind.value, i) not in self.used]
        return found

    @property
    def more_named(self) -> bool:
        """The question names something other than an event."""
        return any(m.kind is not E for m in self.linked.mentions)

    def one(self, kind: EntityKind) -> str | None:
        found = self.ids(kind)
        return found[0] if len(found) == 1 else None


Respond = Callable[[Asked], Awaitable[Answer | None]]


def _in_tense(a: Asked, events: list[Event]) -> list[Event]:
    """Of several events, those ahead when the question speaks of what is to come and any
    is: «Кто выступит на форуме?». The past tense is how everything is asked about («Когда
    была конференция?» of one announced too): it narrows nothing."""
    if not a.question.planned or a.question.past or a.question.dates is not None:
        return events
    return [e for e in events if e.partial_date.starts_after(a.today)] or events


MOST_SHOWN = 10  # people listed by how often they spoke


async def _most_often(a: Asked) -> Answer:
    """«Кто чаще всего выступал (на круглых столах)?»: the people by how many of the events
    (those named, or all) they spoke at, most first."""

    # what this question names, never the last one's: a ranking stands on its own
    def named(kind: EntityKind) -> set[str]:
        mention = a.mention(kind)
        return {h.id for h in mention.hits} if mention is not None else set()

    events, places, orgs, topics = named(E), named(PL), named(ORG), named(T)
    dates = a.question.dates
    talks: dict[str, list[Participation]] = {}
    for part in a.edition.facts.participations_of(roles=SPEAKING_ROLES):
        if (events and part.event_id not in events) or (
            places and part.event.place_id not in places
        ):
            continue
        if dates is not None and not events_on([part.event], dates):
            continue
        # «Кто из ГАК …», «… об экологии»: of those only
        if orgs and not orgs & {pos.organization_id for pos in part.positions}:
            continue
        if topics and not topics & {t.id for t in part.topics}:
            continue
        talks.setdefault(part.person_id, []).append(part)
    ranked = sorted(talks.values(), key=lambda parts: (-len(parts), parts[0].person.full_name))
    # more than once: with everyone speaking once, no one spoke most often
    shown = [parts for parts in ranked if len(parts) > 1][:MOST_SHOWN]
    buttons = [(P, parts[0].person_id, parts[0].person.full_name) for parts in shown]
    return Answer(direct.most_often(shown, len(ranked)), cards(buttons))


def joined(answers: Sequence[Answer], heading: Html | None = None) -> Answer:
    """Several answers as one: texts one after another, buttons together."""
    texts = ([heading] if heading else []) + [a.text for a in answers]
    rows = [row for a in answers if a.markup for row in a.markup.inline_keyboard]
    markup = InlineKeyboardMarkup(inline_keyboard=rows[:MAX_CARD_BUTTONS]) if rows else None
    return Answer(Html("\n\n".join(texts)), markup)


def lead(line: Html, answer: Answer) -> Answer:
    return Answer(html("{}\n\n{}", line, answer.text), answer.markup)


async def for_events(
    a: Asked,
    ids: Sequence[str],
    respond: Callable[[str], Awaitable[Answer]],
) -> Answer:
    """The answer for one event; for a few, each in turn; for many, a choice."""
    ids = list(dict.fromkeys(ids))
    if len(ids) == 1:
        return await respond(ids[0])
    found = {e.id: e for e in a.edition.facts.events_by_id(ids)}
    events = _in_tense(a, [found[i] for i in ids if i in found])
    if len(events) == 1:
        return await respond(events[0].id)
    if len(events) > 2 * MAX_EVENTS_ANSWERED:
        return _choice_of(events)
    answers = [await respond(e.id) for e in events]
    answer = joined(answers, direct.several_events(events))
    if len(events) > MAX_EVENTS_ANSWERED and len(answer.text) > MESSAGE_LIMIT:
        return _choice_of(events)  # short answers about each («кто модерировал форум?») fit
    return answer


def _choice_of(events: list[Event]) -> Answer:
    shown = events[: direct.SEVERAL_SHOWN]
    return Answer(direct.several_events(events, answered=False), cards(event_buttons(shown)))


# --- events ----------------------------------------------------------------------------------


async def speakers(a: Asked) -> Answer | None:
    if a.question.order == "most" and not a.question.yes_no:
        return await _most_often(a)
    if (topic := a.one(T)) and a.mention(E) is not None and a.one(P) is None:
        return await _on_topic_at(a, topic)  # «кто говорил об экологии на встрече НПО?»
    origin = [m for m in a.linked.of_kind(PL) if m.origin and len(m.hits) == 1]
    if origin and a.mention(E) is not None:
        return await _speakers_from(a, origin[0].hits[0].id, origin[0].hits[0].label)
    asks_who = not a.question.yes_no  # «участвовал ли Томск?» asks of the city itself
    from_there = any(m.origin for m in a.linked.of_kind(PL))
    in_city = a.mention(E) is None and a.mention(PL) is not None and asks_who and not from_there
    ids = [] if in_city else a.ids(E)  # the city's events, not every event of the dates
    if a.question.together and (someone := a.one(P)):
        # «кто выступит вместе с Жумабаевой?»: at her events (the one named, if any)
        parts = a.edition.facts.participations_of(person_id=someone)
        # «… вместе с Маратом Нургазиевым в Оренбурге?»: at those of their events held there
        theirs = list(dict.fromkeys(p.event_id for p in parts if _when_and_where(a, p.event)))
        if parts and not theirs:  # «… вместе с Погорельским в Кокшетау?»: he was not there
            return await _not_there(a, parts[0].person, parts)
        ids = [i for i in theirs if not ids or i in ids] or ids
    if not ids and asks_who and not from_there and (place := a.one(PL)):
        ids = await _events_in(a, place)  # «кто выступал в Омске?»: at the events there
        if a.question.dates is not None:
            there = a.edition.facts.events_by_id(ids)
            ids = [e.id for e in events_on(there, a.question.dates)]
            if not ids:  # «Who spoke in Moscow in 2030?»: said, not answered for 2025
                wanted = [constraint_text(None, "", a.question.dates)]
                return Answer(
                    nothing_fits(wanted, there, yes_no=False),
                    cards(event_buttons(there)) if there else None,
                )
    # «Кто был вице-консулом на Дне белого журавля?»: who was there in that position
    if ids and not a.question.yes_no and (found := await _titled_at(a, ids)) is not None:
        return found
    # «Кто выступал от ГАК на семинаре?»: those there for the organization (not «на круглом
    # столе, организованном ГАК»)
    for_org = a.one(ORG) if ids and _spoke_for(a) else None
    if ids:

        async def one(event_id: str) -> Answer:
            answer = await speakers_answer(
                a.edition,
                event_id,
                a.question.country,
                # «а кто ещё там был?»: beyond the speakers, who else took part
                taking_part=a.question.taking_part
                or a.question.about_participants
                or a.question.more,
                mentioned=a.question.mentioned,
                organization=for_org,
            )
            if a.question.count:
                parts = a.edition.facts.participations_of(event_id=event_id, roles=SPEAKING_ROLES)
                if a.question.about_participants:
                    return lead(direct.participants_unknown(len(parts)), answer)
                return lead(direct.count_line(len(parts)), answer)
            return answer

        return await for_events(a, ids, one)
    if (person := a.one(P)) and a.question.count:  # «сколько раз выступала X?»: her talks
        roles = (*SPEAKING_ROLES, "participant") if a.question.taking_part else SPEAKING_ROLES
        spoke = a.edition.facts.participations_of(person_id=person, roles=roles)
        held = a.edition.facts.events_by_id(list(dict.fromkeys(p.event_id for p in spoke)))
        if a.question.dates is not None:
            held = events_on(held, a.question.dates)
        return _events_list(a, held)
    if person and a.continues:  # «кто ещё?» after a question about a person: their event's
        spoken_of = a.dialogue.of_kind(E)
        found = a.edition.facts.person_and_participations(person)
        if found is not None and found[1] and not a.question.more and spoken_of:
            # «Кто выступал на конференции? — а Октябрьская?»: she, at the events the chat
            # spoke of, in the role she had there (or all she took part in, when none)
            who, theirs = found
            there = [p for p in theirs if p.event_id in spoken_of]
            card = person_card_of(who, there or theirs)
            if there:  # in what role: a participant there did not speak
                role = direct.took_part(who, there[0].event, there[0].role)
                return lead(direct.sentence(role), card)
            return card
        if found is not None and found[1]:
            return await speakers_answer(a.edition, found[1][0].event_id)
    for kind in (PL, ORG, T, W):
        if subject := a.one(kind):
            if kind is ORG:
                return await holders(a)
            if kind is W:
                return await work_people(a)
            if kind is T:
                return await _on_topic(a, subject)
            return await card_answer(a.edition, kind, subject, a.today)
    if a.question.rest and a.linked.mentions:
        return None
    return await speakers_answer(a.edition, None, a.question.country)


_FOR_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(every('on_behalf'))})\W*$")  # «от ГАК», «from …»
_REPRESENTED = every("represented")
_THANKS = every("thanks")
_ABOUT_BOT = every("about_bot")


def _spoke_for(a: Asked) -> bool:
    """The question asks who was there for the organization it names («Кто выступал от
    ГАК …?», «Who represented …?»), not about an organization of the event («… на круглом
    столе, организованном ГАК?»)."""
    mention = a.mention(ORG)
    if mention is None:
        return False
    text = a.question.text
    if any(cue in text.casefold() for cue in _REPRESENTED):
        return True
    typed = typed_words(mention, a.question)
    at = text.find(typed[0]) if typed else -1
    return at > 0 and bool(_FOR_BEFORE.search(text[:at].removesuffix("the ")))


async def organizers(a: Asked) -> Answer | None:
    if ids := a.ids(E):
        # «Какие организации из Омска участвовали …?»: those of that city
        origin = [m.hits[0].id for m in a.linked.of_kind(PL) if m.origin and len(m.hits) == 1]
        city = origin[0] if origin else None

        kind, kind_word = a.question.org_kind, a.question.org_kind_word

        async def one(event_id: str) -> Answer:
            answer = await orgs_answer(
                a.edition, event_id, a.question.country, city=city, kind=kind, kind_word=kind_word
            )
            if a.question.count:
                links = a.edition.facts.event_organizations(event_id)
                wanted = [
                    x
                    for x in links
                    if (a.question.intent is not Intent.ORGANIZERS or x.role == "organizer")
                    and (city is None or x.organization.city_id == city)
                    and (not kind or of_kind(x.organization, kind))
                ]
                return lead(direct.count_line(len(wanted)), answer)
            return answer

        return await for_events(a, ids, one)
    if org := a.one(ORG):
        return await card_answer(a.edition, ORG, org, a.today)
    if person := a.one(P):
        return await position(a) if person else None
    if a.question.rest and a.linked.mentions:
        return None
    return await orgs_answer(
        a.edition,
        None,
        a.question.country,
        kind=a.question.org_kind,
        kind_word=a.question.org_kind_word,
    )


async def cities(a: Asked) -> Answer | None:
    if ids := a.ids(E):

        async def one(event_id: str) -> Answer:
            answer = await cities_answer(a.edition, event_id, a.question.country)
            if a.question.count:
                places = a.edition.facts.event_cities(event_id)
                country = a.question.country
                n = len([x for x in places if country is None or x.place.country == country])
                return lead(direct.count_line(n), answer)
            return answer

        return await for_events(a, ids, one)
    if a.one(P):
        return await origin(a)
    if place := a.one(PL):
        return (
            await country(a)
            if a.question.yes_no and a.question.country is not None
            else await card_answer(a.edition, PL, place, a.today)
        )
    if a.question.rest and a.linked.mentions:
        return None
    return await cities_answer(a.edition, None, a.question.country)


async def when_where(a: Asked) -> Answer | None:
    if ids := a.ids(E):
        return await for_events(a, ids, lambda i: when_where_answer(a.edition, i, a.today))
    for kind in (P, ORG, PL, W):
        if subject := a.one(kind):
            return await card_answer(a.edition, kind, subject, a.today)
    return await events(a)


async def topics(a: Asked) -> Answer | None:
    if ids := a.ids(E):
        return await for_events(a, ids, lambda i: event_topics_answer(a.edition, i))
    if subject := a.one(P):
        return await card_answer(a.edition, P, subject, a.today)
    if subject := a.one(T):
        return await _on_topic(a, subject)
    return None


async def _on_topic(a: Asked, topic_id: str) -> Answer:
    """The topic's card; «Кто говорил об экологии в 2025 году?»: the talks of those dates (in
    that city) only."""
    if a.question.dates is None and a.one(PL) is None:
        return await card_answer(a.edition, T, topic_id, a.today)
    return await topic_answer(a.edition, topic_id, a.today, lambda p: _when_and_where(a, p.event))


async def moderators(a: Asked) -> Answer | None:
    ids = a.ids(E)
    if not ids and (place := a.one(PL)):  # «who moderates events in Uralsk?»: events there
        ids = await _events_in(a, place)
        if a.question.dates is not None:
            ids = [e.id for e in events_on(a.edition.facts.events_by_id(ids), a.question.dates)]
    if ids:
        return await for_events(a, ids, lambda i: moderators_answer(a.edition, i))
    if person := a.one(P):  # «which events did Glukhov moderate?»: those he moderated
        parts = a.edition.facts.participations_of(person_id=person, roles=("moderator",))
        if not parts:
            found = a.edition.facts.person_and_participations(person)
            if found is None:
                return None
            return lead(direct.never_moderated(found[0]), person_card_of(*found))
        held = a.edition.facts.events_by_id(list(dict.fromkeys(p.event_id for p in parts)))
        if a.question.dates is not None:
            held = events_on(held, a.question.dates)
        return _events_list(a, held)
    return await moderators_answer(a.edition, None)


async def works(a: Asked) -> Answer | None:
    role = a.question.work_role
    ids = a.ids(E)
    # «Что представила Октябрьская (на круглом столе)?», «какую книгу она представила?»:
    # hers only — when this question names someone («… and what was presented there?» asks
    # of the event)
    someone = a.mention(P) is not None or a.question.gender is not None
    if someone and (person := a.one(P)):
        return await _works_of(a, person)
    if not ids and (place := a.one(PL)):  # «какую книгу представили в Семее?»: events there
        ids = await _events_in(a, place)
        if a.question.dates is not None:
            there = a.edition.facts.events_by_id(ids)
            ids = [e.id for e in events_on(there, a.question.dates)]
        if not ids:
            mention = a.mention(PL)
            label = mention.hits[0].label if mention is not None else ""
            return Answer(nothing_fits([constraint_text(PL, label, None)], [], yes_no=False))
        # of the city's events, those with works to tell of (or one, to say there are none)
        ids = [i for i in ids if a.edition.facts.event_works(i)] or ids[:1]
    if ids:
        return await for_events(a, ids, lambda i: works_answer(a.edition, i, role))
    if work := a.one(W):
        return await card_answer(a.edition, W, work, a.today)
    return await works_answer(a.edition, None, a.question.work_role)


async def _works_of(a: Asked, person_id: str) -> Answer | None:
    """The works the person presented or signed (their talk names them), or their card when
    the sources name none."""
    found = a.edition.facts.person_and_participations(person_id)
    if found is None:
        return None
    person, parts = found
    parts = _at_events_named(a, parts)
    for part in parts:
        links = a.edition.facts.event_works(part.event_id)
        for link in links:
            if a.question.work_role not in (None, link.role):
                continue
            details = a.edition.facts.work_details(link.work_id)
            if details is None:
                continue
            work, work_links, _ = details
            if any(p.person_id == person_id for p in await work_speakers(a, work, work_links)):
                return await card_answer(a.edition, W, work.id, a.today)
    return person_card_of(person, parts)


async def events(a: Asked) -> Answer | None:
    """Events of a subject, or those that fit the question's dates and kind."""
    kinds = a.mention(E)  # «Какие круглые столы прошли в Астане?»: of those only
    for kind in (P, ORG, PL):
        if subject := a.one(kind):
            # «Какие события прошли в Омске?»: those held there, not those it joined online
            # (the city's card, which says which it joined, when none was held there)
            held_there = kind is PL and not a.question.taking_part
            there, held = await _events_there(a, subject) if held_there else ([], False)
            # «В каких событиях в Оренбурге участвовала АНО …?»: of those held there only
            place = a.one(PL) if kind is not PL else None
            plain = a.question.dates is None and not a.question.count and kinds is None
            if plain and not held and place is None:
                return await card_answer(a.edition, kind, subject, a.today)
            # «2024 жылы Оралда не болды?», «в скольких мероприятиях участвовала X?»: the
            # subject's events (of those dates only)
            if held_there:
                # «Сколько событий прошло в Оренбурге?»: held there (those it joined, if none)
                mine = a.edition.facts.events_by_id(there)
            else:
                every = a.edition.facts.all_events()
                facts = a.edition.facts.events_facts([e.id for e in every])
                of = {P: "person_ids", ORG: "organization_ids", PL: "place_ids"}[kind]
                mine = [e for e in every if e.id in facts and subject in getattr(facts[e.id], of)]
            if a.question.dates is not None:
                mine = events_on(mine, a.question.dates)
            if kinds is not None:
                mine = [e for e in mine if e.id in {h.id for h in kinds.hits}]
            if place is not None:
                mine = [e for e in mine if e.place_id == place]
            return _events_list(a, mine)
    mention = a.mention(E)
    if mention is not None and not mention.generic and len(mention.hits) == 1:
        return await card_answer(a.edition, E, mention.hits[0].id, a.today)
    found = a.edition.facts.all_events()
    if mention is not None:
        wanted = {h.id for h in mention.hits}
        found = [e for e in found if e.id in wanted]
    elif a.question.rest and a.linked.mentions:
        return None
    dates = a.question.dates
    if dates is not None:
        found = events_on(found, dates)
    return _events_list(a, found)


def _events_list(a: Asked, found: list) -> Answer:  # type: ignore[type-arg]
    """The events found, headed by the question's dates, with a count or a yes/no first; only
    the earliest or the latest when the question asks for it."""
    if (country := a.question.country) is not None:
        # «Which events were held in Kazakhstan in 2025?»: those held there, as far as known
        found = [e for e in found if e.place is not None and e.place.country == country]
    if (held := a.question.format) is not None:  # «Какие события были онлайн?»
        found = [e for e in found if held_as(e, held)]
    ahead = []
    if a.question.past and not a.question.planned and a.question.dates is None:
        # «Какое последнее прошедшее событие?», «сколько событий прошло …»: none still ahead
        # (said apart, below)
        ahead = [e for e in found if e.partial_date.starts_after(a.today)]
        found = [e for e in found if e not in ahead]
    dated = [e for e in found if e.year is not None]
    if a.question.order == "next":  # «the nearest event in Omsk»: the soonest still ahead
        dated = [e for e in dated if e.partial_date.starts_after(a.today)]
    if a.question.order in ("first", "last") and dated:
        pick = max if a.question.order == "last" else min
        found = [pick(dated, key=lambda e: e.partial_date.sort_key())]
    dates = a.question.dates
    when = dates_text(dates) if dates else None
    text = direct.events_of_dates(found, when)
    if a.question.count:
        text = html("{}\n\n{}", direct.count_line(len(found)), text)
    elif a.question.yes_no:  # «Были ли мероприятия в прошлом году?»
        line = direct.events_count(len(found))
        text = html("{}\n\n{}", direct.yes(line) if found else direct.no(line), text)
    if ahead and (not found or (a.question.order is None and not a.question.count)):
        # what is to come, said as such apart from what took place («What happened in Oral?»)
        text = html("{}\n\n{}", text, direct.still_ahead(ahead))
    return Answer(text, cards(event_buttons(found)))


def dates_text(d) -> str:  # type: ignore[no-untyped-def]
    if d.year is not None and d.month is None and d.until_year is None:
        return direct.year_text(d.year)
    return date_text(d)


# --- people ---------------------------------------------------------------------------------


async def position(a: Asked) -> Answer | None:
    named = sorted(a.linked.of_kind(P), key=lambda m: min(m.words, default=0))  # as asked
    people = [m.hits[0].id for m in named if len(m.hits) == 1 and m.certain]
    if len(named) == 1 and named[0].certain and len(named[0].hits) > 1:
        people = [h.id for h in named[0].hits]  # namesakes: «Где работает Калашникова?»
    if len(people) > 1:
        return await _positions_of(a, people)  # «Чем отличаются должности X и Y?»
    person_id = a.one(P)
    if person_id is None:
        if a.one(ORG):
            return await holders(a)
        return None
    found = a.edition.facts.person_and_participations(person_id)
    if found is None:
        return None
    person, parts = found
    parts = _at_events_named(a, parts)
    return lead(direct.position_lines(person, parts), person_card_of(person, parts))


async def _positions_of(a: Asked, person_ids: Sequence[str]) -> Answer | None:
    """The positions of several people, each in turn, with a button to each card."""
    lines, buttons = [], []
    for person_id in person_ids:
        found = a.edition.facts.person_and_participations(person_id)
        if found is None:
            continue
        person, parts = found
        a.used.append((P.value, person_id))
        lines.append(direct.position_lines(person, _at_events_named(a, parts)))
        buttons.append((P, person.id, person.full_name))
    if not lines:
        return None
    return Answer(Html("\n\n".join(lines)), cards(buttons))


def _at_events_named(a: Asked, parts: list) -> list:  # type: ignore[type-arg]
    """A person's participations at the events the question names («на форуме в Уральске»),
    or all of them when it names none (or none of those). What the question asks them to
    have spoken about («о Декларации») picks those whose summary speaks of it."""
    if about := [w for w in a.question.about if query_forms(w)]:
        wanted_forms = [f for w in about for f in query_forms(w)]
        spoke = [
            p
            for p in parts
            if p.summary and any(forms_match(w, d) for w in wanted_forms for d in forms(p.summary))
        ]
        if spoke:
            return spoke
    event = a.mention(E)
    if event is None or event.about:
        # «Кем был Погорельский в 2021 году?», «… в Омске?»: the events of those dates or
        # held in that city
        if (dates := a.question.dates) is not None:
            parts = [p for p in parts if events_on([p.event], dates)] or parts
        if (place := a.one(PL)) is not None:
            parts = [p for p in parts if p.event.place_id == place] or parts
        return parts
    wanted = {h.id for h in event.hits}
    return [p for p in parts if p.event_id in wanted] or parts


async def origin(a: Asked) -> Answer | None:
    person_id = a.one(P)
    if person_id is None:  # «where is the forum …?»: where it is held
        return await when_where(a) if a.ids(E) else None
    found = a.edition.facts.person_and_participations(person_id)
    if found is None:
        return None
    person, parts = found
    city = person.city or next((p.city for p in parts if p.city is not None), None)
    return lead(direct.origin_line(person, city), person_card_of(person, parts))


async def about(a: Asked) -> Answer | None:
    """What is known about the subject: its card (or, for an organization and a title,
    who holds that title there)."""
    if a.one(ORG) and a.linked.leftover:
        return await holders(a)
    for kind in (P, ORG, W):
        if subject := a.one(kind):
            return await card_answer(a.edition, kind, subject, a.today)
    if topic := a.one(T):
        if a.question.order == "most" and not a.question.yes_no:
            return await _most_often(a)  # «Кто чаще всего говорил о народной дипломатии?»
        return await _on_topic(a, topic)
    # «… конференцию в Оренбурге?»: the city says which event, the event is asked about
    if ids := a.ids(E):
        return await for_events(a, ids, lambda i: card_answer(a.edition, E, i, a.today))
    if subject := a.one(PL):
        return await card_answer(a.edition, PL, subject, a.today)
    return None


async def among_last(a: Asked) -> Answer | None:
    """«а кто из них депутат?», «which of them is from the Public Chamber?»: the speakers of
    the events the chat spoke of that hold such a position, come from that organization or
    that city; None when the question adds no such constraint."""
    events = a.dialogue.of_kind(E)
    orgs = {h.id for m in a.linked.of_kind(ORG) for h in m.hits}
    places = {h.id for m in a.linked.of_kind(PL) for h in m.hits}
    named = {i for m in a.linked.mentions if m.kind in (ORG, PL) for i in m.words}
    groups = query_forms(a.question.rest)
    title = [g for i, g in enumerate(groups) if i not in named]  # «депутат», «rector»
    if not events or not (orgs or places or title):
        return None
    a.used += [(E.value, i) for i in events]  # «а кто из них …» may follow again

    def fits(pos, part) -> bool:  # type: ignore[no-untyped-def]
        return (
            (not orgs or pos.organization_id in orgs)
            and (not places or _from_city(part, places))
            and all(any(forms_match(w, t) for t in forms(pos.title)) for w in title)
        )

    matches = []
    for event_id in events:
        for part in a.edition.facts.participations_of(event_id=event_id, roles=SPEAKING_ROLES):
            if found := next((pos for pos in part.positions if fits(pos, part)), None):
                matches.append((found, part))
                a.used.append((P.value, part.person_id))
    return _holders_answer(matches) or Answer(direct.none_among())


async def holders(a: Asked) -> Answer | None:
    """Who holds a position in an organization («кто президент ГАК»), or everyone from it."""
    org_id = a.one(ORG)
    if org_id is None:
        return None
    details = a.edition.facts.organization_details(org_id)
    if details is None:
        return None
    positions = [(pos, part) for pos, part in details.positions if _when_and_where(a, part.event)]
    if not positions and details.positions:
        # «Кто из Гражданского альянса выступит в 2027 году?»: no one, then; never the others
        card = await card_answer(a.edition, ORG, org_id, a.today)
        return lead(direct.no_one_then(details.organization), card)
    title_words = [query_forms(a.question.rest)[i] for i in a.linked.leftover]
    matches = [
        (pos, part)
        for pos, part in positions
        if title_words
        and all(any(forms_match(w, t) for t in forms(pos.title)) for w in title_words)
    ]
    if a.question.heads and not any(_names_unit(w) for w in title_words):
        # «кто руководит АМНКО?»: its head, not the head of a unit of it («руководитель
        # волонтёрского штаба» is asked by naming the unit)
        matches = [(pos, part) for pos, part in positions if normalize(pos.title) in HEAD_TITLES]
    if matches:  # «кто президент ГАК?»: who, with the organization's card a button away
        buttons = [(P, part.person_id, part.person.full_name) for _, part in matches]
        buttons.append((ORG, org_id, details.organization.name))
        return Answer(direct.holders_lines(matches), cards(buttons))
    if title_words and (in_title := await titled(a)) is not None:
        return in_title  # «кто заведует кафедрой Ассамблеи …»: the organization is in the title
    if positions and len(positions) < len(details.positions):
        # those of the dates, city or tense asked, the organization's card a button away
        # (its list of people is everyone's)
        buttons = [(P, part.person_id, part.person.full_name) for _, part in positions]
        buttons.append((ORG, org_id, details.organization.name))
        return Answer(direct.holders_lines(positions), cards(buttons))
    card = await card_answer(a.edition, ORG, org_id, a.today)
    if positions:
        return lead(direct.holders_lines(positions), card)
    return card


async def _not_there(a: Asked, person: Person, parts: list[Participation]) -> Answer:
    """None of the person's events fits the city, dates or tense asked: which of them it is
    (the city, when no event of theirs was held there), and their card."""
    card = person_card_of(person, parts)
    place = a.one(PL)
    elsewhere = place is not None and not any(p.event.place_id == place for p in parts)
    if elsewhere and (named := a.edition.facts.get_place(place)) is not None:  # type: ignore[arg-type]
        return lead(direct.sentence(direct.not_in_place(person, named)), card)
    if a.question.dates is not None:
        when = dates_text(a.question.dates)
        return lead(direct.sentence(direct.not_in_dates(person, when)), card)
    return card


def _when_and_where(a: Asked, event: Event) -> bool:
    """The event fits the question's dates, the city it names, and its tense («выступит»:
    one still ahead)."""
    if (dates := a.question.dates) is not None and not events_on([event], dates):
        return False
    if (place := a.one(PL)) is not None and event.place_id != place:
        return False
    ahead = a.question.planned and not a.question.past and dates is None
    return not ahead or event.partial_date.starts_after(a.today)


@cache  # the dictionary loads on the first question, never at start-up
def _rank_forms() -> tuple[Forms, ...]:
    return tuple(f[0] for r in RANKS if (f := query_forms(r)))


def title_fits(asked: Sequence[Forms], title: str, question: str) -> bool:
    """A position's title is the one asked: it holds every word asked, and no rank the
    question (its text) leaves out — «председатель» is not «заместитель председателя»."""
    have = forms(title)
    if not all(any(forms_match(w, t) for t in have) for w in asked):
        return False
    said = query_forms(question)
    below = [r for r in _rank_forms() if any(forms_match(r, t) for t in have)]
    return all(any(forms_match(r, w) or forms_match(w, r) for w in said) for r in below)


async def titled(a: Asked) -> Answer | None:
    """Who holds a position whose title holds every word of the question («кто заведует
    кафедрой Ассамблеи народа Казахстана?»), whatever organization it is in."""
    words = query_forms(a.question.rest)
    if len(words) < 2:
        return None
    hits = await a.edition.search.search(
        a.question.rest, kinds=[P], columns="details", fuzzy=False, ranked=False
    )
    matches = []
    for hit in hits:
        for part in a.edition.facts.participations_of(person_id=hit.id):
            for pos in part.positions:
                if title_fits(words, pos.title, f"{a.question.text} {a.question.rest}"):
                    matches.append((pos, part))
    return _holders_answer(matches)


def _holders_answer(matches: list) -> Answer | None:  # type: ignore[type-arg]
    """Who held the positions found («Вице-консул, …: Дяченко (День белого журавля)»)."""
    if not matches:
        return None
    buttons = [(P, part.person_id, part.person.full_name) for _, part in matches]
    return Answer(direct.holders_lines(matches), cards(buttons))


async def _titled_at(a: Asked, event_ids: Sequence[str]) -> Answer | None:
    """Those at the events whose position's title is the one the question's title words name
    («вице-консулом»); None when it names no title, or nobody there held it."""
    said = [w for w in a.question.words if is_title(w)]
    if not said or any(m.kind is P for m in a.linked.mentions):
        return None
    words = query_forms(" ".join(said))
    question = f"{a.question.text} {a.question.rest}"
    matches = [
        (pos, part)
        for event_id in event_ids
        for part in a.edition.facts.participations_of(event_id=event_id)
        for pos in part.positions
        if title_fits(words, pos.title, question)
    ]
    return _holders_answer(matches)


def _names_unit(word: tuple[str, ...]) -> bool:
    """A word of a title beyond «руководит» or a head's title: it names a part of the
    organization («штаба», «отдела»)."""
    return not any(
        forms_match(word, title_word) or any(form.startswith(cue) for form in word)
        for cue in (*HEAD_TITLES, *HEAD_CUES)
        for title_word in forms(cue)
    )


_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s+(\w+)")


async def counted_in_summaries(a: Asked) -> Answer | None:
    """«Из скольких регионов приехали общины на Курултай?»: a number the summaries of the one
    event named say of what is counted («из 18 регионов»), in their words; None when they
    say none."""
    counted = set(a.question.counted)
    ids = a.ids(E)
    if not counted or len(ids) != 1:
        return None
    event = a.edition.facts.get_event(ids[0])
    if event is None:
        return None
    parts = a.edition.facts.participations_of(event_id=event.id)
    for text in (event.summary or "", *(p.summary or "" for p in parts)):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            for found in _NUMBER_BEFORE.finditer(sentence):
                if counted & {f for g in query_forms(found.group(2)) for f in g}:
                    card = await card_answer(a.edition, E, event.id, a.today)
                    return lead(direct.said_in_summary(sentence), card)
    return None


async def work_people(a: Asked) -> Answer | None:
    """Who presented or spoke about a work: the speakers at its events who mention it."""
    work_id = a.one(W)
    if work_id is None:
        return None
    found = a.edition.facts.work_details(work_id)
    if found is None:
        return None
    work, links, _ = found
    speakers_found = await work_speakers(a, work, links)
    card = await card_answer(a.edition, W, work_id, a.today)
    return lead(direct.work_people_lines(work, speakers_found), card)


async def work_speakers(a: Asked, work, links) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The participations at a work's events whose summaries name it."""
    title = list(forms(work.title, drop_stopwords=True))
    found = []
    for link in links:
        for part in a.edition.facts.participations_of(event_id=link.event_id):
            # word for word: «Казахи» only begins «Казахстана»
            said = set().union(*forms(part.summary or ""))
            if title and all(said.intersection(t) for t in title):
                found.append(part)
    return found


async def country(a: Asked) -> Answer | None:
    place_id = a.one(PL)
    if place_id is None:
        return None
    place = a.edition.facts.get_place(place_id)
    if place is None:
        return None
    line = direct.country_line(place)
    if a.question.yes_no and a.question.country:  # «Павлодар — это Казахстан?»
        line = direct.yes(line) if place.country == a.question.country else direct.no(line)
    # the city's card, with events in both countries, a button away: the answer is one line
    return Answer(line, cards([(PL, place_id, place.name)]))


async def statements(a: Asked) -> Answer | None:
    if (topic := a.one(T)) and a.mention(E) is not None and a.one(P) is None:
        return await _on_topic_at(a, topic)  # «who talked about ecology at the NGO meeting?»
    if person_id := a.one(P):
        place, dates = a.one(PL), a.question.dates
        if a.mention(E) is not None:  # «что сказала X на круглом столе?»: that event only
            found = a.edition.facts.person_and_participations(person_id)
            if found is not None:
                return person_card_of(found[0], _at_events_named(a, found[1]))
        elif place is not None or dates is not None:
            # «что сказал Погорельский в Оренбурге?»: there (then) only, or that he said
            # nothing there — never what he said elsewhere
            found = a.edition.facts.person_and_participations(person_id)
            if found is None:
                return None
            person, parts = found
            if there := [p for p in parts if _when_and_where(a, p.event)]:
                return person_card_of(person, there)
            return await _not_there(a, person, parts)
        return await card_answer(a.edition, P, person_id, a.today)
    return await about(a)


async def _events_in(a: Asked, place_id: str) -> list[str]:
    """The events held in a city — or, when none was, those it joined."""
    return (await _events_there(a, place_id))[0]


async def _events_there(a: Asked, place_id: str) -> tuple[list[str], bool]:
    """`_events_in`, and whether they were held there (not only joined)."""
    every = a.edition.facts.all_events()
    held = [e.id for e in every if e.place_id == place_id]
    if held:
        return held, True
    facts = a.edition.facts.events_facts([e.id for e in every])
    return [e.id for e in every if e.id in facts and place_id in facts[e.id].place_ids], False


def _from_city(part: Participation, places: set[str]) -> bool:
    """The participant came from one of `places`: their city there, their own, or that of an
    organization they represented."""
    cities = {part.city_id, part.person.city_id}
    cities |= {pos.organization.city_id for pos in part.positions if pos.organization is not None}
    return bool(cities & places)


async def _speakers_from(a: Asked, place_id: str, place: str) -> Answer:
    """«Кто из Свердловска выступал на круглом столе?»: the speakers there from that city."""
    event_ids = a.ids(E)
    parts = [
        part
        for event_id in event_ids
        for part in a.edition.facts.participations_of(event_id=event_id, roles=SPEAKING_ROLES)
        if _from_city(part, {place_id})
    ]
    events = a.edition.facts.events_by_id(event_ids)
    people = [(P, p.person_id, p.person.full_name) for p in parts]
    return Answer(direct.speakers_from(place, parts, events), cards(people))


async def _on_topic_at(a: Asked, topic_id: str) -> Answer:
    """Who spoke on a topic at the events the question names — only there."""
    event_ids = a.ids(E)
    parts = [
        part
        for event_id in event_ids
        for part in a.edition.facts.participations_of(event_id=event_id)
        if any(t.id == topic_id for t in part.topics)
    ]
    topic = next(m.hits[0].label for m in a.linked.of_kind(T))
    events = a.edition.facts.events_by_id(event_ids)
    people = [(P, p.person_id, p.person.full_name) for p in parts]
    return Answer(direct.spoke_on_topic(topic, parts, events), cards(people))


async def upcoming(a: Asked) -> Answer | None:
    dates = a.question.dates
    period = dates.period() if dates is not None else None
    if period is not None and period[1] < a.today and not a.question.yes_no:
        # «Что будет в 2027? — А в 2024?»: a year gone by asks what there was
        return await events(a)
    mention = a.mention(E)  # «когда следующий форум?»: the forums to come
    of_kind = frozenset(h.id for h in mention.hits) if mention is not None else None
    among = of_kind
    if a.question.dates is not None:  # «what is planned for 2030?»
        dated = frozenset(
            e.id for e in a.edition.facts.all_events() if date_matches(e, a.question.dates)
        )
        among = dated if among is None else among & dated
    for kind in (PL, ORG, P):  # «что будет в Омске?»: there, not everywhere
        named = a.mention(kind)  # named in this question: the last one's are not asked about
        if named is not None and len(named.hits) == 1:
            subject = named.hits[0].id
            coming = await upcoming_ids(a, among)
            facts = a.edition.facts.events_facts(coming)
            among = frozenset(i for i in coming if i in facts and facts[i].names(kind, subject))
            if not among:  # «Что намечалось в Свердловске?»: what was planned there, long ago
                return None
    if a.question.order == "next" and not (a.question.count or a.question.yes_no):
        # «Какое ближайшее событие?»: the soonest one
        among = frozenset((await upcoming_ids(a, among))[:1]) or among
    answer = await upcoming_answer(a.edition, a.today, among=among)
    if a.question.count and not a.question.yes_no:  # «Сколько предстоящих событий?»
        return lead(direct.count_line(len(await upcoming_ids(a, among))), answer)
    if a.question.yes_no or a.question.dates is not None:
        coming = await upcoming_ids(a, among)
        if a.question.dates is not None and not coming:
            # «Что будет завтра?»: nothing then, and what is ahead at all
            line = direct.none_planned(dates_text(a.question.dates))
            answer = await upcoming_answer(a.edition, a.today, among=of_kind)
            return lead(direct.no(line) if a.question.yes_no else direct.sentence(line), answer)
        if a.question.yes_no:
            line = direct.upcoming_count(len(coming))
            return lead(direct.yes(line) if coming else direct.no(line), answer)
    return answer


async def upcoming_ids(a: Asked, among: frozenset[str] | set[str] | None) -> list[str]:
    events = upcoming_events(a.edition.facts.events_from_year(a.today.year), a.today)
    return [e.id for e in events if among is None or e.id in among]


async def unanswerable(a: Asked) -> Answer | None:
    known = await about(a)
    if known is None:
        return Answer(no_answer())
    return Answer(no_answer(known.text), known.markup)


async def off_topic(a: Asked) -> Answer | None:
    """«Какая погода в Астане завтра?»: what the facts are never about, never Astana's card."""
    return Answer(direct.off_topic())


async def small_talk(a: Asked) -> Answer | None:
    words = set(a.question.words) | set(a.text.casefold().replace("!", " ").split())
    if any(w.casefold().startswith(_THANKS) for w in words):
        return Answer(direct.thanks())
    norm = a.text.casefold()
    if any(m in norm for m in _ABOUT_BOT):
        return help_answer()
    return start_answer()


_COUNTRY_NAMES = (
    ("RU", re.compile(r"росси|рф\b|russia|ресей")),
    ("KZ", re.compile(r"казахстан|kazakh|қазақстан|казакстан")),
)
_CITY_WORDS = re.compile(r"город|cities|city|қала|кала")
_ORG_WORDS = re.compile(r"организац|organi[sz]ation|ұйым")
# «какие …», «кто из …», «which …»: many of one side, not one subject's partners
_MANY_WORDS = re.compile(r"\bкакие\b|\bкто из\b|\bwhich\b|\bқандай\b")
_PEOPLE_WORDS = re.compile(r"\bкто\b|\bлюд|people|\bwho\b|\bкім")


def _countries_in_order(text: str) -> list[str]:
    """«российские … с казахстанскими» → RU, KZ: the countries a question names, in order."""
    low = text.casefold()
    found = [(m.start(), code) for code, pattern in _COUNTRY_NAMES if (m := pattern.search(low))]
    return [code for _, code in sorted(found)]


async def partners(a: Asked) -> Answer | None:
    """«С кем сотрудничает ГАК в России?»: one's partners across the border (in one country
    when named); «Какие российские организации встречались с казахстанскими в 2021 году?»:
    who of two countries met."""
    year = a.question.dates.year if a.question.dates is not None else None
    countries = _countries_in_order(a.text)
    low = a.text.casefold()
    # «Какие российские организации …», «кто из России …», two countries: who of one side met
    # whom of the other (a city named is where); else the partners of the one named
    asks_many = len(countries) > 1 or bool(_MANY_WORDS.search(low))
    for kind in (ORG, P) if asks_many else (ORG, P, PL):
        if found := a.one(kind):
            return await partners_answer(
                a.edition, kind, found, country=a.question.country, year=year
            )
    if a.linked.mentions and a.question.rest and not countries:
        return None  # someone is named, but not as one: the usual answer says whom it found
    if _ORG_WORDS.search(low):
        kind = ORG
    elif _CITY_WORDS.search(low):
        kind = PL
    else:
        kind = P if _PEOPLE_WORDS.search(low) else ORG
    first = countries[0] if countries else None
    second = countries[1] if len(countries) > 1 else None
    place = a.one(PL) if asks_many else None
    return await meetings_answer(a.edition, kind, first, second, year, place)


@dataclass(frozen=True, slots=True)
class Route:
    """The kinds of subject an intent accepts (in order of preference) and its answer."""

    kinds: tuple[EntityKind, ...]
    respond: Respond


ROUTES: dict[Intent, Route] = {
    Intent.SMALL_TALK: Route((), small_talk),
    Intent.OFF_TOPIC: Route((), off_topic),
    Intent.UNANSWERABLE: Route((E, P, ORG, PL, T, W), unanswerable),
    Intent.UPCOMING: Route((), upcoming),
    Intent.COUNTRY: Route((PL,), country),
    Intent.PARTNERS: Route((ORG, P, PL), partners),
    Intent.TOPICS: Route((E, P, T), topics),
    Intent.MODERATORS: Route((E,), moderators),
    Intent.WORKS: Route((E, W), works),
    Intent.POSITION: Route((P, ORG), position),
    Intent.STATEMENTS: Route((P, E), statements),
    Intent.ORIGIN: Route((P, E), origin),
    Intent.HOLDERS: Route((ORG,), holders),
    Intent.EVENTS: Route((P, ORG, PL, E), events),
    Intent.WHEN_WHERE: Route((E, P, ORG, PL, W), when_where),
    Intent.CITIES: Route((E, P, PL), cities),
    Intent.ORGANIZERS: Route((E, ORG, P), organizers),
    Intent.ORGANIZATIONS: Route((E, ORG, P), organizers),
    Intent.SPEAKERS: Route((E, PL, ORG, T, W, P), speakers),
    Intent.PERSON: Route((P, ORG, E, PL, T, W), about),
    Intent.SEARCH: Route((P, ORG, E, PL, T, W), about),
}
