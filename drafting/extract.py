"""Drafting content from a new Russian news article, for an admin to review.

Named entities come from Natasha (its models ship inside the package and run offline);
rules on top of them find «position + organization + name» patterns, the event's title,
kind, date and format. People, organizations and cities already in content/ are recognised
and referred to by their ids; new ones are written out as new entries. Every fact carries
the sentence it came from as a YAML comment. The draft is never loaded by itself.

Natasha is imported on the first draft only: it costs about a second and 150 MB.

This module puts the parts together: `words` (morphology), `nlp` (Natasha), `page`,
`places`, `organizations`, `people`, `positions` and `event`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import replace

from drafting.event import (
    EVENT_WORDS,
    event_date,
    event_format,
    event_status,
    event_title_and_kind,
    names_an_event,
    quoted_event_names,
)
from drafting.gazetteer import country_of, is_country, is_region_abbreviation
from drafting.model import Draft, DraftOrganization, DraftPerson, DraftPlace, DraftPosition, slug
from drafting.names import read_name, split_initials
from drafting.nlp import Span, analyse, pipeline
from drafting.organizations import (
    DOCUMENT_LEMMAS,
    GENERIC_ORGS,
    LINKS,
    LOCAL,
    closing_quote,
    defined,
    is_venue,
    mission_key,
    not_a_name_phrase,
    on_a_kind_of_place,
    org_country,
    organization_spans,
    quoted_thing,
    same_quoted_body,
    shortly_named,
    speech_ranges,
    spelt_out,
    state_body_spans,
    written_in_full,
)
from drafting.page import (
    is_credited,
    is_news_source,
    lede_of,
    page_line_ranges,
    publisher_ranges,
    without_bylines,
    without_related,
)
from drafting.people import (
    church_names,
    first_names_back,
    first_names_before,
    gender_of,
    glued_place,
    is_initial,
    joined_names,
    name_parts,
    namesakes,
    oblique_of,
    part_taken,
    same_person,
    surname_for,
    untitled,
)
from drafting.places import after_a_village_word, city_name, is_settlement, settlements_named
from drafting.positions import (
    for_a_woman,
    is_plural_title,
    is_praise,
    mission_of,
    position_chunks,
    positions_after,
    singular_title,
    split_position,
    title_nominative,
    two_positions,
    without_praise,
)
from drafting.roles import held_and_supported, opened_by
from drafting.venue import (
    Mention,
    acts,
    body_token,
    described_further,
    held_in,
    took_place_at,
    trees,
)
from drafting.words import (
    POSITION_WORDS,
    balance_quotes,
    begins_with_title,
    head_in_nominative,
    kind_singular,
    lemma_of,
    lower_first,
    names_a_holiday,
    names_kind_before_quotes,
    names_org_kind,
    noun_lemmas,
    phrase_nominative,
    quoted_as_written,
    sentence_of,
    stubs_written_out,
    tags_of,
    titles_a_person,
    typographic_quotes,
    with_yo,
)
from loading.files import Content
from loading.schema import NAME_LIMIT
from search.textnorm import forms, forms_match

Progress = Callable[[str], None]
# Hyphens a page may use inside words (U+2010, U+2011, U+2012) → the plain one
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-"})


# A compound adjective or a number's «-летие» written apart: «Общественно — культурный центр»,
# «20 летний юбилей», «к 30 летию» (not «5 летних лагерей»: five summer camps)
_SPACED_COMPOUND = re.compile(
    r"\b([А-ЯЁа-яё]+(?:нно|льно|чно|ско|ко))[ \t]+[—–-][ \t]+([а-яё]{3,}(?:ый|ий|ой|ая|яя|ое|ее"
    r"|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ей))\b"
)
_SPACED_YEARS = re.compile(r"\b(\d+)[ \t]+(лети[еяюй]\w*|летн\w+(?=[ \t]+юбиле))")


# «Кызылординской обл.»: a region's word shortened after its adjective, read in full in the
# adjective's case (its full stop ends a sentence only at a line's end)
_REGION_SHORT = re.compile(r"\b([А-ЯЁ][а-яё-]+(?:ой|ая|ую))[ \t]+обл(\.?)(?=[\s,;)»]|$)")


def _region_in_full(found: re.Match[str]) -> str:
    """«Кызылординской обл.» → «Кызылординской области», «Кызылординская обл» → «… область»."""
    adjective, stop = found.group(1), found.group(2)
    word = "области" if adjective.endswith("ой") else "область"
    at_line_end = found.string[found.end() : found.end() + 1] in ("", "\n")
    return f"{adjective} {word}{stop if at_line_end else ''}"


def _spacing_mended(text: str) -> str:
    """The text with those compounds joined, a region's «обл.» in full, a dash after a name set
    apart from the title it begins («Ельжасовна–Заместитель», «Сапарова–руководитель»; not
    «Нур–Султан») and no space just inside quotes («Славяне »)."""
    text = re.sub(r"(вна|вич|чна|улы|кызы)([–—])(?=[А-ЯЁа-яё])", r"\1 \2 ", text)
    text = re.sub(r"\b([А-ЯЁ][а-яё]+)([–—])(?=[а-яё])", r"\1 \2 ", text)
    text = _REGION_SHORT.sub(_region_in_full, text)
    text = _SPACED_COMPOUND.sub(lambda m: f"{m.group(1)}-{m.group(2)}", text)
    text = re.sub(r"«[ \t]+(?=\S)", "«", re.sub(r"(?<=[^\s«])[ \t]+»", "»", text))
    return _SPACED_YEARS.sub(r"\1-\2", text)


# A country's head of state or government: «президент Казахстана», «Первый Президент»
_HEAD_OF_STATE = re.compile(r"(?:первый\s+)?(?:президент|премьер-министр)(?:\s+(.+))?|елбасы", re.I)


def _heads_a_state(title: str) -> bool:
    """«президент», «Президент Республики Казахстан»; not «президент федерации борьбы»."""
    found = _HEAD_OF_STATE.fullmatch(title.strip())
    return found is not None and (
        not found.group(1) or is_country(phrase_nominative(found.group(1)))
    )


class _Known:
    """Entities already in content/, matched by word forms of their names."""

    def __init__(self, content: Content | None) -> None:
        self.orgs: list[tuple[str, str, list]] = []
        self.places: list[tuple[str, str, list]] = []
        self.people: list[tuple[str, str, str, list]] = []
        if content is None:
            return
        for org in content.organizations:
            names = [org.name, *org.abbreviations, *org.aliases]
            names += [org.short_name] if org.short_name else []
            self.orgs.append((org.id, org.name, [forms(n) for n in names]))
        for place in content.places:
            names = [place.name, *place.other_names, *place.historic_names]
            self.places.append((place.id, place.name, [forms(n) for n in names]))
        for person in content.people:
            self.people.append(
                (person.id, person.first_name, person.last_name, forms(person.last_name))
            )

    @staticmethod
    def _same(text: str, candidates: Iterable[list]) -> bool:
        words = forms(text)
        return any(
            len(words) == len(name)
            and all(forms_match(a, b) for a, b in zip(words, name, strict=True))
            for name in candidates
        )

    def org(self, text: str) -> tuple[str, str] | None:
        """A known organization: by a name, abbreviation or alias, in any grammatical case —
        or by the beginning of its full name («Министерство культуры и информации» for the
        ministry «… Республики Казахстан»), three words at least."""
        for org_id, name, names in self.orgs:
            if self._same(text, names):
                return org_id, name
        words = forms(text)
        if len(words) >= 3:
            for org_id, name, names in self.orgs:
                if any(
                    len(words) < len(full)
                    and all(forms_match(a, b) for a, b in zip(words, full, strict=False))
                    for full in names
                ):
                    return org_id, name
        return None

    def place(self, text: str) -> tuple[str, str] | None:
        for place_id, name, names in self.places:
            if self._same(text, names):
                return place_id, name
        return None

    def person(self, first_name: str | None, last_name: str) -> tuple[str, str, str] | None:
        """A known person with the same surname and first name, in any case. A surname alone
        or with an initial may be someone else («Марат Султанов» is not «Булат Султанов»):
        the reviewer is asked instead (drafting/suggest.py)."""
        if not first_name or is_initial(first_name):
            return None
        words = forms(last_name)
        given = forms(first_name)
        for person_id, first, last, last_forms in self.people:
            if (
                len(words) == len(last_forms)
                and all(forms_match(a, b) for a, b in zip(words, last_forms, strict=True))
                and self._same(first, [given])
            ):
                return person_id, first, last
        return None


# What no noun phrase runs across: a preposition, a verb or its forms, a conjunction
_ENDS_A_PHRASE = frozenset({"PREP", "VERB", "INFN", "GRND", "PRTF", "PRTS", "CONJ"})


# Nouns whose person was there: a performance, a visit, a meeting, a delegation's members
# («в исполнении X», «визита посла X», «встреча акима X с …», «в составе делегации … X»).
# Not an award: «письма акима X вручены …» names the giver and the receiver alike.
_THERE = re.compile(
    r"\b(?:исполнени[еяюи]\w*|участи[еяюи]\w*|составе|визит\w{0,2}|"
    r"встреч(?:а|и|е|у|ей)|приезд\w{0,2})\b",
    re.I,
)


# A speaker's label in a transcript: the surname in capitals, an initial or two before it,
# and a colon, at the start of a line («Б. СУЛТАНОВ: …», «АЯГАН: …»)
_SPEAKER_LABEL = re.compile(r"^[ \t]*(?:[А-ЯЁ]\.[ \t]*){0,2}([А-ЯЁ][А-ЯЁ-]{2,})[ \t]*:", re.M)
# A headline's words and whose they are: «„Это ещё один шаг“: Абзал Нукенов о …», «Абзал
# Нукенов: «Это ещё один шаг …»» — the surname of a first name and a surname
_QUOTE_AND_WHOSE = re.compile(
    r"[»“”\"][ \t]*:[ \t]*[А-ЯЁ][а-яё]+[ \t]+([А-ЯЁ][а-яё-]+)"
    r"|^[ \t]*[А-ЯЁ][а-яё]+[ \t]+([А-ЯЁ][а-яё-]+)[ \t]*:[ \t]*[«„“\"]",
    re.M,
)


def _plural_kind_ends(prefix: str) -> bool:
    """Whether `prefix` ends with a plural kind of body before its quotes («вокальные группы
    «»), which a list of names after it shares."""
    words = prefix.rstrip(" «").split()
    return (
        bool(words)
        and names_kind_before_quotes(words[-1])
        and (
            "plur" in tags_of(words[-1])[0]
            or (
                len(words) > 1
                and "sing" not in tags_of(words[-2])[1]
                and "ADJF" in tags_of(words[-2])[0]
            )
        )
    )


def _inside_a_quoted_name(text: str, sentence_start: int, span: Span) -> bool:
    """Whether the name is inside a «…» that closes after it in its sentence, with no
    speaker's words inside («…, – отметил X. – …» is a quote, not a name)."""
    depth, opened = 0, None
    for at in range(sentence_start, span.start):
        if text[at] == "«":
            if depth == 0:
                opened = at
            depth += 1
        elif text[at] == "»" and depth:
            depth -= 1
    if not depth or opened is None or re.search(r"\s[–—-]\s", text[opened : span.start]):
        return False
    closing = closing_quote(text, opened)
    return closing is not None and closing >= span.stop


def _merge_partial_names(
    organizations: dict[str, DraftOrganization],
    people: Iterable[DraftPerson],
    mentions: dict[str, list[int]],
    from_city: dict[str, set[str]],
) -> None:
    """«областной Думы» after «Тюменской областной Думы», «Министерство культуры» after
    «Министерство культуры Саратовской области»: a name whose words begin or end the one
    longer name drafted in the article is that body, named in part; a quoted name only when
    the longer one is it with the body it belongs to after it («ОО «…» АНК ЗКО»)."""

    def lemmas(name: str) -> list[str]:
        # «акимат города Костаная» is the «акимат Костаная»
        words = [lemma_of(w) for w in re.findall(r"[\w-]+", name.casefold())]
        return [w for w in words if w not in ("город", "г")]

    drafted = {o.id: lemmas(o.name) for o in organizations.values() if not o.known}
    for short_id, short in list(drafted.items()):
        name = organizations[short_id].name
        if len(short) < 2 or ("«" in name and not name.endswith("»")):
            continue  # one word («Совет») says too little
        quoted = "«" in name  # whole, but for the body it belongs to written after it
        longer = [
            long_id
            for long_id, long in drafted.items()
            if long_id != short_id
            and long_id in organizations
            and (len(long), len(organizations[long_id].name))
            > (len(short), len(organizations[short_id].name))
            and (
                (quoted and organizations[long_id].name.startswith(name + " "))
                or (not quoted and long[: len(short)] == short)
                # «Тюменская областная Дума» ends with «областная Дума»; «управление культуры
                # акимата области» does not name the akimat, it is a unit of it
                or (
                    not quoted
                    and long[-len(short) :] == short
                    and _only_adjectives(long[: -len(short)])
                )
            )
        ]
        if len(longer) != 1:
            continue  # none, or which of several is not said
        _merge_into(longer[0], short_id, organizations, people, mentions, from_city)


def _merge_same_quoted(
    organizations: dict[str, DraftOrganization],
    people: Iterable[DraftPerson],
    mentions: dict[str, list[int]],
    from_city: dict[str, set[str]],
) -> None:
    """«Фонд «Нива»» and «Волгоградский региональный фонд поддержки сельских территорий
    «Нива»», «ЗКОО «Лад»» and «Западно-Казахстанское областное общественное объединение
    «Лад»», «Сибирский центр …» and «организация «Сибирский центр …»»: one body, named in
    full once and shortly elsewhere, whichever comes first."""
    drafted = [o for o in organizations.values() if not o.known]
    for short in sorted(drafted, key=lambda o: len(o.name)):
        longer = [
            o.id
            for o in drafted
            if o.id != short.id
            and o.id in organizations
            and len(o.name) > len(short.name)
            and shortly_named(short.name, o.name)
        ]
        if short.id in organizations and len(longer) == 1:
            _merge_into(longer[0], short.id, organizations, people, mentions, from_city)


def _merge_into(
    whole_id: str,
    part_id: str,
    organizations: dict[str, DraftOrganization],
    people: Iterable[DraftPerson],
    mentions: dict[str, list[int]],
    from_city: dict[str, set[str]],
) -> None:
    """The body `part_id` named is `whole_id`'s: one body, with what was said of either."""
    whole, part = organizations[whole_id], organizations.pop(part_id)
    whole.venue |= part.venue
    whole.where |= part.where
    whole.spoken_of &= part.spoken_of
    if part.role == "organizer" or whole.role is None:
        whole.role = part.role  # organized under either name: organized
    if "организатор" in part.sentence.casefold() and "организатор" not in whole.sentence.casefold():
        whole.sentence = part.sentence  # «Организатором выступил фонд «Нива»»
    mentions.setdefault(whole_id, []).extend(mentions.pop(part_id, []))
    from_city.setdefault(whole_id, set()).update(from_city.pop(part_id, set()))
    for person in people:
        for position in person.positions:
            if position.organization == part_id:
                position.organization = whole_id


def _only_adjectives(lemmas: list[str]) -> bool:
    # «Окуневский»: a place's adjective the dictionary knows only as a surname
    return all("ADJF" in tags_of(lemma)[0] or lemma.endswith(("ский", "цкий")) for lemma in lemmas)


def _countries_from_people(
    organizations: dict[str, DraftOrganization], people: Iterable[DraftPerson]
) -> None:
    """A body whose name tells no country is in the one its people's other posts are: «депутат
    Мажилиса Парламента Республики Казахстан, секретарь Комитета по …» (one country only)."""
    for org in organizations.values():
        if org.known or org.country is not None:
            continue
        told = set()
        for person in people:
            if not any(q.organization == org.id for q in person.positions):
                continue
            for position in person.positions:
                other = organizations.get(position.organization or "")
                if other is not None and other is not org and other.country:
                    told.add(other.country)
                if country := org_country(position.title, []):
                    told.add(country)
        if len(told) == 1:
            org.country = told.pop()


def _country_from(text: str, span: Span) -> str | None:
    """The country of the city a body is said to come from: «хор «Напевы» из Кургана», «гости
    из Самары – казачий ансамбль «Вольница»», «Дом дружбы (Костанай)», or of the city an
    adjective before it names
    («в павлодарском Доме Дружбы») — Russia or Kazakhstan only."""
    city = r"из\s+(?:г\.\s*|города\s+)?([А-ЯЁ][\w-]+)"
    before = text[max(0, span.start - 60) : span.start]
    found = (
        re.match(r"»?\s*,?\s*" + city, text[span.stop : span.stop + 40])
        or re.search(city + r"\s*[–—:-]\s*(?:[А-ЯЁа-яё-]+\s+){0,2}«?$", before)
        # «Дом дружбы (Костанай)»: its city in brackets after it
        or re.match(r"»?\s*\((?:г\.\s*)?([А-ЯЁ][\w-]+)\)", text[span.stop : span.stop + 40])
    )
    if found is None:
        adjective = re.search(
            r"(?:^|\s)([а-яё-]+(?:ск|цк)(?:ий|ой|ого|ому|ом|ая|ую|ое))\s+$", before
        ) or _listed_after_place(text[max(0, span.start - 250) : span.start])
        country = org_country(adjective.group(1), []) if adjective else None
        return country if country in ("RU", "KZ") else None
    word = found.group(1)
    if {"Surn", "Name"} & tags_of(word)[1]:
        return None  # «ансамбль «Калинка» (Иванова)»: its leader, not Иваново
    country = country_of(word) or country_of(lemma_of(word).title())
    return country if country in ("RU", "KZ") else None


def _listed_after_place(before: str) -> re.Match[str] | None:
    """«такие омские предприятия, как ЗАО «Сибирь», ООО «…», …»: a body in a list that a
    city's adjective introduces (the list runs on from that phrase with no full stop or verb)."""
    every = list(
        re.finditer(
            r"([а-яё-]+(?:ск|цк)(?:ие|их))\s+[а-яё]+,?\s+(?:(?:таки[ехм]\s+)?как|:|[–—])\s+",
            before,
        )
    )
    if not every:
        return None
    found = every[-1]
    listed = before[found.end() :]
    if re.search(r"[.!?;]", listed) or any(
        tags_of(w)[0] & {"VERB", "PRTS", "GRND"} for w in re.findall(r"[а-яё]+", listed)
    ):
        return None
    return found


def head_kinds(name: str) -> set[str]:
    """The kinds of body a name is headed by: its first word for a kind, and the first in its
    quotes («Ансамбль «Сазген» автономии казахов» is an ensemble, «Совет автономии» a council,
    «Общественная организация «Казахский культурный центр»» an organization and a centre)."""
    quoted = " ".join(re.findall(r"«([^«»]*)", name))
    return {
        lemma_of(w)
        for part in (name, quoted)
        for w in [next((w for w in re.findall(r"[\w-]+", part) if names_org_kind(w)), "")]
        if w
    }


def name_lemmas(name: str) -> tuple[str, ...]:
    """A name's words in their dictionary forms, to tell two spellings of one body apart."""
    return tuple(lemma_of(w) for w in re.findall(r"[\w-]+", name))


def same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names, as lemmas, may be one body's: a short form is written with words of
    the full one («Казахский центр», «Казахский культурный центр «Мирас»»; «Дом дружбы»,
    «Дом дружбы Костаная»)."""
    return set(a) <= set(b) or set(b) <= set(a)


# A word for any body, which refers to the one named last («руководитель организации»)
_ANY_BODY = frozenset({"организация"})

# Titles one person holds at a body at a time: a second holder named by the kind alone
# («председатель автономии») heads another body of that kind
_SOLE_HEADS = frozenset(
    "председатель руководитель директор глава президент ректор начальник заведующий аким мэр "
    "губернатор атаман".split()
)


# «Консульство РК в Омске», «Русский Дом г. Нур-Султан»: the city a body serves, still a city
_CITY_OF_BODY = re.compile(r"(?:\bво?|\bг\.|\bгорода|\bгороде)\s*$", re.I)


# What is named after a person: «имени …», «им. …», a street, an avenue, a monument
_NAMED_AFTER = re.compile(
    r"(?:\bимени|\bим\.|\bул\.|\bулиц[аеуы]|\bпроспект\w*|\bпр\.|\bпамятник\w*|\bбульвар\w*)"
    r"\s*$",
    re.I,
)


def said_of(person: DraftPerson, title: str) -> str:
    """A title a plural gave a list («оперные певцы X и Y»), as said of one of its people."""
    return for_a_woman(title) if gender_of(person) == "femn" else title


# What an event was: «вела встречу», «круглый стол вели», «ведущей вечера была» — the
# gatherings an article is about, and the parts of one that are led
_AN_EVENT = (
    rf"(?:{EVENT_WORDS.pattern}|дискусси\w+|сесси\w+|церемони\w+|мероприяти\w+|собрани\w+|"
    r"диалог\w*|бесед\w+|программ\w+)"
)
_HOSTING = rf"(?:\b(?:вел[аи]?|вёл)\s+(?:\w+\s+)?{_AN_EVENT}|{_AN_EVENT}\s+(?:вел[аи]?|вёл)\b)"
_MODERATOR_WORD = re.compile(
    r"\b(?:со)?(?:модератор\w*|модерир\w*|модераци\w*)"
    rf"|{_HOSTING}|\bведущ\w+\s+{_AN_EVENT}|\bведущ(?:им|ей|ими)\s+(?:был\w*|стал\w*|выступ\w+)",
    re.I,
)
_MODERATOR_TITLE = re.compile(r"\s*(?:,|\(|[-–—])\s*(?:со)?модератор", re.I)
# What a speaker was named as: «экспертами станут …», «в качестве спикера выступил …» (not
# «встретился с экспертами», where the word is of others)
_SPEAKER_WORD = re.compile(
    r"(?<!\bс )(?<!\bсо )\b(?:спикер|эксперт|докладчик|лектор)(?:ом|ами)\b"
    r"|\bв\s+качестве\s+(?:спикер|эксперт|докладчик|лектор)(?:а|ов)\b",
    re.I,
)
# Verbs that only link a word to the name it says it of: «модератором выступил …»
_LINKING = frozenset({"выступить", "выступать", "стать", "становиться", "быть", "являться"})


def _said_to_be(
    word: re.Pattern[str],
    title: re.Pattern[str] | None,
    text: str,
    sentence_start: int,
    span: Span,
    listed: list[range],
) -> bool:
    """Whether the word for a part nearest before the name, in its sentence, is said of it —
    «Модератором выступил директор центра Иван …», «Дискуссию модерировал …», «под
    модерацией эксперта …», «Круглый стол вели …», «Экспертами станут …» — with nothing
    between but a linking verb, the name's title and others `listed` with it («модераторам
    Ольге … и Канату …»); or the name is followed by it as its `title` («Иван Петров,
    модератор сессии, …»). Not one met or thanked with them («с модераторами встретился аким
    …»), nor one named before «а модератором стал …»."""
    before = text[sentence_start : span.start]
    said = list(word.finditer(before))
    if said:
        gap_start = sentence_start + said[-1].end()
        listed = [m for m in listed if m.start >= gap_start]
        if listed:  # «… Ольге Смирновой и Канату Ибраеву»: one more of a list
            gap = text[listed[-1].stop : span.start]
            if re.search(r"(?:,|\bи\b|\bсовместно\s+со?\b|\bвместе\s+со?\b)", gap) and not any(
                "VERB" in tags_of(w)[0] for w in re.findall(r"[а-яё]+", gap)
            ):
                return len(gap) <= 150
            return False
        gap = text[gap_start : span.start]
        verbs = [w for w in re.findall(r"[а-яё]+", gap) if "VERB" in tags_of(w)[0]]
        if len(gap) <= 150 and not re.search(r"[;!?]", gap):
            return all(lemma_of(w) in _LINKING for w in verbs)
    elif listed and listed[-1].stop <= span.start:
        # «Ведущими выступили X, директор …; Y, …»: the list goes on past a semicolon, which
        # the sentence splitter takes for a sentence's end
        gap = text[listed[-1].stop : span.start]
        if ";" in gap and len(gap) <= 200 and not re.search(r"[.!?\n]", gap):
            return not any("VERB" in tags_of(w)[0] for w in re.findall(r"[а-яё]+", gap))
    return title is not None and bool(title.match(text[span.stop : span.stop + 60]))


def _was_there(before: str) -> bool:
    """Whether a name written in an oblique case after `before` (its sentence up to it) is
    of someone who was there: it follows such a noun directly, or through titles and the
    words in the genitive they govern («визита посла Казахстана в РФ Даурена Абаева»), with
    no other preposition («на стихи Абая», «к юбилею Абая», «с читателями книги …»)."""
    found = list(_THERE.finditer(before))
    if not found:
        return False
    between = before[found[-1].end() :].split()
    if len(between) > 40:
        return False
    if found[-1].group().casefold().startswith("встреч") and between[:1] in (["с"], ["со"]):
        between = between[1:]  # «встреча с заместителем акима X»: whom they met was there
    place = 0  # words left of a place after «в»: «визита в Алтайский край посла …»
    by_what = False  # in «Комитета по экономическому развитию …»: what a body deals with
    for word in between:
        bare = word.strip(',«»"()')
        if bare.casefold() in ("в", "во"):  # «посла Казахстана в РФ»: where a title serves
            place = 2
            continue
        if bare.casefold() == "по":
            by_what = True
            continue
        if bare.casefold() in ("и", "а", "также", "-", "–", "—", ""):
            continue  # a list of those who were there: «в составе X, Y, а также Z»
        if by_what and "datv" in tags_of(bare)[1]:
            continue
        by_what = False
        best, grammemes = tags_of(bare)
        if best & _ENDS_A_PHRASE:  # (by its best reading: «секретаря» is no gerund here)
            return False
        if place and grammemes & {"NOUN", "ADJF"}:
            place -= 1
            continue
        place = 0
        if not (titles_a_person(bare) or "gent" in grammemes or bare[:1].isupper()):
            return False
    return True


def _quoted_after(after: str) -> bool:
    """Whether a name's own words follow it after a colon: «Асхат Нускабай, Генеральный
    консул …: «Со своей стороны …»». Only the name or its titles come before the colon:
    «X и Y получили награды, а Z отметил: «…»» is Z's words."""
    found = re.match(r"([^.!?:\n]{0,200}):\s*[«\"„]", after)
    if found is None:
        return False
    apposition = found.group(1).strip()
    return not apposition or (
        apposition.startswith(",")
        and not re.search(r"\b(?:и|а|но)\b", apposition)
        and not any(
            tags_of(w)[0] & {"VERB", "INFN", "GRND", "PRTS"} for w in apposition[1:].split()
        )
    )


def _names_a_place(written: str) -> bool:
    """What brackets beside a name hold when it is where they come from: a few capitalised
    words («Нур-Султан», «г. Уральск, Казахстан»), not a title or a number."""
    words = re.sub(r"\bг\.\s*", "", written).replace(",", " ").split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not titles_a_person(words[0])
        and not re.search(r"\d|№", written)
    )


def bare_name(span: Span) -> str:
    """A name as written, without what it has in brackets («Наталья Калашникова (Нур-Султан)»)."""
    return re.sub(r"\s*\(.*?\)\s*", " ", span.text).strip()


def draft_article(
    text: str, source_file: str, content: Content | None = None, progress: Progress | None = None
) -> Draft:
    """Read an article and propose its facts. `content` lets it reuse known ids."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    say("loading the language models…")
    pipeline()
    say("finding names, organizations and places…")
    # A word broken at a line's end («Окунев- ский») is one word again.
    text = re.sub(r"([а-яё])-(?:[ \t]+|[ \t]*\n[ \t]*)(?!(?:и|или)\b)([а-яё]{2,})", r"\1\2", text)
    text = typographic_quotes(text)
    text = _spacing_mended(text)
    # «пресс‑секретарь», «Касым‑Жомарт» with a non-breaking hyphen: the plain one
    text = text.translate(_HYPHENS)
    text = without_related(stubs_written_out(text))
    spans, sentences, doc = analyse(text)
    spans = untitled(first_names_back(joined_names(spans, text), text), text)
    spans = church_names(spans, text)  # «епископ Талдыкорганский Клавдиан»
    spans = first_names_before(spans, text)  # «Айгерим Ахметова» tagged «Ахметова» alone
    # Names in a site's menu or share buttons («Поделиться ВКонтакте») are not the article's.
    furniture = page_line_ranges(text)
    spans = [s for s in spans if not any(a <= s.start < b for a, b in furniture)]
    spans = settlements_named(text, without_bylines(text, spans))
    # «на празднике Ивана Купала»: a holiday the tagger took for a man
    spans = [s for s in spans if not (s.type == "PER" and names_a_holiday(s.text))]
    spans = namesakes(spans, text)  # «музей Абая»: whom it is named after
    known = _Known(content)
    say("matching them with the content and the position patterns…")

    organizations: dict[str, DraftOrganization] = {}

    mentions: dict[str, list[int]] = {}  # where each organization is named

    def organization(raw: str, normal: str, at: int) -> str | None:
        org_id = make_organization(raw, normal, at)
        if org_id is not None:
            mentions.setdefault(org_id, []).append(at)
        return org_id

    def make_organization(raw: str, normal: str, at: int) -> str | None:
        normal = with_yo(
            raw, written_in_full(quoted_as_written(raw, head_in_nominative(raw, normal)))
        )
        clean = balance_quotes(normal)
        written = raw.split()
        while len(written) > 1 and written[0].islower() and is_praise(written[0]):
            # «местного фольклорного ансамбля «…»»: a word of praise or of being local,
            # written in lower case, is no word of the name
            written, clean = written[1:], clean.split(maxsplit=1)[1]
        bare = clean.strip("«»").split()
        quoted = raw.startswith("«") or text[max(0, at - 1) : at] == "«"
        thing = quoted_thing(text[max(0, at - 80) : at], names_an_event)
        if quoted and "«" not in clean.strip("«»") and thing:
            return None  # «по программе «Болашак»»: a programme, an event or a work
        if quoted and "«" not in clean.strip("«»") and 0 < len(bare) <= 3:
            # «председатель «Истоков»»: the body named in full elsewhere («… «Истоки»»)
            short = [lemma_of(w) for w in bare]
            for o in org_spans:
                inner = re.findall(r"«([^«»]+)", o.text)
                if (
                    o.text != raw
                    and inner
                    and [lemma_of(w) for w in inner[-1].split()] == short
                    and len(o.text.strip("«»")) > len(clean.strip("«»"))
                ):
                    return organization(*with_kind(o))
        if clean.casefold() in GENERIC_ORGS or len(clean) < 2 or known.place(clean):
            return None  # «НПО» is no organization; «Костанай» taken for one is a city
        if names_a_holiday(clean):
            return None  # «Наурыз мейрамы»: a holiday
        if re.fullmatch(r"[А-ЯЁа-яё]+", clean) and not clean.isupper() and names_org_kind(clean):
            return None  # «Центр», «Ассоциация»: a kind of body alone names none
        if re.fullmatch(r"[IVXLІХ]+", clean) or (len(clean.split()) >= 4 and clean.isupper()):
            return None  # a Roman numeral, or a line of capitals taken for a name
        if re.search(r"\s{2,}|\n", raw) or re.fullmatch(r"[A-Za-z]{1,3}", clean):
            return None  # a site's menu («Культура   Спорт»), a language switch («EN»)
        if " " not in clean and country_of(clean[:1] + clean[1:].casefold()):
            return None  # a city taken for an organization («АСТАНА», «Туркестан»)
        words = [w.strip('«»"(),.') for w in clean.split()]
        if is_country(clean) or is_region_abbreviation(clean):
            return None  # «Российская Федерация», «СКО»: a country or a region
        if all(
            is_country(w) or is_country(lemma_of(w)) or w.casefold() in LINKS or country_of(w)
            for w in words
            if w
        ):
            return None  # «РФ в РК»: countries and places, no organization
        page = text.rstrip()
        cut = at + len(raw) >= len(page) - 1 and not page.endswith((".", "!", "?", "»", ")"))
        if cut or not_a_name_phrase(clean):
            return None  # cut off by the end of the page, or no name of anyone
        if "«" not in clean and noun_lemmas(words[0]) & DOCUMENT_LEMMAS:
            return None  # «Устав центра»: a document, not who wrote it
        found = known.org(balance_quotes(raw)) or known.org(clean)
        if found:
            org_id, name = found
            sentence = sentence_of(sentences, at, text)
            org = organizations.setdefault(
                org_id, DraftOrganization(org_id, name, [], True, sentence)
            )
            if "организатор" in sentence.casefold():  # «Организаторы: …» decides the role
                org.sentence = sentence
            return org_id
        full = spelt_out(clean, [(o.text, o.normal, o.start) for o in org_spans]) or defined(
            clean, text
        )
        if full is not None and full[0] != raw:
            org_id = organization(*full)
            if org_id and org_id in organizations:  # «КОЦГИ»: the centre named in full
                short = organizations[org_id].abbreviations
                if not organizations[org_id].known and clean not in short:
                    short.append(clean)
            return org_id
        mission = mission_key(clean)
        for existing in organizations.values():
            if not existing.known and (
                known._same(clean, [forms(existing.name)])
                or f"«{clean.strip('«»')}»" in existing.name
                or same_quoted_body(clean, existing.name)
                or (mission is not None and mission == mission_key(existing.name))
            ):
                return existing.id
        abbreviation = re.match(r"\s*\(([А-ЯЁA-Z]{2,10})\)", text[at + len(raw) :])
        org_id = slug(clean)
        organizations[org_id] = DraftOrganization(
            org_id,
            clean[0].upper() + clean[1:],
            [abbreviation.group(1)] if abbreviation else [],
            False,
            sentence_of(sentences, at, text),
        )
        return org_id

    org_spans = organization_spans(spans, text)
    # «филармонии им. Еркегали Рахмадиева»: whom a body is named after took no part
    spans = [
        s
        for s in spans
        if s.type != "PER"
        or not any(o.start <= s.start and s.stop <= o.stop and o is not s for o in org_spans)
    ]

    def antecedent(at: int, kind: str | None) -> str | None:
        """The organization a title refers back to: «председатель центра» is the one centre
        named before (two named, it may be either: none); «его директор» is the one named
        earlier in the sentence."""
        sentence_start = next((s for s, e in sentences if s <= at < e), 0)
        previous_sentence_start = max((s for s, _ in sentences if s < sentence_start), default=0)
        if kind is None and not re.search(r"(?:^|\s)(?:его|её|ее|их)\s+$", text[:at], re.I):
            return None
        before = [s for s in reversed(org_spans) if s.stop <= at and not begins_with_title(s.text)]
        if kind is None or kind in _ANY_BODY:
            for span in before:
                if kind is None and span.start < sentence_start:
                    return None
                raw, normal, start = with_kind(span)
                if kind is None or kind in {lemma_of(w) for w in normal.split()}:
                    return organization(raw, normal, start)
                if span.start >= previous_sentence_start:
                    # «Руководитель организации …»: the body named last, in this sentence or
                    # the one before
                    return organization(raw, normal, start)
            return None
        # the bodies of that kind named before: tagged ones, and those a title named
        # («председатель автономии казахов …»), which the tagger may have missed
        found: list[tuple[int, tuple[str, ...], Callable[[], str | None]]] = []
        for span in before:
            if "\n" in span.text:
                continue  # a tagger's span across lines names no one body
            raw, normal, start = with_kind(span)
            if kind in head_kinds(normal):
                found.append(
                    (start, name_lemmas(normal), lambda f=(raw, normal, start): organization(*f))
                )
        for org_id, starts in mentions.items():
            org = organizations.get(org_id)
            if org is not None and kind in head_kinds(org.name) and min(starts) < at:
                found.append(
                    (max(s for s in starts if s < at), name_lemmas(org.name), lambda i=org_id: i)
                )
        if not found or not all(same_body(a, b) for _, a, _ in found for _, b, _ in found):
            return None  # two bodies of that kind named: either may be the one
        return max(found, key=lambda f: f[0])[2]()

    def headed_by_another(person: DraftPerson, title: str, org_id: str) -> bool:
        """Whether someone else already holds this one-person title («председатель»,
        «директор») at the body: then the body a title refers back to is not theirs."""
        lemmas = [lemma_of(w) for w in title.split()]
        return (
            bool(lemmas)
            and lemmas[0] in _SOLE_HEADS
            and any(
                other is not person
                and any(
                    q.organization == org_id and [lemma_of(w) for w in q.title.split()] == lemmas
                    for q in other.positions
                )
                for other in people.values()
            )
        )

    def with_kind(span: Span) -> tuple[str, str, int]:
        """A quoted name with the kind of body written before its quotes, which the tagger
        leaves out: «общественным фондом «Центр …»» → «общественный фонд «Центр …»»."""
        prefix = text[max(0, span.start - 120) : span.start].rstrip()
        if not (span.text.startswith("«") or prefix.endswith("«")):
            return span.text, span.normal, span.start
        # «вокальные группы «Сударушки», «Веселушки»»: each name of a list has the kind
        listed = re.sub(r"(?:«[^«»]*(?:«[^«»]*»[^«»]*)*»\s*(?:,|и)\s*)+«?$", "", prefix)
        in_a_list = listed != prefix or re.match(r"»*\s*(?:,|и)\s*«", text[span.stop :])
        if listed != prefix and _plural_kind_ends(listed):
            prefix = listed  # a later name of the list: the kind is before the first
        before = prefix.rstrip("«").split()[-7:]
        # the kind, then at most three words in the genitive that describe it («клуба
        # казахской культуры «Айжан»», «театра мод «Жаным»»)
        kinds = [
            k
            for k, w in enumerate(before)
            if names_kind_before_quotes(w)
            and len(before) - 1 - k <= 3
            and all(
                "gent" in tags_of(x)[1] and tags_of(x)[1] & {"NOUN", "ADJF"}
                for x in before[k + 1 :]
            )
        ]
        if not kinds:
            return span.text, span.normal, span.start
        k = kinds[-1]
        several = "plur" in tags_of(before[k])[0]
        while k > 0 and "ADJF" in tags_of(before[k - 1])[0] and not is_praise(before[k - 1]):
            k -= 1
            several = several or "sing" not in tags_of(before[k])[1]
        if several and not in_a_list:
            return span.text, span.normal, span.start  # «проекта редакций «Соседи»»: several
        kind_words = " ".join(before[k:])
        raw = f"{kind_words} «{span.text.lstrip('«')}"
        kind_named = kind_singular(kind_words) if several else phrase_nominative(kind_words)
        normal = f"{kind_named} «{span.normal.lstrip('«')}"
        # where the kind is written, whatever spaces or line breaks are between its words
        written = r"\s+".join(map(re.escape, before[k:]))
        at = [m.start() for m in re.finditer(written, text[: span.start])]
        return raw, normal, at[-1] if at else span.start

    def body_before(end: int, sentence_start: int) -> str | None:
        """The organization named right before `end`, as one noun phrase: a kind of body
        with the adjectives before it and the words in the genitive or in quotes after it
        («детского фольклорного коллектива «Прялица»», «хор дома культуры»), not a venue
        («в Доме дружбы») and nothing across a verb («Хор … исполнил песни»)."""
        # («группа «Рябинушки», под руководством …»: a comma right before is no break)
        words = [
            (sentence_start + m.start(), sentence_start + m.end(), m.group())
            for m in re.finditer(r"\S+", text[sentence_start:end].rstrip().rstrip(","))
        ]
        chain: list[tuple[int, int, str]] = []
        quoted = 0  # inside a quoted name, read backwards
        for word in reversed(words):
            bare = word[2].strip(',«»"')
            quoted += word[2].count("»") - word[2].count("«")
            if quoted > 0 or "«" in word[2]:
                chain.insert(0, word)
                continue
            if word[2].endswith((",", ";", ":")) or not bare:
                break
            grammemes = tags_of(bare)[1]
            if grammemes & _ENDS_A_PHRASE:
                break
            if not grammemes & {"NOUN", "ADJF"}:
                break
            chain.insert(0, word)
        kinds = [k for k, (_, _, w) in enumerate(chain) if names_org_kind(w)]
        if not kinds and not any("«" in w for _, _, w in chain):
            return None
        # «хор | дома культуры»: the first kind heads the phrase; with none, a quoted name
        # and the words before it («вокальная группа «Рябинушки»»)
        k = kinds[0] if kinds else 0
        while k and "ADJF" in tags_of(chain[k - 1][2])[0]:
            k -= 1
        ahead = text[max(sentence_start, chain[k][0] - 4) : chain[k][0]].split()
        if ahead and ahead[-1].casefold() in ("в", "во", "на"):
            return None  # «в Доме дружбы под руководством …»: where, not whose
        start, stop = chain[k][0], chain[-1][1]
        named = text[start:stop]
        return organization(named, phrase_nominative(named), start)

    org_ranges = [(o.start, o.stop) for o in org_spans]
    places: dict[str, DraftPlace] = {}
    place_mentions: list[Mention] = []
    for span in spans:
        if span.type != "LOC" or is_country(span.normal) or is_country(span.text):
            continue
        if any(o.start <= span.start < o.stop for o in org_spans) and not _CITY_OF_BODY.search(
            text[max(0, span.start - 10) : span.start]
        ):
            continue  # a place inside a name is no city named, unless the body's own
        span = replace(span, normal=with_yo(span.text, city_name(span)))  # «Берёзовка»
        found = known.place(span.text) or known.place(span.normal)
        sentence = sentence_of(sentences, span.start, text)
        if found:
            places.setdefault(found[0], DraftPlace(found[0], found[1], True, sentence))
            place_mentions.append(Mention(found[0], span.start, span.stop))
        elif (
            span.normal[:1].isupper()
            and not re.search(
                r"(ский|ская|ское|ские|ской|ского)$|област|край|регион|район|округ",
                span.normal,
                re.I,
            )
            and is_settlement(text, span)
        ):  # adjectives («Российско-Казахстанский»), regions and common nouns are not cities
            place_id = slug(span.normal)
            country = country_of(span.normal)
            if country not in ("RU", "KZ") and after_a_village_word(text[: span.start]):
                # «в селе Ивановка»: the gazetteer holds towns only, so a foreign town of
                # that name is another place; the admin decides
                country = None
            places.setdefault(place_id, DraftPlace(place_id, span.normal, False, sentence, country))
            place_mentions.append(Mention(place_id, span.start, span.stop))

    people: dict[str, DraftPerson] = {}
    taking_part: dict[str, set[str]] = {}
    position_ranges: list[tuple[int, int]] = []
    moderators: list[range] = []  # where the names of those who moderated are written
    speakers: list[range] = []  # and of those named as speakers («экспертами станут …»)
    previous_end = 0
    shared: DraftPosition | None = None
    # «приняли участие члены РАПН: X, …; Y, …»: a plural title that heads a list is each
    # listed person's, whatever else each is
    heading: DraftPosition | None = None
    openers = opened_by(doc, pipeline()[1])  # «Конференцию открыла директор …»
    hosts: list[tuple[DraftPerson, str]] = []  # who opened it, and the sentence they did
    listed: list[DraftPerson] = []  # the names listed so far with only «,» or «и» between
    listed_end = 0
    # each name's parts, read once: a name written without its surname is found among them
    parsed = {
        span.start: name_parts(
            bare_name(span),
            text[max(0, span.start - 4) : span.start],
            span.context,
        )
        for span in spans
        if span.type == "PER"
    }
    for span in (s for s in spans if s.type == "PER"):
        if (
            " " not in span.text.strip()
            and "." not in span.text
            and not any(
                chunk.casefold().startswith(POSITION_WORDS)
                for chunk in position_chunks(text[max(0, span.start - 80) : span.start])
            )
            # «…», – отметил Белявский»: the surname of one already named in full is theirs
            and sum(
                bool(p.first_name) and same_person(p, None, parsed[span.start][2])
                for p in people.values()
            )
            != 1
        ):
            # a lone word with no known title before it is more often a river or a city
            # («мастера Барнаула и Семея») than a person
            continue
        if _NAMED_AFTER.search(text[max(0, span.start - 20) : span.start]) or re.match(
            r"(?:имени|им\.)\s", span.text, re.I
        ):
            continue  # «театр им. А. Н. Островского», «ул. Карла Маркса»: whom it is named after
        first, patronymic, last = parsed[span.start]
        if patronymic and last == first:  # «Юлия Александровна»: whose, by the others
            named = surname_for(first, patronymic, list(parsed.values()))
            if named is None:
                continue
            first, last = named
        match = known.person(first, last)
        if match:
            person_id, first, last = match
        else:
            person_id = slug(f"{last} {first or ''}")
            # «Ермек Кошербаев» … «Е. Кошербаев», «В.Радаев» … «Валерий Радаев»: one person
            same = [p.id for p in people.values() if same_person(p, first, last)]
            # «Есенгалия Ибраева знают …» after «Есенгалий Ибраев»: the name in another case
            # (not when a verb agrees with her: «выступила Ерлана Мусина» is someone else)
            if not same and not (span.context.subject and span.context.gender == "femn"):
                same = [p.id for p in people.values() if oblique_of(p, first, last)]
            if len(same) == 1:
                person_id = same[0]
        person = people.setdefault(person_id, DraftPerson(person_id, first, last, bool(match)))
        if first and (person.first_name is None or is_initial(person.first_name)):
            person.first_name = first if not is_initial(first) else person.first_name or first
            full_id = slug(f"{last} {person.first_name}")
            if not person.known and full_id != person_id and full_id not in people:
                # named in full after an initial: the id is the full name's
                people = {full_id if k == person_id else k: v for k, v in people.items()}
                if person_id in taking_part:
                    taking_part[full_id] = taking_part.pop(person_id)
                person.id = person_id = full_id
        if person.patronymic is None and patronymic and not match:
            person.patronymic = patronymic
        sentence = sentence_of(sentences, span.start, text)
        if any(span.start in opener for opener in openers):
            hosts.append((person, sentence))
        listed_before = re.fullmatch(r"\s*(?:,|и)?\s*", text[listed_end : span.start])
        listed = [*listed, person] if listed and listed_before else [person]
        # «X, Y и Z, представители …»: the last of a list closed by «и»
        closes_a_list = len(listed) > 1 and "и" in text[listed_end : span.start].split()
        listed_end = span.stop
        if sentence and sentence not in person.sentences:
            person.sentences.append(sentence)
        # «Вместе с заместителем губернатора X и председателем Думы Y он перерезал ленточку»:
        # those with the subject did what the subject did
        along = re.search(r"\bвместе\s+со?\s+(?:[^\s.;:!?]+\s+){0,14}$", text[: span.start], re.I)
        part = part_taken(span.verb, True if along else span.context.subject, sentence)
        # «по словам Виктора …», «по словам заместителя руководителя управления Аймагамбетовой»
        said = re.search(
            r"(?:по словам|по мнению|слово\s+\w+)(?:\s+[а-яё][\w«»\"-]*){0,12}\s*$"
            # «Слово было предоставлено доктору наук, профессору Университета … Жунусову»
            r"|слово\s+(?:был[оа]\s+)?предостав\w+(?P<given>(?:\s+[^\s.!?;:]+){0,14})\s*$",
            text[: span.start],
            re.I,
        )
        given = said.group("given") if said is not None else None
        if (
            given
            and (
                any(tags_of(w.strip(",«»"))[0] & {"VERB", "GRND"} for w in given.split())
                # after a comma only another title of the same person: «доктору наук, профессору …»
                or any(
                    not (w[:1].isupper() or titles_a_person(w.strip(",«»")))
                    for w in re.findall(r",\s*(\S+)", given)
                )
            )
        ):
            said = None  # «Слово было предоставлено X, после чего Y вручил …»: Y did not
        case = read_name(split_initials(bare_name(span)), span.context)[1]
        oblique = span.context.subject is False or case != "nomn"
        quoted = _quoted_after(text[span.stop : span.stop + 240])
        if said is not None or (quoted and case == "nomn"):
            part = "speaker"  # «по словам X, …»: X said it, whatever the verb
        elif part == "speaker" and oblique and not along:
            part = "mentioned"  # «письмо посла X», «объявленного X»: said of them, not by them
        sentence_start = next((s for s, e in sentences if s <= span.start < e), 0)
        clause_rest = re.split(r"[,.;:!?]", text[span.stop : span.stop + 200])[0]
        if (
            part == "mentioned"
            and oblique
            and _was_there(text[sentence_start : span.start])
            and not any("VERB" in tags_of(w)[0] for w in clause_rest.split())  # its own verb
        ):
            part = "participant"  # «в исполнении X», «визит посла X»
        if _inside_a_quoted_name(text, sentence_start, span):
            part = "mentioned"  # «Круглый стол «Чокан Валиханов и Омск»»: named in a name
        elif _said_to_be(_SPEAKER_WORD, None, text, sentence_start, span, speakers):
            speakers.append(range(span.start, span.stop))
            part = "speaker"
        taking_part.setdefault(person_id, set()).add(part)
        if _said_to_be(_MODERATOR_WORD, _MODERATOR_TITLE, text, sentence_start, span, moderators):
            moderators.append(range(span.start, span.stop))
            person.role = "moderator"

        # «Наталья Калашникова (Нур-Султан)», «… СО РАН (Новосибирск) Ирина Октябрьская»
        city = (
            re.search(r"\(([^)]+)\)", span.text)
            or re.match(r"\s*\(([^)]+)\)", text[span.stop : span.stop + 60])
            or re.search(r"\(([^)]+)\)\s*$", text[max(0, span.start - 60) : span.start])
        )
        if city and not _names_a_place(city.group(1)):
            city = None  # «(мастер по …)», «(директор школы № 5)»: what they are, not where
        if city:
            found = known.place(city.group(1))
            place_id = found[0] if found else slug(city.group(1))
            if not found:
                name = city.group(1)
                places.setdefault(
                    place_id, DraftPlace(place_id, name, False, sentence, country_of(name))
                )
            person.city = place_id
        # A title before a name belongs to it alone, not to a person named earlier in the
        # sentence: «директор X Айгуль Демеуова и заместитель Y Звира Есбергенова».
        offset = max(sentence_start, previous_end if previous_end <= span.start else 0)
        # «Генеральный консул … в г. Омске А. С. Бекмуханов»: a place the tagger took into the
        # name ends the title
        glued = glued_place(span.text, text[max(0, span.start - 4) : span.start])
        before = text[offset : span.start] + glued
        # «… СО РАН (Новосибирск) Ирина», «X (мастер …) и Ирина»: what is in brackets is no
        # title of hers (blanked, so that every offset stays)
        before = re.sub(r"\([^)]*\)", lambda found: " " * len(found.group()), before)
        chunks = position_chunks(before)
        # («… Шайхиев (г. Уральск, Казахстан) и Дмитрий Мацюк»: where each is from aside)
        if not chunks and shared is not None and re.fullmatch(r"\s*(,|и)?\s*", before):
            # «историки и этнологи Светлана Дерябина и Денис Денисов»: a plural title is
            # shared by the whole list.
            title = said_of(person, shared.title)
            if not any(p.title == title for p in person.positions):
                person.positions.append(DraftPosition(title, shared.organization, sentence))
        else:
            shared = None
        if (
            heading is not None
            and not chunks
            and re.fullmatch(r"[\s;,]*(?:и\s+)?", text[previous_end : span.start])
        ):
            title = said_of(person, heading.title)
            if not any(p.title == title for p in person.positions):
                person.positions.append(DraftPosition(title, heading.organization, sentence))
        else:
            heading = None
        placed = [(offset + before.find(chunk), chunk) for chunk in chunks]
        # «Марина Коваленко, председатель …, отметила»: a position right after the name.
        sentence_end = next((e for s, e in sentences if s <= span.start < e), len(text))
        following = min(
            (s.start for s in spans if s.type == "PER" and s.start >= span.stop), default=len(text)
        )
        after = positions_after(
            text, span.stop, min(sentence_end, following), following < sentence_end, org_ranges
        )
        placed.extend(after)
        # «коллектива «Прялица» под руководством Ларисы Пригородовой», «хор под управлением
        # Ольги …», «дом дружбы …, которым руководит Ю.А. Лапидус»: she leads that body
        led = re.search(
            r"(?:\s+под\s+(художественным\s+)?(?:руководством|управлением)\s+([^,;:.]*)"
            r"|\s*,\s*котор\w+\s+(?:руковод|возглавля)\w*\s+)$",
            text[sentence_start : span.start],
            re.I,
        )
        between = (led.group(2) or "").split() if led is not None else []
        if led is not None and (not between or any(titles_a_person(w) for w in between)):
            # (words between that are no title: «под руководством» of someone named before)
            org_id = body_before(sentence_start + led.start(), sentence_start)
            title = "художественный руководитель" if led.group(1) else "руководитель"
            if org_id is not None and not any(p.organization == org_id for p in person.positions):
                person.positions.append(DraftPosition(title, org_id, sentence))
        pieces = [piece for where, whole in placed for piece in two_positions(where, whole)]
        for at, chunk in pieces:
            position_ranges.append((at, at + len(chunk)))
            referred: list[str] = []

            def referring(
                at: int,
                kind: str | None,
                referred: list[str] = referred,
                person: DraftPerson = person,
            ) -> str | None:
                # «Председатель общества Кайрат Ибраев …», after «председатель общества
                # «Достык» Кайрат Ибраев»: his own body of that kind first
                own = {q.organization for q in person.positions} & set(organizations)
                found = next(
                    (o for o in sorted(own) if kind and kind in head_kinds(organizations[o].name)),
                    None,
                ) or antecedent(at, kind)
                referred.extend([found] if found else [])
                return found

            title, org_id = split_position(chunk, at, org_spans, organization, referring)
            if (
                org_id in referred
                and not any(q.organization == org_id for q in person.positions)
                and headed_by_another(person, title, org_id)
            ):
                # «Руководитель автономии «Мирас» Айгуль …, руководитель автономии Ерлан …»: a
                # body has one head; the second is of a body the text does not name again
                title, org_id = lower_first(chunk), None
            plural = is_plural_title(title)
            title = (
                singular_title(title)
                if plural
                else " – ".join(title_nominative(part) for part in title.split(" – "))
            )
            title = without_praise(title)
            # «пенсионерка из посёлка Деркул»: where someone is from is no part of a title
            title = re.sub(
                r"\s+из\s+(?:(?:посёлка|поселка|села|аула|города|г\.)\s+)?[А-ЯЁ][\w-]*$", "", title
            )
            if (
                plural
                and at > span.start
                and not (closes_a_list or re.search(r"[–—-]", text[span.stop : at]))
            ):
                # «…, консул Дмитрий Михно, депутаты маслихата»: a plural after one name is
                # the next item of the list, not his title
                continue
            own = said_of(person, title) if plural else title
            if title and not any(p.title == own for p in person.positions):
                person.positions.append(DraftPosition(own, org_id, sentence))
                before_name = plural and at < span.start
                shared = DraftPosition(title, org_id, sentence) if before_name else None
                if before_name and re.fullmatch(r"\s*:\s*", text[at + len(chunk) : span.start]):
                    heading = shared
                if plural and at > span.start:
                    # «Н. Сорокина, Е. Жумагалиев и А. Бекова – представители …»: a plural
                    # title after a list is each listed person's
                    for other in listed[:-1]:
                        theirs = said_of(other, title)
                        if not any(p.title == theirs for p in other.positions):
                            other.positions.append(DraftPosition(theirs, org_id, sentence))
        previous_end = after[-1][0] + len(after[-1][1]) if after else span.stop

    # «Б. СУЛТАНОВ: Для Казахстана …»: a transcript's speaker, named at the start of a line;
    # «„…“: Абзал Нукенов о …»: a headline's
    labelled = {m.group(1).casefold() for m in _SPEAKER_LABEL.finditer(text)} | {
        (m.group(1) or m.group(2)).casefold() for m in _QUOTE_AND_WHOSE.finditer(text)
    }
    for person_id, person in people.items():
        if person.role == "moderator":
            continue
        parts = taking_part.get(person_id, set())
        if person.last_name and person.last_name.casefold() in labelled:
            parts.add("speaker")
        person.role = next(r for r in ("speaker", "participant", "mentioned") if r in parts)
    # «в соответствии с Посланием Президента …»: a head of state only mentioned is the
    # background of the news, no one who took part in it
    people = {
        person_id: person
        for person_id, person in people.items()
        if not (
            person.role == "mentioned"
            and person.positions
            and all(_heads_a_state(q.title) and q.organization is None for q in person.positions)
        )
    }

    # Organizations named outside positions, after those so that «фонд «X»» and «X» are one.
    published = publisher_ranges(text)
    speech = speech_ranges(text)
    in_speech: set[str] = set()
    outside_speech: set[str] = set()
    venue_named: set[str] = set()
    named_otherwise: set[str] = set()
    tokens = trees(doc)
    from_city: dict[str, set[str]] = {}  # «хор «…» из Кургана», «гости из Самары – ансамбль …»
    # «акимат Астаны», «правительство Москвы»: state bodies in lower case, where no name the
    # tagger found covers them (never inside a position: a title keeps its employer as is)
    lower_case = [
        span
        for span in state_body_spans(text)
        if not any(o.start < span.stop and span.start < o.stop for o in org_spans)
    ]
    for span in [*org_spans, *lower_case]:
        if any(start <= span.start < stop for start, stop in position_ranges):
            continue  # inside a position: the employer is drafted already, the rest is title
        raw, normal, at = with_kind(span)
        kinded = replace(span, start=at, text=raw)  # with the kind written before its quotes
        credited = (is_credited(text, span) or is_credited(text, kinded)) and not (
            described_further(tokens, span.start, span.stop)
        )
        if any(start <= span.start < stop for start, stop in published) or (
            not credited and is_news_source(text, span)
        ):
            continue  # the site's or the agency's own name: who wrote it, not who took part
        if begins_with_title(span.text):
            continue  # «Посол Российской Федерации …» is a title, not an organization
        org_id = organization(raw, normal, at)
        # «прошло в центре искусств «Атамекен»», «на телеканале «…» прошёл»: where the kind
        # written before the quotes is, when it tells where something took place (not
        # «занимающиеся в клубе «…»»)
        token, tree = body_token(tokens, at, span.stop)
        kind_named = (at != span.start and is_venue(text, kinded)) or on_a_kind_of_place(
            text, kinded
        )
        took_place = token is not None and took_place_at(token, tree)
        if is_venue(text, span) or (kind_named and took_place):
            venue_named.add(org_id)
            if org_id in organizations:
                organizations[org_id].where = True
        elif not credited and token is not None and acts(token, tree):
            named_otherwise.add(org_id)  # «Центр «…» выступил партнёром», «студенты центра»
        if (country := _country_from(text, span)) is not None:
            from_city.setdefault(org_id, set()).add(country)
        if credited or any(span.start in quoted for quoted in speech):
            in_speech.add(org_id)  # «сообщает пресс-служба акимата»: what it said, no part
        else:
            outside_speech.add(org_id)
    for org_id in in_speech - outside_speech:
        if org_id in organizations:
            organizations[org_id].spoken_of = True
    # a body named where it happened, and as doing something, is not only where it happened
    for org_id in venue_named - named_otherwise:
        if org_id in organizations:
            organizations[org_id].venue = True

    # «Генеральный консул РК в г. Омске А. С. Бекмуханов, консул Т.Е.Жанабилов»: a consul
    # with no mission named serves the one his sentence names (after the bodies outside
    # positions, so that a mission written in lower case counts)
    for person in people.values():
        for position in person.positions:
            # «генеральный консул Российской Федерации в Южной столице», where the article
            # names «Генеральное консульство Российской Федерации в Южной столице»: a post in
            # that mission (the title, as official, keeps where it serves)
            named = mission_of(position.title) if position.organization is None else None
            mission = next(
                (
                    o
                    for o in organizations.values()
                    if named and mission_key(o.name) == mission_key(named)
                ),
                None,
            )
            if mission is not None:
                position.organization = mission.id
                continue
            if position.organization is None and position.title.casefold().split()[-1].startswith(
                ("консул", "вице-консул", "посол")
            ):
                kind = "посольство" if "посол" in position.title.casefold() else "консульство"
                missions = [
                    o.id
                    for o in organizations.values()
                    if kind in o.name.casefold() and o.sentence == position.sentence
                ]
                # or the one a colleague's title in the sentence names («Генеральный консул РК
                # в г. Омске …, консул …»)
                named = {
                    mission_of(theirs.title)
                    for other in people.values()
                    for theirs in other.positions
                    if theirs.sentence == position.sentence and theirs.organization is None
                }
                named = {name for name in named if name and kind in name.casefold()}
                if not missions and len(named) == 1:
                    name = named.pop()
                    at = max(0, text.find(position.sentence))
                    mission_id = organization(name, name, at)
                    missions = [mission_id] if mission_id else []
                if len(missions) == 1:
                    position.organization = missions[0]

    lede = lede_of(text)
    venue = held_in(text, place_mentions, sentences, lede, doc, position_ranges)
    # a city named in telling of the event, where or not, says it was not only online
    city_named = any(
        place.sentence and (EVENT_WORDS.search(place.sentence) or place.sentence.strip() in lede)
        for place in places.values()
    )
    _merge_partial_names(organizations, people.values(), mentions, from_city)
    _merge_same_quoted(organizations, people.values(), mentions, from_city)
    title, kind = event_title_and_kind(text)
    if title and len(title) > NAME_LIMIT:
        title = None  # no title the content would take: the admin writes it
    events_named = quoted_event_names(text)
    held, supported = held_and_supported(doc, pipeline()[1])
    # the body whose head, alone, opened the event is its host
    hosted = {
        position.organization
        for person, sentence in hosts
        for position in person.positions
        if position.sentence == sentence and position.organization
    }
    for org_id, org in list(organizations.items()):
        if org_id in hosted and len(hosted) == 1:
            org.role = "organizer"
        named_at = mentions.get(org_id, [])
        # «Организаторы – Фонд … при поддержке посольства»: support inside the organizer's
        # phrase is support; named as holder elsewhere, the body held it
        in_held = [at for at in named_at if any(at in where for where in held)]
        in_support = [at for at in named_at if any(at in where for where in supported)]
        if in_support and (not in_held or set(in_held) <= set(in_support)):
            org.role = "partner"
        elif in_held:
            org.role = "organizer"
        named = re.search(r"«(.+)»", org.name)
        if not org.known and title and named and named.group(1).strip() == title.strip("«» "):
            del organizations[org_id]  # «форум НКО «Степной диалог»»: the event, not who held it
            continue
        if not org.known and org.name.strip("«»") in events_named:
            del organizations[org_id]  # «на форуме «Сообщество»»: an event's name, alone
            continue
        if not org.known:
            org.country = org_country(org.name, places.values())
            # the venue, and a local body that names no place, are in the event's city
            local = org.where or bool(LOCAL.search(org.name))
            if org.country is None and local and venue is not None:
                org.country = places[venue].country
            if org.country is None and len(from_city.get(org_id, ())) == 1:
                org.country = next(iter(from_city[org_id]))
    _countries_from_people(organizations, people.values())
    date, date_sentence = event_date(text, sentences)
    status = event_status(text, sentences)
    say("done")
    return Draft(
        source_file=source_file,
        title=title,
        kind=kind,
        date=date,
        date_sentence=date_sentence,
        format=event_format(text, city_named or any(org.where for org in organizations.values())),
        people=list(people.values()),
        organizations=list(organizations.values()),
        places=list(places.values()),
        seconds=time.perf_counter() - started,
        status=status,
        place=venue,
    )
