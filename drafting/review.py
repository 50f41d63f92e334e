"""An admin's review of a draft, fact by fact: each proposed fact (the event's title, kind,
status, date, place and format; each person with positions; each organization with its role
and country; each city) is accepted, corrected or dropped. Only a review with every fact
decided becomes a content file, marked reviewed. Plain data, kept as JSON between messages.
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from drafting.model import Draft, slug
from drafting.render import aliases_for
from drafting.words import MONTHS
from loading.schema import EventFormat, EventKind, EventStatus, OrgRole, ParticipantRole

COUNTRIES = ("RU", "KZ")
MAX_NAME = 300  # content's limit for names and titles
MAX_SUMMARY = 1500


class Verdict(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    EDITED = "edited"
    DROPPED = "dropped"

    @property
    def decided(self) -> bool:
        return self is not Verdict.PENDING


class Group(StrEnum):
    EVENT = "e"
    PEOPLE = "p"
    ORGANIZATIONS = "o"
    CITIES = "c"


class EventField(StrEnum):
    TITLE = "title"
    KIND = "kind"
    STATUS = "status"
    DATE = "date"
    PLACE = "place"
    FORMAT = "format"
    SUMMARY = "summary"


REQUIRED_FIELDS = frozenset({EventField.TITLE, EventField.KIND, EventField.STATUS})


class Action(StrEnum):
    ACCEPT = "ok"
    EDIT = "ed"
    DROP = "x"
    SAME = "eq"  # it is the existing entity offered
    ADD = "add"  # a fact the draft missed (a person, organization or city)
    FINISH = "fin"  # show what is left, or the changes and «publish»
    PUBLISH = "pub"
    # One country for every organization still unchecked and without one (a local event's
    # ensembles and centres): one press, not one correction each
    ALL_RU = "ru"
    ALL_KZ = "kz"


# The country each of those actions gives
COUNTRY_FOR_ALL = {Action.ALL_RU: "RU", Action.ALL_KZ: "KZ"}


class _Item(BaseModel):
    model_config = ConfigDict(validate_assignment=True)
    verdict: Verdict = Verdict.PENDING


class EventItem(_Item):
    field: EventField


class Position(BaseModel):
    title: str
    organization: str | None = None  # id of an organization of the review or of content


class PersonItem(_Item):
    id: str
    first_name: str | None
    last_name: str
    patronymic: str | None = None
    known: bool = False
    role: ParticipantRole = "speaker"
    city: str | None = None
    positions: list[Position] = []
    maybe: tuple[str, str] | None = None  # (id, name) of a person content may already hold

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.patronymic, self.last_name) if p)


class OrganizationItem(_Item):
    id: str
    name: str
    abbreviations: list[str] = []
    known: bool = False
    role: OrgRole = "participant"
    country: str | None = None
    maybe: tuple[str, str] | None = None


class CityItem(_Item):
    id: str
    name: str
    country: str | None = None
    known: bool = False


class Review(BaseModel):
    """A draft under review. `id` is the stored row's."""

    model_config = ConfigDict(validate_assignment=True)
    id: int = 0
    source_file: str
    source_title: str
    title: str | None
    kind: EventKind
    status: EventStatus
    date: dict[str, int]
    place: str | None
    format: EventFormat
    summary: str | None = None  # in the reviewer's own words
    event: list[EventItem]
    people: list[PersonItem]
    organizations: list[OrganizationItem]
    cities: list[CityItem]
    published: bool = False
    together: int = 0  # presses that settled several facts at once (`ALL_RU` …): effort too
    ids: dict[str, str] = {}  # the event's and the source's ids, when content took the first
    # Cities content already holds, by every name (folded) → (id, name, country): a city the
    # admin types is the one content knows.
    known_places: dict[str, tuple[str, str, str]] = {}

    # --- reading -----------------------------------------------------------------------------

    def items(self, group: Group) -> list[Any]:
        return {
            Group.EVENT: self.event,
            Group.PEOPLE: self.people,
            Group.ORGANIZATIONS: self.organizations,
            Group.CITIES: self.cities,
        }[group]

    def item(self, group: Group, index: int) -> Any | None:
        items = self.items(group)
        return items[index] if 0 <= index < len(items) else None

    def org_name(self, org_id: str | None) -> str | None:
        found = next((o for o in self.organizations if o.id == org_id), None)
        return found.name if found is not None else org_id

    def city_name(self, city_id: str | None) -> str | None:
        found = next((c for c in self.cities if c.id == city_id), None)
        return found.name if found is not None else city_id

    def pending(self) -> int:
        return sum(1 for g in Group for item in self.items(g) if not item.verdict.decided)

    def actions(self) -> int:
        """The admin's effort: facts corrected or dropped, and presses that settled several."""
        return self.together + sum(
            1
            for g in Group
            for item in self.items(g)
            if item.verdict in (Verdict.EDITED, Verdict.DROPPED)
        )

    def without_country(self) -> list[int]:
        """The organizations still unchecked whose country the draft does not know."""
        return [
            k
            for k, o in enumerate(self.organizations)
            if not o.verdict.decided and not o.known and o.country is None
        ]

    def problems(self) -> list[tuple[Group, int, str]]:
        """What keeps the review from being published: (group, index, problem code)."""
        found: list[tuple[Group, int, str]] = []
        for g in Group:
            for k, item in enumerate(self.items(g)):
                if not item.verdict.decided:
                    found.append((g, k, "pending"))
        title = self.event[_field_index(EventField.TITLE)]
        if not self.title or title.verdict is Verdict.DROPPED:
            found.append((Group.EVENT, _field_index(EventField.TITLE), "no_title"))
        for k, person in enumerate(self.people):
            if person.verdict is not Verdict.DROPPED and not person.known and not person.first_name:
                found.append((Group.PEOPLE, k, "no_first_name"))
        for k, city in enumerate(self.cities):
            if city.verdict is not Verdict.DROPPED and not city.known and not city.country:
                found.append((Group.CITIES, k, "no_country"))
        return found

    # --- changing ----------------------------------------------------------------------------

    def decide(self, group: Group, index: int, action: Action) -> bool:
        """Accept, drop or take as the existing entity; False when there is no such item."""
        item = self.item(group, index)
        if item is None:
            return False
        if action is Action.ACCEPT:
            item.verdict = Verdict.ACCEPTED
        elif action is Action.DROP:
            if group is Group.EVENT and item.field in REQUIRED_FIELDS:
                return False  # an event has a title, kind and status: correct them instead
            item.verdict = Verdict.DROPPED
        elif action in COUNTRY_FOR_ALL and group is Group.ORGANIZATIONS:
            rest = self.without_country()
            if not rest:
                return False
            for k in rest:
                self.organizations[k].country = COUNTRY_FOR_ALL[action]
                self.organizations[k].verdict = Verdict.ACCEPTED
            self.together += 1
        elif action is Action.SAME and getattr(item, "maybe", None):
            old_id, name = item.maybe
            if any(
                other is not item and other.id == old_id and other.verdict is not Verdict.DROPPED
                for other in self.items(group)
            ):
                return False  # another fact of the draft is that one already
            self._rename(group, item.id, old_id)
            item.id, item.known, item.maybe = old_id, True, None
            if group is Group.PEOPLE:
                parts = name.split()
                item.first_name, item.last_name = parts[0], " ".join(parts[1:]) or parts[0]
            else:
                item.name = name
            item.verdict = Verdict.ACCEPTED
        else:
            return False
        return True

    def _rename(self, group: Group, old: str, new: str) -> None:
        if group is Group.ORGANIZATIONS:
            for person in self.people:
                for position in person.positions:
                    if position.organization == old:
                        position.organization = new
        elif group is Group.CITIES:
            self.place = new if self.place == old else self.place
            for person in self.people:
                person.city = new if person.city == old else person.city

    def correct(self, group: Group, index: int, text: str) -> str | None:
        """Apply the admin's corrected text; None when done, else a problem code."""
        item = self.item(group, index)
        text = " ".join(text.split())
        if item is None:
            return "gone"
        if not text:
            return "empty"
        problem = {
            Group.EVENT: self._correct_event,
            Group.PEOPLE: self._correct_person,
            Group.ORGANIZATIONS: self._correct_organization,
            Group.CITIES: self._correct_city,
        }[group](item, text)
        if problem is None:
            item.verdict = Verdict.EDITED
        return problem

    def _correct_event(self, item: EventItem, text: str) -> str | None:
        if item.field is EventField.TITLE:
            if len(text) > MAX_NAME:
                return "too_long"
            self.title = text
        elif item.field in _CHOICES:  # kind, status, format: one of the words an admin may type
            chosen = _choice(text, _CHOICES[item.field])
            if chosen is None:
                return item.field.value
            setattr(self, item.field.value, chosen)
        elif item.field is EventField.DATE:
            date = parse_date(text)
            if date is None:
                return "date"
            self.date = date
        elif item.field is EventField.PLACE:
            name, country = _name_and_country(text)
            city = self._city(name, country)
            self.place = city.id
        elif item.field is EventField.SUMMARY:
            if len(text) > MAX_SUMMARY:
                return "summary_too_long"
            self.summary = text
        return None

    def add(self, group: Group, text: str) -> str | None:
        """A fact the draft missed, typed as a correction is; None when added."""
        text = " ".join(text.split())
        if not text:
            return "empty"
        if group is Group.PEOPLE:
            item: Any = PersonItem(id="new", first_name=None, last_name="?")
            problem = self._correct_person(item, text)
        elif group is Group.ORGANIZATIONS:
            item = OrganizationItem(id="new", name="?")
            problem = self._correct_organization(item, text)
            if problem is None:
                item.id = _free_id(slug(item.name), [o.id for o in self.organizations])
        elif group is Group.CITIES:
            name, country = _name_and_country(text)
            if len(name) > MAX_NAME:
                return "too_long"
            item = self._new_city(name, country)
            problem = None if name else "city"
            if any(c.id == item.id for c in self.cities):
                return "duplicate"
        else:
            return "gone"
        if problem is not None:
            return problem
        item.verdict = Verdict.EDITED
        self.items(group).append(item)
        return None

    def _city(self, name: str, country: str | None) -> CityItem:
        """The review's city of that name, or a new one (accepted: the admin typed it)."""
        folded = name.casefold()
        for city in self.cities:
            if city.name.casefold() == folded:
                if city.verdict is Verdict.DROPPED:
                    city.verdict = Verdict.ACCEPTED
                if country and not city.known:
                    city.country = country
                return city
        city = self._new_city(name, country)
        same = next((c for c in self.cities if c.id == city.id), None)  # another of its names
        if same is not None:
            same.verdict = Verdict.ACCEPTED if same.verdict is Verdict.DROPPED else same.verdict
            return same
        city.verdict = Verdict.ACCEPTED  # typed by the admin in the same correction
        self.cities.append(city)
        return city

    def _new_city(self, name: str, country: str | None) -> CityItem:
        """A city the admin typed: one content holds under that name, or a new one."""
        known = self.known_places.get(name.casefold().replace("ё", "е"))
        if known is not None:
            return CityItem(id=known[0], name=known[1], country=known[2], known=True)
        taken = [c.id for c in self.cities] + [k[0] for k in self.known_places.values()]
        return CityItem(id=_free_id(slug(name), taken), name=name, country=country)

    def _correct_person(self, item: PersonItem, text: str) -> str | None:
        marked = re.search(r"\s*\[([^\]]+)\]\s*$", text)  # «… [модератор]»: the role
        if marked is not None:
            role = _choice(marked.group(1), PERSON_ROLE_WORDS)
            if role is None:
                return "role"
            item.role, text = role, text[: marked.start()]
        if re.search(r"\s[—–-]$", text):  # «Имя Фамилия — [участник]»: no position
            text = text[:-1].rstrip() + " — "
        name, rest = _name_rest(text)
        words = name.split()
        if not 2 <= len(words) <= 4 or any(not w[:1].isalpha() for w in words):
            return "person"
        chunks = [chunk.strip() for chunk in (rest or "").split(";") if chunk.strip()]
        if any(len(w) > MAX_NAME for w in words) or any(len(c) > 2 * MAX_NAME for c in chunks):
            return "too_long"
        first, last, patronymic = words[0], words[-1], " ".join(words[1:-1]) or None
        if item.known and (first, last) != (item.first_name, item.last_name):
            item.known, item.maybe = False, None  # another person than the one content holds
        item.first_name, item.last_name, item.patronymic = first, last, patronymic
        if not item.known:
            item.id = _free_id(slug(f"{item.last_name} {item.first_name}"), self._person_ids(item))
        if rest is not None:
            positions = [self._position(chunk) for chunk in chunks]
            if any(p is None for p in positions):
                return "too_long"
            item.positions = [p for p in positions if p is not None]
        return None

    def _person_ids(self, item: PersonItem) -> list[str]:
        return [p.id for p in self.people if p is not item]

    def _position(self, text: str) -> Position | None:
        """«председатель правления (Фонд «Степь»)»: the organization in brackets is one of the
        review's, or added to it. None when a part is too long."""
        found = re.fullmatch(r"(.+?)\s*\((.+)\)\s*", text.strip())
        if found is None:
            return Position(title=text.strip()) if len(text.strip()) <= MAX_NAME else None
        title, name = found.group(1).strip(), found.group(2).strip()
        if len(title) > MAX_NAME or len(name) > MAX_NAME:
            return None
        folded = name.casefold()
        for org in self.organizations:
            if folded in (org.name.casefold(), *(a.casefold() for a in org.abbreviations)):
                if org.verdict is Verdict.DROPPED:
                    org.verdict = Verdict.ACCEPTED
                return Position(title=title, organization=org.id)
        org = OrganizationItem(
            id=_free_id(slug(name), [o.id for o in self.organizations]),
            name=name,
            verdict=Verdict.ACCEPTED,  # typed by the admin in the same correction
        )
        self.organizations.append(org)
        return Position(title=title, organization=org.id)

    def _correct_organization(self, item: OrganizationItem, text: str) -> str | None:
        parts = [p.strip() for p in text.split(",")]
        while len(parts) > 1:
            last = parts[-1]
            role = _choice(last, ROLE_WORDS)
            country = _country(last)
            if role is not None:
                item.role = role
            elif country is not None:
                item.country = country
            else:
                break
            parts.pop()
        name = ", ".join(parts)
        if not name:
            return "organization"
        if len(name) > MAX_NAME:
            return "too_long"
        if not item.known:
            item.name = name
        return None

    def _correct_city(self, item: CityItem, text: str) -> str | None:
        name, country = _name_and_country(text)
        if not name:
            return "city"
        if len(name) > MAX_NAME:
            return "too_long"
        if not item.known:
            item.name = name
        item.country = country or item.country
        return None

    # --- the content file --------------------------------------------------------------------

    def content_yaml(self) -> str:
        """The reviewed draft as a content file (call only when `problems()` is empty)."""
        kept_orgs = [o for o in self.organizations if o.verdict is not Verdict.DROPPED]
        kept_cities = [c for c in self.cities if c.verdict is not Verdict.DROPPED]
        kept_people = [p for p in self.people if p.verdict is not Verdict.DROPPED]
        org_ids = {o.id for o in kept_orgs}
        city_ids = {c.id for c in kept_cities}
        source_id, event_id = self.source_id(), self.event_id()
        source = {
            "id": source_id,
            "file": self.source_file[:MAX_NAME],
            "title": (self.source_title or self.title or self.source_file)[:MAX_NAME],
        }
        file: dict[str, Any] = {
            "review": "reviewed",
            "sources": [source],
        }
        new_cities = [
            {"id": c.id, "name": c.name, "country": c.country} for c in kept_cities if not c.known
        ]
        if new_cities:
            file["places"] = new_cities
        new_orgs = []
        for o in kept_orgs:
            if o.known:
                continue
            entry: dict[str, Any] = {"id": o.id, "name": o.name}
            if o.abbreviations:
                entry["abbreviations"] = o.abbreviations
            if o.country:
                entry["country"] = o.country
            new_orgs.append(entry)
        if new_orgs:
            file["organizations"] = new_orgs
        new_people = []
        for p in kept_people:
            if p.known:
                continue
            entry = {"id": p.id, "first_name": p.first_name, "last_name": p.last_name}
            if p.patronymic:
                entry["patronymic"] = p.patronymic
            new_people.append(entry)
        if new_people:
            file["people"] = new_people
        event: dict[str, Any] = {
            "id": event_id,
            "kind": self.kind,
            "status": self.status,
            "title": self.title,
        }
        city = self.city_name(self.place) if self.place in city_ids else None
        aliases = aliases_for(
            self.kind,
            city if _kept(self, EventField.PLACE) else None,
            self.date if _kept(self, EventField.DATE) else {},
        )
        aliases = [a for a in aliases if len(a) <= MAX_NAME]
        if aliases:
            event["aliases"] = aliases
        if _kept(self, EventField.DATE) and self.date:
            event["date"] = {k: v for k, v in self.date.items() if k != "inferred"}
            if self.date.get("inferred") and "year" in self.date:
                event["date"]["inferred"] = True
        event["format"] = self.format if _kept(self, EventField.FORMAT) else "unknown"
        event["source"] = source_id
        if _kept(self, EventField.PLACE) and self.place in city_ids:
            event["place"] = self.place
        if _kept(self, EventField.SUMMARY) and self.summary:
            event["summary"] = self.summary
        if kept_cities:
            event["cities"] = [c.id for c in kept_cities]
        if kept_orgs:
            event["organizations"] = [{"organization": o.id, "role": o.role} for o in kept_orgs]
        participants = []
        for p in kept_people:
            entry = {"person": p.id, "role": p.role}
            if p.city in city_ids:
                entry["city"] = p.city
            positions = []
            for pos in p.positions:
                one: dict[str, Any] = {"title": pos.title}
                if pos.organization in org_ids:
                    one["organization"] = pos.organization
                positions.append(one)
            if positions:
                entry["positions"] = positions
            participants.append(entry)
        if participants:
            event["participants"] = participants
        file["events"] = [event]
        return yaml.safe_dump(file, allow_unicode=True, sort_keys=False, width=100)

    def source_id(self) -> str:
        # Pages of one site, or texts pasted under one name, are told apart by a digest.
        own = self.source_file if "://" in self.source_file else f"{self.source_file}#{self.id}"
        digest = hashlib.sha1(own.encode()).hexdigest()[:6]
        stem = self.source_file if "://" in own else self.source_file.rsplit(".", 1)[0]
        return self.ids.get("source") or f"article-{slug(stem, 24)}-{digest}"

    def event_id(self) -> str:
        return self.ids.get("event") or slug(f"{self.date.get('year', '')} {self.title}", 44)

    def file_name(self) -> str:
        """A name of its own: a stored review's never replaces another event's file."""
        stem = slug(f"{self.date.get('year', '')} {self.title or self.source_file}", 60)
        return f"{stem}-r{self.id}.yaml" if self.id else f"{stem}.yaml"

    def link_known(self, names: dict[str, dict[str, tuple[str, str]]]) -> None:
        """A new organization or person named exactly like one content holds (`names`, see
        loading.files.names_in) is that one: typed in a correction or added, it must not
        become a second entity of the same name."""
        from loading.files import fold_name

        for group, section in ((Group.ORGANIZATIONS, "organizations"), (Group.PEOPLE, "people")):
            items = self.items(group)
            first_of: dict[str, Any] = {}  # the draft's own: an article names one thing twice
            for item in items:
                if item.known or item.verdict is Verdict.DROPPED:
                    continue
                label = (
                    item.name
                    if group is Group.ORGANIZATIONS
                    else f"{item.first_name or ''} {item.last_name}"
                )
                if (same := first_of.setdefault(fold_name(label), item)) is not item:
                    _absorb(same, item)
                    self._rename(group, item.id, same.id)
                    item.verdict = Verdict.DROPPED
                    continue
                found = names.get(section, {}).get(fold_name(label))
                if found is None:
                    continue
                if any(o is not item and o.id == found[0] for o in items):
                    self._rename(group, item.id, found[0])
                    item.verdict = Verdict.DROPPED  # the draft has that one already
                    continue
                self._rename(group, item.id, found[0])
                item.id, item.known, item.maybe = found[0], True, None

    def free_ids(self, taken: set[str]) -> None:
        """Give every new person, organization and city, the event and the source an id that
        content (`taken`) does not already give another entity."""
        for group in (Group.PEOPLE, Group.ORGANIZATIONS, Group.CITIES):
            items = self.items(group)
            for item in items:
                if not item.known and item.id in taken:
                    new = _free_id(item.id, [*taken, *(i.id for i in items)])
                    self._rename(group, item.id, new)
                    item.id = new
        for key, current in (("event", self.event_id()), ("source", self.source_id())):
            if current in taken:
                self.ids = {**self.ids, key: _free_id(current, list(taken))}


_ROLE_STRENGTH = ("organizer", "moderator", "speaker", "partner", "participant", "mentioned")


def _absorb(kept: PersonItem | OrganizationItem, twin: PersonItem | OrganizationItem) -> None:
    """What a second item of the same name adds to the first: the stronger role, and a
    person's positions the first lacks."""
    if _ROLE_STRENGTH.index(twin.role) < _ROLE_STRENGTH.index(kept.role):
        kept.role = twin.role  # type: ignore[assignment]
    if isinstance(kept, PersonItem) and isinstance(twin, PersonItem):
        kept.positions += [p for p in twin.positions if p not in kept.positions]


# --- building a review from a draft -----------------------------------------------------------


def review_of(
    draft: Draft,
    source: str,
    source_title: str,
    maybe: dict[str, tuple[str, str]],
    taken: frozenset[str] = frozenset(),
    known_places: dict[str, tuple[str, str, str]] | None = None,
) -> Review:
    """A review of `draft`, every fact pending. `source` is the article's file or address;
    `maybe` maps a new person's or organization's id to an existing entity it may be; a new
    entity whose id content already gives another (`taken`) gets a free one; `known_places`
    are content's cities by name (see `places_by_name`)."""
    review = _review_of(draft, source, source_title, maybe)
    review.known_places = dict(known_places or {})
    for city in review.cities:  # a known city's country is content's
        known = review.known_places.get(city.name.casefold().replace("ё", "е"))
        if city.known and known is not None:
            city.country = known[2]
    review.free_ids(set(taken))
    return review


def _review_of(
    draft: Draft, source: str, source_title: str, maybe: dict[str, tuple[str, str]]
) -> Review:
    roles = {o.id: draft.role_of(o) for o in draft.organizations}
    return Review(
        source_file=source,
        source_title=source_title,
        title=draft.title,
        kind=draft.kind if draft.kind in KIND_WORDS.values() else "other",
        status=draft.status if draft.status in STATUS_WORDS.values() else "held",
        date={k: v for k, v in draft.date.items() if k in ("year", "month", "day", "inferred")},
        place=draft.place,
        format=draft.format if draft.format in FORMAT_WORDS.values() else "unknown",
        event=[EventItem(field=f) for f in EventField],
        people=[
            PersonItem(
                id=p.id,
                first_name=p.first_name,
                last_name=p.last_name,
                patronymic=p.patronymic,
                known=p.known,
                role=p.role if p.role in ("speaker", "moderator", "participant") else "mentioned",
                city=p.city,
                positions=[
                    Position(title=q.title, organization=q.organization) for q in p.positions
                ],
                maybe=None if p.known else maybe.get(p.id),
            )
            for p in draft.people
        ],
        organizations=[
            OrganizationItem(
                id=o.id,
                name=o.name,
                abbreviations=o.abbreviations,
                known=o.known,
                role=roles[o.id],
                country=o.country,
                maybe=None if o.known else maybe.get(o.id),
            )
            for o in draft.organizations
        ],
        cities=[
            CityItem(id=c.id, name=c.name, country=c.country, known=c.known) for c in draft.places
        ],
    )


# --- words an admin may type --------------------------------------------------------------------

KIND_WORDS: dict[str, EventKind] = {
    "круглый стол": "round_table", "round table": "round_table", "дөңгелек үстел": "round_table",
    "форум": "forum", "forum": "forum",
    "встреча": "meeting", "meeting": "meeting", "кездесу": "meeting",
    "конференция": "conference", "conference": "conference", "конференциясы": "conference",
    "подписание": "signing", "signing": "signing", "қол қою": "signing",
    "другое": "other", "other": "other", "басқа": "other",
}  # fmt: skip
STATUS_WORDS: dict[str, EventStatus] = {
    "прошло": "held", "прошла": "held", "прошёл": "held", "состоялось": "held", "held": "held",
    "өтті": "held",
    "анонс": "announced", "запланировано": "announced", "предстоит": "announced",
    "announced": "announced", "planned": "announced", "жоспарланған": "announced",
    "отменено": "cancelled", "отменён": "cancelled", "cancelled": "cancelled",
    "тоқтатылды": "cancelled",
}  # fmt: skip
FORMAT_WORDS: dict[str, EventFormat] = {
    "онлайн": "online", "online": "online", "очно": "offline", "офлайн": "offline",
    "offline": "offline", "in person": "offline", "смешанный": "hybrid", "гибрид": "hybrid",
    "hybrid": "hybrid", "неизвестно": "unknown", "unknown": "unknown", "белгісіз": "unknown",
    "бетпе-бет": "offline", "аралас": "hybrid",
}  # fmt: skip
ROLE_WORDS: dict[str, OrgRole] = {
    "организатор": "organizer", "organizer": "organizer", "ұйымдастырушы": "organizer",
    "участник": "participant", "participant": "participant", "қатысушы": "participant",
    "партнёр": "partner", "партнер": "partner", "partner": "partner", "серіктес": "partner",
    "упомянута": "mentioned", "упомянут": "mentioned", "mentioned": "mentioned",
    "аталған": "mentioned",
}  # fmt: skip
PERSON_ROLE_WORDS: dict[str, ParticipantRole] = {
    "выступление": "speaker", "выступал": "speaker", "выступала": "speaker",
    "докладчик": "speaker", "спикер": "speaker", "speaker": "speaker", "баяндамашы": "speaker",
    "модератор": "moderator", "moderator": "moderator",
    "участник": "participant", "участница": "participant", "participant": "participant",
    "қатысушы": "participant",
    "упоминается": "mentioned", "упомянут": "mentioned", "упомянута": "mentioned",
    "mentioned": "mentioned", "аталған": "mentioned",
}  # fmt: skip
COUNTRY_WORDS = {
    "ru": "RU", "рф": "RU", "россия": "RU", "russia": "RU", "ресей": "RU",
    "kz": "KZ", "рк": "KZ", "казахстан": "KZ", "kazakhstan": "KZ", "қазақстан": "KZ",
}  # fmt: skip


_CHOICES: dict[EventField, dict[str, Any]] = {
    EventField.KIND: KIND_WORDS,
    EventField.STATUS: STATUS_WORDS,
    EventField.FORMAT: FORMAT_WORDS,
}


def _choice(text: str, words: dict[str, Any]) -> Any | None:
    folded = text.casefold().replace("ё", "е").strip(" .!")
    return words.get(folded) or words.get(folded.replace("е", "ё"))


def _country(text: str) -> str | None:
    return COUNTRY_WORDS.get(text.casefold().strip(" ."))


def _name_and_country(text: str) -> tuple[str, str | None]:
    """«Кокшетау, KZ» → («Кокшетау», "KZ")."""
    name, _, tail = text.rpartition(",")
    country = _country(tail)
    return (name.strip(), country) if name and country else (text.strip(), None)


def _name_rest(text: str) -> tuple[str, str | None]:
    """«Имя Фамилия — должность (организация); …»: the name and, after a dash, the positions
    (None when no dash: the positions stay as they were)."""
    parts = re.split(r"\s+[—–-](?:\s+|$)", text, maxsplit=1)
    return parts[0].strip(), parts[1] if len(parts) == 2 else None


def parse_date(text: str) -> dict[str, int] | None:
    """«28.11.2019», «2019-11-28», «11.2019», «28 ноября 2019», «ноябрь 2019», «2019», a day
    without a year («21.10», «21 октября»); «?» after it: the year is inferred, not written."""
    text = text.casefold().strip(" .г")
    inferred = text.endswith("?")
    text = text.rstrip(" ?").strip(" .г")
    date = _parse_date(text)
    if date is not None and inferred:
        if "year" not in date:
            return None
        date["inferred"] = 1
    return date


def _parse_date(text: str) -> dict[str, int] | None:
    patterns = (
        (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", ("day", "month", "year")),
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", ("year", "month", "day")),
        (r"(\d{1,2})\.(\d{4})", ("month", "year")),
        (r"(\d{1,2})\.(\d{1,2})", ("day", "month")),
        (r"(\d{4})", ("year",)),
    )
    for pattern, keys in patterns:
        found = re.fullmatch(pattern, text)
        if found:
            return _valid(dict(zip(keys, map(int, found.groups()), strict=True)))
    found = re.fullmatch(r"(?:(\d{1,2})\s+)?([а-яё]+)(?:\s+(\d{4}))?(?:\s*года?)?", text)
    if found:
        month = next((n for stem, n in MONTHS.items() if found.group(2).startswith(stem)), None)
        if month is None:
            return None
        date = {"month": month}
        if found.group(3):
            date["year"] = int(found.group(3))
        if found.group(1):
            date["day"] = int(found.group(1))
        return _valid(date)
    return None


def _valid(date: dict[str, int]) -> dict[str, int] | None:
    import calendar

    year, month, day = date.get("year"), date.get("month"), date.get("day")
    if year is not None and not 1900 <= year <= 2100:
        return None
    if year is None and month is None:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year or 2000, month)[1] if month is not None else 0  # 2000: leap
    if day is not None and (month is None or not 1 <= day <= days):
        return None
    return {k: date[k] for k in ("year", "month", "day") if k in date}


def _field_index(field: EventField) -> int:
    return list(EventField).index(field)


def _kept(review: Review, field: EventField) -> bool:
    return review.event[_field_index(field)].verdict is not Verdict.DROPPED


def _free_id(wanted: str, taken: list[str]) -> str:
    out, n = wanted, 2
    while out in taken:
        out, n = f"{wanted}-{n}", n + 1
    return out


def places_by_name(places: Any) -> dict[str, tuple[str, str, str]]:
    """Content's cities (PlaceSpec) by each of their names, folded: for `review_of`."""
    return {
        name.casefold().replace("ё", "е"): (p.id, p.name, p.country)
        for p in places
        for name in (p.name, *p.other_names, *p.historic_names)
    }
