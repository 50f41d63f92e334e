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
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from answers.language import Language, clean, detect_language, fold, to_cyrillic
from db.dates import PartialDate
from db.textnorm import STOPWORDS, normalize


class Intent(StrEnum):
    """What a question asks for."""

    SMALL_TALK = "small_talk"  # greetings, thanks, «what can you do»
    UNANSWERABLE = "unanswerable"  # the facts cannot say (why, what budget …)
    UPCOMING = "upcoming"
    COUNTRY = "country"  # of a city
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


# fmt: off
# Phrase beginnings that mark each intent, checked in this order (first match wins). Russian
# phrases are matched at word starts of the normalised text; Kazakh and English ones too.
_INTENTS: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (Intent.SMALL_TALK, (
        "привет", "здравствуй", "добрый день", "добрый вечер", "доброе утро", "спасибо",
        "благодар", "пока", "до свидания", "что ты умеешь", "что умеешь", "кто ты", "ты кто",
        "сәлем", "салем", "рахмет", "сау бол",
        "hello", "hi", "hey", "good morning", "good evening", "thanks", "thank you",
        "what can you do", "who are you", "bye",
    )),
    (Intent.UNANSWERABLE, (
        "почему", "зачем", "какой бюджет", "стоимост", "сколько стоит", "сколько денег",
        "сколько потратили", "why",
    )),
    (Intent.UPCOMING, (
        "предстоя", "будущ", "ближайш", "скоро", "планиру", "что будет", "какие будут",
        "анонс", "что впереди", "намеча", "ожида", "будут ли", "что ждет",
        "болады", "алда", "жоспар",
        "upcoming", "coming", "planned", "next event", "will there be",
    )),
    (Intent.COUNTRY, (
        "в какой стране", "какой стране", "россия или", "россии или", "казахстан или",
        "казахстане или", "российский город", "казахстанский город", "это россия",
        "это казахстан", "қай елде", "кай елде", "which country", "in russia or",
        "in kazakhstan or", "is it in",
    )),
    (Intent.TOPICS, (
        "какие темы", "какие вопросы", "о чем говорили", "что обсуждали", "что обсуждалось",
        "темы", "тематик", "о чем шла речь", "тақырып", "topics", "what was discussed",
    )),
    (Intent.MODERATORS, ("модерир", "модератор", "кто вел ", "кто вела", "ведущ", "moderat")),
    (Intent.WORKS, (
        "какие издани", "какие проект", "какие книг", "какую книгу", "какой том",
        "какие документ", "какие публикац", "что представили", "что подписали",
        "что презентовали", "what book", "which book", "what documents",
    )),
    (Intent.POSITION, (
        "кем работа", "где работа", "какую должность", "какая должность", "должност",
        "чем занима", "в какой организации", "по профессии", "депутат чего", "работает",
        "жұмыс", "жумыс", "лауазым", "қызмет",
        "where does", "where do", "work", "job", "position", "employ", "what does",
    )),
    (Intent.STATEMENTS, (
        "что говорил", "что сказал", "о чем говорил", "о чем рассказ", "что рассказ",
        "что предлож", "что предлагал", "не айтты", "не деді",
        "what did", "say", "said", "talk about", "talked about",
    )),
    (Intent.ORIGIN, ("откуда", "из какого города", "қайдан", "where is", "where from")),
    (Intent.EVENTS, (
        "в каких событ", "в каких мероприят", "в каких встреч", "где участв", "где выступал",
        "какие событ", "какие мероприят", "какие круглые", "какие форумы", "какие встречи",
        "что было", "что прошло", "что происходило", "какие іс", "қандай іс",
        "which events", "what events", "what happened",
    )),
    (Intent.WHEN_WHERE, (
        "когда", "где", "дата", "какого числа", "в каком году", "каком месяц",
        "в каком городе прош", "в каком городе пройд", "в каком городе был", "уже прош",
        "қашан", "кашан", "қайда", "кайда", "when", "where", "what date",
    )),
    (Intent.CITIES, (
        "город", "откуда", "регион", "стран", "қала", "кала", "cities", "city", "countries",
    )),
    (Intent.ORGANIZERS, (
        "организатор", "организовал", "организовыв", "кто провод", "кто провел",
        "ұйымдастыр", "уйымдастыр", "organiz", "organis", "hosted",
    )),
    (Intent.ORGANIZATIONS, (
        "организац", "ведомств", "какие нко", "какие нпо", "вуз", "университет", "ұйым",
        "organization", "organisation",
    )),
    (Intent.SPEAKERS, (
        "выступ", "спикер", "доклад", "кто участв", "кто был", "кто говорил", "кто рассказ",
        "кто представ", "кто презент", "участник", "кто из", "кто еще", "сөйле", "баянда",
        "қатысты", "спикер", "spoke", "speak", "speaker", "presented", "took part",
        "participant", "who else",
    )),
    (Intent.PERSON, (
        "кто так", "кто это", "кто он", "кто она", "расскажи о", "расскажи про",
        "что известно", "что за", "кім", "ким", "who is", "who was", "tell me about",
        "what is", "about",
    )),
    (Intent.EVENTS, ("событ", "мероприят", "events")),
)

# Words that only carry the question, in any of the three languages: not looked up as names.
_QUESTION_WORDS = (
    "выступ", "спикер", "доклад", "говорил", "сказал", "рассказ", "организатор", "организовал",
    "организовыв", "организац", "участв", "участник", "город", "откуда", "регион", "стран",
    "когда", "где", "дата", "числ", "прош", "пройд", "состоял", "состоит", "провод", "провел",
    "предстоя", "будущ", "ближайш", "скоро", "планиру", "анонс", "впереди", "такая", "такой",
    "такие", "должност", "работа", "представ", "какую", "каком", "каких", "году", "года",
    "месяц", "расскаж", "какие", "какая", "какой", "кто", "что", "был", "была", "были",
    "будет", "будут", "тем", "вопрос", "обсужд", "речь", "шла", "событ", "мероприят",
    "сколько", "почему", "зачем", "стоимост", "ведомств", "известн", "такое", "информац",
    "издани", "книг", "документ", "публикац", "подписал", "презент", "модерир",
    "модератор", "вел", "ведущ", "намеча", "ожида", "занима", "профессии", "предлож",
    "всего", "база", "базе", "ещ", "котор", "отлича", "люди", "человек", "упомина",
    "работ", "прошл", "этом", "уже", "база", "ли",
)
# Kazakh words that only carry the question (word beginnings, in Kazakh questions only).
_KK_QUESTION_WORDS = (
    "кім", "қашан", "қайда", "қандай", "неше", "қай",
    "қала", "ұйымдастыр", "сөйле", "жұмыс", "жумыс",
    "істей", "өтті", "болды", "болады", "қатысты", "туралы",
    "айтты", "деді", "іс", "шара", "елде", "қол", "қойыл", "үстел", "устел", "қалалар",
    "қалаға", "кімдер", "ма", "ме", "ба", "бе", "па", "пе",
)
_KK_FOLDED = tuple(fold(w) for w in _KK_QUESTION_WORDS)
# English words that only carry the question (whole words).
_EN_QUESTION_WORDS = frozenset("""
    who what when where which how many much is was were are did does do the a an of in at on
    to about and or for from with by spoke speak speakers speaker took take part organized
    organised organizer organizers work works job events event cities city say said talk
    talked there held place happen happened upcoming signed it he she they tell me presented
    participants did many number countries country else
""".split())

# Kazakh and English names of kinds of events and other domain words, in the Russian of the
# facts (matched on folded, lower-case text; longest first).
_GLOSSARY = (
    ("дөңгелек үстел", "круглый стол"), ("донгелек устел", "круглый стол"),
    ("round table", "круглый стол"), ("roundtable", "круглый стол"),
    ("кездесу", "встреча"), ("meeting", "встреча"), ("forum", "форум"),
    ("declaration", "декларация"), ("civil alliance", "гражданский альянс"),
    ("public chamber", "общественная палата"), ("ecology", "экология"),
    ("volunteer", "волонтер"), ("ngo", "нпо"), ("kazakhstan", "казахстан"),
    ("russia", "россия"), ("экология", "экология"),
)

_COUNT_MARKERS = ("сколько", "неше", "how many", "number of", "how much")
_FOLLOW_UP_STARTS = ("а ", "и ", "and ", "what about ", "ал ", "ал енді ")
_PRONOUNS = frozenset(
    "он она оно они его ее её их него нее неё них ним ней нем нём там тогда "
    "ол оның олар he she they him her them it its there".split()
)
_YES_NO_EN = ("is ", "was ", "were ", "are ", "did ", "does ", "do ", "has ", "have ")
_YES_NO_KK = frozenset("ма ме ба бе па пе ма? ме?".split())

_COUNTRIES = (
    ("KZ", ("казахстан", "казахск", "рк", "kazakh")),
    ("RU", ("росси", "российск", "рф", "russia")),
)
# Intents where a country narrows the answer instead of naming a subject.
_COUNTRY_FILTERED = frozenset(
    {Intent.CITIES, Intent.ORGANIZATIONS, Intent.ORGANIZERS, Intent.SPEAKERS, Intent.EVENTS}
)

_MONTHS = (
    ("январ", "қаңтар", "january", "jan"), ("феврал", "ақпан", "february", "feb"),
    ("март", "наурыз", "march", "mar"), ("апрел", "сәуір", "april", "apr"),
    ("ма", "мамыр", "may", "may"), ("июн", "маусым", "june", "jun"),
    ("июл", "шілде", "july", "jul"), ("август", "тамыз", "august", "aug"),
    ("сентябр", "қыркүйек", "september", "sep"), ("октябр", "қазан", "october", "oct"),
    ("ноябр", "қараша", "november", "nov"), ("декабр", "желтоқсан", "december", "dec"),
)
# fmt: on

_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_DAY_RE = re.compile(r"\b(\d{1,2})(?:-?го|-?е|st|nd|rd|th)?\b")


@dataclass(frozen=True, slots=True)
class Question:
    intent: Intent
    rest: str  # the words left to name the subjects, in the spelling of the facts
    country: str | None = None  # 'RU' / 'KZ' when the question narrows to a country
    language: Language = Language.RU
    count: bool = False  # «сколько …?»
    yes_no: bool = False  # «был ли …?»
    dates: PartialDate | None = None  # «в 2024 году», «6 августа»
    follow_up: bool = False  # «а …?», a pronoun: continues the last question
    asked_intent: bool = True  # False when the intent was only guessed (no question words)
    more: bool = False  # «кто ещё»: the rest of a list
    about_participants: bool = False  # «участники», not only speakers
    words: tuple[str, ...] = field(default=())  # content words of the rest

    @property
    def leans_on_last(self) -> bool:
        """The question continues the last one: «а …?», a pronoun, «кто ещё», or no words of
        its own beyond a modifier. Only such a question's answer depends on the chat."""
        alone = not self.words and (self.count or not self.asked_intent)
        return self.follow_up or self.more or alone


def _has(norm: str, marker: str) -> bool:
    """`marker` begins a word of `norm` (a short marker must be the whole word)."""
    if len(marker) <= 4:
        return re.search(rf"(?<!\w){re.escape(marker)}(?!\w)", norm) is not None
    return f" {marker}" in norm


_RU_MONTH_ENDINGS = ("", "ь", "я", "е", "а", "ю", "ом")


def _month(word: str, *, kazakh: bool = True) -> int | None:
    """The month a word names: «августе», «сәуірде», «April»; not «Октябрьская». Kazakh
    names count only with `kazakh`: folded, «қазан» (October) begins «Казань»."""
    folded = fold(word.casefold())
    for number, (russian, kk, english, short) in enumerate(_MONTHS, 1):
        if russian == "ма":
            if folded in ("май", "мая", "мае"):
                return number
        elif folded.startswith(russian) and folded[len(russian) :] in _RU_MONTH_ENDINGS:
            return number
        if folded in (english, short):
            return number
        if kazakh and len(folded) >= 5 and folded.startswith(fold(kk)):
            return number
    return None


def parse_dates(
    text: str, language: Language, today: date | None = None
) -> tuple[PartialDate | None, str]:
    """A date the question (in `language`) narrows to, and the text without it. Kazakh
    month names count in a Kazakh question only: a Russian one means the city by «Казань»."""
    kazakh = language is Language.KK
    words = text.split()
    year = month = day = None
    keep: list[str] = []
    lowered = [normalize(w) for w in words]
    for i, (word, low) in enumerate(zip(words, lowered, strict=True)):
        if m := _YEAR_RE.fullmatch(low):
            year = int(m.group(1))
            continue
        number = _month(low, kazakh=kazakh) if low and not low.isdigit() else None
        if number is not None and len(low) >= 3:
            month = number
            before = lowered[i - 1] if i else ""
            if (d := _DAY_RE.fullmatch(before)) and 1 <= int(d.group(1)) <= 31:
                day = int(d.group(1))
                if keep:
                    keep.pop()
            continue
        if low in ("года", "год", "году", "г", "жыл", "жылы", "year") and (year or month):
            continue
        keep.append(word)
    rest = " ".join(keep)
    if today is not None and year is None:
        norm = f" {normalize(text)}"
        if _has(norm, "в прошлом году") or _has(norm, "last year") or _has(norm, "былтыр"):
            year = today.year - 1
        elif _has(norm, "в этом году") or _has(norm, "this year") or _has(norm, "биыл"):
            year = today.year
    if year is None and month is None:
        return None, text
    return PartialDate(year, month, day), rest


def _country(words: list[str]) -> tuple[str | None, list[str]]:
    for code, prefixes in _COUNTRIES:
        for i, word in enumerate(words):
            low = normalize(word)
            if low in prefixes or any(low.startswith(p) for p in prefixes if len(p) > 2):
                return code, words[:i] + words[i + 1 :]
    return None, words


def _is_country_noun(low: str) -> bool:
    """«России», «Казахстана», «РФ»: the country itself, not an adjective inside a name."""
    return (
        low.startswith(("росси", "казахстан")) and not low.startswith(("российск", "казахстанск"))
    ) or low in ("рф", "рк")


def _translate(norm: str) -> str:
    """Kazakh and English domain words in the Russian of the facts (any ending)."""
    folded = fold(norm)
    for phrase, russian in _GLOSSARY:
        folded = re.sub(rf"(?<!\w){re.escape(fold(phrase))}\w*", russian, folded)
    return folded


def parse_question(text: str, today: date | None = None) -> Question:
    text = clean(text)
    language = detect_language(text)
    norm = f" {normalize(text)}"
    intent = next((name for name, markers in _INTENTS if any(_has(norm, m) for m in markers)), None)
    count = any(_has(norm, m) for m in _COUNT_MARKERS)
    words_in = re.findall(r"\w+(?:-\w+)*", text)
    lowered = [normalize(w) for w in words_in]
    yes_no = (
        "ли" in lowered
        or (language is Language.EN and norm.lstrip().startswith(_YES_NO_EN))
        or (language is Language.KK and any(w in _YES_NO_KK for w in lowered))
    )
    first = lowered[0] if lowered else ""
    follow_up = first in ("а", "и", "and", "ал") or any(w in _PRONOUNS for w in lowered)
    more = _has(norm, "кто еще") or _has(norm, "who else") or _has(norm, "а еще")
    dates, without_dates = parse_dates(text, language, today)
    translated = _translate(normalize(without_dates)) if language is not Language.RU else None
    # Words keep the case they were typed in: «СО РАН» is an abbreviation, «со» is not.
    source_words = re.findall(r"\w+(?:-\w+)*", translated or without_dates)
    intent_found = intent is not None
    intent = intent or Intent.SEARCH
    country, without_country = _country(source_words)
    if intent in _COUNTRY_FILTERED or intent is Intent.COUNTRY or (follow_up and not intent_found):
        source_words = without_country
    kept = []
    for word in source_words:
        low = normalize(word)
        folded = fold(low)
        abbreviation = len(word) > 1 and word.isupper()
        if not low or low.isdigit():
            continue
        if low in _EN_QUESTION_WORDS:
            continue
        if not low.isascii() and low.startswith(_QUESTION_WORDS):
            continue
        if language is Language.KK and any(
            folded == w or (len(w) >= 5 and folded.startswith(w)) for w in _KK_FOLDED
        ):
            continue
        if _is_country_noun(low):
            continue
        if low in _PRONOUNS or (low in STOPWORDS and not abbreviation):
            continue
        if re.fullmatch(r"[a-z'’-]+", low):
            word = to_cyrillic(low)
        elif language is Language.KK:
            word = fold(word)
        kept.append(word)
    return Question(
        intent=intent,
        rest=" ".join(kept),
        country=country,
        language=language,
        count=count,
        yes_no=yes_no,
        dates=dates,
        follow_up=follow_up,
        asked_intent=intent_found,
        more=more,
        about_participants=_has(norm, "участник") or _has(norm, "participant"),
        words=tuple(kept),
    )
