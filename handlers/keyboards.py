"""Inline keyboards: the start menu, lists of cards and paging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from db.search import Hit
from handlers.callbacks import HIT_KINDS, Card, EventsPage, Menu
from handlers.presenters import KIND_ICONS

MAX_BUTTON_TEXT = 60


def _short(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_TEXT else text[: MAX_BUTTON_TEXT - 1] + "…"


def main_menu() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for text, action in (
        ("📅 События", "events"),
        ("🗓 Предстоящие", "upcoming"),
        ("🎤 Спикеры", "speakers"),
        ("🏛 Организации", "orgs"),
        ("🏙 Города", "cities"),
        ("❓ Помощь", "help"),
    ):
        kb.button(text=text, callback_data=Menu(action=action))
    kb.adjust(2)
    return kb.as_markup()


def card_button(kind: str, entity_id: str, text: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=_short(text), callback_data=Card(kind=kind, id=entity_id).pack()
    )


def cards(
    buttons: Iterable[tuple[str, str, str]],
    *,
    extra: Sequence[InlineKeyboardButton] = (),
    limit: int = 40,
) -> InlineKeyboardMarkup | None:
    """One button per (kind, id, text), de-duplicated, one per row."""
    rows: list[list[InlineKeyboardButton]] = []
    seen: set[tuple[str, str]] = set()
    for kind, entity_id, text in buttons:
        if (kind, entity_id) in seen or len(rows) >= limit:
            continue
        seen.add((kind, entity_id))
        rows.append([card_button(kind, entity_id, text)])
    if extra:
        rows.append(list(extra))
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def hits_keyboard(hits: Sequence[Hit]) -> InlineKeyboardMarkup | None:
    return cards(
        (HIT_KINDS[h.kind], h.id, f"{KIND_ICONS.get(h.kind, '')} {h.label}".strip()) for h in hits
    )


def events_page(
    event_buttons: Sequence[tuple[str, str]], page: int, pages: int
) -> InlineKeyboardMarkup:
    nav = []
    if page > 0:
        nav.append(
            InlineKeyboardButton(text="◀️ Новее", callback_data=EventsPage(page=page - 1).pack())
        )
    if page < pages - 1:
        nav.append(
            InlineKeyboardButton(text="Старее ▶️", callback_data=EventsPage(page=page + 1).pack())
        )
    markup = cards((("ev", event_id, title) for event_id, title in event_buttons), extra=nav)
    assert markup is not None
    return markup


def back_to_events() -> InlineKeyboardButton:
    return InlineKeyboardButton(text="📅 Все события", callback_data=EventsPage(page=0).pack())
