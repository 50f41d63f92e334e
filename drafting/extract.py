"""Drafting content from a new Russian news article, for an admin to review.

Named entities come from Natasha (its models ship inside the package and run offline);
rules on top of them find «position + organization + name» patterns, the event's title,
kind, date and format. People, organizations and cities already in content/ are recognised
and referred to by their ids; new ones are written out as new entries. Every fact carries
the sentence it came from as a YAML comment. The draft is never loaded by itself.

Natasha is imported on the first draft only: it costs about a second and 150 MB.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import Any

from db.content_files import Content
from db.textnorm import forms, forms_match, known_place
from drafting.gazetteer import country_of, country_of_form, is_country, is_region_abbreviation
from drafting.model import Draft, DraftOrganization, DraftPerson, DraftPlace, DraftPosition, slug
from drafting.names import INITIALS, NO_CONTEXT, Context, nominative, read_name, split_initials

Progress = Callable[[str], None]

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "мая": 5, "мае": 5, "май": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_MONTH_RE = "(январ[яе]|феврал[яе]|марта?|марте|апрел[яе]|ма[яей]|июн[яе]|июл[яе]|августа?|августе|сентябр[яе]|октябр[яе]|ноябр[яе]|декабр[яе])"  # noqa: E501
_DAY_DATE = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE}(?:\s+(\d{{4}})\s*(?:года|г\.))?", re.I)
_MONTH_DATE = re.compile(rf"\bв\s+{_MONTH_RE}\s+(\d{{4}})\s*(?:года|г\.)?", re.I)

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
    "соотечественник зритель слушатель победитель призёр призер".split()
)


def _titles_a_person(word: str) -> bool:
    """A word a title begins with: one of the known titles, or any noun the dictionary knows
    as naming a person («вокалистка», «звукорежиссёр»), not a name and not one that says
    nothing of what they do («гость», «житель»)."""
    word = word.casefold().strip('«»"(),.')
    from db.textnorm import _analyzer

    parse = _analyzer().parse(word)[0]
    grammemes = set(parse.tag.grammemes)
    if word.startswith(POSITION_WORDS):
        # «краеведения», «секретариата» begin as titles do but name no one
        return not (parse.tag.POS == "NOUN" and "inan" in grammemes)
    if not _analyzer().word_is_known(word):
        return False
    return (
        parse.tag.POS == "NOUN"
        and {"anim", "sing"} <= grammemes
        and not {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & grammemes
        and parse.normal_form not in _NOT_TITLES
    )


GENERIC_ORGS = {"нпо", "нко", "ооо", "оюл", "рк", "рф", "сми"}
GENERIC_ABBREVIATIONS = frozenset(w.upper() for w in GENERIC_ORGS | {"ссср", "сша"})
EVENT_KINDS = (
    ("круглый стол", "round_table"),
    ("круглом столе", "round_table"),
    ("круглого стола", "round_table"),
    ("форум", "forum"),
    ("конференц", "conference"),
    ("подписан", "signing"),
    ("встреч", "meeting"),
    ("собрани", "meeting"),
    ("мероприяти", "meeting"),
    ("визит", "meeting"),
    ("поездк", "meeting"),
    ("открыти", "other"),
    ("концерт", "other"),
    ("фестивал", "other"),
    ("праздн", "other"),
    ("выставк", "other"),
)


# --- Natasha ------------------------------------------------------------------------------------


@cache
def _pipeline() -> Any:
    """Natasha's segmenter, morphology and NER models, loaded once, on first use."""
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return (
        Segmenter(),
        MorphVocab(),
        NewsMorphTagger(embedding),
        NewsSyntaxParser(embedding),
        NewsNERTagger(embedding),
    )


@dataclass
class _Span:
    type: str
    start: int
    stop: int
    text: str
    normal: str
    verb: str | None = None  # lemma of the verb the name depends on (syntax tree)
    context: Context = field(default_factory=Context)  # for a name: role, a verb's gender


def _analyse(text: str) -> tuple[list[_Span], list[tuple[int, int]]]:
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, syntax_parser, ner_tagger = _pipeline()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)  # normalisation of multi-word names needs the syntax
    doc.tag_ner(ner_tagger)
    spans = []
    for span in doc.spans:
        span.normalize(morph_vocab)
        normal = (span.normal or span.text).replace("имя.", "им.")
        verb = _governing_verb(doc, span, morph_vocab) if span.type == "PER" else None
        context = _name_context(doc, span) if span.type == "PER" else Context()
        spans.append(_Span(span.type, span.start, span.stop, span.text, normal, verb, context))
    return spans, [(s.start, s.stop) for s in doc.sents]


def _governing_verb(doc: Any, span: Any, morph_vocab: Any) -> str | None:
    """The lemma of the verb a name hangs from in the dependency tree: «Бану Нургазиева
    обратила внимание» → «обратить»; «письма прислали … Посол … Бородавкин» → «прислать»."""
    tokens = {t.id: t for t in doc.tokens}
    inside = {t.id for t in span.tokens}
    node = next((t for t in span.tokens if t.head_id not in inside), None)
    seen: set[str] = set()
    while node is not None and node.id not in seen:
        seen.add(node.id)
        # «Выступил председатель …»: a verb first in its sentence is often tagged an adjective
        first_verb = node.rel == "root" and "VERB" in _tags(node.text)[0]
        if (node.pos in ("VERB", "AUX") or first_verb) and node.id not in inside:
            if first_verb and node.pos not in ("VERB", "AUX"):
                return _lemma(node.text)
            node.lemmatize(morph_vocab)
            # «Доклад сделал профессор …»: what was made is a talk
            talk = any(
                t.head_id == node.id and t.rel == "obj" and t.text.casefold().startswith(_TALKS)
                for t in doc.tokens
            )
            return "доклад" if talk else node.lemma
        node = tokens.get(node.head_id)
    # The walk broke off (the parser sometimes makes a word its own head): the verb at the
    # root of the sentence, if the root is one.
    first = span.tokens[0].id.split("_")[0]
    root = next((t for t in doc.tokens if t.rel == "root" and t.id.split("_")[0] == first), None)
    if root is not None and root.pos == "VERB":
        root.lemmatize(morph_vocab)
        return root.lemma
    return None


# Relations of a name to its head (Universal Dependencies, as Natasha's parser gives them).
_SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})
_DEPENDENT_RELATIONS = frozenset({"obl", "nmod", "iobj", "obj", "obl:agent", "obl:arg"})
_GENDERS = {"Masc": "masc", "Fem": "femn"}


def _name_context(doc: Any, span: Any) -> Context:
    """Whether a name is its clause's subject (then it is in the nominative) or depends on a
    word (then it is not), the gender a past-tense verb it is the subject of shows, and the
    case of the title it follows."""
    parsed = _parsed_context(doc, span)
    titled = _title_before(doc, span)
    if titled is None:
        return parsed
    # «встретился с руководителем управления … Айдаром Батырхановым»: whatever the parser
    # hung the name from, a name right after its title's phrase stands in its case
    case, feminine = titled
    return Context(case == "nomn", parsed.gender or feminine, case)


def _parsed_context(doc: Any, span: Any) -> Context:
    """What the dependency tree tells of a name: subject or dependent, and a gender."""
    tokens = {t.id: t for t in doc.tokens}
    inside = {t.id for t in span.tokens}
    head = next((t for t in span.tokens if t.head_id not in inside), None)
    if head is None:
        return Context()
    subject = (
        True
        if head.rel in _SUBJECT_RELATIONS
        else False
        if head.rel in _DEPENDENT_RELATIONS
        else None
    )
    title = tokens.get(head.head_id)
    if (
        title is not None
        and title.id not in inside
        and title.pos in ("NOUN", "PROPN", "ADJ")
        and title.text.casefold().startswith(POSITION_WORDS)
        and not _names_org_kind(title.text)  # «акимата» begins as «аким» does
        and title.feats.get("Case")
        # «и.о. руководителя … Аманжолова»: the title's case is the «и.о.»'s, not hers
        and not re.search(r"(?:и\.\s?о\.|врио|обязанности)\s*$", doc.text[: title.start], re.I)
    ):
        # «заместителя акима … Жакупова Ерлана», «Заведующая кафедрой Е. В. Дорохова»: a name
        # after its title stands in the title's case, and a woman's title says she is one
        feminine = "femn" if title.feats.get("Gender") == "Fem" else None
        return Context(title.feats["Case"] == "Nom", feminine)
    before = [t for t in doc.tokens if t.stop <= span.start and t.pos != "PUNCT"][-1:]
    if before and before[0].pos == "ADP":  # «с Ольгой», «по словам …», «у Ержана»
        subject = False
    gender = None
    verb = tokens.get(head.head_id)
    if subject and verb is not None and verb.pos in ("VERB", "AUX"):
        gender = _GENDERS.get(verb.feats.get("Gender", ""))
    if verb is not None and verb.pos == "NOUN":  # «вечер О.Н. Карповой»: the noun's verb
        verb = tokens.get(verb.head_id)
    if (
        not subject
        and verb is not None
        and verb.pos == "VERB"
        and verb.feats.get("Gender") == "Fem"
        and verb.feats.get("Number") == "Sing"
        and verb.start < span.start
        and not any(
            t.head_id == verb.id
            and t.rel in _SUBJECT_RELATIONS
            and t.id not in inside
            and t.feats.get("Gender") == "Fem"
            for t in doc.tokens
        )
    ):
        # «Завершила вечер О.Н. Карпова»: a verb that speaks of a woman and has no other
        # subject has her as its subject, whatever the parser made of the word order
        return Context(True, "femn")
    return Context(subject, gender)


_UD_CASES = {
    "Nom": "nomn",
    "Gen": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
}


def _title_before(doc: Any, span: Any) -> tuple[str, str | None] | None:
    """The case of the title whose phrase runs up to a name, with no verb or punctuation
    between them («… с руководителем управления культуры области | Айдаром …»), and «femn»
    when the title is a woman's («заведующая»); None when no title leads up to it. The
    phrase's head is its first person noun: «Председатель союза волонтёров | Ольга …»."""
    before = [t for t in doc.tokens if t.stop <= span.start]
    head = None
    for token in reversed(before[-12:]):
        if token.pos in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON"):
            break
        feats = token.feats if isinstance(token.feats, dict) else {}
        if (
            token.pos == "NOUN"
            and feats.get("Animacy") == "Anim"  # «краеведения» is no «краевед»
            and token.text.casefold().startswith(POSITION_WORDS)
            and not _names_org_kind(token.text)
        ):
            head = token
    if head is None:
        return None
    if re.search(r"(?:и\.\s?о\.|врио|обязанности)\s*$", doc.text[: head.start], re.I):
        return None  # «и.о. руководителя»: the case is the «и.о.»'s
    feats = head.feats if isinstance(head.feats, dict) else {}
    case = _UD_CASES.get(feats.get("Case", ""))
    return (case, "femn" if feats.get("Gender") == "Fem" else None) if case else None


# --- Helpers ------------------------------------------------------------------------------------


def _balance_quotes(text: str) -> str:
    """Tidy an organization's name: no dangling «(РФ», closing quote restored."""
    text = re.sub(r"\s*\([^)]*\)?\s*$", "", text.strip()).strip(" ,;:()")
    if text.count("«") > text.count("»"):
        text += "»"
    return text


def _sentence_of(sentences: list[tuple[int, int]], position: int, text: str) -> str:
    for start, stop in sentences:
        if start <= position < stop:
            return " ".join(text[start:stop].split())
    return ""


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

    def person(self, last_name: str) -> tuple[str, str, str] | None:
        words = forms(last_name)
        for person_id, first, last, last_forms in self.people:
            if len(words) == len(last_forms) and all(
                forms_match(a, b) for a, b in zip(words, last_forms, strict=True)
            ):
                return person_id, first, last
        return None


# --- Names --------------------------------------------------------------------------------------


def _tags(word: str) -> tuple[set[str], set[str]]:
    """Grammemes of the best parse, and of the first three together (pymorphy3)."""
    from db.textnorm import _analyzer

    parses = _analyzer().parse(word.strip(".,"))[:3]
    if not parses:
        return set(), set()
    return set(parses[0].tag.grammemes), set().union(*(set(p.tag.grammemes) for p in parses))


def _is_initial(word: str) -> bool:
    return bool(INITIALS.match(word))


def _same_person(person: DraftPerson, first: str | None, last: str) -> bool:
    """The same surname with a first name written once in full and once as its initial
    («Ермек» and «Е.»), or once left out."""
    if person.last_name != last or person.known:
        return False
    other = person.first_name
    if not first or not other:
        return True
    if _is_initial(first) == _is_initial(other):
        return False  # two full names (or two initials) that differ are two people
    return first[:1].casefold() == other[:1].casefold()


def _initials(token: str) -> str:
    """«А.Б.» as written, «Б» → «Б.»."""
    return token if token.endswith(".") else token + "."


def _glued_place(raw: str, before: str) -> str:
    """A place written before a name that the tagger took into it («г. Нур-Султан Валеев
    Равиль», «в г. Омске А. С. Бекмуханов»): the place's word as written, or ""."""
    tokens = split_initials(raw)
    if len(tokens) < 3 or INITIALS.match(tokens[0]) or _is_patronymic(tokens[1]):
        return ""  # «Есмкан Искакович …»: a patronymic follows a first name, not a place
    if re.search(r"\bг\.?\s*$", before) or (
        "Geox" in _tags(tokens[0])[0] and _known_word(tokens[0])
    ):
        return raw[: raw.find(tokens[0]) + len(tokens[0])]
    return ""


def _known_word(word: str) -> bool:
    """In the dictionary, not guessed from its ending."""
    from db.textnorm import _analyzer

    return _analyzer().word_is_known(word.casefold())


def _is_patronymic(word: str) -> bool:
    return "Patr" in _tags(word)[1] or bool(re.search(r"(вич|вна|ична|ьич)$", word.casefold()))


def _name_score(word: str) -> int:
    from db.textnorm import _analyzer

    if not _known_word(word):
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
    best, any_ = _tags(word)
    return 2 if "Surn" in best else 1 if "Surn" in any_ else 0


def _name_parts(
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
    if _glued_place(raw, before):
        tokens = tokens[1:]
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
            return first, tokens[patronymic], tokens[patronymic - 2]
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
        bool(_SURNAME_END.search(w)) and _name_score(w) < 2 for w in (a, tokens[1])
    )  # «Ирина», «Марина» end as surnames do, but the dictionary knows them as names
    if a_surname != b_surname:  # only one ends as surnames do: «Валеев Равиль»
        return (tokens[1], None, a) if a_surname else (a, None, b)
    if _name_score(a) < _name_score(tokens[1]) and _surname_score(a) >= _surname_score(tokens[1]):
        return tokens[1], None, a  # surname first, as the dictionary knows the two words
    return a, None, b


_KAZAKH_PATRONYMIC = re.compile(r"(улы|ұлы|уулу|кызы|қызы)$", re.I)
# Endings of Russian and Kazakh surnames (in the nominative).
_SURNAME_END = re.compile(
    r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|улы|ұлы|уулу|кызы|қызы)$",
    re.I,
)


# --- Extraction ---------------------------------------------------------------------------------


def _joined_names(spans: list[_Span], text: str) -> list[_Span]:
    """A surname the tagger cut from the name after it is one name again: «Ведерниковой» +
    «Тамаре Ильиничне» → «Ведерниковой Тамаре Ильиничне» (only a space between them), also
    when it took the surname for a place."""
    out: list[_Span] = []
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
            out[-1] = _Span(
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


def _untitled(spans: list[_Span], text: str) -> list[_Span]:
    """A capitalised title the tagger took into a name is the title again: «во главе с Акимом
    Бердыбеком Сапарбаевым» → the name «Бердыбеком Сапарбаевым»."""
    out = []
    for span in spans:
        words = span.text.split()
        if (
            span.type == "PER"
            and len(words) >= 3
            and words[0].casefold().startswith(POSITION_WORDS)
            and "NOUN" in _tags(words[0])[1]
            and not _is_patronymic(words[1])  # «Аким Иванович Петров» is a name
        ):
            cut = span.text.index(words[1], len(words[0]))
            normal = span.normal.split(maxsplit=1)[1]
            span = replace(span, start=span.start + cut, text=span.text[cut:], normal=normal)
        out.append(span)
    return out


def _org_spans(spans: list[_Span], text: str) -> list[_Span]:
    """ORG spans, each joined with a place that directly follows it
    («Гражданский Альянс» + «Казахстана», «Общественной палаты» + «Российской Федерации»).
    Two organizations side by side stay two: a commission and the chamber it belongs to."""
    merged: list[_Span] = []
    ordered = sorted(spans, key=lambda s: s.start)
    i = 0
    while i < len(ordered):
        span = ordered[i]
        if span.type != "ORG":
            i += 1
            continue
        start, stop, normal = span.start, span.stop, span.normal
        # «платформы «Большая Евразия»: the tagger leaves the closing quotes out
        while text[start:stop].count("«") > text[start:stop].count("»") and text[
            stop : stop + 1
        ] in ("»", '"'):
            stop += 1
            normal += "»"
        while i + 1 < len(ordered):
            nxt = ordered[i + 1]
            gap = text[stop : nxt.start]
            if nxt.type == "LOC" and gap.strip(" »") == "" and len(gap) <= 3:
                stop = nxt.stop
                normal = f"{normal}{gap.replace(' ', '')} {nxt.text}".replace("» ", "» ")
                i += 1
            else:
                break
        merged.append(_Span("ORG", start, stop, text[start:stop], normal))
        i += 1
    return merged


# Verbs a name hangs from (Natasha's syntax tree): one who said something is a speaker; one
# who took part otherwise («приняли участие», «возглавил делегацию») — or hangs from no verb,
# as in a list of participants — a participant; one under any other verb («прислали
# письма», «совершил визит») is only mentioned.
_SPEAKING = (
    "выступ", "рассказ", "отмет", "сказа", "подчеркн", "заяв", "подел", "предлож", "модерир",
    "доклад", "презент", "представ", "обрати", "напомн", "подвод", "подвест", "счита",
    "говор", "добав", "поясн", "призв", "откры", "приветствова", "назва", "сообщ", "указ",
    "озвуч", "коммент", "ответ", "останов", "привест", "описа", "поблагодар", "зачита",
    "высказа", "отвеча", "провозгласи",
)  # fmt: skip
_PARTICIPATING = (
    "участ", "поддерж", "провод", "провест", "вест", "стать", "обсуд", "собра", "пригласи",
    "прин", "прим", "присутств", "возглав", "войт", "вход", "прибы", "приеха", "посети",
    "работа", "встрет",
)  # fmt: skip
# Verbs of acting from afar: their subject was not there («прислал поздравление»)
_FROM_AFAR = ("присла", "присыла", "направ", "написа", "переда", "адресова")


# Nouns of a talk given («сделал доклад», «прочитал лекцию»): whoever gave it spoke
_TALKS = ("доклад", "сообщени", "выступлени", "презентаци", "реч", "лекци")


def _part_taken(verb: str | None, subject: bool | None) -> str:
    """«speaker», «participant» or «mentioned», by the verb a name hangs from: one who did
    anything there as the clause's subject («вручил грамоты», «исполнила песню») took part,
    unless it was done from afar."""
    if verb is None:
        return "participant"  # no verb: a list of participants, a caption
    verb = verb.casefold()
    if verb.startswith(_SPEAKING):
        return "speaker"
    if verb.startswith(_PARTICIPATING) or (subject and not verb.startswith(_FROM_AFAR)):
        return "participant"
    return "mentioned"


def _predicate(word: str) -> bool:
    """«экспертами (станут)»: a title in the instrumental plural is said of people, it is
    not the title that comes before a name."""
    best, _ = _tags(word)
    return {"ablt", "plur"} <= best


def _is_plural_title(title: str) -> bool:
    words = title.split()
    return bool(words) and {"nomn", "plur"} <= _tags(words[0])[0]


def _singular(title: str) -> str:
    """«историки и этнологи» → «историк и этнолог»: each plural noun in the nominative."""
    from db.textnorm import _analyzer

    words = title.split()
    out = []
    k = 0
    while k < len(words):  # the plural heads: «лидеры», «историки и этнологи»
        parse = _analyzer().parse(words[k])[0]
        if {"nomn", "plur"} <= set(parse.tag.grammemes) and parse.tag.POS in ("NOUN", "ADJF"):
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
    return " ".join(out + words[k:])


def _position_after(
    text: str, stop: int, limit: int, next_name: bool, names: list[tuple[int, int]]
) -> tuple[int, str] | None:
    """A position written after a name, set off by a comma or a dash: «Марина Коваленко,
    председатель правления фонда «Степь», отметила …» → (where it starts, the position)."""
    lead = re.match(r"\s*(?:,|\s[—–-])\s*", text[stop:limit])
    if lead is None:
        return None
    start = stop + lead.end()
    rest = text[start:limit]
    end = next(
        (
            found.start()
            for found in _unquoted(r"[,;()]| [—–-] ", rest)
            # «Ассоциации русских, славянских и казачьих организаций»: a comma in a name
            if not (found.group() == "," and any(a < start + found.start() < b for a, b in names))
        ),
        len(rest),
    )
    if end == len(rest) and next_name:
        return None  # it runs into the next name: «…, директор X Пётр Петров» is his title
    chunk = _before_verb(rest[:end].rstrip(" ."))
    # «являющаяся руководителем …», «в марте избранная председателем …»: what follows the
    # participle is the position.
    link = re.match(r"(?:\S+\s+){0,2}?(?:являющ|избранн|назначенн|работающ)\w*\s+", chunk, re.I)
    if link is not None:
        start, chunk = start + link.end(), chunk[link.end() :]
    words = [w.casefold().strip('«»"') for w in chunk.split()]
    if not words or not _titles_a_person(words[0]):
        return None
    if "NOUN" not in _tags(words[0])[0] and not (
        len(words) > 1 and (_titles_a_person(words[1]) or "ablt" in _tags(words[1])[1])
    ):
        # «первый зарубежный визит»: an adjective that begins no title here («заведующая
        # кафедрой» does: the participle governs its unit)
        return None
    return start, chunk


def _positions_after(
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
        and any(_titles_a_person(w) for w in between)
        and not any(_tags(w)[0] & _VERB_TAGS for w in between)
        and not {"а", "и", "—", "–", "-"} & set(between)  # «…, а заместителем — директор Y»
    ):
        return []
    return found


def _begins_with_title(name: str) -> bool:
    """«Посол Российской Федерации …» is a title the tagger took for a name; «Экспертной
    платформы …» begins with an adjective, not with the title «эксперт»."""
    words = [w.strip('«»"') for w in name.split()]
    first = words[0]
    if first.casefold().startswith(POSITION_WORDS) and "NOUN" in _tags(first)[0]:
        return True
    # «Полномочный Посол Республики Казахстан»: adjectives, then a noun naming a person
    k = 0
    while k < len(words) - 1 and "ADJF" in _tags(words[k])[0] and not words[k].isupper():
        k += 1
    return k > 0 and "NOUN" in _tags(words[k])[0] and _titles_a_person(words[k])


def _two_positions(at: int, chunk: str) -> list[tuple[int, str]]:
    """«председатель ЧРОО «СНЮУ» и член Общественной палаты …» is two positions: split where
    «и» is followed by a word a position starts with (outside quotes)."""
    for found in _unquoted(r"\s+и\s+", chunk):
        nxt = chunk[found.end() :].split(maxsplit=1)
        first = chunk[: found.start()]
        # «историки и этнологи»: one title of two words, shared by a list of names
        if nxt and _titles_a_person(nxt[0]) and len(first.split()) > 1:
            rest = _two_positions(at + found.end(), chunk[found.end() :])
            return [(at, first), *rest]
    return [(at, chunk)]


def _unquoted(marks: str, text: str) -> Iterator[re.Match[str]]:
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


_VERB_TAGS = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def _before_verb(chunk: str) -> str:
    """A position ends where a verb begins: «председателем избран» → «председателем»."""
    words = chunk.split()
    for k, word in enumerate(words):
        if k > 0 and _tags(word)[0] & _VERB_TAGS:
            return " ".join(words[:k])
    return chunk


_ACTING = ("и.о.", "и. о.", "врио", "вр.и.о.")
_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}


def _with_modifiers(lowered: list[str], at: int) -> int:
    """A title begins with the adjectives that agree with its first word and an «и.о.»:
    «художественный руководитель», «Заслуженный артист», «и.о. руководителя»."""
    title = _tags(lowered[at])[1] & _CASES
    while at > 0:
        before = lowered[at - 1]
        best, every_parse = _tags(before)
        if before in _ACTING or (
            best & {"ADJF", "PRTF"} and every_parse & title and before not in _NOT_MODIFIERS
        ):
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
    if "NOUN" in _tags(words[at])[0]:
        return True
    for word in words[at + 1 :]:
        best = _tags(word)[0]
        if "NOUN" in best:
            # «заведующая кафедрой»: a participle governs its unit
            return _titles_a_person(word) or "ablt" in best
        if not best & {"ADJF", "PRTF"} and word not in ("и", "и.о."):
            return False  # «чрезвычайный и полномочный посол»
    return False


def _outside_quotes_split(text: str) -> list[str]:
    """Clauses split at commas, colons and dashes, but not inside a quoted name
    («Общества дружбы «Россия — Казахстан»»)."""
    parts, start = [], 0
    for found in _unquoted(r"[,;:–—]|\s-\s", text):
        parts.append(text[start : found.start()])
        start = found.end()
    return [*parts, text[start:]]


def _position_chunks(before: str) -> list[str]:
    """Positions written before a name: «…, профессор X, ведущий сотрудник Y (Город) »."""
    chunks = []
    parts = _outside_quotes_split(before)
    if len(parts) > 1 and not parts[-1].strip():
        parts = parts[:-1]  # «член КСОРС в США – Номма Зарубина»: a dash before the name
    for part in reversed(parts):
        # «преподаватели из Бийска во главе с заместителем директора …»: who leads or joins a
        # group begins a phrase of his own
        part = re.split(r"\b(?:во главе с|вместе с|совместно с|наряду с)\s", part, flags=re.I)[-1]
        words = part.split()
        # «письма акима области были вручены председателю центра Иванову», «гостей приняла
        # активистка, член совета …»: a title follows the clause's last verb; one before the
        # verb is another's.
        verbs = [k for k, w in enumerate(words) if _tags(w)[0] & _VERB_TAGS]
        tail = words[verbs[-1] + 1 :] if verbs else []
        after_verb = any(_titles_a_person(w) for w in tail)
        if after_verb:
            words = tail
        lowered = [w.casefold().strip('«»"()') for w in words]
        starts = [
            k
            for k, w in enumerate(lowered)
            if _titles_a_person(w)
            and not _predicate(w)
            and not _names_org_kind(w)  # «в акимате области …» begins no title
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
        chunks.append(_before_verb(" ".join(chunk_words)))  # «председателем | избран Иван»
        if starts[0] != 0:  # the position began mid-clause: nothing earlier belongs to it
            break
    return list(reversed(chunks))


def draft_article(
    text: str, source_file: str, content: Content | None = None, progress: Progress | None = None
) -> Draft:
    """Read an article and propose its facts. `content` lets it reuse known ids."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    say("loading the language models…")
    _pipeline()
    say("finding names, organizations and places…")
    # A word broken at a line's end («Окунев- ский») is one word again.
    text = re.sub(r"([а-яё])-(?:[ \t]+|[ \t]*\n[ \t]*)(?!(?:и|или)\b)([а-яё]{2,})", r"\1\2", text)
    # Straight quotes as the typographic ones the rest reads (one character for one, so
    # every offset stays): «МАУ "Центр культуры"» → «МАУ «Центр культуры»»
    text = re.sub(r'(?:(?<=^)|(?<=[\s(\[«]))"', "«", text, flags=re.M).replace('"', "»")
    spans, sentences = _analyse(text)
    spans = _untitled(_joined_names(spans, text), text)
    # Names in a site's menu or share buttons («Поделиться ВКонтакте») are not the article's.
    furniture = _page_line_ranges(text)
    spans = [s for s in spans if not any(a <= s.start < b for a, b in furniture)]
    known = _Known(content)
    say("matching them with the content and the position patterns…")

    organizations: dict[str, DraftOrganization] = {}

    def organization(raw: str, normal: str, at: int) -> str | None:
        normal = _mission_in_full(_quoted_as_written(raw, _head_in_nominative(raw, normal)))
        clean = _balance_quotes(normal)
        bare = clean.strip("«»").split()
        quoted = raw.startswith("«") or text[max(0, at - 1) : at] == "«"
        if quoted and "«" not in clean.strip("«»") and 0 < len(bare) <= 3:
            # «председатель «Истоков»»: the body named in full elsewhere («… «Истоки»»)
            short = [_lemma(w) for w in bare]
            for o in org_spans:
                inner = re.findall(r"«([^«»]+)", o.text)
                if (
                    o.text != raw
                    and inner
                    and [_lemma(w) for w in inner[-1].split()] == short
                    and len(o.text.strip("«»")) > len(clean.strip("«»"))
                ):
                    return organization(*with_kind(o))
        if clean.casefold() in GENERIC_ORGS or len(clean) < 2 or known.place(clean):
            return None  # «НПО» is no organization; «Костанай» taken for one is a city
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
            is_country(w) or is_country(_lemma(w)) or w.casefold() in _LINKS or country_of(w)
            for w in words
            if w
        ):
            return None  # «РФ в РК»: countries and places, no organization
        if at + len(raw) >= len(text.rstrip()) - 1 or _not_a_name_phrase(clean):
            return None  # cut off by the end of the page, or no name of anyone
        if "«" not in clean and _lemma(words[0]) in _DOCUMENT_LEMMAS:
            return None  # «Устав центра»: a document, not who wrote it
        found = known.org(_balance_quotes(raw)) or known.org(clean)
        if found:
            org_id, name = found
            sentence = _sentence_of(sentences, at, text)
            org = organizations.setdefault(
                org_id, DraftOrganization(org_id, name, [], True, sentence)
            )
            if "организатор" in sentence.casefold():  # «Организаторы: …» decides the role
                org.sentence = sentence
            return org_id
        full = _spelt_out(clean, [(o.text, o.normal, o.start) for o in org_spans]) or _defined(
            clean, text
        )
        if full is not None and full[0] != raw:
            org_id = organization(*full)
            if org_id and org_id in organizations:  # «КОЦГИ»: the centre named in full
                short = organizations[org_id].abbreviations
                if not organizations[org_id].known and clean not in short:
                    short.append(clean)
            return org_id
        for existing in organizations.values():
            if not existing.known and (
                known._same(clean, [forms(existing.name)])
                or f"«{clean.strip('«»')}»" in existing.name
                or _same_quoted_body(clean, existing.name)
            ):
                return existing.id
        abbreviation = re.match(r"\s*\(([А-ЯЁA-Z]{2,10})\)", text[at + len(raw) :])
        org_id = slug(clean)
        organizations[org_id] = DraftOrganization(
            org_id,
            clean[0].upper() + clean[1:],
            [abbreviation.group(1)] if abbreviation else [],
            False,
            _sentence_of(sentences, at, text),
        )
        return org_id

    org_spans = _org_spans(spans, text)

    def antecedent(at: int, kind: str | None) -> str | None:
        """The organization a title refers back to: «председатель центра» is the centre named
        before; «его директор» is the one named earlier in the sentence."""
        sentence_start = next((s for s, e in sentences if s <= at < e), 0)
        if kind is None and not re.search(r"(?:^|\s)(?:его|её|ее|их)\s+$", text[:at], re.I):
            return None
        for span in reversed([s for s in org_spans if s.stop <= at]):
            if kind is None and span.start < sentence_start:
                return None
            if _begins_with_title(span.text):
                continue
            raw, normal, start = with_kind(span)
            if kind is None or kind in {_lemma(w) for w in normal.split()}:
                return organization(raw, normal, start)
        return None

    def with_kind(span: _Span) -> tuple[str, str, int]:
        """A quoted name with the kind of body written before its quotes, which the tagger
        leaves out: «общественным фондом «Центр …»» → «общественный фонд «Центр …»»."""
        prefix = text[max(0, span.start - 40) : span.start].rstrip()
        if not (span.text.startswith("«") or prefix.endswith("«")):
            return span.text, span.normal, span.start
        before = prefix.rstrip("«").split()[-4:]
        kinds = [k for k, w in enumerate(before) if _names_org_kind(w)]
        if not kinds or kinds[-1] != len(before) - 1 or "plur" in _tags(before[-1])[0]:
            return span.text, span.normal, span.start  # «проекта редакций «Соседи»»: several
        k = kinds[-1]
        while k > 0 and "ADJF" in _tags(before[k - 1])[0]:
            k -= 1
        kind_words = " ".join(before[k:])
        raw = f"{kind_words} «{span.text.lstrip('«')}"
        normal = f"{_nominative(kind_words)} «{span.normal.lstrip('«')}"
        return raw, normal, text.rfind(kind_words, 0, span.start)

    org_ranges = [(o.start, o.stop) for o in org_spans]
    places: dict[str, DraftPlace] = {}
    for span in spans:
        if span.type != "LOC" or is_country(span.normal) or is_country(span.text):
            continue
        if any(o.start <= span.start < o.stop for o in org_spans):
            continue
        found = known.place(span.text) or known.place(span.normal)
        sentence = _sentence_of(sentences, span.start, text)
        if found:
            places.setdefault(found[0], DraftPlace(found[0], found[1], True, sentence))
        elif (
            span.normal[:1].isupper()
            and not re.search(
                r"(ский|ская|ское|ские|ской|ского)$|област|край|регион|район|округ",
                span.normal,
                re.I,
            )
            and _is_settlement(text, span)
        ):  # adjectives («Российско-Казахстанский»), regions and common nouns are not cities
            place_id = slug(span.normal)
            places.setdefault(
                place_id,
                DraftPlace(place_id, span.normal, False, sentence, country_of(span.normal)),
            )

    people: dict[str, DraftPerson] = {}
    taking_part: dict[str, set[str]] = {}
    position_ranges: list[tuple[int, int]] = []
    moderated: set[str] = set()
    previous_end = 0
    shared: DraftPosition | None = None
    for span in (s for s in spans if s.type == "PER"):
        if (
            " " not in span.text.strip()
            and "." not in span.text
            and not any(
                chunk.casefold().startswith(POSITION_WORDS)
                for chunk in _position_chunks(text[max(0, span.start - 80) : span.start])
            )
        ):
            # a lone word with no known title before it is more often a river or a city
            # («мастера Барнаула и Семея») than a person
            continue
        raw = re.sub(r"\s*\(.*?\)\s*", " ", span.text).strip()
        first, patronymic, last = _name_parts(
            raw, text[max(0, span.start - 4) : span.start], span.context
        )
        match = known.person(last)
        if match:
            person_id, first, last = match
        else:
            person_id = slug(f"{last} {first or ''}")
            # «Ермек Кошербаев» … «Е. Кошербаев», «В.Радаев» … «Валерий Радаев»: one person
            same = [p.id for p in people.values() if _same_person(p, first, last)]
            if len(same) == 1:
                person_id = same[0]
        person = people.setdefault(person_id, DraftPerson(person_id, first, last, bool(match)))
        if first and (person.first_name is None or _is_initial(person.first_name)):
            person.first_name = first if not _is_initial(first) else person.first_name or first
            full_id = slug(f"{last} {person.first_name}")
            if not person.known and full_id != person_id and full_id not in people:
                # named in full after an initial: the id is the full name's
                people = {full_id if k == person_id else k: v for k, v in people.items()}
                if person_id in taking_part:
                    taking_part[full_id] = taking_part.pop(person_id)
                person.id = person_id = full_id
        if person.patronymic is None and patronymic and not match:
            person.patronymic = patronymic
        sentence = _sentence_of(sentences, span.start, text)
        if sentence and sentence not in person.sentences:
            person.sentences.append(sentence)
        # «Вместе с заместителем губернатора X и председателем Думы Y он перерезал ленточку»:
        # those with the subject did what the subject did
        along = re.search(r"\bвместе\s+со?\s+(?:[^\s.;:!?]+\s+){0,14}$", text[: span.start], re.I)
        part = _part_taken(span.verb, True if along else span.context.subject)
        # «по словам Виктора …», «по словам заместителя руководителя управления Аймагамбетовой»
        said = re.search(
            r"(?:по словам|по мнению|слово\s+\w+)(?:\s+[а-яё][\w«»\"-]*){0,6}\s*$",
            text[: span.start],
            re.I,
        )
        oblique = span.context.subject is False or read_name(split_initials(raw))[1] != "nomn"
        if said is not None:
            part = "speaker"  # «по словам X, …»: X said it, whatever the verb
        elif part == "speaker" and oblique and not along:
            part = "mentioned"  # «письмо посла X», «объявленного X»: said of them, not by them
        taking_part.setdefault(person_id, set()).add(part)
        if re.search(r"модератор", sentence, re.I) and not moderated & {sentence}:
            moderated.add(sentence)  # «Модератором выступил …»: the first person named
            person.role = "moderator"

        # «Наталья Калашникова (Нур-Султан)», «… СО РАН (Новосибирск) Ирина Октябрьская»
        city = (
            re.search(r"\(([^)]+)\)", span.text)
            or re.match(r"\s*\(([^)]+)\)", text[span.stop : span.stop + 60])
            or re.search(r"\(([^)]+)\)\s*$", text[max(0, span.start - 60) : span.start])
        )
        if city:
            found = known.place(city.group(1))
            place_id = found[0] if found else slug(city.group(1))
            if not found:
                name = city.group(1)
                places.setdefault(
                    place_id, DraftPlace(place_id, name, False, sentence, country_of(name))
                )
            person.city = place_id
        sentence_start = next((s for s, e in sentences if s <= span.start < e), 0)
        # A title before a name belongs to it alone, not to a person named earlier in the
        # sentence: «директор X Айгуль Демеуова и заместитель Y Звира Есбергенова».
        offset = max(sentence_start, previous_end if previous_end <= span.start else 0)
        # «Генеральный консул … в г. Омске А. С. Бекмуханов»: a place the tagger took into the
        # name ends the title
        glued = _glued_place(span.text, text[max(0, span.start - 4) : span.start])
        before = text[offset : span.start] + glued
        before = re.sub(r"\s*\([^)]*\)\s*$", " ", before)  # «… СО РАН (Новосибирск) Ирина»
        chunks = _position_chunks(before)
        # («… Шайхиев (г. Уральск, Казахстан) и Дмитрий Мацюк»: where each is from aside)
        between = re.sub(r"\([^)]*\)", " ", before)
        if not chunks and shared is not None and re.fullmatch(r"\s*(,|и)?\s*", between):
            # «историки и этнологи Светлана Дерябина и Денис Денисов»: a plural title is
            # shared by the whole list.
            if not any(p.title == shared.title for p in person.positions):
                person.positions.append(DraftPosition(shared.title, shared.organization, sentence))
        else:
            shared = None
        placed = [(offset + before.find(chunk), chunk) for chunk in chunks]
        # «Марина Коваленко, председатель …, отметила»: a position right after the name.
        sentence_end = next((e for s, e in sentences if s <= span.start < e), len(text))
        following = min(
            (s.start for s in spans if s.type == "PER" and s.start >= span.stop), default=len(text)
        )
        after = _positions_after(
            text, span.stop, min(sentence_end, following), following < sentence_end, org_ranges
        )
        placed.extend(after)
        # «коллектива «Прялица» под руководством Ларисы Пригородовой»: she leads the group
        led = re.search(
            r"((?:[а-яё-]+\s+){0,3}[а-яё-]+\s+«[^»]+»+)\s+под\s+(художественным\s+)?"
            r"руководством\s+([^,;:.]*)$",
            text[sentence_start : span.start],
            re.I,
        )
        if (
            led is not None
            and led.group(3).strip()
            and not any(_titles_a_person(w) for w in led.group(3).split())
        ):
            led = None  # «под руководством» of someone named before
        if led is not None:
            # the group is its noun with the adjectives before it: «детского фольклорного
            # коллектива «Прялица»», not «празднике выступил детский хор …»
            words = led.group(1).split()
            k = max(0, next(i for i, w in enumerate(words) if "«" in w) - 1)
            while k > 0 and "ADJF" in _tags(words[k - 1])[0]:
                k -= 1
            group = " ".join(words[k:])
            org_id = organization(
                group, _nominative(group), text.rfind(group, sentence_start, span.start)
            )
            title = "художественный руководитель" if led.group(2) else "руководитель"
            if not any(p.title == title for p in person.positions):
                person.positions.append(DraftPosition(title, org_id, sentence))
        pieces = [piece for where, whole in placed for piece in _two_positions(where, whole)]
        for at, chunk in pieces:
            position_ranges.append((at, at + len(chunk)))
            title, org_id = _split_position(chunk, at, org_spans, organization, antecedent)
            plural = _is_plural_title(title)
            title = _singular(title) if plural else _title_nominative(title)
            # «пенсионерка из посёлка Деркул»: where someone is from is no part of a title
            title = re.sub(
                r"\s+из\s+(?:(?:посёлка|поселка|села|аула|города|г\.)\s+)?[А-ЯЁ][\w-]*$", "", title
            )
            if title and not any(p.title == title for p in person.positions):
                person.positions.append(DraftPosition(title, org_id, sentence))
                shared = person.positions[-1] if plural and at < span.start else None
        previous_end = after[-1][0] + len(after[-1][1]) if after else span.stop

    for person_id, person in people.items():
        if person.role == "moderator":
            continue
        parts = taking_part.get(person_id, set())
        person.role = next(r for r in ("speaker", "participant", "mentioned") if r in parts)

    # «Генеральный консул РК в г. Омске А. С. Бекмуханов, консул Т.Е.Жанабилов»: a consul
    # with no mission named serves the one his sentence names
    for person in people.values():
        for position in person.positions:
            if position.organization is None and position.title.casefold().split()[-1].startswith(
                ("консул", "вице-консул", "посол")
            ):
                kind = "посольство" if "посол" in position.title.casefold() else "консульство"
                missions = [
                    o.id
                    for o in organizations.values()
                    if kind in o.name.casefold() and o.sentence == position.sentence
                ]
                if len(missions) == 1:
                    position.organization = missions[0]

    # Organizations named outside positions, after those so that «фонд «X»» and «X» are one.
    published = _publisher_ranges(text)
    for span in org_spans:
        if any(start <= span.start < stop for start, stop in position_ranges):
            continue  # inside a position: the employer is drafted already, the rest is title
        if any(start <= span.start < stop for start, stop in published) or _is_news_source(
            text, span
        ):
            continue  # the site's or the agency's own name: who wrote it, not who took part
        if _begins_with_title(span.text):
            continue  # «Посол Российской Федерации …» is a title, not an organization
        org_id = organization(*with_kind(span))
        if org_id in organizations and _is_venue(text, span):
            organizations[org_id].venue = True

    # Where the event was: the first city named in a sentence about the event, else the
    # first one the headline and the first sentences name («В Барнауле открылся офис …»)
    lede = _lede(text)
    venue = next(
        (
            place_id
            for place_id, place in places.items()
            if place.sentence and _EVENT_WORDS.search(place.sentence)
        ),
        None,
    ) or next(
        (
            place_id
            for place_id, place in places.items()
            if place.sentence and place.sentence.strip() and place.sentence.strip() in lede
        ),
        None,
    )
    title, kind = _event_title_and_kind(text)
    for org_id, org in list(organizations.items()):
        named = re.search(r"«(.+)»", org.name)
        if not org.known and title and named and named.group(1).strip() == title.strip("«» "):
            del organizations[org_id]  # «форум НКО «Степной диалог»»: the event, not who held it
            continue
        if not org.known:
            org.country = _org_country(org.name, places.values())
            # the venue, and a local body that names no place, are in the event's city
            local = org.venue or bool(_LOCAL.search(org.name))
            if org.country is None and local and venue is not None:
                org.country = places[venue].country
    date, date_sentence = _date(text, sentences)
    status = _status(text, sentences)
    say("done")
    return Draft(
        source_file=source_file,
        title=title,
        kind=kind,
        date=date,
        date_sentence=date_sentence,
        format=_format(text, venue),
        people=list(people.values()),
        organizations=list(organizations.values()),
        places=list(places.values()),
        seconds=time.perf_counter() - started,
        status=status,
        place=venue,
    )


def _nominative(phrase: str) -> str:
    """«общественного фонда» → «общественный фонд», «Омской области» → «Омская область».
    Adjectives agree with the noun after them; words in quotes are names and stay as written."""
    from db.textnorm import _analyzer

    words = phrase.split()
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
    head = _head_index(words, parses)
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
        # each part of «Западно-Казахстанский» keeps its capital
        parts = [
            n[:1].upper() + n[1:] if w[:1].isupper() else n
            for n, w in zip(new.split("-"), word.split("-"), strict=False)
        ]
        out.append("-".join(parts) if len(parts) == len(new.split("-")) else new)
    return " ".join(out)


def _head_index(words: list[str], parses: list[Any]) -> int | None:
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
            or (w.isupper() and len(w) > 1)
        ),
        None,
    )


def _head_in_nominative(raw: str, normal: str) -> str:
    """An organization's name with only its head in the nominative: the tagger's words up to
    the head, the article's after it («Дома дружбы народов» → «Дом дружбы народов», never
    «Дом дружба народы»; «Ассамблеи народа Казахстана» → «Ассамблея народа Казахстана»)."""
    from db.textnorm import _analyzer

    written, tagged = raw.split(), normal.split()
    if len(written) != len(tagged):
        return normal
    parses = [
        _analyzer().parse(w)[0] if re.fullmatch(r"[А-Яа-яЁё-]+", w) and not w.isupper() else None
        for w in written
    ]
    head = _head_index(written, parses)
    if head is None:
        return normal
    front = tagged[: head + 1]
    own = _nominative(" ".join(written[: head + 1])).split()
    if len(own) == head + 1 and any(
        t == w and o != w for t, w, o in zip(tagged[:head], written[:head], own[:head], strict=True)
    ):
        # the tagger left a word before the head as written («Окуневском Доме культуры»,
        # «Западно-Казахстанского государственного университета»)
        front = own
    return " ".join([*front, *written[head + 1 :]])


def _title_nominative(title: str) -> str:
    """«заведующего кафедрой …» → «заведующий кафедрой …», «первого заместителя
    председателя» → «первый заместитель председателя»: the title's head and the words before
    it to the nominative, its dependents as they are."""
    words = title.split()
    if words and words[0].casefold() in _ACTING:
        return title  # «и.о. руководителя …»: the acting head's title keeps its genitive
    head = None
    for k, word in enumerate(words):
        if not _titles_a_person(word):
            continue
        best = _tags(word)[0]
        nxt = _tags(words[k + 1])[0] if k + 1 < len(words) else set()
        same_case = "NOUN" in nxt and bool(best & nxt & {"nomn", "gent", "datv", "ablt", "loct"})
        if "NOUN" in best or not same_case:
            head = k
            break
    if head is None:
        return title
    return " ".join([_nominative(" ".join(words[: head + 1])), *words[head + 1 :]])


def _split_position(
    chunk: str,
    at: int,
    org_spans: list[_Span],
    organization: Callable[[str, str, int], str | None],
    antecedent: Callable[[int, str | None], str | None],
) -> tuple[str, str | None]:
    """«председатель Комиссии … Общественной палаты РФ» → title and organization: the last
    organization named in the chunk is the employer, what comes before it is the title. A
    body named only by its kind («председатель центра», «его директор») is the one the
    article named before."""
    inside = [s for s in org_spans if at <= s.start < at + len(chunk)]
    for span in reversed(inside):
        if span.text.isascii() and len(span.text) <= 6:
            continue  # «доктор философии PhD»: a Latin degree, not an organization
        if _begins_with_title(span.text):
            continue  # «Посол Российской Федерации»: a title the tagger took for a name
        head = chunk[: span.start - at].rstrip(' ,«"')
        if head and head.split()[-1].casefold() in _LINKS:
            break  # «Управления по работе с … и | НПО …»: the name began before the tagger's
        if head and any(w.casefold().startswith(POSITION_WORDS) for w in head.split()):
            raw, normal = span.text, span.normal
            head_words = head.split()
            # A quoted name needs the kind before it («союза предпринимателей «Береке»»); a
            # full name («Общественной палаты …») has its own, and the title keeps the unit.
            quoted = span.text.lstrip().startswith("«") or chunk[: span.start - at].rstrip(
                ' "'
            ).endswith("«")
            kind_at = _organization_start(head_words) if quoted else None
            if kind_at is not None:
                kind = " ".join(head_words[kind_at:])
                head = " ".join(head_words[:kind_at])
                raw = f"{kind} «{raw.strip('«»')}»"
                normal = f"{_nominative(kind)} «{normal.strip('«»')}»"
            else:
                head, moved = _org_words_in_title(head)
                if moved:
                    name = raw if raw.lstrip().startswith("«") else normal
                    raw, normal = f"{moved} {raw}", f"{_nominative(moved)} {name}"
                parent = _parent_of_unit(raw.split())
                if parent is not None:  # «директора Департамента … | МИД России»
                    unit, raw = raw.split()[:parent], " ".join(raw.split()[parent:])
                    head, normal = " ".join([head, *unit]), _nominative(raw)
            # where the name as given begins: with its kind or adjectives, before the span
            begins = span.start - max(0, len(raw) - len(span.text.strip("«»")) - 2)
            org_id = organization(raw, normal, max(at, begins))
            return head[0].lower() + head[1:], org_id
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
            and not _begins_with_title(" ".join(words[k:]))  # «Чрезвычайный и Полномочный Посол»
        ),
        len(words),
    )
    # The organization is the last one named: earlier kinds are units within it, part of
    # the title («руководитель отдела предпринимательства | акимата Бурлинского района»),
    # with the adjectives before its kind («член | молодёжного совета при акиме …»).
    kind_at = _organization_start(words)
    kinds = kind_at is not None
    if kind_at is not None:
        cut = kind_at
    parent = _parent_of_unit(words[cut:])
    if parent is not None:  # «начальник Управления … | Россотрудничества»
        cut += parent
    title = " ".join(words[:cut])
    rest = " ".join(words[cut:])
    if rest and title.split()[-1].casefold().startswith(("посол", "консул")):
        # «посол Российской Федерации в …», «генеральный консул РФ в …»: the title as written,
        # and the mission it heads
        mission = (
            "Посольство"
            if title.split()[-1].casefold().startswith("посол")
            else ("Генеральное консульство" if "генеральн" in title.casefold() else "Консульство")
        )
        name = f"{mission} {_full_country(rest)}"
        return _lower_first(chunk), organization(name, name, at)
    if rest and not kinds and is_country(_nominative(rest)):
        # «Заслуженный деятель науки Российской Федерации», «артистка России»: a country
        # alone employs no one; it is the title's
        return _lower_first(chunk), None
    if rest and not kinds and _is_region(rest):
        if title.split()[-1].casefold() in ("из", "от"):  # «эксперт из Актобе»: where from
            return _lower_first(" ".join(title.split()[:-1])), None
        return _lower_first(chunk), None  # «заместитель акима Павлодарской области …»
    if rest and kinds and rest == rest.casefold() and len(rest.split()) == 1:
        # «председателю центра»: no name, only the kind of a body named before
        referred = antecedent(at, _lemma(rest))
        return (title[0].lower() + title[1:], referred) if referred else (_lower_first(chunk), None)
    referred = None if rest else antecedent(at, None)
    if referred:
        return title[0].lower() + title[1:], referred
    if not rest:
        # «вице-министр культуры и информации»: a minister's ministry is named by the title.
        minister = re.match(r"(?:вице-|первый вице-|заместитель )?министра?\s+(.+)", title, re.I)
        if minister and not _is_region(minister.group(1)):  # «министр области»: no ministry
            ministry = f"Министерство {minister.group(1)}"
            return title[0].lower() + title[1:], organization(ministry, ministry, at)
    org_id = organization(rest, _nominative(rest), at + chunk.find(rest)) if rest else None
    if rest and org_id is None and not re.search(r"[А-ЯЁA-Z«\"\d]", rest):
        # «лидеры национальных объединений»: words that name no organization stay in the title
        return _lower_first(chunk), None
    return title[0].lower() + title[1:], org_id


_ORG_KIND_LEMMAS = frozenset(
    "управление министерство департамент агентство фонд университет институт академия театр "
    "газета журнал ассоциация союз партия библиотека музей посольство представительство "
    "консульство акимат администрация правительство мэрия совет отдел комитет штаб центр "
    "общество объединение организация движение палата колледж школа школа-гимназия гимназия "
    "лицей портал дом клуб отделение ансамбль оркестр филармония редакция служба "
    "корпорация компания холдинг медиахолдинг издательство телеканал альянс сеть".split()
)
_LINKS = frozenset("в и на при по для с".split())
_DOCUMENT_LEMMAS = frozenset(
    "устав закон программа положение план меморандум соглашение договор указ постановление "
    "концепция стратегия декларация резолюция письмо".split()
)
_COUNTRY_ABBREVIATIONS = {"РФ": "Российской Федерации", "РК": "Республики Казахстан"}


_WORD = re.compile(r"[А-ЯЁA-ZӘҒҚҢӨҰҮҺІа-яёa-zәғқңөұүһі]+")


def _same_quoted_body(a: str, b: str) -> bool:
    """«Фонд «Центр «Евразийский диалог»»» and «Общественный фонд «Центр «Евразийский
    диалог»»»: the same quoted name and the same kind of body."""
    split_a, split_b = a.split("«", 1), b.split("«", 1)
    if len(split_a) < 2 or len(split_b) < 2 or split_a[1].strip("»") != split_b[1].strip("»"):
        return False
    kind_a, kind_b = split_a[0].split(), split_b[0].split()
    return bool(kind_a and kind_b) and _lemma(kind_a[-1]) == _lemma(kind_b[-1])


def _initial_letters(name: str) -> str:
    """«Карагандинский областной центр гражданских инициатив» → «КОЦГИ»; an abbreviation in a
    name counts with all its letters («РОО «КНКЦ «Мөлдір»»» → «РООКНКЦМ»)."""
    words = [w for w in _WORD.findall(name) if w.casefold() not in _SMALL_WORDS]
    return "".join(w if len(w) >= 2 and w.isupper() else w[0].upper() for w in words)


def _spelt_out(name: str, candidates: list[tuple[str, str, int]]) -> tuple[str, str, int] | None:
    """The organization an abbreviation stands for, when the article names it in full too:
    its words' first letters are the abbreviation's, give or take a legal form before the
    name («ОО «…»») or the region before it («Омская РОО …»)."""
    words = _WORD.findall(name)
    if len(words) > 4 or not any(len(w) >= 3 and w.isupper() for w in words):
        return None
    short = _initial_letters(name)
    for raw, normal, at in candidates:
        if sum(1 for w in _WORD.findall(normal) if not w.isupper()) < 3:
            continue  # itself an abbreviation, or too short to be spelt out
        spelt = re.sub(r"\s*\([^)]*\)?\s*$", "", normal)  # «… инициатив» (КОЦГИ)»
        letters = _initial_letters(spelt)
        plain = _initial_letters(re.sub(r"^(?:[А-ЯЁ]{2,}\s+)+", "", spelt))
        if short in (letters, plain) or (
            letters.endswith(short) and len(letters) - len(short) <= 1
        ):
            return raw, normal, at
    return None


def _defined(short: str, text: str) -> tuple[str, str, int] | None:
    """An abbreviation the article defines, «Челябинская региональная общественная
    организация «Союз народов Южного Урала» (ЧРОО «СНЮУ»)»: the words before the brackets
    whose first letters it is made of."""
    for found in re.finditer(r"\(\s*" + re.escape(short) + r"\s*\)", text):
        words = text[max(0, found.start() - 200) : found.start()].split()
        for k in range(min(len(words), 14), 1, -1):
            raw = " ".join(words[-k:])
            if not raw[:1].isupper():
                continue
            normal = _nominative(raw)
            if _spelt_out(short, [(raw, normal, 0)]):
                return raw, normal, found.start() - len(raw) - 1
    return None


def _mission_in_full(name: str) -> str:
    """«Генконсульство РК в Омске» → «Генеральное консульство Республики Казахстан в Омске»:
    an embassy's or consulate's name as the state writes it."""
    name = re.sub(r"^Генконсульство\b", "Генеральное консульство", name)
    if re.match(r"(?:Генеральное консульство|Консульство|Посольство)\b", name):
        return _full_country(name)
    return name


def _full_country(text: str) -> str:
    """«РФ в Уральске» → «Российской Федерации в Уральске» (a mission's name in full)."""
    return " ".join(_COUNTRY_ABBREVIATIONS.get(w, w) for w in text.split())


def _is_region(text: str) -> bool:
    """A place rather than an organization: «Павлодарской области …», «города Семей»,
    «Актобе» (a place the dictionary or the gazetteer knows)."""
    words = text.split()
    if re.match(r"\S+(?:ой|ого)\s+(?:области|района|края|округа)\b", text):
        return True
    if words[0].casefold() in ("города", "г.", "республики", "области"):
        return True
    return len(words) == 1 and ("Geox" in _tags(words[0])[1] or bool(country_of(words[0])))


def _format(text: str, venue: str | None) -> str:
    """Online when the text says so, in person when it names the city it was held in and
    says nothing of being online, unknown otherwise."""
    online = re.search(r"онлайн|online|видеоконференц|в режиме видеосвязи|zoom", text, re.I)
    if online:
        in_person = re.search(r"\bочно\b|смешанн\w+ формат|гибридн", text, re.I)
        return "hybrid" if in_person else "online"
    return "offline" if venue is not None else "unknown"


# «г. Костанай», «в селе Алтынжар», «пос. Центральный»: a word that says a settlement follows
_SETTLEMENT_CUE = re.compile(
    r"(?:\bг\.|\bгор\.|\bгород\w*|\bсел[аоеу]?|\bс\.|\bпос\.|\bп\.|\bпос[её]л\w*|\bаул\w*"
    r"|\bстаниц\w*|\bдеревн\w*|\bд\.)\s*$",
    re.I,
)


def _is_settlement(text: str, span: _Span) -> bool:
    """A city, town or village rather than a region, a country or a pair of them: one the
    gazetteer knows, or one written after «г.», «село», «пос.» …. «Бурятия», «Центральная
    Азия», «Королевство Таиланд», «Челябинск-Костанай» are no settlements."""
    name = span.normal
    halves = name.split("-")
    if len(halves) == 2 and all(
        h[:1].isupper() and (is_country(h) or country_of(h) or "Geox" in _tags(h)[1])
        for h in halves
    ):
        return False  # «Россия-Казахстан», «Челябинск-Костанай»: a pair, not a place
    if _SETTLEMENT_CUE.search(text[max(0, span.start - 12) : span.start]):
        return True
    return bool(country_of(name) or country_of(span.text))


def _is_place_word(word: str) -> bool:
    """A one-word place: the dictionary calls it one, or the gazetteer knows it («Республика»
    and «Приграничный» the tagger took for places are neither)."""
    return "Geox" in _tags(word)[1] or bool(country_of(word))


_COUNTRY_WORDS = (
    ("KZ", re.compile(r"\b(?:казахстан\w*|рк|қазақстан\w*)\b")),
    ("RU", re.compile(r"\b(?:росси[яиюей]|рф|россотрудничеств\w*|российск\w+ федерац\w+)\b")),
)


def _org_country(name: str, places: Iterable[DraftPlace]) -> str | None:
    """The country an organization's name tells: a country named in it («… Республики
    Казахстан», «Россотрудничества»), or a city of the article its words are made from
    («Оренбургской области» → Оренбург, RU). None when it tells none or two."""
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
    # «казахской культуры», «российских соотечественников» name a people, not a country: a
    # Kazakh society is as often in Astrakhan as in Aktobe, so they tell nothing
    found: set[str] = set()
    for place in places:
        stem = place.name.casefold()[:5]
        if place.country and len(stem) == 5 and any(w.startswith(stem) for w in words):
            found.add(place.country)
    for before, word in zip(["", *words], words, strict=False):  # «… г. Нур-Султан»
        if before in ("г.", "г", "города", "город", "городе") or before.endswith("г."):
            country = country_of(word.title()) or country_of(_lemma(word).title())
            if country:
                found.add(country)
    for word in words:  # «Оренбургской (области)» → Оренбург, «Кызылординской» → Кызылорда
        if "Geox" in _tags(word)[0]:  # «Астаны» → Астана
            country = country_of(_lemma(word).title())
            if country:
                found.add(country)
                continue
        adjective = re.fullmatch(r"(\w{2,}?)(?:ск|цк)(?:ой|ого|ому|ий|ая|ое|ую|им|ом)", word)
        if adjective is None:
            continue
        stem = adjective.group(1)
        for city in (
            stem,
            stem + "ь",
            stem + "а",
            stem + "ск",
            stem[:-2] + "а" if stem.endswith(("ин", "ын")) else "",  # Кызылорд|ин|ская
        ):
            country = country_of(city[:1].upper() + city[1:]) if len(city) >= 4 else None
            if country in ("RU", "KZ"):  # a guess from an adjective: only the two countries
                found.add(country)
                break
    if not found:  # «ОО «Центр русской культуры»», «АНО «…»»: a form one country has
        return country_of_form(name)
    return found.pop() if len(found) == 1 else None


# «областная газета», «городской совет ветеранов»: a local body whose name holds no place
_LOCAL = re.compile(r"(?:^|\s)(?:областн|городск|районн|краев|муниципальн)\w*", re.I)


def _lower_first(title: str) -> str:
    return title[:1].lower() + title[1:]


# Units inside an organization: a title keeps them («руководитель отдела … акимата …»).
_UNIT_LEMMAS = frozenset(
    "отдел кафедра сектор лаборатория факультет управление департамент комиссия".split()
)


def _names_place(words: list[str]) -> bool:
    """A unit that names the place it serves is a body of its own: «управление образования
    Западно-Казахстанской области», «отдел внутренней политики города Семей» (not «отдел
    краеведения» or «кафедра отечественной истории»)."""
    return any(_lemma(w) in _PLACE_LEMMAS or (w[:1].isupper() and not w.isupper()) for w in words)


_PLACE_LEMMAS = frozenset("область край район город округ республика".split())
# Units that are state bodies of their own («управление культуры», «департамент …»)
_AGENCY_LEMMAS = frozenset({"управление", "департамент"})


def _parent_of_unit(words: list[str]) -> int | None:
    """Where the body a unit belongs to begins, when the words name a unit inside one:
    «Управления по работе с соотечественниками | Россотрудничества», «Департамента … | МИД
    России». The parent is named by an abbreviation or a capitalised noun that is neither a
    place nor a person («… при Президенте» is no body); None for a unit alone («Управление
    культуры Актюбинской области» is an organization of its own)."""
    if not words or _lemma(words[0]) not in _UNIT_LEMMAS:
        return None
    for k in range(1, len(words)):
        word = words[k].strip('«»"(),.')
        if not word[:1].isupper() or words[k - 1].casefold() in ("г.", "города"):
            continue
        if word.isupper() and len(word) >= 2:
            if word in GENERIC_ABBREVIATIONS or is_country(word) or is_region_abbreviation(word):
                continue
            return k
        best, every = _tags(word)
        if _is_region(" ".join(words[k:])) or re.search(r"(?:ск|цк|н)(?:ой|ого|ий|ая)$", word):
            continue  # «… Атырауской области»: where the unit is, not whose
        if (
            "NOUN" in best
            and not {"Geox", "Name", "Surn", "Patr"} & every
            and not _titles_a_person(word)
            and not country_of(word)
        ):
            return k
    return None


def _organization_start(words: list[str]) -> int | None:
    """Where the organization begins in a title's words: at the first kind of organization
    that is not a unit inside one (when there are only units, the last agency or unit naming
    a place), with the
    adjectives before it («председатель | Курганского регионального отделения …»)."""
    kinds = [k for k, w in enumerate(words) if k > 0 and _names_org_kind(w)]
    if not kinds:
        return None
    whole = [k for k in kinds if _lemma(words[k]) not in _UNIT_LEMMAS]
    agencies = [
        k for k in kinds if _lemma(words[k]) in _AGENCY_LEMMAS or _names_place(words[k + 1 :])
    ]
    if not whole and not agencies:
        return None  # «заведующая отделом краеведения»: a unit alone is part of the title
    # units nest outwards: «руководитель отдела … | управления образования …»
    start = whole[0] if whole else agencies[-1]
    # An abbreviation after it names the organization itself: «председателя Совета | АРОО …».
    abbreviation = _abbreviation_after(words, start)
    if abbreviation is not None:
        return abbreviation
    while start - 1 > 0 and "ADJF" in _tags(words[start - 1])[0]:
        start -= 1
    return start


def _not_a_name_phrase(name: str) -> bool:
    """What the tagger took for an organization but no noun phrase names one: a closing quote
    with no opening one («Оренбуржья»»), a phrase that ends in an adjective («НКО
    Курганской»), a common noun in the plural alone («Фонды»), people rather than a body
    («Общественники Зауралья»)."""
    if name.count("»") > name.count("«"):
        return True
    outside = re.sub(r"«.*»", " ", name).split()
    if not outside or ("«" in name and outside[-1] != name.split()[-1]):
        return False  # the name is quoted: as written
    if all(w.isupper() for w in outside):
        return False  # an abbreviation («КОЦГИ»), whatever the dictionary guesses of it
    first, last = _tags(outside[0].strip(",.")), _tags(outside[-1].strip(",."))
    dangling = "ADJF" in last[0] and not {"NOUN", "Poss"} & last[1]  # «приграничья»: a noun
    if "«" not in name and dangling and len(outside) > 1:
        return True
    if len(outside) == 1 and "«" not in name and {"NOUN", "plur"} <= first[0]:
        return True  # «Фонды»
    if "«" not in name and len(outside) > 1:
        from db.textnorm import _analyzer

        parses = [_analyzer().parse(w.strip(",."))[0] for w in outside]
        head = _head_index(outside, parses)
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
        ):
            return True
    return "NOUN" in first[0] and {"plur", "anim"} <= first[0] and not outside[0].isupper()


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


def _lemma(word: str) -> str:
    from db.textnorm import _analyzer

    return _analyzer().parse(word.strip(",.«»"))[0].normal_form


def _names_org_kind(word: str) -> bool:
    from db.textnorm import _analyzer

    return _analyzer().parse(word.strip(",.«»"))[0].normal_form in _ORG_KIND_LEMMAS


def _org_words_in_title(head: str) -> tuple[str, str]:
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
        if word[:1].isupper() and "ADJF" in _tags(word)[0]:
            return " ".join(words[:k]), " ".join(words[k:])
    cut = len(words)
    while cut - 1 > first_title and "ADJF" in _tags(words[cut - 1])[0]:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


# Page furniture: lines that are never a headline (timestamps, counters, reading time …).
_FURNITURE = re.compile(
    r"^(?:\d{1,2}[./:]\d{2}(?:[./]\d{2,4})?(?:\s+\d{1,2}:\d{2})?|\d+|date\s+\d{4}-\d{2}-\d{2}"
    r"|примерное время чтения.*|время чтения.*|просмотр.*|мероприятия\.?|новости\.?"
    r"|версия для слабовидящих.*|поделиться.*|главная.*|читать также.*|фото.*|источник.*)$",
    re.I,
)
_DATELINE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b|\bdate\s+(\d{4})-(\d{2})-(\d{2})\b")
_MAIN_EVENT_WORDS = r"кругл\w+\s+стол\w*|форум\w*|конференци\w*|встреч\w*|семинар\w*|заседани\w*"
# Other gatherings an article may be about; their names come after the main kinds' names.
_OTHER_EVENT_WORDS = (
    r"концерт\w*|фестивал\w*|праздник\w*|празднова\w*|выставк\w*|конкурс\w*|съезд\w*|"
    r"курулта\w*|сл[её]т\w*|визит\w*|гулянь\w*|вечер\w*"
)
_EVENT_WORDS = re.compile(f"({_MAIN_EVENT_WORDS}|{_OTHER_EVENT_WORDS})", re.I)
# Verbs that announce rather than report: «состоится», «пройдёт», «обсудят».
_FUTURE = re.compile(
    r"\b(состоится|состоятся|пройд[её]т|пройдут|будет|будут|обсудят|проведут|соберутся|"
    r"планируется|запланирован\w*|откроется|стартует|станут)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(состоял\w*|прош[её]л|прошл[аи]|провел\w*|провёл|обсудили|собрал\w*)\b", re.I
)


def _lines(text: str) -> list[str]:
    """The article's lines without page furniture (a stamp glued to a line is cut off)."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", line).strip()
        if line and not _is_page_line(line):
            out.append(line)
    return out


# A full date as a page writes it: «24 мая 2023», «12.03.2024», «21-11-2022», «2024-03-12».
# A page's stamp may shorten the month: «25 Апр 2017», «3 сент. 2021»
_STAMP_MONTH_RE = _MONTH_RE[:-1] + r"|янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)\.?"
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


def _is_page_line(line: str) -> bool:
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
    dated = _FULL_DATE.search(line)
    if dated is not None:
        rest = re.sub(r"\d{1,2}:\d{2}|г\.|года?", " ", _FULL_DATE.sub(" ", line))
        # «15 июля 2022, 09:30 · Просмотры: 527 · Поделиться»: counters and buttons too
        words = [
            w for w in re.findall(r"\w+", rest) if not w.isdigit() and not _PAGE_WORDS.match(w)
        ]
        return len(words) <= 2
    return False


def _page_line_ranges(text: str) -> list[tuple[int, int]]:
    """Where the page furniture lines are in the text (start, stop)."""
    out, at = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip() and _is_page_line(line.strip()):
            out.append((at, at + len(line)))
        at += len(line)
    return out


def _quoted_as_written(raw: str, normal: str) -> str:
    """A name in quotes is kept as the article writes it: the tagger's nominative of
    «… центр гражданских инициатив» must not become «… гражданские инициативы»."""
    written = re.search(r"«.+»", raw)
    changed = re.search(r"«.+»", normal)
    if written is None or changed is None:
        return normal
    return normal[: changed.start()] + written.group(0) + normal[changed.end() :]


def _page_date(text: str) -> tuple[int, int, int] | None:
    """The page's own date (year, month, day) from its furniture: when it was published."""
    for line in text.splitlines()[:15]:
        line = line.strip()
        if not line or not _is_page_line(line):
            continue
        found = _FULL_DATE.search(line)
        if found is None:
            continue
        g = found.groups()
        if g[0]:
            return int(g[2]), _month(g[1]), int(g[0])
        if g[3]:
            return int(g[5]), int(g[4]), int(g[3])
        return int(g[6]), int(g[7]), int(g[8])
    return None


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


def _quoted(text: str, start: int) -> str | None:
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
_SMALL_WORDS = frozenset("и в во о об на по с со к ко для от до за из между при без".split())


def _sentence_case(phrase: str) -> str:
    """An all-capitals phrase as ordinary text; short abbreviations (РК, РФ) stay."""
    if not phrase.isupper():
        return phrase
    words = []
    for word in phrase.split():
        low = word.casefold()
        keep = len(word) <= 3 and low not in _SMALL_WORDS
        words.append(word if keep else low)
    return " ".join(words)


def _about(topic: str) -> str:
    """«30-летие установления …» → «30-летии установления …»: the head word in the
    prepositional, the rest as written."""
    from db.textnorm import _analyzer

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
    topic = _sentence_case(topic.rstrip(" ,;:"))
    return f"{kind} о {_about(topic)}"


def _event_title_and_kind(text: str) -> tuple[str | None, str]:
    """The official title: «…» right after the event word (nested quotes kept), or what
    follows «на тему» or «Круглый стол:»; else the headline. The kind is the first kind of
    event the article names."""
    lowered = text.casefold()
    found = [(lowered.find(marker), kind) for marker, kind in EVENT_KINDS if marker in lowered]
    kind = min(found)[1] if found else "meeting"
    named = _named_after(text, _MAIN_EVENT_WORDS)
    if named:
        return named, kind
    described = _described_title(text)
    if described:
        return described, kind
    theme = re.search(r"на тему:?\s*«?([^.\n»]{10,300})", text, re.I)
    if theme:
        return theme.group(1).strip(), kind
    headline = _headline(text)
    labelled = re.match(
        r"(?:круглый стол|форум|конференция|семинар)\s*:\s*(.{10,300})$", headline, re.I
    )
    if labelled:
        return labelled.group(1).strip(), kind
    # The own name of a concert, festival or celebration the article is about, before a
    # headline that only tells of it («На берегах Тобола зазвучали песни …»)
    named = _named_after(_lede(text), _OTHER_EVENT_WORDS)
    if named:
        return named, kind
    # A headline is short and has no full stop; a first line that is a sentence is not one.
    headline = headline.strip(' «»"')
    # a sentence, an exclamation or a question («Давняя дружба станет крепче!») names nothing
    if headline and len(headline) <= 200 and not headline.endswith((".", "!", "?")):
        return headline, kind
    return _event_phrase(text), kind


# Words that name what an article reports on, for a title described from its first sentences
_EVENT_LEMMAS = frozenset(
    "визит делегация концерт праздник празднование фестиваль встреча форум конференция стол "
    "заседание семинар выставка вечер день курултай конкурс съезд юбилей чтения открытие "
    "поездка презентация".split()
)
# What belongs to an event's noun phrase in the syntax tree: its adjectives, the nouns it
# governs and their prepositions, names joined to it; not clauses, lists or adverbs.
_PHRASE_RELATIONS = frozenset({"amod", "nmod", "nummod", "flat", "flat:name", "appos", "case"})


def _event_phrase(text: str) -> str | None:
    """A page with no headline and no quoted name: the event described by the first noun
    phrase of its body that names one («с рабочим визитом в Омутинский район» → «Рабочий
    визит в Омутинский район»; «Праздник Масленицы открыл …» → «Праздник Масленицы»), with
    its head in the nominative."""
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, syntax_parser, _ner = _pipeline()
    lines = _lines(text)
    # the body from its first paragraph: a site's name above it would join its first sentence
    first = next((k for k, line in enumerate(lines) if _is_paragraph(line)), 0)
    doc = Doc(" ".join(lines[first:])[:1500])
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    for sentence in doc.sents[:3]:
        tokens = sentence.tokens
        for token in tokens:
            token.lemmatize(morph_vocab)
        for token in tokens:
            anniversary = re.fullmatch(r"\d+-лети\w+", token.text.casefold())  # «20-летию …»
            if not anniversary and (token.pos != "NOUN" or token.lemma not in _EVENT_LEMMAS):
                continue
            if token.lemma == "стол" and not any(
                t.lemma == "круглый" for t in tokens if t.head_id == token.id
            ):
                continue
            kept = {token.id}
            if anniversary and token.rel == "nummod":  # «20-летие | объединения «…»»
                kept.add(token.head_id)
            # «вечер, посвящённый 30-летию объединения «…»»: what it was for belongs to it,
            # with everything that participle governs
            dedicated = {
                t.id
                for t in tokens
                if t.head_id == token.id
                and t.rel == "acl"
                and t.lemma.startswith(("посвят", "посвящ"))
            }
            kept |= dedicated
            changed = True
            while changed:
                changed = False
                for t in tokens:
                    if (
                        t.id not in kept
                        and t.head_id in kept
                        and (t.rel in _PHRASE_RELATIONS or t.head_id in dedicated)
                        and t.rel != "punct"
                        and not (t.rel == "case" and t.head_id == token.id)  # «с визитом»
                    ):
                        kept.add(t.id)
                        changed = True
            # the unbroken run of the phrase around its head: a word the parser hung from
            # it further on («… посетил центр … района») is not the event's name
            low, high = _run_around(tokens, tokens.index(token), kept)
            start, stop = tokens[low].start, tokens[high].stop
            phrase = " ".join(doc.text[start:stop].split()).strip(" ,;:")
            while phrase.count("«") > phrase.count("»") and stop < len(doc.text):
                closing = doc.text.find("»", stop)  # «Фестиваль «Мәңгі бірге – Навеки вместе»»
                if closing < 0 or closing - stop > 60:
                    break
                stop = closing + 1
                phrase = " ".join(doc.text[start:stop].split()).strip(" ,;:")
            if len(phrase.split()) > 16:
                continue
            # only the head's own phrase changes case: «Концерт, посвящённый весеннему празднику»
            if anniversary:  # «20-летию объединения …»: only the anniversary changes case
                phrase = re.sub(r"^(\d+-лети)\w+", r"\1е", phrase)
            else:
                head, comma, rest = phrase.partition(",")
                phrase = _nominative(head) + comma + rest
            return phrase[:1].upper() + phrase[1:]
    return None


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


def _headline(text: str) -> str:
    """The line just above the article's first paragraph, unless that line is page furniture
    (a dateline, a menu): the site's own name or slogan at the top of the page is no
    headline. A text with no paragraph (a short note) has its first line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [re.sub(r"^date\s+\d{4}-\d{2}-\d{2}\s*", "", line) for line in lines]
    paragraph = next((k for k, line in enumerate(lines) if _is_paragraph(line)), None)
    if paragraph is None:
        kept = _lines(text)
        return kept[0] if kept else ""
    if paragraph == 0:
        return lines[0]  # the text begins with its body: a sentence, never a headline
    above = paragraph - 1
    # «В Оренбуржье пройдут Дни …» / «25 Апр 2017» / body: a date stamped under the headline
    while above > 0 and _is_date_line(lines[above]):
        above -= 1
    return "" if _is_page_line(lines[above]) else lines[above]


def _is_venue(text: str, span: _Span) -> bool:
    """«в Национальной академической библиотеке», «В Окуневском Доме культуры»: a body named
    in the locative after «в» is where the event was."""
    if not re.search(r"(?:^|\s)(?:в|во)\s+$", text[max(0, span.start - 4) : span.start], re.I):
        return False
    words = span.text.split()
    return any("loct" in _tags(w)[0] for w in words[:3]) and "nomn" not in _tags(words[0])[0]


def _publisher_ranges(text: str) -> list[tuple[int, int]]:
    """Where a page names its publisher: the lines above the headline (the site's own name
    and slogan) and a news agency's dateline («КОСТАНАЙ, 6 июля – ИА «Тобол-Инфо».»)."""
    ranges = []
    headline = _headline(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    top = text.find(headline) if headline else -1
    if top < 0:  # no headline: the page's top is what comes before the first paragraph
        first = next((line for line in lines if _is_paragraph(line)), None)
        top = text.find(first) if first else 0
    ranges.append((0, max(0, top)))
    for found in re.finditer(
        rf"^[А-ЯЁ][А-ЯЁ -]{{2,}},\s*\d{{1,2}}\s+{_MONTH_RE}\s*[–—-]\s*[^.\n]{{2,60}}[.\n]",
        text,
        re.M | re.I,
    ):
        ranges.append((found.start(), found.end()))
    return ranges


# «передаёт Kaznovosti.kz», «сообщили корреспонденту ИА …», «сообщает сайт …»: who reports
_REPORTED_BY = re.compile(
    r"(?:сообща\w*|переда[её]т|передают|пишет|пишут|информирует|по данным|по информации|"
    r"со ссылкой на)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def _is_news_source(text: str, span: _Span) -> bool:
    """An agency, a site or a paper the article cites as its source, not one that took part:
    right after «сообщает», «передаёт», «по данным»; a site's address; «ИА …»."""
    if re.search(r"\.(?:ru|kz|com|org|net|рф|қаз)$", span.text.strip(), re.I):
        return True
    if re.match(r"(?:ИА|информационное агентство)\b", span.text.strip(), re.I):
        return True
    return _REPORTED_BY.search(text[max(0, span.start - 60) : span.start]) is not None


def _is_paragraph(line: str) -> bool:
    """A line of the article's body: long, or a sentence of a dozen words."""
    return len(line) >= 150 or (line.endswith((".", "!", "?")) and len(line.split()) >= 12)


def _is_date_line(line: str) -> bool:
    """A line that holds a date or a time and nothing else («25 Апр 2017», «12.03.2024 14:30»)."""
    rest = re.sub(r"\d{1,2}:\d{2}|г\.|года?|[|·,]", " ", _FULL_DATE.sub(" ", line))
    return _FULL_DATE.search(line) is not None and not rest.strip()


def _lede(text: str) -> str:
    """The headline and the first two sentences of the body: where a page names what it
    reports on («… фестиваль «Созвездие Тобола»»), not a festival someone once took part in."""
    body = "\n".join(_lines(text))
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[«А-ЯЁA-Z])", body)]
    return body[: ends[2]] if len(ends) > 2 else body


def _named_after(text: str, words: str) -> str | None:
    """The «…» name written right after a word for an event («круглый стол «…»», «концерт
    под названием «…»»), nested quotes kept."""
    for match in re.finditer(f"(?:{words})", text, re.I):
        after = text[match.end() : match.end() + 120]
        quote = after.find("«")
        between = after[:quote]
        # «круглый стол «…»», «концерт под названием «…»», «форум национально-культурных
        # объединений Южного Урала и Костанайской области «…»»: one phrase, no verb in it
        if (
            quote >= 0
            and not re.search(r"[.!?\n,;:()]", between)
            and len(between.split()) <= 8
            and not any(_tags(w)[0] & {"VERB", "INFN", "PRTS", "GRND"} for w in between.split())
        ):
            title = _quoted(text, match.end() + quote)
            if title and len(title) >= 10:
                return title
    return None


def _status(text: str, sentences: list[tuple[int, int]]) -> str:
    """«announced» when the sentences about the event speak of it in the future tense."""
    about = [text[a:b] for a, b in sentences if _EVENT_WORDS.search(text[a:b])][:3] or [
        " ".join(_lines(text)[:2])
    ]
    future = sum(bool(_FUTURE.search(s)) for s in about)
    past = sum(bool(_PAST.search(s)) for s in about)
    return "announced" if future > past else "held"


def _date(text: str, sentences: list[tuple[int, int]]) -> tuple[dict[str, int], str | None]:
    """The event's date: the first date the article gives (the first day of a range), with
    the year from it, else from the page's dateline or the nearest year in the text (then
    `inferred`); with no date in the text, the dateline's month and year."""
    body = "\n".join(_lines(text))
    # «КОСТАНАЙ, 6 июля – ИА …»: a news agency's dateline dates the report, not the event
    agency = re.search(rf"^[А-ЯЁ][А-ЯЁ -]{{2,}},\s*(\d{{1,2}})\s+{_MONTH_RE}\b", body, re.M)
    if agency is not None:
        body = body[: agency.start()] + body[agency.end() :]
    # «8–10 июля», «с 8 по 10 июля»: the first day
    ranged = re.compile(
        rf"\b(\d{{1,2}})\s*(?:[–—-]|по)\s*\d{{1,2}}\s+{_MONTH_RE}(?:\s+(\d{{4}}))?", re.I
    )
    day = ranged.search(body) or _DAY_DATE.search(body)
    month = _MONTH_DATE.search(body)
    first = min((m for m in (day, month) if m), key=lambda m: m.start(), default=None)
    dateline = _DATELINE.search(text[:300])
    page = _page_date(text)
    if page is not None and agency is not None:
        page = (page[0], _month(agency.group(2)), int(agency.group(1)))
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
        sentence = _sentence_of(sentences, text.find(relative.group(0)), text)
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
                if _is_page_line(line.strip()) and (found := _DAY_DATE.search(line))
            ),
            None,
        )
        year = _anniversary_year(body)
        if yearless is not None and year is not None:
            return {"year": year, "month": _month(yearless.group(2)), "inferred": 1}, None
        return {}, None
    sentence = _sentence_of(sentences, text.find(first.group(0)), text)
    if first is month:
        return {"month": _month(month.group(1)), "year": int(month.group(2))}, sentence
    found = {"month": _month(first.group(2)), "day": int(first.group(1))}
    if first.group(3):
        found["year"] = int(first.group(3))
    elif stamp:
        found["year"] = stamp[0]
        found["inferred"] = 1
    else:
        years = [
            (abs(m.start() - first.start()), int(m.group(1)))
            for m in re.finditer(r"\b(19[5-9]\d|20\d\d)\s*(?:года|г\.|год)", body)
        ]
        if years:
            found["year"] = min(years)[1]
            found["inferred"] = 1
    return found, sentence


# Years every reader here knows an anniversary from
_ANNIVERSARIES = (("независимост", 1991), ("дипломатическ", 1992))


def _anniversary_year(body: str) -> int | None:
    """«к 30-летию Независимости» → 2021; «30-летию объединения … Созданный в 1994 году» →
    2024; «325-летию хана Абулхаира (1693–1748)» → 2018."""
    found = re.search(r"\b(\d{1,3})-?лети[юяеи]\w*\s+(.{0,200})", body, re.I | re.S)
    if found is None:
        return None
    years, after = int(found.group(1)), found.group(2)
    born = re.search(r"\((1\d{3}|20\d\d)\s*[–—-]", after) or re.search(
        r"\b(?:в|с)\s+(1\d{3}|20\d\d)\s+год", after
    )
    if born is not None:
        return int(born.group(1)) + years
    lowered = after[:60].casefold()
    return next((start + years for stem, start in _ANNIVERSARIES if stem in lowered), None)


def _month(word: str) -> int:
    word = word.casefold().rstrip(".")
    return next(number for prefix, number in MONTHS.items() if word.startswith(prefix[:3]))
