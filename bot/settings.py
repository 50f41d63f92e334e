"""Settings: one typed object read from the environment and `.env` (pydantic-settings).

Every error names the variable and says what is wrong with it, so a bad `.env` is fixed
from the first message.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{PROJECT_ROOT / 'data' / 'bot.sqlite3'}"
DEFAULT_CONTENT_DIR = PROJECT_ROOT / "content"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message names the setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=PROJECT_ROOT / ".env",
        env_ignore_empty=True,
        extra="ignore",
        frozen=True,
        arbitrary_types_allowed=True,
    )

    bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_url: str = DEFAULT_DATABASE_URL
    content_dir: Path = DEFAULT_CONTENT_DIR
    telegram_api_url: str | None = None
    timezone: ZoneInfo = Field(default_factory=lambda: ZoneInfo("Asia/Almaty"))
    log_level: str = "INFO"
    rate_limit_messages: int = Field(20, ge=0)  # per user per window; 0 turns the limit off
    rate_limit_seconds: int = Field(60, ge=1)
    # Sending notices, reminders and broadcasts: Telegram allows about 30 messages a second
    # overall and one a second to one chat.
    send_rate: float = Field(25.0, gt=0, le=30)
    delivery_poll_seconds: float = Field(5.0, gt=0)
    reminder_check_seconds: float = Field(600.0, gt=0)
    # Webhook mode: Telegram posts updates to WEBHOOK_URL (the proxy in front passes them to
    # WEB_HOST:WEB_PORT), each carrying WEBHOOK_SECRET. Without it the bot polls.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    # The bot's own web server: the webhook, /healthz and /metrics. In polling mode it runs
    # only when WEB_PORT is set.
    web_host: str = "127.0.0.1"
    web_port: int | None = Field(None, ge=1, le=65535)
    # The public catalogue on the web (events, people, organizations, cities, calendar feeds,
    # open data), served on WEB_PORT: its public address, which links in cards point to.
    # Empty: no catalogue.
    public_url: str | None = None
    # Redis shared by several instances: per-chat state, flood control, locks, content news.
    redis_url: str | None = None
    # Hosts or addresses that links may point to although they are not public (tests).
    fetch_allowed_hosts: Annotated[frozenset[str], NoDecode] = frozenset()

    @field_validator("bot_token", mode="before")
    @classmethod
    def _token(cls, value: Any) -> Any:
        if isinstance(value, str) and ":" not in value:
            raise ValueError(
                "does not look like a token from @BotFather (expected '<digits>:<letters>')"
            )
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admin_ids(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        ids = set()
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.lstrip("-").isdigit():
                raise ValueError(f"'{part}' is not a Telegram user id (a number)")
            ids.add(int(part))
        return frozenset(ids)

    @field_validator("fetch_allowed_hosts", mode="before")
    @classmethod
    def _hosts(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(h.strip() for h in value.split(",") if h.strip())
        return value

    @field_validator("content_dir", mode="after")
    @classmethod
    def _content_dir(cls, value: Path) -> Path:
        return value if value.is_absolute() else Path.cwd() / value

    @field_validator("telegram_api_url", mode="before")
    @classmethod
    def _api_url(cls, value: Any) -> Any:
        if isinstance(value, str):
            if not value.startswith(("http://", "https://")):
                raise ValueError("must start with http:// or https://")
            from urllib.parse import urlsplit

            try:
                parts = urlsplit(value)
                parts.port  # noqa: B018 — a bad port raises here
            except ValueError as exc:
                raise ValueError(f"is not a valid address ({exc})") from None
            if not parts.hostname:
                raise ValueError("has no host name")
            return value.rstrip("/")
        return value

    @field_validator("redis_url", mode="before")
    @classmethod
    def _redis_url(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("webhook_url", mode="before")
    @classmethod
    def _webhook_url(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.startswith(("https://", "http://")):
            raise ValueError("must be the public https:// address Telegram sends updates to")
        return value

    @field_validator("public_url", mode="before")
    @classmethod
    def _public_url(cls, value: Any) -> Any:
        if isinstance(value, str):
            from urllib.parse import urlsplit

            parts = urlsplit(value.strip())
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError("must be the catalogue's public address, https://…")
            if parts.query or parts.fragment or parts.path.strip("/"):
                raise ValueError(
                    "must be the catalogue's own address, with no path, ?query or #fragment "
                    "(the catalogue is served from the root of its address)"
                )
            return value.strip().rstrip("/")
        return value

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _webhook_secret(cls, value: Any) -> Any:
        import re

        if isinstance(value, str) and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value):
            raise ValueError("must be 1–256 characters: letters, digits, _ and -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError(
                "WEBHOOK_SECRET must be set with WEBHOOK_URL: without it anybody could post "
                "updates to the bot"
            )
        return self

    @property
    def webhook_path(self) -> str:
        """The path of the webhook on the bot's own server: that of WEBHOOK_URL."""
        from urllib.parse import urlsplit

        return urlsplit(self.webhook_url or "").path or "/webhook"

    @property
    def serves_web(self) -> bool:
        return bool(self.webhook_url) or bool(self.public_url) or self.web_port is not None

    @field_validator("timezone", mode="before")
    @classmethod
    def _timezone(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"unknown time zone '{value}'") from exc
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level(cls, value: Any) -> Any:
        level = str(value).upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"'{value}' is not one of {', '.join(LOG_LEVELS)}")
        return level

    @property
    def token(self) -> str | None:
        """The bot token itself (kept out of repr and logs)."""
        return self.bot_token.get_secret_value() if self.bot_token else None

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids

    def with_changes(self, **changes: Any) -> Settings:
        return self.model_copy(update=changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from `env` only (tests), or from the environment and `.env`."""
        try:
            if env is None:
                return cls()
            values = {
                name: env[name.upper()].strip()
                for name in cls.model_fields
                if env.get(name.upper(), "").strip()
            }
            return cls.model_validate(values)
        except ValidationError as exc:
            raise SettingsError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"{name}: {message}")
    return "; ".join(lines)


def load_settings() -> Settings | None:
    """Settings from `.env` and the environment; None, with the reason printed, if invalid."""
    try:
        return Settings.from_env()
    except SettingsError as exc:
        print(f"Settings error: {exc}", file=sys.stderr)
        return None
