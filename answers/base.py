"""What every answer function returns, and the small helpers they share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from aiogram.types import InlineKeyboardMarkup

from views.html import Html

T = TypeVar("T")

# Search hits held by a remembered value per kilobyte it counts for (answers.memo).
HITS_PER_KB = 8

# What "today" is; injected so that tests can choose the date.
Today = Callable[[], date]


@dataclass(frozen=True, slots=True)
class Attachment:
    file_name: str
    data: bytes


@dataclass(slots=True)
class Answer:
    text: Html
    markup: InlineKeyboardMarkup | None = None
    alert: bool = False  # for a button press: show the text as an alert, send no message
    document: Attachment | None = None  # sent as a file, with `text` as its caption

    @property
    def memo_weight(self) -> int:
        """Its rough size in kilobytes, for answers.memo."""
        buttons = sum(len(row) for row in self.markup.inline_keyboard) if self.markup else 0
        return 1 + (2 * len(self.text) + 200 * buttons) // 1024


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # from 0
    count: int  # pages in all, at least 1
    start: int  # index of the first item shown


def paginate(items: Sequence[T], page: int, size: int) -> Page[T]:
    """The page `page` of `items` (clamped to the pages that exist)."""
    count = max(1, (len(items) + size - 1) // size)
    number = min(max(page, 0), count - 1)
    start = number * size
    return Page(items[start : start + size], number, count, start)
