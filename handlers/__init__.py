"""All routers, registered in one place. Order matters, and every router an update passes
costs it time: the admins' own messages (links, articles, files) come before questions; the
most frequent updates — questions, card buttons, inline queries — come next, before the
command routers, which never take them; the refusal of admin commands to others needs only
to come before the fallback, which goes last, and the error handler after it (errors reach
it wherever it stands)."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    cards,
    common,
    errors,
    events,
    inline,
    network,
    organizations,
    people,
    places,
    questions,
    review,
    search,
    subscriptions,
)


def create_routers() -> list[Router]:
    """Fresh routers, in the order the dispatcher is to try them."""
    return [
        admin.create_router(),
        review.create_router(),
        questions.create_router(),
        cards.create_router(),
        network.create_router(),
        inline.create_router(),
        common.create_router(),
        events.create_router(),
        people.create_router(),
        organizations.create_router(),
        places.create_router(),
        search.create_router(),
        subscriptions.create_router(),
        admin.create_refusal_router(),
        questions.create_fallback_router(),  # catches every other message
        errors.create_router(),
    ]
