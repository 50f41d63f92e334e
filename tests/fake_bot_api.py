"""A small fake Telegram Bot API server for end-to-end tests (aiohttp, 127.0.0.1 only).

It implements what the bot uses: getMe, getUpdates (with offset and timeout), sendMessage,
editMessageText, answerCallbackQuery, setMyCommands and deleteWebhook. Tests queue updates
and read what the bot sent. It runs in a thread with its own event loop.

Faults can be injected per method, each used once, in order: "429:N" (Too Many Requests,
retry after N s), "500" (server error), "drop" (the connection is cut before the request is
handled), "lost" (handled — a message is sent — and then the connection is cut, so the bot
never learns it was), "delay:S" (answer after S seconds). `go_away()` / `come_back()` stop
and restart listening.
Users in `blocked` get 403 «bot was blocked by the user» for sendMessage.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.databases import fresh_database_url

BOT = {
    "id": 100500,
    "is_bot": True,
    "first_name": "Гражданский мост",
    "username": "civic_bridge_bot",
}


class Blocked(Exception):
    """The user a message is for has blocked the bot."""


class FakeBotAPI:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(5000)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._new_update: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.first_poll_at: float | None = None  # time.monotonic() of the first getUpdates
        self.blocked: set[int] = set()  # users who blocked the bot: sendMessage gets a 403
        self.faults: dict[str, list[str]] = {}  # method (lower case) → faults still to inject
        self.faults_served: list[tuple[str, str]] = []
        self._site: web.TCPSite | None = None
        self.away = False  # while True, every request has its connection cut
        # Files users sent, by file_id: getFile names them, /file/… serves them — or answers
        # with the status in `file_status` instead (a download that fails).
        self.files: dict[str, bytes] = {}
        self.file_status: dict[str, int] = {}

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake Bot API server did not start")

    def _serve(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)

        async def setup() -> None:
            self._new_update = asyncio.Event()
            app = web.Application()
            app.router.add_post("/bot{token}/{method}", self._handle)
            app.router.add_get("/file/bot{token}/{path:.+}", self._file)
            self._runner = web.AppRunner(app)
            await self._runner.setup()
            self._site = web.TCPSite(self._runner, "127.0.0.1", self.port)
            await self._site.start()
            self.port = self._runner.addresses[0][1]

        self._loop.run_until_complete(setup())
        ready.set()
        self._loop.run_forever()

    def __enter__(self) -> FakeBotAPI:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        async def cleanup() -> None:
            if self._runner is not None:
                await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def go_away(self) -> None:
        """Stop listening and cut open connections: every request fails until come_back()."""
        assert self._site is not None
        self.away = True
        if self._new_update is not None:  # wake a waiting long poll so it is cut too
            self._loop.call_soon_threadsafe(self._new_update.set)
        asyncio.run_coroutine_threadsafe(self._site.stop(), self._loop).result(10)

    def come_back(self) -> None:
        async def restart() -> None:
            assert self._runner is not None
            self._site = web.TCPSite(self._runner, "127.0.0.1", self.port)
            await self._site.start()

        asyncio.run_coroutine_threadsafe(restart(), self._loop).result(10)
        self.away = False

    def inject(self, method: str, *faults: str) -> None:
        with self._lock:
            self.faults.setdefault(method.lower(), []).extend(faults)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- what tests do -------------------------------------------------------------------------

    def _push(self, update: dict[str, Any]) -> None:
        with self._lock:
            self.updates.append(update)
        self._loop.call_soon_threadsafe(self._new_update.set)  # type: ignore[union-attr]

    def text_update(
        self, chat_id: int, text: str, language_code: str | None = None
    ) -> dict[str, Any]:
        """A new update with a text message from user `chat_id` in a private chat."""
        update_id = next(self._update_ids)
        user = {"id": chat_id, "is_bot": False, "first_name": "Тест"}
        if language_code:
            user["language_code"] = language_code
        return {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": int(time.time()),
                "text": text,
                "from": user,
                "chat": {"id": chat_id, "type": "private"},
            },
        }

    def send_text(self, chat_id: int, text: str, language_code: str | None = None) -> int:
        """Queue a text message for getUpdates; its update id."""
        update = self.text_update(chat_id, text, language_code)
        self._push(update)
        return update["update_id"]

    def texts_to(self, chat_id: int) -> list[str]:
        """Every text sent to `chat_id`, in order."""
        return [p["text"] for p in self.sent("sendmessage") if int(p["chat_id"]) == chat_id]

    def ask(self, chat_id: int, text: str, settle: float = 0.3) -> str:
        """Send `text` and return every reply to it, joined: the first waited for, then
        `settle` seconds for the rest of a reply in several messages."""
        before = len(self.texts_to(chat_id))
        self.send_text(chat_id, text)
        self.wait_for(lambda: len(self.texts_to(chat_id)) > before)
        time.sleep(settle)
        return "\n".join(self.texts_to(chat_id)[before:])

    def callback_update(self, chat_id: int, data: str, message: dict[str, Any]) -> dict[str, Any]:
        """A new update with user `chat_id` pressing a button with `data` under `message`."""
        update_id = next(self._update_ids)
        user = {"id": chat_id, "is_bot": False, "first_name": "Тест"}
        return {
            "update_id": update_id,
            "callback_query": {
                "id": str(update_id),
                "from": user,
                "chat_instance": "e2e",
                "data": data,
                "message": message,
            },
        }

    def press(self, chat_id: int, data: str, message: dict[str, Any]) -> int:
        """Queue a button press for getUpdates; its update id."""
        update = self.callback_update(chat_id, data, message)
        self._push(update)
        return update["update_id"]

    def sent(self, method: str) -> list[dict[str, Any]]:
        with self._lock:
            return [params for name, params in self.calls if name == method]

    @staticmethod
    def wait_for(predicate: Callable[[], Any], timeout: float = 30) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = predicate()
            if result:
                return result
            time.sleep(0.05)
        raise TimeoutError("the bot did not do what was expected in time")

    # --- the API -------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"].lower()
        if self.away:
            assert request.transport is not None
            request.transport.abort()
            raise ConnectionResetError("the API is away")
        with self._lock:
            queue = self.faults.get(method)
            fault = queue.pop(0) if queue else None
            if fault:
                self.faults_served.append((method, fault))
        if fault and fault.startswith("429:"):
            seconds = int(fault.split(":")[1])
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {seconds}",
                    "parameters": {"retry_after": seconds},
                },
                status=429,
            )
        if fault == "500":
            return web.json_response(
                {"ok": False, "error_code": 500, "description": "Internal Server Error"}, status=500
            )
        if fault == "drop":
            assert request.transport is not None
            request.transport.abort()
            raise ConnectionResetError("connection dropped on purpose")
        if fault and fault.startswith("delay:"):
            await asyncio.sleep(float(fault.split(":")[1]))
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            try:
                params[key] = json.loads(str(value))
            except ValueError:
                params[key] = str(value)
        if method != "getupdates":
            with self._lock:
                self.calls.append((method, params))
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found: method not found"},
                status=404,
            )
        try:
            result = await handler(params)
        except Blocked:
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                },
                status=403,
            )
        if self.away or fault == "lost":  # away while this request waited (a long poll)
            assert request.transport is not None
            request.transport.abort()
            raise ConnectionResetError("the connection was cut after the request was handled")
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].removeprefix("documents/")
        if file_id in self.file_status:
            return web.Response(status=self.file_status[file_id], text="error")
        if request.match_info["token"] != self.token or file_id not in self.files:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=self.files[file_id])

    async def _m_getfile(self, params: dict[str, Any]) -> Any:
        file_id = str(params["file_id"])
        data = self.files.get(file_id, b"")
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(data),
            "file_path": f"documents/{file_id}",
        }

    async def _m_getme(self, params: dict[str, Any]) -> Any:
        return BOT

    async def _m_getupdates(self, params: dict[str, Any]) -> Any:
        if self.first_poll_at is None:
            self.first_poll_at = time.monotonic()
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        with self._lock:
            # Telegram forgets every update before the offset: they were confirmed.
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            pending = list(self.updates)
        if not pending and timeout > 0:
            assert self._new_update is not None
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
            with self._lock:
                pending = [u for u in self.updates if u["update_id"] >= offset]
        return pending

    def _message(self, params: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
        message = {
            "message_id": message_id or next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "from": BOT,
            "text": params.get("text", ""),
        }
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _m_sendmessage(self, params: dict[str, Any]) -> Any:
        if int(params.get("chat_id", 0)) in self.blocked:
            raise Blocked
        return self._message(params)

    async def _m_editmessagetext(self, params: dict[str, Any]) -> Any:
        return self._message(params, int(params["message_id"]))

    async def _m_answercallbackquery(self, params: dict[str, Any]) -> Any:
        return True

    async def _m_setmycommands(self, params: dict[str, Any]) -> Any:
        return True

    async def _m_deletewebhook(self, params: dict[str, Any]) -> Any:
        return True

    async def _m_setwebhook(self, params: dict[str, Any]) -> Any:
        return True


def stop_bot_process(process: subprocess.Popen[str], sig: int = signal.SIGTERM) -> None:
    """Stop a bot process as a supervisor would: `sig`, then a kill after 30 s."""
    process.send_signal(sig)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def start_bot_process(
    api: FakeBotAPI, data_dir: Path, content_dir: Path, log_name: str = "bot.log", **env: str
) -> subprocess.Popen[str]:
    """`python -m bot` polling `api`, with its database and log in `data_dir`."""
    environment = {
        **os.environ,
        "BOT_TOKEN": api.token,
        "TELEGRAM_API_URL": api.url,
        "DATABASE_URL": fresh_database_url(data_dir, "bot"),
        "CONTENT_DIR": str(content_dir),
        "ADMIN_IDS": "",
        "LOG_LEVEL": "INFO",
        **env,
    }
    with (data_dir / log_name).open("w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=data_dir,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
