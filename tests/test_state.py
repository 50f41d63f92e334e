"""Chat state kept in the process: expired after its time untouched, and bounded in count,
so that many users who each said one thing leave nothing behind."""

from __future__ import annotations

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.state import ExpiringMemoryStorage

pytestmark = pytest.mark.one_database


def _key(chat: int) -> StorageKey:
    return StorageKey(bot_id=1, chat_id=chat, user_id=chat)


async def test_a_chat_is_forgotten_once_untouched_for_its_time() -> None:
    now = [0.0]
    storage = ExpiringMemoryStorage(ttl=60, limit=1000, clock=lambda: now[0])
    await storage.set_data(_key(1), {"last": "question"})
    await storage.set_state(_key(2), "review:correction")
    now[0] = 50
    assert await storage.get_data(_key(1)) == {"last": "question"}  # touched: 60 s more
    now[0] = 100
    assert await storage.get_data(_key(1)) == {"last": "question"}
    assert await storage.get_state(_key(2)) is None  # untouched for 100 s
    now[0] = 200
    assert await storage.get_data(_key(1)) == {}
    assert storage.size == 0


async def test_many_chats_keep_at_most_the_limit() -> None:
    storage = ExpiringMemoryStorage(ttl=3600, limit=500)
    for chat in range(100_000):
        await storage.set_data(_key(chat), {"n": chat})
    assert storage.size == 500
    assert await storage.get_data(_key(99_999)) == {"n": 99_999}
    assert await storage.get_data(_key(0)) == {}


async def test_what_is_read_is_a_copy() -> None:
    storage = ExpiringMemoryStorage()
    await storage.set_data(_key(1), {"list": [1]})
    got = await storage.get_data(_key(1))
    got["list"].append(2)
    assert await storage.get_data(_key(1)) == {"list": [1]}


def test_the_dispatcher_keeps_chat_state_in_the_expiring_storage(settings, session_maker) -> None:
    from bot.factory import create_dispatcher

    dp = create_dispatcher(settings, session_maker, None)  # type: ignore[arg-type]
    assert isinstance(dp.storage, ExpiringMemoryStorage)
