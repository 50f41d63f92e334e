"""Search results, «did you mean …?», «which one?» and «nothing found»."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from db.dates import PartialDate
from db.kinds import EntityKind
from search.index import Hit
from views.common import WHAT_I_KNOW
from views.html import Html, Lines, html, i, quote
from views.i18n import N_, _
from views.keyboards import MAX_CARD_BUTTONS
from views.labels import and_more, date_text, kind_name, kind_plural


def hit_line(hit: Hit, dated: Mapping[str, PartialDate] | None = None) -> Html:
    """«📅 Встреча в Оренбурге (событие, 5 сентября 2026 г.)»: an event with its date, when
    `dated` gives it."""
    what = kind_name(hit.kind)
    if dated and hit.id in dated and hit.kind is EntityKind.EVENT:
        what = f"{what}, {date_text(dated[hit.id])}"
    return html("{} {} {}", hit.kind.icon, hit.label, i(f"({what})"))


def _numbered(
    hits: Sequence[Hit], start: int = 0, dated: Mapping[str, PartialDate] | None = None
) -> list[Html]:
    return [html("{}. {}", start + n, hit_line(h, dated)) for n, h in enumerate(hits, 1)]


def did_you_mean(
    query: str, hits: Sequence[Hit], dated: Mapping[str, PartialDate] | None = None
) -> Html:
    """Nothing matched as typed; these match once a letter or two is corrected."""
    out = Lines().add(
        html(_("🤔 Точных совпадений с «{}» нет. Возможно, вы имели в виду:"), quote(query))
    )
    return out.blank().add(*_numbered(hits, 0, dated)).blank().add(_(PRESS_A_BUTTON)).text()


def which_one(
    query: str, hits: Sequence[Hit], dated: Mapping[str, PartialDate] | None = None
) -> Html:
    """Several entities fit what was typed equally well: those the keyboard has buttons for,
    and how many more (a common surname fits hundreds of people at scale)."""
    shown = hits[:MAX_CARD_BUTTONS]
    out = Lines().add(
        html(_("По запросу «{}» подходит несколько вариантов — выберите:"), quote(query))
    )
    out.blank().add(*(html("• {}", hit_line(h, dated)) for h in shown))
    if len(hits) > len(shown):
        out.add(and_more(len(hits) - len(shown))).blank().add(_(NARROW_DOWN))
    return out.text()


NARROW_DOWN = N_("Чтобы сузить выбор, уточните запрос: добавьте имя, город или организацию.")


PRESS_A_BUTTON = N_("Нажмите кнопку, чтобы открыть карточку.")


def search_text(
    query: str, hits: Sequence[Hit], *, page: int = 0, pages: int = 1, start: int = 0
) -> Html:
    if not hits:
        return nothing_found(query)
    if any(h.fuzzy for h in hits):
        return did_you_mean(query, hits)
    where = _(" (стр. {} из {})").format(page + 1, pages) if pages > 1 else ""
    out = Lines().add(html(_("🔎 По запросу «{}» найдено{}:"), quote(query), where)).blank()
    return out.add(*_numbered(hits, start)).blank().add(_(PRESS_A_BUTTON)).text()


def nothing_found(query: str, kind: EntityKind | None = None, what: str | None = None) -> Html:
    """Nothing of `kind` (or nothing at all) matches; hints at what can be asked."""
    what = what or (kind_plural(kind) if kind is not None else _("ничего"))
    return html(
        _(
            "По запросу «{0}» {1} не найдено.\n"
            "Попробуйте фамилию («Нургазиева»), организацию («ГАК»), город («Астана») "
            "или откройте /events, /speakers, /orgs."
        ),
        quote(query),
        what,
    )


def no_answer_found(query: str) -> Html:
    """A plain question that matched nothing at all."""
    return html("{}\n\n{}", nothing_found(query, what=_("ответа")), _(WHAT_I_KNOW))


def search_usage() -> Html:
    return Html(_("Напишите, что искать, например: <code>/search экология</code>."))
