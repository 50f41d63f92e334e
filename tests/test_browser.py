"""The web catalogue in a real browser: headless Chromium (Debian's package) opens the pages
the real bot process serves, in each language and at a phone's width, and the tests read
the rendered DOM — the interface translated, no link that leads nowhere, hostile content
shown as text and never run."""

from __future__ import annotations

import asyncio
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from tests.browser import Browser, chromium_path
from tests.conftest import CONTENT, ROOT
from tests.fake_bot_api import FakeBotAPI, start_bot_process, stop_bot_process
from tests.test_catalogue import HOSTILE
from tests.test_webhook import free_port

# The web server's behaviour: the same whichever database the bot keeps.
pytestmark = pytest.mark.one_database

TOKEN = "123456:catalogue-token"
PHONE = (390, 844)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return 0  # nobody listening (yet)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real bot process with the catalogue on, and content with a hostile file."""
    work = tmp_path_factory.mktemp("catalogue")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    (content / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with FakeBotAPI(TOKEN) as api:
        process = start_bot_process(api, work, content, PUBLIC_URL=base, WEB_PORT=str(port))
        try:
            deadline = time.monotonic() + 120
            while status_of(f"{base}/events") != 200:
                assert process.poll() is None, (work / "bot.log").read_text()
                assert time.monotonic() < deadline, "the catalogue did not come up"
                time.sleep(0.3)
            yield base
        finally:
            stop_bot_process(process)


@pytest.fixture(scope="module")
def chromium() -> str:
    found = chromium_path()
    if found is None:
        pytest.skip("Chromium is not installed, and packages can only be installed as root")
    return found


@pytest.fixture
async def browser(chromium: str) -> AsyncIterator[Browser]:
    async with Browser(chromium) as opened:
        yield opened


def interface_texts() -> set[str]:
    """The Russian texts of the page templates, long enough not to be part of a fact."""
    found = extract_from_dir(
        ROOT / "views",
        method_map=[("templates/**.html", "jinja2")],
        options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}},
        keywords={"_": None},
    )
    return {m.split("{")[0].strip() for _, _, m, _, _ in found if isinstance(m, str) and len(m) > 4}


# What the interface writes around the facts: its headings, form (not the names it offers),
# footer, buttons, pager
INTERFACE = (
    "[...document.querySelectorAll('header, footer, form, .pager, .actions, h2')]"
    ".map(e => { const c = e.cloneNode(true); c.querySelectorAll('select').forEach(s => "
    "s.remove()); return c.textContent; })"
)


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
async def test_pages_in_each_language_fit_a_phone(
    served: str, browser: Browser, lang: str, tmp_path: Path
) -> None:
    russian = interface_texts()
    assert len(russian) > 15
    for path in ("/events", "/event/round-table-2021-04", "/organization/civil-alliance-kz"):
        await browser.open(f"{served}{path}?lang={lang}", *PHONE)
        assert await browser.evaluate("document.documentElement.lang") == lang
        # nothing wider than the screen: no sideways scrolling on a phone
        assert await browser.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        ), path
        shown = await browser.evaluate(f"{INTERFACE}.join('\\n')")
        if lang != "ru":
            untranslated = sorted(t for t in russian if t in shown)
            assert not untranslated, f"{path} in {lang}: {untranslated}"
        picture = await browser.screenshot(tmp_path / f"{lang}{path.replace('/', '_')}.png")
        assert picture.startswith(b"\x89PNG") and len(picture) > 10_000
    english = await browser.evaluate("document.body.innerText")
    assert lang != "en" or "Subscribe to the calendar" in english


async def test_no_link_on_the_pages_leads_nowhere(served: str, browser: Browser) -> None:
    checked: dict[str, int] = {}
    for path in ("/events", "/event/round-table-2021-04", "/person/nurgazieva-banu",
                 "/organization/civil-alliance-kz", "/place/astana", "/events?page=1"):  # fmt: skip
        await browser.open(served + path)
        links = await browser.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        assert links, path
        for link in links:
            if link.startswith("webcal://"):
                link = "http://" + link.removeprefix("webcal://")
            if not link.startswith(served) or link in checked:
                continue
            checked[link] = status_of(link)
    broken = {link: status for link, status in checked.items() if status != 200}
    assert not broken
    assert len(checked) > 30
    # each page links back to the bot's card (once the bot's username is known: it is asked
    # of Telegram in the background, and pages never wait for it)
    back: list[str] = []
    for _ in range(50):
        await browser.open(served + "/person/nurgazieva-banu")
        back = await browser.evaluate(
            "[...document.querySelectorAll('a')].map(a => a.href).filter(h => h.includes('t.me'))"
        )
        if back:
            break
        await asyncio.sleep(0.2)
    assert back == ["https://t.me/civic_bridge_bot?start=p_nurgazieva-banu"]


async def test_hostile_content_is_shown_as_text_and_never_run(
    served: str, browser: Browser
) -> None:
    for path in ("/event/hostile-event", "/organization/hostile-org", "/person/hostile-person",
                 "/events?year=2024"):  # fmt: skip
        await browser.open(served + path)
        assert await browser.evaluate("document.documentElement.dataset.pwned") is None, path
        assert (
            await browser.evaluate(
                "document.querySelectorAll('main script, main img, main b, main i, main u').length"
            )
            == 0
        ), path
        data = await browser.evaluate(
            "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
            ".map(s => JSON.parse(s.textContent))"
        )
        assert len(data) == 1, path
    await browser.open(served + "/event/hostile-event")
    assert await browser.evaluate("document.querySelector('h1').innerText") == (
        "Форум <script>alert(4)</script>"
    )
    [event] = await browser.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => JSON.parse(s.textContent))"
    )
    assert event["organizer"][0]["name"].startswith("Фонд «</script><img")
