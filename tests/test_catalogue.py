"""The public catalogue on the web, served from a loaded database: pages in three languages
with schema.org data, filters and pages of the list, every link resolving, hostile content
escaped, calendar feeds that parse and answer 304 while unchanged, open data that validates
against its schema and loads back into the same facts, and cards linking to their page."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yarl
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from icalendar import Calendar

from bot.i18n import create_i18n
from handlers.web import Catalogue
from loading.exports import content_from_export
from loading.files import ContentInvalid, read_content
from loading.service import ContentService
from tests.conftest import Chatter

PUBLIC = "https://bridge.example.org"
TODAY = date(2026, 12, 6)

HOSTILE = """\
review: reviewed
sources:
- id: hostile-source
  file: https://example.org/<script>alert(1)</script>
  title: "Статья </script><script>alert(2)</script>"
places:
- id: hostile-town
  name: "Город <b>жирный</b>"
  country: KZ
organizations:
- id: hostile-org
  name: "Фонд «</script><img src=x onerror=document.documentElement.setAttribute('data-pwned',1)>»"
  country: KZ
people:
- id: hostile-person
  first_name: "<i>Иван</i>"
  last_name: "O'Hara & \\"Co\\""
events:
- id: hostile-event
  kind: forum
  status: held
  title: "Форум <script>alert(4)</script>"
  date: {year: 2024, month: 5, day: 2}
  place: hostile-town
  source: hostile-source
  summary: "Текст с <a href=javascript:alert(5)>ссылкой</a> и & амперсандом"
  organizations:
  - {organization: hostile-org, role: organizer}
  participants:
  - person: hostile-person
    role: speaker
    positions: [{title: "директор <u>фонда</u>", organization: hostile-org}]
"""


@pytest.fixture
async def client(
    content_dir: Path, session_maker, request: pytest.FixtureRequest
) -> AsyncIterator[TestClient]:
    if getattr(request, "param", None) == "hostile":
        (content_dir / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    await ContentService(content_dir, session_maker).reload()
    app = web.Application()
    Catalogue(session_maker, create_i18n(), PUBLIC, lambda: TODAY).register(app)
    async with TestClient(TestServer(app)) as found:
        yield found


class Links(HTMLParser):
    """Every href and src of a page, the text outside scripts, and the JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self.ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for key in ("href", "src"):
            if found.get(key):
                self.links.append(found[key] or "")
        if tag in ("script", "style"):
            self._in = "ld" if found.get("type") == "application/ld+json" else tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "ld":
            self.ld.append(data)
        elif self._in is None:
            self.text.append(data)


def parse(page: str) -> Links:
    links = Links()
    links.feed(page)
    return links


async def fetch(client: TestClient, path: str, **headers: str) -> tuple[int, str]:
    response = await client.get(path, headers=headers, allow_redirects=False)
    return response.status, await response.text()


async def test_every_page_in_every_language_links_only_to_pages_that_exist(
    client: TestClient,
) -> None:
    """A crawl from the list of events: every internal link answers 200, in each language."""
    for lang in ("ru", "kk", "en"):
        seen: set[str] = set()
        todo = [f"/events?lang={lang}"]
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            status, page = await fetch(client, path)
            assert status == 200, path
            if path.startswith(("/ical/", "/export/", "/network/")):
                continue
            found = parse(page)
            assert found.ld, f"{path}: no JSON-LD"
            for data in found.ld:
                assert json.loads(data)["@context"] == "https://schema.org"
            assert f'<html lang="{lang}">' in page
            for link in found.links:
                other = re.search(r"lang=(\w+)", link)
                if other and other.group(1) != lang:
                    continue  # the switch to another language: crawled in its own turn
                if link.startswith("/"):
                    todo.append(link)
                elif link.startswith("webcal://"):
                    todo.append(link.removeprefix("webcal://bridge.example.org"))
        kinds = {re.match(r"/(\w+)", p).group(1) for p in seen}  # type: ignore[union-attr]
        assert {"events", "event", "person", "organization", "place", "ical", "export",
                "network"} <= kinds  # fmt: skip
        assert len(seen) > 50


async def test_the_interface_is_in_the_chosen_language_and_the_facts_as_written(
    client: TestClient,
) -> None:
    status, english = await fetch(client, "/event/round-table-2021-04?lang=en")
    assert status == 200
    assert "Speakers:" in english and "21 April 2021" in english
    assert "Выступили:" not in english and "Источник:" not in english
    assert "Бану Нургазиева" in english  # names stay as the sources write them
    _, kazakh = await fetch(client, "/event/round-table-2021-04", **{"Accept-Language": "kk"})
    assert "Сөз сөйлегендер:" in kazakh or "сөйле" in kazakh
    assert "2021 ж." in kazakh
    # the browser's first language the bot speaks wins; an unknown one falls back to Russian
    _, chosen = await fetch(client, "/events", **{"Accept-Language": "de-DE, en;q=0.8, ru;q=0.5"})
    assert '<html lang="en">' in chosen
    _, fallback = await fetch(client, "/events", **{"Accept-Language": "de, fr;q=0.9"})
    assert '<html lang="ru">' in fallback
    # ?lang= beats the browser and stays in the links
    _, asked = await fetch(client, "/events?lang=kk", **{"Accept-Language": "en"})
    assert '<html lang="kk">' in asked and "/event/round-table-2021-04?lang=kk" in asked


async def test_schema_org_data_describe_the_event_person_and_organization(
    client: TestClient,
) -> None:
    _, page = await fetch(client, "/event/round-table-2021-04")
    [event] = [json.loads(x) for x in parse(page).ld]
    assert event["@type"] == "Event" and event["startDate"] == "2021-04-21"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "Бану Нургазиева" in {p["name"] for p in event["performer"]}
    assert event["url"] == f"{PUBLIC}/event/round-table-2021-04"
    _, page = await fetch(client, "/person/nurgazieva-banu")
    [person] = [json.loads(x) for x in parse(page).ld]
    assert person["@type"] == "Person" and person["familyName"] == "Нургазиева"
    assert "президент" in person["jobTitle"]
    _, page = await fetch(client, "/organization/civil-alliance-kz")
    [org] = [json.loads(x) for x in parse(page).ld]
    assert org["@type"] == "Organization" and org["name"] == "Гражданский альянс Казахстана"


async def test_the_list_filters_by_year_country_and_city_and_pages(client: TestClient) -> None:
    _, everything = await fetch(client, "/events")
    total = int(re.search(r"Найдено событий: (\d+)", everything).group(1))  # type: ignore[union-attr]
    _, of_2021 = await fetch(client, "/events?year=2021")
    found = int(re.search(r"Найдено событий: (\d+)", of_2021).group(1))  # type: ignore[union-attr]
    assert 0 < found < total
    assert "round-table-2021-04" in of_2021 and "declaration-signing-2025" not in of_2021
    _, in_kz = await fetch(client, "/events?country=KZ")
    _, in_ru = await fetch(client, "/events?country=RU")
    assert (
        "/event/ngo-meeting-kostanay-2021" in in_kz
        and "/event/ngo-meeting-kostanay-2021" not in in_ru
    )
    assert (
        "/event/declaration-signing-2025" in in_ru
        and "/event/declaration-signing-2025" not in in_kz
    )
    # a city: the events held there and those it joined
    _, astana = await fetch(client, "/events?city=astana")
    assert "forum-civil-initiatives-2021" in astana and "round-table-2021-04" in astana
    assert "declaration-signing-2025" not in astana
    # values that cannot be a filter are left out, not refused; a page past the end is the last
    status, odd = await fetch(client, "/events?year=abc&country=<x>&city=../&page=999")
    assert status == 200 and f"Найдено событий: {total}" in odd
    assert "<x>" not in odd


async def test_a_missing_page_is_a_404_in_the_reader_s_language(client: TestClient) -> None:
    for path in ("/event/no-such-event", "/person/NOPE", "/nowhere", "/ical/topic/none.ics"):
        status, page = await fetch(client, path + "?lang=en")
        assert status == 404, path
        assert "Page not found" in page
    status, _ = await fetch(client, "/export/secrets.txt")
    assert status == 404
    status, _ = await fetch(client, "/?lang=en")
    assert status == 302
    # digits of other scripts, and addresses that try to lead elsewhere
    for path in ("/events?year=%C2%B2", "/events?page=%C2%B2"):
        status, _ = await fetch(client, path)
        assert status == 200, path
    base = str(client.make_url("/")).rstrip("/")
    for path in ("//evil.example/x", "/%2F%2Fevil.example", "/%5Cevil.example"):
        async with client.session.get(yarl.URL(base + path, encoded=True)) as response:
            assert response.status == 404, path
            page = await response.text()
        assert not any("evil.example" in link for link in parse(page).links), path


@pytest.mark.parametrize("client", ["hostile"], indirect=True)
async def test_hostile_content_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/event/hostile-event", "/person/hostile-person", "/organization/hostile-org",
                 "/place/hostile-town", "/events"):  # fmt: skip
        status, page = await fetch(client, path)
        assert status == 200, path
        found = parse(page)
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "<b>жирный</b>" not in page and "<i>Иван</i>" not in page, path
        assert not any(link.startswith("javascript:") for link in found.links), path
        for data in found.ld:  # still JSON, with the names as they are
            json.loads(data)
        assert len([m for m in re.findall(r"<script\b[^>]*>", page)]) == len(found.ld)
    _, page = await fetch(client, "/event/hostile-event")
    [event] = [json.loads(x) for x in parse(page).ld]
    assert event["name"] == "Форум <script>alert(4)</script>"
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in page


async def test_calendar_feeds_parse_and_answer_304_while_unchanged(client: TestClient) -> None:
    response = await client.get("/ical/all.ics")
    assert response.status == 200 and response.content_type == "text/calendar"
    calendar = Calendar.from_ical(await response.read())
    events = calendar.walk("VEVENT")
    assert {str(e["uid"]) for e in events} == {
        "round-table-2021-04@civic-bridge-bot",
        "declaration-signing-2025@civic-bridge-bot",
    }  # the events whose day is known
    assert all(str(e["url"]).startswith(f"{PUBLIC}/event/") for e in events)
    etag, modified = response.headers["ETag"], response.headers["Last-Modified"]
    again = await client.get("/ical/all.ics", headers={"If-None-Match": etag})
    assert again.status == 304 and await again.read() == b""
    since = await client.get("/ical/all.ics", headers={"If-Modified-Since": modified})
    assert since.status == 304
    older = await client.get("/ical/all.ics", headers={"If-None-Match": '"other"'})
    assert older.status == 200
    weak = await client.get("/ical/all.ics", headers={"If-None-Match": f"W/{etag}"})
    assert weak.status == 304  # a proxy that compresses marks the tag weak
    # a feed per organization, city, person and topic holds only its events
    response = await client.get("/ical/organization/civil-alliance-kz.ics")
    named = Calendar.from_ical(await response.read())
    assert "Гражданский альянс Казахстана" in str(named["x-wr-calname"])
    assert [str(e["uid"]) for e in named.walk("VEVENT")] == ["round-table-2021-04@civic-bridge-bot"]
    for path in ("/ical/place/astana.ics", "/ical/person/nurgazieva-banu.ics"):
        response = await client.get(path)
        assert response.status == 200, path
        Calendar.from_ical(await response.read())


async def test_a_feed_changes_its_etag_with_the_content(
    client: TestClient, content_dir: Path, session_maker
) -> None:
    first = (await client.get("/ical/all.ics")).headers["ETag"]
    (content_dir / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    await ContentService(content_dir, session_maker).reload()
    response = await client.get("/ical/all.ics", headers={"If-None-Match": first})
    assert response.status == 200 and response.headers["ETag"] != first


async def test_open_data_validates_and_loads_back_into_the_same_facts(
    client: TestClient, content_dir: Path, tmp_path: Path
) -> None:
    schema = await (await client.get("/export/facts.schema.json")).json(content_type=None)
    response = await client.get("/export/facts.json")
    assert response.status == 200 and response.headers["ETag"]
    data = await response.read()
    document = json.loads(data)
    jsonschema.validate(document, schema)
    assert document["schema_version"] == 1 and document["content_version"]["hash"]
    # a broken document is refused by the schema
    broken = {**document, "events": [{"id": "x"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    # the tables: one row per event, names beside ids
    table = (await (await client.get("/export/events.csv")).read()).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == len(document["events"])
    assert {"id", "title", "year", "place", "source_url"} <= set(rows[0])
    people = (await (await client.get("/export/people.csv")).read()).decode("utf-8-sig")
    banu = next(r for r in csv.DictReader(io.StringIO(people)) if r["id"] == "nurgazieva-banu")
    assert "президент, Гражданский альянс Казахстана" in banu["positions"]
    for name, count in (
        ("participations.csv", "participants"),
        ("organizations.csv", "organizations"),
    ):
        table = (await (await client.get(f"/export/{name}")).read()).decode("utf-8-sig")
        expected = (
            sum(len(e.get("participants", [])) for e in document["events"])
            if count == "participants"
            else len(document["organizations"])
        )
        assert len(list(csv.DictReader(io.StringIO(table)))) == expected > 3
    # an empty project given the export holds the same facts
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "imported.yaml").write_bytes(content_from_export(data))
    assert read_content(empty).entities() == read_content(content_dir).entities()


def test_an_export_that_is_not_one_is_refused_with_its_name() -> None:
    with pytest.raises(ContentInvalid) as refused:
        content_from_export(b"{not json", "upload.json")
    assert "upload.json" in str(refused.value.errors[0])
    with pytest.raises(ContentInvalid):
        content_from_export(json.dumps({"schema_version": 99}).encode())
    with pytest.raises(ContentInvalid):  # an event whose source is missing
        content_from_export(
            json.dumps(
                {"schema_version": 1, "events": [{"id": "e", "kind": "forum", "status": "held",
                                                  "title": "T", "source": "none"}]}
            ).encode()
        )  # fmt: skip


def test_the_command_line_writes_the_same_export_offline(tmp_path: Path, content_dir: Path) -> None:
    from bot.content import main

    out = tmp_path / "open-data"
    assert main(["--content", str(content_dir), "export", str(out)]) == 0
    assert {p.name for p in out.iterdir()} >= {"facts.json", "facts.schema.json", "events.csv"}
    target = tmp_path / "project"
    assert main(["import", str(out / "facts.json"), str(target)]) == 0
    assert read_content(target).entities() == read_content(content_dir).entities()
    # a second import does not overwrite the first
    assert main(["import", str(out / "facts.json"), str(target)]) == 1


async def test_cards_link_to_their_page_when_the_catalogue_is_on(
    settings, session_maker, content_service, today
) -> None:
    from bot.factory import create_bot, create_dispatcher
    from tests.conftest import RecordingSession

    for public, expected in ((PUBLIC, True), (None, False)):
        changed = settings.model_copy(update={"public_url": public})
        dp = create_dispatcher(changed, session_maker, content_service, today=lambda: today[0])
        session = RecordingSession()
        bot = create_bot("123:test", changed, session=session)
        chat = Chatter(dp, bot, session)
        replies = await chat.press("c:p:nurgazieva-banu")
        urls = [b.url for r in replies if r.markup for row in r.markup.inline_keyboard for b in row]
        assert (f"{PUBLIC}/person/nurgazieva-banu" in urls) is expected, urls
        event = await chat.press("c:ev:round-table-2021-04")
        urls = [b.url for r in event if r.markup for row in r.markup.inline_keyboard for b in row]
        assert (f"{PUBLIC}/event/round-table-2021-04" in urls) is expected, urls
        # /calendar gives the feed a calendar app subscribes to
        assert (f"{PUBLIC}/ical/all.ics" in await chat.ask("/calendar")) is expected
        await bot.session.close()


def test_the_public_address_must_be_one() -> None:
    from pydantic import ValidationError

    from bot.settings import Settings

    assert Settings(public_url="https://bridge.example.org/").public_url == PUBLIC
    for bad in ("bridge.example.org", "ftp://x.org", "https://x.org/?a=1"):
        with pytest.raises(ValidationError):
            Settings(public_url=bad)


async def test_a_page_shows_the_partners_across_the_border_and_their_picture(
    client: TestClient,
) -> None:
    _, page = await fetch(client, "/organization/civil-alliance-kz?lang=en")
    assert "Partners abroad" in page and "/organization/expert-club-ural-eurasia?lang=en" in page
    response = await client.get("/network/organization/civil-alliance-kz.svg")
    assert response.status == 200 and response.content_type == "image/svg+xml"
    svg = await response.read()
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    again = await client.get(
        "/network/organization/civil-alliance-kz.svg",
        headers={"If-None-Match": response.headers["ETag"]},
    )
    assert again.status == 304
    for path in ("/network/organization/nope.svg", "/network/event/round-table-2021-04.svg"):
        assert (await client.get(path)).status == 404, path
