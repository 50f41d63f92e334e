"""One subject resolver for commands, plain questions and inline queries: what a user typed
becomes one entity, a choice between several, or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import HITS_PER_KB, Answer
from answers.understanding import subject_text
from db.kinds import EntityKind
from db.search import Hit, SearchIndex
from views.keyboards import hits_keyboard
from views.search import did_you_mean, which_one

# Share of the typed words a name must match to be taken as what the user means.
MIN_COVERAGE = 0.5


@dataclass(frozen=True, slots=True)
class Resolution:
    subject: Hit | None = None
    choices: list[Hit] = field(default_factory=list)  # several fit, or only after a typo fix

    @property
    def found(self) -> bool:
        return self.subject is not None

    @property
    def memo_weight(self) -> int:
        """Its rough size for answers.memo."""
        return 1 + len(self.choices) // HITS_PER_KB


async def resolve(session: AsyncSession, text: str, kinds: Sequence[EntityKind]) -> Resolution:
    """The entity of one of `kinds` whose name `text` gives, in any of the languages a question
    may be in (the same spelling questions are matched in); kinds earlier in the list win."""
    hits = await SearchIndex(session).best(subject_text(text), kinds=kinds)
    if hits and (len(hits) > 1 or hits[0].fuzzy):
        return Resolution(choices=hits)
    if hits and hits[0].coverage >= MIN_COVERAGE:
        return Resolution(subject=hits[0])
    return Resolution()


def choose(text: str, hits: list[Hit]) -> Answer:
    """Several entities fit, or only after correcting a typo: let the user pick."""
    if any(h.fuzzy for h in hits):
        return Answer(did_you_mean(text, hits), hits_keyboard(hits))
    return Answer(which_one(text, hits), hits_keyboard(hits))
