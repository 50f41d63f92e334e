"""The public catalogue on the web: which facts each page, feed and export holds, read from
the edition as the bot's answers are (no database on the way); `views/web.py` writes pages.

A page or feed that names an id the content does not have is a 404.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from answers.base import paginate
from db.kinds import EntityKind
from facts.edition import Edition
from facts.entities import Event
from facts.model import Facts
from facts.network import NETWORK_KINDS, network_of
from views.calendar import calendar_file, feed_name
from views.network import network_picture
from views.web import (
    EventFilter,
    EventList,
    PersonPage,
    Site,
    event_html,
    events_html,
    not_found_html,
    organization_html,
    person_html,
    place_html,
    unavailable_html,
)

EVENTS_PER_PAGE = 20
# A city's page shows the first of each of its lists (a big city has hundreds of events and
# thousands of participants); the rest of its events are the list of events filtered by it.
SHOWN_OF_A_CITY = 50


@dataclass(frozen=True, slots=True)
class WebAnswer:
    status: int
    body: bytes
    content_type: str
    etag: str | None = None  # for what is the same until the content changes


def _page(status: int, text: str) -> WebAnswer:
    return WebAnswer(status, text.encode("utf-8"), "text/html; charset=utf-8")


def _etag(edition: Edition, *parts: str) -> str | None:
    """Changes when the content version does, or what was asked."""
    if edition.version is None:
        return None
    digest = hashlib.sha256("\0".join([edition.version[1], *parts]).encode()).hexdigest()
    return f'"{digest[:32]}"'


def events_list(facts: Facts, chosen: EventFilter, page: int) -> EventList:
    """The events newest first, narrowed by `chosen`, page `page` (from 0) of them."""
    events = facts.all_events()
    joined = {e.id: frozenset(c.place_id for c in facts.event_cities(e.id)) for e in events}
    kept = [e for e in events if chosen.keeps(e, joined[e.id])]
    years = sorted({e.year for e in events if e.year is not None}, reverse=True)
    countries = sorted({e.place.country for e in events if e.place is not None})
    city_ids = {e.place_id for e in events if e.place_id}.union(*joined.values())
    cities = sorted(
        (p for p in (facts.get_place(i) for i in city_ids) if p is not None),
        key=lambda p: p.name,
    )
    shown = paginate(kept, page, EVENTS_PER_PAGE)
    return EventList(
        list(shown.items),
        shown.number,
        shown.count,
        shown.start,
        len(kept),
        chosen,
        years,
        countries,
        cities,
    )


def events_answer(
    edition: Edition, site: Site, chosen: EventFilter, page: int, today: date
) -> WebAnswer:
    return _page(200, events_html(site, events_list(edition.facts, chosen, page), today))


def entity_answer(
    edition: Edition, site: Site, kind: EntityKind, entity_id: str, today: date
) -> WebAnswer:
    """The page of one event, person, organization or city."""
    facts = edition.facts
    text: str | None = None
    network = network_of(facts, kind, entity_id) if kind in NETWORK_KINDS else None
    if kind is EntityKind.EVENT and (event := facts.event_details(entity_id)) is not None:
        text = event_html(site, event, today)
    elif kind is EntityKind.PERSON and (found := facts.person_and_participations(entity_id)):
        text = person_html(site, PersonPage(*found), network, today)
    elif kind is EntityKind.ORGANIZATION and (org := facts.organization_details(entity_id)):
        text = organization_html(site, org, network, today)
    elif kind is EntityKind.PLACE and (place := facts.place_details(entity_id, SHOWN_OF_A_CITY)):
        text = place_html(site, place, network, today)
    if text is None:
        return not_found(site, today)
    return _page(200, text)


def not_found(site: Site, today: date) -> WebAnswer:
    return _page(404, not_found_html(site, today))


def unavailable(site: Site, today: date) -> WebAnswer:
    """The open data cannot be made now (no content loaded, or its files let go)."""
    return _page(503, unavailable_html(site, today))


def feed_events(facts: Facts, kind: EntityKind | None, entity_id: str | None) -> list[Event] | None:
    """The events of a calendar feed: every event, or those of one organization, city, person
    or topic; None when that one is not in the content."""
    if kind is None or entity_id is None:
        return facts.all_events()
    exists = {
        EntityKind.ORGANIZATION: facts.organizations,
        EntityKind.PLACE: facts.places,
        EntityKind.PERSON: facts.people,
        EntityKind.TOPIC: facts.topics,
    }.get(kind)
    if exists is None or entity_id not in exists:
        return None
    return facts.events_of(kind, entity_id)


def _feed_name(facts: Facts, kind: EntityKind | None, entity_id: str | None) -> str:
    if kind is None or entity_id is None:
        return feed_name(None)
    names = {
        EntityKind.ORGANIZATION: lambda: facts.organizations[entity_id].name,
        EntityKind.PLACE: lambda: facts.places[entity_id].name,
        EntityKind.PERSON: lambda: facts.people[entity_id].full_name,
        EntityKind.TOPIC: lambda: facts.topics[entity_id].name,
    }
    return feed_name(names[kind]())


def feed_answer(
    edition: Edition,
    site: Site,
    kind: EntityKind | None,
    entity_id: str | None,
    today: date,
    updated: datetime | None = None,
) -> WebAnswer:
    """A calendar feed a calendar app subscribes to: every event of it whose day is known."""
    events = feed_events(edition.facts, kind, entity_id)
    if events is None:
        return not_found(site, today)
    link = site.absolute("/event/{}")
    name = _feed_name(edition.facts, kind, entity_id)
    data = calendar_file(events, link, name=name, stamp=updated)
    etag = _etag(edition, "ical", str(kind), entity_id or "", site.lang.value)
    return WebAnswer(200, data, "text/calendar; charset=utf-8", etag)


async def network_answer(
    edition: Edition, site: Site, kind: EntityKind, entity_id: str, today: date
) -> WebAnswer:
    """The picture of one organization's, person's or city's network, as SVG (drawn in a
    worker thread: matplotlib is slow to start)."""
    network = network_of(edition.facts, kind, entity_id) if kind in NETWORK_KINDS else None
    if network is None:
        return not_found(site, today)
    data = await asyncio.to_thread(network_picture, network, "svg")
    etag = _etag(edition, "network", str(kind), entity_id, site.lang.value)
    return WebAnswer(200, data, "image/svg+xml", etag)
