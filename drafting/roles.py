"""Which organizations an article says held the event and which supported it, read from the
syntax tree of each sentence: who «организовал» or «провёл» it (the subject of the verb, the
agent of «организованный …», and those «совместно с» them), and who it was held «при
поддержке» or «при содействии» of.
"""

from __future__ import annotations

from typing import Any

from drafting.event import names_an_event

# Verbs whose subject (or agent, in the passive) held the event
_HOLDING = frozenset({"организовать", "организовывать", "провести", "проводить", "устроить"})
# «провести» holds many things («провёл экскурсию»): only an event, or the event named before
_ANY_OBJECT = frozenset({"организовать", "организовывать"})
_PRONOUNS = frozenset({"он", "она", "оно", "они"})
_SUPPORT = frozenset({"поддержка", "содействие"})


def _extent(root: Any, children: dict[str, list[Any]]) -> range:
    """Where the phrase headed by `root` is written, its quotes included."""
    inside, todo = [root], [root]
    while todo:
        for child in children.get(todo.pop().id, []):
            if child.rel != "punct" or child.text in '«»"':
                inside.append(child)
                todo.append(child)
    return range(min(t.start for t in inside), max(t.stop for t in inside))


def _has_case(token: Any, children: dict[str, list[Any]], *words: str) -> bool:
    """Whether a preposition hangs from `token` (one of `words`, or any)."""
    return any(
        c.rel == "case" and (not words or c.text.casefold() in words)
        for c in children.get(token.id, [])
    )


def _holders(tokens: list[Any], children: dict[str, list[Any]]) -> list[Any]:
    """The heads of the phrases naming who held what a sentence's verbs of holding tell."""
    holders = []
    for verb in (t for t in tokens if t.lemma in _HOLDING):
        below = children.get(verb.id, [])
        passive = verb.pos != "VERB" or verb.feats.get("Voice") == "Pass"
        if (
            verb.lemma not in _ANY_OBJECT
            and not passive
            and not any(
                names_an_event(c.lemma) or c.lemma in _PRONOUNS for c in below if c.rel == "obj"
            )
        ):
            continue
        for child in below:
            agent = child.rel in ("nsubj", "obl:agent") or (
                child.rel == "obl"
                and child.feats.get("Case") == "Ins"
                and not _has_case(child, children)
            )
            if agent and child.pos in ("NOUN", "PROPN"):
                holders.append(child)
    if holders:  # «… совместно с Ассоциацией …»: held together with them
        for together in (t for t in tokens if t.lemma == "совместно"):
            holders += [c for c in children.get(together.id, []) if _has_case(c, children, "с")]
    return holders


def held_and_supported(doc: Any, morph_vocab: Any) -> tuple[list[range], list[range]]:
    """Character ranges of `doc` (a Natasha Doc with syntax) that name those who held the
    event, and those who supported it."""
    held: list[range] = []
    supported: list[range] = []
    for sentence in doc.sents:
        tokens = sentence.tokens
        for token in tokens:
            token.lemmatize(morph_vocab)
        children: dict[str, list[Any]] = {}
        for token in tokens:
            children.setdefault(token.head_id, []).append(token)
        held += [_extent(h, children) for h in _holders(tokens, children)]
        for support in (t for t in tokens if t.lemma in _SUPPORT):
            if _has_case(support, children, "при"):
                supported += [
                    _extent(c, children) for c in children.get(support.id, []) if c.rel == "nmod"
                ]
    return held, supported
