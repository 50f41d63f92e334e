"""Understanding a plain question: what is asked (the intent), its modifiers (how many? yes or
no? which country? which dates?) and the words left to name its subjects.

«Сколько казахстанских городов участвовало в круглом столе 2021 года?» →
intent CITIES, count, country KZ, dates 2021, rest «круглом столе».

Russian, Kazakh and English questions share one lexicon: each intent lists the beginnings of
the phrases that ask for it in each language. Kazakh and English domain words that name kinds
of events (дөңгелек үстел, round table) are mapped to the Russian words the facts use, and
Latin-letter names are transliterated, so the rest can be looked up in the Russian index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from answers.kazakh import kazakh_stem
from answers.language import KAZAKH_LETTERS, QUOTED, clean, detect_language, fold
from answers.lexicon import LanguageWords, every, words_of
from answers.spelling import fix_spelling
from db.dates import EARLIEST_YEAR, LATEST_YEAR, PartialDate
from search.textnorm import (
    STOPWORDS,
    adjective,
    in_past_tense,
    normalize,
    place_word,
    query_forms,
    said_of_gender,
    to_cyrillic,
    verb,
)
from views.i18n import Language


class Intent(StrEnum):
    """What a question asks for."""

    SMALL_TALK = "small_talk"  # greetings, thanks, «what can you do»
    OFF_TOPIC = "off_topic"  # what the facts are never about: the weather, exchange rates
    UNANSWERABLE = "unanswerable"  # the facts cannot say (why, what budget …)
    UPCOMING = "upcoming"
    COUNTRY = "country"  # of a city
    PARTNERS = "partners"  # whom an organization, person or city met across the border
    TOPICS = "topics"
    MODERATORS = "moderators"
    WORKS = "works"
    POSITION = "position"  # a person's job and employer
    STATEMENTS = "statements"  # what a person said
    ORIGIN = "origin"  # where a person is from
    HOLDERS = "holders"  # who holds a position / who is from an organization
    EVENTS = "events"  # events of a subject, or matching dates and kinds
    WHEN_WHERE = "when_where"
    CITIES = "cities"
    ORGANIZERS = "organizers"
    ORGANIZATIONS = "organizations"
    SPEAKERS = "speakers"
    PERSON = "person"  # who is X, what is known about X
    SEARCH = "search"  # no question words: look the text up


# The order intents are tried in: the first whose phrase a question holds is what it asks.
# Their phrases, per language, are data: answers/lexicon/*.yaml.
_ORDER = (
    "small_talk", "off_topic", "unanswerable", "upcoming", "country", "partners", "topics",
    "moderators",
    "works", "position", "statements", "origin", "events", "when_where", "cities", "organizers",
    "organizations", "speakers", "person", "events_weak",
)  # fmt: skip
_LEXICONS = {lang: words_of(lang.value) for lang in Language}
_INTENTS: tuple[tuple[Intent, tuple[str, ...]], ...] = tuple(
    (
        Intent(key.removesuffix("_weak")),
        tuple(cue for words in _LEXICONS.values() for cue in words.intents.get(key, ())),
    )
    for key in _ORDER
)
# Words that only carry the question: Russian ones are word beginnings, Kazakh ones are
# matched on folded stems (in Kazakh questions only), English ones are whole words.
_QUESTION_WORDS = _LEXICONS[Language.RU].question_words
# whole words: «кем» is no «Кемерово», «между» no «международный»
_RU_WHOLE_WORDS = _LEXICONS[Language.RU].interrogatives | _LEXICONS[Language.RU].between


def _cue_words(language: Language) -> set[str]:
    """Every word of the language's intent phrases and of its lists of little words (how a
    yes/no question starts, tense, taking part, counting): in Kazakh and English they name
    nothing (Russian phrases hold words of names too: «университет»)."""
    words = _LEXICONS[language]
    phrases = [
        *(c for cues in words.intents.values() for c in cues),
        *words.yes_no_starts, *words.interrogatives, *words.stopwords, *words.past,
        *words.plans, *words.taking_part, *words.mentioned, *words.count, *words.others,
        *words.among, *words.conjunctions, *words.alternatives, *words.yes_no, *words.ago,
        *words.year_words, *words.both, *(() if words.together_after else words.together),
        *(c for cues in words.work_roles.values() for c in cues),
        *(c for cues in words.formats.values() for c in cues),
        *(c for cues in words.order.values() for c in cues),
    ]  # fmt: skip
    return {w for phrase in phrases for w in phrase.split()}


_KK_QUESTION_WORDS = tuple(
    dict.fromkeys(_LEXICONS[Language.KK].question_words + tuple(sorted(_cue_words(Language.KK))))
)
_KK_FOLDED = tuple(fold(w) for w in _KK_QUESTION_WORDS)
_KK_STEMS = frozenset(fold(kazakh_stem(w)) for w in _KK_QUESTION_WORDS)
_EN_QUESTION_WORDS = frozenset(_LEXICONS[Language.EN].question_words) | _cue_words(Language.EN)
# English phrase words of five letters or more also carry the question with any ending
# («organiz» → «organized», «moderat» → «moderator»).
_EN_QUESTION_PREFIXES = tuple(sorted(w for w in _cue_words(Language.EN) if len(w) >= 5))
# Kazakh and English names of kinds of events, places and other domain words, in the Russian
# of the facts (matched on folded, lower-case text; longest first), each with its language:
# a Kazakh phrase takes any ending, an English one only a plural («universities» is not).
_GLOSSARY = tuple(
    sorted(
        ((phrase, russian, language) for language, words in _LEXICONS.items()
         for phrase, russian in words.glossary),
        key=lambda entry: len(entry[0]),
        reverse=True,
    )
)  # fmt: skip
_EN_STOPWORDS = _LEXICONS[Language.EN].stopwords
_GLOSSARY_WORDS = frozenset(w for _, russian, _ in _GLOSSARY for w in russian.split())


def glossary_word(word: str) -> bool:
    """A word the glossary gives for a Kazakh or English one («mayor» → «аким»): a word of
    the facts' domain, whatever the case it was typed in."""
    return normalize(word) in _GLOSSARY_WORDS


_COUNT_MARKERS = tuple(m for words in _LEXICONS.values() for m in words.count)


def _joined(
    cues_of: Callable[[LanguageWords], dict[str, tuple[str, ...]]],
) -> dict[str, tuple[str, ...]]:
    """One table of the cues every language gives for each key («online» → its words)."""
    joined: dict[str, tuple[str, ...]] = {}
    for words in _LEXICONS.values():
        for key, cues in cues_of(words).items():
            joined[key] = joined.get(key, ()) + cues
    return joined


_FORMATS = _joined(lambda words: words.formats)
HEAD_CUES = tuple(c for words in _LEXICONS.values() for c in words.heads)
HEAD_TITLES = frozenset().union(*(words.head_titles for words in _LEXICONS.values()))
RANKS = tuple(r for words in _LEXICONS.values() for r in words.ranks)
_PLANS = tuple(p for words in _LEXICONS.values() for p in words.plans)
_PAST = tuple(p for words in _LEXICONS.values() for p in words.past)
_TOGETHER_WORDS = frozenset(
    fold(form)
    for words in _LEXICONS.values()
    for p in words.together
    for form in (p, kazakh_stem(p))
)


def _said_together(texts: tuple[str, ...], lowered: list[str], language: Language) -> bool:
    """«вместе с X», «together with X», «X-пен бірге»: at X's events. Where the language
    says «with» by an ending (`together_after`), the word before must have it: «Бірге» alone
    is a name."""
    words = _LEXICONS[language]
    if not words.together_after:
        return any(_cue_in(texts, m) for m in words.together)
    wanted = {fold(t) for t in words.together}
    return any(
        fold(w) in wanted and i and lowered[i - 1].endswith(words.together_after)
        for i, w in enumerate(lowered)
    )


_WORK_ROLES = _joined(lambda words: words.work_roles)


def _phrases_by_count(
    phrases_of: Callable[[LanguageWords], tuple[tuple[int, str], ...]],
) -> tuple[tuple[int, str], ...]:
    """(how many, phrase) of every language, the longest phrase first."""
    pairs = (pair for words in _LEXICONS.values() for pair in phrases_of(words))
    return tuple(sorted(pairs, key=lambda pair: len(pair[1]), reverse=True))


_MONTHS_AHEAD = _phrases_by_count(lambda words: words.months_ahead)
_WEEKS_AHEAD = _phrases_by_count(lambda words: words.weeks_ahead)
_DAYS_AHEAD = _phrases_by_count(lambda words: words.days_ahead)
_YEARS_AGO = _phrases_by_count(lambda words: words.years_ago)
_COMMON_NOUNS = frozenset().union(*(words.common_nouns for words in _LEXICONS.values()))
_PARTICLES = frozenset().union(*(words.yes_no for words in _LEXICONS.values()))
_NUMBERS = {w: n for words in _LEXICONS.values() for w, n in words.numbers.items()}
_AGO = tuple(a for words in _LEXICONS.values() for a in words.ago)
_YEAR_WORDS = frozenset().union(*(words.year_words for words in _LEXICONS.values()))
_TAKING_PART = tuple(m for w in _LEXICONS.values() for m in w.taking_part)
_MENTIONED = tuple(m for w in _LEXICONS.values() for m in w.mentioned)
_SEASONS = {word: (first, last) for w in _LEXICONS.values() for first, last, word in w.seasons}
_UNTIL = frozenset().union(*(w.until for w in _LEXICONS.values()))
_BETWEEN = frozenset().union(*(w.between for w in _LEXICONS.values()))
_AND = frozenset(c for w in _LEXICONS.values() for c in (*w.conjunctions, *w.joins) if " " not in c)
_TITLES = tuple(t for words in _LEXICONS.values() for t in words.titles)


def is_title(word: str) -> bool:
    """«президент», «председателем», «директоры»: a word of a position's title."""
    low = fold(normalize(word))
    return any(low.startswith(fold(title)) for title in _TITLES)


_EN_AUXILIARIES = frozenset(w.strip() for w in _LEXICONS[Language.EN].yes_no_starts)
_KK_PAST = _LEXICONS[Language.KK].past_endings  # «сөйледі», «қатысты»: a verb in the past
_OTHERS = every("others")
_AMONG = every("among")
_MORE = every("more")
_PARTICIPANTS = every("participants")
_ORDER_WORDS = {
    which: tuple(p for w in _LEXICONS.values() for p in w.order.get(which, ()))
    for which in ("most", "first", "last", "next")
}
_FOLLOW_UP_STARTS = every("follow_up_starts")
_STARTERS = frozenset(s.split()[0] for s in _FOLLOW_UP_STARTS)
_STARTING_WORDS = frozenset(s for s in _FOLLOW_UP_STARTS if " " not in s)  # not «what about»
_FOLLOW_UP_ENDS = frozenset(every("follow_up_ends"))
_PRONOUNS = frozenset(every("pronouns"))
# Pronouns that tell whom they stand for: «а её должность?» after a man and a woman
_GENDERED_PRONOUNS = {w: g for lex in _LEXICONS.values() for w, g in lex.pronoun_genders.items()}


def _pronoun_gender(words: list[str]) -> str | None:
    said = {_GENDERED_PRONOUNS[w] for w in words if w in _GENDERED_PRONOUNS}
    return said.pop() if len(said) == 1 else None


_COUNTRIES = tuple(
    (code, tuple(p for words in _LEXICONS.values() for p in words.countries.get(code, ())))
    for code in dict.fromkeys(c for words in _LEXICONS.values() for c in words.countries)
)
# Intents where a country narrows the answer instead of naming a subject.
_COUNTRY_FILTERED = frozenset(
    {Intent.CITIES, Intent.ORGANIZATIONS, Intent.ORGANIZERS, Intent.SPEAKERS, Intent.EVENTS}
)

_MONTH_WORDS = {w: n for words in _LEXICONS.values() for w, n in words.month_words.items()}

_ROMAN = re.compile(r"[ivxlc]+")  # «XII Гражданский форум»: a number, not a word to transliterate
# «с 2021 по 2024 год», «2021–2024», «between 2021 and 2024», «2021-2024 жылдары», «2018 бен
# 2019 жылдар аралығында»
_YEAR_SPAN_RE = re.compile(
    r"(?:\b(?:с|from|between)\s+)?\b(19[5-9]\d|20\d\d)(?:\s*(?:года|году|год|г\.?|жыл\w*))?"
    r"\s*(?:-|–|—|по|до|to|and|и|бен|мен|пен|және)\s*"
    r"(19[5-9]\d|20\d\d)(?:\s*(?:годы|годах|года|годов|гг|год|жылдар\w*|жыл\w*|years?)\b\.?)?",
    re.IGNORECASE,
)
# «до 2024 года», «before 2024», «after 2023», «с 2025 года», «since 2025», «2024 жылға дейін»,
# «2025 жылдан бері»: a span of years open at one end
_BEFORE_WORDS = frozenset({"до", "before", "until", "дейін", "шейін"})
_AFTER_WORDS = frozenset({"после", "after", "кейін"})
_OPEN_SPAN_RE = re.compile(
    r"(?:\b(?P<before>до|before|until|после|after|since|с|from)\s+(?P<year>19[5-9]\d|20\d\d)"
    r"(?!\s*(?:года|году|год|г\.?)?\s*(?:-|–|—|по|до|to|and|и)\s*\d)"
    r"(?:\s*(?:года|году|год|г\.?|years?)(?!\w))?)"
    r"|(?:\b(?P<year2>19[5-9]\d|20\d\d)\s*(?:жыл\w*)?\s+(?P<after>дейін|шейін|кейін|бері)\b)",
    re.IGNORECASE,
)
# «2025», «2025-м», «2025-го», «2021-ші»: a year, whatever ending is written after it
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)(?:-?(?:го|м|ом|й|е|ый|ші|шы|th|s))?\b")
_DAY_RE = re.compile(r"\b(\d{1,2})(?:-?го|-?е|st|nd|rd|th)?\b")
# «21.04.2021», «21/04/2021», «2024-08-06»
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.])(?:(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?|(\d{4})-(\d{1,2})-(\d{1,2}))(?![\d.]*\d)"
)


# What is asked of one event: with nothing named, the event the chat spoke of last.
# What «what was signed / presented?» may have read as: the works done are asked
_THINGS_DONE = frozenset({None, Intent.SEARCH, Intent.STATEMENTS, Intent.SPEAKERS})
_OF_SOMEONE = frozenset({Intent.STATEMENTS, Intent.POSITION, Intent.ORIGIN})
_OF_AN_EVENT = frozenset(
    {
        Intent.SPEAKERS, Intent.ORGANIZERS, Intent.ORGANIZATIONS, Intent.CITIES,
        Intent.MODERATORS, Intent.TOPICS, Intent.WORKS,
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Question:
    intent: Intent
    rest: str  # the words left to name the subjects, in the spelling of the facts
    country: str | None = None  # 'RU' / 'KZ' when the question narrows to a country
    language: Language = Language.RU
    count: bool = False  # «сколько …?»
    counted: tuple[str, ...] = ()  # the forms of the word counted («регионов»), in the facts' words
    yes_no: bool = False  # «был ли …?»
    dates: PartialDate | None = None  # «в 2024 году», «6 августа»
    follow_up: bool = False  # «а …?», a pronoun: continues the last question
    asked_intent: bool = True  # False when the intent was only guessed (no question words)
    more: bool = False  # «кто ещё»: the rest of a list
    about_participants: bool = False  # «участники», not only speakers
    words: tuple[str, ...] = field(default=())  # content words of the rest
    typed: tuple[str, ...] = field(default=())  # each of `words` as the user typed it
    format: str | None = None  # «онлайн?», «in person?»: an event format the question asks
    from_place: bool = False  # «из Омска», «from Omsk», «Омбыдан»: where someone is from
    origin: tuple[str, ...] = field(default=())  # the words naming that place, lower-case
    about: tuple[str, ...] = field(default=())  # words naming what was spoken about («о …»)
    gender: str | None = None  # «femn»/«masc»: «выступала», «кто такая» speak of a woman
    pronoun: bool = False  # «она», «he», «ол»: someone the chat spoke of before
    # «first» / «last» / «next» / «most»: «самый первый», «ближайший», «чаще всего»
    order: str | None = None
    # «Какие вузы участвовали …?»: only organizations with one of these words in their names,
    # and the word that asked for them, as typed
    org_kind: frozenset[str] = frozenset()
    org_kind_word: str = ""
    taking_part: bool = False  # «участвовал ли Томск …»: taking part, not where it was held
    mentioned: bool = False  # «кто там упоминался?»: the people a source only names, too
    planned: bool = False  # «будет ли …», «was it planned …»: what is planned, not what was done
    past: bool = False  # «выступала ли …», «did …», «өтті ме»: what was done
    among: bool = False  # «а кто из них депутат?»: picks from the people of the last answer
    others: bool = False  # «а остальные?»: the rest of the last list (the other country's)
    work_role: str | None = None  # «представили», «signed»: what was done with a work
    heads: bool = False  # «кто руководит …», «who heads …»: the organization's head
    together: bool = False  # «вместе с X», «together with X»: at X's events
    text: str = ""  # the question as typed
    format_then: str = ""  # the words after the format's («онлайн встрече»: «встрече»)
    # each country noun as typed with the word before it («казахов россии»): part of a name
    # («Курултай казахов России») when that word names something, a country otherwise
    country_words: tuple[tuple[str, str], ...] = field(default=())

    @property
    def leans_on_last(self) -> bool:
        """The question continues the last one: «а …?», a pronoun, «кто ещё», or no words of
        its own beyond a modifier. Only such a question's answer depends on the chat."""
        alone = not self.words and (self.count or not self.asked_intent)
        # «which organizations took part?» with nothing named, in a chat about an event: that
        # event's (with no event before, every one's)
        of_an_event = not self.words and self.dates is None and self.intent in _OF_AN_EVENT
        # «что предлагал?», «где работает?» with no one named: the one the chat spoke of
        of_someone = not self.words and self.intent in _OF_SOMEONE
        return self.follow_up or self.more or alone or of_an_event or of_someone


def _is_question_word(low: str) -> bool:
    """`low` carries the question only: it begins with a question word — a short one (≤ 3
    letters: «ли», «тем», «был») only as the whole word or with a short ending, so that it
    never eats a name it begins («Лидия», «Темиртау»)."""
    return low in _RU_WHOLE_WORDS or any(
        low.startswith(w) and (len(w) > 3 or len(low) <= len(w) + 2) for w in _QUESTION_WORDS
    )


def _has(norm: str, marker: str) -> bool:
    return _where(norm, marker) is not None


def _where(norm: str, marker: str) -> int | None:
    """Where `marker` begins a word of `norm` (a short marker must be the whole word); a
    phrase's words may have one word between them — a name, as in «что Нургазиева говорила».
    A phrase ending in a particle («ресей ме») ends there: «Ресей мен» is «Russia and»."""
    if marker.split(" ", 1)[0] not in norm:  # each way below needs its first word there
        return None
    if len(marker) <= 4 or marker.rsplit(" ", 1)[-1] in _PARTICLES:
        found = re.search(rf"(?<!\w){re.escape(marker)}(?!\w)", norm)
        return found.start() if found else None
    if (at := norm.find(f" {marker}")) >= 0:
        return at + 1
    words = marker.split()
    if len(words) < 2 or marker.endswith(" "):
        return None
    found = re.search(_gapped(tuple(words)), norm)
    return found.start() if found else None


def _intent_of(texts: tuple[str, ...]) -> Intent | None:
    """The intent a question's cues ask for. Every cue of every intent is found; where two
    begin at the same word, only the longer counts («organization» is no «organiz…», «где
    работает» no bare «где»); of the intents left, the lexicon's order decides."""
    present: set[int] = set()
    for text in texts:
        found: dict[int, list[tuple[int, int]]] = {}  # start → (cue length, intent rank)
        for variant, rank, first_word in _INTENT_CUES:
            if first_word in text and (at := _where(text, variant)) is not None:
                found.setdefault(at, []).append((len(variant), rank))
        for cues in found.values():
            longest = max(length for length, _ in cues)
            present |= {rank for length, rank in cues if length == longest}
    return _INTENTS[min(present)][0] if present else None


# Every cue of every intent as typed and folded, with its intent's rank in the lexicon and
# its first word (most questions hold none of most cues' first words: checked first).
_INTENT_CUES: tuple[tuple[str, int, str], ...] = tuple(
    (variant, rank, variant.split(" ", 1)[0])
    for rank, (_, markers) in enumerate(_INTENTS)
    for marker in markers
    for variant in dict.fromkeys((marker, fold(marker)))
)


@lru_cache(maxsize=4096)
def _gapped(words: tuple[str, ...]) -> re.Pattern[str]:
    """The phrase's words in order, with at most one other word between each two."""
    return re.compile(r"(?<!\w)" + r"\w*\s+(?:\w+\s+)?".join(re.escape(w) for w in words))


# Words for a city after its name («Қазан қаласы», «Казань город»)
_CITY_WORDS = ("кала", "город")


def _month(word: str, *, kazakh: bool = True) -> int | None:
    """The month a word names: «августе», «сәуірде», «April»; not «Октябрьская». Kazakh
    names count only with `kazakh`: folded, «қазан» (October) begins «Казань»."""
    folded = fold(word.casefold())
    if folded in _MONTH_WORDS:
        return _MONTH_WORDS[folded]
    for language, words in _LEXICONS.items():
        for number, stems in words.months.items():
            for stem in stems:
                if words.month_endings is not None:  # a stem and one of its endings
                    if folded.startswith(stem) and folded[len(stem) :] in words.month_endings:
                        return number
                elif language is Language.KK and _kazakh_month(word, folded, stem, kazakh):
                    return number
    return None


def _kazakh_month(word: str, folded: str, stem: str, kazakh: bool) -> bool:
    if kazakh and len(folded) >= 5 and folded.startswith(fold(stem)):
        return True
    # «қыркүйегінде»: the final к of «қыркүйек» is voiced before an ending
    if kazakh and fold(kazakh_stem(word.casefold())) == fold(stem):
        return True
    # written in Kazakh letters («сәуірде»), it is the Kazakh month in any question
    return word.casefold().startswith(stem) and any(c in KAZAKH_LETTERS for c in stem)


def parse_dates(
    text: str, language: Language, today: date | None = None
) -> tuple[PartialDate | None, str]:
    """A date the question (in `language`) narrows to, and the text without it. Kazakh
    month names count in a Kazakh question only: a Russian one means the city by «Казань»."""
    kazakh = language is Language.KK
    if (found := _NUMERIC_DATE_RE.search(text)) and (numeric := _numeric_date(found)):
        return numeric, " ".join((text[: found.start()] + " " + text[found.end() :]).split())
    if span := _YEAR_SPAN_RE.search(text):
        first, last = sorted((int(span.group(1)), int(span.group(2))))
        rest = " ".join((text[: span.start()] + " " + text[span.end() :]).split())
        return PartialDate(first, until_year=last), rest
    if opened := _OPEN_SPAN_RE.search(text):  # «до 2024 года», «since 2025», «2024 жылға дейін»
        year = int(opened.group("year") or opened.group("year2"))
        said = (opened.group("before") or opened.group("after") or "").casefold()
        rest = " ".join((text[: opened.start()] + " " + text[opened.end() :]).split())
        if said in _BEFORE_WORDS:
            return PartialDate(EARLIEST_YEAR, until_year=year - 1), rest
        first = year + 1 if said in _AFTER_WORDS else year
        return PartialDate(first, until_year=LATEST_YEAR), rest
    words = text.split()
    year = month = day = until_month = None
    spanned = False  # a word of a span («по», «to») follows the month
    between = any(normalize(w) in _BETWEEN for w in words)  # «between March and May»
    keep: list[str] = []
    lowered = [normalize(w) for w in words]
    for i, (word, low) in enumerate(zip(words, lowered, strict=True)):
        if m := _YEAR_RE.fullmatch(low):
            year = int(m.group(1))
            continue
        ends = re.split(r"[-–—\s]", low)
        if len(ends) == 2 and None not in (months := [_month(e, kazakh=kazakh) for e in ends]):
            month, until_month = months  # «March–May»
            if until_month <= month:
                until_month = None
            continue
        number = _month(low, kazakh=kazakh) if low and not low.isdigit() else None
        after = lowered[i + 1] if i + 1 < len(lowered) else ""
        if number is not None and fold(after).startswith(_CITY_WORDS):
            number = None  # «Қазан қаласында»: the city of Kazan, never October
        if number is not None and len(low) >= 3:
            if month is not None and until_month is None and number > month and spanned:
                until_month = number  # «с марта по май», «from March to May»: a span
                continue
            # «наурыздан мамырға дейін»: a Kazakh span begins in the ablative
            month, spanned = number, kazakh and low.endswith(_ABLATIVE)
            before = lowered[i - 1] if i else ""
            if (d := _DAY_RE.fullmatch(before)) and 1 <= int(d.group(1)) <= 31:
                day = int(d.group(1))
                if keep:
                    keep.pop()
            continue
        if low in _YEAR_WORDS and (year or month):
            continue
        if month is not None and (low in _UNTIL or (between and low in _AND)):
            spanned = True
            continue
        # «летом 2021»: June to August; «2025 жылдың жазында»: by its Kazakh stem
        if season := _SEASONS.get(low) or (kazakh and _SEASONS.get(kazakh_stem(low))):
            month, until_month = season
            continue
        keep.append(word)
    rest = " ".join(keep)
    if today is not None and year is None and month is None:
        norm = f" {normalize(text)}"
        for ahead, phrase in _MONTHS_AHEAD:  # «в следующем месяце»: that month of that year
            if _has(norm, phrase):
                month_index = today.year * 12 + today.month - 1 + ahead
                year, month = divmod(month_index, 12)
                month += 1
                said = set(phrase.split())
                keep = [w for w in keep if normalize(w) not in said]
                rest = " ".join(keep)
                break
    if today is not None and year is None and month is None:
        norm = f" {normalize(text)}"
        if (near := _near_days(norm, today)) is not None:
            span, said = near
            rest = " ".join(w for w in keep if normalize(w) not in said)
            return span, rest
    if today is not None and year is None:
        norm = f" {normalize(text)}"
        for ago, phrase in _YEARS_AGO:
            if _has(norm, phrase):
                year = today.year - ago
                said = set(phrase.split())  # «last year»: neither word names anything
                rest = " ".join(w for w in keep if normalize(w) not in said)
                break
        else:
            if (counted := _years_ago(norm)) is not None:
                ago, said = counted
                year = today.year - ago
                rest = " ".join(w for w in keep if normalize(w) not in said)
    if year is None and month is None:
        return None, text
    if until_month is not None:
        return PartialDate(year, month, until_month=until_month), rest
    return PartialDate(year, month, day), rest


def _whole(norm: str, phrase: str) -> bool:
    """The phrase stands in the text as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", norm) is not None


def _near_days(norm: str, today: date) -> tuple[PartialDate, set[str]] | None:
    """«завтра», «на следующей неделе» (Monday to Sunday): the day or days, and the words
    that said it."""
    for ahead, phrase in _DAYS_AHEAD:
        if _whole(norm, phrase):  # «завтра», never «на завтраке»
            day = today + timedelta(days=ahead)
            return PartialDate(day.year, day.month, day.day), set(phrase.split())
    for ahead, phrase in _WEEKS_AHEAD:
        if _whole(norm, phrase):
            monday = today + timedelta(days=7 * ahead - today.weekday())
            sunday = monday + timedelta(days=6)
            span = PartialDate(monday.year, monday.month, monday.day, until=sunday)
            return span, set(phrase.split())
    return None


def _numeric_date(found: re.Match[str]) -> PartialDate | None:
    if found.group(1):
        day, month = int(found.group(1)), int(found.group(2))
        year = int(found.group(3)) if found.group(3) else None
    else:
        year, month, day = int(found.group(4)), int(found.group(5)), int(found.group(6))
    if not (1 <= month <= 12 and 1 <= day <= 31 and (year is None or 1950 <= year <= 2099)):
        return None
    return PartialDate(year, month, day)


def _years_ago(norm: str) -> tuple[int, set[str]] | None:
    """«два года назад», «3 years ago», «екі жыл бұрын»: how many years back, and the words
    that said it."""
    words = norm.split()
    for i in range(len(words) - 2):
        number, unit, ago = words[i : i + 3]
        count = int(number) if number.isdigit() and len(number) <= 2 else _NUMBERS.get(number)
        if count is not None and unit in _YEAR_WORDS and ago in _AGO:
            return count, {number, unit, ago}
    return None


def _country_of(low: str) -> str | None:
    for code, prefixes in _COUNTRIES:
        if low in prefixes or any(low.startswith(p) for p in prefixes if len(p) > 2):
            return code
    return None


def _country(words: list[str]) -> tuple[str | None, list[str]]:
    """The country the words narrow to, and the words without it. «Российско-казахстанский»,
    «Russian-Kazakh», «НПО Казахстана и России» name both countries and narrow to neither."""
    named = {_country_of(part) for w in words for part in normalize(w).split("-")} - {None}
    if len(named) > 1:
        return None, words
    for code, _ in _COUNTRIES:
        for i, word in enumerate(words):
            if word.isupper() and i and words[i - 1].isupper() and len(words[i - 1]) > 1:
                continue  # «ОП РФ», «МКИ РК»: part of a name
            parts = {_country_of(part) for part in normalize(word).split("-")}
            if code in parts and len(parts - {None}) == 1:
                return code, words[:i] + words[i + 1 :]
    return None, words


def _is_country_noun(low: str) -> bool:
    """«России», «Казахстана», «РФ»: the country itself, not an adjective inside a name."""
    return (
        low.startswith(("росси", "казахстан")) and not low.startswith(("российск", "казахстанск"))
    ) or low in ("рф", "рк")


def _names_country(word: str) -> bool:
    """«Ресей», «Қазақстанның», «Russian», «РФ»: a word of either country's name."""
    low = fold(normalize(word))
    return any(
        low == prefix if len(prefix) <= 2 else low.startswith(prefix)
        for _, prefixes in _COUNTRIES
        for prefix in prefixes
    )


def _phrase_re(phrase: str, language: Language) -> re.Pattern[str]:
    """A glossary phrase with its endings: any, its Kazakh letters typed or folded («Омбыда»);
    in English, a plural only («forums», never «statements» for «state»)."""
    letters = (f"[{c}{fold(c)}]" if fold(c) != c else re.escape(c) for c in phrase)
    if language is Language.EN and phrase.endswith("y"):  # «universities»
        *letters, _ = letters
        return re.compile(r"(?<!\w)" + "".join(letters) + r"(?:y|ies)(?!\w)")
    ending = r"(?:s|es)?(?!\w)" if language is Language.EN else r"\w*"
    return re.compile(r"(?<!\w)" + "".join(letters) + ending)


def _kazakh_stems(norm: str) -> str:
    return " ".join(kazakh_stem(w) for w in norm.split())


def _name_stems(text: str, *, every_word: bool = False) -> str:
    """Kazakh stems of `text`'s words, a name's (a word written with a capital, or every
    word) cut less far."""
    typed = text.split()
    return " ".join(
        # in a name of several words only the last takes endings («Айзада Курманованың»),
        # so a word before another name keeps more of itself; «Ерланның Астанадағы» still
        # loses its endings
        kazakh_stem(low, name=True, least=NAME_BEFORE_NAME)
        if w[:1].isupper() and i + 1 < len(typed) and typed[i + 1][:1].isupper()
        else kazakh_stem(low, name=every_word or w[:1].isupper())
        for i, w in enumerate(typed)
        if (low := normalize(w))
    )


NAME_BEFORE_NAME = 5  # letters a capitalised word followed by another keeps


def _phrase_key(phrase: str, language: Language) -> str:
    """What a text folded must hold for `_phrase_re(phrase, language)` to match in it: the
    phrase folded (an English «-y» may be «-ies»)."""
    if language is Language.EN and phrase.endswith("y"):
        phrase = phrase[:-1]
    return fold(phrase)


# Each phrase as written and as its Kazakh stems: Kazakh text is stemmed before translation.
_GLOSSARY_RE = tuple(
    (_phrase_re(variant, language), russian, _phrase_key(variant, language))
    for phrase, russian, language in _GLOSSARY
    for variant in dict.fromkeys((phrase, _kazakh_stems(phrase)))
)


def _translate(norm: str) -> str:
    """Kazakh and English domain words and place names in the Russian of the facts."""
    folded = fold(norm)
    for pattern, russian, key in _GLOSSARY_RE:
        if key in folded:  # hundreds of phrases, a few words: most are not there at all
            norm = pattern.sub(russian, norm)
            folded = fold(norm)
    return norm


# Russian words the facts say otherwise («юбилей» is written «20-летие» there), any ending
_RU_SYNONYMS = tuple(
    (re.compile(rf"(?<!\w){re.escape(phrase)}\w*", re.IGNORECASE), facts)
    for phrase, facts in _LEXICONS[Language.RU].glossary
)


def _russian_as_facts(text: str) -> str:
    """A Russian question with its words the facts say otherwise in the facts' words; every
    other word as typed (its capitals tell names)."""
    for pattern, facts in _RU_SYNONYMS:
        text = pattern.sub(facts, text)
    return text


# The glossary's phrases of several words name things («үкіметтік емес ұйымдар» are NGOs):
# a cue word inside one («ұйым») asks nothing.
_NAMES_RE = tuple(
    (_phrase_re(variant, language), _phrase_key(variant, language))
    for phrase, _, language in _GLOSSARY
    if " " in phrase
    for variant in dict.fromkeys((phrase, _kazakh_stems(phrase)))
)


def _without_names(text: str) -> str:
    folded = fold(text)
    for pattern, key in _NAMES_RE:
        if key in folded:
            text = pattern.sub(" ", text)
            folded = fold(text)
    return text


def _outside_quotes(text: str, words_of: Callable[[str], str]) -> str:
    """`words_of` the text, but a name in quotes as typed («Тіл әлемі» қорының): a name is
    neither stemmed nor translated («тіл» is no «язык» there)."""
    parts, at = [], 0
    for quoted in QUOTED.finditer(text):
        parts += [words_of(text[at : quoted.start()]), normalize(quoted.group())]
        at = quoted.end()
    return " ".join(p for p in (*parts, words_of(text[at:])) if p)


def subject_text(text: str) -> str:
    """What a user typed to name something (a command's argument, an inline query) in the
    spelling of the facts, as a question's words are: Kazakh endings stripped and letters
    folded, English words translated or transliterated («Nurgazieva» → «нургазиева»,
    «round table» → «круглый стол», «Нұрғазиеваның» → «нургазиева»)."""
    text = clean(text)
    language = detect_language(text)
    if language is Language.RU:
        # A name alone tells no language: «Омбы», «Moscow» are still the facts' Омск, Москва.
        translated = _translate(normalize(text))
        return translated if translated != normalize(text) else text
    if language is Language.KK:  # what a command names is a name: «Бірге» is no «бір»
        return fold(_translate(_name_stems(text, every_word=True)))
    norm = _translate(normalize(text))
    return " ".join(
        to_cyrillic(w) if re.fullmatch(r"[a-z'’-]+", w) and not _ROMAN.fullmatch(w) else w
        for w in norm.split()
        if w not in _EN_STOPWORDS  # «Civil Alliance of Kazakhstan»: «of» names nothing
    )


def _greeting_first(text: str, today: date | None) -> str | None:
    """The question after a greeting or thanks that opens the message («Здравствуйте!
    Подскажите, кто выступал …?»), or None."""
    found = re.match(r"\s*([^.!?,;:]+)[.!?,;:]+\s*(.*\w.*)$", text)
    if found is None:
        return None
    head = parse_question(found.group(1), today)
    if head.intent is Intent.SMALL_TALK and len(head.words) <= 2:
        return found.group(2)
    return None


_COURTESY = tuple(
    sorted((c for words in _LEXICONS.values() for c in words.courtesy), key=len, reverse=True)
)


def _without_courtesy(text: str) -> str | None:
    """The question after the words of courtesy that open it («Подскажите, пожалуйста, кто
    …» → «кто …»), or None."""
    low = text.casefold()
    for phrase in _COURTESY:
        if low.startswith(phrase) and not low[len(phrase) : len(phrase) + 1].isalnum():
            rest = text[len(phrase) :].lstrip(" ,.!:;-—")
            return rest if re.search(r"\w", rest) else None
    return None


def _thanks_last(text: str) -> str | None:
    """The question before the thanks that close the message («…, буду очень благодарен»),
    or None."""
    found = re.match(r"(.*\w.*?)[,;]\s*([^,;]+?)[.!?)]*\s*$", text)
    if found is None:
        return None
    words = re.findall(r"\w+", found.group(2))
    tail = parse_question(found.group(2))
    if tail.intent is not Intent.SMALL_TALK or len(words) > 4:
        return None
    if any(w[:1].isupper() for w in words[1:]):  # «…, Рахмет Ахметов»: a name
        return None
    return found.group(1)


_ABLATIVE = every("origin_endings")
_ORIGIN_BEFORE = frozenset(every("origin_before"))
_WHENCE = frozenset(every("whence"))
_REPRESENTED = every("represented")
_CITY_BEFORE = tuple(tuple(fold(w) for w in e.split()) for e in every("city_before"))
_CITY_AFTER = tuple(fold(w) for w in every("city_after"))


def _origin(text: str, source_words: list[str], language: Language) -> tuple[str, ...]:
    """The words (as the question keeps them, lower-case) that name where someone is from:
    the word after «из», «from», «представлял», or a Kazakh name in the ablative («Омбыдан»)."""
    lowered = [
        "" if _in_capitals(w, text) else normalize(w) for w in source_words if normalize(w) != "the"
    ]
    # «из Омска»; «представлял Курган»: who was there for a city came from it; «из города
    # Уральска»: the name after the word for a city
    after = [
        lowered[i + 2] if _city_word(lowered[i + 1]) and i + 2 < len(lowered) else lowered[i + 1]
        for i, w in enumerate(lowered[:-1])
        if w in _ORIGIN_BEFORE or (w and w.startswith(_REPRESENTED))
    ]
    found = [
        to_cyrillic(w) if re.fullmatch(r"[a-z'’-]+", w) and not _ROMAN.fullmatch(w) else w
        for w in after
    ]
    if language is Language.KK:
        typed = re.findall(r"\w+", text)
        found += [
            fold(_translate(kazakh_stem(normalize(w))))
            for w in typed
            if w.casefold().endswith(_ABLATIVE) and len(w) > 5 and _names_a_place(w)
        ]
        # «Орал қаласынан»: the ending is on the word for a city, the name before it
        found += [
            fold(_translate(kazakh_stem(normalize(typed[i - 1]))))
            for i, w in enumerate(typed)
            if i
            and typed[i - 1][:1].isupper()
            and _city_word(w, after=True)
            and w.casefold().endswith(_ABLATIVE)
        ]
    return tuple(normalize(w) for w in found)


def _names_a_place(word: str) -> bool:
    """A Kazakh word in the ablative that names where from: written with a capital, or a
    place the glossary or the dictionary knows typed in lower case («омбыдан»)."""
    stem = kazakh_stem(normalize(word), name=True)
    return word[:1].isupper() or place_word(_translate(stem)) or place_word(stem)


def _city_word(word: str, *, after: bool = False) -> bool:
    """«городе», «қаласынан»: a word for a city, as it stands before (or, with `after`,
    after) a city's name."""
    folded = fold(word.casefold())
    if after:
        return folded.startswith(_CITY_AFTER)
    return any(len(e) == 1 and folded.startswith(e[0]) for e in _CITY_BEFORE if len(e[0]) > 2)


_ABOUT_BEFORE = frozenset(every("about_before"))
_ABOUT_AFTER = frozenset(every("about_after"))


def _about(source_words: list[str], language: Language) -> tuple[str, ...]:
    """The words naming what someone spoke about («о Декларации», «about the bill»,
    «Декларация туралы»), as the question keeps them, lower-case."""
    lowered = [normalize(w) for w in source_words if normalize(w) != "the"]
    found = []
    for i, w in enumerate(lowered[:-1]):
        if w in _ABOUT_BEFORE:  # the phrase after it, up to the next little word («на», «at»)
            for word in lowered[i + 1 : i + 4]:
                if word in STOPWORDS or word in _EN_STOPWORDS or _is_question_word(word):
                    break
                found.append(word)
    after = {fold(w) for w in _ABOUT_AFTER} | {fold(kazakh_stem(w)) for w in _ABOUT_AFTER}
    found += [lowered[i - 1] for i, w in enumerate(lowered) if i and fold(w) in after]
    return tuple(
        normalize(to_cyrillic(w))
        if re.fullmatch(r"[a-z'’-]+", w) and not _ROMAN.fullmatch(w)
        else w
        for w in found
    )


def _in_capitals(word: str, text: str) -> bool:
    """«FROM KZ», «СО РАН»: a word in capitals in a question that is not all capitals is part
    of a name, never a little word."""
    return len(word) > 1 and word.isupper() and not text.isupper()


def _from_place(text: str, typed: list[str]) -> bool:
    """«из Омска», «from Omsk», «Омбыдан»: the question asks where someone is from."""
    if any(normalize(w) in _ORIGIN_BEFORE | _WHENCE and not _in_capitals(w, text) for w in typed):
        return True
    return any(
        w[:1].isupper() and w.casefold().endswith(_ABLATIVE) and len(w) > 5
        for w in re.findall(r"\w+", text)[1:]
    )


def _order(norm: str, dates: PartialDate | None) -> str | None:
    """«first» or «last» when the question asks for the earliest or latest («the latest round
    table»), «next» for the soonest ahead, «most» for who did it most often; «last year» names
    a year, not an order."""
    if dates is not None and " year" in norm and " last year" in norm:
        norm = norm.replace(" last year", " ")
    for which, phrases in _ORDER_WORDS.items():
        if any(_has(norm, p) for p in phrases):
            return which
    return None


# What «сколько …» counts, when it is people, places or things of an event: the noun after it
# says what is asked («How many speakers will there be …» asks for speakers, not upcoming events).
_COUNTED = frozenset(
    {
        Intent.SPEAKERS, Intent.CITIES, Intent.ORGANIZATIONS, Intent.ORGANIZERS,
        Intent.MODERATORS, Intent.WORKS, Intent.TOPICS,
    }
)  # fmt: skip


def asks_holder(question: Question) -> bool:
    """«кто председатель …?», «who is the rector of …?»: the question's first word names a
    position (the lexicon's `titles`), so it asks who holds it."""
    first = fold(normalize(question.words[0])) if question.words else ""
    return any(first.startswith(fold(title)) for title in _TITLES)


def _tells(word: str, language: Language) -> bool:
    """A word that makes a statement of a question: a verb («выступала», «did»)."""
    if language is Language.EN:
        return word in _EN_AUXILIARIES or word.endswith("ed")
    if language is Language.KK:
        return kazakh_stem(word) != word and word.endswith(_KK_PAST)
    return verb(word)


def _counted(texts: tuple[str, ...]) -> Intent | None:
    for text in texts:
        for marker in _COUNT_MARKERS:
            if (at := _where(text, marker)) is not None:
                after = text[at + len(marker) :].split()[:2]
                counted = _intent_of((f" {' '.join(after)}",))
                if counted in _COUNTED:
                    return counted
    return None


_COUNT_WORDS = frozenset(fold(w) for m in _COUNT_MARKERS for w in m.split())


def _counted_word(words: list[str]) -> tuple[str, ...]:
    """The forms of the noun a «how many» question counts («Из скольких регионов …» →
    «регион», «регионов» …), of its words in those of the facts."""
    for i, word in enumerate(words[:-1]):
        if word in _COUNT_WORDS or any(word.startswith(m) for m in _COUNT_WORDS if len(m) > 4):
            following = [w for w in words[i + 1 : i + 3] if w not in _COUNT_WORDS]
            if following:
                return tuple(dict.fromkeys(f for g in query_forms(following[0]) for f in g))
    return ()


def _after_format(texts: tuple[str, ...]) -> str:
    """The words right after a format's cue (two: «online youth meeting»): «online meeting»
    names the event by its format, where «прошёл онлайн?» asks it."""
    for text in texts:
        for cues in _FORMATS.values():
            for cue in cues:
                if (at := _where(text, cue)) is not None:
                    after = re.split(r"[\s-]+", text[at + len(cue) :].strip(" -"))[:2]
                    # a Kazakh word as its stem: «онлайн-конференцияда» names a conference
                    return " ".join(_translate(kazakh_stem(w)) for w in after if w)
    return ""


def _cue_in(texts: tuple[str, ...], marker: str) -> bool:
    return any(_has(t, marker) for t in texts)


def _asked_sentences(text: str) -> str | None:
    """The sentences that ask, when a message also tells («Пишу диплом про … . Какие
    документы …?»): the question is what is answered; None when there is nothing to drop."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    asked = [s for s in sentences if s.rstrip().endswith("?")]
    told = [s for s in sentences if not s.rstrip().endswith("?")]
    if len(sentences) < 2 or not asked or not told:
        return None
    # Only what names nothing is dropped: «Пишу диплом про …», never «Омск.» or «Меня
    # интересует круглый стол в Омске.» (a name after the first word, a number, or few words).
    for sentence in told:
        words = re.findall(r"\w+", sentence)
        # A country names no constraint here: the whole chat is about the two countries.
        named = any(
            w[:1].isupper() and not _names_country(w) and w.casefold() not in _COMMON_NOUNS
            for w in words[1:]
        )
        keeps = named or len(words) < 3 or any(c.isdigit() for c in sentence)
        if keeps and not _greeting_only(sentence):
            return None
    return " ".join(asked)


def _greeting_only(sentence: str) -> bool:
    head = parse_question(sentence)
    return head.intent is Intent.SMALL_TALK and len(head.words) <= 2


_FIRST_PERSON = frozenset(every("first_person"))
_FROM_PLACE = re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, _ORIGIN_BEFORE))})\s+[\w-]+")
_PLACE_ABLATIVE = re.compile(rf"\b[А-ЯӘҒҚҢӨҰҮҺІ][\w-]*(?:{'|'.join(_ABLATIVE)})\b")


def _without_own_origin(text: str) -> str:
    """«Я журналист из Павлодара, подскажите …»: where the one who asks is from is no part of
    what they ask — dropped from a clause that speaks of them and asks nothing."""
    clauses = re.split(r"([,.;!?:])", text)
    for i, clause in enumerate(clauses):
        # «I'm» is «i m» once normalized
        lowered = [p for w in re.findall(r"[\w'’]+", clause) for p in normalize(w).split()]
        if not _FIRST_PERSON & set(lowered) or any(_is_interrogative(w) for w in lowered):
            continue
        clause = _FROM_PLACE.sub(" ", clause)
        clause = _PLACE_ABLATIVE.sub(" ", clause)
        # «я журналист»: nothing else of theirs names anything asked («я ищу о Нургазиевой» does)
        words = re.findall(r"[\w'’]+", clause)
        about = _ABOUT_BEFORE | _ABOUT_AFTER
        named = any(w[:1].isupper() for w in words[1:] if normalize(w) not in _FIRST_PERSON)
        if not named and not about & {normalize(w) for w in words}:
            clause = " "
        clauses[i] = clause
    joined = re.sub(r"[,;:]\s*(?=[,;:.!?])", "", "".join(clauses))  # a clause left empty
    return re.sub(r"^[\s,.;:]+", "", joined)


def _is_interrogative(word: str) -> bool:
    return any(word in words.interrogatives for words in _LEXICONS.values())


def asked_text(text: str, today: date | None = None) -> str:
    """What a message asks, without the greeting that opens it, the sentences that only tell
    («Здравствуйте! Пишу диплом про … . Кто выступал …?» → «Кто выступал …?») or where the
    one who asks is from."""
    text = _without_own_origin(clean(text))
    while True:
        rest = _without_courtesy(text)
        if rest is None:
            rest = _asked_sentences(text)
        if rest is None:
            rest = _greeting_first(text, today)
        if rest is None:
            rest = _thanks_last(text)
        if rest is None:
            return re.sub(r"^[\s,.;:]+", "", text)  # what a dropped clause left before it
        text = rest


def _without_city_words(text: str) -> str:
    """«Кто выступал в городе Уральске?», «Орал қаласындағы …», «the city of Uralsk»: the word
    for a city beside a city's name names it and asks for no cities — dropped from the words
    the intent is read from. Not after a question word («какие города Оренбургской области»)
    nor beside a country («города России», «Ресей қалалары»)."""
    words = re.findall(r"[\w-]+", text)
    folded = [fold(w.casefold()) for w in words]

    def city(at: int) -> bool:
        return (
            0 <= at < len(words)
            and (words[at][:1].isupper() or place_word(words[at]))
            and (not _names_country(words[at]))
        )

    dropped: set[int] = set()
    for i in range(len(words)):
        if i and _is_interrogative(folded[i - 1]):
            continue
        for entry in _CITY_BEFORE:
            span = folded[i : i + len(entry)]
            if (
                len(span) == len(entry)
                and all(
                    w == e or (len(e) > 2 and w.startswith(e))
                    for w, e in zip(span, entry, strict=True)
                )
                and city(i + len(entry))
            ):
                dropped |= set(range(i, i + len(entry)))
        plural = any(folded[i].startswith(e + s) for e in _CITY_AFTER for s in ("лар", "ies", "s"))
        if not plural and folded[i].startswith(_CITY_AFTER) and city(i - 1):
            dropped.add(i)
    return " ".join(w for i, w in enumerate(words) if i not in dropped) if dropped else text


def _cue_texts(norm: str, language: Language) -> tuple[str, ...]:
    """The texts a question's cues are looked for in: Kazakh ones on stems too, and as typed
    without Kazakh letters."""
    if language is not Language.KK:
        return (norm,)
    stems = f" {_kazakh_stems(norm)}"
    return norm, stems, fold(stems)


def parse_question(text: str, today: date | None = None) -> Question:
    text = asked_text(text, today)
    language = detect_language(text)
    text = fix_spelling(text, language)
    norm = f" {normalize(text)}"
    texts = _cue_texts(norm, language)
    dates, without_dates = parse_dates(text, language, today)
    words_in = re.findall(r"\w+(?:-\w+)*", text)
    lowered = [normalize(w) for w in words_in]
    facts_words = _in_facts_words(text, language)
    intent, count, together, work_role = _read_intent(
        text, language, lowered, (dates, without_dates), facts_words
    )
    first = lowered[0] if lowered else ""
    among = any(_cue_in(texts, m) for m in _AMONG)
    follow_up = among or first in _STARTING_WORDS or any(w in _PRONOUNS for w in lowered)
    lexicon = _LEXICONS[language]
    # «… выступал в Омске как исполнительный директор?»: «как» before a name or title
    # inside a sentence means «as», it asks nothing
    open_question = any(
        w in lexicon.interrogatives
        and not (
            w in lexicon.as_words
            and 0 < i < len(lowered) - 1
            and (is_title(lowered[i + 1]) or adjective(lowered[i + 1]))
        )
        for i, w in enumerate(lowered)
    )
    yes_no = (
        any(w in lexicon.yes_no for w in lowered)
        or norm.lstrip().startswith(lexicon.yes_no_starts)
        # «Петрова выступала в Омске?»: a statement asked, with no question word
        or (
            text.rstrip().endswith("?")
            and not open_question
            and not count  # «Из скольких регионов приехали …?» asks a number
            # «а казахстанские?», «and the Kazakh ones?», «ал Өскемендегі … ше?» continue the
            # last question; «а она выступала …?» asks
            and not (
                (first in _STARTERS or _FOLLOW_UP_ENDS & set(lowered))
                # «а он президент ГАК?» says something of someone: a claim
                and not any(_tells(w, language) or w in _PRONOUNS for w in lowered)
            )
            and len(lowered) > 1
        )
    ) and not (
        (language is Language.EN and open_question)
        or any(w in lexicon.alternatives for w in lowered)
    )
    more = any(_has(norm, phrase) for phrase in _MORE)
    translated = None
    if language is Language.KK:
        translated = fold(_outside_quotes(without_dates, lambda t: _translate(_name_stems(t))))
    elif language is Language.EN:
        translated = _translate(normalize(without_dates))
    else:
        without_dates = _russian_as_facts(without_dates)
    # Words keep the case they were typed in: «СО РАН» is an abbreviation, «со» is not.
    source_words = re.findall(r"\w+(?:-\w+)*", translated or without_dates)
    if translated:  # «Which events did ОП РФ take part in?»: capitals tell a name
        capitals = {
            w.casefold(): w for w in re.findall(r"\w+", without_dates) if _in_capitals(w, text)
        }
        source_words = [capitals.get(w, w) for w in source_words]
    # A Kazakh word's stem or an English word, back to the word as typed (for saying what
    # was not found).
    typed_words = re.findall(r"\w+(?:-\w+)*", without_dates)
    as_typed = {fold(kazakh_stem(w.casefold(), name=w[:1].isupper())): w for w in typed_words}
    as_typed |= {w.casefold(): w for w in typed_words}
    # a word the glossary put in the Russian of the facts, back to how it was typed
    if language is Language.KK:
        as_typed |= {
            fold(_translate(kazakh_stem(normalize(w), name=w[:1].isupper()))): w
            for w in typed_words
        }
    elif language is Language.EN:
        as_typed |= {_translate(normalize(w)): w for w in typed_words}
    intent_found = intent is not None
    intent = intent or Intent.SEARCH
    # «о казахском языке»: a country's adjective in what was spoken about narrows nothing
    spoken_of = set(_about(source_words, language))
    country, without_country = _country([w for w in source_words if normalize(w) not in spoken_of])
    if spoken_of:
        without_country = [
            w for w in source_words if w in without_country or normalize(w) in spoken_of
        ]
    if intent in _COUNTRY_FILTERED or intent is Intent.COUNTRY or (follow_up and not intent_found):
        source_words = without_country
    kind_at, org_kind = _org_kind(source_words, count)
    kept: list[str] = []
    typed: list[str] = []
    for at, word in enumerate(source_words):
        if at == kind_at:
            continue
        low = normalize(word)
        folded = fold(low)
        abbreviation = _in_capitals(word, text)
        if not low or low.isdigit() or (len(low) == 1 and low.isascii()):
            continue  # «Petrova's»: the «s» names nothing
        if re.fullmatch(r"[0-9]+(?:st|nd|rd|th)", low):
            continue  # «the 20th anniversary»: the number is the title's («20-летие»)
        if not abbreviation and (
            low in _EN_QUESTION_WORDS or (low.isascii() and low.startswith(_EN_QUESTION_PREFIXES))
        ):
            continue
        if not low.isascii() and _is_question_word(low):
            continue
        if (
            language is Language.KK
            and (
                folded in _KK_STEMS
                # a word's endings, never a compound's second word: «онлайн-семинарда» names
                or any(
                    folded == w
                    or (len(w) >= 5 and folded.startswith(w) and "-" not in folded[len(w) :])
                    for w in _KK_FOLDED
                )
            )
        ):
            continue
        # «ОП РФ», «МКИ РК»: after an abbreviation, the country's is part of a name
        of_name = abbreviation and bool(kept) and kept[-1].isupper()
        if _is_country_noun(low) and not of_name:
            continue
        if low in _PRONOUNS or (low in STOPWORDS and not abbreviation):
            continue
        if together and fold(low) in _TOGETHER_WORDS:  # «Громовпен бірге»: «with», no name
            continue
        typed.append(as_typed.get(word, word) if language is not Language.RU else word)
        if re.fullmatch(r"[a-z'’-]+", low) and not _ROMAN.fullmatch(low):
            word = to_cyrillic(low)
        elif language is Language.KK:
            word = fold(word)
        kept.append(word)
    # «Assembly of the People of Kazakhstan»: the word before the country, past «of the»
    original = [
        w
        for w in re.findall(r"\w+(?:-\w+)*", _translate(normalize(text)))
        if w not in _EN_STOPWORDS
    ]
    country_words = tuple(
        (original[i - 1], w) for i, w in enumerate(original) if i and _is_country_noun(w)
    )
    return Question(
        country_words=country_words,
        intent=intent,
        rest=" ".join(kept),
        country=country,
        language=language,
        count=count,
        counted=_counted_word(facts_words) if count else (),
        yes_no=yes_no,
        dates=dates,
        follow_up=follow_up,
        asked_intent=intent_found,
        more=more,
        about_participants=any(_has(norm, word) for word in _PARTICIPANTS),
        org_kind=org_kind,
        org_kind_word=as_typed.get(source_words[kind_at], "") if org_kind else "",
        words=tuple(kept),
        typed=tuple(typed),
        format=next(
            (f for f, cues in _FORMATS.items() if any(_cue_in(texts, c) for c in cues)), None
        ),
        format_then=_after_format(texts),
        from_place=_from_place(text, words_in),
        origin=_origin(text, re.findall(r"\w+(?:-\w+)*", translated or without_dates), language),
        gender=(said_of_gender(text) if language is Language.RU else None)
        or _pronoun_gender(lowered),
        about=_about(re.findall(r"\w+(?:-\w+)*", translated or without_dates), language),
        pronoun=any(w in _PRONOUNS for w in lowered),
        order=_order(norm, dates),
        taking_part=any(_cue_in(texts, m) for m in _TAKING_PART),
        together=together,
        mentioned=any(_cue_in(texts, m) for m in _MENTIONED),
        planned=any(_cue_in(texts, m) for m in _PLANS),
        past=any(_cue_in(texts, m) for m in _PAST) or in_past_tense(text),
        among=among,
        others=any(_cue_in(texts, m) for m in _OTHERS),
        heads=any(_cue_in(texts, c) for c in HEAD_CUES),
        text=text,
        work_role=work_role,
    )


def intent_beside(question: Question, names: Sequence[str]) -> Intent | None:
    """The intent the question's cues ask for outside the words of the names it gives:
    «Кто выступал на встрече неправительственных организаций …?» asks for speakers — the
    «организаций» is the meeting's name's."""
    text, language = question.text, question.language
    lowered = [normalize(w) for w in re.findall(r"\w+(?:-\w+)*", text)]
    dated = parse_dates(text, language)
    return _read_intent(text, language, lowered, dated, _in_facts_words(text, language), names)[0]


def _read_intent(
    text: str,
    language: Language,
    lowered: list[str],
    dated: tuple[PartialDate | None, str],
    facts_words: list[str],
    names: Sequence[str] = (),
) -> tuple[Intent | None, bool, bool, str | None]:
    """What the question asks (from all its cues, outside the `names` it gives), whether it
    counts, whether it asks who was there together with someone, and the role of a work it
    asks about («presented»). `dated`: its dates and the text without them; `facts_words`:
    its words in those of the facts."""

    def cue_texts(text: str) -> tuple[str, ...]:
        norm = f" {normalize(text)} "
        for name in names:
            norm = re.sub(rf"(?<!\w){re.escape(normalize(name))}(?!\w)", " ", norm)
        return _cue_texts(norm, language)

    texts = cue_texts(text)
    dates, without_dates = dated
    # a date's words ask nothing: «Сәуірде не болды?» is no «сау бол» (goodbye); nor does the
    # word for a city beside its name («в городе Уральске»)
    cued = _without_city_words(without_dates if dates else text)
    undated = cue_texts(cued) if cued != text else texts
    intent = _intent_of(tuple(_without_names(t) for t in undated))
    count = any(_cue_in(texts, m) for m in _COUNT_MARKERS)
    if count and (counted := _counted(texts)) is not None:
        intent = counted
    together = _said_together(texts, lowered, language)
    if together and intent in (None, Intent.PERSON, Intent.SEARCH):
        intent = Intent.SPEAKERS  # «Громовпен бірге кім болды?»: who else was there
    work_role = next(
        (r for r, cues in _WORK_ROLES.items() if any(_cue_in(texts, c) for c in cues)), None
    )
    things = _LEXICONS[language].things
    if (
        work_role in ("presented", "signed")  # what was discussed is the topics
        and intent in _THINGS_DONE
        and any(fold(w) in things for w in lowered)
    ):
        intent = Intent.WORKS  # «what did they sign?», «что представили?»: the works
    elif work_role in ("presented", "signed") and intent is Intent.PERSON:
        intent = Intent.SPEAKERS  # «… жобасын кім таныстырды?»: who presented it
    if intent in (None, Intent.SEARCH) and _asks_events_of_a_kind(facts_words):
        intent = Intent.EVENTS  # «Which round tables took place in Astana?»
    asks_orgs = (None, Intent.SEARCH, Intent.SPEAKERS, Intent.ORGANIZATIONS)
    if intent in asks_orgs and _org_kind(facts_words, count)[1]:
        intent = Intent.ORGANIZATIONS  # «Which universities took part?»
    return intent, count, together, work_role


_ORG_KINDS = {w: names for lex in _LEXICONS.values() for w, names in lex.org_kinds.items()}
_HOW_MANY = frozenset(fold(w) for lex in _LEXICONS.values() for c in lex.count for w in c.split())


def _org_kind(words: list[str], count: bool) -> tuple[int, frozenset[str]]:
    """Where a word asking for a kind of organization stands («Какие вузы …», «Which
    universities …», «Сколько фондов …»: after a word asking which or how many, in the words
    of the facts), and the name words it means; (-1, ∅) when none does."""
    for i, word in enumerate(words):
        asking = {fold(normalize(w)) for w in words[max(0, i - 2) : i]}
        if not asking & (_WHICH | (_HOW_MANY if count else frozenset())):
            continue
        for forms in query_forms(normalize(word)):
            for form in forms:
                if form in _ORG_KINDS:
                    return i, _ORG_KINDS[form]
    return -1, frozenset()


_EVENT_KINDS = frozenset(w for lex in _LEXICONS.values() for w in lex.event_kinds)
_WHICH = frozenset(fold(w) for lex in _LEXICONS.values() for w in lex.things)


def _in_facts_words(text: str, language: Language) -> list[str]:
    """The text's words, lower-case, Kazakh and English ones in the Russian of the facts."""
    if language is Language.KK:
        text = _outside_quotes(text, lambda t: _translate(_name_stems(t)))
    elif language is Language.EN:
        text = _translate(normalize(text))
    else:
        text = _russian_as_facts(text)
    return [fold(w) for w in re.findall(r"\w+(?:-\w+)*", text.casefold())]


def _asks_events_of_a_kind(words: list[str]) -> bool:
    """«Which round tables …?», «Қандай форумдар …?»: a word asking which, then (after at
    most one more word) a kind of event, in the words of the facts."""
    return any(
        w in _WHICH
        and any(set(forms) & _EVENT_KINDS for n in words[i + 1 : i + 3] for forms in query_forms(n))
        for i, w in enumerate(words)
    )


def only_constraints(question: Question, places: Collection[str] = ()) -> bool:
    """A follow-up that only changes the last question's date or place: «а в 2024?», «and in
    Omsk?», «ал 2022 жылы ше?». `places`: its words that name places of the facts («оралда»)."""
    if not question.follow_up or question.asked_intent or question.more:
        return False
    if question.dates is None and not question.words:
        return False
    return all(place_word(w) or w in places for w in question.words)


def ask_again(
    last: str, follow_up: str, today: date | None = None, places: Collection[str] = ()
) -> str:
    """The last question asked again with the follow-up's date or place instead of its own
    date and places: «а в 2024?» after «…на круглом столе в Омске?» asks about the round
    table of 2024, wherever it was. `places`: the last question's words, as typed, that name
    places of the facts («ақтөбеде», «semey»)."""
    last = clean(last).rstrip(" ?")
    _, last = parse_dates(last, detect_language(last), today)
    dropped = {p.casefold() for p in places}
    last = " ".join(
        w
        for w in last.split()
        if not (place_word(w.strip(",.!?")) or w.strip(",.!?").casefold() in dropped)
    )
    words = re.findall(r"\w+(?:-\w+)*", follow_up)
    starters = {w for s in _FOLLOW_UP_STARTS for w in s.split()} | _FOLLOW_UP_ENDS
    while words and words[0].casefold() in starters:
        words.pop(0)
    while words and words[-1].casefold() in starters:
        words.pop()
    return f"{last} {' '.join(words)}?"
