"""Admin commands: reload, preview, roll back and upload content; draft from an article;
statistics. Everyone else is refused without learning what the command would do."""

from __future__ import annotations

import asyncio
import logging
from html import escape
from pathlib import PurePosixPath

from aiogram import Bot, F, Router
from aiogram.filters import BaseFilter, Command
from aiogram.types import BufferedInputFile, Document, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.settings import Settings
from db import queries
from db.content_files import ContentInvalid, read_content
from db.content_service import ContentService, ReloadResult
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
CHANGE_MARKS = {"added": "➕", "removed": "➖", "changed": "✏️"}
MAX_ERRORS_SHOWN = 30
MAX_DETAILS_SHOWN = 40
MAX_UPLOAD_BYTES = 1_000_000
ARTICLE_MIN_CHARS = 1500  # an admin's text message this long is taken for an article
ADMIN_COMMANDS = ("reload", "rollback", "diff", "stats")
REFUSAL = "Эта команда доступна только администраторам бота."


class IsAdmin(BaseFilter):
    async def __call__(self, message: Message, settings: Settings) -> bool:
        return settings.is_admin(message.from_user.id if message.from_user else None)


def changes_text(report: ChangeReport, heading: str) -> str:
    if report.is_empty:
        return f"{heading}: изменений нет."
    lines = [f"{heading}:"]
    for kind, name in KIND_NAMES.items():
        a, r, c = report.added[kind], report.removed[kind], report.changed[kind]
        if a or r or c:
            lines.append(f"• {name}: добавлено {a}, удалено {r}, изменено {c}")
    lines.append("")
    for change in report.details[:MAX_DETAILS_SHOWN]:
        fields = f" ({', '.join(change.fields)})" if change.fields else ""
        lines.append(
            f"{CHANGE_MARKS[change.change]} {escape(change.kind)} "
            f"<code>{escape(change.id)}</code>{escape(fields)}"
        )
    if len(report.details) > MAX_DETAILS_SHOWN:
        lines.append(f"… и ещё {len(report.details) - MAX_DETAILS_SHOWN}")
    return "\n".join(lines)


def result_text(result: ReloadResult, what: str) -> str:
    return changes_text(result.report, f"✅ {what} ({result.files} файлов)")


def errors_text(exc: ContentInvalid) -> str:
    lines = [f"❌ Найдено ошибок: {len(exc.errors)}. Ничего не изменено.", ""]
    lines += [f"• <code>{escape(str(e))}</code>" for e in exc.errors[:MAX_ERRORS_SHOWN]]
    if len(exc.errors) > MAX_ERRORS_SHOWN:
        lines.append(f"… и ещё {len(exc.errors) - MAX_ERRORS_SHOWN}")
    return "\n".join(lines)


def decode_article(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


async def download(bot: Bot, document: Document) -> bytes:
    buffer = await bot.download(document.file_id)
    assert buffer is not None
    return buffer.read()


async def make_draft(
    message: Message, text: str, file_name: str, settings: Settings, content: ContentService
) -> None:
    from bot.draft import draft_article  # the language models load here, not at start-up

    await message.answer("⏳ Читаю статью и готовлю черновик…")
    try:
        known = await asyncio.to_thread(read_content, settings.content_dir)
    except ContentInvalid:
        known = None
    draft = await asyncio.to_thread(draft_article, text, file_name, known, None)
    stem = PurePosixPath(file_name).stem or "article"
    await message.answer_document(
        BufferedInputFile(draft.to_yaml().encode("utf-8"), filename=f"{stem}.draft.yaml"),
        caption=(
            f"Черновик: людей {len(draft.people)}, организаций "
            f"{len(draft.organizations)}, городов {len(draft.places)}. Проверьте его, "
            "допишите резюме и пришлите файлом — я проверю и загружу."
        ),
    )
    await content.record(
        message.from_user.id if message.from_user else None,
        "draft",
        f"{file_name}: {len(draft.people)} people",
    )


def create_router() -> Router:
    router = Router(name="admin")
    # Admin-only handlers carry the IsAdmin filter each; `refused` answers everyone else.

    @router.message(Command("reload"), IsAdmin())
    async def cmd_reload(message: Message, content: ContentService) -> None:
        try:
            result = await content.reload(message.from_user.id if message.from_user else None)
        except ContentInvalid as exc:
            await send(message, Answer(errors_text(exc)))
            return
        await send(message, Answer(result_text(result, "Материалы перечитаны")))

    @router.message(Command("diff"), IsAdmin())
    async def cmd_diff(message: Message, content: ContentService) -> None:
        try:
            report = await content.preview()
        except ContentInvalid as exc:
            await send(message, Answer(errors_text(exc)))
            return
        await send(message, Answer(changes_text(report, "🔍 /reload изменит")))

    @router.message(Command("rollback"), IsAdmin())
    async def cmd_rollback(message: Message, content: ContentService) -> None:
        try:
            result = await content.rollback(message.from_user.id if message.from_user else None)
        except ContentInvalid as exc:
            await send(message, Answer(errors_text(exc)))
            return
        if result is None:
            await message.answer("Предыдущей версии материалов нет — откатывать некуда.")
            return
        await send(message, Answer(result_text(result, "Восстановлена предыдущая версия")))

    @router.message(Command("stats"), IsAdmin())
    async def cmd_stats(message: Message, session: AsyncSession, settings: Settings) -> None:
        counts = await queries.counts(session)
        loaded = await queries.last_load_time(session)
        actions = await queries.recent_admin_actions(session, 5)
        when = loaded.strftime("%d.%m.%Y %H:%M UTC") if loaded else "ещё не загружались"
        lines = [
            "📊 <b>Статистика</b>",
            "",
            f"События: {counts['events']}",
            f"Люди: {counts['people']}",
            f"Организации: {counts['organizations']}",
            f"Города: {counts['places']}",
            f"Пользователи: {await queries.count_users(session)}",
            f"Последняя загрузка материалов: {when}",
        ]
        if actions:
            lines += ["", "<b>Последние действия администраторов:</b>"]
            lines += [
                f"• {a.at:%d.%m %H:%M} — {a.admin_id or 'консоль/запуск'}: "
                f"{escape(a.action)} {escape(a.detail)}"
                for a in actions
            ]
        await send(message, Answer("\n".join(lines)))

    @router.message(Command(*ADMIN_COMMANDS))
    async def refused(message: Message) -> None:
        await message.answer(REFUSAL)

    @router.message(F.document, IsAdmin())
    async def admin_document(
        message: Message, bot: Bot, settings: Settings, content: ContentService
    ) -> None:
        document = message.document
        assert document is not None
        name = document.file_name or "file"
        admin_id = message.from_user.id if message.from_user else None
        if (document.file_size or 0) > MAX_UPLOAD_BYTES:
            await message.answer(
                f"Файл больше {MAX_UPLOAD_BYTES // 1_000_000} МБ — "
                "такой я не принимаю. Ничего не изменено."
            )
            return
        lowered = name.casefold()
        if lowered.endswith((".yaml", ".yml")):
            data = await download(bot, document)
            try:
                result = await content.upload(name, data, admin_id)
            except ContentInvalid as exc:
                await content.record(
                    admin_id, "upload refused", f"{name}: {len(exc.errors)} errors"
                )
                await send(message, Answer(errors_text(exc)))
                return
            await send(
                message, Answer(result_text(result, f"Файл {escape(name)} сохранён и загружен"))
            )
        elif lowered.endswith(".txt"):
            text = decode_article(await download(bot, document))
            if text is None or not text.strip():
                await message.answer("Не получилось прочитать текст: сохраните статью в UTF-8.")
                return
            await make_draft(message, text, name, settings, content)
        else:
            await message.answer(
                "Пришлите файл материалов (.yaml) — я проверю и загружу его, "
                "или статью (.txt) — я подготовлю черновик."
            )

    @router.message(F.text.len() >= ARTICLE_MIN_CHARS, IsAdmin())
    async def admin_article(message: Message, settings: Settings, content: ContentService) -> None:
        await make_draft(message, message.text or "", "message.txt", settings, content)

    return router
