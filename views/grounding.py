"""What the bot says when a question names something the materials do not hold, or asks for
a combination no stored fact satisfies — instead of a wider answer."""

from __future__ import annotations

from collections.abc import Sequence

from db.kinds import EntityKind
from facts.entities import Event
from views.html import Html, Lines, b, html, join
from views.i18n import _
from views.labels import date_text, event_line


def nothing_about(
    words: Sequence[str], *, suggestions: bool, known: bool = False, denied: bool = False
) -> Html:
    """«В материалах ничего нет о «Караганде».» — the words as they were typed; with `known`,
    followed by what the materials hold on the rest of the question; with `denied` too, a
    yes/no question's «нет» (no stored fact holds what it claims)."""
    named = join("», «", (b(w) for w in words))  # «Ерлан Карин», «Омске»
    if known and denied:
        return html(
            _(
                "Нет: в материалах ничего нет о «{}». Вот что в них есть об остальном, что вы "
                "назвали:"
            ),
            named,
        )
    if known:
        return html(
            _("В материалах ничего нет о «{}». Вот что в них есть об остальном, что вы назвали:"),
            named,
        )
    if suggestions:
        return html(
            _("В материалах ничего нет о «{}». Возможно, вы имели в виду одно из этого:"), named
        )
    return html(
        _(
            "В материалах ничего нет о «{}»: я знаю только о событиях, спикерах, организациях "
            "и городах российско-казахстанского гражданского сотрудничества — см. /help."
        ),
        named,
    )


def joined_not_held(place: str) -> Html:
    """The event a question places in a city was not held there: the city joined it."""
    return html(
        _("ℹ️ {} — не место проведения, а один из городов, участвовавших в событии."), b(place)
    )


def constraint_text(kind: EntityKind | None, label: str, dates: object | None) -> Html:
    if kind is None and dates is not None:
        if dates.year is not None and dates.month is None and dates.until_year is None:  # type: ignore[attr-defined]
            return html(_("{} год"), dates.year)  # type: ignore[attr-defined]
        return html("{}", date_text(dates).rstrip("."))  # type: ignore[arg-type]  # ends a sentence
    return html("{}", b(label))


def nothing_fits(
    constraints: Sequence[Html], events: Sequence[Event], *, yes_no: bool, listed: bool = True
) -> Html:
    """No stored event satisfies every constraint of the question: say so, and which events
    the rest of the question names (their dates and places answer «Форум FROM KZ прошёл в
    2021 году?»); when that rest is only a kind of event (not `listed`: «форум в Семее»), how
    many fit it — the answer's buttons open them, a list would read as the answer."""
    wanted = join(", ", constraints)
    lead = (
        _("Нет, в материалах нет такого события с условием: {}.")
        if yes_no
        else _("В материалах нет такого события с условием: {}.")
    )
    out = Lines().add(html(lead, wanted))
    if events and listed:
        out.blank().add(_("Под остальные слова вопроса подходят:"))
        out.add(*(html("• {}", event_line(e)) for e in events))
    elif events:
        out.blank().add(
            _(
                "Под остальные слова вопроса подходят другие события ({}) — они на кнопках ниже."
            ).format(len(events))
        )
    return out.text()
