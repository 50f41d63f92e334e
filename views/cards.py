"""Cards: everything known about one event, person, organization, city, topic or work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from facts.entities import Organization, Participation, Place, Topic, Work
from facts.model import EventDetails, OrganizationDetails, PlaceDetails
from loading.schema import SPEAKING_ROLES
from views.calendar import has_day, no_calendar_day
from views.html import Html, Lines, b, html, i, join
from views.i18n import _
from views.labels import (
    EVENT_KINDS,
    ORG_ROLE_HEADINGS,
    ORG_ROLES,
    PERSON_ROLES,
    RELATIONS,
    WORK_KINDS,
    WORK_ROLES,
    and_more,
    cities_by_country,
    country_label,
    country_name,
    date_text,
    event_date_text,
    event_line,
    event_where,
    label,
    org_name,
    person_line,
    place_name,
    position_text,
    source_line,
    sources_footer,
    status_text,
    work_name,
)


def event_card(d: EventDetails, today: date) -> Html:
    e = d.event
    out = Lines().add(html("📅 {}", b(e.display_title)))
    if e.short_title:
        out.add(html("«{}»", e.title))
    out.add(i(label(EVENT_KINDS, e.kind))).blank()
    out.add(
        html("🗓 {}", event_date_text(e, with_note=True)),
        html("📍 {}", event_where(e)),
        html("ℹ️ {}", status_text(e, today)),
    )
    if not has_day(e) and e.partial_date.is_upcoming(today):
        out.add(i(no_calendar_day()))
    if e.summary:
        out.blank().add(e.summary)
    if e.website:
        out.blank().add(html(_('🌐 <a href="{}">Сайт события</a>'), e.website))
    for role, heading in ORG_ROLE_HEADINGS.items():
        orgs = [org_name(link.organization) for link in d.organizations if link.role == role]
        if orgs:
            out.section(_(heading) + ":", (html("• {}", o) for o in orgs))
    if d.cities:
        out.section(_("Города-участники ({}):").format(len(d.cities)), cities_by_country(d.cities))
    speakers = [p for p in d.participations if p.role in SPEAKING_ROLES]
    others = [p for p in d.participations if p.role not in SPEAKING_ROLES]
    if speakers:
        out.section(_("Выступили:"), (html("• {}", person_line(p)) for p in speakers))
    if others:
        out.section(_("Участники:"), (html("• {}", person_line(p)) for p in others))
    if d.works:
        out.section(
            _("Проекты, издания, документы:"),
            (html("• {} — {}", work_name(w.work), label(WORK_ROLES, w.role)) for w in d.works),
        )
    if d.related:
        out.section(
            _("Связанные события:"),
            (
                html("• {}: {}", label(RELATIONS, r.relation), event_line(r.related))
                for r in d.related
            ),
        )
    return out.blank().add(source_line(e)).text()


def person_card(name: str, city: Place | None, parts: Sequence[Participation]) -> Html:
    out = Lines().add(html("👤 {}", b(name)))
    if city is not None:
        out.add(html("📍 {}", place_name(city, with_country=True)))
    for part in parts:
        out.blank().add(html("📅 {}", event_line(part.event)))
        position = position_text(part)
        if position:
            out.add(html("{} {}", i(_("Должность:")), position))
        if part.summary:
            role = label(PERSON_ROLES, part.role).capitalize()
            out.add(html("{} {}", i(role + ":"), part.summary))
        if part.topics:
            out.add(html("{} {}", i(_("Темы:")), ", ".join(t.name for t in part.topics)))
        out.add(source_line(part.event))
    if not parts:
        out.blank().add(_("В загруженных материалах нет выступлений этого человека."))
    return out.text()


def org_card(d: OrganizationDetails) -> Html:
    o = d.organization
    out = Lines().add(html("🏛 {}", b(o.name)))
    other = [a for a in d.aliases if a != o.name]
    if other:
        out.add(html("{} {}", i(_("Также:")), ", ".join(other)))
    where: list[object] = [country_name(o.country)] if o.country else []
    if o.city is not None:
        where.append(place_name(o.city))
    if where:
        out.add(html("📍 {}", join(", ", where)))
    if o.parent is not None:
        out.add(html("{} {}", i(_("Входит в:")), org_name(o.parent)))
    if d.children:
        out.add(html("{} {}", i(_("Подразделения:")), join(", ", map(org_name, d.children))))
    if o.note:
        out.blank().add(o.note)
    if d.event_roles:
        out.section(
            _("События:"),
            (
                html("• {}: {}", label(ORG_ROLES, r.role), event_line(r.event))
                for r in d.event_roles
            ),
        )
    if d.positions:
        out.section(
            _("Люди:"),
            (
                html(
                    "• {} — {} ({}, {})",
                    b(part.person.full_name),
                    pos.title,
                    part.event.display_title,
                    date_text(part.event.partial_date),
                )
                for pos, part in d.positions
            ),
        )
    if d.works:
        out.section(
            _("Проекты, издания, документы:"), (html("• {}", work_name(w)) for w in d.works)
        )
    if not (d.event_roles or d.positions):
        out.blank().add(_("В загруженных материалах организация не связана с событиями."))
    out.add(*sources_footer([r.event for r in d.event_roles] + [p.event for _, p in d.positions]))
    return out.text()


def place_card(d: PlaceDetails) -> Html:
    p = d.place
    out = Lines().add(html("🏙 {}, {}", b(p.name), country_label(p.country)))
    if d.other_names:
        out.add(html("{} {}", i(_("Другие названия:")), ", ".join(d.other_names)))
    if p.note:
        out.add(p.note)
    sections = (
        (_("События в городе:"), d.events_held, event_line),
        (_("Город участвовал:"), d.events_joined, event_line),
        (
            _("Выступавшие из города:"),
            d.people,
            lambda x: html("{} — {}", person_line(x), x.event.display_title),
        ),
        (_("Организации:"), d.organizations, org_name),
    )
    for heading, shown, line in sections:
        if shown.items:
            out.section(heading, (html("• {}", line(x)) for x in shown.items))
            if shown.hidden:
                out.add(and_more(shown.hidden))
    held, joined, people = d.events_held.items, d.events_joined.items, d.people.items
    out.add(*sources_footer([*held, *joined, *(x.event for x in people)]))
    return out.text()


def topic_card(topic: Topic, parts: Sequence[Participation], *, narrowed: bool = False) -> Html:
    """Who spoke on the topic; `narrowed`: only at the dates or in the city asked."""
    out = Lines().add(html(_("💬 Тема: {}"), b(topic.name)))
    if not parts and narrowed:
        out.add(_("С такими датой или городом об этой теме в материалах никто не говорил."))
    elif not parts:
        out.add(_("Об этой теме в загруженных материалах никто не говорил."))
    for part in parts:
        out.blank().add(person_line(part), html("📅 {}", event_line(part.event)))
        if part.summary:
            out.add(part.summary)
    out.add(*sources_footer([p.event for p in parts]))
    return out.text()


def work_card(work: Work, links: Sequence, orgs: Sequence[Organization]) -> Html:
    out = Lines().add(html("📘 {}", work_name(work)), i(label(WORK_KINDS, work.kind)))
    if work.description:
        out.blank().add(work.description)
    if orgs:
        out.section(_("Организации:"), (html("• {}", org_name(o)) for o in orgs))
    if links:
        out.section(
            _("События:"),
            (
                html("• {}: {}", label(WORK_ROLES, link.role), event_line(link.event))
                for link in links
            ),
        )
    out.add(*sources_footer([link.event for link in links]))
    return out.text()
