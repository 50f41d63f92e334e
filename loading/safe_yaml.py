"""Reading a content file's YAML safely, fast, and with line numbers.

libyaml's C parser (PyYAML's `CSafeLoader`, the pure-Python parser where libyaml is missing)
produces the events; the tree is built here, so that every mapping and list remembers its
lines and every construct content never needs is refused with its line before it can cost
anything: anchors, aliases and merge keys (a few kilobytes can stand for millions of values),
explicit tags, keys that are lists or mappings, duplicate keys, nesting deeper than
`MAX_DEPTH`, more than `MAX_NODES` values, more than one document. Time and memory grow with
the file's size only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

MAX_DEPTH = 30  # levels of nesting; content needs six
MAX_NODES = 150_000  # values in one file; a 1 MB file of people holds ~130,000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class Refused(Exception):
    """A construct content files never need and that can make a tiny file cost a lot."""

    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


# Plain scalars that cannot be anything but text: most values of content (Cyrillic names,
# ids); the others go through PyYAML's own resolver and constructor (numbers, booleans, null,
# dates), so values mean exactly what they mean to PyYAML.
_SURELY_TEXT = re.compile(r"[^\W\d_ynoftYNOFT~]", re.UNICODE)
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@lru_cache(maxsize=4096)
def _plain(value: str) -> Any:
    tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
    return _constructor.construct_object(yaml.ScalarNode(tag, value), deep=True)


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if event.style is not None or not event.implicit[0]:  # quoted, or a block of text
        return value
    if value and _SURELY_TEXT.match(value) and value != "<<":
        return value
    return _plain(value)


_NO_KEY = object()


def load(text: str) -> Any:
    """The document in `text` as LineDict/LineList/scalars; raises Refused, DuplicateKey or
    yaml.YAMLError (with marks)."""
    root: Any = None
    documents = 0
    nodes = 0
    # Each open collection: [container, pending key, line of the pending key].
    stack: list[list[Any]] = []

    def place(value: Any, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, LineList):
            container.append(value)
            container.item_lines.append(line)
        elif frame[1] is _NO_KEY:
            if isinstance(value, LineDict | LineList):
                raise Refused(line, "ключ должен быть словом, а не списком или набором полей")
            if value == "<<":
                raise Refused(line, "ключи слияния (<<) в файлах материалов не допускаются")
            if value in container.key_lines:
                raise DuplicateKey(value, line, container.key_lines[value])
            frame[1], frame[2] = value, line
        else:
            container[frame[1]] = value
            container.key_lines[frame[1]] = frame[2]
            frame[1] = _NO_KEY

    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is yaml.StreamStartEvent or kind is yaml.StreamEndEvent:
            continue
        line = event.start_mark.line + 1
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Refused(line, "в файле больше одного документа YAML (---)")
            continue
        if kind is yaml.DocumentEndEvent:
            continue
        if kind is yaml.AliasEvent:
            raise Refused(line, "ссылки (*имя) в файлах материалов не допускаются")
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            container = stack.pop()[0]
            place(container, container.line)
            continue
        if event.anchor:
            raise Refused(line, "якоря (&имя) в файлах материалов не допускаются")
        if event.tag is not None and not (
            event.implicit if kind is not yaml.ScalarEvent else any(event.implicit)
        ):
            raise Refused(line, "теги (!…) в файлах материалов не допускаются")
        nodes += 1
        if nodes > MAX_NODES:
            raise Refused(line, f"больше {MAX_NODES} значений в одном файле")
        if kind is yaml.ScalarEvent:
            place(_scalar(event), line)
            continue
        if len(stack) >= MAX_DEPTH:
            raise Refused(line, f"вложенность глубже {MAX_DEPTH} уровней")
        if kind is yaml.MappingStartEvent:
            mapping = LineDict()
            mapping.line, mapping.key_lines = line, {}
            if stack and not isinstance(stack[-1][0], LineList) and stack[-1][1] is _NO_KEY:
                raise Refused(line, "ключ должен быть словом, а не списком или набором полей")
            stack.append([mapping, _NO_KEY, 0])
        else:
            sequence = LineList()
            sequence.line, sequence.item_lines = line, []
            if stack and not isinstance(stack[-1][0], LineList) and stack[-1][1] is _NO_KEY:
                raise Refused(line, "ключ должен быть словом, а не списком или набором полей")
            stack.append([sequence, _NO_KEY, 0])
    return root
