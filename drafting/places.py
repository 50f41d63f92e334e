"""Which places named in an article are cities: settlements, not regions, countries or pairs."""

from __future__ import annotations

import re

from drafting.gazetteer import country_of, is_country
from drafting.nlp import Span
from drafting.words import tags_of


def city_name(span: Span) -> str:
    """A settlement's name in the nominative: the tagger's normal form, or, for one word the
    tagger left in an oblique case («Уральска», «Кызылорды»), the dictionary's form the
    gazetteer knows."""
    from search.textnorm import _analyzer

    name = span.normal
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


# «г. Костанай», «в селе Алтынжар», «пос. Центральный»: a word that says a settlement follows
_SETTLEMENT_CUE = re.compile(
    r"(?:\bг\.|\bгор\.|\bгород\w*|\bсел[аоеу]?|\bс\.|\bпос\.|\bп\.|\bпос[её]л\w*|\bаул\w*"
    r"|\bстаниц\w*|\bдеревн\w*|\bд\.)\s*$",
    re.I,
)


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
    if _OF_A_DISTRICT.match(span.text) and _DISTRICT_AFTER.match(text[span.stop :]):
        return False  # «в Новоузенском и Краснокутском районах»: districts, not their towns
    return bool(country_of(name) or country_of(span.text))


# A place's adjective and the district or region it names, maybe after others listed with it
_OF_A_DISTRICT = re.compile(r"[А-ЯЁ][а-яё-]+(?:ий|ый|ой|ого|ому|ом|ая|ую|ое|ые|их|ых|им|ым)")
_DISTRICT_AFTER = re.compile(
    r"(?:\s*(?:,|\bи\b)\s*[А-ЯЁ][а-яё-]+)*\s+(?:район|р-н|област|обл\.|округ|кра[йяею])", re.I
)
