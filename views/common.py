"""Greeting, help, the command list, and the short replies of the bot's own machinery:
errors, flood notices, unknown commands, stale buttons, entities that are gone."""

from __future__ import annotations

import math

from aiogram.types import BotCommand

from db.kinds import EntityKind
from views.html import Html, Lines, b, html, i, quote

COMMANDS = (
    ("events", "Все события, сначала новые"),
    ("upcoming", "Предстоящие события"),
    ("speakers", "Кто выступал (можно указать событие)"),
    ("speaker", "Карточка человека: /speaker Нургазиева"),
    ("orgs", "Организации (можно указать событие)"),
    ("org", "Карточка организации: /org ГАК"),
    ("cities", "Города-участники (можно указать событие)"),
    ("event", "Карточка события: /event круглый стол"),
    ("search", "Поиск по всем материалам"),
    ("help", "Что умеет бот"),
)


def bot_commands() -> list[BotCommand]:
    """The command menu Telegram shows (setMyCommands)."""
    return [BotCommand(command=name, description=text) for name, text in COMMANDS]


def greeting() -> Html:
    return html(
        "Здравствуйте! Я рассказываю о сотрудничестве гражданского общества России и "
        "Казахстана: круглые столы и форумы, кто на них выступал, какие организации и города "
        "участвовали и какие события впереди. Каждый ответ — со ссылкой на источник.\n\n"
        "Спросите словами, например: {} — или выберите раздел:",
        i("Кто выступал на круглом столе?"),
    )


def help_text() -> Html:
    out = Lines().add(b("Что я умею")).blank()
    out.add(*(f"/{name} — {description}" for name, description in COMMANDS))
    out.section(
        "Можно спрашивать словами:",
        [
            "• Кто выступал на круглом столе?",
            "• Кто организовал круглый стол?",
            "• Какие казахстанские города участвовали?",
            "• Кто такая Тополева-Солдунова?",
            "• Когда и где форум гражданских инициатив?",
        ],
    )
    out.blank().add(
        "Имена можно писать в любом падеже («Нургазиевой»), города — старыми и новыми "
        "названиями (Нур-Султан / Астана), организации — сокращениями (ГАК, ОП РФ)."
    )
    return out.text()


MENU_LABELS = {
    "events": "📅 События",
    "upcoming": "🗓 Предстоящие",
    "speakers": "🎤 Спикеры",
    "orgs": "🏛 Организации",
    "cities": "🏙 Города",
    "help": "❓ Помощь",
}


def sorry() -> Html:
    return Html(
        "Извините, при ответе произошла ошибка. Попробуйте ещё раз чуть позже или откройте /help."
    )


def flood_notice(wait: float) -> Html:
    return html("Слишком много запросов. Подождите {} с — и я снова отвечу.", math.ceil(wait))


def unknown_command(command: str) -> Html:
    return html("Не знаю команды {}. Список команд — /help.", quote(command, 40))


def only_text() -> Html:
    return Html("Я понимаю только текстовые сообщения. Задайте вопрос словами или откройте /help.")


def listening() -> Html:
    return Html(
        "Слушаю! Задайте вопрос, например: «Кто выступал на круглом столе?», или откройте /help."
    )


def question_too_long(length: int, limit: int) -> Html:
    return html(
        "Слишком длинный вопрос ({} символов). Сформулируйте его короче — до {} символов.",
        length,
        limit,
    )


def stale_button() -> Html:
    return Html("Эта кнопка устарела. Откройте /help или повторите запрос.")


def stale_results() -> Html:
    return Html("Эти результаты устарели — повторите поиск.")


def gone(kind: EntityKind) -> Html:
    """An entity a button or a question pointed to is not in the facts (any more)."""
    return html(
        "{} {} больше не {} — возможно, материалы обновились. Откройте {}.",
        kind.gender.this,
        kind.singular,
        kind.gender.agree("найден"),
        kind.list_command,
    )


def speaker_usage() -> Html:
    return Html(
        "Напишите имя после команды, например: <code>/speaker Нургазиева</code>. "
        "Список — /speakers."
    )


def org_usage() -> Html:
    return Html("Напишите название после команды, например: <code>/org ГАК</code>. Список — /orgs.")


WHAT_I_KNOW = (
    "Я знаю о событиях, спикерах, организациях и городах российско-казахстанского "
    "гражданского сотрудничества — см. /help."
)


def no_answer(known: Html | None = None) -> Html:
    """The facts do not answer the question; `known` is what they say about its subject."""
    lead = "В материалах нет ответа на этот вопрос."
    if known is None:
        return html("{} {}", lead, WHAT_I_KNOW)
    return html("{} Вот что о нём известно:\n\n{}", lead, known)


def console_intro() -> str:
    return (
        "Консольный чат с ботом (BOT_TOKEN не задан). Пишите вопросы или команды, "
        "номер — нажать кнопку, пустая строка или Ctrl+D — выход."
    )


CONSOLE_EDITED = "(обновлено)"
