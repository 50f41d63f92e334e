"""Greeting, help, and the answers to what the bot does not understand."""

from __future__ import annotations

from answers.base import Answer
from views import common as view
from views.keyboards import main_menu


def start_answer() -> Answer:
    return Answer(view.greeting(), main_menu())


def help_answer(*, with_menu: bool = True) -> Answer:
    return Answer(view.help_text(), main_menu() if with_menu else None)


def unknown_command_answer(command: str) -> Answer:
    return Answer(view.unknown_command(command))


def only_text_answer() -> Answer:
    return Answer(view.only_text())


def stale_button_answer() -> Answer:
    return Answer(view.stale_button(), alert=True)


def error_answer() -> Answer:
    return Answer(view.sorry(), alert=True)
