"""Which organizations an article says held the event and which supported it, read from the
syntax tree of each sentence: who «организовал» or «провёл» it (the subject of the verb, the
agent of «организованный …», and those «совместно с» them), who invited the guests («по
приглашению» of, «приглашён посольством») or on whose initiative it was held («по
инициативе»), whom it calls the organizers («Организаторы – …»), who it was held «при
поддержке» or «при содействии» of, and the one person who opened it («Конференцию открыла
директор библиотеки …»: the host's head).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from drafting.event import names_an_anniversary, refers_to_an_event
from drafting.nlp import children_of
from drafting.words import tags_of

# Verbs whose subject (or agent, in the passive) held what they govern: held the event when
# that is an event («провёл форум», «форум, организованный …», «его провели …»)
_HOLDING = frozenset({"организовать", "организовывать", "провести", "проводить", "устроить"})
_PRONOUNS = frozenset({"он", "она", "оно", "они"})
_ORGANIZER = frozenset({"организатор", "соорганизатор"})
_LINKING = frozenset({"выступить", "выступать", "стать", "являться", "быть"})
_SUPPORT = frozenset({"поддержка", "содействие"})
# «по приглашению министерства», «по инициативе НИИ …»: the body the phrase hangs on held
# the event («на базе университета» does not tell: a host may only lend its hall)
_HOSTED_BY = frozenset({("по", "приглашение"), ("по", "инициатива")})


# What a body's name is made of below its head: not the clauses or support hung on it
_NAME_RELATIONS = frozenset(
    {"amod", "nmod", "appos", "flat", "flat:name", "flat:foreign", "nummod", "conj", "cc", "case"}
)


def _extent(root: Any, children: dict[str, list[Any]], name_only: bool = False) -> range:
    """Where the phrase headed by `root` is written, its quotes included; with `name_only`,
    the noun phrase alone (of a head the parser made the sentence's root)."""
    inside, todo = [root], [root]
    while todo:
        for child in children.get(todo.pop().id, []):
            if name_only and child.rel not in _NAME_RELATIONS and child.text not in '«»"':
                continue
            if child.rel in _CLAUSES:
                continue  # «Общество, созданное при Доме дружбы, …»: the clause is not its name
            if child in inside:
                continue  # a parse may loop back
            if child.rel != "punct" or child.text in '«»"':
                inside.append(child)
                todo.append(child)
    # only the words written together around the head: a word the parser hung on it from
    # further on («ОО «…», встретился с … и КГУ «Келісім»») does not stretch the phrase
    every = {t.id: t for below in children.values() for t in below} | {root.id: root}
    order = sorted(every.values(), key=lambda t: t.start)
    taken = {t.id for t in inside}

    def joins(k: int, step: int) -> bool:
        if not 0 <= k < len(order):
            return False
        return order[k].id in taken or (
            order[k].rel == "punct" and 0 <= k + step < len(order) and order[k + step].id in taken
        )

    first = last = order.index(root)
    while joins(last + 1, 1):
        last += 1
    while joins(first - 1, -1):
        first -= 1
    return range(order[first].start, order[last].stop)


def _has_case(token: Any, children: dict[str, list[Any]], *words: str) -> bool:
    """Whether a preposition hangs from `token` (one of `words`, or any)."""
    return any(
        c.rel == "case" and (not words or c.text.casefold() in words)
        for c in children.get(token.id, [])
    )


def _a_body(token: Any) -> bool:
    """A noun naming no person: who can be a body («фонд», «Достык»), not «председатель»."""
    return token.pos in ("NOUN", "PROPN") and "anim" not in tags_of(token.text)[0]


def _by_instrumental(token: Any, children: dict[str, list[Any]]) -> bool:
    """The agent of a passive in the instrumental with no preposition («… посольством»)."""
    return (
        token.rel == "obl" and token.feats.get("Case") == "Ins" and not _has_case(token, children)
    )


def _agree(word: Any, noun: Any, case: bool = True) -> bool:
    """Whether a participle, an adjective or (without `case`) a pronoun agrees with a noun:
    case, number and, in the singular, gender."""
    keys = ["Case"] * case + ["Number"] + (["Gender"] if word.feats.get("Number") == "Sing" else [])
    return all(word.feats.get(k) == noun.feats.get(k) for k in keys if noun.feats.get(k))


def _described(participle: Any, head: Any, tokens: list[Any]) -> Any:
    """The noun a participle's phrase describes: the one the parser hangs it from when they
    agree, else the nearest before it that does («на фестивале …, организованном обществом,
    встретился с представителями …»: the parser may hang it from a noun after it)."""
    if _agree(participle, head) and head.pos in ("NOUN", "PROPN"):
        return head
    before = tokens[: tokens.index(participle)]
    return next(
        (t for t in reversed(before) if t.pos in ("NOUN", "PROPN") and _agree(participle, t)), head
    )


def _event_named_before(pronoun: Any, tokens: list[Any]) -> bool:
    """Whether the pronoun stands for an event named earlier in its own sentence: the nearest
    subject or object before it that it agrees with in number and gender is one («Форум прошёл
    в Омске, его организовала ассоциация»; not «Концерт посетили школьники, их организовал
    отдел»)."""

    before = tokens[: tokens.index(pronoun)]
    said = [
        t
        for t in before
        if t.pos in ("NOUN", "PROPN")
        and t.rel in ("nsubj", "obj", "nsubj:pass")
        and _agree(pronoun, t, case=False)
    ]
    return bool(said) and refers_to_an_event(said[-1].lemma)


def _holders(tokens: list[Any], children: dict[str, list[Any]], event_before: bool) -> list[Any]:
    """The heads of the phrases naming the bodies that held an event, by a sentence's verbs
    of holding. `event_before`: the sentence before named an event («Его провели …»)."""
    by_id = {t.id: t for t in tokens}
    holders = []
    for verb in (t for t in tokens if t.lemma in _HOLDING):
        below = children.get(verb.id, [])
        passive = verb.pos != "VERB" or verb.feats.get("Voice") == "Pass"
        # what was held: the object, or in the passive its subject or the noun it describes
        held = [c for c in below if c.rel in (("nsubj:pass",) if passive else ("obj",))]
        # an event holds nothing: written first («Праздник организовало общество «Истоки»»),
        # it may be parsed as the subject, and then the body after the verb held it
        inverted = not passive and any(
            c.rel == "nsubj" and refers_to_an_event(c.lemma) for c in below
        )
        if inverted:
            held += [c for c in below if c.rel == "nsubj" and refers_to_an_event(c.lemma)]
        if passive and verb.rel == "acl" and verb.head_id in by_id:
            held.append(_described(verb, by_id[verb.head_id], tokens))
        if not any(
            refers_to_an_event(h.lemma)
            or (h.lemma in _PRONOUNS and (event_before or _event_named_before(h, tokens)))
            for h in held
        ):
            continue  # «организовал ансамбль», «провёл экскурсию»: not the event
        # «Университет и центр провели форум»: a body the parser read as a second object
        # (such nouns are written alike in the nominative and the accusative)
        second_object = not passive and not any(c.rel == "nsubj" for c in below)
        for child in below:
            agent = child.rel in ("nsubj", "obl:agent") or _by_instrumental(child, children)
            if child.rel == "obj" and (inverted or second_object):
                # the other of two objects, one of them the event, held it, wherever it is
                # written («Праздник организовало ЗКОО …» parsed with two objects)
                agent = inverted or any(
                    c.rel == "obj" and c is not child and refers_to_an_event(c.lemma) for c in below
                )
            if refers_to_an_event(child.lemma):
                agent = False
            # a person who held it is a person («Встречу провёл председатель фонда …»): the
            # body they work for is not said to have held it
            if agent and _a_body(child):
                holders.append(child)
        # «… совместно с Ассоциацией …»: held together with them
        # («совместно» hangs from the verb, from one who held it, or — as the parser often
        # has it — from what the verb's phrase hangs from)
        above = {verb.id, verb.head_id}
        if verb.head_id in by_id:
            above.add(by_id[verb.head_id].head_id)
        for together in (c for c in tokens if c.lemma in ("совместно", "вместе")):
            if together.head_id in above | {h.id for h in holders}:
                holders += [
                    c
                    for c in children.get(together.id, [])
                    if _has_case(c, children, "с") and _a_body(c)  # not «вместе с директором …»
                ]
    return holders


def _sentences(doc: Any, morph_vocab: Any) -> Iterator[tuple[list[Any], dict[str, list[Any]]]]:
    """Each sentence's tokens, lemmatised, and each token's children in the syntax tree."""
    for sentence in doc.sents or []:
        tokens = sentence.tokens
        for token in tokens:
            token.lemmatize(morph_vocab)
        yield tokens, children_of(tokens)


# Gatherings a body holds as its own: «съезд ФНКА», «заседание клуба», «юбилей центра»
_OWN_GATHERINGS = frozenset(
    "съезд заседание собрание конференция форум конгресс курултай пленум сессия слёт слет "
    "юбилей годовщина фестиваль".split()
)
# Verbs a body celebrates its own anniversary with: «центр отметил 20-летний юбилей»
_CELEBRATING = frozenset({"отметить", "отмечать", "отпраздновать", "праздновать"})


def _gathering(token: Any) -> bool:
    return token.lemma in _OWN_GATHERINGS or names_an_anniversary(token.text)


def _owners(tokens: list[Any], children: dict[str, list[Any]]) -> list[Any]:
    """The bodies whose own gathering the event was: named in the genitive right after it
    («на съезде ФНКА казахов России», «в рамках заседания Каспийского экспертного клуба»,
    «юбилей общества «Лад»»), or celebrating their own anniversary («центр «Славяне»
    отметил 20-летний юбилей»). A gathering «к» or «в честь» an anniversary is for it: the
    body whose anniversary it is did not hold it by that."""
    by_id = {t.id: t for t in tokens}
    found = []
    for event in (t for t in tokens if t.pos == "NOUN" and _gathering(t)):
        above = by_id.get(event.head_id)
        # the gathering the sentence tells of: its subject («прошёл съезд …»), where it took
        # place («на съезде …»), what framed it («в рамках заседания …») — not one talked of
        # («обсудили решения съезда …»), nor one an anniversary is the occasion of
        told = (
            (event.rel in ("nsubj", "nsubj:pass") and above is not None and above.pos == "VERB")
            or (event.rel == "obl" and _has_case(event, children, "на", "в", "во"))
            or (above is not None and above.lemma == "рамка")
        )
        if not told:
            continue
        found += [
            c
            for c in children.get(event.id, [])
            if c.rel == "nmod"
            # (an abbreviation, «съезде ФНКА», the tagger may give any case)
            and (c.feats.get("Case") == "Gen" or c.text.isupper())
            and not _has_case(c, children)
            and _a_body(c)
        ]
    for verb in (t for t in tokens if t.lemma in _CELEBRATING and t.pos == "VERB"):
        below = children.get(verb.id, [])
        if any(c.rel == "obj" and _gathering(c) for c in below):
            found += [c for c in below if c.rel == "nsubj" and _a_body(c)]
    return found


def _named_organizers(tokens: list[Any], children: dict[str, list[Any]]) -> list[Any]:
    """The bodies a sentence calls the organizers: «Организаторы – Фонд …» (in apposition),
    «Фонд – организатор форума» (its subject), «Организатором выступил Дом дружбы»,
    «Организаторами стали …» (the subject of the verb the word completes)."""
    by_id = {t.id: t for t in tokens}
    found = []
    for word in (t for t in tokens if t.lemma in _ORGANIZER):
        below = children.get(word.id, [])
        found += [c for c in below if c.rel in ("appos", "nsubj")]
        # «Организаторы – Фонд …» the parser may not join: the noun after the dash or colon
        after = [t for t in tokens[tokens.index(word) + 1 :] if t.head_id != word.id]
        if len(after) > 1 and after[0].text in ("–", "—", "-", ":") and after[1] not in found:
            found.append(after[1])
        verb = by_id.get(word.head_id)
        if word.rel in ("obl", "xcomp") and verb is not None and verb.lemma in _LINKING:
            found += [c for c in children.get(verb.id, []) if c.rel == "nsubj"]
    return [t for t in found if _a_body(t)]


def _inviters(tokens: list[Any], children: dict[str, list[Any]]) -> list[Any]:
    """The bodies that invited the guests: the subject of «пригласить» («Фонд пригласил …»),
    the agent of its passive («… был приглашён посольством …»). A person who invited is a
    person: the body he works for is not said to have; a body that invited to an event named
    after the verb may have invited to another one."""
    found = []
    for verb in (t for t in tokens if t.lemma == "пригласить"):
        passive = verb.pos != "VERB" or verb.feats.get("Voice") == "Pass"
        below = children.get(verb.id, [])
        after = tokens[tokens.index(verb) + 1 :]
        elsewhere = any(
            refers_to_an_event(t.lemma) and _has_case(t, children, "на", "в") for t in after
        )
        if not passive and elsewhere:
            continue  # «фонд пригласил всех на летний фестиваль»: to another event, maybe
        for child in below:
            agent = (
                child.rel == "obl:agent" or _by_instrumental(child, children)
                if passive
                else child.rel == "nsubj"
            )
            if agent and _a_body(child):
                found.append(child)
    return found


# Clauses inside a subject's phrase that tell of something else («Общество, созданное при
# Доме дружбы, провело …»): whatever they name did not hold the event
_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "parataxis"})


def _up_to_the_verb(subject: Any, tokens: list[Any], children: dict[str, list[Any]]) -> list[range]:
    """Where the subject of a verb of holding is written, when it comes first, up to that verb:
    a long list of bodies («Ассамблея …, Управление … совместно с филиалом …, Союзом казаков …
    стали организаторами») the parser hangs in pieces from wherever it likes, not from each
    other. The clauses inside it are left out."""
    verb = next((t for t in tokens if t.id == subject.head_id), None)
    if subject.rel != "nsubj" or verb is None or subject.start > verb.start:
        return []
    start = _extent(subject, children, True).start
    between = [t for t in tokens if start <= t.start < verb.start]
    # nor does a person named in it, with their title («вместе с директором школы …»)
    left_out = [
        _extent(t, children)
        for t in between
        if t.rel in _CLAUSES or (t.pos in ("NOUN", "PROPN") and not _a_body(t))
    ]
    runs: list[range] = []
    for token in between:
        if any(token.start in clause for clause in left_out):
            continue
        if runs and runs[-1].stop >= token.start - 1:
            runs[-1] = range(runs[-1].start, token.stop)
        else:
            runs.append(range(token.start, token.stop))
    return runs


def held_and_supported(doc: Any, morph_vocab: Any) -> tuple[list[range], list[range]]:
    """Character ranges of `doc` (a Natasha Doc with syntax) that name those who held the
    event, and those who supported it."""
    held: list[range] = []
    supported: list[range] = []
    event_before = False
    for tokens, children in _sentences(doc, morph_vocab):
        holders = _holders(tokens, children, event_before)
        held += [_extent(h, children) for h in holders]
        event_before = any(
            t.rel in ("nsubj", "obj", "nsubj:pass") and refers_to_an_event(t.lemma) for t in tokens
        )
        named = _named_organizers(tokens, children)
        held += [_extent(h, children, True) for h in named]
        for subject in holders + named:
            held += _up_to_the_verb(subject, tokens, children)
        held += [_extent(h, children, True) for h in _owners(tokens, children)]
        held += [_extent(h, children, True) for h in _inviters(tokens, children)]
        for phrase in tokens:
            if any(
                phrase.lemma == lemma and _has_case(phrase, children, case)
                for case, lemma in _HOSTED_BY
            ):
                held += [
                    _extent(c, children)
                    for c in children.get(phrase.id, [])
                    if c.rel == "nmod" and "anim" not in tags_of(c.text)[0]
                ]
        for support in (t for t in tokens if t.lemma in _SUPPORT):
            if _has_case(support, children, "при"):
                supported += [
                    _extent(c, children) for c in children.get(support.id, []) if c.rel == "nmod"
                ]
    return held, supported


def opened_by(doc: Any, morph_vocab: Any) -> list[range]:
    """Character ranges of `doc` naming the one person who opened the event: the subject of
    «открыть» whose object is an event («Форум открыл председатель общества …»), alone — of
    two who opened it together, neither is the host for sure."""
    found: list[range] = []
    for tokens, children in _sentences(doc, morph_vocab):
        for verb in (t for t in tokens if t.lemma == "открыть" and t.pos == "VERB"):
            below = children.get(verb.id, [])
            if not any(c.rel == "obj" and refers_to_an_event(c.lemma) for c in below):
                continue
            subjects = [c for c in below if c.rel == "nsubj"]
            if len(subjects) != 1 or any(c.rel == "conj" for c in children.get(subjects[0].id, [])):
                continue
            found.append(_extent(subjects[0], children))
    return found
