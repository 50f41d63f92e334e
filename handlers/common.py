"""Greeting, help and the start menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import BotCommand, CallbackQuery, Message

from handlers.callbacks import Menu
from handlers.keyboards import main_menu
from handlers.replies import Answer, send, send_from_callback

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

GREETING = (
    "Здравствуйте! Я рассказываю о сотрудничестве гражданского общества России и Казахстана: "
    "круглые столы и форумы, кто на них выступал, какие организации и города участвовали и "
    "какие события впереди. Каждый ответ — со ссылкой на источник.\n\n"
    "Спросите словами, например: <i>Кто выступал на круглом столе?</i> — или выберите раздел:"
)

HELP = "\n".join(
    [
        "<b>Что я умею</b>",
        "",
        *[f"/{name} — {description}" for name, description in COMMANDS],
        "",
        "<b>Можно спрашивать словами:</b>",
        "• Кто выступал на круглом столе?",
        "• Кто организовал круглый стол?",
        "• Какие казахстанские города участвовали?",
        "• Кто такая Тополева-Солдунова?",
        "• Когда и где форум гражданских инициатив?",
        "",
        "Имена можно писать в любом падеже («Нургазиевой»), города — старыми и новыми "
        "названиями (Нур-Султан / Астана), организации — сокращениями (ГАК, ОП РФ).",
    ]
)


def bot_commands() -> list[BotCommand]:
    return [BotCommand(command=name, description=text) for name, text in COMMANDS]


def create_router() -> Router:
    router = Router(name="common")

    @router.message(CommandStart())
    async def cmd_start(message: Message) -> None:
        await send(message, Answer(GREETING, main_menu()))

    @router.message(Command("help"))
    async def cmd_help(message: Message) -> None:
        await send(message, Answer(HELP, main_menu()))

    @router.callback_query(Menu.filter(F.action == "help"))
    async def menu_help(callback: CallbackQuery) -> None:
        await send_from_callback(callback, Answer(HELP))

    return router
