"""An article from a link: fetched with limits (http/https only, public addresses only unless
allowed, a size cap, a time limit), its main text, headline and date taken out of the page
with trafilatura."""

from __future__ import annotations

import asyncio
import codecs
import ipaddress
import socket
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

MAX_BYTES = 3_000_000
TIMEOUT_SECONDS = 20
MIN_TEXT = 200  # characters of main text below which the page is not taken for an article


class FetchProblem(StrEnum):
    BAD_LINK = "bad_link"
    SCHEME = "scheme"
    PRIVATE = "private"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    STATUS = "status"
    TOO_BIG = "too_big"
    NOT_A_PAGE = "not_a_page"
    NO_TEXT = "no_text"


class FetchError(Exception):
    def __init__(self, problem: FetchProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    title: str | None
    date: str | None  # YYYY-MM-DD, as the page states its publication
    text: str

    def as_article(self) -> str:
        """The text the draft tool reads: the page's date stamp, headline, then the text."""
        parts = [f"date {self.date}"] if self.date else []
        if self.title and not self.text.startswith(self.title):
            parts.append(self.title)
        return "\n".join([*parts, self.text])


async def _checked_addresses(
    host: str, port: int, allowed: frozenset[str]
) -> list[tuple[socket.AddressFamily, str]]:
    """`host`'s addresses, each a public one (or allowed). Resolved once: the connection is
    made to these very addresses, so a name that answers differently the second time (DNS
    rebinding) cannot lead it anywhere else."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(FetchProblem.UNREACHABLE, str(exc)) from None
    found = []
    for family, *_, address in infos:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global and host not in allowed and str(ip) not in allowed:
            raise FetchError(FetchProblem.PRIVATE, str(ip))
        found.append((family, str(ip)))
    return found


def _resolver(addresses: list[tuple[socket.AddressFamily, str]]):  # type: ignore[no-untyped-def]
    """An aiohttp resolver that gives the addresses already checked, and nothing else."""
    from aiohttp.abc import AbstractResolver

    class Checked(AbstractResolver):
        async def resolve(  # type: ignore[override]
            self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
        ) -> list[dict[str, object]]:
            return [
                {"hostname": host, "host": ip, "port": port, "family": fam,
                 "proto": 0, "flags": socket.AI_NUMERICHOST}
                for fam, ip in addresses
            ]  # fmt: skip

        async def close(self) -> None:
            return None

    return Checked()


async def fetch_page(
    url: str,
    *,
    allowed_hosts: frozenset[str] = frozenset(),
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> Page:
    """Download `url` and take the article out of it; FetchError says what went wrong."""
    import aiohttp

    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise FetchError(FetchProblem.SCHEME, parts.scheme)
    if not parts.hostname:
        raise FetchError(FetchProblem.BAD_LINK, url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = await _checked_addresses(parts.hostname, port, allowed_hosts)
    limits = aiohttp.ClientTimeout(total=timeout)
    connector = aiohttp.TCPConnector(resolver=_resolver(addresses), use_dns_cache=False)
    try:
        async with (
            aiohttp.ClientSession(timeout=limits, connector=connector) as session,
            session.get(url, allow_redirects=False) as response,
        ):
            if response.status != 200:
                raise FetchError(FetchProblem.STATUS, str(response.status))
            kind = response.headers.get("Content-Type", "")
            if "html" not in kind and "text/plain" not in kind:
                raise FetchError(FetchProblem.NOT_A_PAGE, kind)
            if (response.content_length or 0) > max_bytes:
                raise FetchError(FetchProblem.TOO_BIG, str(response.content_length))
            body = bytearray()
            async for chunk in response.content.iter_chunked(65536):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(FetchProblem.TOO_BIG, f"more than {max_bytes}")
            charset = _known_charset(response.charset)
    except TimeoutError:
        raise FetchError(FetchProblem.TIMEOUT, url) from None
    except aiohttp.ClientError as exc:
        raise FetchError(FetchProblem.UNREACHABLE, type(exc).__name__) from None
    html = bytes(body).decode(charset, errors="replace")
    if "text/plain" in kind:
        return Page(url, None, None, html)
    return await asyncio.to_thread(_extract, url, html)


def _known_charset(named: str | None) -> str:
    """The page's charset when Python knows it, else UTF-8 (read with replacements)."""
    if named:
        try:
            return codecs.lookup(named).name
        except LookupError:
            pass
    return "utf-8"


def _extract(url: str, html: str) -> Page:
    import trafilatura

    text = trafilatura.extract(html, favor_recall=True, include_comments=False) or ""
    if len(text) < MIN_TEXT:
        raise FetchError(FetchProblem.NO_TEXT, str(len(text)))
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    date = meta.date if meta is not None else None
    return Page(url, title, date, text)
