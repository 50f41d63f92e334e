"""The interface language of the current update: Russian (the language the texts are written
in), Kazakh or English, with gettext catalogues in `locales/` (aiogram's I18n sets the
language per update) and dates written by Babel's CLDR data in each language."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from aiogram.utils.i18n import I18n
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_month_names


class Language(StrEnum):
    RU = "ru"
    KK = "kk"
    EN = "en"

    @property
    def label(self) -> str:
        """The language's own name, for the /lang buttons."""
        return {"ru": "🇷🇺 Русский", "kk": "🇰🇿 Қазақша", "en": "🇬🇧 English"}[self.value]

    @classmethod
    def of(cls, code: str | None) -> Language | None:
        """The language of a Telegram `language_code` («kk», «en-GB», «ru»); None if other."""
        head = (code or "").split("-")[0].casefold()
        return cls(head) if head in cls._value2member_map_ else None


SOURCE = Language.RU
# Babel locales for dates: British English writes «21 April 2021». Parsed once: given as
# strings, every date written would parse its locale again.
_BABEL = {
    Language.RU: Locale.parse("ru"),
    Language.KK: Locale.parse("kk"),
    Language.EN: Locale.parse("en_GB"),
}


def language() -> Language:
    """The language of the update being answered (Russian outside of one)."""
    i18n = I18n.get_current(no_error=True)
    if i18n is None:
        return SOURCE
    return Language.of(i18n.current_locale) or SOURCE


def use_language(lang: Language) -> None:
    """Answer the rest of this update in `lang` (a Kazakh question gets a Kazakh reply)."""
    i18n = I18n.get_current(no_error=True)
    if i18n is not None:
        i18n.current_locale = lang.value


def _(text: str) -> str:
    """`text` (written in Russian) in the current language."""
    i18n = I18n.get_current(no_error=True)
    if i18n is None:
        return text
    return i18n.gettext(text)


def N_(text: str) -> str:
    """Marks a text for translation where it is defined; `_()` translates it where used."""
    return text


def _spaces(text: str) -> str:
    """CLDR's narrow no-break spaces as plain ones, as the rest of the texts write them."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def day_text(d: date) -> str:
    """«21 апреля 2021 г.», «2021 ж. 21 сәуір», «21 April 2021»."""
    return _spaces(format_date(d, "long", locale=_BABEL[language()]))


def days_text(first: date, last: date) -> str:
    """«30 нояб. — 6 дек. 2026 г.», «2026 ж. 30 қар. – 6 жел.», «Nov 30 – Dec 6, 2026»."""
    return _spaces(format_interval(first, last, "yMMMMd", locale=_BABEL[language()]))


def month_text(year: int, month: int) -> str:
    """«апрель 2021 г.», «2021 ж. сәуір», «April 2021»."""
    return _spaces(format_skeleton("yMMMM", date(year, month, 1), locale=_BABEL[language()]))


def day_month_text(month: int, day: int) -> str:
    """A day whose year is not known: «21 апреля», «21 сәуір», «21 April»."""
    return format_skeleton("MMMMd", date(2000, month, day), locale=_BABEL[language()])


def month_name(month: int) -> str:
    """A month without its year: «апрель», «сәуір», «April» (CLDR's stand-alone name; it has
    no skeleton for a month alone). Russian and Kazakh write it in lower case mid-sentence."""
    lang = language()
    name = get_month_names("wide", context="stand-alone", locale=_BABEL[lang])[month]
    return name if lang is Language.EN else name.lower()
