"""Greeting, help, the command list, and the short replies of the bot's own machinery:
errors, flood notices, unknown commands, stale buttons, entities that are gone."""

from __future__ import annotations

import math

from aiogram.types import BotCommand

from db.kinds import EntityKind
from views.html import Html, Lines, b, html, i, quote
from views.i18n import N_, _

COMMANDS = (
    ("events", N_("Все события, сначала новые")),
    ("upcoming", N_("Предстоящие события")),
    ("speakers", N_("Кто выступал (можно указать событие)")),
    ("speaker", N_("Карточка человека: /speaker Нургазиева")),
    ("orgs", N_("Организации (можно указать событие)")),
    ("org", N_("Карточка организации: /org ГАК")),
    ("cities", N_("Города-участники (можно указать событие)")),
    ("city", N_("Карточка города: /city Омск")),
    ("event", N_("Карточка события: /event круглый стол")),
    ("search", N_("Поиск по всем материалам")),
    ("subscribe", N_("Подписаться на новые события и напоминания")),
    ("subscriptions", N_("Мои подписки")),
    ("calendar", N_("Предстоящие события файлом для календаря")),
    ("lang", N_("Язык интерфейса: русский, қазақша, English")),
    ("help", N_("Что умеет бот")),
)


def bot_commands() -> list[BotCommand]:
    """The command menu Telegram shows (setMyCommands)."""
    return [BotCommand(command=name, description=_(text)) for name, text in COMMANDS]


def greeting() -> Html:
    return html(
        _(
            "Здравствуйте! Я рассказываю о сотрудничестве гражданского общества России и "
            "Казахстана: круглые столы и форумы, кто на них выступал, какие организации и города "
            "участвовали и какие события впереди. Каждый ответ — со ссылкой на источник.\n\n"
            "Спросите словами, например: {} — или выберите раздел:"
        ),
        i(_("Кто выступал на круглом столе?")),
    )


def help_text() -> Html:
    out = Lines().add(b(_("Что я умею"))).blank()
    out.add(*(f"/{name} — {_(description)}" for name, description in COMMANDS))
    out.section(
        _("Можно спрашивать словами:"),
        [
            _("• Кто выступал на круглом столе?"),
            _("• Кто организовал круглый стол?"),
            _("• Какие казахстанские города участвовали?"),
            _("• Кто такая Тополева-Солдунова?"),
            _("• Когда и где форум гражданских инициатив?"),
        ],
    )
    out.blank().add(
        _(
            "Имена можно писать в любом падеже («Нургазиевой»), города — старыми и новыми "
            "названиями (Нур-Султан / Астана), организации — сокращениями (ГАК, ОП РФ)."
        )
    )
    return out.text()


MENU_LABELS = {
    "events": N_("📅 События"),
    "upcoming": N_("🗓 Предстоящие"),
    "speakers": N_("🎤 Спикеры"),
    "orgs": N_("🏛 Организации"),
    "cities": N_("🏙 Города"),
    "help": N_("❓ Помощь"),
}


def unknown_link() -> Html:
    return Html(
        _(
            "Эта ссылка ведёт на то, чего в материалах нет (или она повреждена). "
            "Вот что я умею — выберите раздел:"
        )
    )


def choose_language() -> Html:
    return Html(_("Выберите язык интерфейса. Факты из источников остаются на языке оригинала."))


def language_set() -> Html:
    return Html(_("Готово: отвечаю по-русски. Сменить язык — /lang."))


def sorry() -> Html:
    return Html(
        _(
            "Извините, при ответе произошла ошибка. "
            "Попробуйте ещё раз чуть позже или откройте /help."
        )
    )


def service_limited() -> Html:
    return Html(
        _(
            "Сейчас недоступна база данных, поэтому это сделать не получится. "
            "Вопросы о событиях, людях и организациях работают — спросите, "
            "а это повторите чуть позже."
        )
    )


def service_limited_for_admin(reason: str) -> Html:
    return html(
        _(
            "⚠️ База данных не отвечает: {}. Ответы о фактах идут из памяти, "
            "остальное заработает, когда она вернётся."
        ),
        reason,
    )


def flood_notice(wait: float) -> Html:
    return html(_("Слишком много запросов. Подождите {} с — и я снова отвечу."), math.ceil(wait))


def unknown_command(command: str) -> Html:
    return html(_("Не знаю команды {}. Список команд — /help."), quote(command, 40))


def only_text() -> Html:
    return Html(
        _("Я понимаю только текстовые сообщения. Задайте вопрос словами или откройте /help.")
    )


def listening() -> Html:
    return Html(
        _("Слушаю! Задайте вопрос, например: «Кто выступал на круглом столе?», или откройте /help.")
    )


def question_too_long(length: int, limit: int) -> Html:
    return html(
        _("Слишком длинный вопрос ({} символов). Сформулируйте его короче — до {} символов."),
        length,
        limit,
    )


def stale_button() -> Html:
    return Html(_("Эта кнопка устарела. Откройте /help или повторите запрос."))


def stale_results() -> Html:
    return Html(_("Эти результаты устарели — повторите поиск."))


def gone(kind: EntityKind) -> Html:
    """An entity a button or a question pointed to is not in the facts (any more)."""
    return html(
        _("{} Этого больше нет в материалах — возможно, они обновились. Откройте {}."),
        kind.icon,
        kind.list_command,
    )


def speaker_usage() -> Html:
    return Html(
        _(
            "Напишите имя после команды, например: <code>/speaker Нургазиева</code>. "
            "Список — /speakers."
        )
    )


def org_usage() -> Html:
    return Html(
        _("Напишите название после команды, например: <code>/org ГАК</code>. Список — /orgs.")
    )


def city_usage() -> Html:
    return Html(
        _("Напишите город после команды, например: <code>/city Омск</code>. Список — /cities.")
    )


WHAT_I_KNOW = N_(
    "Я знаю о событиях, спикерах, организациях и городах российско-казахстанского "
    "гражданского сотрудничества — см. /help."
)


def no_answer(known: Html | None = None) -> Html:
    """The facts do not answer the question; `known` is what they say about its subject."""
    lead = _("В материалах нет ответа на этот вопрос.")
    if known is None:
        return html("{} {}", lead, _(WHAT_I_KNOW))
    return html(_("{} Вот что о нём известно:\n\n{}"), lead, known)


def console_intro() -> str:
    return _(
        "Консольный чат с ботом (BOT_TOKEN не задан). Пишите вопросы или команды, "
        "номер — нажать кнопку, пустая строка или Ctrl+D — выход."
    )


CONSOLE_EDITED = N_("(обновлено)")


def console_file_saved(path: str) -> str:
    return _("Файл сохранён: {}").format(path)
