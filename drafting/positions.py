"""Positions: the titles written before or after a name, each split into its title and the
organization it is held in, and a list's plural title made each person's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafting.gazetteer import is_country
from drafting.nlp import Span
from drafting.organizations import (
    GOVERNING_LEMMAS,
    LINKS,
    is_branch,
    org_country,
    org_words_in_title,
    organization_start,
    parent_of_unit,
)
from drafting.places import is_region
from drafting.words import (
    POSITION_WORDS,
    begins_with_title,
    lemma_of,
    lower_first,
    named_after_someone,
    names_org_kind,
    outside_quotes_split,
    phrase_nominative,
    tags_of,
    titles_a_person,
    unquoted,
)


def _predicate(word: str) -> bool:
    """«экспертами (станут)»: a title in the instrumental plural is said of people, it is
    not the title that comes before a name."""
    best, _ = tags_of(word)
    return {"ablt", "plur"} <= best


def is_plural_title(title: str) -> bool:
    words = title.split()
    return bool(words) and {"nomn", "plur"} <= tags_of(words[0])[0]


def singular_title(title: str) -> str:
    """«историки и этнологи» → «историк и этнолог»: each plural noun in the nominative."""
    from search.textnorm import _analyzer

    words = title.split()
    out = []
    k = 0
    while k < len(words):  # the plural heads: «лидеры», «историки и этнологи»
        parse = _analyzer().parse(words[k])[0]
        if {"nomn", "plur"} <= set(parse.tag.grammemes) and parse.tag.POS in (
            "NOUN",
            "ADJF",
            "PRTF",  # «заведующие»
        ):
            single = parse.inflect({"sing", "nomn"})
            out.append(single.word if single else words[k])
        elif not (out and words[k] in ("и", "или")):
            break
        else:
            out.append(words[k])
        k += 1
    # «лидеры национальных объединений» each lead one: the common-noun phrase in the genitive
    # plural right after the heads is singular for each; a name («члены Общественной палаты»)
    # or a word in another case («члены совета ветеранов») ends it
    run = []
    while k + len(run) < len(words) and words[k + len(run)].islower():
        plural = next(
            (
                p
                for p in _analyzer().parse(words[k + len(run)])
                if {"gent", "plur"} <= set(p.tag.grammemes) and p.tag.POS in ("NOUN", "ADJF")
            ),
            None,
        )
        if plural is None:
            break
        run.append(plural)
    nouns = [p for p in run if p.tag.POS == "NOUN"]
    if nouns:  # adjectives agree with the noun they stand before: «молодёжной организации»
        gender = nouns[-1].tag.gender
        singular = [
            p.inflect({"sing", "gent"} | ({gender} if p.tag.POS == "ADJF" and gender else set()))
            for p in run
        ]
        if all(singular):
            out += [p.word for p in singular]
            k += len(run)
    rest = words[k:]
    if run and _places_in_plural(rest):
        rest = []  # «… центров Астраханской и Атырауской областей»: which one is not said
    return " ".join(out + rest)


# Agent nouns whose women's form is the usual one: «певец» → «певица», «артист» → «артистка»;
# office titles («депутат», «директор», «руководитель») are one form for both.
_WOMENS_SUFFIXES = (("ец", "ица"), ("ист", "истка"))
_ONE_FORM = frozenset({"специалист"})  # a staff grade, the same for both


def for_a_woman(title: str) -> str:
    """A title a plural made masculine («оперный певец», «заведующий кафедрой»), as said of
    a woman: an adjectival head and an agent noun with a women's form take it, with the
    adjectives before them; any other noun stays as it is, and so do its adjectives."""
    from search.textnorm import _analyzer

    words = title.split()
    head, adjectival = None, False
    for k, word in enumerate(words):
        best = tags_of(word)[0]
        if "nomn" not in best:
            break
        if "NOUN" in best:
            head = k
            break
        if best & {"ADJF", "PRTF"}:
            # «заведующий кафедрой», «ответственный за …»: no noun agrees, the adjective heads
            if k + 1 == len(words) or "nomn" not in tags_of(words[k + 1])[0]:
                head, adjectival = k, True
                break
            continue
        break
    if head is None:
        return title
    noun = words[head]
    if not adjectival:
        womans = next(
            (noun[: -len(end)] + her for end, her in _WOMENS_SUFFIXES if noun.endswith(end)),
            None,
        )
        if noun.casefold() in _ONE_FORM:
            womans = None
        parse = _analyzer().parse(womans)[0] if womans else None
        if parse is None or not (
            _analyzer().word_is_known(womans) and {"NOUN", "femn", "nomn"} <= parse.tag.grammemes
        ):
            return title
        words[head] = womans
    out = []
    for k, word in enumerate(words):
        if k < head or (adjectival and k == head):
            parse = _analyzer().parse(word)[0]
            if parse.tag.POS in ("ADJF", "PRTF") and "masc" in parse.tag.grammemes:
                inflected = parse.inflect({"femn", "sing", "nomn"})
                word = inflected.word if inflected else word
        out.append(word)
    if title[:1].isupper():
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def _places_in_plural(words: list[str]) -> bool:
    """«Астраханской и Атырауской областей», «приграничных районов»: several places, of which
    one person's is not said."""
    return (
        bool(words)
        and words[-1].casefold().rstrip(".,")
        in ("областей", "районов", "краёв", "краев", "республик", "стран", "городов", "регионов")
        and all(
            w == "и" or "ADJF" in tags_of(w)[1] or re.search(r"(?:ск|цк)(?:ой|их|ого)$", w)
            for w in words[:-1]
        )
    )


def _position_after(
    text: str, stop: int, limit: int, next_name: bool, names: list[tuple[int, int]]
) -> tuple[int, str] | None:
    """A position written after a name, set off by a comma or a dash: «Марина Коваленко,
    председатель правления фонда «Степь», отметила …» → (where it starts, the position)."""
    lead = re.match(r"\s*(?:,|\s[—–-]|\()\s*", text[stop:limit])
    if lead is None:
        return None
    start = stop + lead.end()
    rest = text[start:limit]
    bracketed = lead.group().strip() == "("
    if bracketed:  # «Евгения Звягинцева (мастер по …)»: what she is
        closing = rest.find(")")
        rest = rest[:closing] if closing >= 0 else ""
    end = next(
        (
            found.start()
            for found in unquoted(r"[,;:()]| [—–-] ", rest)
            # «Ассоциации русских, славянских и казачьих организаций»: a comma in a name
            if not (found.group() == "," and any(a < start + found.start() < b for a, b in names))
            # «управления культуры, развития языков и архивного дела области»: a remit listed
            and not (found.group() == "," and _remit_listed(rest[found.end() :]))
            # «заместитель главы администрации – руководитель аппарата»: one office of two
            and not (
                found.group().strip() in "—–-"
                and _title_follows(rest)
                and _title_follows(rest[found.end() :])
            )
        ),
        len(rest),
    )
    if end == len(rest) and next_name and not bracketed:
        return None  # it runs into the next name: «…, директор X Пётр Петров» is his title
    page = text.rstrip()
    if start + end >= len(page) - 1 and not page.endswith((".", "!", "?", "»", ")", '"')):
        return None  # «… – мастер п»: cut off by the end of the page
    chunk = _before_verb(rest[:end].rstrip(" ."))
    # «являющаяся руководителем …», «в марте избранная председателем …»: what follows the
    # participle is the position.
    link = re.match(r"(?:\S+\s+){0,2}?(?:являющ|избранн|назначенн|работающ)\w*\s+", chunk, re.I)
    if link is not None:
        start, chunk = start + link.end(), chunk[link.end() :]
    words = [w.casefold().strip('«»"') for w in chunk.split()]
    acting = re.match(r"(?:временно\s+)?исполняющ\w*\s+обязанности\s+", chunk, re.I)
    if acting is not None:  # «исполняющая обязанности заместителя директора …»
        words = [w.casefold().strip('«»"') for w in chunk[acting.end() :].split()]
    if not words or not titles_a_person(words[0]):
        return None
    if "NOUN" not in tags_of(words[0])[0] and not (
        len(words) > 1 and (titles_a_person(words[1]) or "ablt" in tags_of(words[1])[1])
    ):
        # «первый зарубежный визит»: an adjective that begins no title here («заведующая
        # кафедрой» does: the participle governs its unit)
        return None
    return start, chunk


def _remit_listed(rest: str) -> bool:
    """Whether what follows a comma goes on listing what a body is for, in the genitive and
    joined by «и», with no title for a person in it: «…, развития языков и архивного дела»."""
    part = re.split(r"[,;:()]|\s[—–-]\s", rest, maxsplit=1)[0]
    words = part.split()
    return (
        "и" in words
        and len(words) <= 8
        and all(
            w == "и"
            or (
                "gent" in tags_of(w)[1]
                and tags_of(w)[1] & {"NOUN", "ADJF"}
                and not tags_of(w)[1] & {"Name", "Surn", "Patr"}
                and not titles_a_person(w)
            )
            for w in words
        )
    )


def _title_follows(rest: str) -> bool:
    """The words after a dash begin another title: «… – руководитель аппарата …»."""
    words = rest.split(maxsplit=1)
    return bool(words) and titles_a_person(words[0]) and "NOUN" in tags_of(words[0])[0]


def _same_case(first: str, second: str) -> bool:
    """Two titles whose head words share a case («заместителю …» and «министру …»)."""
    cases = [tags_of(t.split()[0])[1] & _CASES for t in (first, second) if t.split()]
    return len(cases) == 2 and bool(cases[0] & cases[1])


def positions_after(
    text: str, stop: int, limit: int, next_name: bool, names: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """Every position written after a name, one after another: «В.П. Корнилова, кандидат
    филологических наук, доцент Иртышского университета, представила …». `names` are where
    organizations are named: a comma inside one ends no position."""
    found = []
    while (after := _position_after(text, stop, limit, next_name, names)) is not None:
        found.append(after)
        stop = after[0] + len(after[1])
    # «… Асхата Сыздыкова, председателя фонда, почётного председателя общества Никиты
    # Искакова»: when the run of titles goes on into the next name, it is all that person's
    between = text[stop:limit].split() if next_name else []
    if (
        found
        and text[stop:limit].lstrip().startswith(",")
        and any(titles_a_person(w) for w in between)
        and not any(tags_of(w)[0] & _VERB_TAGS for w in between)
        and not {"а", "и", "—", "–", "-"} & set(between)  # «…, а заместителем — директор Y»
    ):
        return []
    return found


def two_positions(at: int, chunk: str) -> list[tuple[int, str]]:
    """«председатель ЧРОО «СНЮУ» и член Общественной палаты …» is two positions: split where
    «и» is followed by a word a position starts with (outside quotes)."""
    for found in unquoted(r"\s+и\s+", chunk):
        nxt = chunk[found.end() :].split(maxsplit=1)
        first = chunk[: found.start()]
        # «историки и этнологи»: one title of two words, shared by a list of names
        if nxt and titles_a_person(nxt[0]) and len(first.split()) > 1:
            rest = two_positions(at + found.end(), chunk[found.end() :])
            return [(at, first), *rest]
    return [(at, chunk)]


_VERB_TAGS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def _before_verb(chunk: str) -> str:
    """A position ends where a verb begins: «председателем избран» → «председателем». A word
    in capitals is a body's abbreviation, whatever the dictionary guesses («ЦСИПИ»)."""
    words = chunk.split()
    for k, word in enumerate(words):
        if k > 0 and not word.strip('«»"(),.').isupper() and tags_of(word)[0] & _VERB_TAGS:
            return " ".join(words[:k])
    return chunk


_ACTING = ("и.о.", "и. о.", "врио", "вр.и.о.")


_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}


def _with_modifiers(lowered: list[str], at: int) -> int:
    """A title begins with the adjectives that agree with its first word and an «и.о.»:
    «художественный руководитель», «Заслуженный артист», «и.о. руководителя»."""
    title = tags_of(lowered[at])[1] & _CASES
    while at > 0:
        before = lowered[at - 1]
        best, every_parse = tags_of(before)
        if before in _ACTING or (
            best & {"ADJF", "PRTF"} and every_parse & title and before not in _NOT_MODIFIERS
        ):
            at -= 1
            continue
        # «Исполняющий обязанности министра», «временно исполняющего обязанности главы»
        if before == "обязанности" and at > 1 and lowered[at - 2].startswith("исполняющ"):
            at -= 2
            if at > 0 and lowered[at - 1] == "временно":
                at -= 1
            continue
        break
    return at


# Words before a title that say when or which, not what the title is
_NOT_MODIFIERS = frozenset(
    "новый новая бывший бывшая этот эта тот та наш наша наши ваш ваша ваши свой своя свои".split()
)


def _adjective_of_a_title(words: list[str], at: int) -> bool:
    """A title word that is an adjective («первый», «главный», «генеральный») begins a title
    only when the noun it goes with names a person: «первый заместитель», not «свой первый
    зарубежный визит»."""
    if "NOUN" in tags_of(words[at])[0]:
        return True
    for word in words[at + 1 :]:
        best = tags_of(word)[0]
        if "NOUN" in best:
            # «заведующая кафедрой»: a participle governs its unit
            return titles_a_person(word) or "ablt" in best
        if not best & {"ADJF", "PRTF"} and word not in ("и", "и.о."):
            return False  # «чрезвычайный и полномочный посол»
    return False


def _genitive_list(part: str, last: int = 0) -> bool:
    """Words in the genitive and in lower case, joined by «и», a quoted name at its end: «
    материнства, отцовства и детства «Мама-Клуб»». With `last`, only that many last words."""
    words = (
        re.sub(r"«.*»", " ", part).split()[-last:] if last else re.sub(r"«.*»", " ", part).split()
    )
    return bool(words) and all(
        w == "и" or (w.islower() and "gent" in tags_of(w)[1] and "NOUN" in tags_of(w)[1])
        for w in words
    )


# «по приглашению X», «при поддержке X»: whose the initiative or help was, not a remit
_REQUESTS = frozenset({"приглашение", "благословение", "поручение", "инициатива", "просьба"})
_AIDS = frozenset({"поддержка", "содействие", "участие"})


def _after_circumstance(words: list[str]) -> list[str]:
    """«митрополита … и | по приглашению | генерального консула …»: what the sentence says
    was done by whose invitation, support or blessing ends any title before it."""
    for k in range(len(words) - 1, 0, -1):
        before, lemma = words[k - 1].casefold(), lemma_of(words[k])
        if (before == "по" and lemma in _REQUESTS) or (before == "при" and lemma in _AIDS):
            return words[k + 1 :]
    return words


def position_chunks(before: str) -> list[str]:
    """Positions written before a name: «…, профессор X, ведущий сотрудник Y (Город) »."""
    chunks = []
    parts = outside_quotes_split(before)
    if len(parts) > 1 and not parts[-1].strip():
        parts = parts[:-1]  # «член КСОРС в США – Номма Зарубина»: a dash before the name
    # the mark after each part: a dash between two titles joins them into one office
    marks = [m.group().strip() for m in unquoted(r"[,;:–—]|\s-\s", before)] + [""]
    # «директор АНО поддержки семьи, материнства, отцовства и детства «Мама-Клуб»»: a part
    # of nouns in the genitive after a comma goes on listing what the body before does
    k = 1
    while k < len(parts):
        if marks[k - 1] == "," and _genitive_list(parts[k]) and _genitive_list(parts[k - 1], 1):
            parts[k - 1 : k + 1] = [f"{parts[k - 1]},{parts[k]}"]
            del marks[k - 1]
        else:
            k += 1
    whole_part = False  # the chunk taken last was its part whole
    for k, part in reversed(list(enumerate(parts))):
        # «преподаватели из Бийска во главе с заместителем директора …»: who leads or joins a
        # group begins a phrase of his own
        part = re.split(r"\b(?:во главе с|вместе с|совместно с|наряду с)\s", part, flags=re.I)[-1]
        words = _after_circumstance(part.split())
        # «письма акима области были вручены председателю центра Иванову», «гостей приняла
        # активистка, член совета …»: a title follows the clause's last verb; one before the
        # verb is another's.
        verbs = [k for k, w in enumerate(words) if tags_of(w)[0] & _VERB_TAGS]
        tail = words[verbs[-1] + 1 :] if verbs else []
        after_verb = any(titles_a_person(w) for w in tail)
        if after_verb:
            words = tail
        lowered = [w.casefold().strip('«»"()') for w in words]
        starts = [
            k
            for k, w in enumerate(lowered)
            if titles_a_person(w)
            and not _predicate(w)
            and not names_org_kind(w)  # «в акимате области …» begins no title
            and _adjective_of_a_title(lowered, k)
        ]
        if not starts:
            break
        start = _with_modifiers(lowered, starts[0])
        if start != starts[0]:
            starts[0] = start
        chunk_words = words[starts[0] :]
        if starts[0] != 0 and len(chunk_words) == 1 and chunks and not after_verb:
            break  # «Её представитель, председатель …»: a bare word before a real position
        chunk = _before_verb(" ".join(chunk_words))  # «председателем | избран Иван»
        if chunks and whole_part and marks[k] in "—–-" and _same_case(chunk, chunks[-1]):
            # «заместителю председателя правительства – министру финансов Ивану …»
            chunks[-1] = f"{chunk} – {chunks[-1]}"
        else:
            chunks.append(chunk)
        whole_part = starts[0] == 0
        if starts[0] != 0:  # the position began mid-clause: nothing earlier belongs to it
            break
    return list(reversed(chunks))


# Words of praise, of news or of being local, not of office nor of a name: «известный
# бизнесмен» is a businessman, «талантливый педагог» a teacher, «новый руководитель» (just
# elected) the head, «местный фольклорный ансамбль «…»» a folk ensemble
_PRAISE_LEMMAS = frozenset(
    "известный знаменитый талантливый выдающийся прославленный именитый легендарный "
    "популярный замечательный уважаемый опытный новый новоизбранный нынешний местный".split()
)


def is_praise(word: str) -> bool:
    """A word of praise, news or being local (`_PRAISE_LEMMAS`)."""
    return lemma_of(word) in _PRAISE_LEMMAS


def without_praise(title: str) -> str:
    """The title without the words of praise or news that open it: «известный бизнесмен» →
    «бизнесмен», «новый руководитель» → «руководитель»; a title of such words alone is
    kept."""
    words = title.split()
    k = 0
    while k < len(words) - 1 and is_praise(words[k]):
        k += 1
    return " ".join(words[k:])


def title_nominative(title: str) -> str:
    """«заведующего кафедрой …» → «заведующий кафедрой …», «первого заместителя
    председателя» → «первый заместитель председателя»: the title's head and the words before
    it to the nominative, its dependents as they are."""
    words = title.split()
    if words and words[0].casefold() in _ACTING:
        return title  # «и.о. руководителя …»: the acting head's title keeps its genitive
    acting = re.match(r"((?:временно\s+)?)(исполняющ\w*)(\s+обязанности\s.+)$", title, re.I)
    if acting:  # «исполняющего обязанности министра …» → «исполняющий обязанности министра …»
        word = acting.group(2)
        feminine = word.casefold() in ("исполняющая", "исполняющей", "исполняющую")
        single = "исполняющая" if feminine else "исполняющий"
        single = single if word[:1].islower() else single.capitalize()
        return acting.group(1) + single + acting.group(3)
    head = None
    for k, word in enumerate(words):
        if not titles_a_person(word):
            continue
        best = tags_of(word)[0]
        nxt = tags_of(words[k + 1])[0] if k + 1 < len(words) else set()
        same_case = "NOUN" in nxt and bool(best & nxt & {"nomn", "gent", "datv", "ablt", "loct"})
        if "NOUN" in best or not same_case:
            head = k
            break
    if head is None:
        return title
    rest = words[head + 1 :]
    # «основателя и лидера движения»: a second head joined by «и», in the first one's case
    second = _joined_head(words[head], rest)
    if second:
        rest = [*rest[:1], phrase_nominative(" ".join(rest[1 : second + 1])), *rest[second + 1 :]]
    return " ".join([phrase_nominative(" ".join(words[: head + 1])), *rest])


def _joined_head(head: str, rest: list[str]) -> int:
    """Where a second title joined to `head` by «и» ends in `rest` (its adjectives and the
    noun for a person, in the head's case), or 0 when none is joined."""
    if len(rest) < 2 or rest[0] != "и" or "nomn" in tags_of(head)[0]:
        return 0
    cases = tags_of(head)[0] & _CASES
    for k, word in enumerate(rest[1:], 1):
        best = tags_of(word)[0]
        if not cases & best:
            return 0
        if "NOUN" in best:
            return k if titles_a_person(word) else 0
    return 0


def _where_it_serves(rest: str) -> str:
    """« в Казахстане» right after a branch's body, up to the end of the title."""
    found = re.match(r"\s+(?:в|во)\s+[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)?(?=\s*(?:[,–—-]|$))", rest)
    return found.group(0) if found else ""


def mission_of(title: str) -> str | None:
    """The mission an ambassador's or a consul's title names with its country: «генеральный
    консул РФ в Уральске» → «Генеральное консульство РФ в Уральске»; None
    for a title that names no country («консул», «посол по особым поручениям») or heads no
    mission («заведующий консульским отделом посольства …»)."""
    words = title.split()
    at = next(
        (k for k, w in enumerate(words) if re.fullmatch(r"(?:вице-)?консул|посол", w.casefold())),
        None,
    )
    rest = " ".join(words[at + 1 :]) if at is not None else ""
    if not rest or org_country(rest, []) is None:
        return None
    mission = (
        "Посольство"
        if words[at].casefold() == "посол"
        else ("Генеральное консульство" if "генеральн" in title.casefold() else "Консульство")
    )
    return f"{mission} {rest}"


# Units whose name says what they are for («комиссия по …»); a remit written after the body
# they belong to is theirs when that body is of a kind that takes none («палата», «дума»)
_REMIT_UNITS = frozenset(
    "комиссия подкомиссия комитет подкомитет секция совет отдел сектор".split()
)
_TAKES_NO_REMIT = frozenset(
    "палата дума ассамблея маслихат мажилис собрание парламент партия акимат администрация "
    "правительство".split()
)
# Bodies named with a remit of their own («управление по делам молодёжи», «комитет по
# культуре»): a «по …» after them is theirs, after any other kind the title's
_TAKES_A_REMIT = frozenset(
    "управление агентство комитет министерство департамент комиссия подкомиссия служба центр "
    "совет отдел сектор фонд ведомство инспекция".split()
)
_REMIT_TAIL = re.compile(r"\s+по\s+[а-яё][а-яё\s,-]*$")


def remit_to_unit(title: str, raw: str, normal: str) -> tuple[str, str, str]:
    """«член комиссии | Общественной палаты области по территориальному развитию»: the
    remit after the body is the commission's, so it joins the title («член комиссии по
    территориальному развитию») and the body is the chamber. A body that takes a remit of its
    own («Управления … по культуре», «Агентства РК по …») keeps it."""
    words = title.split()
    tail = _REMIT_TAIL.search(raw)
    if not words or tail is None or lemma_of(words[-1]) not in _REMIT_UNITS:
        return title, raw, normal
    kind = next((w for w in raw.split() if "NOUN" in tags_of(w.strip("«»"))[0]), "")
    if lemma_of(kind.strip("«»")) not in _TAKES_NO_REMIT:
        return title, raw, normal
    remit = tail.group(0).strip()
    cut = normal.rfind(remit)
    if cut <= 0:
        return title, raw, normal
    return f"{title} {remit}", raw[: tail.start()], normal[:cut].rstrip()


def _organ_named_alone(rest: str) -> tuple[str, str | None] | None:
    """A body's council, board or presidium written in lower case with no name of its own:
    «совета автономии» → («совета», «автономия»: the body is the one of that kind named
    before), «попечительского совета» → («попечительского совета», None: no body named)."""
    words = rest.split()
    if not words or not rest.islower():
        return None
    organ = next((k for k, w in enumerate(words) if lemma_of(w) in GOVERNING_LEMMAS), None)
    if organ is None or not all("ADJF" in tags_of(w)[0] for w in words[:organ]):
        return None
    after = words[organ + 1 :]
    if not after:
        return rest, None
    if len(after) == 1 and names_org_kind(after[0]):
        return " ".join(words[: organ + 1]), lemma_of(after[0])
    return None


def _of_some_people(words: str) -> bool:
    """«автономии казахов», «совета ветеранов села»: a kind of body and the people it is of,
    all in lower case, with no number or name."""
    split = words.split()
    if not words.islower() or re.search(r"\d", words) or len(split) < 2:
        return False
    kind = next((k for k, w in enumerate(split) if names_org_kind(w)), None)
    if kind is None or kind + 1 >= len(split):
        return False
    people = tags_of(split[kind + 1])[0]
    return {"NOUN", "anim", "plur", "gent"} <= people


def split_position(
    chunk: str,
    at: int,
    org_spans: list[Span],
    organization: Callable[[str, str, int], str | None],
    antecedent: Callable[[int, str | None], str | None],
) -> tuple[str, str | None]:
    """«председатель Комиссии … Общественной палаты РФ» → title and organization: the last
    organization named in the chunk is the employer, what comes before it is the title. A
    body named only by its kind («председатель центра», «его директор») is the one the
    article named before. One office of two titles («заместитель главы администрации –
    руководитель аппарата администрации города») keeps both, held in the last one's body."""
    joined = next(
        (
            f
            for f in unquoted(r" [—–-] ", chunk)
            if _title_follows(chunk) and _title_follows(chunk[f.end() :])
        ),
        None,
    )
    if joined is not None:
        title, org_id = split_position(
            chunk[joined.end() :], at + joined.end(), org_spans, organization, antecedent
        )
        return f"{chunk[: joined.start()]} – {title}", org_id
    inside = [s for s in org_spans if at <= s.start < at + len(chunk)]
    for span in reversed(inside):
        if span.text.isascii() and len(span.text) <= 6:
            continue  # «доктор философии PhD»: a Latin degree, not an organization
        if begins_with_title(span.text):
            continue  # «Посол Российской Федерации»: a title the tagger took for a name
        if _organ_named_alone(span.text.strip()) is not None:
            continue  # «совета автономии»: no name of a body, read from the words below
        head = chunk[: span.start - at].rstrip(' ,«"')
        if head and head.split()[-1].casefold() in LINKS:
            break  # «Управления по работе с … и | НПО …»: the name began before the tagger's
        if head and any(w.casefold().startswith(POSITION_WORDS) for w in head.split()):
            raw, normal = span.text, span.normal
            head_words = head.split()
            # A quoted name needs the kind before it («союза предпринимателей «Береке»»); a
            # full name («Общественной палаты …») has its own, and the title keeps the unit.
            quoted = span.text.lstrip().startswith("«") or chunk[: span.start - at].rstrip(
                ' "'
            ).endswith("«")
            # so does an abbreviation after its kind («агентства ИТАР-ТАСС», «Института
            # философии и права УрО РАН»)
            abbreviated = re.fullmatch(r"[А-ЯЁA-Z][А-ЯЁA-Z-]+", span.text.strip()) is not None
            kind_at = organization_start(head_words) if quoted or abbreviated else None
            if not quoted and kind_at is not None and not titles_a_person(head_words[kind_at - 1]):
                kind_at = None  # «кафедрой … муниципального управления СИУ»: a field, not a body
            if kind_at is not None:
                kind = " ".join(head_words[kind_at:])
                head = " ".join(head_words[:kind_at])
                if quoted:
                    raw = f"{kind} «{raw.strip('«»')}»"
                    normal = f"{phrase_nominative(kind)} «{normal.strip('«»')}»"
                else:
                    raw, normal = f"{kind} {raw}", f"{phrase_nominative(kind)} {raw}"
            else:
                head, moved = org_words_in_title(head)
                if moved:
                    name = raw if raw.lstrip().startswith("«") else normal
                    if quoted:  # «… детства «Мама-Клуб»»: the tagger left its quotes out
                        raw = name = f"«{raw.strip('«»')}»"
                    if is_branch(moved.split()[-1]):
                        # the branch's body stays as written, and so does where it serves
                        # («представительства | Россотрудничества в Казахстане»)
                        name = raw + _where_it_serves(chunk[span.stop - at :])
                        raw = name
                    raw, normal = f"{moved} {raw}", f"{phrase_nominative(moved)} {name}"
                parent = parent_of_unit(raw.split())
                if parent is not None:  # «директора Департамента … | МИД России»
                    unit, raw = raw.split()[:parent], " ".join(raw.split()[parent:])
                    head, normal = " ".join([head, *unit]), phrase_nominative(raw)
            head, raw, normal = remit_to_unit(head, raw, normal)
            # where the name as given begins: with its kind or adjectives, before the span
            begins = span.start - max(0, len(raw) - len(span.text.strip("«»")) - 2)
            org_id = organization(raw, normal, max(at, begins))
            if org_id is None:
                # «представители молодёжных ресурсных центров …»: bodies described, not
                # named, stay in the title, and so does a place taken for a body («аким ВКО»)
                return lower_first(chunk), None
            return lower_first(head), org_id
    # No organization recognised: the title runs up to the first capitalised Cyrillic word
    # (a Latin degree such as «PhD» stays in it), or up to a word naming a kind of
    # organization («руководитель | управления внутренней политики Астаны»).
    words = chunk.split()
    cut = next(
        (
            k
            for k, w in enumerate(words)
            if k > 0
            and w[:1].isupper()
            and re.match(r"[А-ЯЁ]", w)
            and not w.casefold().startswith(POSITION_WORDS)
            and not begins_with_title(" ".join(words[k:]))  # «Чрезвычайный и Полномочный Посол»
        ),
        len(words),
    )
    if (
        1 < cut < len(words)
        and named_after_someone(words[cut - 1])
        and {"Name", "Surn"} & (tags_of(words[cut])[1])
    ):
        cut -= 1  # «руководитель | дома-музея Мухтара Ауэзова»: whom it is named after is its name
    # The organization is the last one named: earlier kinds are units within it, part of
    # the title («руководитель отдела предпринимательства | акимата Бурлинского района»),
    # with the adjectives before its kind («член | молодёжного совета при акиме …»).
    kind_at = organization_start(words)
    kinds = kind_at is not None
    if kind_at is not None:
        cut = kind_at
    parent = parent_of_unit(words[cut:])
    if parent is not None:  # «начальник Управления … | Россотрудничества»
        cut += parent
    title = " ".join(words[:cut])
    rest = " ".join(words[cut:])
    ours = re.fullmatch(r"(?:наш|ваш|сво)\w*\s+(\S+)", rest, re.I)
    if ours and names_org_kind(ours.group(1)):
        # «председатель нашего объединения»: the body the page is about, named before by its
        # kind or not at all; never a body called «Наше объединение»
        referred = antecedent(at, lemma_of(ours.group(1)))
        return (lower_first(title), referred) if referred else (lower_first(chunk), None)
    if rest and title.split()[-1].casefold().startswith(("посол", "консул")):
        # «посол Российской Федерации в …», «генеральный консул РФ в …»: the title as written
        # says whom the holder serves and where, so it stands alone
        return lower_first(chunk), None
    if rest and not kinds and is_country(phrase_nominative(rest)):
        # «Заслуженный деятель науки Российской Федерации», «артистка России»: a country
        # alone employs no one; it is the title's
        return lower_first(chunk), None
    if rest and not kinds and is_region(rest):
        if title.split()[-1].casefold() in ("из", "от"):  # «эксперт из Актобе»: where from
            return lower_first(" ".join(title.split()[:-1])), None
        return lower_first(chunk), None  # «заместитель акима Павлодарской области …»
    organ = _organ_named_alone(rest)
    if organ is not None:
        # «председатель совета автономии»: the council of the body named before by its
        # kind; «председатель попечительского совета»: of a body not named — the title's
        kept, kind = organ
        title = " ".join([title, kept])
        referred = antecedent(at, kind) if kind else None
        return (lower_first(title), referred) if referred else (lower_first(chunk), None)
    remit = _REMIT_TAIL.search(rest)
    body = rest[: remit.start()] if remit else ""
    if kinds and remit and len(body.split()) == 1 and lemma_of(body) not in _TAKES_A_REMIT:
        # «проректор университета по международной работе»: a university has no remit, the
        # vice-rector has («проректор по международной работе»)
        title, rest = title + remit.group(0), body
    if rest and kinds and not rest.isupper() and len(rest.split()) == 1:
        # «председателю центра», «руководитель Общества»: no name, only the kind of a body
        # named before
        referred = antecedent(at, lemma_of(rest))
        return (lower_first(title), referred) if referred else (lower_first(chunk), None)
    referred = None if rest else antecedent(at, None)
    if referred:
        return lower_first(title), referred
    if not rest:
        # «вице-министр культуры и информации»: a minister's ministry is named by the title.
        minister = re.match(r"(?:вице-|первый вице-|заместитель )?министра?\s+(.+)", title, re.I)
        # «министр области»: no ministry; «министр культуры региона»: which region's is not said
        if (
            minister
            and not is_region(minister.group(1))
            and not re.search(r"\b(?:региона|области|района|края|города)$", minister.group(1))
        ):
            ministry = f"Министерство {minister.group(1)}"
            return lower_first(title), organization(ministry, ministry, at)
    if rest and _of_some_people(rest):
        # «председатель автономии казахов», «член совета ветеранов села»: a body described by
        # whose it is, in common words, with no name of its own, is the title's (which one is
        # not said, and the one of its kind named before may be another)
        return lower_first(chunk), None
    org_id = organization(rest, phrase_nominative(rest), at + chunk.find(rest)) if rest else None
    if rest and org_id is None:
        # «лидеры национальных объединений», «почётный гражданин города Рудного»: words that
        # name no organization stay in the title
        return lower_first(chunk), None
    return lower_first(title), org_id
