"""The facts of the content version a database session reads: built once per version in
this process (db.snapshots decides when the version changed and lets updates use the
previous version's facts while the new one is built), then shared by every update."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from db.snapshots import content_version, shared
from facts.model import Facts
from facts.read import read_facts


async def facts_of(session: AsyncSession) -> Facts:
    """The facts of the content version `session` reads."""
    return await shared(session, "facts", _read)


async def _read(session: AsyncSession) -> Facts:
    return await read_facts(session, await content_version(session))
