"""All routers, registered in one place. Order matters: free text goes last."""

from __future__ import annotations

from aiogram import Router

from handlers import admin, common, errors, events, organizations, people, places, search


def create_root_router() -> Router:
    root = Router(name="root")
    root.include_routers(
        errors.create_router(),
        common.create_router(),
        admin.create_router(),
        events.create_router(),
        people.create_router(),
        organizations.create_router(),
        places.create_router(),
        search.create_router(),  # catches every other message
    )
    return root
