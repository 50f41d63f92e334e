"""The interface language of each update: aiogram's I18n over the gettext catalogues in
`locales/`, and a middleware that picks the language — the one the user chose with /lang,
else their Telegram language, else Russian.

`make` compiles the catalogues (`pybabel compile`); where a compiled file is missing or
older than its `.po`, start-up compiles it, so a plain `pip install` works too."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from aiogram.types import TelegramObject, User
from aiogram.utils.i18n import I18n, I18nMiddleware
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from db.failures import database_unreachable
from users.languages import LanguagePreferences
from views.i18n import SOURCE, Language

LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


def _compile(path: Path, domain: str) -> bool:
    """Compile every `.po` under `path` whose `.mo` is missing or older; False when the
    folder is not writable."""
    for po in path.glob(f"*/LC_MESSAGES/{domain}.po"):
        mo = po.with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        try:
            with mo.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=True)
        except OSError:
            return False
    return True


def create_i18n(path: Path = LOCALES) -> I18n:
    """aiogram's I18n over the catalogues, compiled first where `make` has not done it (into a
    temporary copy when `locales/` is read-only)."""
    if not _compile(path, DOMAIN):
        copy = Path(tempfile.mkdtemp(prefix="locales-"))
        shutil.copytree(path, copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.mo"))
        _compile(copy, DOMAIN)
        path = copy
    return I18n(path=path, default_locale=SOURCE.value, domain=DOMAIN)


class UserLanguageMiddleware(I18nMiddleware):
    def __init__(self, i18n: I18n, preferences: LanguagePreferences) -> None:
        super().__init__(i18n)
        self.preferences = preferences

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        user: User | None = data.get("event_from_user")
        if user is None:
            return SOURCE.value
        try:
            chosen = await self.preferences.get(user.id)
        except Exception as exc:
            if not database_unreachable(exc):
                raise
            chosen = None  # the database is away: the update is answered all the same
        if chosen is not None:
            return chosen
        return (Language.of(user.language_code) or SOURCE).value
