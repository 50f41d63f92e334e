"""Benchmark of the web catalogue at scale: generated content ×N (default ×1000) loaded into
SQLite, the catalogue served by aiohttp in this process beside the bot's dispatcher. Prints
figures only; nothing here passes or fails.

Run: .venv/bin/python scripts/web_benchmark.py [--scale 1000] [--pages 60] [--concurrent 200]

- server-side time per page (median, p95, worst) for the list of events (first, middle and
  filtered pages) and for event, person, organization and city pages, the calendar feed of
  everything and of one organization, and the network picture (SVG) — each the time to
  build and write the response, measured in the handler, without the network, once the
  templates are compiled (the first page after start compiles them); the first request for
  a feed or a picture writes it (a feed is then kept for its version, a picture is not);
- the bot's update latency (p50/p99 over a mix of questions, cards and commands) alone, then
  while the first export of the version is made (once per version, in a worker thread),
  then with `--concurrent` requests to the catalogue in flight at once, over real HTTP on
  loopback, and how long those requests took; the first export and a later one.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.scale_benchmark import feed, percentile, updates_for  # noqa: E402


def summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):6.1f} ms, p95 {percentile(values, 0.95):6.1f} ms, "
        f"worst {max(values):6.1f} ms (n={len(values)})"
    )


async def main(scale: int, pages: int, concurrent: int) -> None:
    import aiohttp
    from aiohttp import web

    from bot.factory import create_bot, create_dispatcher
    from bot.generate import generate
    from bot.i18n import create_i18n
    from bot.settings import Settings
    from db.engine import create_engine, create_schema, create_session_maker
    from facts.edition import current_edition
    from handlers.web import Catalogue
    from loading.files import load_files, validate_files
    from loading.service import ContentService
    from tests.conftest import Chatter, RecordingSession

    work = Path(tempfile.mkdtemp(prefix=f"web{scale}-"))
    content_dir = work / "content"
    generate(scale, content_dir)
    content = validate_files(load_files(content_dir))
    engine = create_engine(f"sqlite+aiosqlite:///{work / 'bot.sqlite3'}")
    await create_schema(engine)
    maker = create_session_maker(engine)
    service = ContentService(content_dir, maker)
    await service.reload()
    async with maker() as session:
        facts = (await current_edition(session)).facts
    print(f"×{scale}: {len(facts.events)} events, {len(facts.people)} people, "
          f"{len(facts.organizations)} organizations, {len(facts.places)} places")  # fmt: skip

    today = date.today()
    catalogue = Catalogue(maker, create_i18n(), "https://bridge.example.org", lambda: today)
    timings: dict[str, list[float]] = {}

    @web.middleware
    async def timed(request: web.Request, handler: Any) -> web.StreamResponse:
        started = time.perf_counter()
        response = await handler(request)
        key = request.headers.get("X-Kind", "other")
        timings.setdefault(key, []).append((time.perf_counter() - started) * 1000)
        return response

    app = web.Application(middlewares=[timed])
    catalogue.register(app)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"

    rng = random.Random(7)
    events = list(facts.events)
    people = list(facts.people)
    orgs = list(facts.organizations)
    places = list(facts.places)
    years = sorted({e.year for e in facts.events.values() if e.year})
    count = max(1, (len(events) + 19) // 20)
    paths = {
        "events list": ["/events", f"/events?page={count // 2}", f"/events?year={years[-1]}",
                        "/events?country=KZ&page=2", f"/events?city={places[0]}"],
        "event page": [f"/event/{i}" for i in rng.sample(events, min(pages, len(events)))],
        "person page": [f"/person/{i}" for i in rng.sample(people, min(pages, len(people)))],
        "organization page": [f"/organization/{i}" for i in rng.sample(orgs, min(pages, len(orgs)))],  # noqa: E501
        "city page": [f"/place/{i}" for i in rng.sample(places, min(pages, len(places)))],
        "feed: everything": ["/ical/all.ics"],
        "feed: one organization": [f"/ical/organization/{i}.ics" for i in rng.sample(orgs, 10)],
        "network picture (SVG)": [f"/network/organization/{i}.svg" for i in rng.sample(orgs, 5)],
    }  # fmt: skip
    async with aiohttp.ClientSession() as client:
        # the templates are compiled by the first page that uses them: not timed here
        for path in ("/events", paths["event page"][0], paths["city page"][0]):
            async with client.get(base + path) as response:
                await response.read()
        timings.clear()
        for kind, found in paths.items():
            repeat = 3 if kind in ("events list", "feed: everything") else 1
            for path in found * repeat:
                async with client.get(base + path, headers={"X-Kind": kind}) as response:
                    assert response.status == 200, (path, response.status)
                    await response.read()
        print("server-side time per response:")
        for kind in paths:
            print(f"  {kind:24s} {summary(timings[kind])}")

        # The bot's updates alone, then with the catalogue under load.
        settings = Settings(content_dir=content_dir, rate_limit_messages=0)
        dp = create_dispatcher(settings, maker, service, today=lambda: today)
        session = RecordingSession()
        chat = Chatter(dp, create_bot("1:web", settings, session=session), session)
        mix = updates_for(content, 120)
        await feed(chat, mix)  # every answer worked out once: the repeated mix is measured
        alone = await feed(chat, mix)

        # The first export of the version is made in a worker thread: the bot meanwhile
        exported: list[float] = []

        async def export(label: str) -> None:
            started = time.perf_counter()
            async with client.get(base + "/export/facts.json") as response:
                size = len(await response.read())
            exported.append((time.perf_counter() - started) * 1000)
            print(f"export facts.json, {label}: {exported[-1]:.0f} ms ({size / 1e6:.1f} MB)")

        making = asyncio.create_task(export("first"))
        await asyncio.sleep(0.05)
        during_export: list[float] = []
        while not making.done():
            during_export += await feed(chat, mix[:20])
            await asyncio.sleep(0.01)  # answers from memory never wait: let the server work
            session.requests.clear()
        await export("later")
        load_paths = [p for found in paths.values() for p in found if "svg" not in p]
        web_times: list[float] = []

        async def one(path: str) -> None:
            started = time.perf_counter()
            async with client.get(base + path) as response:
                await response.read()
            web_times.append((time.perf_counter() - started) * 1000)

        async def load() -> None:
            while True:
                await asyncio.gather(*(one(rng.choice(load_paths)) for _ in range(concurrent)))

        loader = asyncio.create_task(load())
        await asyncio.sleep(0.5)
        busy = await feed(chat, mix)
        loader.cancel()
        print(f"bot updates alone:            p50 {percentile(alone, 0.5):6.1f} ms, "
              f"p99 {percentile(alone, 0.99):6.1f} ms")  # fmt: skip
        meanwhile = during_export
        print(f"bot updates, first export being made: p50 {percentile(meanwhile, 0.5):6.1f} ms, "
              f"p99 {percentile(meanwhile, 0.99):6.1f} ms, "
              f"worst {max(meanwhile):6.1f} ms")  # fmt: skip
        print(f"bot updates, {concurrent} requests in flight: p50 {percentile(busy, 0.5):6.1f} ms, "
              f"p99 {percentile(busy, 0.99):6.1f} ms")  # fmt: skip
        print(f"catalogue requests meanwhile: {len(web_times)}, {summary(web_times)}")
        await chat.bot.session.close()
    await runner.cleanup()
    await engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1000, choices=(1, 10, 100, 1000))
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--concurrent", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(main(args.scale, args.pages, args.concurrent))
