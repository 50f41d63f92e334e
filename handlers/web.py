"""The public catalogue's routes on the bot's web server (aiohttp): pages of events, people,
organizations and cities, calendar feeds and open data — read-only, content facts only.

The language is the one `?lang=` names, else the first of the browser's Accept-Language the
bot speaks, else Russian. Everything served carries an ETag that changes with the content
version (and the day, for pages that say what is still to come), so a repeated request
costs a 304; feeds and exports also carry Last-Modified, the time the version was loaded.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from multiprocessing import get_context
from typing import Any

from aiogram import Bot
from aiogram.utils.i18n import I18n
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from answers.base import Today
from answers.catalogue import (
    WebAnswer,
    entity_answer,
    events_answer,
    feed_answer,
    network_answer,
    not_found,
    unavailable,
)
from db.kinds import EntityKind
from facts.edition import Edition, current_edition
from facts.network import NETWORK_KINDS
from handlers.replies import bot_username
from loading.exports import CSV_NAMES, JSON_NAME, SCHEMA_NAME, export_of_version
from loading.files import ContentInvalid
from loading.store import load_time, version
from views.i18n import SOURCE, Language
from views.site import FEED_KINDS, PAGE_KINDS
from views.web import EventFilter, Site

FEEDS_KEPT = 256
PICTURES_KEPT = 128
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,47}")
_EXPORTS = {
    JSON_NAME: "application/json; charset=utf-8",
    SCHEMA_NAME: "application/schema+json; charset=utf-8",
    **{name: "text/csv; charset=utf-8" for name in CSV_NAMES},
}


class _Kept:
    """Answers as last written, the most recently asked `size` of them; only those of a
    loaded version (the key holds it) that were found."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[tuple[Any, ...], WebAnswer] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> WebAnswer | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: tuple[Any, ...], answer: WebAnswer, *, keep: bool) -> None:
        if keep and answer.status == 200:
            self._kept[key] = answer
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)


def request_language(request: web.Request) -> tuple[Language, bool]:
    """The page's language, and whether `?lang=` chose it (links then keep it)."""
    chosen = Language.of(request.query.get("lang"))
    if chosen is not None:
        return chosen, True
    offered = []
    for k, part in enumerate(request.headers.get("Accept-Language", "").split(",")):
        code, _, weight = part.strip().partition(";q=")
        try:
            quality = float(weight) if weight else 1.0
        except ValueError:
            continue
        lang = Language.of(code.strip())
        if lang is not None and quality > 0:
            offered.append((-quality, k, lang))
    return (min(offered)[2] if offered else SOURCE), False


def _number(text: str | None, low: int, high: int) -> int | None:
    if text is None or not re.fullmatch(r"[0-9]{1,6}", text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def event_filter(request: web.Request) -> EventFilter:
    """What the list is narrowed to; a value that cannot be one is left out, not refused."""
    query = request.query
    country = query.get("country", "")
    city = query.get("city", "")
    return EventFilter(
        year=_number(query.get("year"), 1900, 2100),
        country=country if re.fullmatch(r"[A-Z]{2}", country) else None,
        city=city if _ID.fullmatch(city) else None,
    )


class Catalogue:
    """The routes, with what they read: the database (for the edition and the version's
    files), the translation catalogues, the day, and the bot (its username for links)."""

    def __init__(
        self,
        session_maker: async_sessionmaker[AsyncSession],
        i18n: I18n,
        public_url: str,
        today: Today,
        bot: Bot | None = None,
    ) -> None:
        self.session_maker = session_maker
        self.i18n = i18n
        self.public_url = public_url
        self.today = today
        self.bot = bot
        # content hash → files, or None when they could not be made (asked once per version)
        self._exports: dict[str, dict[str, bytes] | None] = {}
        # Feeds as last written, by version, whose and language: the one of every event takes
        # a third of a second at ×1000 (scripts/web_benchmark.py), and calendar apps poll it
        self._feeds = _Kept(FEEDS_KEPT)
        self._export_lock = asyncio.Lock()
        self._bot_name: str | None = None
        self._asking: asyncio.Task[None] | None = None
        # network pictures as last drawn, and how many may be drawn at once: each is tens of
        # milliseconds of CPU, and a burst of them would take every worker thread
        self._pictures = _Kept(PICTURES_KEPT)
        self._drawing = asyncio.Semaphore(2)

    def register(self, app: web.Application) -> None:
        kinds = "|".join(k.value for k in PAGE_KINDS)
        feeds = "|".join(k.value for k in FEED_KINDS)
        app.router.add_get("/", self.home)
        app.router.add_get("/events", self.events)
        app.router.add_get(f"/{{kind:{kinds}}}/{{id}}", self.entity)
        app.router.add_get("/ical/all.ics", self.feed)
        app.router.add_get(f"/ical/{{kind:{feeds}}}/{{file}}", self.feed)
        app.router.add_get("/export/{name}", self.export)
        networks = "|".join(k.value for k in NETWORK_KINDS)
        app.router.add_get(f"/network/{{kind:{networks}}}/{{file}}", self.network)
        app.router.add_get("/{tail:.*}", self.missing)  # last: what no route above serves

    async def missing(self, request: web.Request) -> web.Response:
        """Any other address: the catalogue's own «not found» page in the reader's language."""
        today = self.today()
        return await self._answer(request, lambda _edition, site, _modified: not_found(site, today))

    async def _site(self, request: web.Request) -> Site:
        lang, explicit = request_language(request)
        return Site(self.public_url, lang, explicit, self._username(), request.path)

    def _username(self) -> str | None:
        """The bot's @username for links back to it, once known; asked of Telegram in the
        background, so that no page waits for Telegram (nor for its retries when away)."""
        if self._bot_name is None and self.bot is not None and self._asking is None:
            self._asking = asyncio.create_task(self._ask_username())
        return self._bot_name

    async def _ask_username(self) -> None:
        try:
            self._bot_name = await bot_username(self.bot)
        finally:
            self._asking = None

    async def _answer(
        self,
        request: web.Request,
        build: Callable[[Edition, Site, datetime | None], WebAnswer | Awaitable[WebAnswer]],
        *,
        dated: bool = False,
    ) -> web.Response:
        """Build with the current edition in the page's language; `dated`: the answer is the
        same for as long as the version is, so it carries Last-Modified."""
        site = await self._site(request)
        async with self.session_maker() as session:
            edition = await current_edition(session)
            # the version served, which may lag behind a load another instance just made
            served = edition.version[0] if dated and edition.version is not None else None
            loaded = await load_time(session, served) if served is not None else None
        modified = loaded.replace(tzinfo=UTC) if loaded is not None else None
        with self.i18n.context(), self.i18n.use_locale(site.lang.value):
            answer = build(edition, site, modified)
            if not isinstance(answer, WebAnswer):
                answer = await answer
        return _response(request, answer, modified)

    async def home(self, request: web.Request) -> web.Response:
        lang = request.query.get("lang")
        target = "/events" + (f"?lang={lang}" if Language.of(lang) else "")
        raise web.HTTPFound(target)

    async def events(self, request: web.Request) -> web.Response:
        chosen = event_filter(request)
        page = (_number(request.query.get("page"), 1, 10**6) or 1) - 1
        today = self.today()

        def build(edition: Edition, site: Site, _modified: datetime | None) -> WebAnswer:
            answer = events_answer(edition, site, chosen, page, today)
            return _with_etag(answer, edition, site, request, today)

        return await self._answer(request, build)

    async def entity(self, request: web.Request) -> web.Response:
        kind = EntityKind(request.match_info["kind"])
        entity_id = request.match_info["id"]
        today = self.today()

        def build(edition: Edition, site: Site, _modified: datetime | None) -> WebAnswer:
            if not _ID.fullmatch(entity_id):
                return not_found(site, today)
            answer = entity_answer(edition, site, kind, entity_id, today)
            return _with_etag(answer, edition, site, request, today)

        return await self._answer(request, build)

    async def feed(self, request: web.Request) -> web.Response:
        raw_kind = request.match_info.get("kind")
        kind = EntityKind(raw_kind) if raw_kind else None
        entity_id = None
        if kind is not None:
            entity_id = request.match_info["file"].removesuffix(".ics")
        today = self.today()

        def build(edition: Edition, site: Site, updated: datetime | None) -> WebAnswer:
            if entity_id is not None and (
                not request.match_info["file"].endswith(".ics") or not _ID.fullmatch(entity_id)
            ):
                return not_found(site, today)
            key = (edition.version, kind, entity_id, site.lang)
            found = self._feeds.get(key)
            if found is None:
                found = feed_answer(edition, site, kind, entity_id, today, updated)
                self._feeds.put(key, found, keep=edition.version is not None)
            return found

        return await self._answer(request, build, dated=True)

    async def network(self, request: web.Request) -> web.Response:
        kind = EntityKind(request.match_info["kind"])
        file = request.match_info["file"]
        entity_id = file.removesuffix(".svg")
        today = self.today()

        async def build(edition: Edition, site: Site, _modified: datetime | None) -> WebAnswer:
            if not file.endswith(".svg") or not _ID.fullmatch(entity_id):
                return not_found(site, today)
            key = (edition.version, kind, entity_id, site.lang)
            found = self._pictures.get(key)
            if found is None:
                async with self._drawing:
                    found = await network_answer(edition, site, kind, entity_id, today)
                self._pictures.put(key, found, keep=edition.version is not None)
            return found

        return await self._answer(request, build, dated=True)

    async def export(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]

        async def build(edition: Edition, site: Site, _modified: datetime | None) -> WebAnswer:
            if name not in _EXPORTS:
                return not_found(site, self.today())
            files = await self._export_files(edition)
            if files is None:
                return unavailable(site, self.today())
            etag = f'"{edition.version[1][:32]}-{name}"' if edition.version else None
            return WebAnswer(200, files[name], _EXPORTS[name], etag)

        return await self._answer(request, build, dated=True)

    async def _export_files(self, edition: Edition) -> dict[str, bytes] | None:
        """The export of the edition's version, made once per version from the files it was
        loaded from (the database keeps them), in a process of its own."""
        if edition.version is None:
            return None
        load_id, digest = edition.version
        async with self._export_lock:
            if digest in self._exports:
                return self._exports[digest]
            async with self.session_maker() as session:
                load = await version(session, load_id)
            if load is None:
                self._exports = {digest: None}  # its files were let go: a later version's
                return None
            meta = {
                "id": load_id,
                "hash": digest,
                "loaded_at": load.loaded_at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
            }
            # in a process of its own: in a thread, at ×1000, it held every update up to a
            # second (scripts/web_benchmark.py)
            pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
            try:
                files = await asyncio.get_running_loop().run_in_executor(
                    pool, export_of_version, load.files_json or "{}", meta
                )
            except ContentInvalid:
                # a version that loaded is valid; a newer validator may disagree with an old one
                self._exports = {digest: None}
                return None
            finally:
                pool.shutdown(wait=False)
            self._exports = {digest: files}
            return files


def _with_etag(
    answer: WebAnswer, edition: Edition, site: Site, request: web.Request, today: object
) -> WebAnswer:
    """A page is the same while the content version, the address, the language and the day
    (what is upcoming) are."""
    if answer.status != 200 or edition.version is None:
        return answer
    key = "\0".join(
        [
            edition.version[1],
            str(request.rel_url),
            site.lang.value,
            str(today),
            site.bot_username or "",
        ]
    )
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return WebAnswer(answer.status, answer.body, answer.content_type, f'"{digest}"')


def _response(request: web.Request, answer: WebAnswer, modified: datetime | None) -> web.Response:
    headers = {"Vary": "Accept-Language", "X-Content-Type-Options": "nosniff"}
    if answer.etag is not None:
        headers["ETag"] = answer.etag
        headers["Cache-Control"] = "public, max-age=300"
    if modified is not None and answer.status == 200:
        headers["Last-Modified"] = format_datetime(modified.replace(microsecond=0), usegmt=True)
    if answer.status == 200 and _not_modified(request, answer.etag, modified):
        return web.Response(status=304, headers=headers)
    return web.Response(
        status=answer.status,
        body=answer.body,
        content_type=None,
        headers={**headers, "Content-Type": answer.content_type},
    )


def _not_modified(request: web.Request, etag: str | None, modified: datetime | None) -> bool:
    """RFC 9110: If-None-Match decides when given; else If-Modified-Since."""
    wanted = request.headers.get("If-None-Match")
    if wanted is not None:
        # weak comparison (RFC 9110 §13.1.2): a proxy that compresses marks tags weak
        offered = {t.strip().removeprefix("W/") for t in wanted.split(",")}
        return etag is not None and ("*" in offered or etag.removeprefix("W/") in offered)
    since = request.headers.get("If-Modified-Since")
    if since is None or modified is None or etag is None:
        return False
    try:
        when = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return modified.replace(microsecond=0) <= when
