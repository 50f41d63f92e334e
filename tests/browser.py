"""A real browser for tests: Debian's headless Chromium driven over the Chrome DevTools
Protocol (a WebSocket, aiohttp's client): open a page at a given window size, read the
rendered DOM with JavaScript, take a screenshot.

`chromium_path()` installs the distribution's package when it is missing and this user may
(root with apt-get), as scripts/test_services.sh does for PostgreSQL and Redis.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
]


def chromium_path() -> str | None:
    """Chromium's binary, installed first when missing and possible; None when not."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # the PostgreSQL/Redis pass may be installing its packages at the same moment: wait for
    # the package manager's lock rather than fail on it
    wait = ["-o", "DPkg::Lock::Timeout=900"]
    install = ["apt-get", *wait, "install", "-y", "-q", "chromium"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", *wait, "update", "-q"], env=env, capture_output=True)
        subprocess.run(install, env=env, capture_output=True)
    return shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One headless Chromium with one tab; `async with Browser(path) as browser`."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self._ids = itertools.count(1)
        self._events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}

    async def __aenter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="chromium-")
        port = _free_port()
        self._process = subprocess.Popen(
            [self.binary, *FLAGS, f"--user-data-dir={self._profile}",
             f"--remote-debugging-port={port}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._http = aiohttp.ClientSession()
        targets: list[dict[str, Any]] = []
        for _ in range(300):  # Chromium takes a few seconds to start on a busy machine
            try:
                async with self._http.get(f"http://127.0.0.1:{port}/json/list") as response:
                    targets = [t for t in await response.json() if t.get("type") == "page"]
                if targets:
                    break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        try:
            if not targets:
                raise RuntimeError("Chromium did not start")
            self._socket = await self._http.ws_connect(
                targets[0]["webSocketDebuggerUrl"], max_msg_size=0
            )
            self._reader = asyncio.create_task(self._read())
            await self.call("Page.enable")
            await self.call("Runtime.enable")
        except BaseException:
            await self.__aexit__(None, None, None)  # no browser left behind
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        if hasattr(self, "_reader"):
            self._reader.cancel()
        if hasattr(self, "_socket"):
            await self._socket.close()
        await self._http.close()
        self._process.terminate()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        shutil.rmtree(self._profile, ignore_errors=True)

    async def _read(self) -> None:
        async for message in self._socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._waiting:
                self._waiting.pop(data["id"]).set_result(data)
            elif "method" in data:
                await self._events.put(data)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        await self._socket.send_str(json.dumps({"id": number, "method": method, "params": params}))
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        """Load `url` at a window of `width`×`height` CSS pixels (a phone: 390×844)."""
        await self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        while not self._events.empty():
            self._events.get_nowait()
        await self.call("Page.navigate", url=url)
        while True:
            event = await asyncio.wait_for(self._events.get(), 30)
            if event["method"] == "Page.loadEventFired":
                return

    async def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable)."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    async def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode((await self.call("Page.captureScreenshot", format="png"))["data"])
        path.write_bytes(data)
        return data
