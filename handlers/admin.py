"""Admin commands and uploads. The router's filter lets only admins in; `create_refusal_router`
answers everyone else's admin commands without saying what they would do."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User
from aiohttp import ClientError, ClientResponseError
from sqlalchemy.ext.asyncio import AsyncSession

from answers import admin, subscriptions
from answers.base import Answer
from drafting.worker import DraftWorker
from facts.edition import Edition
from handlers.filters import FetchSettings, IsAdmin
from handlers.replies import send, send_from_callback
from loading.service import ContentService
from users.seen import SeenUsers
from views.callbacks import BroadcastChoice, DraftArticle, ReviewStep, RollbackTo


async def _download(bot: Bot, file_id: str, limit: int) -> bytes:
    """The file's bytes, refused past `limit` before or while downloading (Telegram does not
    always say a document's size)."""
    try:
        file = await bot.get_file(file_id)
        if file.file_size is not None and file.file_size > limit:
            raise admin.UploadTooBig(file.file_size)
        if file.file_path is None:
            raise admin.UploadTooBig(0)
        url = bot.session.api.file_url(bot.token, file.file_path)
        data = bytearray()
        async for chunk in bot.session.stream_content(url=url, timeout=60, chunk_size=65536):
            data += chunk
            if len(data) > limit:
                raise admin.UploadTooBig(len(data))
    except ClientResponseError as exc:
        raise admin.DownloadFailed(f"HTTP {exc.status}") from exc
    except (ClientError, TelegramAPIError, TimeoutError) as exc:
        raise admin.DownloadFailed(type(exc).__name__) from exc
    return bytes(data)


def create_router() -> Router:
    router = Router(name="admin")
    # Admin work happens in a private chat: never a draft posted to, or the action log shown
    # in, a group.
    router.message.filter(IsAdmin(), F.chat.type == "private")
    router.callback_query.filter(IsAdmin())

    @router.message(Command("reload"))
    async def cmd_reload(message: Message, event_from_user: User, content: ContentService) -> None:
        await send(message, await admin.reload_answer(content, event_from_user.id))

    @router.message(Command("diff"))
    async def cmd_diff(message: Message, content: ContentService) -> None:
        await send(message, await admin.diff_answer(content))

    @router.message(Command("rollback"))
    async def cmd_rollback(
        message: Message, command: CommandObject, event_from_user: User, content: ContentService
    ) -> None:
        """Without an argument, the kept versions as buttons; `/rollback 12` restores №12."""
        number = (command.args or "").strip().lstrip("№#")
        if number.isdigit():
            answer = await admin.rollback_answer(content, event_from_user.id, int(number))
        else:
            answer = await admin.versions_answer(content)
        await send(message, answer)

    @router.callback_query(RollbackTo.filter())
    async def restore(
        callback: CallbackQuery,
        callback_data: RollbackTo,
        event_from_user: User,
        content: ContentService,
    ) -> None:
        answer = await admin.rollback_answer(content, event_from_user.id, callback_data.version)
        await send_from_callback(callback, answer)

    @router.message(Command("broadcast"))
    async def cmd_broadcast(
        message: Message,
        command: CommandObject,
        event_from_user: User,
        session: AsyncSession,
        edition: Edition,
        seen_users: SeenUsers,
    ) -> None:
        answer = await subscriptions.broadcast_answer(
            session, edition, seen_users, event_from_user.id, command.args
        )
        await send(message, answer)

    @router.callback_query(BroadcastChoice.filter())
    async def broadcast_choice(
        callback: CallbackQuery,
        callback_data: BroadcastChoice,
        event_from_user: User,
        session: AsyncSession,
        seen_users: SeenUsers,
    ) -> None:
        answer = await subscriptions.broadcast_choice_answer(
            session, seen_users, event_from_user.id, callback_data.id, callback_data.send
        )
        await send_from_callback(callback, answer)

    @router.message(Command("stats"))
    async def cmd_stats(
        message: Message, session: AsyncSession, edition: Edition, seen_users: SeenUsers
    ) -> None:
        await send(message, await admin.stats_answer(session, edition, seen_users))

    @router.message(F.document)
    async def upload(
        message: Message,
        bot: Bot,
        event_from_user: User,
        content: ContentService,
        drafts: DraftWorker,
        session: AsyncSession,
        state: FSMContext,
    ) -> None:
        document = message.document
        assert document is not None
        await state.set_state(None)  # a new file: no correction is awaited any more

        async def notify(answer: Answer) -> None:
            await send(message, answer)

        answers = await admin.document_answer(
            content,
            drafts,
            session,
            document.file_name,
            document.file_size,
            lambda: _download(bot, document.file_id, admin.MAX_UPLOAD_BYTES),
            event_from_user.id,
            notify,
        )
        for answer in answers:
            await send(message, answer)

    # While a correction of a draft's fact is awaited, the admin's text is that correction.
    @router.message(F.text.regexp(r"^\s*https?://\S+\s*$"), StateFilter(None))
    async def link(
        message: Message,
        event_from_user: User,
        content: ContentService,
        drafts: DraftWorker,
        settings: FetchSettings,
        session: AsyncSession,
    ) -> None:
        async def notify(answer: Answer) -> None:
            await send(message, answer)

        answers = await admin.link_answer(
            content,
            drafts,
            session,
            (message.text or "").strip(),
            event_from_user.id,
            notify,
            settings.fetch_allowed_hosts,
        )
        for answer in answers:
            await send(message, answer)

    @router.message(F.text.func(admin.looks_like_article), StateFilter(None))
    async def article(message: Message, state: FSMContext) -> None:
        """A pasted article waits in the chat's state until the admin asks for its draft."""
        await state.update_data(article=message.text)
        await send(message, admin.article_offer(message.text or ""))

    @router.callback_query(DraftArticle.filter())
    async def draft_article(
        callback: CallbackQuery,
        state: FSMContext,
        event_from_user: User,
        content: ContentService,
        drafts: DraftWorker,
        session: AsyncSession,
    ) -> None:
        text = (await state.get_data()).get("article")
        if not isinstance(text, str) or not text:
            await send_from_callback(callback, admin.article_gone())
            return
        await state.update_data(article=None)

        async def notify(answer: Answer) -> None:
            await send_from_callback(callback, answer)

        answers = await admin.draft_answer(
            content, drafts, session, text, "message.txt", event_from_user.id, notify
        )
        for answer in answers:
            await send_from_callback(callback, answer)

    return router


def create_refusal_router() -> Router:
    router = Router(name="admin-refusal")

    @router.message(Command(*admin.ADMIN_COMMANDS), IsAdmin())
    async def only_private(message: Message) -> None:
        """An admin's command in a group: answered in a word, acted on only in private."""
        await send(message, admin.private_only_answer())

    @router.message(Command(*admin.ADMIN_COMMANDS))
    async def refused(message: Message) -> None:
        await send(message, admin.refusal_answer())

    @router.callback_query(RollbackTo.filter())
    @router.callback_query(BroadcastChoice.filter())
    @router.callback_query(ReviewStep.filter())
    async def refused_button(callback: CallbackQuery) -> None:
        await send_from_callback(callback, admin.refusal_alert())

    return router
