"""Open data: every fact of a content version as one JSON document (a documented schema with
a version, the content files' own fields) and as CSV tables for spreadsheets; and the way
back, a JSON export turned into a content file that loads into the same facts.

The web catalogue serves these under /export/, `python -m bot.content export DIR` writes the
same files offline, and `python -m bot.content import FILE DIR` takes an export back in.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

import yaml

from loading.files import Content, ContentError, ContentInvalid, validate_files
from loading.schema import ContentFile

SCHEMA_VERSION = 1
SECTIONS = ("sources", "places", "organizations", "people", "topics", "works", "events")
JSON_NAME = "facts.json"
SCHEMA_NAME = "facts.schema.json"
CSV_NAMES = ("events.csv", "people.csv", "participations.csv", "organizations.csv")
IMPORTED_NAME = "imported.yaml"


def facts_document(content: Content, version: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every entity of `content` in the content files' own fields (defaults left out), with
    the schema's version and, when given, the content version it was read from."""
    document: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if version is not None:
        document["content_version"] = version
    for section in SECTIONS:
        document[section] = [
            item.model_dump(mode="json", exclude_defaults=True)
            for item in getattr(content, section)
        ]
    return document


def facts_schema() -> dict[str, Any]:
    """The JSON Schema of `facts_document` (draft 2020-12): the content schema's sections,
    the schema version and the content version."""
    sections = ContentFile.model_json_schema()
    properties = {s: sections["properties"][s] for s in SECTIONS}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Civic Bridge facts export",
        "description": (
            "Every event, person, organization, place, topic, work and source of one content "
            "version, with the fields of the content files. Dates are partial: a year, a "
            "month or a day may be missing."
        ),
        "type": "object",
        "required": ["schema_version", *SECTIONS],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "content_version": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "hash": {"type": "string"},
                    "loaded_at": {"type": "string", "format": "date-time"},
                },
                "required": ["id", "hash"],
            },
            **properties,
        },
        "additionalProperties": False,
        "$defs": sections.get("$defs", {}),
    }


def _cell(value: Any) -> Any:
    """A value as a spreadsheet cell: text a spreadsheet would run as a formula («=…», «+…»,
    «-…», «@…») gets an apostrophe before it, which spreadsheets show as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the mark lets spreadsheets read UTF-8


def csv_tables(content: Content) -> dict[str, bytes]:
    """Events, people with their positions, participations and organizations, one row each;
    ids link the tables, names are written beside them."""
    places = {p.id: p for p in content.places}
    orgs = {o.id: o for o in content.organizations}
    people = {p.id: p for p in content.people}
    sources = {s.id: s for s in content.sources}

    def place_name(place_id: str | None) -> str | None:
        return places[place_id].name if place_id in places else None

    def person_name(person_id: str) -> str:
        p = people[person_id]
        return " ".join(x for x in (p.first_name, p.patronymic, p.last_name) if x)

    events = _csv(
        ["id", "title", "kind", "status", "year", "month", "day", "format", "place_id", "place",
         "country", "source_url", "source_title", "summary"],
        (
            [e.id, e.title, e.kind, e.status, e.date.year, e.date.month, e.date.day, e.format,
             e.place, place_name(e.place), places[e.place].country if e.place in places else None,
             sources[e.source].file, sources[e.source].title, e.summary]
            for e in content.events
        ),
    )  # fmt: skip
    positions: dict[str, list[str]] = {}
    parts = []
    for e in content.events:
        for part in e.participants:
            titles = [
                f"{pos.title}, {orgs[pos.organization].name}" if pos.organization else pos.title
                for pos in part.positions
            ]
            positions.setdefault(part.person, []).extend(titles)
            parts.append(
                [e.id, e.title, part.person, person_name(part.person), part.role,
                 "; ".join(titles), part.city, place_name(part.city),
                 "; ".join(part.topics), part.summary]
            )  # fmt: skip
    participations = _csv(
        ["event_id", "event", "person_id", "person", "role", "positions", "city_id", "city",
         "topics", "summary"],
        parts,
    )  # fmt: skip
    people_table = _csv(
        ["id", "name", "first_name", "patronymic", "last_name", "city_id", "city", "positions"],
        (
            [p.id, person_name(p.id), p.first_name, p.patronymic, p.last_name, p.city,
             place_name(p.city), "; ".join(dict.fromkeys(positions.get(p.id, [])))]
            for p in content.people
        ),
    )  # fmt: skip
    organizations = _csv(
        ["id", "name", "short_name", "abbreviations", "country", "city_id", "city", "parent_id",
         "parent"],
        (
            [o.id, o.name, o.short_name, "; ".join(o.abbreviations), o.country, o.city,
             place_name(o.city), o.parent, orgs[o.parent].name if o.parent in orgs else None]
            for o in content.organizations
        ),
    )  # fmt: skip
    return dict(zip(CSV_NAMES, (events, people_table, participations, organizations), strict=True))


def export_files(content: Content, version: dict[str, Any] | None = None) -> dict[str, bytes]:
    """Every export file by name: the JSON document, its schema and the CSV tables."""
    document = json.dumps(facts_document(content, version), ensure_ascii=False, indent=1)
    schema = json.dumps(facts_schema(), ensure_ascii=False, indent=1)
    return {
        JSON_NAME: document.encode("utf-8"),
        SCHEMA_NAME: schema.encode("utf-8"),
        **csv_tables(content),
    }


def export_of_version(files_json: str, version: dict[str, Any]) -> dict[str, bytes]:
    """The export of a stored version from the files it was loaded from (`files_json`, as the
    database keeps them): run in a process of its own, since at ×1000 that is seconds of
    work and millions of objects the bot's collector would otherwise walk."""
    files = {path: text.encode("utf-8") for path, text in json.loads(files_json).items()}
    return export_files(validate_files(files), version)


def content_from_export(data: bytes, name: str = JSON_NAME) -> bytes:
    """A JSON export as one content file (YAML, reviewed: it is published content), checked
    as every content file is; ContentInvalid names what is wrong."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ContentInvalid([ContentError(name, None, f"не JSON: {exc}")]) from None
    if not isinstance(document, dict) or document.get("schema_version") != SCHEMA_VERSION:
        found = document.get("schema_version") if isinstance(document, dict) else None
        message = f"не выгрузка фактов версии {SCHEMA_VERSION} (schema_version: {found!r})"
        raise ContentInvalid([ContentError(name, None, message)])
    sections = {s: document.get(s) or [] for s in SECTIONS}
    text = yaml.safe_dump(
        {"review": "reviewed", **sections}, allow_unicode=True, sort_keys=False, width=100
    )
    raw = text.encode("utf-8")
    validate_files({IMPORTED_NAME: raw}, root=name)  # raises with file and line
    return raw
