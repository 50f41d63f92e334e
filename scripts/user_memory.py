"""Memory per user: how much the bot process grows when many distinct users each write once.
Prints figures only; nothing here passes or fails.

Run: .venv/bin/python scripts/user_memory.py [--users 100000] [--warm-up 2000]

Through the real dispatcher (SQLite, flood control on, no Redis), each user sends /start and
then one question, so every per-user structure of the process is touched: the chat state,
the language remembered, the flood counter, who was seen. RSS is read after a warm-up of
distinct users (caches, the edition, the answers remembered) and again after `--users`
more; the growth is what those users cost.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = ["Кто выступал на круглом столе?", "Где работает Нургазиева?", "/events"]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def main(users: int, warm_up: int) -> None:
    from bot.factory import create_bot, create_dispatcher
    from bot.settings import Settings
    from db.engine import create_engine, create_schema, create_session_maker
    from loading.service import ContentService
    from tests.conftest import CONTENT, Chatter, RecordingSession

    work = Path(tempfile.mkdtemp(prefix="user-memory-"))
    shutil.copytree(CONTENT, work / "content")
    engine = create_engine(f"sqlite+aiosqlite:///{work / 'bot.sqlite3'}")
    await create_schema(engine)
    maker = create_session_maker(engine)
    content = ContentService(work / "content", maker)
    await content.reload()
    settings = Settings(content_dir=work / "content")  # flood control as configured by default
    session = RecordingSession()
    chat = Chatter(
        create_dispatcher(settings, maker, content), create_bot("1:m", settings, session), session
    )

    async def one(user_id: int) -> None:
        await chat.say("/start", user_id=user_id)
        await chat.say(QUESTIONS[user_id % len(QUESTIONS)], user_id=user_id)
        session.requests.clear()  # the recording is the test's, not the bot's

    for n in range(warm_up):
        await one(1_000_000 + n)
    await asyncio.sleep(3)  # the seen users written
    gc.collect()
    before = rss_mib()
    started = time.perf_counter()
    for n in range(users):
        await one(2_000_000 + n)
    await asyncio.sleep(3)
    gc.collect()
    after = rss_mib()
    took = time.perf_counter() - started
    print("| users | RSS after warm-up, MiB | after, MiB | growth, MiB | updates/s |")
    print("|---|---|---|---|---|")
    print(
        f"| {users} | {before:.0f} | {after:.0f} | {after - before:.1f} | {2 * users / took:.0f} |"
    )
    await engine.dispose()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--warm-up", type=int, default=2_000)
    args = parser.parse_args()
    asyncio.run(main(args.users, args.warm_up))
