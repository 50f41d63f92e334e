"""Which places named in an article are cities: settlements, not regions, countries or pairs."""

from __future__ import annotations

import re

from drafting.gazetteer import city_called, country_of, is_country
from drafting.nlp import Span
from drafting.words import tags_of


def city_name(span: Span) -> str:
    """A settlement's name in the nominative: the tagger's normal form, or, for one word the
    tagger left in an oblique case («Уральска», «Кызылорды»), the dictionary's form the
    gazetteer knows."""
    from search.textnorm import _analyzer

    name = city_called(span.normal)
    if country_of(name) or country_of(span.text):
        return name
    if " " not in name.strip():
        for parse in _analyzer().parse(span.text.strip()):
            form = "-".join(part.capitalize() for part in parse.normal_form.split("-"))
            if country_of(form):
                return form
    return name


def is_region(text: str) -> bool:
    """A place rather than an organization: «Павлодарской области …», «города Семей»,
    «Актобе» (a place the dictionary or the gazetteer knows)."""
    words = text.split()
    if re.match(r"\S+(?:ой|ого)\s+(?:области|обл\.?|района|р-на|края|округа)(?!\w)", text):
        return True
    if words[0].casefold() in ("города", "г.", "республики", "области"):
        return True
    return len(words) == 1 and ("Geox" in tags_of(words[0])[1] or bool(country_of(words[0])))


# «г. Костанай», «в селе Алтынжар», «пос. Центральный»: a word that says a settlement follows,
# a town or a village
_TOWN_WORDS = (r"г\.", r"гор\.", r"город\w*")
_VILLAGE_WORDS = (
    r"сел[аоеу]?", r"с\.", r"пос\.", r"п\.", r"пос[её]л\w*", r"аул\w*", r"станиц\w*",
    r"деревн\w*", r"д\.",
)  # fmt: skip


def _after_one_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(rf"\b{w}" for w in words) + r")\s*$", re.I)


_SETTLEMENT_CUE = _after_one_of(_TOWN_WORDS + _VILLAGE_WORDS)
_VILLAGE_CUE = _after_one_of(_VILLAGE_WORDS)


def after_a_village_word(before: str) -> bool:
    """Whether the text before a place ends with a word for a village («в селе», «аул», «пос.»):
    the gazetteer holds towns only, so a town of that name is another place."""
    return _VILLAGE_CUE.search(before[-14:]) is not None


# A settlement's name right after the word for it: «г.Житикары», «города Рудный», «в селе
# Алтынжар» (not «в 1998 г. Иванова …»: a year's «г.»)
_NAMED_SETTLEMENT = re.compile(
    r"\b(?:г|гор|с|пос)\.\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)"
    r"|\b(?:город[ае]?|сел[аоеу]|пос[её]л(?:ок|ка|ке)|аул[аеу]?|станиц[аеуы])\s+"
    r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)"
)


def settlements_named(text: str, spans: list[Span]) -> list[Span]:
    """The spans with every settlement named after the word for it as a place: the tagger
    takes small towns for people («г.Житикары, г.Лисаковск») or misses them («г.Рудный»)."""
    out = list(spans)
    for found in _NAMED_SETTLEMENT.finditer(text):
        group = 1 if found.group(1) else 2
        start, stop = found.start(group), found.end(group)
        if group == 1 and re.search(r"\d\s*$", text[max(0, found.start() - 6) : found.start()]):
            continue  # «2019 г. Иванова»: a year
        over = [k for k, s in enumerate(out) if s.start < stop and start < s.stop]
        if any(out[k].type == "LOC" for k in over):
            continue
        if any(out[k].type == "ORG" or out[k].stop > stop or out[k].start < start for k in over):
            continue  # «г. Алматы РГУ …», «г. Нур-Султан Валеев Равиль»: a name goes on past it
        for k in reversed(over):
            del out[k]  # a person the tagger saw in the town's name
        word = text[start:stop]
        out.append(Span("LOC", start, stop, word, word))
    return sorted(out, key=lambda s: s.start)


def is_settlement(text: str, span: Span) -> bool:
    """A city, town or village rather than a region, a country or a pair of them: one the
    gazetteer knows, or one written after «г.», «село», «пос.» …. «Бурятия», «Центральная
    Азия», «Королевство Таиланд», «Челябинск-Костанай» are no settlements."""
    name = span.normal
    halves = name.split("-")
    if len(halves) == 2 and all(
        h[:1].isupper() and (is_country(h) or country_of(h) or "Geox" in tags_of(h)[1])
        for h in halves
    ):
        return False  # «Россия-Казахстан», «Челябинск-Костанай»: a pair, not a place
    if _SETTLEMENT_CUE.search(text[max(0, span.start - 12) : span.start]):
        return True
    if _OF_A_DISTRICT.fullmatch(span.text) and (
        _DISTRICT_AFTER.match(text[span.stop :]) or _DISTRICTS_AFTER.match(text[span.stop :])
    ):
        # «в Новоузенском районе», «в Новоузенском и Краснокутском районах»: districts, not
        # their towns («из Рудного и Карабалыкского района»: the singular is the last one's)
        return False
    return bool(country_of(name) or country_of(span.text))


# A place's adjective and the district or region it names, maybe after others listed with it
_OF_A_DISTRICT = re.compile(r"[А-ЯЁ][а-яё-]+(?:ий|ый|ой|ого|ому|ом|ая|ую|ое|ые|их|ых|им|ым)")
_DISTRICT_AFTER = re.compile(r"\s+(?:район|р-н|област|обл\.|округ|кра[йяею])", re.I)
_DISTRICTS_AFTER = re.compile(
    r"(?:\s*(?:,|\bи\b)\s*[А-ЯЁ][а-яё-]+)+\s+(?:район(?:ы|ов|ам|ами|ах)|област(?:ей|ям|ями|ях)"
    r"|округ(?:а|ов|ам|ами|ах)|кра(?:я|ёв|ев|ям|ями|ях))\b",
    re.I,
)
