"""A news page's structure: furniture lines, the headline, the lede, the publisher's own name
and the sources it cites, and the page's date stamp.
"""

from __future__ import annotations

import re

from drafting.nlp import Span
from drafting.words import MONTH_RE, month_number, tags_of

# Page furniture: lines that are never a headline (timestamps, counters, reading time …).
_FURNITURE = re.compile(
    r"^(?:\d{1,2}[./:]\d{2}(?:[./]\d{2,4})?(?:\s+\d{1,2}:\d{2})?|\d+|date\s+\d{4}-\d{2}-\d{2}"
    r"|примерное время чтения.*|время чтения.*|просмотр.*|мероприятия\.?|новости(?:\s+\w+){0,2}\.?"
    r"|версия для слабовидящих.*|поделиться.*|главная.*|читать также.*|фото.*|источник.*"
    r"|лента новостей|все новости|другие новости)$",
    re.I,
)


DATELINE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b|\bdate\s+(\d{4})-(\d{2})-(\d{2})\b")


def body_lines(text: str) -> list[str]:
    """The article's lines without page furniture (a stamp glued to a line is cut off)."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", line).strip()
        if line and not is_page_line(line):
            out.append(line)
    return out


# A full date as a page writes it: «24 мая 2023», «12.03.2024», «21-11-2022», «2024-03-12».
# A page's stamp may shorten the month: «25 Апр 2017», «3 сент. 2021»
_STAMP_MONTH_RE = MONTH_RE[:-1] + r"|янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)\.?"


_FULL_DATE = re.compile(
    rf"\b(\d{{1,2}})\s+{_STAMP_MONTH_RE}\s+(\d{{4}})|\b(\d{{1,2}})[./-](\d{{1,2}})[./-](\d{{4}})\b"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b",
    re.I,
)


_PAGE_WORDS = re.compile(
    r"^(опубликовано|обновлено|рубрика|просмотр|комментари|автор|фото|источник|теги|поделиться"
    r"|печать)",
    re.I,
)


# The publisher's address at the top or foot of a page: «… п.Володарский, пл.Октябрьская, 2»
_ADDRESS = re.compile(
    r"\b(?:ул|пл|пр|просп|пер|наб|мкр|б-р)\.\s*[А-ЯЁ0-9][\w.-]*(?:\s+[\w.-]+)?,?\s*(?:д\.\s*)?\d+\w?\s*$"
)


def is_page_line(line: str) -> bool:
    """Page furniture rather than the article: a menu («Главная   Новости», «RU | KZ»), a
    counter, a dateline («12 марта 2024, 14:30», «Челябинск, 24 мая 2023 г. | Рубрика: …»)."""
    if _FURNITURE.match(line):
        return True
    if len(line) > 120:
        return False
    if "|" in line or re.search(r"\S\s{3,}\S", line) or _PAGE_WORDS.match(line):
        return True
    if len(line.split()) >= 2 and line.isupper():
        return True
    if _ADDRESS.search(line) and not any(tags_of(w)[0] & {"VERB", "PRTS"} for w in line.split()):
        return True  # an address, not a sentence that ends with one
    dated = _FULL_DATE.search(line)
    if dated is not None:
        rest = re.sub(r"\d{1,2}:\d{2}|г\.|года?", " ", _FULL_DATE.sub(" ", line))
        # «15 июля 2022, 09:30 · Просмотры: 527 · Поделиться»: counters and buttons too
        words = [
            w for w in re.findall(r"\w+", rest) if not w.isdigit() and not _PAGE_WORDS.match(w)
        ]
        return len(words) <= 2
    return False


def page_line_ranges(text: str) -> list[tuple[int, int]]:
    """Where the page furniture lines are in the text (start, stop): menus, counters and
    datelines anywhere, and the byline between the headline and the body («Екатерина …»,
    «собственный корреспондент по …»)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    headline = headline_of(text)
    first = next((line for line in lines if is_paragraph(line)), None)
    top = text.find(headline) + len(headline) if headline and headline in text else -1
    body = text.find(first) if first else -1
    out, at = [], 0
    for line in text.splitlines(keepends=True):
        bare = line.strip()
        between = 0 <= top <= at and (body < 0 or at < body)
        if bare and (is_page_line(bare) or (between and _is_byline(bare))):
            out.append((at, at + len(line)))
        at += len(line)
    return out


def page_date(text: str) -> tuple[int, int, int] | None:
    """The page's own date (year, month, day) from its furniture: when it was published."""
    for line in text.splitlines()[:15]:
        line = line.strip()
        if not line or not is_page_line(line):
            continue
        found = _FULL_DATE.search(line)
        if found is None:
            continue
        g = found.groups()
        if g[0]:
            return int(g[2]), month_number(g[1]), int(g[0])
        if g[3]:
            return int(g[5]), int(g[4]), int(g[3])
        return int(g[6]), int(g[7]), int(g[8])
    return None


def headline_of(text: str) -> str:
    """The line just above the article's first paragraph, unless that line is page furniture
    (a dateline, a menu): the site's own name or slogan at the top of the page is no
    headline. A text with no paragraph (a short note) has its first line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [re.sub(r"^date\s+\d{4}-\d{2}-\d{2}\s*", "", line) for line in lines]
    paragraph = next((k for k, line in enumerate(lines) if is_paragraph(line)), None)
    if paragraph is None:
        kept = body_lines(text)
        return kept[0] if kept else ""
    if paragraph == 0:
        return lines[0]  # the text begins with its body: a sentence, never a headline
    above = paragraph - 1
    # «В Оренбуржье пройдут Дни …» / «25 Апр 2017» / body: a date stamped under the headline
    # … or a subheading that refers back to the headline («Он проходил 25–27 августа …»)
    # … or what a news page puts between its headline and its body: a photo's caption and
    # credit («… / Юлия Курганова / АиФ»), an agency's dateline («Оренбург, 20 мая - АиФ.»)
    while above > 0 and (
        _is_date_line(lines[above])
        or _is_byline(lines[above])
        or (_ANAPHORIC.match(lines[above]) and not is_page_line(lines[above - 1]))
        or _CAPTION.search(lines[above])
        or (is_page_line(lines[above]) and _FULL_DATE.search(lines[above]))
        or _AGENCY_DATELINE.match(lines[above])
        or _is_caption_sentence(lines[above], lines[above - 1])
        or _is_standfirst(lines[above], lines[above - 1])
        or _RUBRIC.fullmatch(lines[above])
    ):
        above -= 1
    return "" if is_page_line(lines[above]) else lines[above]


# «- Международные отношения», «• Культура»: a bulleted rubric or tag of a few words
_RUBRIC = re.compile(r"[-–—•·]\s*\w+(?:[ ,]+\w+){0,3}")


def _is_standfirst(line: str, above: str) -> bool:
    """«Жители Павлодара встречают гостей …»: a sentence with its full stop under a line with
    none is the article's lead; the line above it, like any headline, has no full stop."""
    return (
        line.endswith(".")
        and len(line.split()) >= 4
        and not above.endswith((".", "!", "?", ":"))
        and len(above.split()) >= 3
        and not is_page_line(above)
    )


def _is_byline(line: str) -> bool:
    """What a page prints between its headline and its body about who wrote it and where it
    comes from: «собственный корреспондент по …», the author's name alone, a view counter or
    a date with a bullet («1511», «• 21.04.2025»), the site's name in Latin letters («Malim
    kz») or its address («assembly.spb.ru»)."""
    words = line.split()
    if _BYLINE.match(line) or re.fullmatch(r"[\d\s•·.:/,-]+", line):
        return True
    if re.fullmatch(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?", line):
        return True
    if len(words) <= 4 and re.fullmatch(r"[A-Za-z0-9 .,:&'’-]+", line):
        return True
    return (
        2 <= len(words) <= 3
        and all(re.fullmatch(r"[А-ЯЁ][а-яё-]+", w) for w in words)
        and "Name" in tags_of(words[0])[0]
    )


# … or the desk that wrote it: «Редакция портала «Русский мир»», «Редакция сайта»
_BYLINE = re.compile(
    r"(?:[сc]обственн\w+\s+|спец)?корреспондент\w*\b|автор\b|редакци[яи]\b(?!\s+(?:закон|документ))",
    re.I,
)


# «Оренбург, 20 мая - АиФ-Оренбург.», «КОСТАНАЙ, 6 июля – ИА «Тобол-Инфо».»
_AGENCY_DATELINE = re.compile(rf"[А-ЯЁ][\w -]{{2,}},\s*\d{{1,2}}\s+{MONTH_RE}\s*[–—-]", re.I)


def _is_caption_sentence(line: str, above: str) -> bool:
    """A photo's caption under a headline: a short sentence, or one with its credit after a
    slash, that repeats words of the line above it."""
    words = re.findall(r"\w{4,}", line.casefold())
    short = (line.endswith(".") and len(line.split()) < 12) or " / " in line
    return bool(short and words) and sum(w in above.casefold() for w in words) * 2 >= len(words)


# A photo's caption under a headline: «cover Фото: сайт посольства …», «Фото: Иван Петров».
# … or its credit alone: «фото автора», «Фото пресс-службы акимата»
_CAPTION = re.compile(
    r"(?:^|\s)фото\s*:|^фото\s+(?:автора|редакции|из\s+открытых\s+источников|пресс-служб\w*\b.*)$",
    re.I,
)


# A line beginning with a pronoun for something named before it continues that line.
_ANAPHORIC = re.compile(r"(?:он|она|оно|они)\b", re.I)


def publisher_ranges(text: str) -> list[tuple[int, int]]:
    """Where a page names its publisher: the lines above the headline (the site's own name
    and slogan) and a news agency's dateline («КОСТАНАЙ, 6 июля – ИА «Тобол-Инфо».»)."""
    ranges = []
    headline = headline_of(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    top = text.find(headline) if headline else -1
    if top < 0:  # no headline: the page's top is what comes before the first paragraph
        first = next((line for line in lines if is_paragraph(line)), None)
        top = text.find(first) if first else 0
    ranges.append((0, max(0, top)))
    for found in re.finditer(
        rf"^[А-ЯЁ][А-ЯЁ -]{{2,}},\s*\d{{1,2}}\s+{MONTH_RE}\s*[–—-]\s*[^.\n]{{2,60}}[.\n]",
        text,
        re.M | re.I,
    ):
        ranges.append((found.start(), found.end()))
    return ranges


# «передаёт Kaznovosti.kz», «сообщили корреспонденту ИА …», «сообщает сайт …»: who reports
_REPORTS = (
    r"сообща\w*|переда[её]т|передают|пишет|пишут|информирует|по данным|по информации|"
    r"со ссылкой на"
)
_REPORTED_BY = re.compile(
    rf"(?:{_REPORTS}|по материалам|редакция|источник:?)[\s«\"]+(?:\w+[\s«\"]+){{0,2}}$",
    re.I,
)

# An agency's dateline at the start of a line: «НУР-СУЛТАН, 1 июн — Sputnik.», «ПАВЛОДАР.
# КАЗИНФОРМ - Молодежный форум …», «Астрахань. 28 ноября. ИНТЕРФАКС-ЮГ - …»: a place and a
# day may come first, a dash before or after the name
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)\s*(?:[А-ЯЁ][А-ЯЁа-яё-]+(?:\s[А-ЯЁ][А-ЯЁа-яё-]+)?[.,]\s*)?"
    r"(?:\d{1,2}\s+[а-яё]+\.?,?\s*)?(?:[-–—]\s*)?$"
)


def is_news_source(text: str, span: Span) -> bool:
    """An agency, a site or a paper the article cites as its source, not one that took part:
    right after «сообщает», «передаёт», «по данным»; a site's address; «ИА …»."""
    if re.search(r"\.(?:ru|kz|com|org|net|рф|қаз)$", span.text.strip(), re.I):
        return True
    if re.match(r"(?:ИА|информационное агентство)\b", span.text.strip(), re.I):
        return True
    if _REPORTED_BY.search(text[max(0, span.start - 60) : span.start]) is not None:
        return True
    before = text[max(0, span.start - 60) : span.start]
    after = text[span.stop : span.stop + 4]
    # (a brand in capitals or Latin letters: «Фонд «Степь» – организатор …» is no agency)
    name = span.text.strip()
    brand = name.isupper() or bool(re.fullmatch(r"[A-Za-z][\w .-]*", name))
    dash_after = brand and re.match(r"\s*[-–—]\s", after) is not None
    dated = re.search(r"[-–—]\s*$", before) is not None
    at_line_end = re.match(r"\s*(?:[.\n]|$)", after) is not None
    return _DATELINE_BEFORE.search(before) is not None and (dash_after or (dated and at_line_end))


# «сообщает пресс-служба …», «передаёт телеграм-канал …», «Фото предоставлено …», «© Photo:
# …»: the body whose service, channel or photo the report comes from
_CREDITED_TO = re.compile(
    rf"(?:(?:{_REPORTS}) +(?:пресс-служб\w+|телеграм-канал\w*|telegram-канал\w*|канал\w*|"
    r"сайт\w*|портал\w*|страниц\w+|аккаунт\w*)"
    r"|(?<!на )фото(?:графии)? *(?::|предоставлен\w*|пресс-служб\w+)"
    r"|© *\w* *:? *(?:предоставлен\w*)?)"
    r" *(?:в +)?((?:[а-яё-]+ +){0,2})$",  # on one line: «Фото:» alone captions nothing below
    re.I,
)

# A pronoun in the rest of a body's sentence may be its: «в акции участвовали его сотрудники»
# (a clause hung on the body itself — «…, организовавшей форум» — the syntax tells)
_REFERRED_BACK = re.compile(r"\b(?:его|её|ее|их|свой|своего|своей|свои|своих)\b", re.I)


def is_credited(text: str, span: Span) -> bool:
    """Whether a body is named as the one whose press service, channel, site or photo the
    report comes from («сообщает телеграм-канал Русского дома», «Фото предоставлено
    Российским центром …»), and its sentence says nothing more of it: it is mentioned."""
    credit = _CREDITED_TO.search(text[max(0, span.start - 80) : span.start])
    if credit is None:
        return False
    # whose it is, in the genitive or the instrumental, with the words between («пресс-служба
    # областного акимата»): «сайт Kazinform» is the agency itself, and «пресс-служба совместно
    # с Ассамблеей» credits no one
    # («Фото предоставлено пресс-службой университета …»: the service between is the body's)
    between = [w for w in credit.group(1).split() if not w.casefold().startswith("пресс-служб")]
    first = span.text.split()[0].strip('«»"')
    if not first[:1].isalpha() or not all(
        tags_of(w)[1] & {"gent", "ablt"} for w in [*between, first]
    ):
        return False
    stop = min((at for c in ".!?\n" if (at := text.find(c, span.stop)) >= 0), default=len(text))
    return _REFERRED_BACK.search(text[span.stop : stop]) is None  # a source, nothing more


def is_paragraph(line: str) -> bool:
    """A line of the article's body: long, or a sentence of a dozen words."""
    return len(line) >= 150 or (line.endswith((".", "!", "?")) and len(line.split()) >= 12)


def _is_date_line(line: str) -> bool:
    """A line that holds a date or a time and nothing else («25 Апр 2017», «12.03.2024 14:30»),
    or a day and month with the time and a view counter («24 Октября, 13:59 946»)."""
    rest = re.sub(r"\d{1,2}:\d{2}|г\.|года?|[|·,]", " ", _FULL_DATE.sub(" ", line))
    rest = re.sub(r"\([^)]*\)", " ", rest)  # «17 Мая 2011г. (13 Джумада ас-сани)»
    if _FULL_DATE.search(line) is not None and not rest.strip():
        return True
    stamped = _DAY_MONTH_TIME.fullmatch(line.strip())
    return stamped is not None


# «24 Октября, 13:59 946»: a day, a month, a time and the page's view counter
_DAY_MONTH_TIME = re.compile(
    rf"\d{{1,2}}\s+{_STAMP_MONTH_RE}\s*,?\s*\d{{1,2}}:\d{{2}}(?:\s+\d+)?", re.I
)


def lede_of(text: str) -> str:
    """The headline and the first two sentences of the body: where a page names what it
    reports on («… фестиваль «Созвездие Тобола»»), not a festival someone once took part in."""
    body = "\n".join(body_lines(text))
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[«А-ЯЁA-Z])", body)]
    return body[: ends[2]] if len(ends) > 2 else body


_TOP_OF_PAGE = 400  # characters: where a page's stamp, counter and authors are


# A header the page puts above links to its other news: «Читайте также:», «По теме»
_RELATED = re.compile(
    r"^[ \t]*(?:(?:читайте|читать|смотрите)\s+также|см\.\s+также|(?:новости|материалы)\s+по\s+"
    r"теме|по\s+теме|ещ[её]\s+по\s+теме|похожие\s+(?:новости|материалы|статьи)|другие\s+новости"
    r"|рекомендуем)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_RELATED_AFTER = 300  # characters: a header above that is a menu, no end of the article


def without_related(text: str) -> str:
    """The article without the links to other news a page prints after a header of its own
    line («Читайте также:»): the header and the lines after it that end in no full stop —
    each link is another story's headline («Назарбаев поздравил …»), none of this event's
    people or bodies. A line that ends a sentence is the article again."""
    for found in _RELATED.finditer(text):
        if found.start() < _RELATED_AFTER:
            continue
        stop = found.end()
        for line in re.finditer(r"[^\n]*(?:\n|$)", text[found.end() :]):
            if re.search(r"[.!?…]\s*$", line.group()) or not line.group():
                break
            stop = found.end() + line.end()
        return text[: found.start()] + without_related(text[stop:])
    return text


def without_bylines(text: str, spans: list[Span]) -> list[Span]:
    """Without the authors a page with no line breaks prints after its stamp and view counter
    («… 23:21 5870 Наталия Хомс, Ксения Денисова Международный фестиваль …»): a list of
    names near the top, right after a number, with no word of theirs after it: the text goes
    on with a capital letter, a full stop or a line break, not a verb, title or place."""
    people = [s for s in spans if s.type == "PER"]
    dropped: set[int] = set()
    k = 0
    while k < len(people):
        first = people[k]
        if first.start >= _TOP_OF_PAGE or not re.search(r"\d\s+$", text[: first.start]):
            k += 1
            continue
        last = k  # the names listed after it: «Наталия Хомс, Ксения Денисова»
        while last + 1 < len(people) and re.fullmatch(
            r",?\s*(?:и\s+)?", text[people[last].stop : people[last + 1].start]
        ):
            last += 1
        if re.match(r"\s*(?:$|[^\sа-яёa-z,:(–—-])", text[people[last].stop :]):
            dropped.update(p.start for p in people[k : last + 1])
        k = last + 1
    return [s for s in spans if s.type != "PER" or s.start not in dropped]
