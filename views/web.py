"""The public catalogue's pages: server-rendered HTML (Jinja2, every value autoescaped) in the
current language, each with schema.org JSON-LD for search engines, readable on a phone and
without JavaScript. Texts are written in Russian and translated like the bot's (`_()`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from db.kinds import EntityKind
from facts.entities import Event, Organization, Participation, Person, Place
from facts.model import EventDetails, OrganizationDetails, PlaceDetails
from facts.network import Network
from loading.schema import SPEAKING_ROLES
from views.callbacks import card_payload
from views.i18n import Language, _, language
from views.labels import (
    COUNTRIES,
    EVENT_KINDS,
    FLAGS,
    FORMATS,
    ORG_ROLE_HEADINGS,
    ORG_ROLES,
    PERSON_ROLES,
    RELATIONS,
    WORK_ROLES,
    country_label,
    date_text,
    label,
    status_text,
)
from views.site import feed_path, network_path, page_path


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the list of events is narrowed to: a year, a country (where it was held), a city
    (held there or joined by it). Each is None when not chosen."""

    year: int | None = None
    country: str | None = None
    city: str | None = None

    def keeps(self, event: Event, cities: frozenset[str]) -> bool:
        if self.year is not None and event.year != self.year:
            return False
        if self.country is not None and (
            event.place is None or event.place.country != self.country
        ):
            return False
        return self.city is None or self.city == event.place_id or self.city in cities

    def params(self) -> dict[str, str]:
        found = {"year": self.year, "country": self.country, "city": self.city}
        return {k: str(v) for k, v in found.items() if v is not None}


@dataclass(frozen=True, slots=True)
class EventList:
    """One page of the list of events."""

    events: list[Event]
    number: int  # from 0
    count: int  # pages in all
    first: int  # the index of the first event shown, among those that pass the filter
    total: int  # events that pass the filter
    chosen: EventFilter
    years: list[int]  # every year some event has, newest first
    countries: list[str]  # every country some event was held in
    cities: list[Place]  # every place some event was held in or joined, by name


@dataclass(frozen=True, slots=True)
class PersonPage:
    person: Person
    participations: list[Participation]  # newest event first


@dataclass(frozen=True, slots=True)
class Site:
    """How a page links: to other pages (keeping a language chosen with ?lang=), to its
    calendar feeds and to the bot's card of the same thing."""

    public_url: str
    lang: Language
    explicit: bool = False  # the language was chosen with ?lang=: links keep it
    bot_username: str | None = None
    path: str = "/"  # of the page being written

    def link(self, path: str, params: dict[str, str] | None = None) -> str:
        query = dict(params or {})
        if self.explicit:
            query["lang"] = self.lang.value
        return path + (f"?{urlencode(query)}" if query else "")

    def page(self, kind: EntityKind, entity_id: str) -> str:
        return self.link(page_path(kind, entity_id))

    def in_language(self, lang: Language) -> str:
        """This page in another language: a link with a query only, so that nothing of the
        address asked for (which anyone can make up) goes into it."""
        return f"?{urlencode({'lang': lang.value})}"

    def absolute(self, path: str) -> str:
        return self.public_url + path

    def feed(self, kind: EntityKind | None = None, entity_id: str | None = None) -> str:
        """The webcal:// address a calendar app subscribes to."""
        path = feed_path(kind, entity_id)
        return "webcal://" + self.absolute(path).split("://", 1)[1]

    def bot_link(self, kind: EntityKind, entity_id: str) -> str | None:
        if not self.bot_username:
            return None
        return f"https://t.me/{self.bot_username}?start={card_payload(kind, entity_id)}"


def iso_date(event: Event) -> str | None:
    """A date as far as it is known, for schema.org: «2021-04-21», «2021-04», «2021»."""
    d = event.partial_date
    if d.year is None:
        return None
    if d.month is None:
        return f"{d.year:04d}"
    if d.day is None:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


# --- JSON-LD ---------------------------------------------------------------------------------

_STATUS = {"cancelled": "https://schema.org/EventCancelled"}
_ATTENDANCE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def _place_ld(place: Place) -> dict[str, Any]:
    return {
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": place.name,
            "addressCountry": place.country,
        },
    }


def _org_ld(site: Site, org: Organization) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "Organization",
        "name": org.name,
        "url": site.absolute(page_path(EntityKind.ORGANIZATION, org.id)),
    }
    if org.abbreviation:
        found["alternateName"] = org.abbreviation
    return found


def _person_ld(site: Site, person: Person) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "Person",
        "name": person.full_name,
        "givenName": person.first_name,
        "familyName": person.last_name,
        "url": site.absolute(page_path(EntityKind.PERSON, person.id)),
    }
    if person.patronymic:
        found["additionalName"] = person.patronymic
    return found


def event_ld(site: Site, d: EventDetails) -> dict[str, Any]:
    e = d.event
    found: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "url": site.absolute(page_path(EntityKind.EVENT, e.id)),
        "eventStatus": _STATUS.get(e.status, "https://schema.org/EventScheduled"),
    }
    if (start := iso_date(e)) is not None:
        found["startDate"] = start
    if e.format in _ATTENDANCE:
        found["eventAttendanceMode"] = _ATTENDANCE[e.format]
    if e.place is not None:
        found["location"] = _place_ld(e.place)
    elif e.format == "online" and (address := e.website or _web_address(e.source.file)):
        found["location"] = {"@type": "VirtualLocation", "url": address}
    if e.summary:
        found["description"] = e.summary
    organizers = [_org_ld(site, o.organization) for o in d.organizations if o.role == "organizer"]
    if organizers:
        found["organizer"] = organizers
    speakers = [_person_ld(site, p.person) for p in d.participations if p.role in SPEAKING_ROLES]
    if speakers:
        found["performer"] = speakers
    others = [
        _person_ld(site, p.person)
        for p in d.participations
        if p.role not in SPEAKING_ROLES and p.role != "mentioned"  # only named: not there
    ]
    if others:
        found["attendee"] = others
    found["subjectOf"] = {"@type": "Article", "name": e.source.title}
    if address := _web_address(e.source.file):
        found["subjectOf"]["url"] = address
    return found


def _web_address(text: str) -> str | None:
    """A source's address when it is one (some sources are files sent to the bot)."""
    return text if text.startswith(("https://", "http://")) else None


def person_ld(site: Site, p: PersonPage) -> dict[str, Any]:
    found = {"@context": "https://schema.org", **_person_ld(site, p.person)}
    titles = list(dict.fromkeys(pos.title for part in p.participations for pos in part.positions))
    if titles:
        found["jobTitle"] = titles
    orgs = {
        pos.organization.id: pos.organization
        for part in p.participations
        for pos in part.positions
        if pos.organization is not None
    }
    if orgs:
        found["affiliation"] = [_org_ld(site, o) for o in orgs.values()]
    if p.person.city is not None:
        found["homeLocation"] = _place_ld(p.person.city)
    return found


def organization_ld(site: Site, d: OrganizationDetails) -> dict[str, Any]:
    o = d.organization
    found = {"@context": "https://schema.org", **_org_ld(site, o)}
    if d.aliases:
        found["alternateName"] = [a for a in d.aliases if a != o.name] or o.abbreviation
    if o.city is not None:
        found["location"] = _place_ld(o.city)
    elif o.country:
        found["address"] = {"@type": "PostalAddress", "addressCountry": o.country}
    if o.parent is not None:
        found["parentOrganization"] = _org_ld(site, o.parent)
    return {k: v for k, v in found.items() if v}


def place_ld(site: Site, d: PlaceDetails) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "City",
        "name": d.place.name,
        "url": site.absolute(page_path(EntityKind.PLACE, d.place.id)),
        "containedInPlace": {"@type": "Country", "name": country_label(d.place.country)},
    }


def events_ld(site: Site, page: EventList) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": page.first + k + 1,
                "url": site.absolute(page_path(EntityKind.EVENT, e.id)),
                "name": e.title,
            }
            for k, e in enumerate(page.events)
        ],
    }


def _script(data: dict[str, Any]) -> str:
    """JSON for a <script> element: «</script>» inside a name cannot end it."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- Pages -------------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("views", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        lambda text: _(text), lambda one, many, n: _(one if n == 1 else many), newstyle=False
    )
    env.globals.update(
        EntityKind=EntityKind,
        Language=Language,
        SPEAKING_ROLES=SPEAKING_ROLES,
        EVENT_KINDS=EVENT_KINDS,
        FORMATS=FORMATS,
        ORG_ROLES=ORG_ROLES,
        ORG_ROLE_HEADINGS=ORG_ROLE_HEADINGS,
        PERSON_ROLES=PERSON_ROLES,
        RELATIONS=RELATIONS,
        WORK_ROLES=WORK_ROLES,
        COUNTRIES=COUNTRIES,
        FLAGS=FLAGS,
        label=label,
        country_label=country_label,
        date_text=date_text,
        status_text=status_text,
        iso_date=iso_date,
        network_path=network_path,
    )
    return env


@dataclass(slots=True)
class _Page:
    site: Site
    title: str
    ld: dict[str, Any] | None
    today: date
    values: dict[str, Any] = field(default_factory=dict)

    def render(self, template: str) -> str:
        return (
            _environment()
            .get_template(template)
            .render(
                site=self.site,
                title=self.title,
                ld=_script(self.ld) if self.ld is not None else None,
                today=self.today,
                lang=language(),
                **self.values,
            )
        )


def events_html(site: Site, page: EventList, today: date) -> str:
    values = {"page": page}
    return _Page(site, _("События"), events_ld(site, page), today, values).render("events.html")


def event_html(site: Site, d: EventDetails, today: date) -> str:
    speakers = [p for p in d.participations if p.role in SPEAKING_ROLES]
    others = [p for p in d.participations if p.role not in SPEAKING_ROLES]
    values = {"d": d, "e": d.event, "speakers": speakers, "others": others}
    ld = event_ld(site, d)
    return _Page(site, d.event.display_title, ld, today, values).render("event.html")


def person_html(site: Site, p: PersonPage, network: Network | None, today: date) -> str:
    values = {"p": p, "network": network}
    ld = person_ld(site, p)
    return _Page(site, p.person.full_name, ld, today, values).render("person.html")


def organization_html(
    site: Site, d: OrganizationDetails, network: Network | None, today: date
) -> str:
    values = {"d": d, "network": network}
    ld = organization_ld(site, d)
    return _Page(site, d.organization.name, ld, today, values).render("organization.html")


def place_html(site: Site, d: PlaceDetails, network: Network | None, today: date) -> str:
    ld = place_ld(site, d)
    values = {"d": d, "network": network}
    return _Page(site, d.place.name, ld, today, values).render("place.html")


def not_found_html(site: Site, today: date) -> str:
    return _Page(site, _("Страница не найдена"), None, today).render("not_found.html")


def unavailable_html(site: Site, today: date) -> str:
    title = _("Данные пока недоступны")
    return _Page(site, title, None, today).render("unavailable.html")
