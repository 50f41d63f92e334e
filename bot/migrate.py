"""`python -m bot.migrate [upgrade|status]`: bring the database named by DATABASE_URL (or
`.env`) to the schema this code needs, or say where it stands. `make run` upgrades first."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.settings import load_settings


async def _main(action: str) -> int:
    from db.engine import create_engine
    from db.migrations import schema_state, upgrade_schema

    settings = load_settings()
    if settings is None:
        return 2
    engine = create_engine(settings.database_url)
    where = engine.url.render_as_string(hide_password=True)
    try:
        before = await schema_state(engine)
        if action == "status":
            print(f"{where}: {'up to date' if before.up_to_date else before.describe()}")
            return 0 if before.up_to_date else 1
        await upgrade_schema(engine)
        after = await schema_state(engine)
        if before.up_to_date:
            print(f"{where}: already at {after.current}")
        else:
            print(f"{where}: upgraded from {before.current or 'no version'} to {after.current}")
        return 0
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.migrate", description=__doc__)
    parser.add_argument("action", nargs="?", default="upgrade", choices=("upgrade", "status"))
    args = parser.parse_args(argv)
    return asyncio.run(_main(args.action))


if __name__ == "__main__":
    sys.exit(main())
