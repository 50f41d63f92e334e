"""Answers remembered until the content changes: the same card, or the same question in the
same context, language and day, is answered from memory instead of being worked out again.

Everything an answer says comes from the facts of one content version (the update's
edition, facts/edition.py), the interface language and the day, so those are part of the key
(and the catalogue's address, which cards link to).
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Concatenate, ParamSpec, TypeVar

from facts.edition import Edition
from views.i18n import Language, language, use_language
from views.site import public_url

T = TypeVar("T")
P = ParamSpec("P")

MAX_ANSWERS = 4096
# What they may hold in all, in rough kilobytes (`memo_weight`): a long list, or a question
# whose common word matched thousands of entities, counts for far more than a card.
MAX_WEIGHT = 32 * 1024

_ANSWERS: OrderedDict[tuple[Hashable, ...], tuple[Any, Language, int]] = OrderedDict()
_weight = 0


def weight_of(value: Any) -> int:
    """A remembered value's rough size in kilobytes: its `memo_weight`, the sum of a tuple's
    or a list's parts, else 1."""
    if isinstance(value, tuple | list):
        return max(1, sum(weight_of(part) for part in value))
    found = getattr(value, "memo_weight", None)
    return found if isinstance(found, int) else 1


async def remembered(
    edition: Edition, key: tuple[Hashable, ...], work_out: Callable[[], Awaitable[T]]
) -> T:
    """`work_out()`, or what it returned for `key` in this content version and language.

    An answer may switch the update's language (a Kazakh question gets a Kazakh reply); a
    remembered one switches it the same way. Callers must not change what they get back.
    """
    global _weight
    version = edition.version
    if version is None:  # facts written by hand, not loaded from content/
        return await work_out()
    asked_in = language()
    full = (edition.database, version, asked_in, public_url(), *key)
    found = _ANSWERS.get(full)
    if found is not None:
        _ANSWERS.move_to_end(full)
        value, answered_in, _ = found
        if answered_in is not asked_in:
            use_language(answered_in)
        return value
    value = await work_out()
    weight = weight_of(value)
    if full in _ANSWERS:  # worked out twice at once
        _weight -= _ANSWERS.pop(full)[2]
    _ANSWERS[full] = (value, language(), weight)
    _weight += weight
    while len(_ANSWERS) > MAX_ANSWERS or _weight > MAX_WEIGHT:
        _weight -= _ANSWERS.popitem(last=False)[1][2]
    return value


def remembers(
    name: str,
) -> Callable[
    [Callable[Concatenate[Edition, P], Awaitable[T]]],
    Callable[Concatenate[Edition, P], Awaitable[T]],
]:
    """Remember an answer function's results by its arguments (all hashable, and all that
    its answer depends on besides the content version and the language)."""

    def wrap(
        work: Callable[Concatenate[Edition, P], Awaitable[T]],
    ) -> Callable[Concatenate[Edition, P], Awaitable[T]]:
        @functools.wraps(work)
        async def remembering(edition: Edition, *args: P.args, **kwargs: P.kwargs) -> T:
            key = (name, *args, *sorted(kwargs.items()))
            return await remembered(edition, key, lambda: work(edition, *args, **kwargs))

        return remembering

    return wrap
