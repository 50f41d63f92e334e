"""Admin answers: reload, preview, roll back, statistics, uploaded content files and drafts
from articles. Every change goes through ContentService, which validates before it stores."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Answer, Attachment
from db import queries
from db.content_files import ContentInvalid, read_content
from db.content_service import ContentService
from views import admin as view

MAX_UPLOAD_BYTES = 1_000_000
ARTICLE_MIN_CHARS = 1500  # an admin's text message this long is taken for an article
ADMIN_COMMANDS = ("reload", "rollback", "diff", "stats")
CONTENT_SUFFIXES = (".yaml", ".yml")
ARTICLE_SUFFIXES = (".txt",)
RECENT_ACTIONS = 5

Notify = Callable[[Answer], Awaitable[None]]


class UploadTooBig(Exception):
    """A file over the upload limit, found out before or during its download."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


async def reload_answer(content: ContentService, admin_id: int | None) -> Answer:
    try:
        return Answer(view.reloaded(await content.reload(admin_id)))
    except ContentInvalid as exc:
        return Answer(view.errors_text(exc))


async def diff_answer(content: ContentService) -> Answer:
    try:
        return Answer(view.would_change(await content.preview()))
    except ContentInvalid as exc:
        return Answer(view.errors_text(exc))


async def rollback_answer(content: ContentService, admin_id: int | None) -> Answer:
    try:
        result = await content.rollback(admin_id)
    except ContentInvalid as exc:
        return Answer(view.errors_text(exc))
    if result is None:
        return Answer(view.nothing_to_roll_back())
    return Answer(view.rolled_back(result))


async def stats_answer(session: AsyncSession) -> Answer:
    return Answer(
        view.stats_text(
            await queries.counts(session),
            await queries.count_users(session),
            await queries.last_load_time(session),
            await queries.recent_admin_actions(session, RECENT_ACTIONS),
        )
    )


def refusal_answer() -> Answer:
    return Answer(view.refusal())


def private_only_answer() -> Answer:
    return Answer(view.private_only())


def decode_article(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


async def draft_answer(
    content: ContentService, text: str, file_name: str, admin_id: int | None, notify: Notify
) -> Answer:
    """A draft of content for an article, as a YAML file for the admin to review."""
    # The language models load here, on the first draft, not at start-up.
    from drafting.extract import draft_article
    from drafting.render import render_yaml

    await notify(Answer(view.drafting()))
    try:
        known = await asyncio.to_thread(read_content, content.content_dir)
    except ContentInvalid:
        known = None
    draft = await asyncio.to_thread(draft_article, text, file_name, known, None)
    stem = PurePosixPath(file_name).stem or "article"
    await content.record(admin_id, "draft", f"{file_name}: {len(draft.people)} people")
    return Answer(
        view.draft_caption(len(draft.people), len(draft.organizations), len(draft.places)),
        document=Attachment(f"{stem}.draft.yaml", render_yaml(draft).encode("utf-8")),
    )


async def link_answer(
    content: ContentService,
    url: str,
    admin_id: int | None,
    notify: Notify,
    allowed_hosts: frozenset[str] = frozenset(),
) -> Answer:
    """A draft of content for the article a link points to."""
    from drafting.fetch import FetchError, fetch_page

    await notify(Answer(view.fetching()))
    try:
        page = await fetch_page(url, allowed_hosts=allowed_hosts)
    except FetchError as exc:
        await content.record(admin_id, "link refused", f"{url[:200]}: {exc.problem}")
        return Answer(view.fetch_failed(exc.problem, exc.detail))
    name = PurePosixPath(urlsplit(url).path).name or urlsplit(url).hostname or "page"
    return await draft_answer(content, page.as_article(), f"{name}.txt", admin_id, _silent)


async def _silent(answer: Answer) -> None:
    """The «reading the article» notice is not repeated after «opening the page»."""


async def document_answer(
    content: ContentService,
    file_name: str | None,
    size: int | None,
    fetch: Callable[[], Awaitable[bytes]],
    admin_id: int | None,
    notify: Notify,
) -> Answer:
    """An admin sent a file: a content file is checked and loaded, an article drafted."""
    name = file_name or "file"
    if (size or 0) > MAX_UPLOAD_BYTES:
        return Answer(view.file_too_big(MAX_UPLOAD_BYTES))
    lowered = name.casefold()
    try:
        return await _document(content, name, lowered, fetch, admin_id, notify)
    except UploadTooBig:
        return Answer(view.file_too_big(MAX_UPLOAD_BYTES))


async def _document(
    content: ContentService,
    name: str,
    lowered: str,
    fetch: Callable[[], Awaitable[bytes]],
    admin_id: int | None,
    notify: Notify,
) -> Answer:
    if lowered.endswith(CONTENT_SUFFIXES):
        data = await fetch()
        try:
            result = await content.upload(name, data, admin_id)
        except ContentInvalid as exc:
            await content.record(admin_id, "upload refused", f"{name}: {len(exc.errors)} errors")
            return Answer(view.errors_text(exc))
        return Answer(view.uploaded(name, result))
    if lowered.endswith(ARTICLE_SUFFIXES):
        text = decode_article(await fetch())
        if text is None or not text.strip():
            return Answer(view.unreadable_article())
        return await draft_answer(content, text, name, admin_id, notify)
    return Answer(view.which_files())
