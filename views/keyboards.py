"""Inline keyboards: the start menu, buttons that open cards, and paging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from db.kinds import EntityKind
from db.models import ContentLoad, Event
from db.search import Hit
from views.callbacks import Card, EventsPage, Menu, MenuAction, RollbackTo, SearchPage
from views.common import MENU_LABELS

MAX_BUTTON_TEXT = 60
MAX_CARD_BUTTONS = 40

# One button that opens a card: what it opens and what it says (without the icon).
CardButton = tuple[EntityKind, str, str]


def _short(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_TEXT else text[: MAX_BUTTON_TEXT - 1] + "…"


def main_menu() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for action in MenuAction:
        kb.button(text=MENU_LABELS[action], callback_data=Menu(action=action))
    kb.adjust(2)
    return kb.as_markup()


def card_button(kind: EntityKind, entity_id: str, label: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=_short(f"{kind.icon} {label}"), callback_data=Card(kind=kind, id=entity_id).pack()
    )


def cards(
    buttons: Iterable[CardButton],
    *,
    extra: Sequence[InlineKeyboardButton] = (),
    limit: int = MAX_CARD_BUTTONS,
) -> InlineKeyboardMarkup | None:
    """One button per (kind, id, label), de-duplicated, one per row, icon added."""
    rows: list[list[InlineKeyboardButton]] = []
    seen: set[tuple[EntityKind, str]] = set()
    for kind, entity_id, label in buttons:
        if (kind, entity_id) in seen or len(rows) >= limit:
            continue
        seen.add((kind, entity_id))
        rows.append([card_button(kind, entity_id, label)])
    if extra:
        rows.append(list(extra))
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def event_buttons(events: Iterable[Event]) -> list[CardButton]:
    return [(EntityKind.EVENT, e.id, e.display_title) for e in events]


def hit_buttons(hits: Iterable[Hit]) -> list[CardButton]:
    return [(h.kind, h.id, h.label) for h in hits]


def hits_keyboard(hits: Sequence[Hit]) -> InlineKeyboardMarkup | None:
    return cards(hit_buttons(hits))


def pager(page: int, pages: int, *, search_key: str | None = None) -> list[InlineKeyboardButton]:
    """«back» and «more» buttons of a paged list: the events (newer / older), or the results
    of the search remembered under `search_key`."""
    nav = []
    key = search_key
    if key is None:
        labels = ("◀️ Новее", "Старее ▶️")

        def data(p: int) -> str:
            return EventsPage(page=p).pack()
    else:
        labels = ("◀️ Назад", "Ещё ▶️")

        def data(p: int) -> str:
            return SearchPage(key=key, page=p).pack()

    if page > 0:
        nav.append(InlineKeyboardButton(text=labels[0], callback_data=data(page - 1)))
    if page < pages - 1:
        nav.append(InlineKeyboardButton(text=labels[1], callback_data=data(page + 1)))
    return nav


def back_to_events() -> InlineKeyboardButton:
    return InlineKeyboardButton(text="📅 Все события", callback_data=EventsPage(page=0).pack())


def more_about_event(event: Event) -> InlineKeyboardMarkup | None:
    return cards([(EntityKind.EVENT, event.id, "Подробнее о событии")])


def versions_keyboard(versions: Sequence[ContentLoad]) -> InlineKeyboardMarkup | None:
    """One «restore» button per kept version older than the current one."""
    kb = InlineKeyboardBuilder()
    for load in versions[1:]:
        kb.button(
            text=f"↩️ №{load.id} от {load.loaded_at:%d.%m.%Y %H:%M}",
            callback_data=RollbackTo(version=load.id),
        )
    kb.adjust(1)
    return kb.as_markup() if len(versions) > 1 else None
