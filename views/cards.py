"""Cards: everything known about one event, person, organization, city, topic or work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from db.models import Organization, Participation, Place, Topic, Work
from db.queries import EventDetails, OrganizationDetails, PlaceDetails
from views.html import Html, Lines, b, html, i, join
from views.labels import (
    EVENT_KINDS,
    ORG_ROLE_HEADINGS,
    ORG_ROLES,
    PERSON_ROLES,
    RELATIONS,
    WORK_KINDS,
    WORK_ROLES,
    cities_by_country,
    country_label,
    country_name,
    date_text,
    event_date_text,
    event_line,
    event_where,
    org_name,
    person_line,
    place_name,
    position_text,
    source_line,
    sources_footer,
    status_text,
    work_name,
)

SPEAKING_ROLES = ("speaker", "moderator")


def event_card(d: EventDetails, today: date) -> Html:
    e = d.event
    out = Lines().add(html("📅 {}", b(e.display_title)))
    if e.short_title:
        out.add(html("«{}»", e.title))
    out.add(i(EVENT_KINDS.get(e.kind, e.kind))).blank()
    out.add(
        html("🗓 {}", event_date_text(e, with_note=True)),
        html("📍 {}", event_where(e)),
        html("ℹ️ {}", status_text(e, today)),
    )
    if e.summary:
        out.blank().add(e.summary)
    for role, heading in ORG_ROLE_HEADINGS.items():
        orgs = [org_name(link.organization) for link in d.organizations if link.role == role]
        if orgs:
            out.section(heading + ":", (html("• {}", o) for o in orgs))
    if d.cities:
        out.section(f"Города-участники ({len(d.cities)}):", cities_by_country(d.cities))
    speakers = [p for p in d.participations if p.role in SPEAKING_ROLES]
    others = [p for p in d.participations if p.role not in SPEAKING_ROLES]
    if speakers:
        out.section("Выступили:", (html("• {}", person_line(p)) for p in speakers))
    if others:
        out.section("Участники:", (html("• {}", person_line(p)) for p in others))
    if d.works:
        out.section(
            "Проекты, издания, документы:",
            (html("• {} — {}", work_name(w.work), WORK_ROLES.get(w.role, w.role)) for w in d.works),
        )
    if d.related:
        out.section(
            "Связанные события:",
            (
                html("• {}: {}", RELATIONS.get(r.relation, r.relation), event_line(r.related))
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
            out.add(html("{} {}", i("Должность:"), position))
        if part.summary:
            role = PERSON_ROLES.get(part.role, part.role).capitalize()
            out.add(html("{} {}", i(role + ":"), part.summary))
        if part.topics:
            out.add(html("{} {}", i("Темы:"), ", ".join(t.name for t in part.topics)))
        out.add(source_line(part.event))
    if not parts:
        out.blank().add("В загруженных материалах нет выступлений этого человека.")
    return out.text()


def org_card(d: OrganizationDetails) -> Html:
    o = d.organization
    out = Lines().add(html("🏛 {}", b(o.name)))
    other = [a.alias for a in o.aliases if a.alias != o.name]
    if other:
        out.add(html("{} {}", i("Также:"), ", ".join(other)))
    where: list[object] = [country_name(o.country)] if o.country else []
    if o.city is not None:
        where.append(place_name(o.city))
    if where:
        out.add(html("📍 {}", join(", ", where)))
    if o.parent is not None:
        out.add(html("{} {}", i("Входит в:"), org_name(o.parent)))
    if d.children:
        out.add(html("{} {}", i("Подразделения:"), join(", ", map(org_name, d.children))))
    if o.note:
        out.blank().add(o.note)
    if d.event_roles:
        out.section(
            "События:",
            (
                html("• {}: {}", ORG_ROLES.get(r.role, r.role), event_line(r.event))
                for r in d.event_roles
            ),
        )
    if d.positions:
        out.section(
            "Люди:",
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
        out.section("Проекты, издания, документы:", (html("• {}", work_name(w)) for w in d.works))
    if not (d.event_roles or d.positions):
        out.blank().add("В загруженных материалах организация не связана с событиями.")
    out.add(*sources_footer([r.event for r in d.event_roles] + [p.event for _, p in d.positions]))
    return out.text()


def place_card(d: PlaceDetails) -> Html:
    p = d.place
    out = Lines().add(html("🏙 {}, {}", b(p.name), country_label(p.country)))
    if d.other_names:
        out.add(html("{} {}", i("Другие названия:"), ", ".join(d.other_names)))
    if p.note:
        out.add(p.note)
    if d.events_held:
        out.section("События в городе:", (html("• {}", event_line(e)) for e in d.events_held))
    if d.events_joined:
        out.section("Город участвовал:", (html("• {}", event_line(e)) for e in d.events_joined))
    if d.people:
        out.section(
            "Выступавшие из города:",
            (html("• {} — {}", person_line(part), part.event.display_title) for part in d.people),
        )
    if d.organizations:
        out.section("Организации:", (html("• {}", org_name(o)) for o in d.organizations))
    out.add(*sources_footer([*d.events_held, *d.events_joined, *(x.event for x in d.people)]))
    return out.text()


def topic_card(topic: Topic, parts: Sequence[Participation]) -> Html:
    out = Lines().add(html("💬 Тема: {}", b(topic.name)))
    if not parts:
        out.add("Об этой теме в загруженных материалах никто не говорил.")
    for part in parts:
        out.blank().add(person_line(part), html("📅 {}", event_line(part.event)))
        if part.summary:
            out.add(part.summary)
    out.add(*sources_footer([p.event for p in parts]))
    return out.text()


def work_card(work: Work, links: Sequence, orgs: Sequence[Organization]) -> Html:
    out = Lines().add(html("📘 {}", work_name(work)), i(WORK_KINDS.get(work.kind, work.kind)))
    if work.description:
        out.blank().add(work.description)
    if orgs:
        out.section("Организации:", (html("• {}", org_name(o)) for o in orgs))
    if links:
        out.section(
            "События:",
            (
                html("• {}: {}", WORK_ROLES.get(link.role, link.role), event_line(link.event))
                for link in links
            ),
        )
    out.add(*sources_footer([link.event for link in links]))
    return out.text()
