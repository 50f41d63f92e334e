"""Fetching an article from a link against hostile servers and names: a name that resolves
to a public address and then to the loopback (DNS rebinding) never reaches the loopback, and
a page whose charset nobody knows is still read."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from drafting.fetch import FetchError, FetchProblem, fetch_page
from tests.test_drafting import PAGE

pytestmark = pytest.mark.one_database


@pytest.fixture
async def server() -> AsyncIterator[tuple[int, list[str]]]:
    hits: list[str] = []

    async def article(request: web.Request) -> web.Response:
        hits.append(request.path)
        body = PAGE.encode("utf-8")
        return web.Response(
            body=body, headers={"Content-Type": "text/html; charset=x-no-such-charset"}
        )

    app = web.Application()
    app.router.add_get("/{path:.*}", article)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield site._server.sockets[0].getsockname()[1], hits  # type: ignore[union-attr]
    await runner.cleanup()


async def test_a_name_that_rebinds_to_the_loopback_never_reaches_it(
    server: tuple[int, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, hits = server
    answers = iter(["192.0.43.10", "127.0.0.1", "127.0.0.1", "127.0.0.1"])  # public, then not
    loop = asyncio.get_running_loop()

    async def rebinding(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        address = next(answers)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(loop, "getaddrinfo", rebinding)
    with pytest.raises(FetchError) as refused:
        await fetch_page(f"http://news.example:{port}/article", timeout=3)
    assert refused.value.problem in (FetchProblem.UNREACHABLE, FetchProblem.TIMEOUT)
    assert hits == []  # the loopback server was never asked


async def test_a_page_in_an_unknown_charset_is_read(server: tuple[int, list[str]]) -> None:
    port, _ = server
    page = await fetch_page(f"http://127.0.0.1:{port}/news", allowed_hosts=frozenset({"127.0.0.1"}))
    assert "Соседи без границ" in page.as_article()
