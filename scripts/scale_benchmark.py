"""Benchmark at scale: the bot on generated content ×1, ×10, ×100, ×1000 against a bare aiogram
echo bot in the same run. Prints figures only; nothing here passes or fails.

Run: .venv/bin/python scripts/scale_benchmark.py [--scales 1 10 100 1000] [--updates 300]

For each scale (each in its own process, so peak memory is that scale's):
- check, first load, reload of unchanged files, reload of one changed event file, a full
  reload (a people file changed), and other users' p99 and worst wait while that full reload
  runs. As in the bot, the first load happens in the measuring process and later ones in the
  content worker process (the first of them starts it and parses every file);
- updates/s and p50/p95/p99 for a realistic mix — commands, plain questions, oblique cases,
  typos, follow-ups, button presses, inline queries — through the real dispatcher with a
  session that answers instantly, and the same updates through a bare aiogram dispatcher with
  one echo handler; the ratio bot/echo; then the same updates once more, every answer now
  remembered (what the bot costs beyond the dispatcher when it knows the answer);
- start-up to the first getUpdates against a fake Bot API, for the bot (database loaded) and
  for a bare aiogram bot;
- a burst from outside, in those same two processes once their RSS is read: up to 200
  questions neither has been asked (none of its 100), each from a user of its own, all queued
  at once on the fake Bot API; updates/s from the first queued to the last answered, the ratio
  bot/echo, and p50/p99 of each question's wait from being queued to the first sendMessage to
  its chat (seen by polling what the fake API received, so to within a few milliseconds);
- the time to build the read model of a version (facts/) and the memory it holds, the
  time to build the search index of a version, and one name lookup in it;
- peak RSS of the measuring process (it also generates, checks and loads the content), and
  of the bot process itself and of the bare echo bot after answering 100 of the questions;
  of that, the language models it loaded (pymorphy3's dictionaries, and Natasha's word
  vectors when its log says it loaded them, each measured in a process of its own) and the
  rest; database size.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "123456:scale-benchmark"
BURST_SIZE = 200
BURST_CHATS = 10**6  # far from the chats of the 100 questions
BARE_BOT = """
import asyncio, os
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"]))
dp = Dispatcher()
@dp.message()
async def echo(message):
    await message.answer(message.text or "")
asyncio.run(dp.start_polling(Bot(os.environ["BOT_TOKEN"], session=session)))
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def updates_for(content: Any, count: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, payload) pairs: «text» messages, «press» callback data, «inline» queries."""
    from db.kinds import EntityKind
    from views.callbacks import Card

    rng = random.Random(seed)
    people, orgs, events = list(content.people), list(content.organizations), list(content.events)
    mix: list[tuple[str, str]] = []
    while len(mix) < count:
        person, org, event = rng.choice(people), rng.choice(orgs), rng.choice(events)
        alias = event.aliases[0] if event.aliases else event.title
        surname = person.last_name
        typo = surname[:-2] + surname[-1] + surname[-2] if len(surname) > 4 else surname
        mix += [
            ("text", f"/speaker {surname}"),
            ("text", f"/org {org.abbreviations[0] if org.abbreviations else org.name}"),
            ("text", f"Кто выступал на событии «{alias}»?"),
            (
                "text",
                f"Где работает {surname}ой?"
                if surname.endswith("а")
                else f"Где работает {surname}а?",
            ),
            ("text", f"Кто такой {typo}?"),
            ("text", "а кто организовал?"),
            ("text", "/upcoming"),
            ("text", f"/event {alias}"),
            ("press", Card(kind=EntityKind.PERSON, id=person.id).pack()),
            ("press", Card(kind=EntityKind.EVENT, id=event.id).pack()),
            ("inline", surname),
        ]
    return mix[:count]


async def feed(chat: Any, updates: list[tuple[str, str]]) -> list[float]:
    """Each update through the dispatcher, one after another; milliseconds each."""
    from aiogram.types import InlineQuery, Update, User

    timings = []
    for n, (kind, payload) in enumerate(updates):
        user_id = 1000 + n % 50
        started = time.perf_counter()
        if kind == "text":
            await chat.say(payload, user_id=user_id)
        elif kind == "press":
            await chat.press(payload, user_id=user_id)
        else:
            user = User(id=user_id, is_bot=False, first_name="Тест")
            query = InlineQuery(id=str(n), from_user=user, query=payload, offset="")
            await chat.dp.feed_update(chat.bot, Update(update_id=10**6 + n, inline_query=query))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def echo_chat() -> Any:
    from aiogram import Dispatcher
    from aiogram.types import Message

    from bot.factory import create_bot
    from bot.settings import Settings
    from tests.conftest import Chatter, RecordingSession

    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    session = RecordingSession()
    return Chatter(dp, create_bot("1:echo", Settings(), session=session), session)


async def measure(scale: int, updates: int) -> dict[str, Any]:
    from bot.factory import create_bot, create_dispatcher
    from bot.generate import generate
    from bot.memory import settle
    from bot.settings import Settings
    from db.engine import create_engine, create_schema, create_session_maker
    from facts.edition import prepare
    from loading.files import load_files, validate_files
    from loading.service import ContentService
    from loading.worker import ContentWorker
    from tests.conftest import Chatter, RecordingSession

    work = Path(tempfile.mkdtemp(prefix=f"scale{scale}-"))
    content_dir = work / "content"
    generate(scale, content_dir)
    out: dict[str, Any] = {"scale": scale}

    started = time.perf_counter()
    content = validate_files(load_files(content_dir))
    out["check_s"] = time.perf_counter() - started
    out["events"], out["people"] = len(content.events), len(content.people)

    database = work / "bot.sqlite3"
    url = f"sqlite+aiosqlite:///{database}"
    engine = create_engine(url)
    await create_schema(engine)
    maker = create_session_maker(engine)
    service = ContentService(
        content_dir, maker, lambda: datetime.now(UTC).date(), prepare=prepare, after_warm=settle
    )
    started = time.perf_counter()
    await service.reload()
    out["first_load_s"] = time.perf_counter() - started
    await service.warmed()  # reloads are timed alone, not beside that background reading
    worker = ContentWorker(url)
    service.use_worker(worker)
    started = time.perf_counter()
    await service.reload()
    out["reload_same_s"] = time.perf_counter() - started
    event_file = sorted((content_dir / "events").rglob("*.yaml"))[len(content.events) // 2]
    event_file.write_text(event_file.read_text().replace("role: speaker", "role: moderator", 1))
    started = time.perf_counter()
    await service.reload()
    out["reload_one_file_s"] = time.perf_counter() - started

    # The search index each process builds per content version, and a lookup in it.
    from search.index import SearchIndex, build_index

    async with maker() as db_session:
        started = time.perf_counter()
        built = await build_index(db_session)
        out["search_index_s"] = time.perf_counter() - started
        names = [p.last_name for p in content.people[:200]]
        index = SearchIndex(built)
        await index.search(names[0])
        started = time.perf_counter()
        for name in names:
            await index.search(name)
        out["search_ms"] = (time.perf_counter() - started) * 1000 / len(names)

    # The read model of a version: its build, and what it holds once built.
    import gc
    import tracemalloc

    from facts.read import read_facts

    async with maker() as db_session:
        started = time.perf_counter()
        await read_facts(db_session, None)
        out["facts_build_s"] = time.perf_counter() - started
        tracemalloc.start()
        facts = await read_facts(db_session, None)
        gc.collect()  # the rows read are freed once their result objects' cycles are
        out["facts_mib"] = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
        del facts

    settings = Settings(rate_limit_messages=0)
    session = RecordingSession()
    chat = Chatter(
        create_dispatcher(settings, maker, service), create_bot("1:b", settings, session), session
    )
    mix = updates_for(content, updates)
    await service.warmed()  # as a running bot would have done in the background
    await feed(chat, mix[:20])  # warm-up: dictionaries, caches
    started = time.perf_counter()
    timings = await feed(chat, mix)
    out["bot_updates_per_s"] = len(mix) / (time.perf_counter() - started)
    out["bot_p50_ms"] = percentile(timings, 0.5)
    out["bot_p95_ms"] = percentile(timings, 0.95)
    out["bot_p99_ms"] = percentile(timings, 0.99)
    out["messages_per_update"] = sum(
        1 for m in session.requests if type(m).__name__ == "SendMessage"
    ) / (len(mix) + 20)
    session.requests.clear()  # a bot keeps nothing it sent; this recording session would

    echo = echo_chat()
    await feed(echo, mix[:20])
    started = time.perf_counter()
    echo_timings = await feed(echo, mix)
    out["echo_updates_per_s"] = len(mix) / (time.perf_counter() - started)
    out["echo_p99_ms"] = percentile(echo_timings, 0.99)
    out["ratio"] = out["bot_updates_per_s"] / out["echo_updates_per_s"]
    # The same updates again: every answer is now remembered, so this is what the bot costs
    # per update beyond the dispatcher when it knows the answer.
    started = time.perf_counter()
    repeat_timings = await feed(chat, mix)
    out["repeat_updates_per_s"] = len(mix) / (time.perf_counter() - started)
    out["repeat_ratio"] = out["repeat_updates_per_s"] / out["echo_updates_per_s"]
    out["repeat_p99_ms"] = percentile(repeat_timings, 0.99)
    session.requests.clear()

    # Other users during a full reload (a people file changed: not an event-only change).
    people_file = sorted((content_dir / "people").glob("*.yaml"))[0]
    people_file.write_text(people_file.read_text() + "\n# changed\n")
    during: list[float] = []
    started = time.perf_counter()
    reload = asyncio.create_task(service.reload())
    while not reload.done():
        during += await feed(chat, mix[:10])
        session.requests.clear()
        # Answers from memory await nothing: let the reload run between batches, as the
        # network does between a real bot's updates.
        await asyncio.sleep(0)
    await reload
    out["full_reload_s"] = time.perf_counter() - started
    await service.warmed()
    out["p99_during_reload_ms"] = percentile(during, 0.99) if during else None
    out["max_during_reload_ms"] = max(during) if during else None
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker.close()
    out["worker_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    await engine.dispose()  # checkpoints the write-ahead log into the file
    out["database_mb"] = database.stat().st_size / 1e6
    questions = [payload for kind, payload in mix if kind == "text"][:100]
    burst = unasked_texts(content, len(mix) + 1000, set(questions))
    out["startup_s"], out["bot_rss_mib"], out["vectors_loaded"], bot_burst = startup_time(
        [sys.executable, "-m", "bot"], database, content_dir, questions, burst
    )
    bare = [sys.executable, "-c", BARE_BOT]
    out["bare_startup_s"], out["echo_rss_mib"], _, echo_burst = startup_time(
        bare, database, content_dir, questions, burst
    )
    out["outside_burst_texts"] = len(burst)
    for name, result in (("bot", bot_burst), ("echo", echo_burst)):
        per_s, waits, unanswered = result or (None, [], 0)
        out[f"outside_burst_{name}_updates_per_s"] = per_s or None
        out[f"outside_burst_{name}_p50_ms"] = percentile(waits, 0.5) if waits else None
        out[f"outside_burst_{name}_p99_ms"] = percentile(waits, 0.99) if waits else None
        out[f"outside_burst_{name}_unanswered"] = unanswered
    bot_per_s = out["outside_burst_bot_updates_per_s"]
    echo_per_s = out["outside_burst_echo_updates_per_s"]
    out["outside_burst_ratio"] = bot_per_s / echo_per_s if bot_per_s and echo_per_s else None
    # The target leaves language models out: what the bot's process holds besides them.
    morphology, vectors = language_models_mib()
    out["models_mib"] = morphology + (vectors if out.pop("vectors_loaded") else 0.0)
    out["bot_rss_without_models_mib"] = out["bot_rss_mib"] - out["models_mib"]
    # The target: the bot without its language models beside the bare echo bot.
    out["over_echo_mib"] = out["bot_rss_without_models_mib"] - out["echo_rss_mib"]
    shutil.rmtree(work, ignore_errors=True)
    return out


def unasked_texts(content: Any, count: int, asked: set[str]) -> list[str]:
    """Up to BURST_SIZE distinct texts from the first `count` updates that are not in
    `asked`, in their order: questions a process that answered `asked` has not seen, so it
    cannot answer them from memory."""
    texts = dict.fromkeys(p for kind, p in updates_for(content, count) if kind == "text")
    return [text for text in texts if text not in asked][:BURST_SIZE]


def startup_time(
    command: list[str],
    database: Path,
    content_dir: Path,
    questions: list[str] | None = None,
    burst: list[str] | None = None,
) -> tuple[float, float | None, bool, tuple[float, list[float], int] | None]:
    """Seconds to the first getUpdates; with `questions`, also the process's peak RSS (MiB)
    after answering them through the fake Bot API, and whether it loaded the word vectors
    (its log says so); with `burst`, then what `outside_burst` measures of those texts."""
    from tests.fake_bot_api import FakeBotAPI

    api = FakeBotAPI(TOKEN)
    api.start()
    env = {
        **os.environ,
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api.url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "CONTENT_DIR": str(content_dir),
        "LOG_LEVEL": "INFO",
        "RATE_LIMIT_MESSAGES": "0",
    }
    log = database.with_name("startup.log")
    started = time.monotonic()
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    peak = None
    burst_result = None
    try:
        api.wait_for(lambda: api.first_poll_at, timeout=300)
        startup = (api.first_poll_at or 0) - started
        if questions:
            for n, text in enumerate(questions):
                api.send_text(5000 + n % 20, text)
            api.wait_for(lambda: len(api.sent("sendmessage")) >= len(questions), timeout=600)
            status = Path(f"/proc/{process.pid}/status").read_text()
            peak = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1])
            peak /= 1024
        if burst:
            burst_result = outside_burst(api, burst)
        return startup, peak, "word vectors loaded" in log.read_text(), burst_result
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        api.stop()


def quiet(api: Any, still: float = 1.0, timeout: float = 120) -> None:
    """Wait until the process has sent nothing for `still` seconds (or `timeout` passed): a
    question may get more than one message, so the count of them the RSS step waits for can
    be reached while the last answers are still being sent."""
    deadline = time.monotonic() + timeout
    count, since = len(api.calls), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < still:
        time.sleep(0.05)
        if len(api.calls) != count:
            count, since = len(api.calls), time.monotonic()


def outside_burst(
    api: Any, texts: list[str], timeout: float = 600
) -> tuple[float, list[float], int]:
    """Every text queued at once on the fake Bot API, each from a chat of its own: updates
    per second from the first queued to the last first reply, each answered text's wait (ms)
    from being queued to the first sendMessage to its chat, and how many got no reply."""
    quiet(api)
    seen = len(api.calls)
    queued: dict[int, float] = {}
    for n, text in enumerate(texts):
        queued[BURST_CHATS + n] = time.monotonic()
        api.send_text(BURST_CHATS + n, text)
    # The fake API keeps no times of what it received: poll its calls often, and take the
    # time a reply is first seen as the time it was sent.
    answered: dict[int, float] = {}
    deadline = time.monotonic() + timeout
    while len(answered) < len(queued) and time.monotonic() < deadline:
        time.sleep(0.001)
        calls = api.calls[seen:]
        now = time.monotonic()
        seen += len(calls)
        for method, params in calls:
            chat = int(params.get("chat_id") or 0)
            if method == "sendmessage" and chat in queued and chat not in answered:
                answered[chat] = now
    if not answered:
        return 0.0, [], len(queued)
    elapsed = max(answered.values()) - min(queued.values())
    waits = [(at - queued[chat]) * 1000 for chat, at in answered.items()]
    return len(answered) / elapsed, waits, len(queued) - len(answered)


def language_models_mib() -> tuple[float, float]:
    """The memory the language models take in a process of their own: pymorphy3's
    dictionaries, and Natasha's word vectors (MiB)."""
    code = (
        "from pathlib import Path\n"
        "def rss():\n"
        "    status = Path('/proc/self/status').read_text().splitlines()\n"
        "    return int(next(x for x in status if x.startswith('VmRSS')).split()[1]) / 1024\n"
        "import aiogram, natasha, sqlalchemy\n"
        "from search.textnorm import word_forms\n"
        "from answers.similarity import _embedding\n"
        "before = rss(); word_forms('проверка'); middle = rss(); _embedding()\n"
        "print(middle - before, rss() - middle)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    morphology, vectors = (float(x) for x in result.stdout.split())
    return morphology, vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100, 1000])
    parser.add_argument("--updates", type=int, default=330)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(asyncio.run(measure(args.one, args.updates))))
        return
    rows = []
    for scale in args.scales:
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(scale), "--updates", str(args.updates)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            print(f"×{scale}: failed\n{result.stderr[-2000:]}")
            continue
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
        print(f"×{scale}: done", file=sys.stderr)
    columns = [
        ("scale", "×{}"), ("events", "{}"), ("people", "{}"), ("check_s", "{:.1f}"),
        ("first_load_s", "{:.1f}"), ("reload_same_s", "{:.1f}"), ("reload_one_file_s", "{:.2f}"),
        ("full_reload_s", "{:.1f}"),
        ("p99_during_reload_ms", "{:.0f}"), ("max_during_reload_ms", "{:.0f}"),
        ("bot_updates_per_s", "{:.0f}"),
        ("echo_updates_per_s", "{:.0f}"), ("ratio", "{:.2f}"), ("bot_p50_ms", "{:.1f}"),
        ("bot_p95_ms", "{:.1f}"), ("bot_p99_ms", "{:.1f}"), ("repeat_updates_per_s", "{:.0f}"),
        ("repeat_ratio", "{:.2f}"), ("repeat_p99_ms", "{:.1f}"), ("messages_per_update", "{:.2f}"),
        ("startup_s", "{:.2f}"), ("bare_startup_s", "{:.2f}"),
        ("outside_burst_texts", "{}"), ("outside_burst_bot_updates_per_s", "{:.0f}"),
        ("outside_burst_echo_updates_per_s", "{:.0f}"), ("outside_burst_ratio", "{:.2f}"),
        ("outside_burst_bot_p50_ms", "{:.0f}"), ("outside_burst_bot_p99_ms", "{:.0f}"),
        ("outside_burst_echo_p99_ms", "{:.0f}"), ("peak_rss_mib", "{:.0f}"),
        ("bot_rss_mib", "{:.0f}"), ("models_mib", "{:.0f}"),
        ("bot_rss_without_models_mib", "{:.0f}"), ("echo_rss_mib", "{:.0f}"),
        ("over_echo_mib", "{:.0f}"), ("worker_rss_mib", "{:.0f}"),
        ("facts_build_s", "{:.2f}"), ("facts_mib", "{:.1f}"), ("search_index_s", "{:.2f}"),
        ("search_ms", "{:.2f}"),
        ("database_mb", "{:.1f}"),
    ]  # fmt: skip
    print("| " + " | ".join(name for name, _ in columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        cells = [
            fmt.format(row[name]) if row.get(name) is not None else "—" for name, fmt in columns
        ]
        print("| " + " | ".join(cells) + " |")
    if rows:
        print(f"(medians of one run each; {statistics.mean([r['ratio'] for r in rows]):.2f} "
              "mean ratio bot/echo)")  # fmt: skip
    for row in rows:
        for name in ("bot", "echo"):
            if row.get(f"outside_burst_{name}_unanswered"):
                print(
                    f"×{row['scale']}: {row[f'outside_burst_{name}_unanswered']} of "
                    f"{row['outside_burst_texts']} burst questions got no reply from the "
                    f"{name} process; its burst figures count only the answered"
                )


if __name__ == "__main__":
    main()
