"""Word-level helpers for drafting: pymorphy3's tags and lemmas, a phrase with its head in the
nominative, quotes, months, and the lexicon of titles (the words a position begins with).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "мае": 5, "май": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip


MONTH_RE = "(январ[яе]|феврал[яе]|марта?|марте|апрел[яе]|ма[яей]|июн[яе]|июл[яе]|августа?|августе|сентябр[яе]|октябр[яе]|ноябр[яе]|декабр[яе])"  # noqa: E501


# Words a position starts with: «президент», «заведующая кафедрой», «депутат» …
POSITION_WORDS = (
    "президент", "вице-президент", "директор", "исполнительный", "генеральный", "руководител",
    "заведующ", "профессор", "доцент", "ведущий", "старший", "научный", "председател",
    "заместител", "депутат", "сенатор", "глава", "министр", "вице-министр", "член", "секретар",
    "координатор", "эксперт", "основател", "сооснователь", "ректор", "проректор", "декан",
    "начальник", "советник", "представител", "аким", "губернатор", "мэр", "специалист",
    "менеджер", "куратор", "активист", "журналист", "редактор", "главный", "исследовател",
    "первый", "почетный", "почётный", "доктор", "кандидат", "академик", "пресс-секретар",
    "посол", "чрезвычайный", "эколог", "историк", "этнолог", "политолог", "экономист",
    "социолог", "юрист", "писател", "поэт", "художник", "дипломат", "народный", "консул",
    "атташе", "лидер", "инструктор", "преподавател", "учител", "блогер", "волонтер", "волонтёр",
    "вице-", "сотрудник", "ответственн", "фермер", "врач", "инженер", "атаман", "педагог",
    "методист", "корреспондент", "обозревател", "тренер", "музыкант", "певец", "певиц",
    "артист", "библиотекар", "аспирант", "магистрант", "студент", "ведущ", "советник",
    "гражданин", "ветеран", "лауреат", "пенсионер", "краевед", "психолог", "деятель",
)  # fmt: skip


# Nouns for people that say nothing of what they do
_NOT_TITLES = frozenset(
    "гость житель участник человек друг ребёнок ребенок сын дочь мать отец коллега земляк "
    "соотечественник зритель слушатель победитель призёр призер уроженец выходец "
    # and the women's forms, which the dictionary lemmatises apart
    "участница жительница гостья землячка соотечественница зрительница слушательница "
    "победительница уроженка".split()
)


# How a word for someone from a place is made of the place's name: «тюмен|ец» (Тюмень),
# «росси|янин» (Россия), «ом|ич» (Омск), «казахстан|ка»
_RESIDENT_SUFFIXES = ("чанин", "анин", "янин", "ичка", "ец", "ка", "ич")
_PLACE_ENDINGS = ("", "ь", "а", "я", "ия", "ск", "й", "ы", "и")


def names_a_resident(lemma: str) -> bool:
    """«тюменец», «омичка», «россиянин», «казахстанец»: where someone is from, no title. The
    word less its suffix, with an ending a place's name has, is a place the dictionary knows."""
    from search.textnorm import _analyzer

    for suffix in _RESIDENT_SUFFIXES:
        stem = lemma.removesuffix(suffix)
        if stem == lemma or len(stem) < 2:
            continue
        for ending in _PLACE_ENDINGS:
            place = stem + ending
            if _analyzer().word_is_known(place) and any(
                "Geox" in p.tag.grammemes for p in _analyzer().parse(place)[:3]
            ):
                return True
    return False


# Holidays by the stems of their names (Russian, Kazakh, Tatar, Yakut), and the words a
# holiday is called with: a tagger takes «Наурыз мейрамы» for a body, «Ивана Купала» for a man
_HOLIDAY_STEMS = (
    "наурыз", "навруз", "новруз", "нооруз", "маслениц", "сабантуй", "сабантуя", "курбан",
    "ораза", "нардуган", "ысыах", "сурхарбан", "купал", "святк", "коляд",
)  # fmt: skip
_HOLIDAY_WORDS = ("мейрам", "мереке", "мерекес", "айт", "той", "праздник", "иван", "день", "дня")
# The endings a holiday's word takes in Russian and Kazakh text: «Наурыза», «Масленицу»,
# «мейрамы» — not «Наурызбай» or «Айтбай», people named after it
_HOLIDAY_ENDINGS = frozenset("- а у ом е ы ой ю я и ей ем сі і".split()) | {""}


def _of_a_holiday(word: str, stems: tuple[str, ...]) -> bool:
    return any(word.startswith(s) and word[len(s) :] in _HOLIDAY_ENDINGS for s in stems)


def names_a_holiday(name: str) -> bool:
    """«Наурыз мейрамы», «Масленица», «Ивана Купала»: a holiday's name, no body's or
    person's. Every word is a holiday's or a word a holiday is called with, in one of its
    forms, and one names the holiday."""
    words = [w.casefold() for w in re.findall(r"[\w-]+", name)]
    if any(SURNAME_END.search(w) for w in words):
        return False  # «Купалов»: a surname made of a holiday's name
    return any(_of_a_holiday(w, _HOLIDAY_STEMS) for w in words) and all(
        _of_a_holiday(w, _HOLIDAY_STEMS + _HOLIDAY_WORDS) for w in words
    )


def titles_a_person(word: str) -> bool:
    """A word a title begins with: one of the known titles, or any noun the dictionary knows
    as naming a person («вокалистка», «звукорежиссёр»), not a name and not one that says
    nothing of what they do («гость», «житель»)."""
    word = word.casefold().strip('«»"(),.')
    from search.textnorm import _analyzer

    parse = _analyzer().parse(word)[0]
    grammemes = set(parse.tag.grammemes)
    # «певцы»: a title whose stem changes in its forms is known by its lemma
    if word.startswith(POSITION_WORDS) or parse.normal_form.startswith(POSITION_WORDS):
        # «краеведения», «секретариата» begin as titles do but name no one
        return not (parse.tag.POS == "NOUN" and "inan" in grammemes)
    if not _analyzer().word_is_known(word):
        return False
    return (
        parse.tag.POS == "NOUN"
        and {"anim", "sing"} <= grammemes
        and not {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & grammemes
        and parse.normal_form not in _NOT_TITLES
        and not names_a_resident(parse.normal_form)
    )


def typographic_quotes(text: str) -> str:
    """Straight quotes as the typographic ones the rest reads, one character for one so that
    every offset stays: an opening one at a line's start or after a space or bracket, else a
    closing one («МАУ "Центр культуры"» → «МАУ «Центр культуры»»)."""
    return re.sub(r'(?:(?<=^)|(?<=[\s(\[«]))"', "«", text, flags=re.M).replace('"', "»")


def balance_quotes(text: str) -> str:
    """Tidy an organization's name: no dangling «(РФ», closing quote restored, no space
    inside the quotes («Славяне » → «Славяне»)."""
    text = re.sub(r"\s*\([^)]*\)?\s*$", "", text.strip()).strip(" ,;:()")
    text = re.sub(r"«\s+", "«", re.sub(r"(?<=\S)\s+»", "»", text))
    if text.count("«") > text.count("»"):
        text += "»"
    return text


def sentence_of(sentences: list[tuple[int, int]], position: int, text: str) -> str:
    for start, stop in sentences:
        if start <= position < stop:
            return " ".join(text[start:stop].split())
    return ""


def tags_of(word: str) -> tuple[set[str], set[str]]:
    """Grammemes of the best parse, and of the first three together (pymorphy3)."""
    from search.textnorm import _analyzer

    parses = _analyzer().parse(word.strip(".,"))[:3]
    if not parses:
        return set(), set()
    return set(parses[0].tag.grammemes), set().union(*(set(p.tag.grammemes) for p in parses))


def known_word(word: str) -> bool:
    """In the dictionary, not guessed from its ending."""
    from search.textnorm import _analyzer

    return _analyzer().word_is_known(word.casefold())


def begins_with_title(name: str) -> bool:
    """«Посол Российской Федерации …» is a title the tagger took for a name; «Экспертной
    платформы …» begins with an adjective, not with the title «эксперт»."""
    words = [w.strip('«»"') for w in name.split()]
    first = words[0]
    # (a person: «Посольство», «Консульство», «акимат» begin as titles do but are bodies)
    if first.casefold().startswith(POSITION_WORDS) and {"NOUN", "anim"} <= tags_of(first)[0]:
        return True
    # «Полномочный Посол Республики Казахстан»: adjectives, then a noun naming a person
    k = 0
    while k < len(words) - 1 and "ADJF" in tags_of(words[k])[0] and not words[k].isupper():
        k += 1
    return k > 0 and "NOUN" in tags_of(words[k])[0] and titles_a_person(words[k])


def unquoted(marks: str, text: str) -> Iterator[re.Match[str]]:
    """Where `marks` match in `text` outside «quoted names»."""
    depth = 0
    for found in re.finditer(f"«|»|{marks}", text):
        mark = found.group()
        if mark == "«":
            depth += 1
        elif mark == "»":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield found


def outside_quotes_split(text: str) -> list[str]:
    """Clauses split at commas, colons and dashes, but not inside a quoted name
    («Общества дружбы «Россия — Казахстан»»)."""
    parts, start = [], 0
    for found in unquoted(r"[,;:–—]|\s-\s", text):
        parts.append(text[start : found.start()])
        start = found.end()
    return [*parts, text[start:]]


def phrase_nominative(phrase: str) -> str:
    """«общественного фонда» → «общественный фонд», «Омской области» → «Омская область».
    Adjectives agree with the noun after them; words in quotes are names and stay as written."""
    from search.textnorm import _analyzer

    # «20-летнему юбилею»: a number before a hyphen stays, the word after it changes case
    numbers = [re.match(r"\d+-(?=[а-яё])", word) for word in phrase.split()]
    prefixes = [found.group() if found else "" for found in numbers]
    words = [word[len(prefix) :] for word, prefix in zip(phrase.split(), prefixes, strict=True)]
    parses: list[Any] = []
    quoted = False
    for word in words:
        quoted = quoted or "«" in word
        plain = not quoted and re.fullmatch(r"[А-Яа-яЁё-]+", word) and not word.isupper()
        parses.append(_analyzer().parse(word)[0] if plain else None)
        if "»" in word:
            quoted = False
    # «рабочим визитом»: a word read as a noun is an adjective when it agrees with the noun
    # after it
    for k in range(len(words) - 1):
        this, after = parses[k], parses[k + 1]
        if this is None or after is None or this.tag.POS != "NOUN" or after.tag.POS != "NOUN":
            continue
        agreeing = next(
            (
                p
                for p in _analyzer().parse(words[k])
                if p.tag.POS in ("ADJF", "PRTF")
                and p.tag.case == after.tag.case
                and p.tag.number == after.tag.number
            ),
            None,
        )
        if agreeing is not None:
            parses[k] = agreeing
    # Only the head noun and the words before it change: «управления | внутренней политики»
    # → «управление внутренней политики».
    head = head_index(words, parses)
    out = []
    for k, (word, parse) in enumerate(zip(words, parses, strict=True)):
        if head is not None and k > head:
            out.append(word)
            continue
        if parse is None or not {"gent", "datv", "accs", "ablt", "loct"} & set(parse.tag.grammemes):
            out.append(word)
            continue
        wanted = {"nomn"}
        if parse.tag.POS in ("ADJF", "PRTF"):
            noun = next((p for p in parses[k + 1 :] if p is not None and p.tag.POS == "NOUN"), None)
            if noun is not None and noun.tag.gender:
                wanted |= {noun.tag.gender, "sing"} if "sing" in noun.tag else {"plur"}
        inflected = parse.inflect(wanted) or parse.inflect({"nomn"})
        new = inflected.word if inflected is not None else word.casefold()
        new = _both_nouns_inflected(word, new, parse)
        # each part of «Западно-Казахстанский» keeps its capital
        parts = [
            n[:1].upper() + n[1:] if w[:1].isupper() else n
            for n, w in zip(new.split("-"), word.split("-"), strict=False)
        ]
        out.append("-".join(parts) if len(parts) == len(new.split("-")) else new)
    return " ".join(prefix + word for prefix, word in zip(prefixes, out, strict=True))


def _both_nouns_inflected(word: str, new: str, parse: Any) -> str:
    """«дома-музея» → «дом-музей», not «дома-музей»: in a compound of two nouns in one case,
    the first changes too."""
    from search.textnorm import _analyzer

    first, _, second = word.partition("-")
    if not second or new.casefold().split("-")[0] != first.casefold() or parse.tag.POS != "NOUN":
        return new
    front = next(
        (
            p
            for p in _analyzer().parse(first)
            if p.tag.POS == "NOUN" and p.tag.case == parse.tag.case
        ),
        None,
    )
    nominative = front.inflect({"nomn"}) if front is not None else None
    if nominative is None:
        return new
    return f"{nominative.word}-{new.split('-', 1)[1]}"


def kind_singular(phrase: str) -> str:
    """«вокальные группы» → «вокальная группа»: a plural kind of body as one of them is
    called, its adjectives agreeing with the noun; the phrase as it is when it has no noun."""
    from search.textnorm import _analyzer

    words = phrase_nominative(phrase).split()
    parses = [_analyzer().parse(w)[0] for w in words]
    head = next((k for k, p in enumerate(parses) if p.tag.POS == "NOUN"), None)
    noun = parses[head].inflect({"sing", "nomn"}) if head is not None else None
    if noun is None:
        return phrase
    out = []
    for k, (word, parse) in enumerate(zip(words, parses, strict=True)):
        if k < head:
            single = parse.inflect({"sing", "nomn", noun.tag.gender} - {None})
            out.append(single.word if single else word)
        else:
            out.append(noun.word if k == head else word)
    return " ".join(out)


def head_index(words: list[str], parses: list[Any]) -> int | None:
    """Where a phrase's head noun is: its first noun, or an abbreviation («АРОО …») as it is
    written (`parses` holds None for words in quotes and abbreviations)."""
    return next(
        (
            k
            for k, (w, p) in enumerate(zip(words, parses, strict=True))
            if (
                p is not None
                and p.tag.POS == "NOUN"
                # «Окуневском Доме культуры»: a place's adjective the dictionary knows as a
                # surname is not the head when a noun follows
                and not ({"Surn", "Name"} & set(p.tag.grammemes) and k + 1 < len(words))
            )
            # «XV Форума»: a Roman ordinal is no abbreviation
            or (w.isupper() and len(w) > 1 and not re.fullmatch(r"[IVXLC]+", w))
        ),
        None,
    )


def head_in_nominative(raw: str, normal: str) -> str:
    """An organization's name with only its head in the nominative: the tagger's words up to
    the head, the article's after it («Дома дружбы народов» → «Дом дружбы народов», never
    «Дом дружба народы»; «Ассамблеи народа Казахстана» → «Ассамблея народа Казахстана»)."""
    from search.textnorm import _analyzer

    dash = re.compile(r"\s[-–—]\s")
    if len(dash.split(raw)) == len(dash.split(normal)) == 2:
        # «Гражданского альянса – ресурсного центра …»: a body named twice, each with its head
        return " – ".join(
            head_in_nominative(w, t)
            for w, t in zip(dash.split(raw), dash.split(normal), strict=True)
        )
    written, tagged = raw.split(), normal.split()
    if len(written) != len(tagged):
        return normal
    parses = [
        _analyzer().parse(w)[0] if re.fullmatch(r"[А-Яа-яЁё-]+", w) and not w.isupper() else None
        for w in written
    ]
    head = head_index(written, parses)
    if head is None:
        return normal
    front = tagged[: head + 1]
    own = phrase_nominative(" ".join(written[: head + 1])).split()
    if len(own) == head + 1 and any(
        t == w and o != w for t, w, o in zip(tagged[:head], written[:head], own[:head], strict=True)
    ):
        # the tagger left a word before the head as written («Окуневском Доме культуры»,
        # «Западно-Казахстанского государственного университета»)
        front = own
    # «Маслихата», «Акимата»: Kazakh state bodies the dictionary does not know
    kazakh = re.fullmatch(r"(маслихат|акимат)(?:а|у|ом|е)", front[-1].casefold())
    if kazakh and front[-1] == written[head]:
        front = [*front[:-1], front[-1][: len(kazakh.group(1))]]
    elif front[-1] == written[head] and compound_in_full(front[-1]) != front[-1]:
        # «Облдумы», «Заксобрания»: compound abbreviations the tagger leaves as written
        front = [*front[:-1], own[head] if len(own) == head + 1 else front[-1]]
    elif (
        front[-1] == written[head]
        and len(own) == head + 1
        and parses[head] is not None
        and not any("nomn" in p.tag for p in _analyzer().parse(written[head]))
        and _analyzer().word_is_known(written[head])  # not two words run together
    ):
        # the tagger left the head itself in a form no nominative shares («в Консульстве …»,
        # «Синода …»)
        front = own
    return " ".join([*front, *written[head + 1 :]])


# Compound abbreviations of bodies («горсовет», «Заксобрание»): the adjective each first part
# stands for, and the bodies written so
_COMPOUND_PARTS = {
    "гор": "городской", "обл": "областной", "рай": "районный", "гос": "государственный",
    "зак": "законодательный", "ген": "генеральный",
}  # fmt: skip
_COMPOUND_BODIES = {"совет": "Совет", "дума": "Дума", "собрание": "собрание",
                    "администрация": "администрация", "консульство": "консульство"}  # fmt: skip


def compound_in_full(word: str) -> str:
    """«горсовет» → «городской Совет», «Заксобрания» → «Законодательного собрания»: a body's
    compound abbreviation written out in the same case, its capital kept."""
    from search.textnorm import _analyzer

    lower = word.casefold()
    for part, adjective in _COMPOUND_PARTS.items():
        body = lower[len(part) :]
        if not lower.startswith(part):
            continue
        parse = next((p for p in _analyzer().parse(lower) if p.tag.POS == "NOUN"), None)
        noun = next((p for p in _analyzer().parse(body) if p.normal_form in _COMPOUND_BODIES), None)
        if parse is None or noun is None:
            continue
        grammemes = {g for g in (parse.tag.case, parse.tag.number) if g}
        noun_form = noun.inflect(grammemes) if grammemes else noun
        adjective_parse = _analyzer().parse(adjective)[0]
        gender = {noun.tag.gender} if parse.tag.number != "plur" and noun.tag.gender else set()
        adjective_form = adjective_parse.inflect(grammemes | gender)
        if noun_form is None or adjective_form is None:
            continue
        written = _COMPOUND_BODIES[noun.normal_form]
        noun_word = written[0] + noun_form.word[1:] if written[0].isupper() else noun_form.word
        first = adjective_form.word
        return f"{first[0].upper() + first[1:] if word[0].isupper() else first} {noun_word}"
    return word


_ORG_KIND_LEMMAS = frozenset(
    "управление министерство департамент агентство фонд университет институт академия театр "
    "автономия епархия "
    "газета журнал ассоциация ассамблея союз партия библиотека музей посольство представительство "
    "консульство акимат администрация правительство мэрия совет отдел комитет штаб центр "
    "общество объединение организация движение палата колледж школа школа-гимназия гимназия "
    "лицей портал дом клуб отделение ансамбль оркестр филармония редакция служба "
    "корпорация компания холдинг медиахолдинг издательство телеканал альянс сеть коллектив хор "
    "студия".split()
)


# Kinds of body that name one only with its own name in quotes after them («группа
# «Надежда»», «отель «Rahat Palace»»): alone they name a gathering or a building.
_QUOTED_KIND_LEMMAS = frozenset("группа отель гостиница".split())


def names_kind_before_quotes(word: str) -> bool:
    """Whether the word, right before a name in quotes, is the kind of body named."""
    return names_org_kind(word) or lemma_of(word) in _QUOTED_KIND_LEMMAS


def lower_first(title: str) -> str:
    """A title as written inside a sentence: its first letter in lower case, unless its other
    words up to the head noun are capitalised too («Чрезвычайный и Полномочный Посол»: the
    official form, kept as it is); a capital of respect on the head after words in lower case
    goes too («чрезвычайный и полномочный Посол» → «… посол»); an abbreviation stays."""
    words = title.split()
    for k, word in enumerate(words):
        if "NOUN" in tags_of(word)[0]:
            inner = [w for w in words[1:k] if w not in ("и", "-", "–")]
            if any(w[:1].isupper() for w in inner):
                return title  # «Чрезвычайный и Полномочный Посол …»: the official form
            if k and word[:1].isupper() and not word.isupper() and titles_a_person(word):
                # «чрезвычайный и полномочный Посол …»: the capital of respect, not of a form
                words[k] = word[:1].lower() + word[1:]
            break
    if words and not words[0].isupper():  # «АРОО …»: an abbreviation stays as written
        words[0] = words[0][:1].lower() + words[0][1:]
    return " ".join(words)


def lemma_of(word: str) -> str:
    from search.textnorm import _analyzer

    return _analyzer().parse(word.strip(",.«»"))[0].normal_form


def noun_lemmas(word: str) -> set[str]:
    """Every dictionary form the word has as a noun: «Устав» is «устав», though its likeliest
    reading is the verb «устать»."""
    from search.textnorm import _analyzer

    return {p.normal_form for p in _analyzer().parse(word.strip(",.«»")) if "NOUN" in p.tag}


def names_org_kind(word: str) -> bool:
    from search.textnorm import _analyzer

    return _analyzer().parse(word.strip(",.«»"))[0].normal_form in _ORG_KIND_LEMMAS


def with_yo(written: str, normal: str) -> str:
    """`normal` with the «ё» the article wrote: the taggers' dictionary forms spell «е»
    («Берёзовка» → «Березовка»), and a name is kept as its source writes it. A word takes the
    «ё» of the written word it shares its beginning with, over the letters they share."""
    if "ё" not in written.casefold():
        return normal
    sources = [w for w in re.findall(r"[\w-]+", written) if "ё" in w.casefold()]

    def fixed(word: str) -> str:
        plain = word.casefold()
        for source in sources:
            folded = source.casefold()
            common = 0
            while common < min(len(plain), len(folded)) and plain[common] == folded[common].replace(
                "ё", "е"
            ):
                common += 1
            if common >= 4 or common == len(plain):
                return "".join(
                    ("Ё" if c.isupper() else "ё") if k < common and folded[k] == "ё" else c
                    for k, c in enumerate(word)
                )
        return word

    return re.sub(r"[\w-]+", lambda found: fixed(found.group()), normal)


def quoted_as_written(raw: str, normal: str) -> str:
    """A name in quotes is kept as the article writes it: the tagger's nominative of
    «… центр гражданских инициатив» must not become «… гражданские инициативы»."""
    written = re.search(r"«.+»", raw)
    changed = re.search(r"«.+»", normal)
    if written is None or changed is None:
        return normal
    return normal[: changed.start()] + written.group(0) + normal[changed.end() :]


def quoted_at(text: str, start: int) -> str | None:
    """The text inside the «…» that opens at `start`, nested quotes kept: «А «Б» В»."""
    if start >= len(text) or text[start] != "«":
        return None
    depth = 0
    for k in range(start, len(text)):
        if text[k] == "«":
            depth += 1
        elif text[k] == "»":
            depth -= 1
            if depth == 0:
                return " ".join(text[start + 1 : k].split())
    return None


SMALL_WORDS = frozenset("и в во о об на по с со к ко для от до за из между при без".split())


def sentence_case(phrase: str) -> str:
    """An all-capitals phrase as ordinary text; short abbreviations (РК, РФ) stay."""
    if not phrase.isupper():
        return phrase
    words = []
    for word in phrase.split():
        low = word.casefold()
        keep = len(word) <= 3 and low not in SMALL_WORDS
        words.append(word if keep else low)
    return " ".join(words)


def month_number(word: str) -> int:
    word = word.casefold().rstrip(".")
    return next(number for prefix, number in MONTHS.items() if word.startswith(prefix[:3]))


# How Russian and Kazakh surnames end: «Иванов», «Иванова», «Бекмуханов», «Оспанулы» …
SURNAME_END = re.compile(
    r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|улы|ұлы|уулу|кызы|қызы)$",
    re.I,
)


_STUB = re.compile(r"\b([А-ЯЁ][а-яё]{1,4})\.[ \t]+([а-яё]+)")


def stubs_written_out(text: str) -> str:
    """«Управления Алт. края» → «Управления Алтайского края» when the article writes the word
    in full before the same noun elsewhere («Алтайского края»): a shortened word with its
    full stop reads as the end of a sentence to the tagger, and cuts the name there."""
    from search.textnorm import _analyzer

    def full(stub: re.Match[str]) -> str:
        noun = _analyzer().parse(stub.group(2))[0]
        words = {
            word
            for word, after in re.findall(r"\b(" + stub.group(1) + r"[а-яё]{2,})\s+([а-яё]+)", text)
            if _analyzer().parse(after)[0].normal_form == noun.normal_form
        }
        lemmas = {_analyzer().parse(w)[0].normal_form for w in words}
        if len(lemmas) != 1:
            return stub.group(0)
        word = sorted(words)[0]
        wanted = {g for g in (noun.tag.case, noun.tag.number, noun.tag.gender) if g}
        form = _analyzer().parse(word.casefold())[0].inflect(wanted)
        written = form.word if form is not None else word
        return f"{written[0].upper()}{written[1:]} {stub.group(2)}"

    return _STUB.sub(full, text)


# What is named after someone, with the name in the genitive right after it: «музей Абая»,
# «дом-музей Мухтара Ауэзова», «театра Лермонтова», «улица Пушкина»
_NAMED_AFTER_LEMMAS = frozenset(
    "музей заповедник памятник бюст монумент премия медаль орден стипендия улица проспект "
    "площадь сквер парк библиотека театр школа гимназия лицей университет колледж".split()
)


def named_after_someone(word: str) -> bool:
    """Whether a word for a thing may be named after a person written next in the genitive:
    «музея», «дома-музея» (the last part of a compound)."""
    return lemma_of(word.casefold().strip(",.«»").split("-")[-1]) in _NAMED_AFTER_LEMMAS
