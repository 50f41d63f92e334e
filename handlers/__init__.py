"""All routers, registered in one place. Order matters: the admins' own messages (links,
articles, files) come before questions; the most frequent updates — questions and card
buttons — come before the command routers, which never take them; the fallback goes last."""

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
        questions.create_router(),
        cards.create_router(),
        admin.create_refusal_router(),
        events.create_router(),
        people.create_router(),
        organizations.create_router(),
        places.create_router(),
        search.create_router(),
        subscriptions.create_router(),
        inline.create_router(),
        questions.create_fallback_router(),  # catches every other message
    )
    return root
