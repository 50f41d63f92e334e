"""The small pieces every view shares: dates, names of events, people, organizations and
places, countries, roles and statuses — so each looks the same in every answer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from db.dates import PartialDate
from db.models import Event, Organization, Participation, Place, Work
from views.html import Html, b, esc, html, i, join

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_NOMINATIVE = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
COUNTRIES = {"RU": "Россия", "KZ": "Казахстан"}
FLAGS = {"RU": "🇷🇺", "KZ": "🇰🇿"}
EVENT_KINDS = {
    "round_table": "круглый стол",
    "forum": "форум",
    "meeting": "встреча",
    "conference": "конференция",
    "signing": "подписание документа",
    "other": "событие",
}
FORMATS = {"online": "онлайн", "offline": "очно", "hybrid": "очно и онлайн"}
ORG_ROLES = {
    "organizer": "организатор",
    "participant": "участник",
    "partner": "партнёр",
    "mentioned": "упоминается",
}
ORG_ROLE_HEADINGS = {
    "organizer": "Организаторы",
    "participant": "Участвовали",
    "partner": "Партнёры",
    "mentioned": "Упоминаются",
}
PERSON_ROLES = {
    "speaker": "выступление",
    "moderator": "модератор",
    "participant": "участник",
    "mentioned": "упоминается",
}
WORK_KINDS = {"project": "проект", "publication": "издание", "document": "документ"}
WORK_ROLES = {
    "presented": "презентация",
    "mentioned": "упоминается",
    "signed": "подписание",
    "discussed": "обсуждение",
}
RELATIONS = {
    "prepares": "готовил",
    "continues": "продолжает",
    "mentions": "упоминает",
    "followed_by": "следом",
}


def country_label(code: str | None) -> str:
    """«Россия» for 'RU'; an unknown code as it is."""
    return COUNTRIES.get(code or "", code or "")


def country_name(code: str | None) -> Html:
    """The country with its flag: «🇰🇿 Казахстан»."""
    if not code:
        return Html("")
    return esc(f"{FLAGS.get(code, '')} {country_label(code)}".strip())


# --- Dates -------------------------------------------------------------------------------------


def date_text(d: PartialDate) -> str:
    if d.year is None and d.month is None:
        return "дата не указана"
    year = f" {d.year} г." if d.year is not None else " (год не указан)"
    if d.day is not None and d.month is not None:
        return f"{d.day} {MONTHS_GENITIVE[d.month - 1]}{year}"
    if d.month is not None:
        return f"{MONTHS_NOMINATIVE[d.month - 1]}{year}"
    return f"{d.year} г., точная дата не указана"


def event_date_text(event: Event, *, with_note: bool = False) -> Html:
    text = esc(date_text(event.partial_date))
    if event.date_inferred:
        text = html("{} {}", text, i("(год — по контексту источника)"))
    if with_note and event.date_note:
        text = html("{}\n{}", text, i(event.date_note))
    return text


def status_text(event: Event, today: date) -> str:
    d = event.partial_date
    if event.status == "cancelled":
        return "отменено"
    if event.status == "announced":
        if d.is_past(today):
            return "было анонсировано; прошло ли — в источниках не сказано"
        return "анонсировано"
    return "состоялось" if not d.is_upcoming(today) else "запланировано"


def today_text(today: date) -> str:
    return today.strftime("%d.%m.%Y")


# --- Names -------------------------------------------------------------------------------------


def place_name(place: Place, *, with_country: bool = False) -> Html:
    text = esc(place.name)
    shown = [a.alias for a in place.other_names if a.alias_kind == "other_name"]
    if shown:
        text = html("{} ({})", text, shown[0])
    if with_country:
        text = html("{}, {}", text, country_label(place.country))
    return text


def org_name(org: Organization) -> Html:
    abbr = org.abbreviation
    return html("{} ({})", org.name, abbr) if abbr else esc(org.name)


def event_where(event: Event) -> Html:
    parts: list[object] = []
    if event.format in FORMATS:
        parts.append(FORMATS[event.format])
    if event.place is not None:
        parts.append(place_name(event.place, with_country=True))
    return join(", ", parts) if parts else esc("место не указано")


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
        text = html("{} (серия «{}»)", text, work.series)
    return text


def cities_by_country(places: Iterable[Place]) -> list[Html]:
    groups: dict[str, list[Html]] = {}
    for place in places:
        groups.setdefault(place.country, []).append(place_name(place))
    return [html("{}: {}", country_name(code), join(", ", names)) for code, names in groups.items()]


# --- Sources -----------------------------------------------------------------------------------


def source_line(event: Event) -> Html:
    src = event.source
    return html("📰 Источник: «{}» ({})", src.title, src.file)


def sources_footer(events: Iterable[Event]) -> list[Html]:
    """The source articles behind a list or card that spans several events."""
    sources = {e.source.id: e.source for e in events}
    if not sources:
        return []
    return [Html(""), esc("📰 Источники:")] + [
        html("• «{}» ({})", src.title, src.file) for src in sources.values()
    ]
