"""Benchmark: start-up time to the first getUpdates, answer latency, a burst, memory.

Run: .venv/bin/python scripts/benchmark.py [--questions FILE ...]
Prints figures only; nothing here is a pass/fail test. The answers are timed on the question
sets (tests/question_set*.yaml) by default; --questions times other files of the same form.
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fake_bot_api import FakeBotAPI  # noqa: E402

TOKEN = "123456:benchmark"
ADMIN = 42


def startup(database: Path, label: str) -> None:
    api = FakeBotAPI(TOKEN)
    api.start()
    env = {
        **os.environ,
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api.url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "LOG_LEVEL": "WARNING",
    }
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        api.wait_for(lambda: api.first_poll_at, timeout=120)
        seconds = (api.first_poll_at or 0) - started
        with open(f"/proc/{process.pid}/status") as status:
            rss = next(line for line in status if line.startswith("VmHWM")).split()[1]
        print(
            f"start-up to first getUpdates ({label}): {seconds:.2f} s, "
            f"peak RSS {int(rss) / 1024:.0f} MiB"
        )
    finally:
        process.terminate()
        process.wait(20)
        api.stop()


def report(label: str, timings: list[float]) -> None:
    timings = sorted(timings)
    print(
        f"{label}: {len(timings)} questions, mean {statistics.mean(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, "
        f"p99 {timings[int(len(timings) * 0.99)]:.1f} ms, max {timings[-1]:.1f} ms"
    )


async def answers(question_files: list[Path]) -> None:
    import yaml

    from bot.factory import create_bot, create_dispatcher
    from bot.settings import Settings
    from db.engine import create_engine, create_schema, create_session_maker
    from loading.service import ContentService
    from tests.conftest import Chatter, RecordingSession

    workdir = Path(tempfile.mkdtemp())
    engine = create_engine(f"sqlite+aiosqlite:///{workdir / 'bench.sqlite3'}")
    await create_schema(engine)
    maker = create_session_maker(engine)
    content = ContentService(ROOT / "content", maker)
    started = time.perf_counter()
    await content.reload()
    print(f"content load with search index: {time.perf_counter() - started:.2f} s")
    # Measure answers, not the flood limit.
    settings = Settings(rate_limit_messages=0, admin_ids=frozenset({ADMIN}))
    session = RecordingSession()
    chat = Chatter(
        create_dispatcher(settings, maker, content),
        create_bot("1:bench", settings, session=session),
        session,
    )
    questions = [c["q"] for path in question_files for c in yaml.safe_load(path.read_text("utf-8"))]
    # Warm-up: the morphology dictionaries and the word vectors load on first use.
    await chat.ask(questions[0])
    await chat.ask("По чьей инициативе прошёл круглый стол?")
    timings = []
    for _ in range(3):
        for question in questions:
            t = time.perf_counter()
            await chat.ask(question)
            timings.append((time.perf_counter() - t) * 1000)
    report("answers", timings)
    # The same questions while an admin's draft is being made (in its own process).
    article = (ROOT / "tests" / "articles" / "omsk_youth_forum.txt").read_text("utf-8") * 2
    during: list[float] = []
    drafting = asyncio.create_task(chat.say(article, user_id=ADMIN))
    while not drafting.done():
        for question in questions[:20]:
            t = time.perf_counter()
            await chat.ask(question)
            during.append((time.perf_counter() - t) * 1000)
    await drafting
    report("answers while a draft is made", during)
    started = time.perf_counter()
    from tests.test_load import FLOOD, FLOODER, QUESTIONS, USERS, burst

    answered, notices = await burst(settings, maker, content)
    seconds = time.perf_counter() - started
    total = USERS * len(QUESTIONS[:3]) + FLOOD
    print(
        f"burst: {total} updates from {USERS} users and one flooder in {seconds:.2f} s "
        f"({total / seconds:.0f} updates/s); the flooder got {answered.get(FLOODER, 0)} "
        f"replies ({notices} of them the notice)"
    )
    print(
        f"peak RSS of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    await engine.dispose()
    shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, nargs="*")
    args = parser.parse_args()
    files = args.questions or sorted((ROOT / "tests").glob("question_set*.yaml"))
    workdir = Path(tempfile.mkdtemp())
    try:
        startup(workdir / "bot.sqlite3", "empty database: loads content")
        startup(workdir / "bot.sqlite3", "content already loaded")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    asyncio.run(answers(files))


if __name__ == "__main__":
    main()
