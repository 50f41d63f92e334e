"""Calendar files (RFC 5545, the `icalendar` package): an all-day VEVENT for each event whose
day is known, with its place, a description naming the source, and a link to its card."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from db.kinds import EntityKind
from facts.entities import Event
from views.i18n import _
from views.labels import EVENT_KINDS, country_label, label
from views.site import feed_path, public_url

PRODUCT = "-//Civic Bridge bot//RU-KZ civil society events//RU"


def has_day(event: Event) -> bool:
    return event.year is not None and event.month is not None and event.day is not None


def _location(event: Event) -> str | None:
    if event.place is None:
        return _("онлайн") if event.format == "online" else None
    return f"{event.place.name}, {country_label(event.place.country)}"


def _description(event: Event) -> str:
    parts = [label(EVENT_KINDS, event.kind)]
    if event.summary:
        parts.append(event.summary)
    parts.append(_("Источник: «{}» ({})").format(event.source.title, event.source.file))
    return "\n\n".join(parts)


def calendar_file(
    events: Sequence[Event],
    link: str | None = None,
    name: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """One calendar with every event of `events` whose day is known. `link`, when given, is
    a format string for the event's card: `link.format(event_id)`; `name`, the calendar's;
    `stamp`, when its events were last changed (now, when not given)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name or feed_name(None))
    stamp = stamp or datetime.now(UTC)
    for event in events:
        if not has_day(event):
            continue
        day = event.partial_date.period()
        assert day is not None
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@civic-bridge-bot")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.display_title)
        entry.add("dtstart", day[0])  # a date: an all-day event
        entry.add("dtend", day[0] + timedelta(days=1))
        location = _location(event)
        if location:
            entry.add("location", location)
        entry.add("description", _description(event))
        if link:
            entry.add("url", link.format(event.id))
        if event.status == "cancelled":
            entry.add("status", "CANCELLED")
        calendar.add_component(entry)
    return calendar.to_ical()


def feed_name(whose: str | None) -> str:
    """A calendar's name: of every event, or of one organization's, city's, person's or
    topic's."""
    whole = _("События: Россия — Казахстан")
    return f"{whole} · {whose}" if whose else whole


def file_name(event: Event | None = None) -> str:
    return f"{event.id}.ics" if event is not None else "events.ics"


def calendar_caption(count: int) -> str:
    text = _("📅 Календарь: событий — {}. Откройте файл, чтобы добавить их к себе.").format(count)
    return text + subscription_line()


def subscription_line(kind: EntityKind | None = None, entity_id: str | None = None) -> str:
    """Where a calendar app subscribes to have the events kept up to date by itself (when
    the web catalogue is on)."""
    base = public_url()
    if base is None:
        return ""
    return "\n\n" + _(
        "🔄 Подписка, которая обновляется сама (вставьте адрес в календарь): {}"
    ).format(base + feed_path(kind, entity_id))


def no_calendar_day() -> str:
    return _(
        "Точный день этого события неизвестен (только месяц или год), поэтому в календарь его "
        "не добавить."
    )


def nothing_for_calendar() -> str:
    return (
        _(
            "Предстоящих событий с известной датой пока нет — календарю нечего добавить. "
            "Подпишитесь (/subscribe), и я сообщу о новых."
        )
        + subscription_line()
    )
