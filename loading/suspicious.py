"""Warnings about content that is valid but suspicious: what a draft typically leaves behind
and a reviewer should look at. They never stop a load; `check` lists them with file:line.

- a quoted article sentence («…» in a comment) still present (a TODO is an error: see
  `loading/files.py`);
- a first name that is a place («Нур-Султан»), an organization named like a person;
- a position title in an oblique case («заместителем председателя»);
- an event without aliases whose generic name («круглый стол») it shares with another event,
  so that plain questions cannot tell them apart by name.
"""

from __future__ import annotations

import re
from collections import Counter

from loading.files import Content, ContentError
from search.textnorm import _analyzer

_QUOTED_SENTENCE = re.compile(r"^\s*#\s*«")


# A warning has the shape of an error (file, line, message); only what `check` does differs.
ContentWarning = ContentError


def _best(word: str) -> set[str]:
    parses = _analyzer().parse(word)
    return set(parses[0].tag.grammemes) if parses else set()


def _locate(files: dict[str, str], value: str) -> tuple[str, int | None]:
    """The file and line where `value` is written first."""
    for name, text in files.items():
        for number, line in enumerate(text.splitlines(), 1):
            if value in line:
                return name, number
    return next(iter(files), "?"), None


def content_warnings(content: Content, root: str = "content") -> list[ContentWarning]:
    files = {
        f"{root}/{path}": data.decode("utf-8", errors="replace")
        for path, data in content.files.items()
    }
    found: list[ContentWarning] = []
    for name, text in files.items():
        for number, line in enumerate(text.splitlines(), 1):
            if _QUOTED_SENTENCE.match(line):
                found.append(
                    ContentWarning(
                        name, number, "здесь осталась цитата из статьи — перескажите своими словами"
                    )
                )
    places = {p.name.casefold() for p in content.places}
    for person in content.people:
        first = person.first_name
        if first.casefold() in places or "Geox" in _best(first):
            found.append(
                ContentWarning(
                    *_locate(files, f"first_name: {first}"),
                    f"человек {person.id}: имя «{first}» похоже на название места",
                )
            )
    for org in content.organizations:
        words = org.name.split()
        if 2 <= len(words) <= 3 and all({"Name", "Surn", "Patr"} & _best(w) for w in words):
            found.append(
                ContentWarning(
                    *_locate(files, org.name),
                    f"организация {org.id}: «{org.name}» похожа на имя человека",
                )
            )
    for event in content.events:
        for part in event.participants:
            for pos in part.positions:
                head = pos.title.split()[0]
                grammemes = _best(head)
                if "NOUN" in grammemes and not {"nomn", "Fixd"} & grammemes:
                    found.append(
                        ContentWarning(
                            *_locate(files, pos.title),
                            f"событие {event.id}: должность «{pos.title}» не в именительном падеже",
                        )
                    )
    kinds = Counter(e.kind for e in content.events)
    for event in content.events:
        if not event.aliases and kinds[event.kind] > 1 and event.kind != "other":
            found.append(
                ContentWarning(
                    *_locate(files, f"id: {event.id}"),
                    f"событие {event.id}: нет aliases, а других событий вида {event.kind}: "
                    f"{kinds[event.kind] - 1}",
                )
            )
    return found
