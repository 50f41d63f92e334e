"""The question sets: questions as users ask them, each with the facts its answer must hold.

`question_set.yaml` is the set the question pipeline is developed against; it must score at
least REQUIRED_SHARE. `question_set_heldout.yaml` was written before that work and is never
tuned against: its score is printed, not enforced. Both run on content/ plus two invented
test events (tests/extra_content/test-events.yaml), so that new events must be reachable too.

`question_set_untuned.yaml` was written from the content and the test events alone, before
the grounding, Kazakh and command changes it scores, and is never tuned against. It runs on
content/ plus both test files (tests/extra_content/untuned-events.yaml adds six events that
share generic names and cities); its score is printed by class and its test fails below
UNTUNED_SHARE, so that a drop is seen.

`question_set_untuned2.yaml` is a second held-out set, written the same way with six more
invented events (tests/extra_content/untuned2-events.yaml), and `question_set_untuned3.yaml` a
third (untuned3-events.yaml). `question_set_dev2.yaml` to `question_set_dev4.yaml` are
development sets written from the content alone; `question_set_dev5.yaml` and
`question_set_dev6.yaml` bring invented events of their own (dev5-events.yaml, dev6-events.yaml).

`question_set_untuned4.yaml` (held out), `question_set_dev8.yaml` and `question_set_dev9.yaml` ask
about the content the bot ships (content/, with the events reviewed from real articles) plus four
invented events each (dev9 shares dev8's); `question_set_untuned5.yaml` (held out) and
`question_set_dev10.yaml` do the same with six invented events each.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
import yaml

from answers.language import detect_language
from bot.factory import create_bot, create_dispatcher
from loading.service import ContentService
from tests.conftest import CONTENT, ROOT, Chatter, RecordingSession

pytestmark = pytest.mark.one_database

HERE = Path(__file__).parent
SETS = {
    "question set": HERE / "question_set.yaml",
    "held-out question set": HERE / "question_set_heldout.yaml",
    "untuned question set": HERE / "question_set_untuned.yaml",
    "second development set": HERE / "question_set_dev2.yaml",
    "third development set": HERE / "question_set_dev3.yaml",
    "fourth development set": HERE / "question_set_dev4.yaml",
    "fifth development set": HERE / "question_set_dev5.yaml",
    "second untuned question set": HERE / "question_set_untuned2.yaml",
    "sixth development set": HERE / "question_set_dev6.yaml",
    "third untuned question set": HERE / "question_set_untuned3.yaml",
    "seventh development set": HERE / "question_set_dev7.yaml",
    "fourth untuned question set": HERE / "question_set_untuned4.yaml",
    "eighth development set": HERE / "question_set_dev8.yaml",
    "ninth development set": HERE / "question_set_dev9.yaml",
    "fifth untuned question set": HERE / "question_set_untuned5.yaml",
    "tenth development set": HERE / "question_set_dev10.yaml",
    "sixth untuned question set": HERE / "question_set_untuned6.yaml",
    "eleventh development set": HERE / "question_set_dev11.yaml",
    "seventh untuned question set": HERE / "question_set_untuned7.yaml",
    "twelfth development set": HERE / "question_set_dev12.yaml",
    "thirteenth development set": HERE / "question_set_dev13.yaml",
    "fourteenth development set": HERE / "question_set_dev14.yaml",
}
REQUIRED_SHARE = 0.95
DEV2_SHARE = 0.98
DEV3_SHARE = 0.92
DEV5_SHARE = 0.93  # 372/421 at its first score, 406/421 (0.964) after the work on it
DEV4_SHARE = 0.9  # 326/380 before the work it scores, 349/380 (0.918) after
UNTUNED_SHARE = 0.9  # 172/247 before the work it scores, 224/247 (0.907) after
UNTUNED2_SHARE = 0.77  # 217/282 (0.77) before the session that wrote it, 222/282 (0.787) after
UNTUNED3_SHARE = 0.9  # 331/360 (0.919) at its first score, after this session's first changes
DEV6_SHARE = 0.9  # 356/384 (0.927) at its first score
DEV7_SHARE = 0.88  # 374/411 (0.91) at its first score
UNTUNED4_SHARE = 0.8  # 209/249 (0.839) at its first score, before the work it scores
DEV8_SHARE = 0.9  # 369/407 (0.907) at its first score
DEV9_SHARE = 0.85  # 363/427 (0.85) at its first score
UNTUNED5_SHARE = 0.93  # 336/350 (0.96) at its first score, before the work it scores
DEV10_SHARE = 0.9  # 377/426 (0.885) at its first score, 398/426 (0.934) after the work on it
UNTUNED6_SHARE = 0.9  # 353/378 (0.934) at its first score, before the work it scores
DEV11_SHARE = 0.9  # 520/562 (0.925) at its first score
UNTUNED7_SHARE = 0.93  # 474/495 (0.958) at its first score, before the work it scores
DEV12_SHARE = 0.9  # 611/658 (0.929) at its first score
DEV13_SHARE = 0.93  # 433/448 (0.967) at its first score, as a held-out set before it was read
# 476/497 (0.958) at its first score as a held-out set; 480/497 before its failures were read
DEV14_SHARE = 0.93
RESULTS: dict[str, dict[str, object]] = {}


def load(name: str) -> list[dict]:
    return yaml.safe_load(SETS[name].read_text("utf-8"))


def check(answer: str, case: dict) -> list[str]:
    if not case.get("must") and not case.get("must_not"):
        return ["the case checks nothing"]
    problems = [f"missing «{fact}»" for fact in case.get("must", []) if str(fact) not in answer]
    problems += [
        f"should not say «{fact}»" for fact in case.get("must_not", []) if str(fact) in answer
    ]
    return problems


async def _chat_over(
    tmp_path: Path,
    session_maker,
    settings,
    extra: tuple[str, ...],
    base: Path = CONTENT,
    today: date | None = None,
) -> AsyncIterator[Chatter]:
    folder = tmp_path / "content-extended"
    shutil.copytree(base, folder)
    for name in extra:
        shutil.copy(HERE / "extra_content" / name, folder / name)
    service = ContentService(folder, session_maker)
    await service.reload()
    dp = create_dispatcher(settings, session_maker, service, today=lambda: today or _today())
    session = RecordingSession()
    bot = create_bot("123:test", settings, session=session)
    yield Chatter(dp, bot, session)
    await bot.session.close()


@pytest.fixture
async def extended_chat(tmp_path: Path, session_maker, settings) -> AsyncIterator[Chatter]:
    async for chat in _chat_over(tmp_path, session_maker, settings, ("test-events.yaml",)):
        yield chat


def _today():  # the same fixed date as the other tests
    from tests.conftest import TODAY

    return TODAY


async def score(chat: Chatter, name: str) -> float:
    cases = load(name)
    failures = []
    by_class: dict[str, list[int]] = {}
    by_language: dict[str, list[int]] = {}
    for number, case in enumerate(cases):
        user = 10_000 + number  # a chat of its own: follow-ups see only their own context
        for earlier in case.get("after", []):
            await chat.ask(earlier, user_id=user)
        answer = await chat.ask(case["q"], user_id=user)
        problems = check(answer, case)
        tally = by_class.setdefault(case.get("class", "-"), [0, 0])
        tally[1] += 1
        spoken = by_language.setdefault(detect_language(case["q"]).value, [0, 0])
        spoken[1] += 1
        if problems:
            failures.append(f"[{case.get('class', '-')}] {case['q']!r}: {'; '.join(problems)}")
        else:
            tally[0] += 1
            spoken[0] += 1
    correct = len(cases) - len(failures)
    RESULTS[name] = {
        "total": len(cases),
        "correct": correct,
        "failures": failures,
        "classes": {k: f"{ok}/{n}" for k, (ok, n) in sorted(by_class.items())},
        "languages": {k: f"{ok}/{n}" for k, (ok, n) in sorted(by_language.items())},
    }
    return correct / len(cases)


# The sets over content/ and the two test events: (least cases, least share answered).
DEVELOPMENT = {
    "question set": (60, REQUIRED_SHARE),
    "second development set": (150, DEV2_SHARE),
    "third development set": (150, DEV3_SHARE),
    "fourth development set": (200, DEV4_SHARE),
}


@pytest.mark.parametrize("name", list(DEVELOPMENT))
async def test_development_set(extended_chat: Chatter, name: str) -> None:
    least_cases, least_share = DEVELOPMENT[name]
    assert len(load(name)) >= least_cases
    share = await score(extended_chat, name)
    assert share >= least_share, "\n".join(RESULTS[name]["failures"])  # type: ignore[arg-type]


async def test_heldout_question_set_is_scored(extended_chat: Chatter) -> None:
    assert len(load("held-out question set")) >= 80
    await score(extended_chat, "held-out question set")


# The sets over content/ plus invented events of their own: (the extra files, least cases,
# least share answered). The untuned sets are held out: never tuned against.
OWN_EVENTS = {
    "untuned question set": (("test-events.yaml", "untuned-events.yaml"), 120, UNTUNED_SHARE),
    "second untuned question set": (
        ("test-events.yaml", "untuned-events.yaml", "untuned2-events.yaml"),
        180,
        UNTUNED2_SHARE,
    ),
    "third untuned question set": (
        ("test-events.yaml", "untuned-events.yaml", "untuned2-events.yaml", "untuned3-events.yaml"),
        250,
        UNTUNED3_SHARE,
    ),
    # what new content brings must be reachable too
    "fifth development set": (("test-events.yaml", "dev5-events.yaml"), 200, DEV5_SHARE),
    "sixth development set": (("test-events.yaml", "dev6-events.yaml"), 300, DEV6_SHARE),
    "seventh development set": (("test-events.yaml", "dev7-events.yaml"), 300, DEV7_SHARE),
}


@pytest.mark.parametrize("name", list(OWN_EVENTS))
async def test_set_over_its_own_events(tmp_path: Path, session_maker, settings, name: str) -> None:
    extra, least_cases, least_share = OWN_EVENTS[name]
    assert len(load(name)) >= least_cases
    async for chat in _chat_over(tmp_path, session_maker, settings, extra):
        share = await score(chat, name)
    assert share >= least_share, "\n".join(RESULTS[name]["failures"])  # type: ignore[arg-type]


# The sets over the content the bot ships plus invented events of their own, as OWN_EVENTS.
SHIPPED = {
    "fourth untuned question set": (("untuned4-events.yaml",), 200, UNTUNED4_SHARE),
    "eighth development set": (("dev8-events.yaml",), 300, DEV8_SHARE),
    # questions that tempt a wrong fact: a «yes» true of another event, a namesake's card
    "ninth development set": (("dev8-events.yaml",), 300, DEV9_SHARE),
    "fifth untuned question set": (("untuned5-events.yaml",), 300, UNTUNED5_SHARE),
    "tenth development set": (("dev10-events.yaml",), 400, DEV10_SHARE),
    "sixth untuned question set": (("untuned6-events.yaml",), 350, UNTUNED6_SHARE),
    "eleventh development set": (("dev11-events.yaml",), 500, DEV11_SHARE),
    "seventh untuned question set": (("untuned7-events.yaml",), 450, UNTUNED7_SHARE),
    "twelfth development set": (("dev12-events.yaml",), 600, DEV12_SHARE),
    "thirteenth development set": (("dev13-events.yaml",), 400, DEV13_SHARE),
    "fourteenth development set": (("dev14-events.yaml",), 450, DEV14_SHARE),
}
# The day a set was written on, when not the other tests' day: «upcoming» is judged from it
WRITTEN_ON = {
    "thirteenth development set": date(2026, 12, 5),
    "fourteenth development set": date(2026, 12, 5),
}


@pytest.mark.parametrize("name", list(SHIPPED))
async def test_set_over_shipped_content(tmp_path: Path, session_maker, settings, name: str) -> None:
    extra, least_cases, least_share = SHIPPED[name]
    assert len(load(name)) >= least_cases
    today = WRITTEN_ON.get(name)
    async for chat in _chat_over(tmp_path, session_maker, settings, extra, ROOT / "content", today):
        share = await score(chat, name)
    assert share >= least_share, "\n".join(RESULTS[name]["failures"])  # type: ignore[arg-type]
