"""Plain questions: understand, link every entity named, answer the relation asked for —
continuing the chat's last question when this one leans on it."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date

from answers.base import Answer
from answers.cards import card_answer
from answers.claims import yes_no
from answers.coordination import EventParts, event_parts, shared_answer
from answers.dialogue import Dialogue
from answers.grounding import gap_answer, gaps
from answers.language import detect_language
from answers.lexicon import every
from answers.linking import (
    Confidence,
    Linked,
    Mention,
    events_on,
    gender_of,
    kept_words,
    link,
    typed_words,
)
from answers.memo import remembered
from answers.parts import question_parts
from answers.relations import (
    ROUTES,
    Asked,
    about,
    among_last,
    counted_in_summaries,
    country,
    joined,
    lead,
    titled,
)
from answers.resolve import MIN_COVERAGE, choose
from answers.understanding import (
    Intent,
    Question,
    ask_again,
    asked_text,
    asks_holder,
    intent_beside,
    only_constraints,
    parse_question,
)
from db.kinds import EntityKind
from facts.edition import Edition
from search.index import Hit
from search.textnorm import normalize, query_forms, word_forms
from views.callbacks import Card
from views.common import listening, question_too_long
from views.direct import not_a_question, off_topic
from views.grounding import joined_not_held
from views.i18n import Language, use_language
from views.keyboards import hits_keyboard
from views.search import no_answer_found, search_text

MAX_QUESTION = 500
RESULTS = 10
# Intents a follow-up may carry over, and those that answer by themselves.
_NOT_CONTINUED = frozenset(
    {Intent.SMALL_TALK, Intent.OFF_TOPIC, Intent.UPCOMING, Intent.UNANSWERABLE}
)


def _clear_winner(hits: list[Hit]) -> bool:
    """The first hit matched every word and a whole name; no other hit did both."""

    def full(h: Hit) -> bool:
        return h.coverage == 1.0 and h.whole_name and not h.fuzzy

    return full(hits[0]) and not any(full(h) for h in hits[1:])


def _may_correct_typos(question: Question, text: str) -> bool:
    """Typos are corrected in names: when the question asks something, a word is written
    with a capital, or a Latin name was transliterated. «привет» is not a misspelt name."""
    return (
        question.asked_intent
        or question.language != "ru"
        or any(w[:1].isupper() for w in re.findall(r"\w+", text)[1:])
        or (bool(text[:1].isupper()) and len(text.split()) == 1)
    )


async def question_reply(
    edition: Edition, text: str, today: date, dialogue: Dialogue
) -> tuple[Answer, Dialogue]:
    """The answer to a plain message, and what the chat is now talking about. A message that
    asks several things («Кто организовал … и когда он прошёл?») gets each part answered in
    turn, every later part continuing the one before it."""
    text = text.strip()
    if 0 < len(text) <= MAX_QUESTION:
        # «Добрый день! Я студентка из …, подскажите, кто … и что …?»: the parts of what it asks
        text = asked_text(text, today)
    parts = question_parts(text) if 0 < len(text) <= MAX_QUESTION else (text,)
    if len(parts) == 1 and 0 < len(text) <= MAX_QUESTION:
        events = await remembered(edition, ("events", text), lambda: _event_parts(text))
        if events is not None:
            # «… на круглом столе в Омске и на форуме в Уральске?»: each event with its own
            # place and date; «и на …, и на …», «both»: what every one of them shares.
            if events.in_all and (language := detect_language(text)) is not Language.RU:
                use_language(language)  # the interface around the facts, as any question's
            if events.in_all and (shared := await shared_answer(edition, events, today)):
                answer, ids = shared
                subjects = [(EntityKind.EVENT.value, i) for i in ids]
                return answer, Dialogue(text=text, subjects=subjects[:10], at=time.time())
            parts = events.parts
    if len(parts) == 1:
        return await _reply(edition, text, today, dialogue)
    answers = []
    first = parse_question(parts[0], today)
    for number, part in enumerate(parts):
        continued = first if number else None
        answer, dialogue = await _reply(edition, part, today, dialogue, continued=continued)
        if all(answer.text != earlier.text for earlier in answers):  # a card said once
            answers.append(answer)
    return joined(answers), dialogue


async def _reply(
    edition: Edition,
    text: str,
    today: date,
    dialogue: Dialogue,
    *,
    continued: Question | None = None,
) -> tuple[Answer, Dialogue]:
    """The answer to one question. A later part of a message that `continued` began, without
    names or words that ask of its own («… и когда он прошёл?», «… и на форуме в Уральске?»),
    is about what the part before it was about, and asks yes or no only if that part did."""
    question = None
    if text and len(text) <= MAX_QUESTION:
        question = await remembered(edition, ("parsed", text, today), lambda: _parsed(text, today))
        if continued is not None and not (question.words and question.asked_intent):
            question = replace(question, follow_up=True, yes_no=continued.yes_no)
    if question is not None and dialogue.text and await _only_constraints(edition, question):
        # «а в 2024?»: the last question again, with this date or place instead of its own.
        last = await remembered(edition, ("parsed", dialogue.text, today),
                                lambda: _parsed(dialogue.text or "", today))  # fmt: skip
        places = await _places_named(edition, last, typed=True)
        again = ask_again(dialogue.text, text, today, places)
        return await _reply(edition, again, today, Dialogue())
    # A question that does not lean on the last one is answered the same in every chat.
    leans = question is not None and question.leans_on_last
    context = (dialogue.intent, tuple(dialogue.subjects), dialogue.country) if leans else None
    answer, after, keeps_intent = await remembered(
        edition,
        ("question", text, today, context),
        lambda: _question_reply(edition, text, question, today, dialogue),
    )
    if after is None:
        return answer, dialogue
    if keeps_intent:
        after = replace(after, intent=dialogue.intent)
    # The people this chat spoke of before stay, after the new ones (a remembered answer is
    # any chat's: they are added here): «Нургазиева? — А Тажибаев? — А должность у неё?»
    person = EntityKind.PERSON.value
    before = [s for s in dialogue.subjects if s[0] == person and s not in after.subjects]
    return answer, replace(after, subjects=[*after.subjects, *before][:10], at=time.time())


async def _event_parts(text: str) -> EventParts | None:
    found = event_parts(text)
    if found is None:
        return None
    # The part that asks goes first, so that the rest continue it: in Kazakh the words that
    # ask come last («Омбыдағы дөңгелек үстел мен Оралдағы форумға кім қатысты?»).
    asking = [p for p in found.parts if parse_question(p).asked_intent][:1]
    return replace(found, parts=(*asking, *(p for p in found.parts if p not in asking)))


async def _only_constraints(edition: Edition, question: Question) -> bool:
    """`only_constraints`, linking the words to the facts' places only when nothing else
    tells: a follow-up that asks something of its own («а где она работает?») is never
    linked twice."""
    if not only_constraints(question, question.words):  # not even shaped like one
        return False
    return only_constraints(question) or only_constraints(
        question, await _places_named(edition, question)
    )


async def _places_named(edition: Edition, question: Question, *, typed: bool = False) -> set[str]:
    """The question's words that name places of the facts («оралда», «in Semey»): as the
    question keeps them, or as typed."""
    if not question.words:
        return set()
    linked = await link(edition, question, fuzzy=False)
    return {
        word
        for m in linked.of_kind(EntityKind.PLACE)
        for word in (typed_words(m, question) if typed else kept_words(m, question))
    }


async def _parsed(text: str, today: date) -> Question:
    return parse_question(text, today)


async def _question_reply(
    edition: Edition, text: str, question: Question | None, today: date, dialogue: Dialogue
) -> tuple[Answer, Dialogue | None, bool]:
    """The answer to `text` (`question` is it parsed; None when empty or too long); what the
    chat talks about after it (None: what it talked about before), and whether it keeps the
    chat's last intent."""
    if question is None:
        if not text:
            return Answer(listening()), None, False
        return Answer(question_too_long(len(text), MAX_QUESTION)), None, False
    if not any(c.isalpha() for c in text):
        # An emoji, a number, punctuation: no question to answer and none to continue.
        # «¹» and «٢» are digits too, but no year: only ASCII digits are read as one.
        year = int(text) if re.fullmatch(r"[0-9]{4}", text) and 1900 < int(text) < 2100 else None
        return Answer(not_a_question(year)), None, False
    fuzzy = question.intent is not Intent.SMALL_TALK and _may_correct_typos(question, text)
    # What the words name depends on the text alone, whatever the chat asked before.
    linked = await remembered(
        edition, ("link", text, today, fuzzy), lambda: link(edition, question, fuzzy=fuzzy)
    )
    if linked.country_in_name:
        question = _with_country(question, None)
    if question.asked_intent and (named := linked.name_words(question)):
        # a cue inside a name the question gives is the name's, not what it asks
        beside = intent_beside(question, named)
        if beside is not None and beside is not question.intent:
            question = replace(question, intent=beside)
    if question.pronoun and question.gender and not linked.of_kind(EntityKind.PERSON):
        dialogue = await _spoken_of_first(edition, dialogue, question.gender)
    if question.follow_up:
        linked = await _of_the_family_spoken_of(edition, linked, dialogue)
    asked = Asked(edition, question, linked, today, text, dialogue)
    if question.dates is not None:
        dates = question.dates
        years = (
            range(dates.year, dates.until_year + 1)
            if dates.until_year and dates.year
            else [dates.year]
        )
        of_years = [e for year in years for e in edition.facts.events_of_year(year)]
        asked.dated_events = [e.id for e in events_on(of_years, dates)]
    if question.language != "ru":
        # A Kazakh or English question gets its interface in that language around the facts.
        use_language(Language(question.language))
    answer = await _answer(asked)
    # «А кто его модерировал? — Откуда он?»: the one person listed is the one spoken of
    people = _listed(answer, EntityKind.PERSON)
    if len(people) == 1:
        listed = (EntityKind.PERSON.value, people[0])
        asked.used = [listed, *(u for u in asked.used if u != listed)]
    # «Что будет в Омске? — Кто будет модератором?»: the events a list gives are those spoken
    # of (a card's own events are not: the card's subject is)
    subjects = {EntityKind(kind) for kind, _ in asked.used}
    if not subjects & {EntityKind.EVENT, EntityKind.PERSON, EntityKind.ORGANIZATION}:
        asked.used += [(EntityKind.EVENT.value, e) for e in _listed(answer, EntityKind.EVENT)]
    after, keeps_intent = _remember(asked, dialogue)
    return answer, after, keeps_intent


async def _of_the_family_spoken_of(edition: Edition, linked: Linked, dialogue: Dialogue) -> Linked:
    """«Кто такая Ольга Смирнова? — А Ирина?»: of the people a first name fits, those who
    share the surname of someone the chat spoke of (a copy: the linking is any chat's)."""
    spoken = [
        person
        for kind, person_id in dialogue.subjects
        if kind == EntityKind.PERSON.value
        and (person := edition.facts.get_person(person_id)) is not None
    ]
    families = {_family(p.full_name) for p in spoken}
    mentions = []
    for mention in linked.mentions:
        if mention.kind is EntityKind.PERSON and len(mention.hits) > 1 and families:
            kin = [h for h in mention.hits if _family(h.label) in families]
            if kin:
                mention = replace(mention, hits=kin)
        mentions.append(mention)
    return replace(linked, mentions=mentions)


def _family(name: str) -> str:
    """A surname as both its men's and women's forms share it («Смирнов», «Смирнова»)."""
    surname = normalize(name.split()[-1]) if name.split() else ""
    return surname.removesuffix("а") if surname.endswith(("ова", "ева", "ина")) else surname


async def _spoken_of_first(edition: Edition, dialogue: Dialogue, gender: str) -> Dialogue:
    """The chat's subjects with the people the pronoun may stand for first: «а какая
    должность у неё?» after Нургазиева and then Тажибаев is about her."""
    people = [s for s in dialogue.subjects if s[0] == EntityKind.PERSON.value]
    fitting = [
        s
        for s in people
        if (person := edition.facts.get_person(s[1])) is not None
        and gender_of(person.full_name) in (gender, None)
    ]
    if not fitting or fitting[0] == people[0]:
        return dialogue
    rest = [s for s in dialogue.subjects if s not in fitting]
    return replace(dialogue, subjects=[*fitting, *rest])


def _listed(answer: Answer, kind: EntityKind) -> list[str]:
    """The entities of `kind` an answer lists, by their card buttons."""
    rows = answer.markup.inline_keyboard if answer.markup else []
    found = [
        card.id
        for row in rows
        for button in row
        if (data := button.callback_data)
        and data.startswith(f"{Card.__prefix__}:")
        and (card := Card.unpack(data)).kind is kind
    ]
    return list(dict.fromkeys(found))


def _question_words(asked: Asked) -> str:
    """The words of the question that are not names of what it is about."""
    rest = normalize(asked.question.rest).split()
    groups = query_forms(asked.question.rest)
    leftover = {groups[i] for i in asked.linked.leftover if i < len(groups)}
    named = {w for w in rest if word_forms(w) not in leftover}
    return " ".join(w for w in normalize(asked.text).split() if w not in named)


# More namesakes than this are a list to choose from, not answers to read one after another
NAMESAKES_ANSWERED = 4


def _namesakes_asked(asked: Asked, mention: Mention) -> bool:
    """The question asks where someone works («Где работает Калашникова?») and the name fits
    a few people, all as written: each one's position answers it, none needs picking."""
    return (
        mention.kind is EntityKind.PERSON
        and 1 < len(mention.hits) <= NAMESAKES_ANSWERED
        and not asked.question.yes_no
        and len(asked.linked.of_kind(EntityKind.PERSON)) == 1
        and _intent(asked) is Intent.POSITION
    )


def _intent(asked: Asked) -> Intent:
    q, dialogue = asked.question, asked.dialogue
    if q.count and not q.asked_intent and not asked.continues and asked.mention(EntityKind.EVENT):
        return Intent.EVENTS  # «сколько форумов было?»
    if not q.asked_intent and not asked.continues and asked.linked.mentions:
        from answers.similarity import closest_intent  # vectors load on first use

        guessed, _ = closest_intent(_question_words(asked))
        if guessed is not None:
            return guessed
    if not q.asked_intent and asked.continues and dialogue.intent:
        try:
            carried = Intent(dialogue.intent)
        except ValueError:
            return q.intent
        if carried not in _NOT_CONTINUED:
            return carried
    return q.intent


_DETAILS = frozenset(every("details"))


async def _answer(asked: Asked) -> Answer:
    q, linked = asked.question, asked.linked
    said = " ".join(re.findall(r"\w+", asked.text.casefold()))
    if said in _DETAILS and asked.dialogue.subjects:  # «подробнее»: what the chat spoke of
        kind, subject = asked.dialogue.subjects[0]
        return await card_answer(asked.edition, EntityKind(kind), subject, asked.today)
    if q.intent is Intent.SMALL_TALK and len(q.words) <= 3 and not linked.mentions:
        return await ROUTES[Intent.SMALL_TALK].respond(asked)  # type: ignore[return-value]
    if q.intent is Intent.OFF_TOPIC:  # «What is the weather in Oral?»: no city, no choice
        return await ROUTES[Intent.OFF_TOPIC].respond(asked)  # type: ignore[return-value]
    if found_gaps := await gaps(asked.edition, q, linked):
        # A word the materials know nothing about, or a constraint nothing satisfies: said
        # as such, never answered more widely than asked.
        return await gap_answer(asked, found_gaps)
    # «кто председатель комиссии по развитию …?»: who holds that title, wherever
    holder = asks_holder(q) and not linked.of_kind(EntityKind.PERSON)
    if holder and (found := await titled(asked)) is not None:
        return found
    if q.count and (found := await counted_in_summaries(asked)) is not None:
        # «Из скольких регионов … приехали казахские общины на Курултай?»: the number the
        # event's source gives, whatever other names («казахские общины») might fit
        return found
    # A name that fits several people, or only after a typo fix: let them pick.
    for mention in linked.mentions:
        if mention.kind is EntityKind.EVENT:
            continue
        # A topic and a document of one name are one thing asked about, not two.
        names = {normalize(h.label) for h in mention.hits}
        if not mention.certain or (len(mention.hits) > 1 and len(names) > 1):
            if mention.certain and _namesakes_asked(asked, mention):
                continue  # «Где работает Калашникова?»: each namesake's position in turn
            typo = mention.confidence is Confidence.TYPO
            return await choose(asked.edition, asked.text, mention.hits, corrected=typo)
    intent = _intent(asked)
    if asked.continues and q.country is None and asked.dialogue.country and not linked.mentions:
        code = asked.dialogue.country
        if q.others:  # «а остальные?» after the Kazakh cities: the Russian ones
            code = "RU" if code == "KZ" else "KZ"
        q = asked.question = _with_country(q, code)
    if q.yes_no and (found := await yes_no(asked)) is not None:
        return found
    place = asked.mention(EntityKind.PLACE)
    if (
        place is not None
        and intent in (Intent.SEARCH, Intent.COUNTRY)
        # «Павлодар — это Казахстан?»; «Есть что-нибудь про Семей?» asks of the city itself
        and (q.country or intent is Intent.COUNTRY)
    ):
        found = await country(asked)
        if found is not None:
            return found
    found = await among_last(asked) if q.among and asked.continues else None
    if found is None:
        found = await ROUTES[intent].respond(asked)
    if found is None:
        found = await about(asked)
        if found is not None and intent is Intent.SEARCH and linked.coverage < MIN_COVERAGE:
            found = None
    if found is None:
        return await _looked_up(asked)
    for mention in linked.of_kind(EntityKind.EVENT):
        if mention.joined:  # «…на круглом столе в Москве?»: Moscow only joined it
            return lead(joined_not_held(mention.joined), found)
    return found


def _with_country(q: Question, code: str | None) -> Question:
    return replace(q, country=code)


async def _looked_up(asked: Asked) -> Answer:
    """No relation fits the entities named: the best card, a short list of hits, or an
    honest «I only know about …»."""
    q = asked.question
    if not q.rest:
        return Answer(off_topic())
    fuzzy = _may_correct_typos(q, asked.text)
    # Only hits that match most of the question: a stray word in a summary is no answer;
    # without any question word, only hits that match every word.
    least = MIN_COVERAGE if q.asked_intent else 1.0
    found = [
        h
        for h in await asked.edition.search.search(q.rest, limit=RESULTS, fuzzy=fuzzy)
        if h.coverage >= least and (h.coverage == 1.0 or not h.fuzzy)
    ]
    if found and found[0].fuzzy:  # a corrected typo is asked about, never opened
        return await choose(asked.edition, asked.text, found)
    if found and (len(found) == 1 or _clear_winner(found)):
        return await card_answer(asked.edition, found[0].kind, found[0].id, asked.today)
    if found:
        return Answer(search_text(asked.text, found), hits_keyboard(found))
    if not q.asked_intent:
        return Answer(off_topic())
    return Answer(no_answer_found(asked.text))


def _remember(asked: Asked, before: Dialogue) -> tuple[Dialogue, bool]:
    """What the chat talks about now, and whether it keeps its last intent (a greeting or
    «what is coming» does not replace what was being asked about)."""
    q = asked.question
    intent = _intent(asked)
    subjects = list(asked.used)
    for mention in asked.linked.mentions:
        for hit in mention.hits[:4]:
            if (hit.kind.value, hit.id) not in subjects:
                subjects.append((hit.kind.value, hit.id))
    if not subjects and asked.continues:
        subjects = before.subjects
    keeps_intent = intent in _NOT_CONTINUED
    after = Dialogue(
        text=asked.text,
        intent=None if keeps_intent else str(intent),
        subjects=subjects[:10],
        country=q.country,
        at=time.time(),
    )
    return after, keeps_intent
