"""Yes/no questions: a claim checked against the stored facts.

«Да» only when a stored fact satisfies every part of the claim — the person at that event, in
that city, in that year, in that position, on that topic; the city or organization at that
event; the event in that format — and «Нет» with what is known otherwise. A part the facts
cannot check is never taken as satisfied: the question is then answered, not confirmed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from answers.base import Answer
from answers.cards import card_answer, person_card_of
from answers.linking import (
    date_matches,
    format_names_event,
    held_as,
    leftover_words,
    said_first,
    typed_words,
)
from answers.lists import when_where_answer, works_answer
from answers.relations import (
    ORG,
    PL,
    Asked,
    E,
    P,
    T,
    W,
    dates_text,
    for_events,
    lead,
    title_fits,
    work_speakers,
)
from answers.understanding import is_title
from db.kinds import EntityKind
from facts.entities import Event, Participation, Person
from loading.schema import SPEAKING_ROLES
from search.textnorm import (
    Forms,
    content_word,
    forms,
    forms_match,
    known_word,
    place_word,
    query_forms,
    verb,
)
from views import direct
from views.i18n import Language
from views.keyboards import cards, event_buttons


def _named(a: Asked, kind: EntityKind) -> list[tuple[str, str]]:
    """(id, shown name) of every entity of `kind` the question names for certain (a Latin
    spelling included, as the question's routing takes it)."""
    return [
        (m.hits[0].id, m.hits[0].label)
        for m in a.linked.of_kind(kind)
        if len(m.hits) == 1 and m.certain
    ]


async def yes_no(a: Asked) -> Answer | None:
    """«Был ли X на Y?», «Участвовала ли организация O в Y?», «Участвовал ли город C в Y?»,
    «Была ли X в городе C?», «X — президент O?», «Говорил ли X об экологии?», «Y прошёл
    онлайн?»."""
    also: list[str] = []  # words naming another event, said of the one asked about
    if len(events := a.linked.of_kind(E)) > 1 and a.one(P) is None:
        # «Курултай … проходил в Саратовской области?»: the event named first is asked about
        first, *others = said_first(events, a.question)
        # «Онлайн-встреча … проходила в Костанае?»: words naming another event («… в Костанае»)
        # and a place too are the place asked about
        for m in others:
            if places := [h for h in m.hits if h.kind is PL]:
                m.hits = places
        a.linked.mentions = [first, *(m for m in a.linked.mentions if m.kind is not E)]
        also = [w for m in others if m.kind is E for w in typed_words(m, a.question)]
    if a.mention(W) is not None and a.one(P) is None:
        # «Книгу … представили в Омске?»: a city that an event's name holds too is the place
        for m in a.linked.of_kind(E):
            if places := [h for h in m.hits if h.kind is PL]:
                m.hits = places
    event_ids = a.ids(E)
    if not event_ids:
        if a.one(P) is None:
            return await work_in_place(a)
        if len(_constraints(a)) > 1:  # «… выступал в Экибастузе в 2025 году?»: all at once
            return await person_with_all(a)
        if a.mention(ORG):
            return await person_at_organization(a)
        if a.mention(T):
            return await person_on_topic(a)
        if a.mention(W):
            return await person_with_work(a)
        if a.mention(PL):
            return await person_in_place(a)
        if a.question.dates is not None:
            return await person_in_dates(a)
        return await person_with_title(a)
    # «Встреча в Костанае прошла онлайн?» of several meetings (not «Был ли Костанай на
    # онлайн-встрече?», where the format names the event and the city is asked)
    asks_format = a.question.format is not None and not format_names_event(a.question)
    if len(event_ids) > 1 and asks_format and not (_named(a, P) or _named(a, ORG)):
        return await format_of_several(a, event_ids)
    if len(event_ids) > 1:
        return await person_at_one_of(a, event_ids)
    facts = a.edition.facts.event_facts(event_ids[0])
    if facts is None:
        return None
    event = facts.event
    card = await card_answer(a.edition, E, event.id, a.today)
    if unsaid := await _unsaid(a, event, also):  # «Наурыз … праздновали в Самарской области?»
        return lead(direct.not_in_sources(unsaid, event), card)
    if person_id := a.one(P):
        person = a.edition.facts.get_person(person_id)
        if person is None:
            return None
        if person_id not in facts.person_ids:
            return lead(direct.no(direct.not_at(person.full_name, event)), card)
        parts = a.edition.facts.participations_of(event_id=event.id, person_id=person_id)
        topics = _named(a, T)
        if topics and parts:
            said = {t.id for p in parts for t in p.topics}
            if not all(t in said for t, _ in topics):
                return lead(direct.no(direct.not_on_topic(person, topics[0][1])), card)
        held = {pos.organization_id for p in parts for pos in p.positions}
        if parts and any(org not in held for org, _ in _named(a, ORG)):
            # «… как директор «Шығыс»?»: there they spoke for another organization
            return lead(direct.no(direct.position_lines(person, parts)), card)
        if any(p.positions for p in parts) and _titled(a):
            # «Сапаров выступал на встрече в Астане как заместитель председателя комитета?»:
            # there he held another title (a position the sources do not give is no «нет»)
            title = _title_asked(a, [label for _, label in _named(a, ORG)])
            said = f"{a.question.text} {a.question.rest}"
            if title and not any(
                title_fits(title, pos.title, said) for p in parts for pos in p.positions
            ):
                return lead(direct.no(direct.position_lines(person, parts)), card)
        wanted = a.question.format
        if (
            wanted is not None
            and event.format not in (None, "unknown")
            and not held_as(event, wanted)
        ):
            # «… онлайн-конференцияда сөйледі ме?» of a conference held in person
            return lead(direct.no(direct.format_line(event)), card)
        role = parts[0].role if parts else "participant"
        if role == "mentioned" or (a.question.intent == "moderators" and role != "moderator"):
            # only mentioned there, or a speaker asked about as moderator: no, and what they were
            # «Петрова была модератором?» — she spoke: no, and in what role she was there
            return lead(direct.no(direct.took_part(person, event, role)), card)
        speaking = a.question.intent == "speakers" and not a.question.taking_part
        if role == "participant" and speaking:  # «Моор выступал на Курултае?»: he was there
            return lead(direct.no(direct.not_among_speakers(person, event)), card)
        if not _done(a, event):  # «Октябрьская уже выступила на форуме …?» of one ahead
            if _ahead(a, event):
                return lead(direct.no(direct.listed_ahead(person, event, role)), card)
            return lead(direct.listed_at_unheld(person, event, role, a.today), card)
        return lead(direct.yes(direct.took_part(person, event, role)), card)
    if works_named := _named(a, W):  # «Подписали ли меморандум на форуме?»
        return await _work_at(a, works_named, event, card)
    named = {kind: _named(a, kind) for kind in (ORG, PL)}
    for kind, ids in ((ORG, facts.organization_ids), (PL, facts.place_ids)):
        for subject, label in named[kind]:  # every one named must be there: «Томск … в Омске»
            if subject not in ids:
                return lead(direct.no(direct.not_at(label, event)), card)
    if named[ORG]:
        links = a.edition.facts.event_organizations(event.id)
        mentioned = {x.organization_id for x in links if x.role == "mentioned"}
        for subject, label in named[ORG]:
            if subject in mentioned:  # «МКИ» is only mentioned at the meeting: it took no part
                return lead(direct.no(direct.only_mentioned(label, event)), card)
    if a.question.format is not None and not format_names_event(a.question):
        # «Форум в Уральске прошёл онлайн?»; a format the sources do not give is no «нет»
        if not event.format or event.format == "unknown":
            return await when_where_answer(a.edition, event.id, a.today)
        same = held_as(event, a.question.format)
        return lead((direct.yes if same else direct.no)(direct.format_line(event)), card)
    if named[ORG] and a.question.intent == "organizers":
        links = a.edition.facts.event_organizations(event.id)
        organizers = {x.organization_id for x in links if x.role == "organizer"}
        for subject, label in named[ORG]:
            if subject not in organizers:
                return lead(direct.no(direct.not_organizer(label, event)), card)
    if named[ORG]:
        return lead(direct.yes(direct.linked_to(named[ORG][0][1], event, ORG)), card)
    if named[PL]:
        subject, label = named[PL][0]
        joined = a.question.taking_part or a.question.intent in ("cities", "speakers")
        if joined:  # «… был среди городов …?» asks joining
            return lead(direct.yes(direct.linked_to(label, event, PL)), card)
        if subject != event.place_id:
            # «Проходил ли круглый стол в Томске?» — Tomsk only joined it: not where it was held
            return lead(direct.no(direct.not_venue(label, event)), card)
        # «Состоялась ли встреча в Костанае?»: the city says which event; whether it took place
        # is what is asked, below
    if any(m.kind not in (E, PL, ORG) for m in a.linked.mentions):
        return None  # something else is named that no check above covers: never a bare «да»
    if a.question.work_role is not None:  # «Декларацию подписали в Москве?»: what was done
        links = a.edition.facts.event_works(event.id)
        done = [x for x in links if x.role == a.question.work_role]
        if not done:
            return await works_answer(a.edition, event.id, a.question.work_role)
        return lead(direct.yes(direct.work_at(done[0].work, done[0].role, event)), card)
    if event.status == "held":  # «Проходил ли форум в Уральске в 2023 году?»: every part fits
        return lead(direct.yes(direct.held(event)), card)
    if a.question.dates is not None and _done(a, event):
        return lead(direct.yes(direct.dated(event)), card)  # «форум запланирован на июнь?»
    # «Форум прошёл в июне 2021?» of one only announced: whether it took place is not known;
    # «Has it already taken place?» of one that starts after today: no
    if _ahead(a, event):
        return lead(direct.no(direct.ahead(event)), card)
    return lead(direct.not_yet_held(event, a.today), card)


async def _unsaid(a: Asked, event: Event, also: list[str]) -> list[str]:
    """The words the question says of the event — those no name took, and `also` — that its
    facts never say («Самарской»): a «да» would claim them too."""
    index = a.edition.search
    unsaid = []
    # Only names: a place («Самарской»), a word written with a capital; not «апрельском»
    russian = a.question.language is Language.RU  # English capitalizes every word of a name
    named = [
        (w, t)
        for w, t in leftover_words(a.question, a.linked)
        if (place_word(w) or (russian and t[:1].isupper() and not a.question.text.startswith(t)))
        and not is_title(w)
    ]
    for word, typed in [*named, *((w, w) for w in also)]:
        among = {(str(E), event.id)}
        if not await index.search(word, kinds=[E], fuzzy=False, ranked=False, among=among):
            unsaid.append(typed)
    return unsaid


def _done(a: Asked, event: Event) -> bool:
    """What the question asks of the event may be answered «yes»: it took place; or it is
    ahead and the question asks what will be («выступит ли …»), or what was planned."""
    if event.status == "cancelled":
        return False
    if event.partial_date.is_upcoming(a.today):  # ahead: «выступит ли …», never «выступала ли»
        return not a.question.past or a.question.planned
    return event.status == "held" or a.question.planned


def _ahead(a: Asked, event: Event) -> bool:
    """The question asks what was done, of an event that starts after today: not yet."""
    ahead = event.partial_date.starts_after(a.today)
    return ahead and a.question.past and not a.question.planned and event.status != "held"


async def _work_at(a: Asked, named: list[tuple[str, str]], event: Event, card: Answer) -> Answer:
    """Each work named is linked to the event, and in the role asked («подписали»), if any."""
    links = {link.work_id: link for link in a.edition.facts.event_works(event.id)}
    for subject, label in named:
        link = links.get(subject)
        if link is None:
            return lead(direct.no(direct.not_at(label, event)), card)
        if a.question.work_role is not None and link.role != a.question.work_role:
            return lead(direct.no(direct.work_at(link.work, link.role, event)), card)
    link = links[named[0][0]]
    return lead(direct.yes(direct.work_at(link.work, link.role, event)), card)


def _titled(a: Asked) -> bool:
    """The claim names a title beside the organization («как заместитель председателя
    комитета»)."""
    return any(is_title(w) for w, _ in leftover_words(a.question, a.linked))


def _constraints(a: Asked) -> list[str]:
    """What a claim about a person says besides the person: a position (an organization or a
    title), a topic, a work, a place, dates."""
    said = [kind for kind in (ORG, T, W, PL) if a.mention(kind)]
    if ORG not in said and _titled(a):
        said.append("title")
    if a.question.dates is not None:
        said.append("dates")
    return said


async def person_with_all(a: Asked) -> Answer | None:
    """«Тажибаев выступал в Экибастузе в 2025 году?», «Погорельский выступал в Омске как
    исполнительный директор?»: «да» only for a participation that fits every part at once."""
    if (c := await _claimed(a)) is None:
        return None
    fits: list = []  # type: ignore[type-arg]
    labels: list[str] = []
    said = f"{a.question.text} {a.question.rest}"
    orgs = _named(a, ORG)
    if orgs or "title" in _constraints(a):
        title = _title_asked(a, [label for _, label in orgs])
        wanted = {subject for subject, _ in orgs}
        fits.append(
            lambda p: any(
                (not wanted or pos.organization_id in wanted) and title_fits(title, pos.title, said)
                for pos in p.positions
            )
        )
        said_title = " ".join(t for w, t in leftover_words(a.question, a.linked) if not verb(w))
        labels += [label for _, label in orgs] or [said_title]
    if a.mention(T):
        if (topic := a.one(T)) is None:
            return None
        fits.append(lambda p: any(t.id == topic for t in p.topics))
        labels.append(a.mention(T).hits[0].label)  # type: ignore[union-attr]
    if a.mention(W):
        if (work_id := a.one(W)) is None or (
            details := a.edition.facts.work_details(work_id)
        ) is None:
            return None
        work, links, _ = details
        presented = {(p.person_id, p.event_id) for p in await work_speakers(a, work, links)}
        fits.append(lambda p: (p.person_id, p.event_id) in presented)
        labels.append(work.title)
    if a.mention(PL):
        if (place_id := a.one(PL)) is None or (
            place := a.edition.facts.get_place(place_id)
        ) is None:
            return None
        origin = a.question.from_place
        fits.append(lambda p: _in_place(p, place_id, origin))
        labels.append(place.name)
    if (dates := a.question.dates) is not None:
        fits.append(lambda p: date_matches(p.event, dates))
        labels.append(dates_text(dates))
    fitting = [p for p in c.parts if all(fit(p) for fit in fits)]
    if not fitting:
        return lead(direct.no(direct.nothing_fits_all(c.person.full_name, labels)), c.card)
    # a talk before a mere presence, and that before a mention
    part = min(fitting, key=lambda p: (p.role not in SPEAKING_ROLES, p.role == "mentioned"))
    speaking = a.question.intent == "speakers" and not a.question.taking_part
    if part.role == "mentioned":
        return lead(direct.no(direct.took_part(c.person, part.event, part.role)), c.card)
    if part.role == "participant" and speaking:
        return lead(direct.no(direct.not_among_speakers(c.person, part.event)), c.card)
    if _ahead(a, part.event):  # «… уже выступила в Омске в 2027 году?»
        return lead(direct.no(direct.listed_ahead(c.person, part.event, part.role)), c.card)
    if not _done(a, part.event):
        unheld = direct.listed_at_unheld(c.person, part.event, part.role, a.today)
        return lead(unheld, c.card)
    return lead(direct.yes(direct.position_lines(c.person, [part])), c.card)


async def work_in_place(a: Asked) -> Answer | None:
    """«Представили ли в Омске том «Казахи»?», «Подписали ли меморандум?»: the work at an
    event held there, then, in the role asked."""
    place_id, dates, role = a.one(PL), a.question.dates, a.question.work_role
    if a.one(W) is None or (place_id is None and dates is None and role is None):
        return None
    if a.ids(ORG) or a.ids(T) or (a.mention(PL) and place_id is None):
        return None
    details = a.edition.facts.work_details(a.one(W))  # type: ignore[arg-type]
    if details is None:
        return None
    work, links, _ = details
    events = {e.id: e for e in a.edition.facts.events_by_id([x.event_id for x in links])}
    card = await card_answer(a.edition, W, work.id, a.today)
    for link in links:
        event = events.get(link.event_id)
        if event is None or (place_id is not None and event.place_id != place_id):
            continue
        if (dates is None or date_matches(event, dates)) and role in (None, link.role):
            return lead(direct.yes(direct.work_at(work, link.role, event)), card)
    place = a.edition.facts.get_place(place_id) if place_id else None
    if place is None and dates is None:  # done, but not as asked: what was done, and where
        if not links or (event := events.get(links[0].event_id)) is None:
            return None
        return lead(direct.no(direct.work_at(work, links[0].role, event)), card)
    labels = [place.name] if place else []
    labels += [dates_text(dates)] if dates else []
    return lead(direct.no(direct.nothing_fits_all(work.title, labels)), card)


@dataclass(frozen=True, slots=True)
class _Claimed:
    """The person a claim is about: their participations and the card that backs the answer."""

    person: Person
    parts: list[Participation]
    card: Answer


async def _claimed(a: Asked) -> _Claimed | None:
    person_id = a.one(P)
    if person_id is None:
        return None
    found = a.edition.facts.person_and_participations(person_id)
    if found is None:
        return None
    person, parts = found
    return _Claimed(person, parts, person_card_of(person, parts))


async def format_of_several(a: Asked, event_ids: list[str]) -> Answer:
    """«Қостанайдағы кездесу онлайн болды ма?» where several meetings fit: «нет» when none
    was held so, «да» when each was; where and how each was held when they differ or a
    format is not known."""
    events = a.edition.facts.events_by_id(event_ids)
    wanted = a.question.format
    if any(e.format in (None, "unknown") for e in events) or wanted is None:
        return await for_events(a, event_ids, lambda i: when_where_answer(a.edition, i, a.today))
    lines = direct.formats_lines(events)
    held = [e for e in events if held_as(e, wanted)]
    if not held:
        lines = direct.no(lines)
    elif len(held) == len(events):
        lines = direct.yes(lines)
    return Answer(lines, cards(event_buttons(events)))


async def person_at_one_of(a: Asked, event_ids: list[str]) -> Answer | None:
    """«(Тополева-Солдунова) она выступала на круглом столе?» where several round tables fit:
    yes if the person took part in any of them."""
    if (c := await _claimed(a)) is None:
        return None
    for part in c.parts:
        if part.event_id in event_ids:
            return lead(direct.yes(direct.took_part(c.person, part.event, part.role)), c.card)
    return lead(direct.no(direct.not_at_any(c.person.full_name, len(event_ids))), c.card)


async def person_at_organization(a: Asked) -> Answer | None:
    """«Тажибаев — президент Гражданского альянса?», «Сапаров депутат Мажилиса?»: a position
    of the person in that organization, with the title asked when one is."""
    orgs = [m for m in a.linked.of_kind(ORG) if len(m.hits) == 1]
    if not orgs or (c := await _claimed(a)) is None:
        return None
    labels = [m.hits[0].label for m in orgs]
    title = _title_asked(a, labels)
    said = f"{a.question.text} {a.question.rest}"
    for part in c.parts:
        for pos in part.positions:
            # «заведующая кафедрой Ассамблеи народа Казахстана в ЕНУ»: one organization is
            # where, the others' names are words of the title
            at = [m for m in orgs if m.hits[0].id == pos.organization_id]
            rest = [w for m in orgs if m not in at for w in typed_words(m, a.question)]
            words = title + [g for w in rest for g in query_forms(w)]
            if at and title_fits(words, pos.title, said):
                return lead(direct.yes(direct.position_lines(c.person, [part])), c.card)
    return lead(direct.no(direct.position_lines(c.person, c.parts)), c.card)


def _title_asked(a: Asked, organizations: Sequence[str] = ()) -> list[Forms]:
    """The title a claim asks: the nouns no name took («президент»), not «является», nor a
    word of the organization's name said again («Новосибирск мемлекеттік университетінің
    (НГУ)»); in Kazakh or English, only words the facts' language knows."""
    names = [f for label in organizations for f in forms(label)]
    russian = a.question.language is Language.RU
    return [
        group
        for word, _ in leftover_words(a.question, a.linked)
        if content_word(word)
        and (russian or known_word(word) or is_title(word))
        and not any(forms_match(g, f) for g in query_forms(word) for f in names)
        for group in query_forms(word)
    ]


async def person_with_title(a: Asked) -> Answer | None:
    """«Сапаров председатель?»: a position of the person with that title, anywhere."""
    words = [w for w, _ in leftover_words(a.question, a.linked)]
    if not any(is_title(w) for w in words) or (c := await _claimed(a)) is None:
        return None
    title = _title_asked(a)
    for part in c.parts:
        if any(
            title_fits(title, pos.title, f"{a.question.text} {a.question.rest}")
            for pos in part.positions
        ):
            return lead(direct.yes(direct.position_lines(c.person, [part])), c.card)
    return lead(direct.no(direct.position_lines(c.person, c.parts)), c.card)


async def person_on_topic(a: Asked) -> Answer | None:
    """«Говорил ли Тажибаев об экологии?»: a participation of the person on that topic."""
    topic_id = a.one(T)
    if topic_id is None or (c := await _claimed(a)) is None:
        return None
    topic = a.mention(T).hits[0].label  # type: ignore[union-attr]
    for part in c.parts:
        if any(t.id == topic_id for t in part.topics):
            return lead(direct.yes(direct.on_topic(c.person, topic, part.event)), c.card)
    return lead(direct.no(direct.not_on_topic(c.person, topic)), c.card)


async def person_with_work(a: Asked) -> Answer | None:
    """«Октябрьская представила том «Казахи»?»: the person's talk at the work's event names
    it."""
    work_id = a.one(W)
    if work_id is None or (c := await _claimed(a)) is None:
        return None
    details = a.edition.facts.work_details(work_id)
    if details is None:
        return None
    work, links, _ = details
    for part in await work_speakers(a, work, links):
        if part.person_id == c.person.id:
            return lead(direct.yes(direct.on_topic(c.person, work.title, part.event)), c.card)
    return lead(direct.no(direct.not_on_topic(c.person, work.title)), c.card)


async def person_in_dates(a: Asked) -> Answer | None:
    """«Выступала ли Петрова в 2024 году?»: a participation of the person in those dates."""
    dates = a.question.dates
    if dates is None or (c := await _claimed(a)) is None:
        return None
    for part in c.parts:
        if date_matches(part.event, dates):
            return lead(direct.yes(direct.took_part(c.person, part.event, part.role)), c.card)
    return lead(direct.no(direct.not_in_dates(c.person, dates_text(dates))), c.card)


def _in_place(part: Participation, place_id: str, origin: bool) -> bool:
    """The person's city is the place; or, unless the question asks where they are from, the
    event was held there (not merely joined by the city online)."""
    city = part.city or part.person.city
    if city is not None and city.id == place_id:
        return True
    return not origin and part.event.place_id == place_id


async def person_in_place(a: Asked) -> Answer | None:
    """«Выступала ли Петрова в Омске?» (an event there), «Погорельский из Новосибирска?»
    (where the person is from: their city only)."""
    origin = a.question.from_place
    if not origin:  # an event there: what they did there counts («only mentioned» is no «да»)
        return await person_with_all(a)
    place_id = a.one(PL)
    if place_id is None or (c := await _claimed(a)) is None:
        return None
    place = a.edition.facts.get_place(place_id)
    if place is None:
        return None
    for part in c.parts:
        if _in_place(part, place_id, origin):
            return lead(direct.yes(direct.in_place(c.person, place, part.event)), c.card)
    if origin and c.person.city is None and not any(p.city for p in c.parts):
        return None  # where the person is from is not known: answered, not denied
    return lead(direct.no(direct.not_in_place(c.person, place)), c.card)
