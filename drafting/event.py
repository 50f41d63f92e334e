"""The event an article is about: its title, kind, status, date and format."""

from __future__ import annotations

import re
from typing import Any

from drafting.gazetteer import country_of
from drafting.nlp import pipeline
from drafting.page import (
    DATELINE,
    body_lines,
    headline_of,
    is_page_line,
    is_paragraph,
    lede_of,
    page_date,
)
from drafting.words import (
    MONTH_RE,
    POSITION_WORDS,
    lemma_of,
    month_number,
    names_a_holiday,
    names_org_kind,
    phrase_nominative,
    quoted_at,
    sentence_case,
    sentence_of,
    tags_of,
    typographic_quotes,
)

# «21 мая 2015 года», «(21 мая 2015)»: a year of this century or the last right after the month
_DAY_DATE = re.compile(
    rf"\b(\d{{1,2}})\s+{MONTH_RE}(?:\s+((?:19|20)\d\d)(?:\s*(?:года|г\.))?(?!\d))?", re.I
)


_POSTED = re.compile(
    rf"\A[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+)?[.,]\s*(\d{{1,2}})\s+{MONTH_RE}\s+(\d{{4}})\s*"
    rf"(?:года|г\.)?[.,]?|\b(\d{{1,2}})\s+{MONTH_RE}\s+(\d{{4}})\s*(?:года|г\.)?\s*\d{{1,2}}:\d\d\b",
    re.I,
)


_TOP = 150  # characters: where a page's stamp may be run into its text


_MONTH_DATE = re.compile(rf"\bв\s+{MONTH_RE}\s+(\d{{4}})\s*(?:года|г\.)?", re.I)


# The first of these words an article writes gives the event's kind. «Мероприятие» names
# no kind, so it gives none: the next word does («мероприятие … концерт»).
EVENT_KINDS = (
    ("круглый стол", "round_table"),
    ("круглом столе", "round_table"),
    ("круглого стола", "round_table"),
    ("форум", "forum"),
    ("конференц", "conference"),
    ("конгресс", "conference"),
    ("подписан", "meeting"),  # a signing is a meeting of those who sign
    ("встреч", "meeting"),
    ("собрани", "meeting"),
    ("визит", "meeting"),
    ("поездк", "meeting"),
    ("открыти", "other"),
    ("концерт", "other"),
    ("фестивал", "other"),
    ("праздн", "other"),
    ("выставк", "other"),
    ("юбиле", "other"),
    ("курултай", "other"),
    ("лагер", "other"),
    ("дни культуры", "other"),
    ("дней культуры", "other"),
    ("днях культуры", "other"),
)


def event_format(text: str, city_named: bool) -> str:
    """Online when the text says so, in person when it names a city or a venue in telling of
    the event (`city_named`) or tells of what only happens in person (a visit, a concert, a
    celebration) and says nothing of being online, unknown otherwise."""
    told = [
        sentence
        for sentence in _rough_sentences(text)
        if _ONLINE.search(sentence) and not _ANOTHER_TIME.search(sentence)
    ]
    if told:
        in_person = re.search(r"\bочно\b|смешанн\w+ формат|гибридн", text, re.I) or (
            # «часть участников подключилась онлайн» to one held in a city: both
            city_named and any(_SOME_JOINED.search(sentence) for sentence in told)
        )
        return "hybrid" if in_person else "online"
    # what the first sentences of the body tell, not a menu or a story further down
    if city_named or _IN_PERSON.search(lede_of(text)):
        return "offline"
    return "unknown"


def _rough_sentences(text: str) -> list[str]:
    """A text cut at each full stop, «!» or «?» before a space, and at each line break."""
    return re.split(r"(?<=[.!?])\s+|\n+", text)


# Words that say a gathering was held online, or that some joined it so: its format
# («в формате видеоконференции», «онлайн-встреча», «прошла онлайн», «подключились онлайн»),
# not anything else online («онлайн-календарь», «для онлайн-обучения»)
_ONLINE = re.compile(
    r"видеоконференц\w*|видеосвяз\w*|видеомост\w*|телемост\w*|\bzoom\b|вебинар\w*|\bВКС\b"
    r"|дистанционн\w+\s+(?:режим|формат)\w*|виртуальн\w+\s+(?:встреч|формат|режим)\w*"
    r"|\bв\s+(?:режиме|формате)\s+(?:онлайн|online)|\bв\s+онлайн[- ](?:формате|режиме)"
    r"|(?:онлайн|online)[- ](?:встреч|конференц|форум|кругл|семинар|сесси|заседани|диалог|"
    r"совещани|собрани)\w*"
    r"|\b(?:прош\w+|состоял\w*|провели|проводи\w*|пройд\w*|подключ\w*|присоедин\w*)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:онлайн|online|дистанционно)\b"
    r"|\b(?:онлайн|online)\s+(?:подключ|присоедин)\w*"
    r"|\b(?:подключ|присоедин)\w*\s+(?:[\w-]+\s+){0,3}?по\s+видеосвязи",
    re.I,
)
# Some of those there joined from afar, not all: «часть участников подключилась по
# видеосвязи», «остальные подключатся онлайн», «к ним онлайн присоединились коллеги»
_SOME_JOINED = re.compile(
    r"\b(?:част\w*|остальн\w*|некотор\w*|коллег\w*|гост\w*)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:онлайн\s+)?(?:подключ|присоедин)\w*|(?:подключ|присоедин)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:коллег|гост)\w*",
    re.I,
)
# A sentence of another time: «следующую встречу планируют провести в формате онлайн-моста»
_ANOTHER_TIME = re.compile(r"следующ|планиру|в дальнейшем|в будущем|намерен", re.I)


# What only happens where people are: a visit, a delegation, a concert, a festival, a
# celebration, a kurultai, days of culture; and a room it was held in («в помещении …»,
# «в конференц-зале …», «на площадке …»)
_IN_PERSON = re.compile(
    r"\b(?:визит\w*|делегаци\w*|концерт\w*|фестивал\w*|выставк\w*|посетил[иао]?|посетит|"
    r"прибыл[иао]?|приехал[иао]?|экскурси\w*|(?:от)?праздн\w*|"
    r"курулта\w*|дн(?:и|ей|ям|ях)\s+культуры|"
    r"в\s+(?:помещении|здании|стенах|фойе|холле|[\w-]*зале)|на\s+площадке)\b",
    re.I,
)


# A camp named as where something was held: «в загородном лагере», «на базе детского лагеря»
_CAMP_AS_VENUE = re.compile(
    r"((?:\bв|\bво|\bна\s+базе|\bна\s+территории)\s+(?:[а-яё-]+\s+){0,2})(лагер\w*)", re.I
)


_MAIN_EVENT_WORDS = r"кругл\w+\s+стол\w*|форум\w*|конференци\w*|встреч\w*|семинар\w*|заседани\w*"


# Other gatherings an article may be about; their names come after the main kinds' names.
_OTHER_EVENT_WORDS = (
    r"концерт\w*|фестивал\w*|праздник\w*|празднова\w*|выставк\w*|конкурс\w*|съезд\w*|"
    r"курулта\w*|сл[её]т\w*|визит\w*|гулянь\w*|вечер\w*|турнир\w*|олимпиад\w*|"
    r"марафон\w*|экспедици\w*|телемост\w*|видеомост\w*"
)


EVENT_WORDS = re.compile(f"({_MAIN_EVENT_WORDS}|{_OTHER_EVENT_WORDS})", re.I)


# Verbs that announce rather than report: «состоится», «пройдёт», «обсудят».
_FUTURE = re.compile(
    r"\b(состоится|состоятся|пройд[её]т|пройдут|будет|будут|обсудят|проведут|соберутся|"
    r"планируется|запланирован\w*|откроется|стартует|станут)\b",
    re.I,
)


_PAST = re.compile(
    r"\b(состоял\w*|прош[её]л|прошл[аи]|провел\w*|провёл|обсудили|собрал\w*)\b", re.I
)


_RELATIVE_DAYS = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0}


# A day of the last week («в минувшее воскресенье», «в прошлую субботу», «в выходные»: the
# Saturday), by the first five letters of its word
_WEEKDAYS = {
    "понед": 0, "вторн": 1, "среду": 2, "средy": 2, "четве": 3, "пятни": 4, "суббо": 5,
    "воскр": 6, "выход": 5,
}  # fmt: skip


_PAST_WEEKDAY = re.compile(
    r"\b(?:в|во)\s+(?:минувш\w+|прошл\w+|прошедш\w+)?\s*"
    r"(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|выходные)\b",
    re.I,
)


_KIND_NAMES = {
    "кругл": "Круглый стол",
    "форум": "Форум",
    "конфер": "Конференция",
    "встреч": "Встреча",
    "семинар": "Семинар",
}


_DEDICATED = re.compile(
    r"(кругл\w*\s+стол\w*|форум\w*|конференци\w*|встреч\w*|семинар\w*),?\s+"
    r"(?:темой\s+(?:которого|которой)\s+(?:стало|стала|был[аио]?)|посвящ[её]нн\w+)\s+"
    r"([^.\[\]\n]{10,200})",
    re.I,
)


def _about(topic: str) -> str:
    """«30-летие установления …» → «30-летии установления …»: the head word in the
    prepositional, the rest as written."""
    from search.textnorm import _analyzer

    head, _, rest = topic.partition(" ")
    prefix, dash, word = head.rpartition("-")
    parse = _analyzer().parse(word)[0]
    inflected = parse.inflect({"loct"}) if parse.tag.POS == "NOUN" else None
    new = inflected.word if inflected is not None else word
    return f"{prefix}{dash}{new} {rest}".strip()


def _described_title(text: str) -> str | None:
    """An event with no quoted title, described instead: «круглый стол, темой которого стало
    X», «форум, посвящённый X» → «Круглый стол о X»."""
    found = _DEDICATED.search(text)
    if found is None:
        return None
    kind = next(
        (name for stem, name in _KIND_NAMES.items() if found.group(1).casefold().startswith(stem)),
        None,
    )
    if kind is None:
        return None
    topic = " ".join(found.group(2).split())
    # «…, сообщает сайт Россотрудничества»: who reports it is no part of the topic
    topic = re.sub(r",\s*(?:сообща|переда|пишет|пишут|информир)\w*\b.*$", "", topic, flags=re.I)
    topic = sentence_case(topic.rstrip(" ,;:"))
    return _kind_about(kind, _about(topic))


def _kind_about(kind: str, about: str) -> str:
    """«Круглый стол» and «истории края» → «Круглый стол об истории края»: «о» before a
    vowel sound is written «об»."""
    vowel = bool(about) and about[0].casefold() in "аиоуэ"
    return f"{kind} {'об' if vowel else 'о'} {about}"


def event_title_and_kind(text: str) -> tuple[str | None, str]:
    """The official title: «…» right after the event word (nested quotes kept), or what
    follows «на тему» or «Круглый стол:»; else the headline. The kind is the first kind of
    event the article names."""
    lowered = text.casefold()
    # (a camp the event was held in is no kind of it: «на базе детского лагеря «…» прошёл форум»)
    lowered = _CAMP_AS_VENUE.sub(lambda m: m.group(1) + "_" * len(m.group(2)), lowered)
    found = [(lowered.find(marker), kind) for marker, kind in EVENT_KINDS if marker in lowered]
    kind = min(found)[1] if found else "meeting"
    named = _named_after(text, _MAIN_EVENT_WORDS)
    if named:
        return named, kind
    called = _called(lede_of(text))
    if called:
        return called, kind
    described = _described_title(text)
    if described:
        return described, kind
    theme = re.search(r"на тему:?\s*«?([^.\n»]{10,300})", text, re.I)
    if theme:
        return theme.group(1).strip(), kind
    headline = headline_of(text)
    labelled = re.match(
        r"(?:круглый стол|форум|конференция|семинар)\s*:\s*(.{10,300})$", headline, re.I
    )
    if labelled:
        return labelled.group(1).strip(), kind
    # The own name of a concert, festival or celebration the article is about, before a
    # headline that only tells of it («На берегах Тобола зазвучали песни …»), or of an event
    # that says no more of its kind («праздничное мероприятие «Дружба не имеет границ»»)
    # («лагерь «…» прошёл …» names a camp's session here only: a children's camp is also a
    # place, «на базе детского лагеря «Ёлочка»», whose name is no event's)
    named = _named_after(lede_of(text), f"{_OTHER_EVENT_WORDS}|мероприяти\\w*|лагер\\w*")
    if named:
        return named, kind
    # A headline that says something of the event names it with a phrase of its own
    # («В Оренбуржье пройдут Дни Актюбинской области» → «Дни Актюбинской области»).
    if headline and _is_clause(headline):
        phrase = _phrase_naming_an_event(headline, sentences=1, actors=False, frames=False)
        if phrase and " " not in phrase:
            # «Выставка» alone names none: the action the headline tells does, when it has one
            # («Открыта выставка казахского искусства» → «Открытие выставки казахского …»)
            phrase = _nominalised(headline) or phrase
        if phrase:
            return _whose_anniversary(phrase, headline, text), kind
        # «… выступят в рамках форума»: the body may name what was held within it
        framed = _phrase_naming_an_event(headline, sentences=1, actors=False)
        body = _event_phrase(text, frames=False) if framed else None
        if framed and _ANNIVERSARY_ALONE.fullmatch(framed) and _celebrating(headline):
            # «Центр «…» отметил 20-летний юбилей», then «на юбилей центра»: the anniversary a
            # body celebrated is the event, named by whichever says more of it (an evening
            # held for it that the body names is the event instead)
            told = _whose_anniversary(framed, headline, text)
            if body is None or (_names_anniversary_first(body) and len(told) > len(body)):
                return told, kind
        if framed:
            return _whose_anniversary(body or framed, headline, text), kind
        # «В Барнауле открылся офис …»: what the headline says was done, as a name
        phrase = _nominalised(headline)
        if phrase:
            return phrase, kind
        # «Лидером … избрали тюменца»: a headline that tells news of the event, not the
        # event; the body names it («на съезде ФНКА казахов России»)
        phrase = _event_phrase(text, frames=False, sentences=3)
        if phrase:
            return _whose_anniversary(phrase, headline, text), kind
    # A headline is short and has no full stop; a first line that is a sentence is not one.
    headline = _unquoted(headline)
    # a sentence, an exclamation or a question («Давняя дружба станет крепче!») names nothing
    if headline and len(headline) <= 200 and not headline.endswith((".", "!", "?")):
        return headline, kind
    return _event_phrase(text), kind


# Words that name what an article reports on, for a title described from its first sentences
_EVENT_LEMMAS = frozenset(
    "визит делегация концерт праздник празднование фестиваль встреча форум конференция стол "
    "заседание семинар выставка вечер день курултай конкурс съезд юбилей чтения открытие "
    "поездка презентация подписание конгресс посещение приём прием турнир олимпиада "
    "марафон экспедиция телемост видеомост".split()
)


# What belongs to an event's noun phrase in the syntax tree: its adjectives, the nouns it
# governs and their prepositions, names joined to it; not clauses, lists or adverbs.
_PHRASE_RELATIONS = frozenset({"amod", "nmod", "nummod", "flat", "flat:name", "appos", "case"})


# Words for any event, which name none of their own: what is said of it is said of the event
_ANY_EVENT_LEMMAS = frozenset({"мероприятие", "событие", "акция"})


def refers_to_an_event(lemma: str) -> bool:
    """«форум», or a word for any event («мероприятие»): what a verb held or opened."""
    return names_an_event(lemma) or lemma in _ANY_EVENT_LEMMAS


def names_an_anniversary(word: str) -> bool:
    """«20-летие», «30-летию»: an anniversary written with its number."""
    return re.fullmatch(r"\d+-лети\w+", word.casefold()) is not None


def names_an_event(lemma: str) -> bool:
    """«форум», and the compounds made of one: «медиафорум», «фестиваль-конкурс»."""
    return lemma in _EVENT_LEMMAS or any(
        lemma.endswith(word) and len(lemma) - len(word) >= 4 for word in _EVENT_LEMMAS
    )


def _event_phrase(text: str, frames: bool = True, sentences: int = 10) -> str | None:
    """A page with no headline and no quoted name: the event described by the first noun
    phrase of its body that names one («с рабочим визитом в Омутинский район» → «Рабочий
    визит в Омутинский район»; «Праздник Масленицы открыл …» → «Праздник Масленицы»), with
    its head in the nominative."""
    lines = body_lines(text)
    # the body from its first paragraph: a site's name above it would join its first sentence
    first = next((k for k, line in enumerate(lines) if is_paragraph(line)), 0)
    return _phrase_naming_an_event(" ".join(lines[first:])[:1500], sentences, frames=frames)


def _unquoted(line: str) -> str:
    """The headline without quotes around the whole of it («„Дружба“» → «Дружба»); quotes
    around a part stay («„Новое поколение“: молодые …»)."""
    line = typographic_quotes(line.strip())
    inside = quoted_at(line, 0)
    whole = inside is not None and len(" ".join(line.split())) == len(inside) + 2
    return inside if whole else line


def _is_clause(line: str) -> bool:
    """A line with a finite verb in it («В Оренбуржье пройдут Дни …»), or a short passive
    participle, which is one too («Создана автономия», «Подписан меморандум»), says something
    of an event; it is no name of one."""
    return any({"VERB", "PRTS"} & tags_of(word)[0] for word in re.findall(r"[а-яёА-ЯЁ]+", line))


# Who came rather than what they came to: a phrase about them names the event only when
# nothing else in the sentence does («Делегация … участвовала в форуме …» → the forum).
_ACTOR_LEMMAS = frozenset({"делегация"})


# What a phrase may name that is not the event the article reports: the frame it was part of
# («в рамках форума»), the feast it came before («в преддверии Наурыза») or honoured («в честь
# Дня …»), and the occasion that was marked, greeted or timed to («отметило 20-летие», «с
# праздником поздравил», «приуроченный к форуму»). Such a phrase is the title only when nothing
# else names an event.
_FRAME_LEMMAS = frozenset({"рамка", "преддверие", "канун", "честь"})
_OCCASION_VERBS = ("отмет", "отмеч", "поздрав", "праздн", "отпраздн", "приуроч")


# Where only a noun stands: a word there heads a noun phrase, whatever its tag
_NOUN_SLOTS = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "nmod", "root"})


def _phrase_naming_an_event(
    passage: str, sentences: int = 10, actors: bool = True, frames: bool = True
) -> str | None:
    """The first noun phrase of `passage`'s first sentences whose head names an event, with
    its head in the nominative (see `_event_phrase`); without `actors`, a delegation is no
    event («Аким встретился с делегацией …» names none).

    A phrase that names no frame or occasion of the event comes first, wherever it is in those
    sentences; the others only when there is no such phrase, and with `frames` only."""
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, syntax_parser, _ner = pipeline()
    doc = Doc(passage)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    fallback: str | None = None
    for token in doc.tokens:
        token.lemmatize(morph_vocab)
    for at, sentence in enumerate(doc.sents[:sentences]):
        tokens = sentence.tokens
        by_id = {t.id: t for t in tokens}
        for token in sorted(tokens, key=lambda t: t.lemma in _ACTOR_LEMMAS):
            if not actors and token.lemma in _ACTOR_LEMMAS:
                continue
            found = _event_noun_phrase(doc.text, tokens, token)
            if found is None or _talked_of(by_id, token) or _what_a_thing_is(by_id, token):
                continue  # «обсудили итоги съезда»: a gathering talked of is not this one
            if any(t.head_id == token.id and t.lemma in _REFERRING_LEMMAS for t in tokens):
                continue  # «Данный визит …»: one named before, by what was said of it there
            if _bare(tokens, token):
                # «прошёл круглый стол. … Участники обсудили X»: a kind alone is named by
                # what was discussed at it
                topic = _discussed(doc.text, [s.tokens for s in doc.sents[at : at + 3]])
                found = _kind_about(found, topic) if topic else found
            above = by_id.get(token.head_id)
            frame = above is not None and (
                above.lemma in _FRAME_LEMMAS
                or (above.pos == "VERB" and above.lemma.startswith(_OCCASION_VERBS))
            )
            if not frame:
                return found
            fallback = fallback or found
    return fallback if frames else None


# Words that point back to something named before
_REFERRING_LEMMAS = frozenset({"данный", "этот", "тот", "такой", "указанный", "вышеуказанный"})


def _bare(tokens: list[Any], token: Any) -> bool:
    """«круглый стол», «международный форум»: a kind of event and its adjectives, nothing
    that names this one."""
    return all(t.rel in ("amod", "case", "punct") for t in tokens if t.head_id == token.id)


# Verbs telling what was discussed: as their object, or as the subject of the passive
_DISCUSSING = frozenset({"обсудить", "обсуждать", "рассмотреть", "рассматривать"})
_DISCUSSED = frozenset({"обсуждаться", "рассматриваться"})
# Who discusses things at an event: its participants, not a body elsewhere («депутаты …»)
_ATTENDEES = frozenset(
    "участник гость эксперт специалист представитель делегат собравшийся политолог социолог "
    "учёный ученый студент молодёжь молодежь активист спикер докладчик сторона он она они".split()
)


_TELLING = frozenset({"рассказать", "рассказывать", "говорить", "поговорить", "вспомнить"})


def _what_a_thing_is(by_id: dict[str, Any], token: Any) -> bool:
    """Whether `token` is in what a sentence with no verb says something other than an event
    is: «Центр – это Масленица, Святки, День славянской письменности» tells what the centre is
    known for, not an event; «Главное событие года – фестиваль «…»» names one."""
    node = token
    while node.rel == "conj" and node.head_id in by_id:
        node = by_id[node.head_id]
    if node.rel != "root" or node.pos not in ("NOUN", "PROPN"):
        return False
    return any(
        t.head_id == node.id
        and t.rel == "nsubj"
        and t.pos in ("NOUN", "PROPN")
        and not refers_to_an_event(t.lemma)
        for t in by_id.values()
    )


def _talked_of(by_id: dict[str, Any], token: Any) -> bool:
    """Whether `token` is in what a verb of discussing or telling has as its object or
    topic: «обсудили итоги съезда», «рассказали о фестивале»."""
    node, seen = token, set()
    while node is not None and node.id not in seen:
        seen.add(node.id)
        above = by_id.get(node.head_id)
        if above is None:
            return False
        if above.pos == "VERB":
            return above.lemma in _DISCUSSING | _DISCUSSED | _TELLING and node.rel in (
                "obj",
                "obl",
                "nsubj:pass",
            )
        node = above
    return False


def _discussed(text: str, sentences: list[list[Any]]) -> str | None:
    """What the first of `sentences` to tell of a discussion says was discussed, in the
    prepositional («обсуждают перспективы сотрудничества» → «перспективах сотрудничества»)."""
    for tokens in sentences:
        for verb in tokens:
            if verb.pos != "VERB" or verb.lemma not in _DISCUSSING | _DISCUSSED:
                continue
            subjects = [t for t in tokens if t.head_id == verb.id and t.rel == "nsubj"]
            if verb.lemma in _DISCUSSING and not all(t.lemma in _ATTENDEES for t in subjects):
                continue  # «Накануне депутаты … рассмотрели бюджет»: others, elsewhere
            slot, case = ("obj", "accs") if verb.lemma in _DISCUSSING else ("nsubj", "nomn")
            what = next(
                (
                    t
                    for t in tokens
                    if t.head_id == verb.id and t.rel.startswith(slot) and t.pos == "NOUN"
                ),
                None,
            )
            if what is None:
                return None
            # the unbroken run around the object: the parser may hang words written before
            # the verb on it
            low, high = _run_around(tokens, tokens.index(what), _below(tokens, what))
            phrase = " ".join(text[tokens[low].start : tokens[high].stop].split()).strip(" ,;:")
            if len(phrase.split()) > 12:
                return None
            return _phrase_in_case(phrase, what.text, case, to="loct")
    return None


_COUNTING = frozenset({"много", "многий", "несколько", "немало", "ряд", "множество"})


def _event_noun_phrase(text: str, tokens: list[Any], token: Any) -> str | None:
    """The phrase headed by `token` when it names an event, with its head in the nominative."""
    anniversary = names_an_anniversary(token.text)  # «20-летию …»
    # «Гала-концерт» the tagger reads as an adjective, though it stands where a noun does
    nominal = token.pos in {"NOUN", "PROPN"} or (token.pos == "ADJ" and token.rel in _NOUN_SLOTS)
    # «Масленица», «Наурыз мейрамы»: a holiday is the event it is celebrated at, when it is
    # what was celebrated or what a sentence tells of — not a topic («рассказали о Наурызе»)
    holiday = (
        nominal
        and names_a_holiday(token.text)
        and token.rel in ("nsubj", "nsubj:pass", "obj", "root")
        and not any(t.rel == "case" for t in tokens if t.head_id == token.id)
    )
    if not anniversary and not holiday and (not nominal or not names_an_event(token.lemma)):
        return None
    below = [t for t in tokens if t.head_id == token.id]
    if token.lemma == "стол" and not any(t.lemma == "круглый" for t in below):
        return None
    # «много праздников», «несколько концертов», «многие фестивали»: events counted, not one
    above = next((t for t in tokens if t.id == token.head_id), None)
    if any(t.lemma in _COUNTING for t in below) or (above is not None and above.lemma in _COUNTING):
        return None
    # «на сегодняшний день», «в тот день»: a day is an event by its name («День единства»,
    # «Дни культуры»), not by the time it tells
    if token.lemma == "день" and not (
        token.text[:1].isupper() or any(t.rel == "nmod" for t in below)
    ):
        return None
    kept = {token.id}
    if anniversary and token.rel == "nummod":  # «20-летие | объединения «…»»
        kept.add(token.head_id)
    # «вечер, посвящённый 30-летию объединения «…»»: what it was for belongs to it,
    # with everything that participle governs
    dedicated = {
        t.id
        for t in tokens
        if t.head_id == token.id and t.rel == "acl" and t.lemma.startswith(("посвят", "посвящ"))
    }
    kept |= dedicated
    changed = True
    while changed:
        changed = False
        for t in tokens:
            if (
                t.id not in kept
                and t.head_id in kept
                and (
                    t.rel in _PHRASE_RELATIONS
                    or t.head_id in dedicated
                    # «встреча председателя … и председателя …»: both of whom it was
                    or (t.rel in ("conj", "cc") and t.head_id != token.id)
                )
                and t.rel != "punct"
                and not (t.rel == "case" and t.head_id == token.id)  # «с визитом»
            ):
                kept.add(t.id)
                changed = True
    # the unbroken run of the phrase around its head: a word the parser hung from
    # it further on («… посетил центр … района») is not the event's name
    low, high = _run_around(tokens, tokens.index(token), kept)
    start, stop = tokens[low].start, tokens[high].stop
    phrase = " ".join(text[start:stop].split()).strip(" ,;:")
    while phrase.count("«") > phrase.count("»") and stop < len(text):
        closing = text.find("»", stop)  # «Фестиваль «Мәңгі бірге – Навеки вместе»»
        if closing < 0 or closing - stop > 60:
            break
        stop = closing + 1
        phrase = " ".join(text[start:stop].split()).strip(" ,;:")
    if len(phrase.split()) > 16:
        return None
    # only the head's own phrase changes case: «Концерт, посвящённый весеннему празднику»
    if anniversary:  # «20-летию объединения …»: only the anniversary changes case
        phrase = re.sub(r"^(\d+-лети)\w+", r"\1е", phrase)
    else:
        head, comma, rest = phrase.partition(",")
        phrase = phrase_nominative(head) + comma + rest
    if len(phrase.split()) <= 2 and token.lemma in _VISIT_LEMMAS:
        # «Рабочий визит»: whose, and where to, from the verb it hangs from
        phrase = " ".join([phrase, _who_and_where(tokens, token, text)]).strip()
    return phrase[:1].upper() + phrase[1:]


# Verbs a headline tells of an event with, and the noun that names that event: «В Барнауле
# открылся офис …» → «Открытие офиса …», «… подписали меморандум …» → «Подписание меморандума …»
_ACTION_NOUNS = {
    "открыться": "открытие",
    "открыть": "открытие",
    "подписать": "подписание",
    "встретиться": "встреча",
    "посетить": "посещение",
    "отметить": "празднование",
    "отпраздновать": "празднование",
    "наградить": "награждение",
    "презентовать": "презентация",
    "чествовать": "чествование",
    "создать": "создание",
    "учредить": "учреждение",
}


def _parsed_line(line: str) -> tuple[Any, list[Any]]:
    """A line's Natasha document and its first sentence's tokens, lemmatised and parsed."""
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, syntax_parser, _ner = pipeline()
    doc = Doc(line)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    tokens = doc.sents[0].tokens if doc.sents else []
    for token in tokens:
        token.lemmatize(morph_vocab)
    return doc, tokens


def _nominalised(line: str) -> str | None:
    """A headline that is a clause about an event, made the event's name: its verb as the
    noun of the action, what it was done to (or who met) in the genitive, whom they met and
    the city it was in as written («В Барнауле открылся офис почётного консула» →
    «Открытие офиса почётного консула в Барнауле»)."""
    doc, tokens = _parsed_line(line)
    root = next((t for t in tokens if t.rel == "root"), None)
    if root is None:
        return None
    # «Открыт Дом дружбы»: a short passive participle, which the tagger may call an adjective
    passive = "PRTS" in tags_of(root.text)[0]
    verb = lemma_of(root.text) if passive else root.lemma
    if (root.pos != "VERB" and not passive) or verb not in _ACTION_NOUNS:
        return None
    below = [t for t in tokens if t.head_id == root.id]
    met = verb == "встретиться"
    wanted = ("nsubj", "nsubj:pass") if passive or verb.endswith("ся") else ("obj", "iobj")
    done_to = next((t for t in below if t.rel in wanted), None)
    if done_to is None or done_to.pos not in ("NOUN", "PROPN"):
        return None

    def text_of(head: Any) -> tuple[int, int]:
        # the unbroken run of its words around it: a word the parser hung on it from the
        # other side of the verb is no part of it
        low, high = _run_around(tokens, tokens.index(head), _below(tokens, head))
        return tokens[low].start, tokens[high].stop

    start, stop = text_of(done_to)
    case = "nomn" if done_to.rel.startswith("nsubj") else "accs"
    phrase = _phrase_in_case(
        doc.text[start:stop], done_to.text, case, opens=start == tokens[0].start
    )
    if phrase is None:
        return None
    parts = [_ACTION_NOUNS[verb].capitalize(), phrase]
    where = []
    for t in below:
        cases = [c.text.casefold() for c in tokens if c.head_id == t.id and c.rel == "case"]
        if t is not done_to and t.rel in ("iobj", "obl") and not cases and _dative(t):
            # «открыли бюст … Абаю Кунанбаеву»: to whom it was done, as written
            start, stop = text_of(t)
            parts.append(doc.text[start:stop])
            continue
        if t.rel != "obl" or not cases:
            continue
        if (met and cases[0] == "с") or cases[0] in ("в", "во"):
            start, stop = text_of(t)
            written = doc.text[start:stop]
            where.append(written[:1].lower() + written[1:])
    return " ".join(" ".join(parts + where).split()).strip(" .,;:")


def _dative(token: Any) -> bool:
    return token.pos in ("NOUN", "PROPN") and token.feats.get("Case") == "Dat"


# An anniversary named by itself: «20-летний юбилей», «Юбилей», «30-летие»
_ANNIVERSARY_ALONE = re.compile(
    r"(?:\d+[- ]?летн\w+\s+)?(?:юбиле\w*|годовщин\w*)|\d+-лети\w+", re.I
)
_CELEBRATING_LEMMAS = frozenset({"отметить", "отмечать", "отпраздновать", "праздновать"})


def _names_anniversary_first(phrase: str) -> bool:
    """«Юбилей центра», «20-летний юбилей …», «15-летие …» (not «Юбилейный вечер»)."""
    return _ANNIVERSARY_FIRST.match(phrase) is not None


_ANNIVERSARY_FIRST = re.compile(
    r"(?:\d+[- ]?летн\w+\s+)?(?:юбиле(?:й|я|ю|е|ем)|годовщин\w*)(?!\w)|\d+-лети", re.I
)


def _whose_anniversary(phrase: str, headline: str, text: str) -> str:
    """An anniversary named by itself, with whose it was when the headline says who
    celebrated it: «20-летний юбилей» → «20-летний юбилей культурного центра «Славяне»»; when
    the headline names it only by its kind («Центр отметил юбилей»), the first sentence of
    the body that names it («Казахский центр «Мирас» отметил 20-летие»)."""
    if not _ANNIVERSARY_ALONE.fullmatch(phrase):
        return phrase
    whose = _celebrating(headline)
    if whose is None or " " not in whose:
        lede = _rough_sentences(lede_of(text))[:3]
        named = (_celebrating(sentence) for sentence in lede)
        whose = next((w for w in named if w and " " in w), whose)
    return f"{phrase} {whose}" if whose else phrase


def _celebrating(line: str) -> str | None:
    """Who a headline says celebrated its anniversary, in the genitive: «Центр «Славяне»
    отметил 20-летний юбилей» → «центра «Славяне»»; a body, not a person."""
    doc, tokens = _parsed_line(line)
    root = next((t for t in tokens if t.rel == "root"), None)
    if root is None or root.lemma not in _CELEBRATING_LEMMAS:
        return None
    who = next((t for t in tokens if t.head_id == root.id and t.rel == "nsubj"), None)
    if who is None or who.pos not in ("NOUN", "PROPN") or "anim" in tags_of(who.text)[0]:
        return None
    start, stop = _subtree(tokens, who)
    return _phrase_in_case(doc.text[start:stop], who.text, "nomn", opens=start == tokens[0].start)


def _subtree(tokens: list[Any], head: Any) -> tuple[int, int]:
    """Where the phrase headed by `head` is written, its quotes included."""
    inside = _below(tokens, head)
    kept = [t for t in tokens if t.id in inside]
    return kept[0].start, kept[-1].stop


def _below(tokens: list[Any], head: Any) -> set[str]:
    """The ids of `head` and every word below it, quotes included, other punctuation not."""
    inside = _descendants(tokens, head.id)
    return inside | _looped_after(tokens, inside)


def _looped_after(tokens: list[Any], inside: set[str]) -> set[str]:
    """The words right after a phrase that the parser hung in a loop, from no root
    («Открыта выставка казахского прикладного искусства»: «казахского» from «искусства» and
    back): they belong with the phrase they follow."""
    rooted = set().union(*(_descendants(tokens, t.id) for t in tokens if t.rel == "root"))
    order = [t.id for t in tokens]
    last = max(order.index(i) for i in inside)
    looped: set[str] = set()
    for t in tokens[last + 1 :]:
        if t.rel == "punct" or t.id in looped:
            continue
        if t.id in rooted:
            return set()  # only a loop that runs to the sentence's end: else it may be any clause
        looped |= _descendants(tokens, t.id)
    return looped


def _descendants(tokens: list[Any], top: str) -> set[str]:
    inside, todo = {top}, [top]
    while todo:
        parent = todo.pop()
        for t in tokens:
            if t.head_id == parent and t.id not in inside and (t.rel != "punct" or t.text in '«»"'):
                inside.add(t.id)
                todo.append(t.id)
    return inside


# A visit is someone's, to somewhere: «с визитом в район прибыла делегация»
_VISIT_LEMMAS = frozenset({"визит", "поездка", "командировка"})
# «на прошлой неделе», «в рамках форума»: when or within what, not where
_WHEN_LEMMAS = frozenset("неделя год месяц день время раз утро вечер период рамка ход".split())


def _who_and_where(tokens: list[Any], token: Any, text: str) -> str:
    """«с рабочим визитом на Володарской земле побывала делегация из Казахстана»: a visit
    named by its kind alone is the visit of the verb's subject, to where the verb says
    («делегации из Казахстана на Володарской земле»)."""
    verb = next((t for t in tokens if t.id == token.head_id and t.pos == "VERB"), None)
    if verb is None or token.rel != "obl":
        return ""
    parts = []
    below = [t for t in tokens if t.head_id == verb.id]
    subject = next((t for t in below if t.rel == "nsubj" and t.pos in ("NOUN", "PROPN")), None)
    if subject is not None:
        # the subject with its adjectives and where it is from, not the list of its members
        # («делегация из Казахстана в составе депутата …»)
        kept = [subject] + [
            t
            for t in tokens
            if t.head_id == subject.id
            and (
                t.rel == "amod"
                or (t.rel == "nmod" and any(c.head_id == t.id and c.text == "из" for c in tokens))
            )
        ]
        start = min(_subtree(tokens, t)[0] for t in kept)
        stop = max(_subtree(tokens, t)[1] for t in kept)
        comma = text.find(",", start, stop)  # «…, в составе …»: what follows is said of it
        stop = comma if comma > 0 else stop
        who = _phrase_in_case(
            text[start:stop], subject.text, "nomn", opens=start == tokens[0].start
        )
        if who and len(who.split()) <= 8:
            parts.append(who)
    for t in below:
        cases = [c.text.casefold() for c in tokens if c.head_id == t.id and c.rel == "case"]
        if (
            t is not token
            and t.rel == "obl"
            and cases
            and cases[0] in ("в", "во", "на")
            and t.lemma not in _WHEN_LEMMAS
        ):
            start, stop = _subtree(tokens, t)
            where = text[start:stop]
            if len(where.split()) <= 6:
                parts.append(where[:1].lower() + where[1:] if start == tokens[0].start else where)
            break
    return " ".join(parts)


def _phrase_in_case(
    phrase: str, head: str, case: str, opens: bool = False, to: str = "gent"
) -> str | None:
    """A noun phrase in the genitive (or the case `to`): its head and the words that agree
    with it before it change case, what follows the head stays as written («офис почётного
    консула» → «офиса почётного консула»). `case`: the one it is in («Сапарова» as a subject
    is a woman's name). `opens`: the phrase began its sentence, so its first capital is the
    sentence's unless the word is a name («Аким …» → «акима …»)."""
    from search.textnorm import _analyzer

    words = phrase.split()
    if head not in words:
        return None
    at = words.index(head)
    out = []
    as_written = False  # a word after the head kept its case: what follows it keeps its own
    for k, word in enumerate(words):
        parses = _analyzer().parse(word)
        # «Иван Петров»: a person's name right after the head changes case with it («доклад
        # профессора Ивана Петрова»: not a name after a word in its own case)
        a_name = (
            k > at
            and not as_written
            and {"Name", "Surn", "Patr"} & set(parses[0].tag.grammemes)
            # in the phrase's own case: «встреча Ивана Петрова» names him in the genitive
            and any(case in p.tag.grammemes for p in parses[:3])
        )
        if (k > at and not a_name) or "«" in word or word.isupper():
            out.append(word)
            as_written = as_written or k > at
            continue
        wanted = ("NOUN",) if k >= at else ("ADJF", "PRTF", "NUMR")
        fitting = [p for p in parses if p.tag.POS in wanted]
        fitting = [p for p in fitting if case in p.tag.grammemes] or fitting
        # «Аким»: a title before a first name of that spelling
        parse = next(
            (p for p in fitting if not {"Name", "Surn", "Patr"} & set(p.tag.grammemes)), None
        )
        parse = parse or next(iter(fitting), None)
        inflected = parse.inflect({to, parse.tag.number or "sing"}) if parse else None
        if inflected is None:
            return None
        new = inflected.word
        named = {"Name", "Surn", "Geox", "Orgn"} & set(parse.tag.grammemes)
        title = word.casefold().startswith(POSITION_WORDS)  # «Аким …» is also a first name
        capital = word[:1].isupper() and not (opens and k == 0 and (title or not named))
        out.append(new[:1].upper() + new[1:] if capital else new)
    return " ".join(out)


def _run_around(tokens: list[Any], at: int, kept: set[str]) -> tuple[int, int]:
    """The first and last index of the unbroken run of `kept` tokens around `at`; a comma
    between two of them does not break it («Концерт, посвящённый …»)."""

    def joined(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].id in kept

    def bridged(k: int, step: int) -> bool:
        return joined(k + step) and tokens[k].pos == "PUNCT" and tokens[k].text not in ".!?"

    low = high = at
    while joined(low - 1) or bridged(low - 1, -1):
        low -= 1
    while joined(high + 1) or bridged(high + 1, 1):
        high += 1
    return low, high


def _named_after(text: str, words: str) -> str | None:
    """The «…» name written right after a word for an event («круглый стол «…»», «концерт
    под названием «…»»), nested quotes kept."""
    for match in re.finditer(f"(?<!\\w)(?:{words})", text, re.I):
        if "NOUN" not in tags_of(match.group().split()[-1])[0]:
            continue  # «встречали», «праздновали»: a verb, the quotes after it are no event's
        if any(m.end() == match.end() for m in _CAMP_AS_VENUE.finditer(text, 0, match.end())):
            continue  # «в загородном лагере «Солнечный» прошла школа»: where, not what
        if re.search(r"\bв\s+рамках\s+$", text[max(0, match.start() - 12) : match.start()], re.I):
            continue  # «в рамках мероприятия «Дни …» прошёл концерт»: the frame, not the event
        after = text[match.end() : match.end() + 120]
        quote = after.find("«")
        between = after[:quote]
        # «круглый стол «…»», «концерт под названием «…»», «форум национально-культурных
        # объединений Южного Урала и Костанайской области «…»»: one phrase, no verb in it
        if (
            quote >= 0
            and not re.search(r"[.!?\n,;:()]", between)
            and len(between.split()) <= 8
            and not any(tags_of(w)[0] & {"VERB", "INFN", "PRTS", "GRND"} for w in between.split())
            # «концерт в честь юбилея объединения «Союз казаков …»»: the quotes name the body
            and not any(names_org_kind(w) for w in between.split()[-3:])
        ):
            title = quoted_at(text, match.end() + quote)
            if title and len(title.strip("«» ")) >= 5:  # «Туган жер»
                return title
    return None


def _called(text: str) -> str | None:
    """The name an event is given «под названием «…»» in its sentence, after the words
    telling of it («концерт, посвящённый Дню …, под названием «…»»); not a body's name
    («концерт ансамбля под названием «…»»)."""
    events = f"(?<!\\w)(?:{_MAIN_EVENT_WORDS}|{_OTHER_EVENT_WORDS}|мероприяти\\w*)"
    for found in re.finditer(r"под\s+названием\s+(?=«)", text, re.I):
        sentence = re.split(r"[.!?\n]", text[: found.start()])[-1]
        told = list(re.finditer(events, sentence, re.I))
        if not told or "NOUN" not in tags_of(told[-1].group().split()[-1])[0]:
            continue
        if any(names_org_kind(w) for w in sentence[told[-1].end() :].split()):
            continue
        title = quoted_at(text, found.end())
        if title and len(title.strip("«» ")) >= 5:
            return title
    return None


def quoted_event_names(text: str) -> set[str]:
    """Every «…» written right after a word for an event («на форуме «Сообщество»»,
    «фестиваля «Мост дружбы»»): names of events, whatever the tagger took them for."""
    names = set()
    for match in EVENT_WORDS.finditer(text):
        quote = re.match(r"\s*«", text[match.end() : match.end() + 3])
        if quote is not None:
            name = quoted_at(text, match.end() + quote.end() - 1)
            if name:
                names.add(name)
    return names


def event_status(text: str, sentences: list[tuple[int, int]]) -> str:
    """«announced» when the sentences about the event speak of it in the future tense."""
    about = [text[a:b] for a, b in sentences if EVENT_WORDS.search(text[a:b])][:3] or [
        " ".join(body_lines(text)[:2])
    ]
    future = sum(bool(_FUTURE.search(s)) for s in about)
    past = sum(bool(_PAST.search(s)) for s in about)
    return "announced" if future > past else "held"


# «Центр образован 19 июля 1997 г.»: when a body was founded, not when the event was
_FOUNDED = re.compile(
    r"\b(?:образова|созда|основа|учрежд[её]|зарегистрирова)н(?:н\w+|[аоы])?\b", re.I
)  # «образован», «создана», «основанный»; not «управление образования», «создание»


def _founding(body: str, found: re.Match[str]) -> bool:
    """Whether the sentence around `found` tells of a founding."""
    start = max(body.rfind(".", 0, found.start()), body.rfind("\n", 0, found.start()))
    stop = min(
        (at for at in (body.find(".", found.end()), body.find("\n", found.end())) if at >= 0),
        default=len(body),
    )
    return _FOUNDED.search(body[start + 1 : stop]) is not None


def _first_not_founding(pattern: re.Pattern[str], body: str) -> re.Match[str] | None:
    """The first date `pattern` finds in `body` outside a sentence that tells of a founding."""
    return next((f for f in pattern.finditer(body) if not _founding(body, f)), None)


def event_date(text: str, sentences: list[tuple[int, int]]) -> tuple[dict[str, int], str | None]:
    """The event's date: the first date the article gives (the first day of a range), with
    the year from it, else from the page's dateline or the nearest year in the text (then
    `inferred`); with no date in the text, the dateline's month and year."""
    body = "\n".join(body_lines(text))
    # «КОСТАНАЙ, 6 июля – ИА …»: a news agency's dateline dates the report, not the event
    agency = re.search(rf"^[А-ЯЁ][А-ЯЁ -]{{2,}},\s*(\d{{1,2}})\s+{MONTH_RE}\b", body, re.M)
    if agency is not None:
        body = body[: agency.start()] + body[agency.end() :]
    # «Саратов. 7 сентября 2019 года. …» opening the body, «5 октября 2022 г. 23:21» with the
    # hour it was posted: the report's date, as a stamp, not the event's
    posted = None if agency else _POSTED.search(body)
    if posted is not None and posted.group(1) and not country_of(re.split(r"[.,]", posted[0])[0]):
        posted = None  # «Сегодня, 5 октября …»: no city, so no dateline
    if posted is not None and not posted.group(1) and posted.start() > _TOP:
        posted = None  # «пройдёт 20 мая 2023 года, 18:00»: an event's hour, in the text
    if posted is not None:
        body = body[: posted.start()] + body[posted.end() :]
    # «8–10 июля», «с 8 по 10 июля»: the first day
    ranged = re.compile(
        rf"\b(\d{{1,2}})\s*(?:[–—-]|по)\s*\d{{1,2}}\s+{MONTH_RE}(?:\s+(\d{{4}}))?", re.I
    )
    day = _first_not_founding(ranged, body) or _first_not_founding(_DAY_DATE, body)
    month = _first_not_founding(_MONTH_DATE, body)
    first = min((m for m in (day, month) if m), key=lambda m: m.start(), default=None)
    dateline = DATELINE.search(text[:300])
    page = page_date(text)
    if page is None and posted is not None:
        day_at = 1 if posted.group(1) else 4
        page = (
            int(posted.group(day_at + 2)),
            month_number(posted.group(day_at + 1)),
            int(posted.group(day_at)),
        )
    if page is not None and agency is not None:
        page = (page[0], month_number(agency.group(2)), int(agency.group(1)))
    stamp = None
    if page is not None:
        stamp = page[:2]
    elif dateline:
        if dateline.group(3):
            stamp = (int(dateline.group(3)), int(dateline.group(2)))
        else:
            stamp = (int(dateline.group(4)), int(dateline.group(5)))
    # «Вчера в Кургане прошёл …»: a day counted from the page's date, when no date comes first.
    relative = re.search(r"\b(" + "|".join(_RELATIVE_DAYS) + r")\b", body, re.I)
    weekday = _PAST_WEEKDAY.search(body)
    if weekday and (relative is None or weekday.start() < relative.start()):
        relative = weekday
    if page is not None and relative and (first is None or relative.start() < first.start()):
        import datetime as dt

        published = dt.date(*page)
        if relative is weekday:
            # «в минувшее воскресенье», «в выходные»: the last such day before the page's date
            wanted = _WEEKDAYS[weekday.group(1).casefold()[:5]]
            back = (published.weekday() - wanted) % 7 or 7
            when = published - dt.timedelta(days=back)
        else:
            when = published + dt.timedelta(days=_RELATIVE_DAYS[relative.group(1).casefold()])
        sentence = sentence_of(sentences, text.find(relative.group(0)), text)
        return {"year": when.year, "month": when.month, "day": when.day, "inferred": 1}, sentence
    if first is None:
        if stamp:
            return {"year": stamp[0], "month": stamp[1]}, None
        # «17 октября | 11:20» above a report «к 30-летию Независимости»: the month from the
        # page, the year from the anniversary
        yearless = next(
            (
                found
                for line in text.splitlines()[:15]
                if is_page_line(line.strip()) and (found := _DAY_DATE.search(line))
            ),
            None,
        )
        year = _anniversary_year(body)
        if yearless is not None and year is not None:
            return {"year": year, "month": month_number(yearless.group(2)), "inferred": 1}, None
        if year is not None:  # «отметили 20-летний юбилей. Центр образован в 1997 г.»
            return {"year": year, "inferred": 1}, None
        return {}, None
    sentence = sentence_of(sentences, text.find(first.group(0)), text)
    if first is month:
        return {"month": month_number(month.group(1)), "year": int(month.group(2))}, sentence
    found = {"month": month_number(first.group(2)), "day": int(first.group(1))}
    if first.group(3):
        found["year"] = int(first.group(3))
    elif stamp:
        found["year"] = stamp[0]
        found["inferred"] = 1
    else:
        years = [
            (abs(m.start() - first.start()), int(m.group(1)))
            for m in re.finditer(r"\b(19[5-9]\d|20\d\d)\s*(?:года|г\.|год)", body)
            if not _founding(body, m)
        ]
        if years:
            found["year"] = min(years)[1]
            found["inferred"] = 1
    return found, sentence


# Years every reader here knows an anniversary from
_ANNIVERSARIES = (("независимост", 1991), ("дипломатическ", 1992), ("побед", 1945))

# When the one whose anniversary it is was founded: «Центр образован 19 июля 1997 г.»
_FOUNDED = re.compile(
    rf"\b(?:образован|создан|основан|учрежд[её]н)\w*\s+(?:в\s+)?(?:\d{{1,2}}\s+{MONTH_RE}\s+)?"
    r"(?P<year>1\d{3}|20\d\d)\s*(?:г\b|г\.|год)",
    re.I,
)


def _anniversary_year(body: str) -> int | None:
    """«к 30-летию Независимости» → 2021; «30-летию объединения … Созданный в 1994 году» →
    2024; «325-летию хана Абулхаира (1693–1748)» → 2018; «отметили 20-летний юбилей. Центр
    образован 19 июля 1997 г.» → 2017."""
    found = re.search(
        r"\b(\d{1,3})(?:-?лети[юяеи]\w*|[- ]?летн\w+\s+юбиле\w*)[\s.,:;]+(.{0,200})",
        body,
        re.I | re.S,
    )
    if found is None:
        return None
    years, after = int(found.group(1)), found.group(2)
    born = re.search(r"\((1\d{3}|20\d\d)\s*[–—-]", after) or re.search(
        r"\b(?:в|с)\s+(1\d{3}|20\d\d)\s+год", after
    )
    if born is not None:
        return int(born.group(1)) + years
    founded = [int(m.group("year")) for m in _FOUNDED.finditer(body)]
    if len(set(founded)) == 1:
        return founded[0] + years
    lowered = after[:60].casefold()
    return next((start + years for stem, start in _ANNIVERSARIES if stem in lowered), None)
