"""Safe HTML by construction, and splitting text within Telegram's message limit.

`Html` marks text that is already markup. Everything else that passes through `html()`,
`Lines` or the tag helpers is escaped, so content and user input can never inject markup:
a view that forgets to escape gets escaped text, not broken HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from html import escape, unescape

MESSAGE_LIMIT = 4096


class Html(str):
    """Text that is valid Telegram HTML as it stands."""

    __slots__ = ()


def esc(value: object) -> Html:
    """`value` as markup: Html stays as it is, anything else is escaped."""
    if isinstance(value, Html):
        return value
    return Html(escape(str(value)))


def html(template: str, *args: object) -> Html:
    """Fill `{}` in a trusted template (markup of the view itself) with escaped values."""
    return Html(template.format(*(esc(a) for a in args)))


def b(value: object) -> Html:
    return html("<b>{}</b>", value)


def i(value: object) -> Html:
    return html("<i>{}</i>", value)


def code(value: object) -> Html:
    return html("<code>{}</code>", value)


def join(separator: str, items: Iterable[object]) -> Html:
    """Items joined by a plain separator, each escaped unless it is Html already."""
    return Html(escape(separator).join(esc(item) for item in items))


class Lines(list[Html]):
    """A message built line by line; `text()` joins the lines."""

    def add(self, *lines: object) -> Lines:
        self.extend(esc(line) for line in lines)
        return self

    def blank(self) -> Lines:
        self.append(Html(""))
        return self

    def section(self, heading: object, lines: Iterable[object]) -> Lines:
        """A blank line, a bold heading and its lines."""
        return self.blank().add(b(heading), *lines)

    def text(self) -> Html:
        return Html("\n".join(self))


def quote(text: str, limit: int = 100) -> Html:
    """What a user typed, safe to show back: control characters dropped, cut, escaped."""
    clean = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    clean = " ".join(clean.split())
    return esc(clean[:limit] + ("…" if len(clean) > limit else ""))


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split at line breaks so that no part exceeds Telegram's limit.

    Views close every tag on the line that opens it, so a split between lines never cuts a
    tag. A single over-long line is cut on a space as a last resort.
    """
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts or [""]


def html_to_title(text: str, limit: int = 100) -> str:
    """The first line of a message without its markup: a title for an inline result."""
    first = re.sub(r"<[^>]+>", "", text.split("\n", 1)[0])
    return unescape(first).strip()[:limit]
