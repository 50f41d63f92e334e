"""Logging set-up: one format, and the bot token never reaches the logs."""

from __future__ import annotations

import logging
import sys

from bot.settings import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces secrets wherever they appear, tracebacks included."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text


def setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(FORMAT, [settings.token or ""]))
    level = settings.log_level
    if settings.token is None:
        # The console chat owns the terminal: only warnings and errors go there.
        level = max(logging.WARNING, logging.getLevelName(level))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    secrets = [settings.token or ""]

    def redacted_excepthook(kind, value, trace) -> None:  # type: ignore[no-untyped-def]
        """Whatever escapes to the top is printed without the token too."""
        import traceback

        text = "".join(traceback.format_exception(kind, value, trace))
        for secret in filter(None, secrets):
            text = text.replace(secret, "<token>")
        sys.stderr.write(text)

    sys.excepthook = redacted_excepthook
