"""People in an article: a name's parts (first name, patronymic, surname) from the words the
tagger found, names joined or cut back, one person written twice, and the part each took
(spoke, took part, was only mentioned).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from drafting.gazetteer import country_of
from drafting.model import DraftPerson
from drafting.names import INITIALS, NO_CONTEXT, Context, nominative, split_initials
from drafting.nlp import Span
from drafting.words import (
    POSITION_WORDS,
    SURNAME_END,
    known_word,
    named_after_someone,
    tags_of,
    titles_a_person,
)
from search.textnorm import known_place


def is_initial(word: str) -> bool:
    return bool(INITIALS.match(word))


def same_person(person: DraftPerson, first: str | None, last: str) -> bool:
    """The same surname with a first name written once in full and once as its initial
    («Ермек» and «Е.»), or once left out."""
    if person.last_name != last or person.known:
        return False
    other = person.first_name
    if not first or not other:
        return True
    if is_initial(first) == is_initial(other):
        return False  # two full names (or two initials) that differ are two people
    return first[:1].casefold() == other[:1].casefold()


_CASE_ENDINGS = frozenset("а у ым ом е ем ой ю я и ию ией ием ии".split())


def _inflected(base: str, form: str) -> bool:
    """`form` is `base` with a case ending: «Ибраев» → «Ибраева», «Есенгалий» → «Есенгалия»."""
    b, f = base.casefold(), form.casefold()
    stem = b[:-1] if b[-1:] in ("й", "ь", "а", "я") else b
    return f != b and len(stem) >= 3 and f.startswith(stem) and f[len(stem) :] in _CASE_ENDINGS


def oblique_of(person: DraftPerson, first: str | None, last: str) -> bool:
    """«Есенгалия Ибраева» after «Есенгалий Ибраев»: a full name the dictionary does not know,
    left in an oblique case, that is the person's name with case endings. A first name it
    knows («Александра Петрова») was read with its case, and may be someone else; one that
    does not change («Жангельды») may stand as it is."""
    if person.known or not first or not person.first_name or known_word(first):
        return False
    same_first = first == person.first_name or _inflected(person.first_name, first)
    return same_first and _inflected(person.last_name, last)


def surname_for(
    first: str, patronymic: str, names: list[tuple[str | None, str | None, str]]
) -> tuple[str, str] | None:
    """(first name, surname) of the one person of `names` that «Юлия Александровна» or
    «Темирбек Жумакулович» — a name and a patronymic with no surname — refers to: the same
    first name, or initials that fit both («Ю.А. Лапидус»). None when no one, or several,
    fit: a name with no surname is nobody's card on its own."""
    fits = set()
    for other_first, other_patronymic, last in names:
        if not other_first or last == other_first:
            continue
        if is_initial(other_first):
            letters = [c for c in other_first if c.isalpha()]
            wanted = [first[:1], patronymic[:1]][: len(letters)]
            if [c.casefold() for c in letters] != [c.casefold() for c in wanted]:
                continue
        elif other_first.casefold() != first.casefold():
            continue
        if other_patronymic and other_patronymic.casefold() != patronymic.casefold():
            continue
        fits.add(last)
    if len(fits) != 1:
        return None
    return first, fits.pop()


def _initials(token: str) -> str:
    """«А.Б.» as written, «Б» → «Б.»."""
    return token if token.endswith(".") else token + "."


def glued_place(raw: str, before: str) -> str:
    """A place written before a name that the tagger took into it («г. Нур-Султан Валеев
    Равиль», «в г. Омске А. С. Бекмуханов»): the place's word as written, or ""."""
    tokens = split_initials(raw)
    if len(tokens) < 3 or INITIALS.match(tokens[0]) or _is_patronymic(tokens[1]):
        return ""  # «Есмкан Искакович …»: a patronymic follows a first name, not a place
    if re.search(r"\bг\.?\s*$", before) or (
        "Geox" in tags_of(tokens[0])[0] and known_word(tokens[0])
    ):
        return raw[: raw.find(tokens[0]) + len(tokens[0])]
    return ""


def _is_patronymic(word: str) -> bool:
    return "Patr" in tags_of(word)[1] or bool(re.search(r"(вич|вна|ична|ьич)$", word.casefold()))


def _name_score(word: str) -> int:
    from search.textnorm import _analyzer

    if not known_word(word):
        return 0  # the dictionary's guess for a word it does not know says little
    # A person is one: «Сабитов» read as the plural of the name «Сабит» is no first name.
    names = [
        p.tag
        for p in _analyzer().parse(word.strip(".,"))[:3]
        if "Name" in p.tag and "plur" not in p.tag
    ]
    best = _analyzer().parse(word.strip(".,"))[0].tag
    return 2 if names and names[0] == best else 1 if names else 0


def _surname_score(word: str) -> int:
    best, any_ = tags_of(word)
    return 2 if "Surn" in best else 1 if "Surn" in any_ else 0


def name_parts(
    raw: str, before: str, context: Context = NO_CONTEXT
) -> tuple[str | None, str | None, str]:
    """First name (or initials), patronymic and last name of a PER span, in the nominative,
    whatever the order («Валеев Равиль», «Кенжебаев А.Б.»), without a city glued in front
    («г. Нур-Султан Валеев Равиль») or the next sentence glued behind («Акмаев. Б. СУЛТАНОВ»)."""
    tokens = split_initials(raw)
    for k, token in enumerate(tokens):  # a full stop ends the name: the next sentence begins
        if token.endswith(".") and k >= 1 and len(token) > 2 and not INITIALS.match(token):
            tokens = tokens[: k + 1]
            break
    tokens = [t if INITIALS.match(t) else t.strip(".,") for t in tokens if t.strip(".,")]
    if glued_place(raw, before):
        tokens = tokens[1:]
    # «МУСИЕНКО А.А»: a surname in capitals is written as a name is
    tokens = [t.title() if len(t) > 2 and t.isupper() and "." not in t else t for t in tokens]
    tokens = nominative(tokens, context)
    initials = [k for k, t in enumerate(tokens) if INITIALS.match(t)]
    if initials and len(tokens) == 2:  # «Б. Жаксылыков», «Кенжебаев А.Б.»
        k = initials[0]
        return _initials(tokens[k]), None, tokens[1 - k]
    if len(tokens) == 1:
        return None, None, tokens[0]
    # «Нуртаза Бейбит Аскарулы»: beside a first name and a surname, «-улы» / «-кызы» is the
    # father's name; alone with a first name («Абзал Сапарбекулы») it is the surname.
    patronymic = next(
        (
            k
            for k, t in enumerate(tokens)
            if k > 0 and (_is_patronymic(t) or (len(tokens) >= 3 and _KAZAKH_PATRONYMIC.search(t)))
        ),
        None,
    )
    if patronymic is not None:
        first = tokens[patronymic - 1]
        if patronymic + 1 < len(tokens):  # Алексей Николаевич Бородавкин
            return first, tokens[patronymic], tokens[patronymic + 1]
        if patronymic >= 2:  # Коропченко Алексей Анатольевич
            last = tokens[patronymic - 2]
            if _name_score(last) > _name_score(first) and _surname_score(first) >= _surname_score(
                last
            ):
                first, last = last, first  # «Ирина Шевцова Константиновна»
            return first, tokens[patronymic], last
        return first, tokens[patronymic], first
    if len(tokens) >= 3:  # «Казастан Айгуль Демеуова»: the best adjacent name + surname
        pairs = [
            (
                max(
                    _name_score(a) + _surname_score(b),
                    _surname_score(a) + _name_score(b),
                ),
                k,
            )
            for k, (a, b) in enumerate(pairwise(tokens))
        ]
        best = max(pairs)[1]
        tokens = tokens[best : best + 2]
    a, b = tokens[0], " ".join(tokens[1:])
    a_surname, b_surname = (
        bool(SURNAME_END.search(w)) and _name_score(w) < 2 for w in (a, tokens[1])
    )  # «Ирина», «Марина» end as surnames do, but the dictionary knows them as names
    if a_surname != b_surname:  # only one ends as surnames do: «Валеев Равиль»
        return (tokens[1], None, a) if a_surname else (a, None, b)
    if _name_score(a) < _name_score(tokens[1]) and _surname_score(a) >= _surname_score(tokens[1]):
        return tokens[1], None, a  # surname first, as the dictionary knows the two words
    return a, None, b


_KAZAKH_PATRONYMIC = re.compile(r"(улы|ұлы|уулу|кызы|қызы)$", re.I)


# Endings of Russian and Kazakh surnames (in the nominative).


def joined_names(spans: list[Span], text: str) -> list[Span]:
    """A surname the tagger cut from the name after it is one name again: «Ведерниковой» +
    «Тамаре Ильиничне» → «Ведерниковой Тамаре Ильиничне» (only a space between them), also
    when it took the surname for a place."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        named = span.text.split()
        # «Кравцовой Натальей Юрьевной»: a surname the tagger took for a place, before a first
        # name and patronymic with no surname of their own
        surname_as_place = (
            last is not None
            and last.type == "LOC"
            and len(named) == 2
            and _is_patronymic(named[1])
            and not known_place(last.text.casefold())
        )
        if (
            last is not None
            and span.type == "PER"
            and (last.type == "PER" or surname_as_place)
            and text[last.stop : span.start].strip() == ""
            and "\n" not in text[last.stop : span.start]
            and len(last.text.split()) == 1
            and len(named) <= 2
        ):
            context = last.context if last.context != Context() else span.context
            out[-1] = Span(
                "PER",
                last.start,
                span.stop,
                text[last.start : span.stop],
                f"{last.normal} {span.normal}",
                last.verb or span.verb,
                context,
            )
            continue
        out.append(span)
    return out


def first_names_back(spans: list[Span], text: str) -> list[Span]:
    """A first name the tagger took into the body's name before it is the person's again:
    «Ассоциации казахов Сибири Айдар» + «Серикович Жумабаев» → «Ассоциации казахов Сибири» +
    «Айдар Серикович Жумабаев» (a patronymic follows a first name, never a body's name)."""
    out = sorted(spans, key=lambda s: s.start)
    for k in range(len(out) - 1):
        body, person = out[k], out[k + 1]
        words = body.text.split()
        if (
            body.type == "ORG"
            and person.type == "PER"
            and len(words) >= 2
            and text[body.stop : person.start].strip() == ""
            and _is_patronymic(person.text.split()[0])
            and words[-1][:1].isupper()
            and not words[-1].endswith(("»", '"'))
        ):
            name = words[-1]
            cut = body.text.rindex(name)
            out[k] = replace(
                body,
                stop=body.start + cut,
                text=body.text[:cut].rstrip(),
                normal=body.normal.rsplit(maxsplit=1)[0],
            )
            out[k] = replace(out[k], stop=out[k].start + len(out[k].text))
            out[k + 1] = replace(
                person,
                start=body.start + cut,
                text=text[body.start + cut : person.stop],
                normal=f"{name} {person.normal}",
            )
    return out


def first_names_before(spans: list[Span], text: str) -> list[Span]:
    """A first name the tagger left out of a surname it found: «Айгерим Ахметова рассказала …»
    tagged «Ахметова» alone. The capitalised word right before a lone surname, in no span of
    its own, is its first name when the dictionary knows it as a name or not at all — not a
    word it knows otherwise («Выступила Ахметова», «Директор Ахметова») nor a place."""
    taken = [(s.start, s.stop) for s in spans]
    out = []
    for span in spans:
        before = re.search(
            r"(?:^|(?<=[\s(«\"]))([А-ЯЁ][а-яёәғқңөұүһі]+)[ \t]+$", text[: span.start]
        )
        if (
            span.type == "PER"
            and " " not in span.text.strip()
            and SURNAME_END.search(span.text)
            and before is not None
            and not any(a <= before.start(1) < b for a, b in taken)
        ):
            word = before.group(1)
            tags = tags_of(word)[1]
            # («Кызылорду Ахметова покинула …»: a city in a case is no first name)
            place = (
                known_place(word)
                or "Geox" in tags
                or any(country_of(form) for form in (word, word[:-1] + "а", word[:-1] + "я"))
            )
            if ("Name" in tags or not known_word(word)) and not place:
                span = replace(
                    span,
                    start=before.start(1),
                    text=text[before.start(1) : span.stop],
                    normal=f"{word} {span.normal}",
                )
        out.append(span)
    return out


# A bishop is named by his rank, his see and one church name: «епископ Талдыкорганский
# Клавдиан», «митрополита Астанайского и Казахстанского Александра». The see's adjective is
# no surname, and a church name alone names no one the content can tell apart.
_HIERARCH = re.compile(r"(?<!\w)(?:архи)?епископ\w*|митрополит\w*|патриарх\w*|экзарх\w*", re.I)
_SEE = re.compile(r"[А-ЯЁ][а-яё-]+(?:ск|цк)(?:ий|ого|ому|им|ом)", re.U)


def church_names(spans: list[Span], text: str) -> list[Span]:
    """Drops a bishop's see and church name the tagger took for a person's name."""
    out = []
    for span in spans:
        words = span.text.split()
        sees = [w for w in words if _SEE.fullmatch(w)]
        before = text[max(0, span.start - 80) : span.start].split()
        while before and (_SEE.fullmatch(before[-1]) or before[-1] == "и"):
            before.pop()  # «митрополита Астанайского и | Казахстанского Александра»
        if (
            span.type == "PER"
            and len(words) - len(sees) <= 1
            and before
            and _HIERARCH.fullmatch(before[-1])
        ):
            continue
        out.append(span)
    return out


def namesakes(spans: list[Span], text: str) -> list[Span]:
    """Drops the name a museum, a theatre or a street is named after («директор заповедника-
    музея Абая», «руководитель дома-музея Мухтара Ауэзова Исабаев Ш.Б.» → «Исабаев Ш.Б.»):
    whom it is named after took no part. Not a name in a chain of genitives that a title for
    a person heads («выступление директора музея Ивана Петрова»: he is the director)."""
    out = []
    for span in spans:
        inside = span.text.split()
        kinds = [k for k, w in enumerate(inside) if w[:1].islower() and named_after_someone(w)]
        after_kind = inside[kinds[-1] + 1 :] if kinds else []
        if (
            span.type == "PER"
            and after_kind
            and all(INITIALS.match(w) or "gent" in tags_of(w)[1] for w in after_kind)
        ):
            continue  # «Литературно-мемориального дома-музея Ф.М. Достоевского» tagged a name
        words = text[max(0, span.start - 80) : span.start].split()
        if span.type != "PER" or not words or not named_after_someone(words[-1]):
            out.append(span)
            continue
        titled = any(
            titles_a_person(w) and "gent" in tags_of(w)[0] for w in words[-4:-1]
        )  # «директора музея Ивана …»
        named = span.text.split()
        initials = next((k for k, w in enumerate(named) if INITIALS.match(w)), None)
        # «Мухтара Ауэзова | Исабаев Ш.Б.»: initials follow a surname
        lead = max(0, initials - 1) if initials is not None else _namesake_words(named)
        if titled or lead == 0:
            out.append(span)
            continue
        if lead < len(named):  # «Мухтара Ауэзова | Исабаев Ш.Б.»: someone else follows
            cut = span.text.index(named[lead], len(" ".join(named[:lead])))
            normal = " ".join(span.normal.split()[lead:])
            out.append(replace(span, start=span.start + cut, text=span.text[cut:], normal=normal))
    return out


def _namesake_words(named: list[str]) -> int:
    """How many words a name begins with that are in the genitive and not the surname of
    whoever follows: «Абая», «Мухтара Ауэзова», «Лермонтова | Иван Петров», but none of
    «Иванова Анна Петровна» (her surname, in the nominative before her first name)."""
    lead = 0
    while lead < len(named) and "gent" in tags_of(named[lead])[1]:
        lead += 1
    if 0 < lead < len(named):
        gender = tags_of(named[lead])[0] & {"masc", "femn"}
        from search.textnorm import _analyzer

        own = any(
            p.tag.case == "nomn" and p.tag.gender in gender
            for w in named[:lead]
            for p in _analyzer().parse(w)
        )
        return 0 if own else lead
    return lead


def untitled(spans: list[Span], text: str) -> list[Span]:
    """A capitalised title the tagger took into a name is the title again: «во главе с Акимом
    Бердыбеком Сапарбаевым» → the name «Бердыбеком Сапарбаевым»."""
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "PER"
            and len(words) >= 3
            and words[0].casefold().startswith(POSITION_WORDS)
            and "NOUN" in tags_of(words[0])[1]
            and not _is_patronymic(words[1])  # «Аким Иванович Петров» is a name
        ):
            cut = span.text.index(words[1], len(words[0]))
            normal = span.normal.split(maxsplit=1)[1]
            span = replace(span, start=span.start + cut, text=span.text[cut:], normal=normal)
        out.append(span)
    return out


# Verbs a name hangs from (Natasha's syntax tree): one who said something is a speaker; one
# who took part otherwise («приняли участие», «возглавил делегацию») — or hangs from no verb,
# as in a list of participants — a participant; one under any other verb («прислали
# письма», «совершил визит») is only mentioned.
_SPEAKING = (
    "выступ", "рассказ", "отмет", "сказа", "подчеркн", "заяв", "подел", "предлож", "модерир",
    "доклад", "презент", "представ", "обрати", "напомн", "подвод", "подвест", "счита",
    "говор", "добав", "поясн", "призв", "откры", "приветствова", "назва", "сообщ", "указ",
    "озвуч", "коммент", "ответ", "останов", "привест", "описа", "поблагодар", "зачита",
    "высказа", "отвеча", "провозгласи", "поздрав", "акцентир", "поприветств", "выраз",
    "пожела", "подытож",
)  # fmt: skip


_PARTICIPATING = (
    "участ", "поддерж", "провод", "провест", "вест", "стать", "обсуд", "собра", "пригласи",
    "прин", "прим", "присутств", "возглав", "войт", "вход", "прибы", "приеха", "посети",
    "работа", "встрет",
)  # fmt: skip


# Verbs of acting from afar: their subject was not there («прислал поздравление»)
_FROM_AFAR = ("присла", "присыла", "направ", "написа", "переда", "адресова")

# Verbs of awarding: one given an award, a letter of thanks or a gift («грамоты вручены
# председателю центра X», «наградили X») received it where it was given
_AWARDED = ("вруч", "награ", "удостое", "удостои")


# «выступили на гала-концерте», «выступил с песней»: performed, said nothing …
_PERFORMING = re.compile(
    r"(?<!\w)(?:(?:гала-)?концерт\w*|сцен[аеуы]\w*|песн\w+|исполн\w+|танц\w+|спектакл\w*)",
    re.I,
)
# … unless with words of their own («с приветственным словом», «с речью», «с поздравлениями»)
_WORDS_SAID = re.compile(
    r"(?<!\w)(?:слов\w*|реч\w+|доклад\w*|обращени\w+|поздравлени\w+|приветстви\w+"
    r"|напутстви\w+)",
    re.I,
)
# «Область представляли ремесленники»: represented a place, presented nothing
_PLACE_WORDS = r"(?:област|район|город|регион|стран|республик|кра[йяю]|Казахстан|Росси)\w*"
_REPRESENTING = re.compile(
    rf"(?<!\w)(?:представля\w*\s+(?:\w+\s+){{0,2}}{_PLACE_WORDS}"
    rf"|{_PLACE_WORDS}\s+(?:\w+\s+){{0,2}}представля\w*)",
    re.I,
)


def part_taken(verb: str | None, subject: bool | None, sentence: str = "") -> str:
    """«speaker», «participant» or «mentioned», by the verb a name hangs from: one who did
    anything there as the clause's subject («вручил грамоты», «исполнила песню») took part,
    unless it was done from afar. `sentence`: where the name is, for what the verb means
    there (one who «выступил» at a concert performed)."""
    if verb is None:
        return "participant"  # no verb: a list of participants, a caption
    verb = verb.casefold()
    if (
        verb.startswith("выступ")
        and _PERFORMING.search(sentence)
        and not _WORDS_SAID.search(sentence)
    ):
        return "participant"
    if verb.startswith("представ") and _REPRESENTING.search(sentence):
        return "participant"
    if verb.startswith(_SPEAKING):
        return "speaker"
    if verb.startswith("переда") and _WORDS_SAID.search(sentence):
        return "speaker"  # «Приветствие от руководства региона передал …»: said it there
    if verb.startswith(_PARTICIPATING) or (subject and not verb.startswith(_FROM_AFAR)):
        return "participant"
    if not subject and verb.startswith(_AWARDED):
        return "participant"
    return "mentioned"


def gender_of(person: DraftPerson) -> str | None:
    """«femn» or «masc» as the name in the nominative tells it: the patronymic, the surname's
    ending (Russian and Kazakh), then the first name as the dictionary knows it; None when
    nothing tells."""
    if person.patronymic:
        if person.patronymic.endswith(("вна", "чна", "кызы", "қызы")):
            return "femn"
        if person.patronymic.endswith(("вич", "ич", "улы", "ұлы")):
            return "masc"
    last = person.last_name.casefold()
    if last.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "кызы", "қызы")):
        return "femn"
    if last.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "улы", "ұлы")):
        return "masc"
    if person.first_name and len(person.first_name) > 2:
        best, _ = tags_of(person.first_name)
        if "Name" in best:
            return next((g for g in ("femn", "masc") if g in best), None)
    return None
