"""How the bot shows things: every event, person, organization and place looks the same
in every answer. All text from content or users is escaped here (HTML parse mode)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape

from db.dates import PartialDate
from db.models import Event, EventOrganization, Organization, Participation, Place, Topic, Work
from db.queries import EventDetails, OrganizationDetails, PlaceDetails, event_date
from db.search import Hit

MESSAGE_LIMIT = 4096

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
MONTHS_NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
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
PERSON_ROLES = {"speaker": "выступление", "moderator": "модератор", "participant": "участник"}
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
KIND_ICONS = {
    "person": "👤",
    "organization": "🏛",
    "event": "📅",
    "place": "🏙",
    "topic": "💬",
    "work": "📘",
}


def quote(text: str, limit: int = 100) -> str:
    """What a user typed, safe to show back: control characters dropped, cut, escaped."""
    clean = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    clean = " ".join(clean.split())
    return escape(clean[:limit] + ("…" if len(clean) > limit else ""))


def b(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return f"{FLAGS.get(code, '')} {COUNTRIES.get(code, code)}".strip()


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


def event_date_text(event: Event, *, with_note: bool = False) -> str:
    text = escape(date_text(event_date(event)))
    if event.date_inferred:
        text += " <i>(год — по контексту источника)</i>"
    if with_note and event.date_note:
        text += f"\n<i>{escape(event.date_note)}</i>"
    return text


def status_text(event: Event, today: date) -> str:
    d = event_date(event)
    if event.status == "cancelled":
        return "отменено"
    if event.status == "announced":
        if d.is_past(today):
            return "было анонсировано; прошло ли — в источниках не сказано"
        return "анонсировано"
    return "состоялось" if not d.is_upcoming(today) else "запланировано"


# --- Names -------------------------------------------------------------------------------------


def place_name(place: Place, *, with_country: bool = False) -> str:
    text = escape(place.name)
    shown = [a.alias for a in place.other_names if a.alias_kind == "other_name"]
    if shown:
        text += f" ({escape(shown[0])})"
    if with_country:
        text += f", {escape(COUNTRIES.get(place.country, place.country))}"
    return text


def org_name(org: Organization) -> str:
    abbr = org.abbreviation
    return escape(org.name) + (f" ({escape(abbr)})" if abbr else "")


def event_name(event: Event) -> str:
    return escape(event.short_title or event.title)


def event_where(event: Event) -> str:
    parts = []
    if event.format in FORMATS:
        parts.append(FORMATS[event.format])
    if event.place is not None:
        parts.append(place_name(event.place, with_country=True))
    return ", ".join(parts) if parts else "место не указано"


def event_line(event: Event) -> str:
    """One line: name, date, place — as in every list of events."""
    return f"{b(event.short_title or event.title)} — {event_date_text(event)}; {event_where(event)}"


def position_text(part: Participation) -> str:
    items = []
    for pos in part.positions:
        text = escape(pos.title)
        if pos.organization is not None:
            text += f", {org_name(pos.organization)}"
        items.append(text)
    return "; ".join(items)


def person_line(part: Participation) -> str:
    line = b(part.person.full_name)
    details = position_text(part)
    if part.city is not None:
        details += (" " if details else "") + f"({place_name(part.city)})"
    return f"{line} — {details}" if details else line


def sources_footer(events: Iterable[Event]) -> list[str]:
    """The source articles behind a list or card that spans several events."""
    sources = {e.source.id: e.source for e in events}
    if not sources:
        return []
    return ["", "📰 Источники:"] + [
        f"• «{escape(src.title)}» ({escape(src.file)})" for src in sources.values()
    ]


def source_line(event: Event) -> str:
    src = event.source
    return f"📰 Источник: «{escape(src.title)}» ({escape(src.file)})"


# --- Cards -------------------------------------------------------------------------------------


def event_card(d: EventDetails, today: date) -> str:
    e = d.event
    lines = [f"📅 {b(e.short_title or e.title)}"]
    if e.short_title:
        lines.append(f"«{escape(e.title)}»")
    lines.append(f"<i>{escape(EVENT_KINDS.get(e.kind, e.kind))}</i>")
    lines += [
        "",
        f"🗓 {event_date_text(e, with_note=True)}",
        f"📍 {event_where(e)}",
        f"ℹ️ {escape(status_text(e, today))}",
    ]
    if e.summary:
        lines += ["", escape(e.summary)]
    for role in ORG_ROLE_HEADINGS:
        orgs = [org_name(link.organization) for link in d.organizations if link.role == role]
        if orgs:
            lines += ["", f"{b(ORG_ROLE_HEADINGS[role] + ':')}"] + [f"• {o}" for o in orgs]
    if d.cities:
        lines += ["", b(f"Города-участники ({len(d.cities)}):"), *cities_by_country(d.cities)]
    speakers = [p for p in d.participations if p.role in ("speaker", "moderator")]
    others = [p for p in d.participations if p.role not in ("speaker", "moderator")]
    if speakers:
        lines += ["", b("Выступили:")] + [f"• {person_line(p)}" for p in speakers]
    if others:
        lines += ["", b("Участники:")] + [f"• {person_line(p)}" for p in others]
    if d.works:
        lines += ["", b("Проекты, издания, документы:")]
        lines += [
            f"• {work_name(w.work)} — {escape(WORK_ROLES.get(w.role, w.role))}" for w in d.works
        ]
    if d.related:
        lines += ["", b("Связанные события:")]
        lines += [
            f"• {escape(RELATIONS.get(r.relation, r.relation))}: {event_line(r.related)}"
            for r in d.related
        ]
    lines += ["", source_line(e)]
    return "\n".join(lines)


def cities_by_country(places: Iterable[Place]) -> list[str]:
    groups: dict[str, list[str]] = {}
    for place in places:
        groups.setdefault(place.country, []).append(place_name(place))
    return [f"{country_name(code)}: {', '.join(names)}" for code, names in groups.items()]


def person_card(name: str, city: Place | None, parts: Sequence[Participation]) -> str:
    lines = [f"👤 {b(name)}"]
    if city is not None:
        lines.append(f"📍 {place_name(city, with_country=True)}")
    for part in parts:
        lines += ["", f"📅 {event_line(part.event)}"]
        position = position_text(part)
        if position:
            lines.append(f"<i>Должность:</i> {position}")
        if part.summary:
            lines.append(
                f"<i>{escape(PERSON_ROLES.get(part.role, part.role)).capitalize()}:</i> "
                f"{escape(part.summary)}"
            )
        if part.topics:
            lines.append(f"<i>Темы:</i> {escape(', '.join(t.name for t in part.topics))}")
        lines.append(source_line(part.event))
    if not parts:
        lines += ["", "В загруженных материалах нет выступлений этого человека."]
    return "\n".join(lines)


def org_card(d: OrganizationDetails) -> str:
    o = d.organization
    lines = [f"🏛 {b(o.name)}"]
    other = [a.alias for a in o.aliases if a.alias != o.name]
    if other:
        lines.append(f"<i>Также:</i> {escape(', '.join(other))}")
    where = [country_name(o.country)] if o.country else []
    if o.city is not None:
        where.append(place_name(o.city))
    if where:
        lines.append(f"📍 {', '.join(where)}")
    if o.parent is not None:
        lines.append(f"<i>Входит в:</i> {org_name(o.parent)}")
    if d.children:
        lines.append(f"<i>Подразделения:</i> {', '.join(org_name(c) for c in d.children)}")
    if o.note:
        lines += ["", escape(o.note)]
    if d.event_roles:
        lines += ["", b("События:")]
        lines += [
            f"• {escape(ORG_ROLES.get(r.role, r.role))}: {event_line(r.event)}"
            for r in d.event_roles
        ]
    if d.positions:
        lines += ["", b("Люди:")]
        lines += [
            f"• {b(part.person.full_name)} — {escape(pos.title)} "
            f"({event_name(part.event)}, {escape(date_text(event_date(part.event)))})"
            for pos, part in d.positions
        ]
    if d.works:
        lines += ["", b("Проекты, издания, документы:")] + [f"• {work_name(w)}" for w in d.works]
    if not (d.event_roles or d.positions):
        lines += ["", "В загруженных материалах организация не связана с событиями."]
    lines += sources_footer(
        [r.event for r in d.event_roles] + [part.event for _, part in d.positions]
    )
    return "\n".join(lines)


def place_card(d: PlaceDetails) -> str:
    p = d.place
    lines = [f"🏙 {b(p.name)}, {escape(COUNTRIES.get(p.country, p.country))}"]
    if d.other_names:
        lines.append(f"<i>Другие названия:</i> {escape(', '.join(d.other_names))}")
    if p.note:
        lines.append(escape(p.note))
    if d.events_held:
        lines += ["", b("События в городе:")] + [f"• {event_line(e)}" for e in d.events_held]
    if d.events_joined:
        lines += ["", b("Город участвовал:")] + [f"• {event_line(e)}" for e in d.events_joined]
    if d.people:
        lines += ["", b("Выступавшие из города:")]
        lines += [f"• {person_line(part)} — {event_name(part.event)}" for part in d.people]
    if d.organizations:
        lines += ["", b("Организации:")] + [f"• {org_name(o)}" for o in d.organizations]
    lines += sources_footer([*d.events_held, *d.events_joined, *(p.event for p in d.people)])
    return "\n".join(lines)


def topic_card(topic: Topic, parts: Sequence[Participation]) -> str:
    lines = [f"💬 Тема: {b(topic.name)}"]
    if not parts:
        lines.append("Об этой теме в загруженных материалах никто не говорил.")
    for part in parts:
        lines += ["", f"{person_line(part)}", f"📅 {event_line(part.event)}"]
        if part.summary:
            lines.append(escape(part.summary))
    lines += sources_footer([p.event for p in parts])
    return "\n".join(lines)


def event_topics_text(event: Event, parts: Sequence[Participation]) -> str:
    lines = [
        f"💬 Темы события {b(event.short_title or event.title)} "
        f"({escape(date_text(event_date(event)))}):"
    ]
    raised: dict[str, tuple[Topic, list[str]]] = {}
    for part in parts:
        for topic in part.topics:
            raised.setdefault(topic.id, (topic, []))[1].append(part.person.full_name)
    if not raised:
        lines += ["", "В источниках темы выступлений этого события не названы."]
    lines.append("")
    lines += [
        f"• {b(topic.name)} — {escape(', '.join(people))}" for topic, people in raised.values()
    ]
    lines += ["", source_line(event)]
    return "\n".join(lines)


def works_text(links: Sequence) -> str:
    """Projects, publications and documents with the event each belongs to."""
    if not links:
        return "Проекты, издания и документы в источниках не названы."
    lines = ["📘 Проекты, издания и документы:", ""]
    lines += [
        f"• {work_name(link.work)} — {escape(WORK_KINDS.get(link.work.kind, link.work.kind))}, "
        f"{escape(WORK_ROLES.get(link.role, link.role))}: {event_line(link.event)}"
        for link in links
    ]
    lines += sources_footer(link.event for link in links)
    return "\n".join(lines)


def work_name(work: Work) -> str:
    text = f"«{escape(work.title)}»"
    if work.series:
        text += f" (серия «{escape(work.series)}»)"
    return text


def work_card(work: Work, links: Sequence, orgs: Sequence[Organization]) -> str:
    lines = [f"📘 {work_name(work)}", f"<i>{escape(WORK_KINDS.get(work.kind, work.kind))}</i>"]
    if work.description:
        lines += ["", escape(work.description)]
    if orgs:
        lines += ["", b("Организации:")] + [f"• {org_name(o)}" for o in orgs]
    if links:
        lines += ["", b("События:")]
        lines += [
            f"• {escape(WORK_ROLES.get(link.role, link.role))}: {event_line(link.event)}"
            for link in links
        ]
    lines += sources_footer([link.event for link in links])
    return "\n".join(lines)


# --- Lists -------------------------------------------------------------------------------------


def speakers_text(parts: Sequence[Participation], event: Event | None = None) -> str:
    if event is not None:
        lines = [
            f"🎤 Выступили на событии {b(event.short_title or event.title)} "
            f"({escape(date_text(event_date(event)))}):",
            "",
        ]
        lines += [f"{i}. {person_line(p)}" for i, p in enumerate(parts, 1)]
        if not parts:
            lines.append("В источниках выступающие этого события не названы.")
        lines += ["", source_line(event)]
        return "\n".join(lines)
    lines = ["🎤 Все выступавшие, по событиям:"]
    current = None
    for part in parts:
        if part.event_id != current:
            current = part.event_id
            lines += ["", f"📅 {event_line(part.event)}"]
        lines.append(f"• {person_line(part)}")
    lines += sources_footer([p.event for p in parts])
    return "\n".join(lines)


def event_orgs_text(links: Sequence[EventOrganization], event: Event) -> str:
    lines = [
        f"🏛 Организации события {b(event.short_title or event.title)} "
        f"({escape(date_text(event_date(event)))}):"
    ]
    for role, heading in ORG_ROLE_HEADINGS.items():
        orgs = [link.organization for link in links if link.role == role]
        if orgs:
            lines += ["", b(heading + ":")]
            lines += [
                f"• {org_name(o)}{', ' + country_name(o.country) if o.country else ''}"
                for o in orgs
            ]
    if not links:
        lines += ["", "В источниках организации этого события не названы."]
    lines += ["", source_line(event)]
    return "\n".join(lines)


def all_orgs_text(orgs: Sequence[Organization], roles: Sequence[EventOrganization]) -> str:
    by_org: dict[str, list[str]] = {}
    for link in roles:
        by_org.setdefault(link.organization_id, []).append(
            f"{ORG_ROLES.get(link.role, link.role)} — {link.event.short_title or link.event.title}"
        )
    lines = ["🏛 Организации в материалах:"]
    current = None
    for org in orgs:
        if org.country != current:
            current = org.country
            lines += ["", b(COUNTRIES.get(current or "", current or "Без страны") + ":")]
        lines.append(f"• {org_name(org)}")
        lines += [f"   ↳ {escape(role)}" for role in by_org.get(org.id, [])]
    lines += sources_footer([link.event for link in roles])
    return "\n".join(lines)


def cities_text(places: Sequence[Place], event: Event | None, country: str | None = None) -> str:
    scope = f"события {b(event.short_title or event.title)}" if event else "всех событий"
    where = f" — {escape(COUNTRIES.get(country, country))}" if country else ""
    lines = [f"🏙 Города {scope}{where} ({len(places)}):", ""]
    lines += cities_by_country(places) if places else ["Города в источниках не названы."]
    if event is not None:
        lines += ["", source_line(event)]
    return "\n".join(lines)


def events_page_text(events: Sequence[Event], page: int, pages: int, start: int) -> str:
    lines = [f"📅 События, сначала новые (стр. {page + 1} из {pages}):", ""]
    lines += [f"{start + i}. {event_line(e)}" for i, e in enumerate(events, 1)]
    return "\n".join(lines)


KIND_NAMES = {
    "person": "человек",
    "organization": "организация",
    "event": "событие",
    "place": "город",
    "topic": "тема",
    "work": "проект / издание",
}


def hit_line(hit: Hit) -> str:
    kind = KIND_NAMES.get(hit.kind, hit.kind)
    return f"{KIND_ICONS.get(hit.kind, '•')} {escape(hit.label)} <i>({kind})</i>"


def search_text(
    query: str, hits: Sequence[Hit], *, page: int = 0, pages: int = 1, start: int = 0
) -> str:
    shown = quote(query)
    if not hits:
        return nothing_found(query)
    if any(h.fuzzy for h in hits):
        lines = [f"🔎 Точных совпадений с «{shown}» нет. Возможно, вы имели в виду:", ""]
    else:
        where = f" (стр. {page + 1} из {pages})" if pages > 1 else ""
        lines = [f"🔎 По запросу «{shown}» найдено{where}:", ""]
    lines += [f"{start + i}. {hit_line(h)}" for i, h in enumerate(hits, 1)]
    lines += ["", "Нажмите кнопку, чтобы открыть карточку."]
    return "\n".join(lines)


def did_you_mean(query: str, hits: Sequence[Hit]) -> str:
    shown = quote(query)
    names = ", ".join(escape(h.label) for h in hits[:3])
    return f"🤔 «{shown}» не нашлось. Возможно, вы имели в виду: {names}?"


def nothing_found(query: str, what: str = "ничего") -> str:
    shown = quote(query)
    return (
        f"По запросу «{shown}» {what} не найдено.\n"
        "Попробуйте фамилию («Нургазиева»), организацию («ГАК»), город («Астана») "
        "или откройте /events, /speakers, /orgs."
    )


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split at line breaks so that no part exceeds Telegram's limit.

    Presenters close every tag on the line that opens it, so a split between lines never
    cuts a tag. A single over-long line is cut on a space as a last resort.
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
