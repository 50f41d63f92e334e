"""The words that carry a question, per language, read from this folder's data files: which
phrases ask for which intent, which words only carry the question, which words stand for the
Russian of the facts, and which phrases ask how many. Adding a language is adding its file
(and its catalogue in locales/)."""

from __future__ import annotations

from dataclasses import dataclass
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
    together_after: tuple[str, ...] = ()  # «-пен»: the ending before «бірге» that says «with»


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
        together_after=tuple(data.get("together_after", ())),
    )


def languages() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.yaml"))
