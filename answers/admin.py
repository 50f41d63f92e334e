"""Admin answers: reload, preview, roll back, statistics, uploaded content files and drafts
from articles. Every change goes through ContentService, which validates before it stores."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from answers import review
from answers.base import Answer
from answers.questions import MAX_QUESTION
from db.failures import StoreFailed
from db.models import MAX_ID
from drafting.worker import DraftProblem, DraftRefused, DraftWorker
from facts.edition import Edition
from loading.files import ContentInvalid
from loading.service import ContentService
from users import stats
from users.seen import SeenUsers
from views import admin as view
from views import keyboards

MAX_UPLOAD_BYTES = 1_000_000
ARTICLE_MIN_SENTENCES = 3  # past the question limit, this many sentences make an article
# A shorter news item is an article too when it has this many sentences and asks nothing
ARTICLE_MIN_CHARS = 250
SHORT_ARTICLE_MIN_SENTENCES = 4
ADMIN_COMMANDS = ("reload", "rollback", "diff", "stats", "broadcast")
CONTENT_SUFFIXES = (".yaml", ".yml")
ARTICLE_SUFFIXES = (".txt",)
RECENT_ACTIONS = 5

Notify = Callable[[Answer], Awaitable[None]]


class DownloadFailed(Exception):
    """Telegram did not give the file's bytes (its servers answered an error, or not at all)."""


class UploadTooBig(Exception):
    """A file over the upload limit, found out before or during its download."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


async def reload_answer(content: ContentService, admin_id: int | None) -> Answer:
    try:
        result = await content.reload(admin_id)
    except ContentInvalid as exc:
        return Answer(view.errors_text(exc))
    except StoreFailed as exc:
        return Answer(view.store_failed(exc))
    await content.warmed()  # the admin hears back when users see the change
    return Answer(view.reloaded(result))


async def diff_answer(content: ContentService) -> Answer:
    try:
        return Answer(view.would_change(await content.preview()))
    except ContentInvalid as exc:
        return Answer(view.errors_text(exc))


async def versions_answer(content: ContentService) -> Answer:
    """The kept versions, with a button to restore each older one."""
    versions = await content.versions()
    if len(versions) < 2:
        return Answer(view.nothing_to_roll_back())
    return Answer(view.versions_text(versions), markup=keyboards.versions_keyboard(versions))


async def rollback_answer(
    content: ContentService, admin_id: int | None, version_id: int | None = None
) -> Answer:
    if version_id is not None and not 0 < version_id <= MAX_ID:
        return Answer(view.version_gone())
    try:
        result = await content.rollback(admin_id, version_id)
    except ContentInvalid as exc:
        return Answer(view.errors_text(exc))
    except StoreFailed as exc:
        return Answer(view.store_failed(exc))
    if result is None:
        return Answer(view.version_gone() if version_id else view.nothing_to_roll_back())
    await content.warmed()
    return Answer(view.rolled_back(result))


async def stats_answer(session: AsyncSession, edition: Edition, seen_users: SeenUsers) -> Answer:
    await seen_users.write()  # the users of the last seconds count too
    return Answer(
        view.stats_text(
            edition.facts.counts(),
            await stats.count_users(session),
            await stats.last_load_time(session),
            await stats.recent_admin_actions(session, RECENT_ACTIONS),
        )
    )


def refusal_answer() -> Answer:
    return Answer(view.refusal())


def refusal_alert() -> Answer:
    return Answer(view.refusal(), alert=True)


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
    content: ContentService,
    drafts: DraftWorker,
    session: AsyncSession,
    text: str,
    file_name: str,
    admin_id: int,
    notify: Notify,
    source: str | None = None,
) -> list[Answer]:
    """A draft of content for an article, reviewed fact by fact in the chat (and as a YAML
    file, for an admin who prefers to edit it). Drafting runs in its own process
    (`drafting.worker`), so other users are answered meanwhile."""
    if len(text) > drafts.max_chars:
        return [Answer(view.draft_refused(DraftProblem.TOO_LONG, drafts.max_chars))]
    await notify(Answer(view.drafting(queued=drafts.busy)))
    try:
        draft = await drafts.draft(text, file_name, content.content_dir, source)
    except DraftRefused as exc:
        await content.record(admin_id, "draft refused", f"{file_name}: {exc.problem}")
        return [Answer(view.draft_refused(exc.problem, drafts.max_chars))]
    stem = PurePosixPath(file_name).stem or "article"
    await content.record(admin_id, "draft", f"{file_name}: {draft.people} people")
    return await review.start_answers(session, admin_id, draft, stem)


async def link_answer(
    content: ContentService,
    drafts: DraftWorker,
    session: AsyncSession,
    url: str,
    admin_id: int,
    notify: Notify,
    allowed_hosts: frozenset[str] = frozenset(),
) -> list[Answer]:
    """A draft of content for the article a link points to."""
    from drafting.fetch import FetchError, fetch_page

    await notify(Answer(view.fetching()))
    try:
        page = await fetch_page(url, allowed_hosts=allowed_hosts)
    except FetchError as exc:
        await content.record(admin_id, "link refused", f"{url[:200]}: {exc.problem}")
        return [Answer(view.fetch_failed(exc.problem, exc.detail))]
    name = PurePosixPath(urlsplit(url).path).name or urlsplit(url).hostname or "page"
    return await draft_answer(
        content, drafts, session, page.as_article(), f"{name}.txt", admin_id, _silent, url
    )


async def _silent(answer: Answer) -> None:
    """The «reading the article» notice is not repeated after «opening the page»."""


async def document_answer(
    content: ContentService,
    drafts: DraftWorker,
    session: AsyncSession,
    file_name: str | None,
    size: int | None,
    fetch: Callable[[], Awaitable[bytes]],
    admin_id: int,
    notify: Notify,
) -> list[Answer]:
    """An admin sent a file: a content file is checked and loaded, an article drafted."""
    name = file_name or "file"
    if (size or 0) > MAX_UPLOAD_BYTES:
        return [Answer(view.file_too_big(MAX_UPLOAD_BYTES))]
    lowered = name.casefold()
    try:
        return await _document(content, drafts, session, name, lowered, fetch, admin_id, notify)
    except UploadTooBig:
        return [Answer(view.file_too_big(MAX_UPLOAD_BYTES))]
    except DownloadFailed as exc:
        return [Answer(view.download_failed(str(exc)))]


async def _document(
    content: ContentService,
    drafts: DraftWorker,
    session: AsyncSession,
    name: str,
    lowered: str,
    fetch: Callable[[], Awaitable[bytes]],
    admin_id: int,
    notify: Notify,
) -> list[Answer]:
    if lowered.endswith(CONTENT_SUFFIXES):
        data = await fetch()
        try:
            result = await content.upload(name, data, admin_id)
        except ContentInvalid as exc:
            await content.record(admin_id, "upload refused", f"{name}: {len(exc.errors)} errors")
            return [Answer(view.errors_text(exc))]
        except StoreFailed as exc:
            return [Answer(view.store_failed(exc))]
        await content.warmed()
        return [Answer(view.uploaded(name, result))]
    if lowered.endswith(ARTICLE_SUFFIXES):
        text = decode_article(await fetch())
        if text is None or not text.strip():
            return [Answer(view.unreadable_article())]
        return await draft_answer(content, drafts, session, text, name, admin_id, notify)
    return [Answer(view.which_files())]


def looks_like_article(text: str) -> bool:
    """An admin's message that is an article rather than a question: longer than any question
    may be, with several sentences or paragraphs; or a short news item, several sentences
    that ask nothing."""
    sentences = len(re.findall(r"[.!?…](?:\s|$)", text))
    if len(text) <= MAX_QUESTION:
        return (
            len(text) >= ARTICLE_MIN_CHARS
            and sentences >= SHORT_ARTICLE_MIN_SENTENCES
            and "?" not in text
            and not _asks(text)
        )
    return sentences >= ARTICLE_MIN_SENTENCES or "\n\n" in text.strip()


def _asks(text: str) -> bool:
    """A request, not news: a verb in the imperative outside quoted words («Расскажите, …»,
    «подскажите»), or «пожалуйста»."""
    from search.textnorm import _analyzer

    outside = re.sub(r"«[^«»]*»", " ", text)
    words = re.findall(r"[а-яё]+", outside.casefold())
    return "пожалуйста" in words or any(
        "impr" in _analyzer().parse(word)[0].tag.grammemes for word in words
    )


def article_offer(text: str) -> Answer:
    return Answer(view.article_offer(len(text)), keyboards.draft_offer_buttons())


def article_gone() -> Answer:
    return Answer(view.article_gone())
