"""Greeting, help, and the answers to what the bot does not understand."""

from __future__ import annotations

from answers.base import Answer
from db.user_languages import LanguagePreferences
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


def error_answer() -> Answer:
    return Answer(view.sorry(), alert=True)
