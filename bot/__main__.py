"""Entry point: `python -m bot`. Long polling with BOT_TOKEN, a console chat without it."""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.log import setup_logging
from bot.settings import Settings, load_settings

log = logging.getLogger("bot")


async def run(settings: Settings) -> int:
    # Imported here so that a settings error is reported before the slow imports.
    from bot.factory import create_bot, create_dispatcher
    from db.content_files import ContentInvalid
    from db.content_service import ContentService
    from db.engine import create_engine, create_schema, create_session_maker
    from views.common import bot_commands

    engine = create_engine(settings.database_url)
    try:
        await create_schema(engine)
        session_maker = create_session_maker(engine)
        content = ContentService(settings.content_dir, session_maker)
        try:
            await content.ensure_loaded()
        except ContentInvalid as exc:
            log.error(
                "cannot start: the content files are invalid and nothing is stored yet:\n%s", exc
            )
            return 2
        dp = create_dispatcher(settings, session_maker, content)
        if settings.token is None:
            from bot.console import run_console

            await run_console(dp, settings)
            return 0
        bot = create_bot(settings.token, settings)
        async with bot:
            await bot.set_my_commands(bot_commands())
            log.info("polling for updates")
            await dp.start_polling(bot, handle_signals=True)
        return 0
    finally:
        await engine.dispose()


def main() -> int:
    settings = load_settings()
    if settings is None:
        return 2
    setup_logging(settings)
    try:
        return asyncio.run(run(settings))
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
