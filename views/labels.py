"""The small pieces every view shares: dates, names of events, people, organizations and
places, countries, roles and statuses — so each looks the same in every answer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from db.dates import EARLIEST_YEAR, LATEST_YEAR, PartialDate
from db.kinds import EntityKind
from facts.entities import Event, Organization, Participation, Place, Work
from views.html import Html, b, esc, html, i, join
from views.i18n import N_, _, day_month_text, day_text, days_text, month_name, month_text

COUNTRIES = {"RU": N_("Россия"), "KZ": N_("Казахстан")}
FLAGS = {"RU": "🇷🇺", "KZ": "🇰🇿"}
EVENT_KINDS = {
    "round_table": N_("круглый стол"),
    "forum": N_("форум"),
    "meeting": N_("встреча"),
    "conference": N_("конференция"),
    "signing": N_("подписание документа"),
    "other": N_("событие"),
}
FORMATS = {
    "online": N_("онлайн"),
    "offline": N_("очно"),
    "hybrid": N_("очно и онлайн (гибридный формат)"),
}
ORG_ROLES = {
    "organizer": N_("организатор"),
    "participant": N_("участник"),
    "partner": N_("партнёр"),
    "mentioned": N_("упоминается"),
}
ORG_ROLE_HEADINGS = {
    "organizer": N_("Организаторы"),
    "participant": N_("Участвовали"),
    "partner": N_("Партнёры"),
    "mentioned": N_("Упоминаются"),
}
PERSON_ROLES = {
    "speaker": N_("выступление"),
    "moderator": N_("модератор"),
    "participant": N_("участник"),
    "mentioned": N_("упоминается"),
}
WORK_KINDS = {"project": N_("проект"), "publication": N_("издание"), "document": N_("документ")}
WORK_ROLES = {
    "presented": N_("презентация"),
    "mentioned": N_("упоминается"),
    "signed": N_("подписание"),
    "discussed": N_("обсуждение"),
}
RELATIONS = {
    "prepares": N_("готовил"),
    "continues": N_("продолжает"),
    "mentions": N_("упоминает"),
    "followed_by": N_("следом"),
}


KIND_NAMES = {
    EntityKind.EVENT: N_("событие"),
    EntityKind.PERSON: N_("человек"),
    EntityKind.ORGANIZATION: N_("организация"),
    EntityKind.PLACE: N_("город"),
    EntityKind.TOPIC: N_("тема"),
    EntityKind.WORK: N_("проект или документ"),
    EntityKind.SOURCE: N_("источник"),
}
KIND_PLURALS = {  # after «не найдено»: genitive plural in Russian
    EntityKind.EVENT: N_("событий"),
    EntityKind.PERSON: N_("людей"),
    EntityKind.ORGANIZATION: N_("организаций"),
    EntityKind.PLACE: N_("городов"),
    EntityKind.TOPIC: N_("тем"),
    EntityKind.WORK: N_("проектов и документов"),
    EntityKind.SOURCE: N_("источников"),
}


def kind_name(kind: EntityKind) -> str:
    return _(KIND_NAMES[kind])


def kind_plural(kind: EntityKind) -> str:
    return _(KIND_PLURALS[kind])


def label(table: dict[str, str], key: str) -> str:
    """A kind, role or status from one of the tables above, in the current language; an
    unknown key as it is."""
    return _(table[key]) if key in table else key


def country_label(code: str | None) -> str:
    """«Россия» for 'RU'; an unknown code as it is."""
    return label(COUNTRIES, code or "")


def country_name(code: str | None) -> Html:
    """The country with its flag: «🇰🇿 Казахстан»."""
    if not code:
        return Html("")
    return esc(f"{FLAGS.get(code, '')} {country_label(code)}".strip())


# --- Dates -------------------------------------------------------------------------------------


def date_text(d: PartialDate) -> str:
    """A date as far as it is known, in the current language (Babel's CLDR data)."""
    if d.year == EARLIEST_YEAR and d.until_year is not None:
        return _("до {} г.").format(d.until_year + 1)
    if d.year is not None and d.until_year == LATEST_YEAR:
        return _("с {} г.").format(d.year)
    if d.year is not None and d.until_year is not None:
        return _("{}–{} гг.").format(d.year, d.until_year)
    if d.until is not None and (span := d.period()) is not None:
        return days_text(*span)
    if d.month is not None and d.until_month is not None:
        months = f"{month_name(d.month)}–{month_name(d.until_month)}"
        return _("{} {} г.").format(months, d.year) if d.year is not None else months
    if d.year is None and d.month is None:
        return _("дата не указана")
    if d.year is None:
        assert d.month is not None
        known = day_month_text(d.month, d.day) if d.day else month_name(d.month)
        return known + _(" (год не указан)")
    if d.month is None:
        return _("{} г., точная дата не указана").format(d.year)
    if d.day is None:
        return month_text(d.year, d.month)
    return day_text(date(d.year, d.month, d.day))


def event_date_text(event: Event, *, with_note: bool = False) -> Html:
    text = esc(date_text(event.partial_date))
    if event.date_inferred:
        text = html("{} {}", text, i(_("(год — по контексту источника)")))
    if with_note and event.date_note:
        text = html("{}\n{}", text, i(event.date_note))
    return text


def status_text(event: Event, today: date) -> str:
    d = event.partial_date
    if event.status == "cancelled":
        return _("отменено")
    if event.status == "announced":
        if d.is_past(today):
            return _("было анонсировано; прошло ли — в источниках не сказано")
        return _("анонсировано")
    return _("состоялось") if not d.is_upcoming(today) else _("запланировано")


def and_more(hidden: int) -> str:
    """The line under a list cut short: how many items it does not show."""
    return _("… и ещё {}").format(hidden)


def today_text(today: date) -> str:
    return today.strftime("%d.%m.%Y")


# --- Names -------------------------------------------------------------------------------------


def place_name(place: Place, *, with_country: bool = False) -> Html:
    text = esc(place.name)
    if place.other_name:
        text = html("{} ({})", text, place.other_name)
    if with_country:
        text = html("{}, {}", text, country_label(place.country))
    return text


def org_name(org: Organization) -> Html:
    abbr = org.abbreviation
    return html("{} ({})", org.name, abbr) if abbr else esc(org.name)


def event_where(event: Event) -> Html:
    parts: list[object] = []
    if event.format in FORMATS:
        parts.append(label(FORMATS, event.format))
    if event.place is not None:
        parts.append(place_name(event.place, with_country=True))
    return join(", ", parts) if parts else esc(_("место не указано"))


def event_line(event: Event) -> Html:
    """One line: name, date, place — as in every list of events."""
    return html("{} — {}; {}", b(event.display_title), event_date_text(event), event_where(event))


def event_heading(event: Event) -> Html:
    """The event's name in bold with its date: «<b>Круглый стол</b> (21 апреля 2021 г.)»."""
    return html("{} ({})", b(event.display_title), date_text(event.partial_date))


def position_text(part: Participation) -> Html:
    items = []
    for pos in part.positions:
        if pos.organization is not None:
            items.append(html("{}, {}", pos.title, org_name(pos.organization)))
        else:
            items.append(esc(pos.title))
    return join("; ", items)


def person_line(part: Participation) -> Html:
    line = b(part.person.full_name)
    details = position_text(part)
    if part.city is not None:
        city = html("({})", place_name(part.city))
        details = html("{} {}", details, city) if details else city
    return html("{} — {}", line, details) if details else line


def work_name(work: Work) -> Html:
    text = html("«{}»", work.title)
    if work.series:
        text = html(_("{} (серия «{}»)"), text, work.series)
    return text


def cities_by_country(places: Iterable[Place]) -> list[Html]:
    groups: dict[str, list[Html]] = {}
    for place in places:
        groups.setdefault(place.country, []).append(place_name(place))
    return [html("{}: {}", country_name(code), join(", ", names)) for code, names in groups.items()]


# --- Sources -----------------------------------------------------------------------------------


def source_line(event: Event) -> Html:
    src = event.source
    return html(_("📰 Источник: «{}» ({})"), src.title, src.file)


def sources_footer(events: Iterable[Event]) -> list[Html]:
    """The source articles behind a list or card that spans several events."""
    sources = {e.source.id: e.source for e in events}
    if not sources:
        return []
    return [Html(""), esc(_("📰 Источники:"))] + [
        html("• «{}» ({})", src.title, src.file) for src in sources.values()
    ]
