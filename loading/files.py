"""Reading content/: YAML files with line numbers, schema validation and cross-references.

Everything is validated before anything is stored; every problem is reported with its file
and line, and all problems are collected rather than stopping at the first one.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import BaseModel, ValidationError

from db.kinds import EntityKind
from loading import safe_yaml
from loading.messages import field_path, pydantic_message
from loading.safe_yaml import DuplicateKey, LineDict, LineList, Refused
from loading.schema import (
    ContentFile,
    EventSpec,
    OrganizationSpec,
    PersonSpec,
    PlaceSpec,
    SourceSpec,
    TopicSpec,
    WorkSpec,
)

CONTENT_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 1_000_000  # the upload limit too
MAX_ERRORS_PER_FILE = 50  # a file of nothing but mistakes gets a short report, fast


@dataclass(frozen=True, slots=True)
class ContentError:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class ContentInvalid(Exception):
    """Raised when content/ cannot be loaded; carries every problem found."""

    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __reduce__(self) -> tuple[type[ContentInvalid], tuple[list[ContentError]]]:
        return (ContentInvalid, (self.errors,))  # crosses from the loading process


def ids_in(data: bytes) -> set[tuple[str, str]]:
    """The (section, id) pairs a file defines, read safely; empty for an unreadable file."""
    try:
        raw = safe_yaml.load(data.decode("utf-8"))
    except Exception:  # an unreadable file defines nothing; validation says why elsewhere
        return set()
    found: set[tuple[str, str]] = set()
    if isinstance(raw, dict):
        for section, items in raw.items():
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found.add((str(section), item["id"]))
    return found


def names_in(data: bytes) -> dict[str, dict[str, tuple[str, str]]]:
    """The names a file gives its organizations (with abbreviations and aliases) and people
    («Имя Фамилия»), folded, → (id, name as written), by section; read safely."""
    found: dict[str, dict[str, tuple[str, str]]] = {"organizations": {}, "people": {}}
    try:
        raw = safe_yaml.load(data.decode("utf-8"))
    except Exception:  # an unreadable file names nothing; validation says why elsewhere
        return found
    if not isinstance(raw, dict):
        return found
    for item in raw.get("organizations") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item.get("name"):
            names = [item["name"], item.get("short_name")]
            names += [*(item.get("abbreviations") or []), *(item.get("aliases") or [])]
            for name in names:
                if isinstance(name, str) and name.strip():
                    found["organizations"][fold_name(name)] = (item["id"], str(item["name"]))
    for item in raw.get("people") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            full = f"{item.get('first_name') or ''} {item.get('last_name') or ''}".strip()
            if full:
                found["people"][fold_name(full)] = (item["id"], full)
    return found


def fold_name(name: str) -> str:
    """A name as compared: case, «ё», quotes and spacing ignored."""
    text = name.casefold().replace("ё", "е")
    return " ".join(re.sub(r"[«»\"“”„]", " ", text).split())


def line_of(raw: Any, loc: Iterable[Any]) -> int | None:
    """The line of the deepest part of `raw` that `loc` (a pydantic error path) reaches."""
    line = getattr(raw, "line", None)
    node = raw
    for step in loc:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


# --- Reading one file --------------------------------------------------------------------


@dataclass(slots=True)
class ParsedFile:
    name: str
    raw: Any
    content: ContentFile


def _parse_file(data: bytes, name: str, errors: list[ContentError]) -> ParsedFile | None:
    if len(data) > MAX_FILE_BYTES:
        errors.append(ContentError(name, None, f"файл больше {MAX_FILE_BYTES} байт"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(ContentError(name, None, f"файл не в кодировке UTF-8 ({exc.reason})"))
        return None
    try:
        raw = safe_yaml.load(text)
    except DuplicateKey as dup:
        errors.append(
            ContentError(
                name,
                dup.line,
                f"ключ «{dup.key}» встречается дважды (впервые в строке {dup.first_line})",
            )
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "неверный YAML"
        if exc.problem and exc.context and exc.context_mark is not None:
            problem += f" ({exc.context}: начало в строке {exc.context_mark.line + 1})"
        errors.append(ContentError(name, line, f"ошибка синтаксиса YAML: {problem}"))
        return None
    except Refused as refused:
        errors.append(ContentError(name, refused.line, refused.message))
        return None
    except yaml.YAMLError as exc:
        errors.append(ContentError(name, None, f"ошибка YAML: {exc}"))
        return None
    except (TypeError, ValueError, RecursionError) as exc:  # whatever else a file can hold
        errors.append(ContentError(name, None, f"файл не читается ({type(exc).__name__})"))
        return None
    if raw is None:
        raw = LineDict()
        raw.line, raw.key_lines = 1, {}
    if not isinstance(raw, dict):
        errors.append(
            ContentError(
                name,
                getattr(raw, "line", 1),
                "файл должен состоять из разделов (sources, places, organizations, people, "
                "topics, works, events)",
            )
        )
        return None
    try:
        content = ContentFile.model_validate(raw)
    except ValidationError as exc:
        if exc.error_count() > MAX_ERRORS_PER_FILE:
            errors.append(
                ContentError(
                    name,
                    None,
                    f"ошибок в файле: {exc.error_count()}; показаны первые {MAX_ERRORS_PER_FILE}",
                )
            )
        for err in exc.errors()[:MAX_ERRORS_PER_FILE]:
            message = f"{field_path(err['loc'])}: {pydantic_message(err)}"
            errors.append(ContentError(name, line_of(raw, err["loc"]), message))
        return None
    errors.extend(_unreviewed(name, text, raw, content))
    return ParsedFile(name, raw, content)


def _unreviewed(name: str, text: str, raw: Any, content: ContentFile) -> list[ContentError]:
    """What a draft leaves for its reviewer: a file still marked `review: draft`, and every
    TODO. Either keeps the file from being loaded, so that no draft reaches users unread."""
    found = []
    if content.review == "draft":
        found.append(
            ContentError(
                name,
                line_of(raw, ("review",)),
                "черновик не проверен: проверьте каждый пункт и замените «review: draft» на "
                "«review: reviewed»",
            )
        )
    for number, line in enumerate(text.splitlines(), 1):
        if "TODO" in line:
            found.append(ContentError(name, number, "здесь осталось TODO — допишите или удалите"))
    return found


# --- The whole content directory -----------------------------------------------------------


# Each entity's canonical JSON by the id of the parsed object it was written from (with the
# object itself, so that a reused id is never mistaken for it): see Content.entities.
EntityTexts = dict[int, tuple[object, str]]


@dataclass(frozen=True, slots=True)
class Content:
    """Validated content of all files, ready to be stored."""

    sources: tuple[SourceSpec, ...]
    places: tuple[PlaceSpec, ...]
    organizations: tuple[OrganizationSpec, ...]
    people: tuple[PersonSpec, ...]
    topics: tuple[TopicSpec, ...]
    works: tuple[WorkSpec, ...]
    events: tuple[EventSpec, ...]
    files: dict[str, bytes]  # path relative to the content folder → bytes, as validated
    digest: str = field(default="")

    KINDS: ClassVar[dict[str, EntityKind]] = {
        "sources": EntityKind.SOURCE,
        "places": EntityKind.PLACE,
        "organizations": EntityKind.ORGANIZATION,
        "people": EntityKind.PERSON,
        "topics": EntityKind.TOPIC,
        "works": EntityKind.WORK,
        "events": EntityKind.EVENT,
    }

    @property
    def file_count(self) -> int:
        return len(self.files)

    def ids(self) -> set[str]:
        """Every entity's id, of any kind."""
        return {item.id for section in self.KINDS for item in getattr(self, section)}

    def entities(self, known: EntityTexts | None = None) -> dict[tuple[str, str], str]:
        """Every entity as canonical JSON, by (kind, id): what reloads compare. With `known`
        (what the last call wrote there), an entity parsed from a file that has not changed
        since — the very same object, see ParseCache — is not written out again."""
        found: EntityTexts = {}
        texts = {}
        for section, kind in self.KINDS.items():
            for item in getattr(self, section):
                seen = known.get(id(item)) if known is not None else None
                if seen is not None and seen[0] is item:
                    text = seen[1]
                else:
                    text = json.dumps(
                        item.model_dump(mode="json", exclude_defaults=True),
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                found[id(item)] = (item, text)
                texts[(kind, item.id)] = text
        if known is not None:
            known.clear()
            known.update(found)
        return texts


def content_files(content_dir: Path) -> list[Path]:
    """The content files under `content_dir`; hidden files and folders (staging, files set
    aside) are not content."""
    return sorted(
        p
        for p in content_dir.rglob("*")
        if p.is_file()
        and p.suffix in CONTENT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(content_dir).parts)
    )


# Part of every content digest: bump it when the way content is stored changes (new tables,
# a new search index), so that start-up reloads a database written by an older version.
STORAGE_VERSION = b"storage-2"


def _new_digest() -> Any:
    return hashlib.sha256(STORAGE_VERSION + b"\0")


def _hash_update(h: Any, relative: str, data: bytes) -> None:
    h.update(relative.encode() + b"\0" + data + b"\0")


def content_digest(content_dir: Path) -> str:
    """A hash of every content file's path and bytes: changes whenever any file changes."""
    h = _new_digest()
    for path in content_files(content_dir):
        _hash_update(h, path.relative_to(content_dir).as_posix(), path.read_bytes())
    return h.hexdigest()


@dataclass(slots=True)
class _Located:
    file: ParsedFile
    loc: tuple[Any, ...]

    def error(self, message: str, *extra: Any) -> ContentError:
        return ContentError(self.file.name, line_of(self.file.raw, self.loc + extra), message)


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    return f"; может быть, «{close[0]}»?" if close else ""


class _Checker:
    """Cross-file checks: unique ids, references to existing entities, no duplicates in lists."""

    def __init__(self, files: list[ParsedFile]) -> None:
        self.files = files
        self.errors: list[ContentError] = []
        self.ids: dict[EntityKind, dict[str, _Located]] = {}

    def entries(self, section: str) -> Iterable[tuple[_Located, BaseModel]]:
        for parsed in self.files:
            for index, item in enumerate(getattr(parsed.content, section)):
                yield _Located(parsed, (section, index)), item

    def collect_ids(self) -> None:
        for section, kind in Content.KINDS.items():
            seen = self.ids.setdefault(kind, {})
            for where, item in self.entries(section):
                item_id = item.id  # type: ignore[attr-defined]
                if item_id in seen:
                    first = seen[item_id]
                    first_line = line_of(first.file.raw, (*first.loc, "id"))
                    self.errors.append(
                        where.error(
                            f"id «{item_id}» ({kind.singular}) уже занят (впервые в "
                            f"{first.file.name}:{first_line})",
                            "id",
                        )
                    )
                else:
                    seen[item_id] = where

    def ref(self, where: _Located, kind: EntityKind, value: str | None, *loc: Any) -> None:
        if value is not None and value not in self.ids[kind]:
            self.errors.append(
                where.error(
                    f"нет такого id «{value}» ({kind.singular}){_suggest(value, self.ids[kind])}",
                    *loc,
                )
            )

    def unique(self, where: _Located, values: Sequence[Any], what: str, *loc: Any) -> None:
        seen: set[Any] = set()
        for index, value in enumerate(values):
            if value in seen:
                self.errors.append(where.error(f"{what} «{value}» указано дважды", *loc, index))
            seen.add(value)

    def check(self) -> None:
        self.collect_ids()
        for where, org in self.entries("organizations"):
            assert isinstance(org, OrganizationSpec)
            self.ref(where, EntityKind.PLACE, org.city, "city")
            self.ref(where, EntityKind.ORGANIZATION, org.parent, "parent")
            if org.parent == org.id:
                self.errors.append(
                    where.error("организация не может быть родителем самой себя", "parent")
                )
        for where, person in self.entries("people"):
            assert isinstance(person, PersonSpec)
            self.ref(where, EntityKind.PLACE, person.city, "city")
        for where, work in self.entries("works"):
            assert isinstance(work, WorkSpec)
            for i, org_id in enumerate(work.organizations):
                self.ref(where, EntityKind.ORGANIZATION, org_id, "organizations", i)
            self.unique(where, work.organizations, "значение", "organizations")
        for where, event in self.entries("events"):
            assert isinstance(event, EventSpec)
            self.check_event(where, event)

    def check_event(self, where: _Located, event: EventSpec) -> None:
        self.ref(where, EntityKind.PLACE, event.place, "place")
        self.ref(where, EntityKind.SOURCE, event.source, "source")
        for i, city in enumerate(event.cities):
            self.ref(where, EntityKind.PLACE, city, "cities", i)
        self.unique(where, event.cities, "значение", "cities")
        for i, link in enumerate(event.organizations):
            self.ref(
                where,
                EntityKind.ORGANIZATION,
                link.organization,
                "organizations",
                i,
                "organization",
            )
        self.unique(
            where,
            [(o.organization, o.role) for o in event.organizations],
            "значение",
            "organizations",
        )
        for i, link in enumerate(event.works):
            self.ref(where, EntityKind.WORK, link.work, "works", i, "work")
        self.unique(where, [w.work for w in event.works], "значение", "works")
        for i, rel in enumerate(event.related):
            self.ref(where, EntityKind.EVENT, rel.event, "related", i, "event")
            if rel.event == event.id:
                self.errors.append(
                    where.error("событие не может ссылаться само на себя", "related", i)
                )
        self.unique(where, [r.event for r in event.related], "значение", "related")
        for i, part in enumerate(event.participants):
            self.ref(where, EntityKind.PERSON, part.person, "participants", i, "person")
            self.ref(where, EntityKind.PLACE, part.city, "participants", i, "city")
            for j, pos in enumerate(part.positions):
                self.ref(
                    where,
                    EntityKind.ORGANIZATION,
                    pos.organization,
                    "participants",
                    i,
                    "positions",
                    j,
                    "organization",
                )
            for j, topic in enumerate(part.topics):
                self.ref(where, EntityKind.TOPIC, topic, "participants", i, "topics", j)
            self.unique(where, part.topics, "значение", "participants", i, "topics")
        self.unique(where, [p.person for p in event.participants], "значение", "participants")


def load_files(content_dir: Path) -> dict[str, bytes]:
    """Every content file under `content_dir`, by its path relative to it."""
    if not content_dir.is_dir():
        raise ContentInvalid([ContentError(str(content_dir), None, "папка материалов не найдена")])
    files: dict[str, bytes] = {}
    errors = []
    for path in content_files(content_dir):
        relative = path.relative_to(content_dir).as_posix()
        try:
            files[relative] = path.read_bytes()
        except OSError as exc:
            errors.append(
                ContentError(
                    f"{content_dir.name}/{relative}", None, f"файл не читается: {exc.strerror}"
                )
            )
    if errors:
        raise ContentInvalid(errors)
    return files


# Files parsed by an earlier validation, by (name, bytes): a reload after one file changed
# parses that file only. The cross-file checks always run on the whole set.
ParseCache = dict[tuple[str, bytes], "ParsedFile"]


def validate_files(
    files: Mapping[str, bytes], root: str = "content", cache: ParseCache | None = None
) -> Content:
    """Validate a set of content files (path relative to the content folder → bytes).

    Raises ContentInvalid listing every problem, each named `root/path:line`. With `cache`,
    files parsed before are taken from it, and it is left holding this set's files only.
    """
    errors: list[ContentError] = []
    parsed: list[ParsedFile] = []
    digest = _new_digest()
    kept: ParseCache = {}
    for relative in sorted(files):
        data = files[relative]
        _hash_update(digest, relative, data)
        name = f"{root}/{relative}"
        result = cache.get((name, data)) if cache is not None else None
        if result is None:
            result = _parse_file(data, name, errors)
        if result is not None:
            parsed.append(result)
            kept[(name, data)] = result
    if cache is not None:
        cache.clear()
        cache.update(kept)
    if not files:
        errors.append(ContentError(root, None, "нет ни одного файла .yaml"))
    checker = _Checker(parsed)
    checker.check()
    errors.extend(checker.errors)
    if errors:
        raise ContentInvalid(errors)

    def gather(section: str) -> tuple[Any, ...]:
        return tuple(item for p in parsed for item in getattr(p.content, section))

    return Content(
        sources=gather("sources"),
        places=gather("places"),
        organizations=gather("organizations"),
        people=gather("people"),
        topics=gather("topics"),
        works=gather("works"),
        events=gather("events"),
        files=dict(files),
        digest=digest.hexdigest(),
    )


def read_content(content_dir: Path) -> Content:
    """Read and validate every content file; raise ContentInvalid listing all problems."""
    return validate_files(load_files(content_dir), content_dir.name)
