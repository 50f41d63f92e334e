"""Reviewing a draft in the chat: the facts are shown by group, the admin accepts, corrects or
drops each, and a review with every fact decided is shown as the changes it makes, then
published as a content file through the same checked, all-or-nothing upload as a file sent
by hand. The review is stored after every step, so a restart loses nothing."""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Answer, Attachment
from db.failures import StoreFailed
from drafting.review import Action, Group, Review
from drafting.worker import DraftFile
from loading.files import ContentInvalid
from loading.service import ContentService
from users import reviews
from views import admin as admin_view
from views import review as view

P = ParamSpec("P")
T = TypeVar("T")
ADDING = -1  # the item index awaited when a fact is being added, not corrected


@dataclass(frozen=True, slots=True)
class Step:
    """What a button press gives: the answer, whether it replaces the pressed message, and
    the item whose correction the next message brings."""

    answer: Answer
    edit: bool = False
    awaiting: tuple[int, Group, int] | None = None


async def start_answers(
    session: AsyncSession, admin_id: int, draft: DraftFile, stem: str
) -> list[Answer]:
    """The review's first messages: how it works, the draft file, then the facts by group."""
    review = Review.model_validate_json(draft.review)
    review.id = await reviews.open_review(session, admin_id, review.model_dump_json())
    await reviews.write_review(session, review.id, review.model_dump_json())
    answers = [
        Answer(view.intro(review)),
        Answer(
            admin_view.draft_caption(draft.people, draft.organizations, draft.places),
            document=Attachment(f"{stem}.draft.yaml", draft.yaml.encode("utf-8")),
        ),
    ]
    return answers + [_chunk(review, group, start) for group, start in view.chunks(review)]


def _chunk(review: Review, group: Group, start: int) -> Answer:
    last = (group, start) == view.chunks(review)[-1]
    return Answer(
        view.chunk_text(review, group, start), view.chunk_buttons(review, group, start, last)
    )


def _chunk_of(review: Review, group: Group, index: int) -> Answer:
    start = index - index % view.ITEMS_PER_MESSAGE
    return _chunk(review, group, start)


async def _load(session: AsyncSession, admin_id: int, review_id: int) -> Review | None:
    data = await reviews.read_review(session, review_id, admin_id)
    return Review.model_validate_json(data) if data is not None else None


# Each review's steps one after another: two quick presses must not both read the review
# and the second write drop what the first did.
_locks: dict[int, asyncio.Lock] = {}


def _lock(review_id: int) -> asyncio.Lock:
    if len(_locks) > 1000:  # reviews are few; forget the idle ones
        for key in [k for k, lock in _locks.items() if not lock.locked()]:
            del _locks[key]
    return _locks.setdefault(review_id, asyncio.Lock())


def _one_review_at_a_time(function: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    """Run `function` holding its review's lock (found by the argument `review_id`)."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        async with _lock(signature.bind(*args, **kwargs).arguments["review_id"]):
            return await function(*args, **kwargs)

    return wrapper


@_one_review_at_a_time
async def step_answer(
    session: AsyncSession,
    content: ContentService,
    admin_id: int,
    review_id: int,
    group: Group,
    index: int,
    action: Action,
) -> Step:
    review = await _load(session, admin_id, review_id)
    if review is None:
        return Step(Answer(view.review_gone(), alert=True))
    if action is Action.ADD:
        return Step(Answer(view.add_prompt(group)), awaiting=(review.id, group, ADDING))
    if action is Action.EDIT:
        if review.item(group, index) is None:
            return Step(Answer(view.review_gone(), alert=True))
        return Step(
            Answer(view.edit_prompt(review, group, index)), awaiting=(review.id, group, index)
        )
    if action is Action.FINISH:
        return Step(await _finish(review, content))
    if action is Action.PUBLISH:
        return Step(await _publish(session, review, content, admin_id))
    if not review.decide(group, index, action):
        return Step(_chunk_of(review, group, index), edit=True)
    await reviews.write_review(session, review.id, review.model_dump_json())
    return Step(_chunk_of(review, group, index), edit=True)


@_one_review_at_a_time
async def correction_answer(
    session: AsyncSession, admin_id: int, review_id: int, group: Group, index: int, text: str
) -> tuple[Answer, bool]:
    """Apply the admin's corrected text: (answer, whether the item is done)."""
    review = await _load(session, admin_id, review_id)
    if review is None:
        return Answer(view.review_gone()), True
    if index == ADDING:
        problem = review.add(group, text)
        index = len(review.items(group)) - 1
    else:
        problem = review.correct(group, index, text)
    if problem is not None:
        return Answer(view.correction_refused(problem, review, group, index)), False
    await reviews.write_review(session, review.id, review.model_dump_json())
    return _chunk_of(review, group, index), True


def cancelled_answer() -> Answer:
    return Answer(view.edit_cancelled())


async def _finish(review: Review, content: ContentService) -> Answer:
    if review.problems():
        return Answer(view.left_to_review(review))
    review.link_known(await content.known_names())
    review.free_ids(await content.entity_ids())
    try:
        report = await content.preview_upload(review.file_name(), review.content_yaml().encode())
    except ContentInvalid as exc:
        return Answer(admin_view.errors_text(exc))
    return Answer(
        view.ready(admin_view.changes_text(report, review.file_name())),
        view.publish_buttons(review),
    )


async def _publish(
    session: AsyncSession, review: Review, content: ContentService, admin_id: int
) -> Answer:
    if review.problems():
        return Answer(view.left_to_review(review))
    if not await reviews.claim(session, review.id, admin_id):
        return Answer(view.review_gone(), alert=True)
    try:
        review.link_known(await content.known_names())
        review.free_ids(await content.entity_ids())
        name, data = review.file_name(), review.content_yaml().encode()
        result = await content.upload(name, data, admin_id)
    except ContentInvalid as exc:
        await reviews.release(session, review.id)
        return Answer(admin_view.errors_text(exc))
    except StoreFailed as exc:
        await reviews.release(session, review.id)
        return Answer(admin_view.store_failed(exc))
    except BaseException:
        await reviews.release(session, review.id)
        raise
    review.published = True
    await reviews.write_review(session, review.id, review.model_dump_json(), published=True)
    await content.record(admin_id, "review", f"{name}: {review.actions()} actions")
    await content.warmed()
    return Answer(view.published(admin_view.uploaded(name, result), review.actions()))
