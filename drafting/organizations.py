"""Organizations in an article: names taken whole, fragments and units that are no organization,
abbreviations spelt out, and the country a name tells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from drafting.gazetteer import (
    country_of,
    country_of_form,
    is_country,
    is_region_abbreviation,
    place_country,
    region_country,
)
from drafting.model import DraftPlace
from drafting.nlp import Span
from drafting.places import is_region
from drafting.words import (
    POSITION_WORDS,
    SMALL_WORDS,
    compound_in_full,
    head_index,
    known_word,
    lemma_of,
    names_org_kind,
    phrase_nominative,
    tags_of,
    titles_a_person,
)

GENERIC_ORGS = {"нпо", "нко", "ооо", "оюл", "рк", "рф", "сми"}


GENERIC_ABBREVIATIONS = frozenset(w.upper() for w in GENERIC_ORGS | {"ссср", "сша"})


# A mission, a house or a centre of one country in a city of another is named with that city
# («Посольство РК в Москве», «Русский дом в Астане»); any body may be named with «г. …»
_MISSION_LEMMAS = frozenset({"посольство", "консульство", "представительство", "дом", "центр"})
_IN_CITY = re.compile(r"\s+(?:во?\s+(?:г\.\s*|городе\s+)?|г\.\s*|города\s+)", re.I)
_CITY_NAMED = re.compile(r"\s+(?:г\.\s*|города\s+)", re.I)


def _is_mission(name: str) -> bool:
    return any(lemma_of(w) in _MISSION_LEMMAS for w in re.sub(r"«.*»", " ", name).split())


def _serves_in(name: str, gap: str) -> bool:
    """Whether the place after `gap` belongs to the body's name: «г. Нур-Султан» after any body,
    «в Омске» after a mission or a house."""
    if _CITY_NAMED.fullmatch(gap):
        return True
    return bool(_IN_CITY.fullmatch(gap)) and _is_mission(name)


def organization_spans(spans: list[Span], text: str) -> list[Span]:
    """ORG spans, each joined with a place that directly follows it
    («Гражданский Альянс» + «Казахстана», «Общественной палаты» + «Российской Федерации»).
    Two organizations side by side stay two: a commission and the chamber it belongs to."""
    merged: list[Span] = []
    ordered = sorted(_by_line(spans, text), key=lambda s: s.start)
    i = 0
    while i < len(ordered):
        span = ordered[i]
        if span.type != "ORG":
            i += 1
            continue
        start, stop, normal = span.start, span.stop, span.normal
        # «Создана ассоциация …» in a headline: a verb the tagger took in is no part of a name
        first = re.match(r"[А-ЯЁа-яё]+[ \t]+", text[start:stop])
        if (
            first
            and known_word(first.group().strip())  # not a word it guesses («Наурыз»)
            and {"VERB", "PRTS"} & tags_of(first.group().strip())[0]
            and " " in normal
        ):
            start, normal = start + first.end(), normal.split(" ", 1)[1]
        head = _head_noun_after(text, start, stop)
        if head is not None:  # «Местная национально-культурная казахская | автономия …»
            stop = head
            normal = phrase_nominative(text[start:stop])
        # «платформы «Большая Евразия»: the tagger leaves the closing quotes out
        while text[start:stop].count("«") > text[start:stop].count("»") and text[
            stop : stop + 1
        ] in ("»", '"'):
            stop += 1
            normal += "»"
        # «филармонии им. Еркегали Рахмадиева»: whom a body is named after is part of its name
        # («… им. Л. и М. Ростроповичей»: two named after, the first by initials)
        named_after = re.search(r"(?:\bим\.|\bимени)\s*(?:[А-ЯЁ]\.\s*)*$", text[start:stop])
        follower = next((o for o in ordered[i + 1 :] if o.start >= stop), None)
        joined = (
            named_after
            and re.search(r"[А-ЯЁ]\.\s*$", named_after.group(0))
            and (text[stop : follower.start].strip() if follower else "") == "и"
        )
        if (
            named_after
            and follower is not None
            and follower.type == "PER"
            and (not text[stop : follower.start].strip() or joined)
        ):
            normal += text[stop : follower.stop]
            stop = follower.stop
        # «ОЮЛ «Ассоциация русских, славянских, казачьих организаций …»»: it stops at a comma
        # inside the quotes; a name in quotes ends where they close
        opened = text.find("«", start, stop)
        if opened >= 0 and text[start:stop].count("«") > text[start:stop].count("»"):
            closing = closing_quote(text, opened)
            if closing is not None and stop < closing < stop + 120:
                normal += text[stop : closing + 1]
                stop = closing + 1
        while i + 1 < len(ordered):
            nxt = ordered[i + 1]
            if nxt.start < stop:  # inside the quotes the name took in
                i += 1
                continue
            gap = text[stop : nxt.start]
            in_region = re.search(
                r"(?:^|\s)(?:област\w*|кра(?:й|я|ю|е|ем)|район\w*|округ\w*)$", text[start:stop]
            )
            if nxt.type == "LOC" and in_region and is_country(phrase_nominative(nxt.text)):
                break  # «Министерство культуры Челябинской области | Российской Федерации»
            if nxt.type == "LOC" and _people_of(gap):
                # «автономии | казахов | России», «Дома дружбы | народов | Татарстана»
                normal, stop = normal + gap + nxt.text, nxt.stop
                i += 1
            elif nxt.type == "LOC" and gap.strip(" »") == "" and len(gap) <= 3:
                stop = nxt.stop
                normal = f"{normal}{gap.replace(' ', '')} {nxt.text}".replace("» ", "» ")
                i += 1
            elif nxt.type == "LOC" and _serves_in(text[start:stop], gap):
                normal, stop = normal + gap + nxt.text, nxt.stop
                i += 1
            elif nxt.type == "ORG" and gap == " " and _named_by(text[start:stop], nxt.text):
                # «Представительство | Федерального агентства | Россотрудничества»: a branch
                # and the body it is of, a kind and the name it is given, are one body
                normal, stop = normal + gap + nxt.text, nxt.stop
                i += 1
            elif (
                nxt.type == "ORG"
                and gap == " "
                and text[start:stop].endswith("»")
                and all(w.isupper() for w in nxt.text.split())
            ):
                # «ОО «Центр русской культуры» АНК ЗКО»: the body it belongs to, abbreviated
                # after its quoted name, is part of that name
                normal, stop = normal + gap + nxt.text, nxt.stop
                i += 1
            else:
                city = nxt.text.split()[0]
                if (
                    nxt.type == "PER"
                    and _CITY_NAMED.fullmatch(gap)
                    and len(nxt.text.split()) >= 3
                    and country_of(city)
                ):
                    # «Русского Дома г. Нур-Султан Алексей …»: the tagger took the city the
                    # body serves into the name after it
                    normal, stop = normal + gap + city, nxt.start + len(city)
                break
        # «Детская общественная организация Курганской области «Открытый мир»»: a body called
        # by its kind, with no name in quotes yet, takes the one written right after it (what
        # the tagger took for a body and is no kind of one — «конференция «…»» — does not)
        quoted = re.match(r"[ \t]?«", text[stop : stop + 2])
        if (
            quoted
            and "«" not in text[start:stop]
            and any(names_org_kind(w) for w in text[start:stop].split())
        ):
            closing = closing_quote(text, stop + quoted.end() - 1)
            if closing is not None and closing - stop < 80:
                normal += text[stop : closing + 1]
                stop = closing + 1
                while i + 1 < len(ordered) and ordered[i + 1].start < stop:
                    i += 1  # the name in quotes, tagged apart
        remit = _remit_after(text, stop) if stop > span.stop else None
        if remit is not None:  # «Управления | Алтайского края | по культуре и архивному делу»
            normal, stop = normal + text[stop:remit], remit
        attached = _attached_to(text, stop, ordered)
        if attached is not None:  # «Академии … | при Президенте Республики Казахстан»
            normal, stop = normal + text[stop:attached], attached
        counterpart = _counterpart_after(text, start, stop)
        if counterpart is not None:  # «Управления … по культурным связям | с зарубежными странами»
            normal, stop = normal + text[stop:counterpart], counterpart
        restated = _restated_after(text, start, stop)
        if restated is not None:  # «Гражданского альянса | – ресурсного центра поддержки НКО …»
            end, phrase = restated
            normal, stop = f"{normal} – {phrase_nominative(phrase)}", end
            while i + 1 < len(ordered) and ordered[i + 1].start < stop:
                i += 1  # what the tagger took apart inside it («НКО»)
        merged.append(Span("ORG", start, stop, text[start:stop], normal))
        i += 1
    merged += _quoted_after_kind(text, merged)
    return sorted(merged + performing_groups(text, merged), key=lambda s: s.start)


def _named_by(phrase: str, nxt: str) -> bool:
    """Whether the body tagged next is part of this one's name: this is a branch named alone
    («Представительством | Федерального агентства …»), or ends in a kind of body that the next,
    one proper name in the same case, names («агентства | Россотрудничества»)."""
    words = phrase.split()
    if len(words) == 1 and is_branch(words[0]):
        return nxt[:1].isupper()
    named = nxt.split()
    if len(named) != 1 or not named[0][:1].isupper() or named[0].isupper():
        return False
    last = words[-1] if words else ""
    cases = {"nomn", "gent", "datv", "accs", "ablt", "loct"}
    return (
        names_org_kind(last)
        and last[:1].islower()
        and not names_org_kind(named[0])
        and bool(tags_of(last)[0] & tags_of(named[0])[0] & cases)
    )


def _head_noun_after(text: str, start: int, stop: int) -> int | None:
    """Where a name the tagger cut after its adjectives ends: the word right after it, on the
    same line, when it is a noun for a kind of body («… казахская | автономия»)."""
    last = text[start:stop].split()[-1] if text[start:stop].split() else ""
    if "«" in text[start:stop] or "ADJF" not in tags_of(last)[0] or last.isupper():
        return None
    after = re.match(r"[ \t]+([а-яё]+)", text[stop : stop + 40])
    if after is None or not names_org_kind(after.group(1)):
        return None
    from search.textnorm import _analyzer

    cases = {p.tag.case for p in _analyzer().parse(last) if p.tag.POS == "ADJF"}
    nouns = [p for p in _analyzer().parse(after.group(1)) if p.tag.POS == "NOUN"]
    return stop + after.end() if any(p.tag.case in cases for p in nouns) else None


# «по приглашению», «по итогам»: what a sentence says of the body, not what the body is for
NOT_REMITS = frozenset(
    "приглашение инициатива итог слово линия случай поручение данные мнение просьба повод "
    "причина результат окончание завершение традиция сообщение информация предложение решение "
    "согласование время мера путь словам благословение".split()
)


_REMIT = re.compile(r"[ \t]+по[ \t]+[а-яё]+(?:[ \t]+[а-яё]+)*")


def _remit_after(text: str, stop: int) -> int | None:
    """Where «по делам молодёжи», «по культуре и архивному делу» — what a body is for, written
    after the place it serves — ends: lower-case nouns, their adjectives and «и», from a noun
    in the dative on."""
    found = _REMIT.match(text, stop)
    if found is None:
        return None
    words = list(re.finditer(r"[а-яё]+", found.group(0)))[1:]
    if "datv" not in tags_of(words[0].group(0))[1] or lemma_of(words[0].group(0)) in NOT_REMITS:
        return None
    end = None
    for word in words:
        parts = tags_of(word.group(0))[0]
        if word.group(0) != "и" and not {"NOUN", "ADJF"} & parts:
            break
        if word.group(0) != "и":
            end = stop + word.end()
    return end


def _people_of(gap: str) -> bool:
    """Whether `gap` is one word naming a people in the genitive («казахов», «народов»), as
    between a body and the place whose people it serves."""
    word = gap.strip()
    if not re.fullmatch(r"[а-яё]+", word) or gap != f" {word} ":
        return False
    best, grammemes = tags_of(word)
    return "NOUN" in best and "gent" in grammemes and ("anim" in best or lemma_of(word) == "народ")


def _attached_to(text: str, stop: int, spans: list[Span]) -> int | None:
    """Where «при Президенте Республики Казахстан», «при акимате города» — whom a body is
    attached to — ends: «при» and a person or a body in the locative right after the name,
    with the words in the genitive after it, up to a punctuation mark or a person's name."""
    found = re.match(r"[ \t]+при[ \t]+", text[stop:])
    if found is None:
        return None
    people = [s for s in spans if s.type == "PER"]
    places = [s for s in spans if s.type == "LOC"]
    end = None
    for k, word in enumerate(re.finditer(r"\S+", text[stop + found.end() :])):
        at = stop + found.end() + word.start()
        bare = word.group(0).rstrip(",.;:")
        if any(p.start <= at < p.stop for p in people) or not re.fullmatch(r"[\w-]+", bare):
            break
        place = next((p for p in places if p.start < at < p.stop), None)
        if place is not None and end is not None and place.start < end:
            end = max(end, min(place.stop, at + len(bare)))  # «Республики | Казахстан»
            if bare != word.group(0):
                break
            continue
        best, grammemes = tags_of(bare)
        if ("loct" if k == 0 else "gent") not in grammemes or not grammemes & {"NOUN", "ADJF"}:
            break
        if k == 0 and not ("anim" in best or names_org_kind(bare)):
            return None  # «при поддержке …», «при участии …»: how, not to whom
        end = at + len(bare)
        if bare != word.group(0) or k >= 6:
            break
    return end


# Remits that say with whom: «по связям с …», «по работе с …», «по взаимодействию с …»
_WITH_WHOM = frozenset("связь работа взаимодействие сотрудничество отношение".split())


def _counterpart_after(text: str, start: int, stop: int) -> int | None:
    """Where «с зарубежными странами», «с общественностью» — with whom a body's remit is
    («по связям | с общественностью», «по работе | с молодёжью») — ends: lower-case words in
    the instrumental right after a name that ends in a remit."""
    remit = re.search(r"(?:^|\s)по\s+[а-яё]+(?:\s+[а-яё]+)*$", text[start:stop])
    if not remit or lemma_of(remit.group().split()[-1]) not in _WITH_WHOM:
        return None  # «Управления по делам молодёжи | с интересом …»: how, not with whom
    found = re.match(r"[ \t]+со?[ \t]+", text[stop:])
    if found is None:
        return None
    end = None
    for word in re.finditer(r"\S+", text[stop + found.end() :]):
        bare = word.group(0).rstrip(",.;:")
        if not re.fullmatch(r"[а-яё-]+", bare) or "ablt" not in tags_of(bare)[1]:
            break
        end = stop + found.end() + word.start() + len(bare)
        if bare != word.group(0):
            break  # a comma or a full stop ends it
    return end


def _by_line(spans: list[Span], text: str) -> list[Span]:
    """An organization the tagger ran across a blank line («РЦНК» in a headline, «Российский
    центр …» in the paragraph under it) is one per paragraph; a run of lines with no blank one
    between (a site's menu) stays one, and no name."""
    out = []
    for span in spans:
        if span.type != "ORG" or not re.search(r"\n[ \t]*\n", span.text):
            out.append(span)
            continue
        for piece in re.finditer(r"[^\n]+", span.text):
            words = piece.group().strip()
            # a part whose head noun is a kind of body, or an abbreviation: not «Гордость
            # общества», what was left of a line the tagger ran on, nor a headline that tells
            # something of a body («Казахское общество отметило 30-летие»)
            head = next((w for w in words.split() if "NOUN" in tags_of(w.strip("«»"))[0]), "")
            told = any("VERB" in tags_of(w)[0] for w in re.findall(r"[а-яё]+", words))
            if re.fullmatch(r"[А-ЯЁ]{2,}", words) or (head and names_org_kind(head) and not told):
                start = span.start + piece.start() + piece.group().index(words)
                normal = (
                    words if re.fullmatch(r"[А-ЯЁA-Z]{2,}", words) else phrase_nominative(words)
                )
                out.append(Span("ORG", start, start + len(words), words, normal))
    return out


def _restated_after(text: str, start: int, stop: int) -> tuple[int, str] | None:
    """A body named again after a dash by its kind, in the same oblique case: «руководитель
    Гражданского альянса – ресурсного центра поддержки НКО области, …» is one body, «Гражданский
    альянс – ресурсный центр …». Where that phrase ends (a comma, a full stop, a bracket or the
    line's end), and the phrase. In the nominative a dash says what a body is («Дом дружбы –
    центр притяжения …»): that is no name."""
    found = re.match(r"[ \t]+[-–—][ \t]+([а-яё][^,.;:()\n«»]{3,120})", text[stop:])
    if found is None:
        return None
    phrase = found.group(1).rstrip()
    words = phrase.split()
    kind = next((k for k, w in enumerate(words[:3]) if names_org_kind(w)), None)
    head = next((w for w in text[start:stop].split() if names_org_kind(w)), None)
    if kind is None or head is None:
        return None
    cases = tags_of(words[kind])[1] & tags_of(head.strip("«»"))[1] & _OBLIQUE
    if not cases or "nomn" in tags_of(head.strip("«»"))[0]:
        return None
    return stop + found.start(1) + len(phrase), phrase


_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct"})


def closing_quote(text: str, opened: int) -> int | None:
    """Where the «…» opening at `opened` closes (nested quotes counted), within its sentence."""
    depth = 0
    for at in range(opened, len(text)):
        char = text[at]
        if char == "«":
            depth += 1
        elif char == "»":
            depth -= 1
            if depth == 0:
                return at
        elif char in ".!?\n" and depth:
            return None
    return None


# An orchestra, a choir, an ensemble of a body: «камерный оркестр Государственной филармонии»,
# «оркестр русских народных инструментов Оренбургского института искусств»
_GROUP_KINDS = r"(?:оркестр|хор|ансамбль|капелла)"
_GROUP = re.compile(
    rf"(?:^|[\s,:;(–—-])((?:[а-яё-]+(?:ый|ий|ой)\s+){{0,2}}{_GROUP_KINDS}(?:\s+[а-яё-]+){{0,3}})\s+$",
    re.I,
)


def performing_groups(text: str, spans: list[Span]) -> list[Span]:
    """A group of performers named by the body it belongs to, which the tagger took for
    that body alone: the group is an organization of its own (its kind to the nominative,
    the body it belongs to as written)."""
    groups = []
    for span in spans:
        found = _GROUP.search(text[max(0, span.start - 80) : span.start])
        if found is None or span.text.startswith("«"):
            continue
        phrase = found.group(1)
        words = phrase.split()
        kind = next(k for k, w in enumerate(words) if re.match(_GROUP_KINDS, w, re.I))
        # what follows the kind is in the genitive: «оркестр русских народных инструментов …»
        if not all("gent" in tags_of(w)[1] for w in words[kind + 1 :]):
            continue
        start = span.start - len(text[max(0, span.start - 80) : span.start]) + found.start(1)
        head = phrase_nominative(" ".join(words[: kind + 1]))
        normal = " ".join([head, *words[kind + 1 :], text[span.start : span.stop]])
        groups.append(Span("ORG", start, span.stop, text[start : span.stop], normal))
    return groups


def _quoted_after_kind(text: str, tagged: list[Span]) -> list[Span]:
    """Quoted names right after a word for a kind of body that the tagger did not take for
    organizations («коллектива «Лариса»», «клуба «Мирас»»): its kind is added to it later,
    as to any quoted name (`with_kind`)."""
    found = []
    for quote in re.finditer("«", text):
        start = quote.start()
        if start and text[start - 1] == "«":
            continue
        before = text[max(0, start - 40) : start].split()
        if not before or not names_org_kind(before[-1]) or "plur" in tags_of(before[-1])[0]:
            continue  # «коллективы «…» и «…»»: several, each a name of its own
        depth, stop = 0, None
        for k in range(start, min(len(text), start + 150)):
            depth += {"«": 1, "»": -1}.get(text[k], 0)
            if depth == 0:
                stop = k + 1
                break
        if stop is None or "\n" in text[start:stop]:
            continue  # not closed soon, or across lines: no name
        if any(s.start < stop and start < s.stop for s in tagged):
            continue  # the tagger found it (or a part of it)
        found.append(Span("ORG", start, stop, text[start:stop], text[start:stop]))
    return found


LINKS = frozenset("в и на при по для с".split())


DOCUMENT_LEMMAS = frozenset(
    "устав закон программа положение план меморандум соглашение договор указ постановление "
    "концепция стратегия декларация резолюция письмо".split()
)


# Things with names of their own that are no bodies: works, programmes, awards, processions
_NAMED_THING_LEMMAS = frozenset(
    "песня книга фильм спектакль альбом стихотворение поэма роман картина постановка "
    "композиция танец номинация премия медаль орден шествие акция марафон эстафета".split()
)


def quoted_thing(before: str, names_an_event: Callable[[str], bool]) -> bool:
    """Whether a quoted name written after `before` names a thing, not a body: the nearest
    word for a kind before it, over other quoted names and the words of the phrase, is an
    event, a document or a work («праздник казахской культуры «Наурыз-2015»», «по программе
    «Болашак»», «шествие «Дружба»»), and no word for a body comes after it.
    `names_an_event` tells a lemma for an event (the event module knows them)."""
    before = re.sub(r"«[^«»]*»", " ", before)
    before = re.split(r"[.,!?;:()\n«»]", before.rstrip(" «"))[-1]
    for word in reversed(before.split()[-5:]):
        word = word.strip(',«»"')
        if not word or word.casefold() in LINKS:
            continue
        if names_org_kind(word):
            return False
        lemma = lemma_of(word)
        if lemma in DOCUMENT_LEMMAS or lemma in _NAMED_THING_LEMMAS or names_an_event(lemma):
            return True
    return False


_WORD = re.compile(r"[А-ЯЁA-ZӘҒҚҢӨҰҮҺІа-яёa-zәғқңөұүһі]+")


def same_quoted_body(a: str, b: str) -> bool:
    """«Фонд «Центр «Евразийский диалог»»» and «Общественный фонд «Центр «Евразийский
    диалог»»»: the same quoted name and the same kind of body."""
    split_a, split_b = a.split("«", 1), b.split("«", 1)
    if len(split_a) < 2 or len(split_b) < 2 or split_a[1].strip("»") != split_b[1].strip("»"):
        return False
    kind_a, kind_b = split_a[0].split(), split_b[0].split()
    return bool(kind_a and kind_b) and lemma_of(kind_a[-1]) == lemma_of(kind_b[-1])


def shortly_named(short: str, full: str) -> bool:
    """Whether `short` names the body `full` names, by the same quoted name: with no kind
    («Сибирский центр …» for «организация «Сибирский центр …»»), with a kind the full name
    has too («фонд «Нива»» for «региональный фонд поддержки … «Нива»»), or with the
    abbreviation of the full name's kind («ЗКОО «Лад»» for «Западно-Казахстанское областное
    общественное объединение «Лад»»); or by the innermost name with a kind of the full one's.
    """
    full_kind, quote, full_name = full.partition("«")
    if not quote or not full_kind.strip():
        return False
    short_kind, quote, short_name = short.partition("«")
    if not quote:
        short_kind, short_name = "", short
    kinds = short_kind.split()
    short_name = short_name.strip().rstrip("»")
    if short_name != full_name.strip().rstrip("»"):
        # «АРОО «Ынтымақ»», «общество «Ынтымақ»» for «АРОО «Казахское … общество «Ынтымақ»»»:
        # the innermost name, with a kind the full name has
        inner = full.rpartition("«")
        if not kinds or "«" in short_name or inner[2].rstrip("»") != short_name:
            return False
        full_kind = inner[0]
    if not kinds:
        return True
    kind = kinds[-1]
    if kind.isupper() and len(kind) >= 2:
        return kind in full_kind.split() or _initial_letters(full_kind).startswith(kind)
    if {lemma_of(w) for w in _WORD.findall(short_kind.casefold())} <= _ANY_KIND:
        return True  # «общественная организация «Армандастар»» for «… автономия … «Армандастар»»
    # «молодёжный центр «Достык»» is no «РОО «Казахский культурный центр «Достык»»»: every
    # word of the short kind is in the full one
    full_words = {lemma_of(w) for w in _WORD.findall(full_kind.casefold())}
    return names_org_kind(kind) and all(lemma_of(w) in full_words for w in kinds)


# Words that call any public body, whatever its own kind
_ANY_KIND = frozenset({"общественный", "некоммерческий", "организация", "объединение"})


def _initial_letters(name: str) -> str:
    """«Карагандинский областной центр гражданских инициатив» → «КОЦГИ»; an abbreviation in a
    name counts with all its letters («РОО «КНКЦ «Мөлдір»»» → «РООКНКЦМ»)."""
    words = [w for w in _WORD.findall(name) if w.casefold() not in SMALL_WORDS]
    return "".join(_capitals(w) for w in words)


def _capitals(word: str) -> str:
    """A word's share of an abbreviation: its first letter, or all its capitals when it is an
    abbreviation itself («КНКЦ», «СПб» for «Санкт-Петербург»)."""
    capitals = "".join(c for c in word if c.isupper())
    return capitals if len(capitals) >= 2 else word[0].upper()


def spelt_out(name: str, candidates: list[tuple[str, str, int]]) -> tuple[str, str, int] | None:
    """The organization an abbreviation stands for, when the article names it in full too:
    its words' first letters are the abbreviation's, give or take a legal form before the
    name («ОО «…»») or the region before it («Омская РОО …»)."""
    words = _WORD.findall(name)
    abbreviated = [_capitals(w) for w in words if len(_capitals(w)) >= 2]
    if len(words) > 4 or not abbreviated or len("".join(abbreviated)) < 3:
        return None
    short = _initial_letters(name)
    # «НКАКТО казахов Тюменской области»: the abbreviation, then words of what it stands for
    head, tail = words[0], [w.casefold() for w in words[1:]]
    for raw, normal, at in map(_title_cut_off, candidates):
        if sum(1 for w in _WORD.findall(normal) if not w.isupper()) < 3:
            continue  # itself an abbreviation, or too short to be spelt out
        spelt = re.sub(r"\s*\([^)]*\)?\s*$", "", normal)  # «… инициатив» (КОЦГИ)»
        # «Российский центр науки и культуры в Ташкенте» is the РЦНК: where it serves is not
        spelt = re.sub(r"\s+во?\s+(?:г\.\s*)?[А-ЯЁ][\w-]*$", "", spelt)
        letters = _initial_letters(spelt)
        plain = _initial_letters(re.sub(r"^(?:[А-ЯЁ]{2,}\s+)+", "", spelt))
        # «… организация «Национально-культурная автономия казахов …»» is the НКАКТО too
        own = {_initial_letters(quoted) for quoted in re.findall(r"«([^«»]+)", spelt)}
        if short in {letters, plain, *own} or (
            letters.endswith(short) and len(letters) - len(short) <= 1
        ):
            return raw, normal, at
        written = {w.casefold() for w in _WORD.findall(f"{raw} {normal}")}
        if (
            tail
            and len(head) >= 3
            and head.isupper()
            and head in {letters, plain, *own}
            and all(w in written for w in tail)
        ):
            return raw, normal, at
    return None


def _title_cut_off(candidate: tuple[str, str, int]) -> tuple[str, str, int]:
    """«Председателя Городской Думы …», a title the tagger ran into a name: the body alone."""
    raw, _, at = candidate
    first, _, rest = raw.partition(" ")
    if rest[:1].isupper() and "«" not in first and titles_a_person(first):
        return rest, phrase_nominative(rest), at + len(first) + 1
    return candidate


def defined(short: str, text: str) -> tuple[str, str, int] | None:
    """An abbreviation the article defines, «Челябинская региональная общественная
    организация «Союз народов Южного Урала» (ЧРОО «СНЮУ»)»: the words before the brackets
    whose first letters it is made of."""
    for found in re.finditer(r"\(\s*" + re.escape(short) + r"\s*\)", text):
        words = text[max(0, found.start() - 200) : found.start()].split()
        for k in range(min(len(words), 14), 1, -1):
            raw = " ".join(words[-k:])
            if not raw[:1].isupper():
                continue
            normal = phrase_nominative(raw)
            if spelt_out(short, [(raw, normal, 0)]):
                return raw, normal, found.start() - len(raw) - 1
    return None


def written_in_full(name: str) -> str:
    """A compound abbreviation of a body written out («Омский горсовет» → «Омский городской
    Совет», «Генконсульство РК в Омске» → «Генеральное консульство РК в Омске»); the country
    stays as the article writes it."""
    return " ".join(compound_in_full(w) for w in name.split(" "))


_MISSION = re.compile(
    r"(?:почётный\s+|почетный\s+)?(?:генеральный\s+)?(?:консульство|посольство)\b"
)
# A country as a mission's name may write it (in the dictionary form of each word): «РК»,
# «Республики Казахстан», «Казахстана»
_COUNTRY_FORMS = (
    ("KZ", re.compile(r"\b(?:республика\s+казахстан|рк|казахстан)\b")),
    ("RU", re.compile(r"\b(?:российский\s+федерация|рф|россия)\b")),
)


def mission_key(name: str) -> str | None:
    """What tells one country's mission from another whatever the wording: «Консульство РК в
    Омске» and «Консульство Казахстана в Омске» are one; None for a body that is no mission."""
    key = " ".join(lemma_of(w) for w in re.sub(r"\bг\.\s*", "", name.casefold()).split())
    if not _MISSION.match(key):
        return None
    for country, pattern in _COUNTRY_FORMS:
        key = pattern.sub(country, key)
    return key


_COUNTRY_WORDS = (
    ("KZ", re.compile(r"\b(?:казахстан\w*|рк|қазақстан\w*)\b")),
    (
        "RU",
        re.compile(
            r"\b(?:росси[яиюей]|рф|россотрудничеств\w*|российск\w+ федерац\w+|"
            # a federal body is Russia's (Kazakhstan's are «республиканские»); a «Российский
            # центр науки и культуры» is Russia's house abroad, wherever it stands
            r"федеральн\w+|российск\w+ центр\w* науки и культуры|рцнк)\b"
        ),
    ),
)


def org_country(name: str, places: Iterable[DraftPlace]) -> str | None:
    """The country an organization's name tells: a country named in it («… Республики
    Казахстан», «Россотрудничества»), or a city of the article its words are made from
    («Оренбургской области» → Оренбург, RU). None when it tells none or two."""
    served = re.search(r"\s(?:в|во)\s", name)
    if served and _is_mission(name[: served.start()]):
        # «Русский дом в Астане»: where a mission serves is not whose it is
        name = name[: served.start()]
    words = [w.casefold().strip('«»"(),.') for w in name.split()]
    words = [
        w
        for w in words
        if not re.fullmatch(r"российско-казахстанск\w*|казахстанско-российск\w*", w)
    ]
    joined = " ".join(words)
    named = {country for country, pattern in _COUNTRY_WORDS if pattern.search(joined)}
    if len(named) == 2 and " в " in joined:
        # «Посольство РФ в РК», «Представительство Россотрудничества в Республике Казахстан»:
        # a mission is of the country named before where it serves
        home = joined.split(" в ", 1)[0]
        named = {country for country, pattern in _COUNTRY_WORDS if pattern.search(home)}
    if len(named) == 1:
        return named.pop()  # «Ассамблея народа Казахстана»
    # «русской культуры», «российских соотечественников» name a people, not a country: such a
    # society is as often in Omsk as in Pavlodar, so they tell nothing (a Kazakh one is the
    # diaspora's: `_diaspora_country`, the last resort)
    found: set[str] = set()  # from a place the article or the name calls a city
    guessed: set[str] = set()  # from a word that may name a city: RU or KZ only
    for place in places:
        stem = place.name.casefold()[:5]
        if place.country and len(stem) == 5 and any(w.startswith(stem) for w in words):
            # a city the content knows is sure; one only the gazetteer knows may be another
            # of its name («Алтай» is also a city in China)
            (found if place.known else guessed).add(place.country)
    for before, word in zip(["", *words], words, strict=False):  # «… г. Нур-Султан»
        if before in ("г.", "г", "города", "город", "городе") or before.endswith("г."):
            country = country_of(word.title()) or country_of(lemma_of(word).title())
            if country:
                found.add(country)
    # «Дом дружбы Актобе», «… Москвы»: a city named after the body's kind (not in its
    # quotes, not whom it is named after — «театр имени Лермонтова» — and no person's name)
    unquoted = re.sub(r"«.*»", " ", name)
    unquoted = re.sub(r"(?:\bимени|\bим\.)\s*\S+(?:\s+[А-ЯЁ]\S*)*", " ", unquoted)
    for word in (w.strip('"(),.') for w in unquoted.split()[1:] if w[:1].isupper()):
        if {"Surn", "Name", "Patr"} & tags_of(word)[1]:
            continue
        country = country_of(word) or country_of(lemma_of(word).title())
        if country in ("RU", "KZ"):
            guessed.add(country)
    # a place in the body's own name, in its quotes, is no place of the body («челябинский
    # хор «Уральские зори»»)
    for word in (w.casefold().strip('"(),.') for w in unquoted.split()):
        if country := region_country(word):
            found.add(country)  # «… Республики Башкортостан», «АНК ЗКО»
            continue
        if "Geox" in tags_of(word)[0]:  # «Астаны» → Астана
            country = country_of(lemma_of(word).title())
            if country:
                guessed.add(country)
                continue
        adjective = re.fullmatch(r"(\w{2,}?)(?:ск|цк)(?:ой|ого|ому|ий|ая|ое|ую|им|ом|ие|их)", word)
        if adjective is None:
            continue
        stem = adjective.group(1)
        for city in (
            stem,
            stem + "ь",
            stem + "а",
            stem + "ск",
            stem[:-2] + "а" if stem.endswith(("ин", "ын")) else "",  # Кызылорд|ин|ская
            stem[:-1] if stem.endswith("ь") else "",  # Барнаул|ь|ский
        ):
            country = country_of(city[:1].upper() + city[1:]) if len(city) >= 4 else None
            if country:
                guessed.add(country)
                break
    # A guess from a word is only ever one of the two countries: «Алтайский …» is of the
    # Altai region, not of the Chinese city the gazetteer also knows
    found |= guessed & {"RU", "KZ"}
    if not found:  # «ОО «Центр русской культуры»», «АНО «…»»: a form one country has
        return country_of_form(name) or _diaspora_country(joined)
    return found.pop() if len(found) == 1 else None


# A society of Kazakh culture or of Kazakhs is one of the diaspora, so in Russia; a world or
# international body of Kazakhs («Всемирная ассоциация казахов») is no diaspora's, and its
# name alone does not tell where it is. Russian and Slavic societies tell nothing: there are
# as many in Russia's regions as in Kazakhstan.
_KAZAKH_DIASPORA = re.compile(
    r"\bказах\w*\s+(?:национально-)?культурн|\bказахской\s+культуры|\bказахов\b"
)
_WORLD = re.compile(r"\b(?:всемирн|междунар|мирово)\w*")


def _diaspora_country(name: str) -> str | None:
    """RU for a society of the Kazakh diaspora («Казахский национально-культурный центр»,
    «Ассоциация казахов Оренбуржья»), None for any other name."""
    if _KAZAKH_DIASPORA.search(name) and not _WORLD.search(name):
        return "RU"
    return None


# «областная газета», «городской совет ветеранов»: a local body whose name holds no place
LOCAL = re.compile(r"(?:^|\s)(?:областн|городск|районн|краев|муниципальн)\w*", re.I)


# Units inside an organization: a title keeps them («руководитель отдела … акимата …»).
_UNIT_LEMMAS = frozenset(
    "отдел кафедра сектор лаборатория факультет управление департамент комиссия".split()
)


def _names_place(words: list[str]) -> bool:
    """A unit that names the place it serves is a body of its own: «управление образования
    Западно-Казахстанской области», «отдел внутренней политики города Семей» (not «отдел
    краеведения» or «кафедра отечественной истории»)."""
    return any(lemma_of(w) in _PLACE_LEMMAS or (w[:1].isupper() and not w.isupper()) for w in words)


_PLACE_LEMMAS = frozenset("область край район город округ республика".split())


# Units that are state bodies of their own («управление культуры», «департамент …»)
_AGENCY_LEMMAS = frozenset({"управление", "департамент"})


# A body's governing organs: a unit of the body named after them in the genitive
GOVERNING_LEMMAS = frozenset({"совет", "правление", "президиум"})


def parent_of_unit(words: list[str]) -> int | None:
    """Where the body a unit belongs to begins, when the words name a unit inside one:
    «Управления по работе с соотечественниками | Россотрудничества», «Департамента … | МИД
    России», a body's council, board or presidium before the body's kind («Совета |
    Ассамблеи народов России»). The parent is named by an abbreviation or a capitalised noun
    that is neither a place nor a person («… при Президенте» is no body); None for a unit
    alone («Управление культуры Актюбинской области» is an organization of its own)."""
    if (
        len(words) > 1
        and lemma_of(words[0]) in GOVERNING_LEMMAS
        and words[1][:1].isupper()
        and names_org_kind(words[1])
        and "gent" in tags_of(words[1])[1]
    ):
        return 1  # «Совета | Ассамблеи народов России»: the body's own council
    if not words or lemma_of(words[0]) not in _UNIT_LEMMAS:
        return None
    for k in range(1, len(words)):
        word = words[k].strip('«»"(),.')
        if not word[:1].isupper() or words[k - 1].casefold() in ("г.", "города"):
            continue
        if word.isupper() and len(word) >= 2:
            if word in GENERIC_ABBREVIATIONS or is_country(word) or is_region_abbreviation(word):
                continue
            return k
        best, every = tags_of(word)
        if k + 1 < len(words) and "ADJF" in best and names_org_kind(words[k + 1]):
            return k  # «Комиссии | Общественной палаты …»: the body, its adjective first
        if is_region(" ".join(words[k:])) or re.search(r"(?:ск|цк|н)(?:ой|ого|ий|ая)$", word):
            continue  # «… Атырауской области»: where the unit is, not whose
        if (
            "NOUN" in best
            and not {"Geox", "Name", "Surn", "Patr"} & every
            and not titles_a_person(word)
            and not country_of(word)
        ):
            return k
    return None


def organization_start(words: list[str]) -> int | None:
    """Where the organization begins in a title's words: at the first kind of organization
    that is not a unit inside one (when there are only units, the last agency or unit naming
    a place), with the
    adjectives before it («председатель | Курганского регионального отделения …»)."""
    kinds = [k for k, w in enumerate(words) if k > 0 and names_org_kind(w)]
    if not kinds:
        return None
    whole = [k for k in kinds if lemma_of(words[k]) not in _UNIT_LEMMAS]
    agencies = [
        k for k in kinds if lemma_of(words[k]) in _AGENCY_LEMMAS or _names_place(words[k + 1 :])
    ]
    if not whole and not agencies:
        return None  # «заведующая отделом краеведения»: a unit alone is part of the title
    # units nest outwards: «руководитель отдела … | управления образования …»
    start = whole[0] if whole else agencies[-1]
    # An abbreviation after it names the organization itself: «председателя Совета | АРОО …».
    abbreviation = _abbreviation_after(words, start)
    if abbreviation is not None:
        return abbreviation
    while start - 1 > 0 and "ADJF" in tags_of(words[start - 1])[0]:
        start -= 1
    return start


def not_a_name_phrase(name: str) -> bool:
    """What the tagger took for an organization but no noun phrase names one: a closing quote
    with no opening one («Оренбуржья»»), a phrase that ends in an adjective («НКО
    Курганской»), a common noun in the plural alone («Фонды»), people rather than a body
    («Общественники Зауралья») or one by a first name («Каскеленский Геннадий»)."""
    if name.count("»") > name.count("«"):
        return True
    outside = re.sub(r"«.*»", " ", name).split()
    if not outside or ("«" in name and outside[-1] != name.split()[-1]):
        return False  # the name is quoted: as written
    if all(w.isupper() for w in outside):
        return False  # an abbreviation («КОЦГИ»), whatever the dictionary guesses of it
    if any(_glued(w) for w in outside):
        return True  # two words a page's layout glued together («ИндииМужчина»)
    first, last = tags_of(outside[0].strip(",.")), tags_of(outside[-1].strip(",."))
    dangling = "ADJF" in last[0] and not {"NOUN", "Poss"} & last[1]  # «приграничья»: a noun
    if "«" not in name and dangling and len(outside) > 1:
        return True
    if len(outside) == 1 and "«" not in name and {"NOUN", "plur"} <= first[0]:
        return True  # «Фонды»
    if "«" not in name and "Name" in last[0] and not any(names_org_kind(w) for w in outside):
        return True  # «епископ | Каскеленский Геннадий»: a person by a see and a first name
    if "«" not in name and len(outside) > 1:
        from search.textnorm import _analyzer

        parses = [_analyzer().parse(w.strip(",."))[0] for w in outside]
        head = head_index(outside, parses)
        # «Молодёжные ресурсные центры …», «Национальные объединения» (the adjective tells
        # the number the noun's best parse does not): several bodies, not one
        agreed = head is not None and any(
            "plur" in p.tag and all("plur" in q.tag for q in _analyzer().parse(w.strip(",.")))
            for p, w in zip(parses[:head], outside[:head], strict=True)
            if p.tag.POS == "ADJF"
        )
        if (
            head is not None
            and ("plur" in parses[head].tag or agreed)
            and not outside[head].isupper()
            # «маслихат»: a word the dictionary only guesses at tells no number
            and _analyzer().word_is_known(outside[head].strip(",.").casefold())
        ):
            return True
        if head is not None and _names_an_action(parses[head].normal_form):
            return True  # «Укрепление межмуниципальных контактов …»: what was done, not who
    return "NOUN" in first[0] and {"plur", "anim"} <= first[0] and not outside[0].isupper()


def _glued(word: str) -> bool:
    """«ИндииМужчина»: two dictionary words run together, not a name written in camel case
    («КазМунайГаз», «СберБанк»)."""
    found = re.search(r"[а-яё]{3,}(?=[А-ЯЁ][а-яё])", word)
    if found is None:
        return False
    first, second = word[: found.end()], word[found.end() :]
    return known_word(first) and known_word(second)


# Bodies whose names are nouns of action in form: they name who, not what was done.
_BODIES_NAMED_AS_ACTIONS = frozenset({"учреждение", "собрание", "правление", "издание"})


def _names_an_action(lemma: str) -> bool:
    """A noun made from a verb («укрепление», «развитие», «открытие») names an action."""
    last = lemma.rsplit("-", 1)[-1]  # «интернет-издание»
    return (
        last.endswith(("ние", "тие"))
        and last not in _BODIES_NAMED_AS_ACTIONS
        and not names_org_kind(last)
    )


def _abbreviation_after(words: list[str], start: int) -> int | None:
    """Where an abbreviation («АРОО», «КазНУ») stands after `start`: it names an organization."""
    return next(
        (
            k
            for k in range(start + 1, len(words))
            if len(words[k]) >= 3 and words[k].isupper() and words[k] not in GENERIC_ABBREVIATIONS
        ),
        None,
    )


def org_words_in_title(head: str) -> tuple[str, str]:
    """Words at the end of a title that belong to the organization after it: adjectives
    («председатель молодежного | Совет …»), a capitalised name («председатель | Молодежного
    Совета | КСОРС»), an abbreviation («заместитель председателя Совета | АРОО …»)."""
    words = head.split()
    first_title = next(
        (k for k, w in enumerate(words) if w.casefold().startswith(POSITION_WORDS)), 0
    )
    for k in range(first_title + 1, len(words)):
        word = words[k]
        if len(word) >= 2 and word.isupper() and re.match(r"[А-ЯЁ]", word):
            return " ".join(words[:k]), " ".join(words[k:])
        if word[:1].isupper() and "ADJF" in tags_of(word)[0]:
            return " ".join(words[:k]), " ".join(words[k:])
    cut = len(words)
    while cut - 1 > first_title and "ADJF" in tags_of(words[cut - 1])[0]:
        cut -= 1
    # «руководитель | представительства Россотрудничества»: a branch of a body is a body
    if cut == len(words) and cut - 1 > first_title and is_branch(words[cut - 1]):
        cut -= 1
        while cut - 1 > first_title and "ADJF" in tags_of(words[cut - 1])[0]:
            cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


# A body's mission or branch in a place, an organization of its own: «представительство
# Россотрудничества в Казахстане», «Курганское региональное отделение …» (a «филиал» of a
# school or an academy is a unit of it: «директор филиала Академии …»)
_BRANCH_LEMMAS = frozenset({"представительство", "отделение"})


def is_branch(word: str) -> bool:
    return lemma_of(word.strip(",.")) in _BRANCH_LEMMAS


# Houses of culture and of friendship by their abbreviations: places as much as bodies
_HOUSES = frozenset("ДК КДЦ ДДН ЦДН ДНТ ДДНТ".split())


def on_a_kind_of_place(text: str, span: Span) -> bool:
    """«на телеканале «Астрахань 24»», «на заводе «…»»: a kind of place written small after
    «на», with its name; whether something took place there its clause says (not «на
    Ассамблее», the body's own session)."""
    words = span.text.split()
    return (
        re.search(r"(?:^|\s)на\s+$", text[max(0, span.start - 8) : span.start], re.I) is not None
        and words[0].islower()
        and "loct" in tags_of(words[0])[0]
        and "nomn" not in tags_of(words[0])[0]
    )


def is_venue(text: str, span: Span) -> bool:
    """«в Национальной академической библиотеке», «в областном Доме дружбы», «на площадке
    Международного финансового центра»: a body named in the locative after «в» (and its
    adjectives), or after a word for a place in it, is where the event was."""
    before = text[max(0, span.start - 60) : span.start]
    # «на площадке», «в читальном зале», «в стенах», «на базе», «на сцену», «в фойе» … of
    # the body
    # («в конференц-зале отеля «Rahat Palace»», «на площадке районного Дома культуры»: with
    # the body's kind or adjectives in the genitive between)
    room = re.search(
        r"(?:^|\s)(?:на\s+(?:площадк[еу]|баз[еу]|сцен[еуы]|территории)|в\s+(?:\w+\s+)?[\w-]*зале"
        r"|в\s+(?:стенах|здании|помещении|фойе|холле|павильоне))((?:\s+[а-яё-]+){0,2})\s+«?$",
        before,
        re.I,
    )
    if room and all("gent" in tags_of(w)[1] for w in room.group(1).split()):
        return True
    words = span.text.split()
    found = re.search(r"(?:^|\s)(?:в|во)\s+((?:[а-яё-]+\s+){0,2})$", before, re.I)
    if found is None or not all({"ADJF", "loct"} <= tags_of(w)[0] for w in found.group(1).split()):
        return False
    if words[0] in _HOUSES and span.text[len(words[0]) :].lstrip()[:1] == "«":
        return True  # «в ДК «Сибиряк»»: a house of culture, by its abbreviation and name
    return any("loct" in tags_of(w)[0] for w in words[:3]) and "nomn" not in tags_of(words[0])[0]


def speech_ranges(text: str) -> list[range]:
    """Where the article quotes someone's words: a «…» of a few words after a colon or before a
    dash («…», — сказал он), the quotes nested in it included."""
    ranges = []
    depth, start = 0, 0
    for at, char in enumerate(text):
        if char == "«":
            if depth == 0:
                start = at
            depth += 1
        elif char == "»" and depth:
            depth -= 1
            if depth:
                continue
            opened = re.search(r":\s*$", text[max(0, start - 3) : start])
            closed = re.match(r"\s*,?\s*[—–-]", text[at + 1 : at + 5])
            if len(text[start:at].split()) >= 4 and (opened or closed):
                ranges.append(range(start, at + 1))
    return ranges


# State bodies written in lower case, which the tagger does not take for names: «акимат
# Астаны», «правительство Москвы», «департамент образования мэрии Омска», «управление
# сельского хозяйства ЗКО» (the body's kind, up to three words in the genitive, the place it
# serves: a capitalised name or a region's abbreviation), «Павлодарский городской маслихат»
# (the place's adjective before the kind).
_KINDS_OF_STATE_BODY = r"(?:акимат|маслихат|правительств|мэри|администраци|департамент|управлени)"
_STATE_BODY = re.compile(
    rf"(?<![\w«-])(?:((?:[а-яё-]+(?:ий|ый|ой|ая|ое|ого|ому|ом|ей)\s+){{0,2}}{_KINDS_OF_STATE_BODY}"
    r"[а-яё]*(?:\s+[а-яё-]+){0,3}?\s+(?:г\.\s*|города\s+)?"
    r"(?:[А-ЯЁ][а-яё-]+(?:\s+(?:области|района|края|округа))?|[А-ЯЁ]{2,5}))"
    rf"|([А-ЯЁ][а-яё-]+(?:ский|ской|ского|ском|цкий|цкой|цкого)(?:\s+[а-яё]+(?:ий|ой|ого|ом))?\s+"
    rf"{_KINDS_OF_STATE_BODY}[а-яё]*))(?![\w«-])"
)


# A country's mission, with where it serves, its first letter in either case: «посольства
# Казахстана в России», «генеральное консульство РФ в Усть-Каменогорске»
_COUNTRY_NAMED = r"(?:Республик[иеу]\s+[А-ЯЁ][а-яё]+|Российск\w+\s+Федераци\w+|Р[КФ]|[А-ЯЁ][а-яё]+)"
_MISSION_BODY = re.compile(
    r"(?<![\w«-])((?:(?:[Гг]енеральн|[Пп]оч[её]тн)[а-яё]+\s+)?(?:[Пп]осольств|[Кк]онсульств)[а-яё]*\s+"
    rf"{_COUNTRY_NAMED}"
    rf"(?:\s+во?\s+(?:г\.\s*)?(?:{_COUNTRY_NAMED}|[А-ЯЁ][\w-]+)(?:\s+(?:области|крае|районе))?)?)"
    r"(?![\w«-])"
)


def state_body_spans(text: str) -> list[Span]:
    """Lower-case state bodies named with the place they serve (see `_STATE_BODY`), and
    missions of a country (see `_MISSION_BODY`), as organization spans, the phrase's head in
    the nominative."""
    spans = []
    for found in _MISSION_BODY.finditer(text):
        phrase = found.group(1)
        if org_country(phrase, []) is None:
            continue  # «посольства Ивана …»: what follows must be a country
        words = phrase.split()
        kind = next(k for k, w in enumerate(words) if re.match(r"(?i)посольств|консульств", w))
        normal = " ".join([_body_nominative(words[: kind + 1]), *words[kind + 1 :]])
        spans.append(Span("ORG", found.start(1), found.end(1), phrase, normal))
    for found in _STATE_BODY.finditer(text):
        group = 1 if found.group(1) else 2
        phrase = found.group(group)
        words = phrase.split()
        kind = next(k for k, w in enumerate(words) if re.match(_KINDS_OF_STATE_BODY, w.casefold()))
        first = _agreeing_from(words, kind)
        if first == kind and group == 2:
            continue  # no adjective of a place agrees with the kind: no name
        where = [m.start() for m in re.finditer(r"\S+", phrase)]
        start = found.start(group) + where[first]
        phrase, words, kind = text[start : found.end(group)], words[first:], kind - first
        if group == 1:
            place = words[-1] if words[-1][:1].isupper() else words[-2]
            if place.isupper() and not is_region_abbreviation(place):
                continue
            if not place.isupper() and not (org_country(phrase, []) or place_country(place)):
                continue  # «управление Ивана …»: what follows must be a place
        normal = " ".join([_body_nominative(words[: kind + 1]), *words[kind + 1 :]])
        spans.append(Span("ORG", start, found.end(group), phrase, normal))
    return spans


def _agreeing_from(words: list[str], kind: int) -> int:
    """Where the adjectives that agree with the body's kind begin: «Павлодарского городского
    | маслихата», but «Спасибо огромное | акимату …» (the adjective is the thanks')."""
    from search.textnorm import _analyzer

    stem = next(k for k in _STATE_KINDS if words[kind].casefold().startswith(k))
    gender = _STATE_KINDS[stem][1]
    cases = {p.tag.case for p in _analyzer().parse(words[kind]) if p.tag.number != "plur"}
    first = kind
    while first > 0 and any(
        p.tag.POS == "ADJF" and p.tag.gender == gender and p.tag.case in cases
        for p in _analyzer().parse(words[first - 1])
    ):
        first -= 1
    return first


# The nominative and gender of each kind of state body («маслихата» is unknown to the
# dictionary)
_STATE_KINDS = {
    "акимат": ("акимат", "masc"),
    "маслихат": ("маслихат", "masc"),
    "правительств": ("правительство", "neut"),
    "мэри": ("мэрия", "femn"),
    "администраци": ("администрация", "femn"),
    "департамент": ("департамент", "masc"),
    "управлени": ("управление", "neut"),
    "посольств": ("посольство", "neut"),
    "консульств": ("консульство", "neut"),
}


def _body_nominative(words: list[str]) -> str:
    """«Павлодарского городского маслихата» → «Павлодарский городской маслихат»: the kind in
    the nominative, and the adjectives before it agreeing with it."""
    from search.textnorm import _analyzer

    head = words[-1].casefold()
    stem = next(k for k in _STATE_KINDS if head.startswith(k))
    noun, gender = _STATE_KINDS[stem]
    out = []
    for word in words[:-1]:
        parse = next((p for p in _analyzer().parse(word) if p.tag.POS == "ADJF"), None)
        inflected = parse.inflect({"nomn", "sing", gender}) if parse else None
        new = inflected.word if inflected else word
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join([*out, noun])
