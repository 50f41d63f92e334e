"""Where the event was held: the city an article says it took place in.

Each time a city is named, the words before it say how: «в Омске», «в г. Омске» (where), «в
Астану» after a visit or an arrival (where to, so where the visit was), «из Павлодара», «от
Самары», «делегация Оренбурга» (where from: never where it was held). What is said in a
sentence about the event, or in the headline and lede, counts; a city only named there (a
body's or a person's, «мэр Омска») is where it was only when it is the one city so named and
no one came from it. The draft leaves the place empty rather than guess: a wrong city is a
wrong fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from drafting.event import EVENT_WORDS, refers_to_an_event
from drafting.nlp import children_of
from drafting.words import lemma_of, tags_of


class Said(Enum):
    """How a city is named in a sentence."""

    WHERE = "where"  # «форум в Омске», «в Омске прошёл …»
    WHERE_ITS = "where it is"  # «консульство в Омске»: where a thing named is
    WHERE_TO = "where to"  # «в Омск»
    WHERE_FROM = "where from"  # «из Омска»
    OF_SOMEONE = "of someone"  # «участница мероприятий в Вашингтоне», «вернувшаяся в Алматы»
    NAMED = "named"  # anything else


@dataclass(frozen=True)
class Mention:
    place_id: str
    start: int
    stop: int


# the preposition, adjectives, then words that say a settlement follows («в г. », «в селе »)
_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(в|во|на|из|от|с|со)\s+"
    r"(?:[а-яё-]+(?:ом|ем|ой|ей|ую|юю)\s+){0,2}"  # «в приграничном Павлодаре»
    r"(?:(?:г|гор|с|пос|п|д|ст)\.\s*|(?:город|сел|посел|пос[её]лк|аул|станиц|деревн)\w*\s+)?$",
    re.I,
)

# verbs and nouns of going somewhere: «в Астану» after them is where the event was
_TRAVEL = re.compile(
    r"\b(?:прибы\w*|приех\w*|посети\w*|визит\w*|поездк\w*|командиров\w*|отправ\w*|"
    r"выех\w*|направ\w*|пригла\w*|съехал\w*|прилет\w*|прилетел\w*)",
    re.I,
)

# verbs that say something took place
_HELD = re.compile(
    r"\b(?:прош[её]л|прошл[аои]|состоял\w*|состоится|состоятся|пройд[её]т|пройдут|"
    r"провел\w*|провели|проводи\w*|организова\w*|открыл\w*|открыт\w*|стартовал\w*|"
    r"собрал\w*|принял\w*|приня\w*|подписал\w*|подписан\w*|отметил\w*|отмеча\w*|"
    r"праздновал\w*|чествовал\w*|встретил\w*|встреча\w*|выступил\w*|побывал\w*)",
    re.I,
)


# words for a settlement the city's name may hang from in the syntax tree («в г. Омске»)
_SETTLEMENT_WORDS = frozenset(
    "г гор город село с пос посёлок поселок п аул станица деревня д".split()
)
_LOCATIVE = frozenset({"в", "во", "на"})
_TRAVEL_LEMMAS = frozenset({"посетить", "посещать", "приехать", "прибыть", "навестить"})
# verbs of leaving: where one went after is not where the event was
_LEAVING = frozenset(
    {"вернуться", "возвратиться", "уехать", "улететь", "отбыть", "отправиться", "переехать"}
)


@dataclass(frozen=True)
class _Tree:
    """The syntax tree of one sentence: tokens by id, and each token's children."""

    by_id: dict[str, Any]
    children: dict[str, list[Any]]

    def prepositions(self, token: Any) -> set[str]:
        return {c.text.casefold() for c in self.children.get(token.id, []) if c.rel == "case"}

    def head(self, token: Any) -> Any | None:
        return self.by_id.get(token.head_id)


def trees(doc: Any) -> dict[int, tuple[Any, _Tree]]:
    """Each token of a Natasha Doc with syntax, by where it starts, with its sentence's tree."""
    found: dict[int, tuple[Any, _Tree]] = {}
    for sentence in doc.sents or []:
        tree = _Tree({t.id: t for t in sentence.tokens}, children_of(sentence.tokens))
        for token in sentence.tokens:
            found[token.start] = (token, tree)
    return found


def _city_token(mention: Mention, text: str, tokens: dict[int, tuple[Any, _Tree]]):
    """The token of the city's last word, and its tree, when the parser has it."""
    last = mention.start + text[mention.start : mention.stop].rfind(
        text[mention.start : mention.stop].split()[-1]
    )
    return tokens.get(last, (None, None))


def _anchor(token: Any, tree: _Tree) -> Any:
    """The city's token, or the word for a settlement it hangs from («в г. Омске»)."""
    head = tree.head(token)
    if head is not None and head.text.casefold().strip(".") in _SETTLEMENT_WORDS:
        return head
    return token


def _named_by(token: Any, tree: _Tree) -> Any | None:
    """What the city's name hangs from, above a word for a settlement."""
    return tree.head(_anchor(token, tree))


# Who come from a place named after them in the genitive: «делегация Оренбурга»
_GUEST_LEMMAS = frozenset(
    "делегация гость представитель житель делегат команда коллектив земляк".split()
)


def _of_guests(token: Any, tree: _Tree) -> bool:
    head = _named_by(token, tree)
    return (
        head is not None
        and head.pos == "NOUN"
        and _anchor(token, tree).rel == "nmod"
        and _lemma(head) in _GUEST_LEMMAS
    )


def _left_for(token: Any, tree: _Tree) -> bool:
    """«вернувшаяся накануне в Алматы»: where someone went after, not where it was."""
    head = _named_by(token, tree)
    return head is not None and bool(head.feats.get("VerbForm")) and _lemma(head) in _LEAVING


def _of_a_person(token: Any, tree: _Tree) -> bool:
    """«Анна Ким, участница мероприятий Русского дома в Вашингтоне», «консул России в
    Уральске»: the city tells of a person, up the nouns it hangs from, before any verb. Only
    a person named just before counts: the parser joins words far apart wrongly."""
    head = _named_by(token, tree)
    seen = set()
    while head is not None and head.pos in ("NOUN", "PROPN") and head.id not in seen:
        seen.add(head.id)  # a parse may loop back
        if not 0 < _index(token) - _index(head) <= _NEAR:
            return False
        if head.feats.get("Animacy") == "Anim":
            return True
        head = tree.head(head)
    return False


_NEAR = 8  # tokens


def _index(token: Any) -> int:
    return int(token.id.rsplit("_", 1)[-1])


def _of_the_event(token: Any, tree: _Tree) -> bool:
    """Whether «в Омске» says where something happened, not where a thing named is: it hangs
    from a verb, from the event's own word («форум в Кокшетау»), or stands alone; not from
    another noun («участник мероприятий Русского Дома в Вашингтоне»)."""
    head = _named_by(token, tree)
    if head is None or head.pos in ("VERB", "AUX") or head.feats.get("VerbForm"):
        return True
    if head.pos not in ("NOUN", "PROPN"):
        return True
    return _an_event_word(head.text, _lemma(head))


def _an_event_word(word: str, lemma: str) -> bool:
    """«форум», «круглом», «акция», «мероприятие»: a word for an event, or for any event."""
    return refers_to_an_event(lemma) or bool(EVENT_WORDS.match(word))


def _lemma(token: Any) -> str:
    if token.lemma is None:
        from drafting.nlp import pipeline

        token.lemmatize(pipeline()[1])
    return (token.lemma or token.text).casefold()


def _venue_in(token: Any, tree: _Tree) -> bool:
    """A city named as that of the place it was held in: «в Доме дружбы г. Омска», «в Русском
    доме г. Нур-Султан»."""
    head = _named_by(token, tree)
    return (
        head is not None
        and head.pos in ("NOUN", "PROPN")
        and _anchor(token, tree).rel in ("nmod", "appos", "flat", "flat:name")
        and bool(tree.prepositions(head) & _LOCATIVE)
        and "loct" in tags_of(head.text)[1] | tags_of(head.text)[0]
        and _of_the_event(head, tree)
    )


def _visited(token: Any, tree: _Tree) -> bool:
    """«город Астану посетила делегация»: the city is what a verb of visiting has as object."""
    token = _anchor(token, tree)  # «город Астану»: the settlement word may be the object
    head = tree.head(token)
    return head is not None and token.rel == "obj" and _lemma(head) in _TRAVEL_LEMMAS


# The cities listed after «из»: «из Челябинска, Кургана и …»
_LISTED_FROM = re.compile(
    r"(?:^|\s)(?:из|от)\s+(?:[А-ЯЁ][\w-]+(?:\s+(?:област|кра|район|округ|республик)\w*)?"
    r"(?:\s*,\s*|\s+и\s+))+$"
)


# Where a sentence begins: a full stop, «!» or «?» and a capital, not an abbreviation's or an
# initial's dot («им. Ленина», «Л. Н. Гумилёва», «г. Омск»)
_SENTENCE_END = re.compile(r"(?<![\s.]им)(?<!\b[гсп])(?<!\b[А-ЯЁ])[.!?]+\s+(?=[«А-ЯЁ])|\n")


def _after_a_name_in_brackets(text: str, mention: Mention) -> bool:
    """«хор «Радуга» (Омск)», «Иван Петров (Астана)»: a city alone in brackets after a name
    is where that one comes from — not after an event's own name («фестиваль «Радуга»
    (Омск)») nor after a place the sentence names with «в» or «на» and no verb between («в
    Доме культуры им. Ленина (Караганда)», «в центре «Будь здоров» (Омск)»)."""
    before = text[max(0, mention.start - 8) : mention.start]
    if re.search(r"[\w»]\s*\(\s*(?:г\.\s*)?$", before) is None:
        return False
    if not re.match(r"\s*\)", text[mention.stop : mention.stop + 3]):
        return False
    bracket = text.rfind("(", 0, mention.start)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, bracket)]
    sentence = text[ends[-1] if ends else 0 : bracket]
    unquoted = re.sub(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»", " «» ", sentence)  # names are no words
    # nor whom a place is named after («им. Л. Н. Гумилёва», «имени Г. Потанина»)
    unquoted = re.sub(r"(?:\bим\.|\bимени)(?:\s*[А-ЯЁ]\.)*\s*[А-ЯЁ][\w-]*", " ", unquoted)
    words = unquoted.split()
    if len(words) >= 2 and words[-1] == "«»" and _an_event_word(words[-2], lemma_of(words[-2])):
        return False  # «фестиваль «Радуга» (Омск)», «акция «…» (Омск)»: where the event is
    at = [m.end() for m in re.finditer(r"(?:^|\s)(?:в|во|на)\s", unquoted, re.I)]
    between = [w for w in (unquoted[at[-1] :].split() if at else []) if w != "«»"]
    # a verb, a dash or a person's name between: the place was someone else's («В жюри – артист
    # Иван Петров (Астана)», «На сцене – ансамбль «…» (Ташкент)»)
    return not (
        between and not any(w in "–—-" or {"VERB", "Name", "Surn"} & tags_of(w)[0] for w in between)
    )


def how_said(
    text: str, mention: Mention, tokens: dict[int, tuple[Any, _Tree]] | None = None
) -> Said:
    """Where, where to, where from, or only named: from the words before the city, its case,
    and, when the syntax tree is there, from what it hangs from."""
    token, tree = _city_token(mention, text, tokens or {})
    if _after_a_name_in_brackets(text, mention):
        return Said.WHERE_FROM  # «ансамбль «Калинка» (Ташкент)»: where they come from
    before = _BEFORE.search(text[max(0, mention.start - 24) : mention.start])
    if before is None:
        if _LISTED_FROM.search(text[max(0, mention.start - 80) : mention.start]):
            return Said.WHERE_FROM  # «коллеги из Челябинска и Магнитогорска»
        if token is not None and _of_guests(token, tree):
            return Said.WHERE_FROM  # «делегация Оренбурга», «гости Омска»
        if token is not None and _venue_in(token, tree):
            return Said.WHERE
        if token is not None and _visited(token, tree):
            return Said.WHERE_TO
        return Said.NAMED
    preposition = before.group(1).casefold()
    if preposition in ("из", "от", "с", "со"):
        return Said.WHERE_FROM
    if token is not None and (_left_for(token, tree) or _of_a_person(token, tree)):
        return Said.OF_SOMEONE
    if token is not None and not _of_the_event(token, tree):
        return Said.WHERE_ITS if preposition in _LOCATIVE else Said.NAMED
    # the case as the tagger reads it in context knows «в Алматы» (where to after «вернулась»)
    # from «в Алматы» (where), which the dictionary cannot: the name does not decline
    case = token.feats.get("Case") if token is not None else None
    word = text[mention.start : mention.stop].split()[-1]
    best, any_parse = tags_of(word)
    if case == "Acc" or (
        case is None and "accs" in best and "loct" not in any_parse and "loc2" not in any_parse
    ):
        return Said.WHERE_TO
    if preposition == "на" and not {"loct", "loc2"} & any_parse and "Fixd" not in any_parse:
        return Said.NAMED  # «на Омск» is where to, and rare
    return Said.WHERE


def held_in(
    text: str,
    mentions: Iterable[Mention],
    sentences: list[tuple[int, int]],
    lede: str,
    doc: Any = None,
    titles: Iterable[tuple[int, int]] = (),
) -> str | None:
    """The id of the city the event was held in, or None when the article does not say.

    By rank, the first one named of the best: a city said as where in a sentence that names
    the event or is the headline or lede; said as where to in such a sentence about a visit;
    said as where in a sentence that says something took place; where a thing named in a
    sentence about the event is («в консульстве Казахстана в Омске»); else the one city only
    named in telling of the event, when no one came from it. A city in someone's title
    («консул России в Уральске», where `titles` are) says where they work, not where the
    event was."""
    titles = list(titles)
    lede = " ".join(lede.split())
    tokens = trees(doc) if doc is not None else {}
    ranked: list[tuple[int, int, str]] = []
    origins: set[str] = set()  # cities someone came from
    named: set[str] = set()  # cities only named in telling of the event
    for mention in mentions:
        said = how_said(text, mention, tokens)
        if said is Said.WHERE_FROM:
            origins.add(mention.place_id)
            continue
        if said is Said.OF_SOMEONE:
            continue
        if any(a <= mention.start < b for a, b in titles):
            continue
        start, stop = next(
            ((a, b) for a, b in sentences if a <= mention.start < b), (mention.start, mention.stop)
        )
        sentence = text[start:stop]
        # a sentence that names the event, or is the lede, is about it; one that only says
        # something took place is, for where it took place
        names_it = " ".join(sentence.split()) in lede or EVENT_WORDS.search(sentence) is not None
        if said is Said.NAMED:
            if names_it:
                named.add(mention.place_id)
            continue
        if names_it and said is Said.WHERE:
            rank = 0
        elif names_it and said is Said.WHERE_TO and _TRAVEL.search(sentence):
            rank = 1
        elif said is Said.WHERE and _HELD.search(sentence):
            rank = 2
        elif names_it and said is Said.WHERE_ITS:
            rank = 3
        else:
            continue
        ranked.append((rank, mention.start, mention.place_id))
    if ranked:
        return min(ranked)[2]
    # the one city the telling of the event names, when no one came from it
    # («… почётный гражданин Павлодара открыл выставку»)
    alone = named - origins
    return next(iter(alone)) if len(named) == 1 and alone else None


# --- Bodies: named as the place, or as doing something ---------------------------------------

# Verbs saying that something took place where their «в …» or «на …» is
_TOOK_PLACE_LEMMAS = frozenset(
    "пройти проходить состояться провести проводить открыться открываться открыть открывать "
    "организовать организовывать собраться собираться встретиться встречаться выступить "
    "выступать стартовать начаться завершиться отметить отмечать отпраздновать праздновать".split()
)
# Verbs whose subject is only described («Музей является …», «Центр находится …»), and verbs
# whose object is («Музей посещают туристы»)
_BEING_LEMMAS = frozenset("быть являться находиться располагаться считаться стать".split())
_SEEING_LEMMAS = frozenset("посещать посетить осмотреть осматривать".split())


def body_token(tokens: dict[int, tuple[Any, _Tree]], start: int, stop: int):
    """The head word of a body's name written between `start` and `stop`, and its tree: the
    noun whose own head is outside the name; (None, None) when the parser has none."""
    for at in sorted(s for s in tokens if start <= s < stop):
        token, tree = tokens[at]
        head = tree.head(token)
        if token.pos in ("NOUN", "PROPN") and (head is None or not start <= head.start < stop):
            return token, tree
    return None, None


def took_place_at(token: Any, tree: _Tree) -> bool:
    """Whether a body's word after «в» or «на» says where something took place: it hangs from
    a verb of taking place or from the event's own word, through places in apposition («прошёл
    в Караганде, в университете «…»»); not from what someone does there («занимающиеся в
    клубе «…»», «обсудили на комитете «…»») nor from another noun («руководитель отдела в
    акимате»)."""
    node, seen = token, set()
    while (head := tree.head(node)) is not None and head.id not in seen:
        seen.add(head.id)  # a parse may loop back
        if head.pos in ("VERB", "AUX") or head.feats.get("VerbForm"):
            return _lemma(head) in _TOOK_PLACE_LEMMAS
        if head.pos not in ("NOUN", "PROPN"):
            return False
        if _an_event_word(head.text, _lemma(head)):
            return True  # «семинар в университете «…»»
        if head.feats.get("Case") != "Loc" or not tree.prepositions(head) & _LOCATIVE:
            return False
        node = head
    return False


def acts(token: Any, tree: _Tree) -> bool:
    """Whether a mention of a body may tell of its part: any, but one that only describes it —
    the subject of a verb of being («Университет является …»), of a passive («Университет был
    основан в 1992 году»), or what visitors see («Музей посещают туристы»)."""
    head = tree.head(token)
    if head is None:
        return True
    if token.rel == "nsubj" and _lemma(head) in _BEING_LEMMAS:
        return False
    if token.rel == "nsubj:pass":
        return False
    return not (token.rel == "obj" and _lemma(head) in _SEEING_LEMMAS)


# What a clause on a body says of its part in the event: held it, took part, or an event
_PART_LEMMAS = _TOOK_PLACE_LEMMAS | frozenset(
    "участвовать принять подготовить поддержать пригласить представить".split()
)


def described_further(tokens: dict[int, tuple[Any, _Tree]], start: int, stop: int) -> bool:
    """Whether a clause or a participle on a word of the name between `start` and `stop` tells
    of the body's part («пресс-служба Ассамблеи, организовавшей форум», «…, сотрудники
    которого провели тренинги»), not only what it is («Министерства, курирующего молодёжную
    политику»): the sentence says more of the body than that it is a source."""
    inside = {tokens[at][0].id for at in tokens if start <= at < stop}
    for at, (token, tree) in tokens.items():
        if at < stop or token.rel not in ("acl", "acl:relcl") or token.head_id not in inside:
            continue
        below, todo = [token], [token]
        while todo:
            for child in tree.children.get(todo.pop().id, []):
                if child not in below:
                    below.append(child)
                    todo.append(child)
        if any(_lemma(t) in _PART_LEMMAS or refers_to_an_event(_lemma(t)) for t in below):
            return True
    return False
