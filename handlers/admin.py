"""Admin commands: /reload of content/ without a restart."""

from __future__ import annotations

import logging
from html import escape

from aiogram import Router
from aiogram.filters import BaseFilter, Command
from aiogram.types import Message

from bot.settings import Settings
from db.content_files import ContentInvalid
from db.content_service import ContentService
from db.content_store import ChangeReport
from handlers.replies import Answer, send

log = logging.getLogger(__name__)

KIND_NAMES = {
    "event": "события",
    "person": "люди",
    "organization": "организации",
    "place": "города",
    "topic": "темы",
    "work": "проекты и документы",
    "source": "источники",
}
MAX_ERRORS_SHOWN = 30


class IsAdmin(BaseFilter):
    async def __call__(self, message: Message, settings: Settings) -> bool:
        return settings.is_admin(message.from_user.id if message.from_user else None)


def report_text(report: ChangeReport, files: int) -> str:
    if report.is_empty:
        return f"✅ Материалы перечитаны ({files} файлов): изменений нет."
    lines = [f"✅ Материалы перечитаны ({files} файлов). Изменения:"]
    for kind, name in KIND_NAMES.items():
        a, r, c = report.added[kind], report.removed[kind], report.changed[kind]
        if a or r or c:
            lines.append(f"• {name}: добавлено {a}, удалено {r}, изменено {c}")
    return "\n".join(lines)


def errors_text(exc: ContentInvalid) -> str:
    lines = [f"❌ В материалах {len(exc.errors)} ошибок. Ничего не изменено.", ""]
    lines += [f"• <code>{escape(str(e))}</code>" for e in exc.errors[:MAX_ERRORS_SHOWN]]
    if len(exc.errors) > MAX_ERRORS_SHOWN:
        lines.append(f"… и ещё {len(exc.errors) - MAX_ERRORS_SHOWN}")
    return "\n".join(lines)


def create_router() -> Router:
    router = Router(name="admin")

    @router.message(Command("reload"), IsAdmin())
    async def cmd_reload(message: Message, content: ContentService) -> None:
        user = message.from_user
        try:
            result = await content.reload()
        except ContentInvalid as exc:
            log.warning("reload by %s refused: %d errors", user and user.id, len(exc.errors))
            await send(message, Answer(errors_text(exc)))
            return
        log.info("reload by %s: %s", user and user.id, result.report.details)
        await send(message, Answer(report_text(result.report, result.files)))

    @router.message(Command("reload"))
    async def reload_refused(message: Message) -> None:
        await message.answer("Эта команда доступна только администраторам бота.")

    return router
