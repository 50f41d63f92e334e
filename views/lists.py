"""Lists: events, upcoming events, speakers, organizations, cities, topics and works."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from facts.entities import Event, EventOrganization, Participation, Place, Topic
from loading.schema import SPEAKING_ROLES
from views.html import Html, Lines, b, html, i
from views.i18n import _
from views.labels import (
    ORG_ROLE_HEADINGS,
    ORG_ROLES,
    WORK_KINDS,
    WORK_ROLES,
    cities_by_country,
    country_label,
    country_name,
    event_heading,
    event_line,
    label,
    org_name,
    person_line,
    source_line,
    sources_footer,
    status_text,
    today_text,
    work_name,
)


def events_page_text(
    events: Sequence[Event],
    page: int,
    pages: int,
    start: int,
    speakers: dict[str, int] | None = None,
) -> Html:
    """Events, newest first; those with speakers in the sources say how many, the ones only
    mentioned say so."""
    speakers = speakers or {}
    out = Lines().add(_("📅 События, сначала новые (стр. {} из {}):").format(page + 1, pages))
    out.blank()
    for n, e in enumerate(events, start + 1):
        count = speakers.get(e.id, 0)
        note = (
            _("🎤 выступивших: {}").format(count) if count else _("только упоминание в источниках")
        )
        out.add(html("{}. {}\n   {}", n, event_line(e), i(note)))
    return out.text()


def no_events() -> Html:
    return Html(_("Событий пока нет: содержимое ещё не загружено."))


def _events_with_sources(events: Sequence[Event]) -> list[Html]:
    return [html("• {}\n  {}", event_line(e), source_line(e)) for e in events]


def upcoming_text(
    upcoming: Sequence[Event],
    announced: Sequence[Event],
    today: date,
    page: tuple[int, int, int] | None = None,
) -> Html:
    """Events still to come (`page`: its number, the pages, the events in all); when there are
    none, the latest announced ones, said honestly."""
    if upcoming:
        out = Lines().add(_("🗓 Предстоящие события (на {}):").format(today_text(today)))
        if page is not None and page[1] > 1:
            out.add(_("Всего {}; страница {} из {}.").format(page[2], page[0] + 1, page[1]))
        out.blank()
        return out.add(*_events_with_sources(upcoming)).text()
    out = Lines().add(
        _("🗓 Предстоящих событий в материалах нет (на {}).").format(today_text(today)),
        _("Все известные события уже прошли."),
    )
    if announced:
        out.blank().add(
            _(
                "Последние анонсированные события — их даты уже прошли, а прошли ли "
                "они, в источниках не сказано:"
            )
        )
        out.blank().add(*_events_with_sources(announced))
    return out.text()


def when_where_text(event: Event, today: date) -> Html:
    out = Lines().add(html("📅 {}", event_line(event)), html("ℹ️ {}", status_text(event, today)))
    if event.date_note:
        out.add(i(event.date_note))
    return out.blank().add(source_line(event)).text()


def speakers_text(
    parts: Sequence[Participation],
    event: Event | None = None,
    *,
    moderators: bool = False,
    country: str | None = None,
) -> Html:
    """Who spoke (or, with `moderators`, who moderated) at one event or at each; `country`
    says the list was narrowed to those from one country."""
    if event is not None:
        if moderators:
            heading = _("🎙 Модераторы события {}:")
        elif event.status == "announced":  # who was to speak, not who spoke
            heading = _("🎤 Объявлены выступающими на событии {}:")
        else:
            heading = _("🎤 Выступили на событии {}:")
        out = Lines().add(html(heading, event_heading(event))).blank()
        spoke = [p for p in parts if p.role in SPEAKING_ROLES]
        out.add(*(html("{}. {}", n, person_line(p)) for n, p in enumerate(spoke, 1)))
        if not spoke and country:
            out.add(html(_("Выступающих из страны {} источники этого события не называют."),
                         country_name(country)))  # fmt: skip
        elif not spoke:
            out.add(_("В источниках выступающие этого события не названы."))
        if present := [p for p in parts if p.role == "participant"]:
            out.blank().add(_("Участвовали (о выступлениях источник не говорит):"))
            out.add(*(html("• {}", person_line(p)) for p in present))
        if named := [p for p in parts if p.role == "mentioned"]:
            out.blank().add(_("Упоминаются в источнике:"))
            out.add(*(html("• {}", person_line(p)) for p in named))
        return out.blank().add(source_line(event)).text()
    out = Lines().add(
        _("🎙 Все модераторы, по событиям:") if moderators else _("🎤 Все выступавшие, по событиям:")
    )
    current = None
    for part in parts:
        if part.event_id != current:
            current = part.event_id
            line = html("📅 {}", event_line(part.event))
            if part.event.status == "announced":
                line = html("{} — {}", line, _("объявлены, событие анонсировано"))
            out.blank().add(line)
        out.add(html("• {}", person_line(part)))
    out.add(*sources_footer([p.event for p in parts]))
    return out.text()


def no_speakers(country: str | None = None) -> Html:
    if country:  # never «nobody spoke» when only those of one country are missing
        return html(_("В материалах нет выступавших из страны: {}."), country_name(country))
    return Html(_("Выступающих в материалах пока нет."))


def no_moderator(speakers: Html) -> Html:
    return html(_("Модератор в источниках не указан. Известно, кто выступал:\n\n{}"), speakers)


def event_orgs_text(links: Sequence[EventOrganization], event: Event) -> Html:
    out = Lines().add(html(_("🏛 Организации события {}:"), event_heading(event)))
    for role, heading in ORG_ROLE_HEADINGS.items():
        orgs = [link.organization for link in links if link.role == role]
        if orgs:
            out.section(
                _(heading) + ":",
                (
                    html("• {}, {}", org_name(o), country_name(o.country))
                    if o.country
                    else html("• {}", org_name(o))
                    for o in orgs
                ),
            )
    if not links:
        out.blank().add(_("В источниках организации этого события не названы."))
    return out.blank().add(source_line(event)).text()


def all_orgs_text(orgs: Sequence, roles: Sequence[EventOrganization]) -> Html:
    by_org: dict[str, list[str]] = {}
    for link in roles:
        by_org.setdefault(link.organization_id, []).append(
            f"{label(ORG_ROLES, link.role)} — {link.event.display_title}"
        )
    out = Lines().add(_("🏛 Организации в материалах:"))
    current = None
    for org in orgs:
        if org.country != current:
            current = org.country
            out.section((country_label(current) or _("Без страны")) + ":", [])
        out.add(html("• {}", org_name(org)))
        out.add(*(html("   ↳ {}", role) for role in by_org.get(org.id, [])))
    out.add(*sources_footer([link.event for link in roles]))
    return out.text()


def no_orgs(country: str | None = None) -> Html:
    if country:  # never «there are none» when only those of one country are missing
        return html(_("В материалах нет организаций из страны: {}."), country_name(country))
    return Html(_("Организаций в материалах пока нет."))


def no_orgs_of_kind(asked: str, event: Event | None = None) -> Html:
    """«Какие вузы участвовали …?» of an event with none: said, never the others instead."""
    if event is None:
        return html(_("В материалах нет организаций, о которых спрошено: «{}»."), asked)
    return html(
        _("Среди организаций события {} нет тех, о которых спрошено: «{}»."),
        event_heading(event),
        asked,
    )


def cities_text(places: Sequence[Place], event: Event | None, country: str | None = None) -> Html:
    scope = html(_("события {}"), b(event.display_title)) if event else _("всех событий")
    where = f" — {country_label(country)}" if country else ""
    out = Lines().add(html(_("🏙 Города {}{} ({}):"), scope, where, len(places))).blank()
    out.add(*(cities_by_country(places) if places else [_("Города в источниках не названы.")]))
    if event is not None:
        out.blank().add(source_line(event))
    return out.text()


def event_topics_text(event: Event, parts: Sequence[Participation]) -> Html:
    out = Lines().add(html(_("💬 Темы события {}:"), event_heading(event)))
    raised: dict[str, tuple[Topic, list[str]]] = {}
    for part in parts:
        for topic in part.topics:
            raised.setdefault(topic.id, (topic, []))[1].append(part.person.full_name)
    if not raised:
        out.blank().add(_("В источниках темы выступлений этого события не названы."))
    out.blank()
    out.add(
        *(html("• {} — {}", b(topic.name), ", ".join(people)) for topic, people in raised.values())
    )
    return out.blank().add(source_line(event)).text()


def works_text(links: Sequence, missing_role: str | None = None) -> Html:
    """Projects, publications and documents with the event each belongs to; `missing_role`:
    the role asked about («signed») that none of them had."""
    if not links and missing_role is None:
        return Html(_("Проекты, издания и документы в источниках не названы."))
    out = Lines()
    if missing_role is not None:
        out.add(
            html(
                _("В источниках нет проектов, изданий или документов с отметкой «{}»."),
                label(WORK_ROLES, missing_role),
            )
        )
        if not links:
            return out.text()
        out.add(_("Названы:")).blank()
    else:
        out.add(_("📘 Проекты, издания и документы:")).blank()
    out.add(
        *(
            html(
                "• {} — {}, {}: {}",
                work_name(link.work),
                label(WORK_KINDS, link.work.kind),
                label(WORK_ROLES, link.role),
                event_line(link.event),
            )
            for link in links
        )
    )
    out.add(*sources_footer(link.event for link in links))
    return out.text()
