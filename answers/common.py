"""Greeting, help, and the answers to what the bot does not understand."""

from __future__ import annotations

from answers.base import Answer
from db.failures import database_unreachable as is_outage
from users.languages import LanguagePreferences
from views import common as view
from views.i18n import Language, language, use_language
from views.keyboards import languages_keyboard, main_menu


def start_answer() -> Answer:
    return Answer(view.greeting(), main_menu())


def help_answer(*, with_menu: bool = True) -> Answer:
    return Answer(view.help_text(), main_menu() if with_menu else None)


def language_choice_answer() -> Answer:
    return Answer(view.choose_language(), languages_keyboard(language()))


async def set_language_answer(
    languages: LanguagePreferences, user_id: int, chosen: Language
) -> Answer:
    """Remember the user's language and answer in it at once."""
    await languages.set(user_id, chosen.value)
    use_language(chosen)
    return Answer(view.language_set(), main_menu())


def unknown_command_answer(command: str) -> Answer:
    return Answer(view.unknown_command(command))


def only_text_answer() -> Answer:
    return Answer(view.only_text())


def stale_button_answer() -> Answer:
    return Answer(view.stale_button(), alert=True)


def error_answer(exc: BaseException | None = None, admin: bool = False) -> Answer:
    """What a user is told when answering failed: that the service is limited while the
    database does not answer (an admin also gets why), else an apology."""
    if exc is not None and is_outage(exc):
        if admin:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
            return Answer(view.service_limited_for_admin(reason), alert=True)
        return Answer(view.service_limited(), alert=True)
    return Answer(view.sorry(), alert=True)
