"""The words that carry a question, per language, read from this folder's data files: which
phrases ask for which intent, which words only carry the question, which words stand for the
Russian of the facts, and which phrases ask how many. Adding a language is adding its file
(and its catalogue in locales/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class LanguageWords:
    # An `Intent` value (with «_weak»: the cues tried last) → the phrases that ask for it.
    intents: dict[str, tuple[str, ...]]
    question_words: tuple[str, ...]
    glossary: tuple[tuple[str, str], ...]  # longest phrase first
    count: tuple[str, ...]
    markers: frozenset[str]  # words that tell this language without its own letters
    yes_no: frozenset[str]  # words that make a question ask yes or no («ли», «ма»)
    yes_no_starts: tuple[str, ...]  # words a yes/no question begins with («did», «is»)
    interrogatives: frozenset[str]  # words of an open question («кто», «what»)
    alternatives: frozenset[str]  # words of a question offering a choice («или», «or»)
    years_ago: tuple[tuple[int, str], ...]  # («в прошлом году», 1), longest phrase first
    year_words: frozenset[str]  # «году», «жылы», «year»
    months_ahead: tuple[tuple[int, str], ...]  # («в следующем месяце», 1), longest phrase first
    weeks_ahead: tuple[tuple[int, str], ...]  # («на следующей неделе», 1), longest phrase first
    days_ahead: tuple[tuple[int, str], ...]  # («завтра», 1), longest phrase first
    numbers: dict[str, int]  # «два», «two», «екі» → 2
    ago: tuple[str, ...]  # «назад», «ago», «бұрын»: «два года назад»
    formats: dict[str, tuple[str, ...]]  # an event format («online») → the words that ask it
    work_roles: dict[str, tuple[str, ...]]  # a work's role at an event («signed») → its words
    heads: tuple[str, ...]  # «руководит», «heads», «басқарады»: the question asks who leads
    head_titles: frozenset[str]  # the titles of an organization's head («председатель»)
    ranks: tuple[str, ...]  # «заместитель», «вице», «deputy»: a title below the one it precedes
    plans: tuple[str, ...]  # «запланирован», «будет», «will»: asks what is planned, not done
    past: tuple[str, ...]  # «did», «өтті»: asks what was done (Russian: its verbs' tense)
    titles: tuple[str, ...]  # beginnings of position titles: «кто председатель …» asks who
    seasons: tuple[tuple[int, int, str], ...]  # (first month, last month, word)
    order: dict[str, tuple[str, ...]]  # «first» / «last» → the phrases that ask for it
    taking_part: tuple[str, ...]  # «участвовал», «took part»: taking part, not being held
    mentioned: tuple[str, ...]  # «упоминался», «mentioned»: the people a source only names
    conjunctions: tuple[str, ...]  # «и», «and», «және»: join two questions, longest first
    joins: tuple[str, ...]  # «мен»: joins two names of things, never two questions
    both: frozenset[str]  # «both», «обоих», «екеуіне»: at every one of the events named
    both_particles: frozenset[str]  # «да/де»: after each of two events, «at both»
    others: tuple[str, ...]  # «а остальные?», «the rest»: the last list's other country
    among: tuple[str, ...]  # «из них», «of them»: the next question picks from the last list
    stopwords: frozenset[str]  # words that never name anything («of», «the»)
    until: frozenset[str]  # «по», «to», «дейін»: a span from one month to the next
    between: frozenset[str]  # «between», «между»: «and» after it ends a span
    common_nouns: frozenset[str]  # written in capitals, yet no name: «НКО», «NGO», «I»
    courtesy: tuple[str, ...] = ()  # «подскажите», «please»: open a question, ask nothing
    things: frozenset[str] = frozenset()  # «что», «what», «не»: ask for a thing, not a person
    together: tuple[str, ...] = ()  # «вместе с», «together with», «бірге»: at someone's events
    # «с», «о», «про»: a name after one is not the subject a verb's gender speaks of
    prepositions: frozenset[str] = frozenset()
    together_after: tuple[str, ...] = ()  # «-пен»: the ending before «бірге» that says «with»
    first_person: frozenset[str] = frozenset()  # «я», «I», «мен»: the one who asks
    follow_up_starts: tuple[str, ...] = ()  # «а», «and», «ал»: a follow-up begins so
    follow_up_ends: frozenset[str] = frozenset()  # «ше»: … or ends so
    pronouns: frozenset[str] = frozenset()  # «она», «there»: someone or somewhere spoken of
    pronoun_genders: dict[str, str] = field(default_factory=dict)  # «её» → «femn»
    countries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # «KZ» → «казахск» …
    months: dict[int, tuple[str, ...]] = field(default_factory=dict)  # 4 → «апрел», «сәуір»
    month_endings: tuple[str, ...] | None = None  # a month stem's endings (None: any)
    month_words: dict[str, int] = field(default_factory=dict)  # «мая», «April» → its month
    origin_before: frozenset[str] = frozenset()  # «из», «from»: before where someone is from
    whence: frozenset[str] = frozenset()  # «откуда», «қайдан»: asks where from
    origin_endings: tuple[str, ...] = ()  # «-дан»: a place name so ended says where from
    about_before: frozenset[str] = frozenset()  # «о», «about»: before what was spoken of
    about_after: frozenset[str] = frozenset()  # «туралы»: after it
    on_behalf: frozenset[str] = frozenset()  # «от», «for»: before whom someone was there for
    represented: tuple[str, ...] = ()  # «представлял», «represent»: was there for
    past_endings: tuple[str, ...] = ()  # «-ды»: a verb in the past
    more: tuple[str, ...] = ()  # «кто ещё», «who else»: besides those named
    participants: tuple[str, ...] = ()  # «участник», «participant»: everyone there
    thanks: tuple[str, ...] = ()  # «спасибо», «thanks», «рахмет»
    about_bot: tuple[str, ...] = ()  # «что ты умеешь?»: asks what the bot does
    as_words: frozenset[str] = frozenset()  # «как» before a title: «as», asks nothing
    event_kinds: dict[str, str | None] = field(default_factory=dict)  # «стол» → «round_table»
    work_kinds: frozenset[str] = frozenset()  # «книга», «кітап»: what kind of work a name is
    generic_org_words: frozenset[str] = frozenset()  # «совет», «фонд»: a kind of body
    # «в городе Уральске», «Орал қаласында», «the city of Uralsk»: the word for a city before
    # or after a city's name names it, it asks for no cities
    city_before: tuple[str, ...] = ()
    # «области», «облысы», «region» after a city's name: it names a region
    region_words: tuple[str, ...] = ()
    details: tuple[str, ...] = ()  # «подробнее», «tell me more»: the last subject's whole card
    city_after: tuple[str, ...] = ()
    # «вуз» → («университет», «институт», «академия»): the words of the names of the
    # organizations a word asking for a kind of them means
    org_kinds: dict[str, frozenset[str]] = field(default_factory=dict)


def _counted_phrases(by_number: dict) -> tuple[tuple[int, str], ...]:
    """{«1»: [phrases]} as (1, phrase) pairs, the longest phrase first."""
    pairs = ((int(n), phrase) for n, phrases in by_number.items() for phrase in phrases)
    return tuple(sorted(pairs, key=lambda pair: len(pair[1]), reverse=True))


def _only_text(value: object, where: str) -> None:
    """Every word is text: YAML reads a bare «on» or «true» as a boolean, which would never
    match a word of a question."""
    if isinstance(value, dict):
        for key, inner in value.items():
            _only_text(inner, f"{where}: {key}")
    elif isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"{where}: {item!r} is no word; quote it («'on'»)")
    elif not isinstance(value, str):
        raise ValueError(f"{where}: {value!r} is no word; quote it («'on'»)")


@cache
def words_of(language: str) -> LanguageWords:
    """The words of `language` («ru», «kk», «en»): read once, never changed."""
    path = HERE / f"{language}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    _only_text(data, path.name)
    glossary = sorted(data.get("glossary", {}).items(), key=lambda kv: len(kv[0]), reverse=True)
    return LanguageWords(
        intents={k: tuple(v) for k, v in data["intents"].items()},
        question_words=tuple(data["question_words"]),
        glossary=tuple(glossary),
        count=tuple(data.get("count", ())),
        markers=frozenset(data.get("markers", ())),
        yes_no=frozenset(data.get("yes_no", ())),
        yes_no_starts=tuple(f"{w} " for w in data.get("yes_no_starts", ())),
        interrogatives=frozenset(data.get("interrogatives", ())),
        alternatives=frozenset(data.get("alternatives", ())),
        years_ago=_counted_phrases(data.get("years_ago", {})),
        year_words=frozenset(data.get("year_words", ())),
        months_ahead=_counted_phrases(data.get("months_ahead", {})),
        weeks_ahead=_counted_phrases(data.get("weeks_ahead", {})),
        days_ahead=_counted_phrases(data.get("days_ahead", {})),
        numbers={w: int(n) for n, words in data.get("numbers", {}).items() for w in words},
        ago=tuple(data.get("ago", ())),
        formats={k: tuple(v) for k, v in data.get("formats", {}).items()},
        work_roles={k: tuple(v) for k, v in data.get("work_roles", {}).items()},
        heads=tuple(data.get("heads", ())),
        head_titles=frozenset(data.get("head_titles", ())),
        ranks=tuple(data.get("ranks", ())),
        plans=tuple(data.get("plans", ())),
        past=tuple(data.get("past", ())),
        titles=tuple(data.get("titles", ())),
        seasons=tuple(
            (int(span.split("-")[0]), int(span.split("-")[1]), word)
            for span, words in data.get("seasons", {}).items()
            for word in words
        ),
        order={k: tuple(v) for k, v in data.get("order", {}).items()},
        taking_part=tuple(data.get("taking_part", ())),
        mentioned=tuple(data.get("mentioned", ())),
        joins=tuple(data.get("joins", ())),
        both=frozenset(data.get("both", ())),
        both_particles=frozenset(data.get("both_particles", ())),
        others=tuple(data.get("others", ())),
        among=tuple(data.get("among", ())),
        until=frozenset(data.get("until", ())),
        between=frozenset(data.get("between", ())),
        stopwords=frozenset(data.get("stopwords", ())),
        common_nouns=frozenset(w.casefold() for w in data.get("common_nouns", ())),
        conjunctions=tuple(sorted(data.get("conjunctions", ()), key=len, reverse=True)),
        courtesy=tuple(sorted(data.get("courtesy", ()), key=len, reverse=True)),
        things=frozenset(data.get("things", ())),
        together=tuple(data.get("together", ())),
        prepositions=frozenset(data.get("prepositions", ())),
        together_after=tuple(data.get("together_after", ())),
        first_person=frozenset(data.get("first_person", ())),
        follow_up_starts=tuple(data.get("follow_up_starts", ())),
        follow_up_ends=frozenset(data.get("follow_up_ends", ())),
        pronouns=frozenset(data.get("pronouns", ())),
        pronoun_genders=_by_word(data.get("pronoun_genders", {})),
        countries={k: tuple(v) for k, v in data.get("countries", {}).items()},
        months={int(n): tuple(v) for n, v in data.get("months", {}).items()},
        month_endings=tuple(data["month_endings"]) if "month_endings" in data else None,
        month_words={w: int(n) for w, n in _by_word(data.get("month_words", {})).items()},
        origin_before=frozenset(data.get("origin_before", ())),
        whence=frozenset(data.get("whence", ())),
        origin_endings=tuple(data.get("origin_endings", ())),
        about_before=frozenset(data.get("about_before", ())),
        about_after=frozenset(data.get("about_after", ())),
        on_behalf=frozenset(data.get("on_behalf", ())),
        represented=tuple(data.get("represented", ())),
        past_endings=tuple(data.get("past_endings", ())),
        more=tuple(data.get("more", ())),
        participants=tuple(data.get("participants", ())),
        thanks=tuple(data.get("thanks", ())),
        about_bot=tuple(data.get("about_bot", ())),
        as_words=frozenset(data.get("as_words", ())),
        event_kinds={
            w: None if kind == "any" else kind
            for w, kind in _by_word(data.get("event_kinds", {})).items()
        },
        work_kinds=frozenset(data.get("work_kinds", ())),
        generic_org_words=frozenset(data.get("generic_org_words", ())),
        city_before=tuple(data.get("city_before", ())),
        region_words=tuple(data.get("region_words", ())),
        details=tuple(data.get("details", ())),
        city_after=tuple(data.get("city_after", ())),
        org_kinds=_asked_by(data.get("org_kinds", {})),
    )


def every(field_name: str) -> tuple[str, ...]:
    """One list of every language's words, joined in the languages' order without repeats
    (the Kazakh «мен» is a first person and a join alike)."""
    joined = (w for language in languages() for w in getattr(words_of(language), field_name))
    return tuple(dict.fromkeys(joined))


def _asked_by(named: dict) -> dict[str, frozenset[str]]:
    """{«университет»: [«университет», «вуз»]} as {«вуз»: {«университет»}, …}: each asking
    word with every name word it means."""
    asked: dict[str, set[str]] = {}
    for name_word, words in named.items():
        for word in words:
            asked.setdefault(str(word), set()).add(str(name_word))
    return {word: frozenset(names) for word, names in asked.items()}


def _by_word(grouped: dict) -> dict[str, str]:
    """{«femn»: [«она», «её»]} as {«она»: «femn», «её»: «femn»}."""
    return {str(word): str(key) for key, words in grouped.items() for word in words}


def languages() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.yaml"))
