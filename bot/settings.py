"""Settings: one typed object read from the environment (and `.env` when the bot starts)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{PROJECT_ROOT / 'data' / 'bot.sqlite3'}"
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "content"


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message names the setting."""


@dataclass(frozen=True, slots=True)
class Settings:
    bot_token: str | None = field(default=None, repr=False)
    admin_ids: frozenset[int] = frozenset()
    database_url: str = DEFAULT_DATABASE_URL
    content_dir: Path = DEFAULT_CONTENT_DIR
    telegram_api_url: str | None = None
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Almaty"))
    log_level: str = "INFO"
    rate_limit_messages: int = 20  # per user per window; 0 turns the limit off
    rate_limit_seconds: int = 60

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        admin_ids: set[int] = set()
        for part in (get("ADMIN_IDS") or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.lstrip("-").isdigit():
                raise SettingsError(f"ADMIN_IDS: '{part}' is not a Telegram user id (a number)")
            admin_ids.add(int(part))

        tz_name = get("TIMEZONE") or "Asia/Almaty"
        try:
            timezone = ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise SettingsError(f"TIMEZONE: unknown time zone '{tz_name}'") from exc

        log_level = (get("LOG_LEVEL") or "INFO").upper()
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(
                f"LOG_LEVEL: '{log_level}' is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL"
            )

        token = get("BOT_TOKEN")
        if token is not None and ":" not in token:
            raise SettingsError(
                "BOT_TOKEN: does not look like a token from @BotFather "
                "(expected '<digits>:<letters>')"
            )

        api_url = get("TELEGRAM_API_URL")
        if api_url is not None and not api_url.startswith(("http://", "https://")):
            raise SettingsError("TELEGRAM_API_URL: must start with http:// or https://")

        limits = {}
        for name, default in (("RATE_LIMIT_MESSAGES", 20), ("RATE_LIMIT_SECONDS", 60)):
            raw = get(name)
            if raw is not None and not raw.isdigit():
                raise SettingsError(f"{name}: '{raw}' is not a whole number")
            limits[name] = int(raw) if raw is not None else default
        if limits["RATE_LIMIT_SECONDS"] == 0:
            raise SettingsError("RATE_LIMIT_SECONDS: must be at least 1")

        content_dir = Path(get("CONTENT_DIR") or DEFAULT_CONTENT_DIR)
        return cls(
            bot_token=token,
            admin_ids=frozenset(admin_ids),
            database_url=get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            content_dir=content_dir if content_dir.is_absolute() else Path.cwd() / content_dir,
            telegram_api_url=api_url.rstrip("/") if api_url else None,
            timezone=timezone,
            log_level=log_level,
            rate_limit_messages=limits["RATE_LIMIT_MESSAGES"],
            rate_limit_seconds=limits["RATE_LIMIT_SECONDS"],
        )

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids


def load_settings() -> Settings | None:
    """Settings from `.env` and the environment; None, with the reason printed, if invalid."""
    load_dotenv()
    try:
        return Settings.from_env()
    except SettingsError as exc:
        print(f"Settings error: {exc}", file=sys.stderr)
        return None
