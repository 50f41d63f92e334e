"""Natasha's models, loaded on the first draft, and what they tell of a text: the named-entity
spans, the verb each name hangs from, and a name's grammatical context (subject or dependent,
a verb's gender, the case of the title before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from types import SimpleNamespace
from typing import Any, NamedTuple

from drafting.gazetteer import place_country
from drafting.names import Context
from drafting.words import (
    POSITION_WORDS,
    SURNAME_END,
    known_word,
    lemma_of,
    names_org_kind,
    phrase_nominative,
    tags_of,
    titles_a_person,
)


@cache
def pipeline() -> Any:
    """Natasha's segmenter, morphology and NER models, loaded once, on first use."""
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    class LineSegmenter(Segmenter):
        """razdel's sentences, within the lines that end one: a headline or a line of page
        furniture has no full stop, and razdel would run it into the sentence below."""

        def sentenize(self, text: str) -> Iterator[Any]:
            for start, stop in line_blocks(text):
                for sent in super().sentenize(text[start:stop]):
                    yield type(sent)(sent.start + start, sent.stop + start, sent.text)

    embedding = NewsEmbedding()
    return (
        LineSegmenter(),
        MorphVocab(),
        NewsMorphTagger(embedding),
        NewsSyntaxParser(embedding),
        NewsNERTagger(embedding),
    )


# A line ends a sentence when it ends in no punctuation at all and the next one begins with
# no lower-case letter, after a blank line or when the line ends in no word (a headline, a
# dateline, a counter); a line ending in «,», «:» or a dash, or a line wrapped before a
# capitalised word («… акимата\nКызылжарского района»), goes on.
_LINE_END = re.compile(
    r"(?<![.!?…,:;—–\-\s])[»”\"')\]]*[ \t]*\n(?P<blank>[ \t]*\n)?(?=\s*[^\sа-яёa-z])"
)


def line_blocks(text: str) -> list[tuple[int, int]]:
    """Where the text's blocks of lines begin and end: each block ends at a line that ends no
    sentence in punctuation (a headline, a dateline, page furniture)."""
    blocks, start = [], 0
    for end in _LINE_END.finditer(text):
        line = text[text.rfind("\n", 0, end.start()) + 1 : end.start()].strip()
        if end.group("blank") or not re.search(r"[а-яё]$", line):
            blocks.append((start, end.end()))
            start = end.end()
    return [*blocks, (start, len(text))]


@dataclass
class Span:
    type: str
    start: int
    stop: int
    text: str
    normal: str
    verb: str | None = None  # lemma of the verb the name depends on (syntax tree)
    context: Context = field(default_factory=Context)  # for a name: role, a verb's gender


class Analysis(NamedTuple):
    spans: list[Span]  # names of people, organizations and places
    sentences: list[tuple[int, int]]  # where each sentence begins and ends
    doc: Any  # the Natasha Doc, with its syntax tree


_PREPOSITION_FIRST = re.compile(r"[ВКСУО]\s+[А-ЯЁ]")


def analyse(text: str) -> Analysis:
    """The text's names (persons, places, organizations) as spans with their normal forms,
    its sentences, and the Natasha document with its syntax tree."""
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, syntax_parser, ner_tagger = pipeline()
    doc = Doc(text)
    if not text.strip():  # the syntax parser fails on a text of spaces alone
        return Analysis([], [], doc)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)  # normalisation of multi-word names needs the syntax
    doc.tag_ner(ner_tagger)
    spans = []
    for span in doc.spans:
        span.normalize(morph_vocab)
        normal = (span.normal or span.text).replace("имя.", "им.")
        preposition = _PREPOSITION_FIRST.match(span.text) if span.type == "PER" else None
        if preposition:
            at = span.start + preposition.end() - 1
            place = span.text[preposition.end() - 1 :].split()[0]
            if "Geox" in tags_of(place)[1] or place_country(place):
                # «В Костанае обсудили …»: a preposition, not an initial (one is written with a
                # full stop), before a place
                spans.append(Span("LOC", at, at + len(place), place, place, None, Context()))
                continue
        verb = _governing_verb(doc, span, morph_vocab) if span.type == "PER" else None
        context = _name_context(doc, span) if span.type == "PER" else Context()
        text_of, stop = span.text, span.stop
        if span.type == "LOC" and "(" in text_of[1:]:
            # «г. Алматы (АРСК)»: what brackets hold after a place's name is none of it
            text_of = text_of[: text_of.index("(", 1)].rstrip()
            stop = span.start + len(text_of)
            normal = normal.split("(", 1)[0].rstrip() or text_of
        spans.append(Span(span.type, span.start, stop, text_of, normal, verb, context))
    spans = _titled_names(text, _initialled_names(text, spans, doc, morph_vocab), doc, morph_vocab)
    return Analysis(spans, [(s.start, s.stop) for s in doc.sents], doc)


# A first name and a surname as they are written: «Абзал Сапарбекулы», «Ерлан Карин»
# (a lookahead, so that «Общества Абзал Сапарбекулы» gives both pairs)
_NAME_PAIR = re.compile(r"(?<![\w.-])(?=(([А-ЯЁ][а-яё]{2,})\s+([А-ЯЁ][а-яё]{2,}))(?![\w-]))")


def _titled_names(text: str, spans: list[Span], doc: Any, morph_vocab: Any) -> list[Span]:
    """A name right after a title that the tagger missed («руководитель Общества Абзал
    Сапарбекулы»; it knows few Kazakh names): a first name the dictionary knows as one or
    does not know at all, then a word ending as surnames do."""
    out = list(spans)
    for found in _NAME_PAIR.finditer(text):
        first, last = found.group(2), found.group(3)
        start, stop = found.start(1), found.end(1)
        overlapping = [s for s in out if s.start < stop and start < s.stop]
        # only an organization the name ran into («Общества Абзал Сапарбекулы») may overlap it
        if any(s.type != "ORG" or s.start >= start or s.stop > stop for s in overlapping):
            continue
        tags = tags_of(first)
        if {"Geox", "Orgn", "Surn"} & tags[0] or not ("Name" in tags[1] or not known_word(first)):
            continue
        if not SURNAME_END.search(last) or "Geox" in tags_of(last)[1]:
            continue
        before = re.split(r"[.!?;:]", text[max(0, start - 80) : start])[-1]
        if re.search(r"(?:\bимени|\bим\.)\s*$", before, re.I):
            continue  # «школы имени Абая Кунанбаева»: whom it is named after
        if not any(titles_a_person(w) for w in before.split()[-4:]):
            continue
        for s in overlapping:
            kept = text[s.start : start].rstrip()
            out.remove(s)
            if len(kept.split()) > 1 or not names_org_kind(kept):  # «Общества»: a kind alone
                out.append(
                    replace(s, stop=s.start + len(kept), text=kept, normal=phrase_nominative(kept))
                )
        verb, context = _clause_of(doc, start, stop, morph_vocab)
        written = found.group(1)
        out.append(Span("PER", start, stop, written, written, verb, context))
    return sorted(out, key=lambda s: s.start)


def _clause_of(doc: Any, start: int, stop: int, morph_vocab: Any) -> tuple[str | None, Context]:
    """The verb and the clause's role of a name found here, as for a name the tagger found."""
    tokens = SimpleNamespace(
        tokens=[t for t in doc.tokens if start <= t.start < stop], start=start, stop=stop
    )
    if not tokens.tokens:
        return None, Context()
    return _governing_verb(doc, tokens, morph_vocab), _name_context(doc, tokens)


# «Жумадильдаева НВ», «Кушербаев К.Е.»: a surname with its initials after it
_INITIALLED = re.compile(
    r"(?<![\w.-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{3,})\s+([А-ЯЁ]\.\s?[А-ЯЁ]\.?|[А-ЯЁ]{2})(?![\w])"
)
_NOT_INITIALS = frozenset("РФ РК РБ РТ КР ОО ОФ АО ТВ ЕС ГУ".split())


def _looks_like_a_surname(word: str) -> bool:
    if word.isupper():
        word = word.title()
    return "Surn" in tags_of(word)[1] or bool(SURNAME_END.search(word))


def _initialled_names(text: str, spans: list[Span], doc: Any, morph_vocab: Any) -> list[Span]:
    """Names of a surname and initials the tagger missed or took into an organization
    («депутат Мажилиса Парламента Жумадильдаева НВ»): a person of their own, and the
    organization ends before them."""
    out = list(spans)
    for found in _INITIALLED.finditer(text):
        start, stop = found.start(), found.end()
        if found.group(2) in _NOT_INITIALS or not _looks_like_a_surname(found.group(1)):
            continue
        if any(
            s.type == "PER"
            and s.start < stop
            and start < s.stop
            and not start <= s.start < s.stop <= stop
            for s in out
        ):
            continue  # a name the tagger read itself (a part of one is replaced below)
        trimmed = []
        for s in out:
            if s.start < stop and start < s.stop and s.type == "PER":
                continue  # «К.Е.» of «АБРАМОВ К.Е.»: the whole name instead
            if s.start < stop and start < s.stop:  # an organization or a place ran into it
                if s.start < start and text[s.start : start].strip():
                    kept = text[s.start : start].rstrip()
                    trimmed.append(
                        replace(
                            s, stop=s.start + len(kept), text=kept, normal=phrase_nominative(kept)
                        )
                    )
                continue
            trimmed.append(s)
        verb, context = _clause_of(doc, start, stop, morph_vocab)
        written = found.group(0)
        out = [*trimmed, Span("PER", start, stop, written, written, verb, context)]
    return sorted(out, key=lambda s: s.start)


def children_of(tokens: Iterable[Any]) -> dict[str, list[Any]]:
    """Each token's children in the syntax tree, by the parent's id."""
    children: dict[str, list[Any]] = {}
    for token in tokens:
        children.setdefault(token.head_id, []).append(token)
    return children


def _governing_verb(doc: Any, span: Any, morph_vocab: Any) -> str | None:
    """The lemma of the verb a name hangs from in the dependency tree: «Бану Нургазиева
    обратила внимание» → «обратить»; «письма прислали … Посол … Бородавкин» → «прислать»."""
    first = span.tokens[0].id.split("_")[0]
    sentence = [t for t in doc.tokens if t.id.split("_")[0] == first]
    # «„…“, — заявил, обращаясь к участникам, аким области X»: the author's words after a
    # quote say who spoke, wherever the parser hangs the name
    said = _saying_after_quote(sentence, span)
    if said is not None:
        said.lemmatize(morph_vocab)
        return said.lemma
    tokens = {t.id: t for t in doc.tokens}
    children = children_of(doc.tokens)
    inside = {t.id for t in span.tokens}
    node = next((t for t in span.tokens if t.head_id not in inside), None)
    seen: set[str] = set()
    below = None  # the word of the name's phrase the walk came up from
    while node is not None and node.id not in seen:
        seen.add(node.id)
        # «побеседовали с его участниками — Розой Рымбаевой, …»: a name given as one of the
        # event's participants or speakers took that part, whatever the verb above them says
        # (as its subject, «Участник форума … рассказал», the verb says more). The parser
        # hangs such a list from the noun, or beside it from the verb.
        beside = []
        if below is not None and below.rel == "parataxis":
            beside = [
                t for t in children.get(node.id, []) if t.start < below.start and t.pos == "NOUN"
            ][-1:]
        for noun in [node, *beside] if node.id not in inside else []:
            if noun.pos == "NOUN" and noun.rel in _OBJECT_RELATIONS:
                noun.lemmatize(morph_vocab)
                if noun.lemma in _PART_NOUNS:
                    return _PART_NOUNS[noun.lemma]
        # «Выступил председатель …»: a verb first in its sentence is often tagged an adjective
        first_verb = node.rel == "root" and "VERB" in tags_of(node.text)[0]
        if (node.pos in ("VERB", "AUX") or first_verb) and node.id not in inside:
            if first_verb and node.pos not in ("VERB", "AUX"):
                return lemma_of(node.text)
            # «„…продолжится“, — сказал вице-губернатор …»: the parser hangs the speaker from
            # the verb of the quoted words; the verb of saying beside it is the speaker's
            said = _saying_beside_quote(children.get(node.id, []))
            if said is not None:
                node = said
            node.lemmatize(morph_vocab)
            # «Доклад сделал профессор …»: what was made is a talk
            talk = any(
                t.rel == "obj" and t.text.casefold().startswith(_TALKS)
                for t in children.get(node.id, [])
            )
            return "доклад" if talk else node.lemma
        below, node = node, tokens.get(node.head_id)
    # The walk broke off (the parser sometimes makes a word its own head): the verb at the
    # root of the sentence, if the root is one; when the root is in quoted words
    # («„Вы, молодёжь, …“, — заявил … аким»), the verb of saying between them and the name.
    root = next((t for t in sentence if t.rel == "root"), None)
    if root is not None and root.pos == "VERB":
        root.lemmatize(morph_vocab)
        return root.lemma
    return None


def _saying_after_quote(sentence: list[Any], span: Any) -> Any | None:
    """«„…“, — заявил, обращаясь к участникам форума, аким области X»: the verb written
    right after a closing quote and its comma and dash, when `span` follows it with no other
    verb between them but a gerund's («обращаясь …»)."""
    for k, token in enumerate(sentence):
        if token.text not in '»”"' or token.stop > span.start:
            continue
        after = sentence[k + 1 :]
        marks = 0
        while marks < len(after) and after[marks].text in ",-–—":
            marks += 1
        if not marks or marks >= len(after) or after[marks].pos != "VERB":
            continue
        verb = after[marks]
        between = [t for t in after[marks + 1 :] if t.stop <= span.start]
        verbs = [t for t in between if t.pos in ("VERB", "AUX")]
        # a gerund's phrase closed by a comma before the name: «…, обращаясь к залу, аким X»,
        # not «…, вручив награду X» (X is what the gerund governs)
        closed = all(
            (t.feats or {}).get("VerbForm") == "Conv"
            and any(c.text == "," and c.start > t.start for c in between)
            for t in verbs
        )
        # «…, — сказал X, а ректор Y вручил …», «…, среди них — Y»: another clause's name
        joined = any(t.pos == "CCONJ" or t.text.casefold() == "среди" for t in between)
        if closed and not joined and not any(t.text in '«»".!?' for t in between):
            return verb
    return None


_OBJECT_RELATIONS = frozenset({"obl", "obj", "iobj", "nmod"})

# Nouns for a part taken, and the verb that says it
_PART_NOUNS = {
    "участник": "участвовать",
    "исполнитель": "участвовать",
    "артист": "участвовать",
    "солист": "участвовать",
    "докладчик": "выступить",
    "спикер": "выступить",
}


def _saying_beside_quote(below: list[Any]) -> Any | None:
    """The verb joined outside the quotes to the verb whose children are `below`, when that
    verb is the one of quoted words."""
    if not any(t.rel == "punct" and t.text in '«»"“”„' for t in below):
        return None
    return next((t for t in below if t.rel == "parataxis" and t.pos == "VERB"), None)


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
    # «поблагодарил Ерлана Жумабаева и Каната Ибраева»: a name joined to another stands
    # where the first of them stands
    first, seen = head, {head.id}
    while first.rel == "conj" and first.head_id in tokens and first.head_id not in seen:
        first = tokens[first.head_id]
        seen.add(first.id)
    if first is not head and first.pos == "PROPN":
        head = first
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
        and not names_org_kind(title.text)  # «акимата» begins as «аким» does
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
            and titles_a_person(token.text)  # «главы», «посла» as well as «руководителем»
            and not names_org_kind(token.text)
        ):
            head = token
    if head is None:
        return None
    if re.search(r"(?:и\.\s?о\.|врио|обязанности)\s*$", doc.text[: head.start], re.I):
        return None  # «и.о. руководителя», «исполняющей обязанности главы»: not the title's case
    feats = head.feats if isinstance(head.feats, dict) else {}
    case = _UD_CASES.get(feats.get("Case", ""))
    return (case, "femn" if feats.get("Gender") == "Fem" else None) if case else None


# Nouns of a talk given («сделал доклад», «прочитал лекцию»): whoever gave it spoke
_TALKS = ("доклад", "сообщени", "выступлени", "презентаци", "реч", "лекци")
