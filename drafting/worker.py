"""Drafting off the bot's event loop: each draft runs in its own process, one at a time, with a
time limit and a memory cap, so that a huge or pathological text never slows other users'
answers or takes the bot's memory. The process also keeps the language models out of the bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import resource
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_ARTICLE_CHARS = 200_000  # a long news article is 20,000; a book is refused
TIME_LIMIT = 60.0  # seconds per draft, the models' loading included
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space for the drafting process


class DraftProblem(StrEnum):
    TOO_LONG = "too_long"
    TIMEOUT = "timeout"
    OUT_OF_MEMORY = "out_of_memory"
    FAILED = "failed"


class DraftRefused(Exception):
    def __init__(self, problem: DraftProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else str(problem))
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class DraftFile:
    yaml: str
    people: int
    organizations: int
    places: int
    review: str  # JSON of drafting.review.Review: the same facts, to review in the chat


def _draft(request: dict[str, Any]) -> dict[str, Any]:
    """In the drafting process: cap its memory, draft, return the YAML and counts."""
    memory = int(request["memory"])
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit is already in force
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        from drafting.extract import draft_article
        from drafting.render import render_yaml
        from drafting.review import places_by_name, review_of
        from drafting.suggest import maybe_known
        from loading.files import ContentInvalid, read_content

        try:
            known = read_content(Path(request["folder"]))
        except ContentInvalid:
            known = None
        draft = draft_article(request["text"], request["name"], known, None)
        source = request.get("source") or request["name"]
        taken = frozenset(known.ids()) if known is not None else frozenset()
        places = places_by_name(known.places) if known is not None else {}
        suggestions = maybe_known(draft, known)
        review = review_of(draft, source, draft.title or source, suggestions, taken, places)
        return {
            "yaml": render_yaml(draft),
            "people": len(draft.people),
            "organizations": len(draft.organizations),
            "places": len(draft.places),
            "review": review.model_dump_json(),
        }
    except MemoryError:
        return {"problem": DraftProblem.OUT_OF_MEMORY}
    except Exception as exc:  # reported to the bot, which logs it
        return {"problem": DraftProblem.FAILED, "detail": f"{type(exc).__name__}: {exc}"}


class DraftWorker:
    """Runs each draft in a child process (`python -m drafting.worker`), one at a time."""

    def __init__(
        self,
        time_limit: float = TIME_LIMIT,
        memory_limit: int = MEMORY_LIMIT,
        max_chars: int = MAX_ARTICLE_CHARS,
    ) -> None:
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self.max_chars = max_chars
        self._lock = asyncio.Lock()

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def draft(
        self, text: str, file_name: str, content_dir: Path, source: str | None = None
    ) -> DraftFile:
        """A draft of `text`, or DraftRefused saying why not. `source` is where the text
        came from (a page's address), when not the file."""
        if len(text) > self.max_chars:
            raise DraftRefused(DraftProblem.TOO_LONG, str(len(text)))
        request = {
            "text": text,
            "name": file_name,
            "folder": str(content_dir.resolve()),
            "source": source,
            "memory": self.memory_limit,
        }
        async with self._lock:
            reply = await self._run(json.dumps(request).encode())
        if "problem" in reply:
            problem = DraftProblem(reply["problem"])
            if problem is DraftProblem.FAILED:
                log.error("drafting failed: %s", reply.get("detail"))
            raise DraftRefused(problem, reply.get("detail", ""))
        return DraftFile(
            reply["yaml"], reply["people"], reply["organizations"], reply["places"], reply["review"]
        )

    async def _run(self, request: bytes) -> dict[str, Any]:
        # A fresh interpreter: nothing of the bot's threads, sockets or memory is shared.
        env = {**os.environ, "PYTHONPATH": _ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "drafting.worker",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env,
        )
        try:
            out, err = await asyncio.wait_for(process.communicate(request), self.time_limit)
        except TimeoutError:
            raise DraftRefused(DraftProblem.TIMEOUT, f"{self.time_limit:.0f} s") from None
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        lines = out.decode("utf-8", errors="replace").strip().splitlines()
        if process.returncode != 0 or not lines:
            # Killed (the memory cap ends a process that cannot raise MemoryError in time).
            log.warning("drafting process ended with %s: %s", process.returncode, err[-500:])
            return {"problem": DraftProblem.OUT_OF_MEMORY}
        return json.loads(lines[-1])


_ROOT = str(Path(__file__).resolve().parents[1])


def main() -> None:
    request = json.loads(sys.stdin.buffer.read())
    print(json.dumps(_draft(request), ensure_ascii=False))


if __name__ == "__main__":
    main()
