"""Organizations: /orgs [EVENT], /org NAME and organization cards."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from db import queries
from handlers.callbacks import Card, Menu
from handlers.keyboards import cards
from handlers.lookup import answer_about
from handlers.presenters import all_orgs_text, event_orgs_text, org_card
from handlers.replies import Answer, send, send_from_callback


async def orgs_answer(
    session: AsyncSession, event_id: str | None = None, country: str | None = None
) -> Answer:
    """Organizations of one event or of all, optionally only those of one country."""
    if event_id is None:
        orgs = [
            o
            for o in await queries.all_organizations(session)
            if country is None or o.country == country
        ]
        if not orgs:
            return Answer("Организаций в материалах пока нет.")
        roles = await queries.event_organizations(session)
        return Answer(
            all_orgs_text(orgs, roles),
            cards(("o", o.id, f"🏛 {o.abbreviation or o.name}") for o in orgs),
        )
    details = await queries.event_details(session, event_id)
    if details is None:
        return Answer("Это событие не найдено. Откройте /events.")
    links = [
        link
        for link in details.organizations
        if country is None or link.organization.country == country
    ]
    return Answer(
        event_orgs_text(links, details.event),
        cards(("o", link.organization_id, f"🏛 {link.organization.name}") for link in links),
    )


async def org_answer(session: AsyncSession, org_id: str) -> Answer:
    details = await queries.organization_details(session, org_id)
    if details is None:
        return Answer("Эта организация больше не найдена — возможно, материалы обновились.")
    buttons = [
        ("ev", r.event_id, f"📅 {r.event.short_title or r.event.title}")
        for r in details.event_roles
    ]
    buttons += [
        ("p", part.person_id, f"👤 {part.person.full_name}") for _, part in details.positions
    ]
    if details.organization.parent is not None:
        buttons.append(
            ("o", details.organization.parent.id, f"🏛 {details.organization.parent.name}")
        )
    buttons += [("o", child.id, f"🏛 {child.name}") for child in details.children]
    return Answer(org_card(details), cards(buttons))


def create_router() -> Router:
    router = Router(name="organizations")

    @router.message(Command("orgs"))
    async def cmd_orgs(message: Message, command: CommandObject, session: AsyncSession) -> None:
        await send(
            message,
            await answer_about(
                session, command.args, "event", orgs_answer, lambda: orgs_answer(session)
            ),
        )

    @router.callback_query(Menu.filter(F.action == "orgs"))
    async def menu_orgs(callback: CallbackQuery, session: AsyncSession) -> None:
        await send_from_callback(callback, await orgs_answer(session))

    @router.message(Command("org"))
    async def cmd_org(message: Message, command: CommandObject, session: AsyncSession) -> None:
        await send(
            message,
            await answer_about(
                session,
                command.args,
                "organization",
                org_answer,
                "Напишите название после команды, например: <code>/org ГАК</code>. Список — /orgs.",
            ),
        )

    @router.callback_query(Card.filter(F.kind == "o"))
    async def open_org(callback: CallbackQuery, callback_data: Card, session: AsyncSession) -> None:
        await send_from_callback(callback, await org_answer(session, callback_data.id))

    return router
