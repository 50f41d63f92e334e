"""The question set: questions as users ask them, each with the facts its answer must hold.

Prints the share answered correctly at the end of the run; fails below REQUIRED_SHARE.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import Chatter

QUESTIONS = yaml.safe_load((Path(__file__).parent / "question_set.yaml").read_text("utf-8"))
REQUIRED_SHARE = 0.95
RESULTS: dict[str, object] = {}


def check(answer: str, case: dict) -> list[str]:
    problems = [f"missing «{fact}»" for fact in case.get("must", []) if fact not in answer]
    problems += [f"should not say «{fact}»" for fact in case.get("must_not", []) if fact in answer]
    return problems


async def test_question_set(chat: Chatter) -> None:
    assert len(QUESTIONS) >= 60
    failures = []
    for case in QUESTIONS:
        answer = await chat.ask(case["q"])
        problems = check(answer, case)
        if problems:
            failures.append(f"{case['q']!r}: {'; '.join(problems)}")
    correct = len(QUESTIONS) - len(failures)
    RESULTS.update(total=len(QUESTIONS), correct=correct, failures=failures)
    share = correct / len(QUESTIONS)
    assert share >= REQUIRED_SHARE, "\n".join(failures)
