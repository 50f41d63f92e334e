"""All routers, registered in one place. Order matters: free text goes last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    cards,
    common,
    errors,
    events,
    inline,
    organizations,
    people,
    places,
    questions,
    search,
    subscriptions,
)


def create_root_router() -> Router:
    root = Router(name="root")
    root.include_routers(
        errors.create_router(),
        common.create_router(),
        admin.create_router(),
        admin.create_refusal_router(),
        events.create_router(),
        people.create_router(),
        organizations.create_router(),
        places.create_router(),
        cards.create_router(),
        search.create_router(),
        subscriptions.create_router(),
        inline.create_router(),
        questions.create_router(),  # catches every other message
    )
    return root
