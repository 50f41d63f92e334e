"""Inline keyboards: the start menu, buttons that open cards, and paging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from db.kinds import EntityKind
from db.models import ContentLoad
from facts.entities import Event
from search.index import Hit
from views.callbacks import (
    BroadcastChoice,
    CalendarFile,
    Card,
    DraftArticle,
    EventsPage,
    ListPage,
    Menu,
    MenuAction,
    Partners,
    RollbackTo,
    SearchPage,
    SetLanguage,
    SubscribeTo,
    SubscriptionsPage,
    Unsubscribe,
    UpcomingPage,
    card_query,
)
from views.common import MENU_LABELS
from views.i18n import Language, _
from views.site import public_page

MAX_BUTTON_TEXT = 60
MAX_CARD_BUTTONS = 40

# One button that opens a card: what it opens and what it says (without the icon).
CardButton = tuple[EntityKind, str, str]


def _short(text: str) -> str:
    return text if len(text) <= MAX_BUTTON_TEXT else text[: MAX_BUTTON_TEXT - 1] + "…"


def main_menu() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for action in MenuAction:
        kb.button(text=_(MENU_LABELS[action]), callback_data=Menu(action=action))
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
    actions: Sequence[InlineKeyboardButton] = (),
    limit: int = MAX_CARD_BUTTONS,
) -> InlineKeyboardMarkup | None:
    """One button per (kind, id, label), de-duplicated, one per row, icon added; then the
    `extra` row and the card's `actions` row."""
    rows: list[list[InlineKeyboardButton]] = []
    seen: set[tuple[EntityKind, str]] = set()
    for kind, entity_id, label in buttons:
        if (kind, entity_id) in seen or len(rows) >= limit:
            continue
        seen.add((kind, entity_id))
        rows.append([card_button(kind, entity_id, label)])
    if extra:
        rows.append(list(extra))
    # a phone shows three buttons side by side at most
    rows += [list(actions[k : k + 3]) for k in range(0, len(actions), 3)]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def event_buttons(events: Iterable[Event]) -> list[CardButton]:
    return [(EntityKind.EVENT, e.id, e.display_title) for e in events]


def hit_buttons(hits: Iterable[Hit]) -> list[CardButton]:
    return [(h.kind, h.id, h.label) for h in hits]


def hits_keyboard(hits: Sequence[Hit]) -> InlineKeyboardMarkup | None:
    return cards(hit_buttons(hits))


def pager(
    page: int,
    pages: int,
    *,
    search_key: str | None = None,
    upcoming: bool = False,
    listing: tuple[str, str] | None = None,
    subscriptions: bool = False,
) -> list[InlineKeyboardButton]:
    """«back» and «more» buttons of a paged list: the events (newer / older), the upcoming
    events, a list of everything (`listing`: its name and country), the user's subscriptions,
    or the results of the search remembered under `search_key`."""
    nav = []
    key = search_key
    if listing is not None:
        labels = (_("◀️ Назад"), _("Ещё ▶️"))
        name, country = listing

        def data(p: int) -> str:
            return ListPage(list=name, page=p, country=country).pack()
    elif upcoming:
        labels = (_("◀️ Назад"), _("Ещё ▶️"))

        def data(p: int) -> str:
            return UpcomingPage(page=p).pack()
    elif subscriptions:
        labels = (_("◀️ Назад"), _("Ещё ▶️"))

        def data(p: int) -> str:
            return SubscriptionsPage(page=p).pack()
    elif key is None:
        labels = (_("◀️ Новее"), _("Старее ▶️"))

        def data(p: int) -> str:
            return EventsPage(page=p).pack()
    else:
        labels = (_("◀️ Назад"), _("Ещё ▶️"))

        def data(p: int) -> str:
            return SearchPage(key=key, page=p).pack()

    if page > 0:
        nav.append(InlineKeyboardButton(text=labels[0], callback_data=data(page - 1)))
    if page < pages - 1:
        nav.append(InlineKeyboardButton(text=labels[1], callback_data=data(page + 1)))
    return nav


def back_to_events() -> InlineKeyboardButton:
    return InlineKeyboardButton(text=_("📅 Все события"), callback_data=EventsPage(page=0).pack())


def more_about_event(event: Event) -> InlineKeyboardMarkup | None:
    return cards([(EntityKind.EVENT, event.id, _("Подробнее о событии"))])


def versions_keyboard(versions: Sequence[ContentLoad]) -> InlineKeyboardMarkup | None:
    """One «restore» button per kept version older than the current one."""
    kb = InlineKeyboardBuilder()
    for load in versions[1:]:
        kb.button(
            text=_("↩️ №{} от {}").format(load.id, f"{load.loaded_at:%d.%m.%Y %H:%M}"),
            callback_data=RollbackTo(version=load.id),
        )
    kb.adjust(1)
    return kb.as_markup() if len(versions) > 1 else None


def languages_keyboard(current: Language) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for lang in Language:
        mark = "✅ " if lang is current else ""
        kb.button(text=mark + lang.label, callback_data=SetLanguage(language=lang))
    kb.adjust(3)
    return kb.as_markup()


def card_actions(
    kind: EntityKind, entity_id: str, *, calendar: bool = False, subscribe: bool = False
) -> list[InlineKeyboardButton]:
    """The row under a card: share it in another chat (inline mode), for an event with a
    known day its calendar file, for what can be followed a subscription, and its page on
    the web when the catalogue is on."""
    row = [
        InlineKeyboardButton(
            text=_("📤 Поделиться"), switch_inline_query=card_query(kind, entity_id)
        )
    ]
    if subscribe:
        row.append(
            InlineKeyboardButton(
                text=_("🔔 Подписаться"),
                callback_data=SubscribeTo(kind=kind.code, id=entity_id).pack(),
            )
        )
    if calendar:
        row.append(
            InlineKeyboardButton(
                text=_("📅 В календарь"), callback_data=CalendarFile(id=entity_id).pack()
            )
        )
    if kind in (EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.PLACE):
        row.append(
            InlineKeyboardButton(
                text=_("🤝 Партнёры"), callback_data=Partners(kind=kind, id=entity_id).pack()
            )
        )
    page = public_page(kind, entity_id)
    if page is not None:
        row.append(InlineKeyboardButton(text=_("🌐 На сайте"), url=page))
    return row


def partners_buttons(
    kind: EntityKind, entity_id: str, partners: Iterable[CardButton]
) -> InlineKeyboardMarkup | None:
    """Under a list of partners: each partner's card, and the network drawn."""
    picture = InlineKeyboardButton(
        text=_("🖼 Схема сети"),
        callback_data=Partners(kind=kind, id=entity_id, picture=True).pack(),
    )
    return cards(partners, actions=[picture])


def open_in_bot(url: str) -> InlineKeyboardMarkup:
    """Under a card shared in another chat: open it in the bot (a deep link)."""
    button = InlineKeyboardButton(text=_("🤖 Открыть в боте"), url=url)
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def subscribe_all() -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=_("🔔 Все события"), callback_data=SubscribeTo(kind="all").pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


MAX_CHOICES = 10  # subjects offered at once: a vaguer word gets the best of them


def subscribe_choices(hits: Sequence[Hit]) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                text=_short(f"🔔 {h.kind.icon} {h.label}"),
                callback_data=SubscribeTo(kind=h.kind.code, id=h.id).pack(),
            )
        ]
        for h in hits[:MAX_CHOICES]
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def unsubscribe_buttons(
    items: Sequence[tuple[int, str]], total: int, page: int = 0, pages: int = 1
) -> InlineKeyboardMarkup | None:
    """A «cancel» button per subscription shown (id, label), the pages of the others, and
    one for all `total` of them."""
    if not items:
        return None
    rows = [
        [InlineKeyboardButton(text=_short(f"✖️ {label}"), callback_data=Unsubscribe(id=i).pack())]
        for i, label in items
    ]
    if nav := pager(page, pages, subscriptions=True):
        rows.append(nav)
    if total > 1:
        everything = Unsubscribe(id=0).pack()
        rows.append(
            [InlineKeyboardButton(text=_("✖️ Отписаться от всего"), callback_data=everything)]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def broadcast_buttons(broadcast_id: int, count: int) -> InlineKeyboardMarkup:
    send = BroadcastChoice(id=broadcast_id, send=True).pack()
    cancel = BroadcastChoice(id=broadcast_id, send=False).pack()
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text=_("📣 Отправить ({})").format(count), callback_data=send),
                InlineKeyboardButton(text=_("✖️ Отмена"), callback_data=cancel),
            ]
        ]
    )


def draft_offer_buttons() -> InlineKeyboardMarkup:
    go = DraftArticle(go=True).pack()
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=_("📝 Сделать черновик"), callback_data=go)]]
    )
