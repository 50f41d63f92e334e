"""Subscriptions (/subscribe, /subscriptions, /unsubscribe, 🔔 on cards) and admins'
broadcasts (/broadcast with a confirmation)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from answers.base import Answer
from answers.resolve import resolve
from db.kinds import EntityKind
from db.models import Broadcast
from facts.edition import Edition
from facts.entities import Organization, Person, Place, Topic
from users import subscriptions as subs
from users.languages import LanguagePreferences
from users.seen import SeenUsers
from users.subscriptions import SubjectKind, Subscribed
from views import notices as view
from views.html import Html, html_to_title
from views.i18n import language
from views.keyboards import (
    broadcast_buttons,
    subscribe_all,
    subscribe_choices,
    unsubscribe_buttons,
)

SUBJECT_KINDS = (EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PERSON, EntityKind.TOPIC)


def _subject_entity(
    edition: Edition, kind: SubjectKind, entity_id: str
) -> Organization | Place | Person | Topic | None:
    facts = edition.facts
    subjects: dict[SubjectKind, Mapping[str, Organization | Place | Person | Topic]] = {
        SubjectKind.ORGANIZATION: facts.organizations,
        SubjectKind.PLACE: facts.places,
        SubjectKind.PERSON: facts.people,
        SubjectKind.TOPIC: facts.topics,
    }
    return subjects[kind].get(entity_id) if kind in subjects else None


def subject_name(edition: Edition, kind: SubjectKind, entity_id: str) -> str | None:
    if kind is SubjectKind.ALL:
        return None
    found = _subject_entity(edition, kind, entity_id)
    if found is None:  # a subject that has since left the content
        return entity_id
    return found.full_name if isinstance(found, Person) else found.name


def subject_label(edition: Edition, kind: SubjectKind, entity_id: str) -> Html:
    return view.subject_text(kind, subject_name(edition, kind, entity_id))


def _subject(code: str) -> SubjectKind | None:
    if code == SubjectKind.ALL:
        return SubjectKind.ALL
    try:
        return SubjectKind.of(EntityKind.from_code(code))
    except ValueError:
        return None


async def subscribe_answer(
    session: AsyncSession,
    edition: Edition,
    languages: LanguagePreferences,
    user_id: int,
    text: str | None,
) -> Answer:
    """`/subscribe` offers «all events»; `/subscribe ГАК` follows what the text names."""
    if not text or not text.strip():
        return Answer(view.subscribe_menu(), subscribe_all())
    found = await resolve(edition, text, SUBJECT_KINDS)
    if found.subject is not None:
        subject = found.subject
        return await subscribe_to(
            session, edition, languages, user_id, subject.kind.code, subject.id
        )
    if found.choices:
        return Answer(view.cannot_subscribe(text), subscribe_choices(found.choices))
    return Answer(view.cannot_subscribe(text))


async def subscribe_to(
    session: AsyncSession,
    edition: Edition,
    languages: LanguagePreferences,
    user_id: int,
    code: str,
    entity_id: str,
) -> Answer:
    kind = _subject(code)
    if kind is None or (
        kind is not SubjectKind.ALL and _subject_entity(edition, kind, entity_id) is None
    ):  # a forged button, or one of a subject that has left the content
        return Answer(view.cannot_subscribe(entity_id or code))
    entity_id = "" if kind is SubjectKind.ALL else entity_id
    outcome = await subs.subscribe(session, user_id, kind, entity_id)
    await session.commit()
    if outcome is Subscribed.FULL:
        return Answer(view.too_many_subscriptions(subs.MAX_SUBSCRIPTIONS))
    await languages.keep(user_id, language().value)  # notices come in it
    label = subject_label(edition, kind, entity_id)
    return Answer(view.subscribed(label, outcome is Subscribed.NEW))


SUBSCRIPTIONS_PAGE = 10  # a page's buttons stay far below Telegram's limit on a keyboard


async def subscriptions_answer(
    session: AsyncSession, edition: Edition, user_id: int, page: int = 0
) -> Answer:
    """One page of the user's subscriptions, each with its «cancel» button."""
    items = await subs.subscriptions_of(session, user_id)
    pages = max(1, -(-len(items) // SUBSCRIPTIONS_PAGE))
    page = min(page, pages - 1)
    shown = items[page * SUBSCRIPTIONS_PAGE : (page + 1) * SUBSCRIPTIONS_PAGE]
    labels = [subject_label(edition, SubjectKind(s.kind), s.entity_id) for s in shown]
    buttons = [(s.id, _plain(label)) for s, label in zip(shown, labels, strict=True)]
    return Answer(
        view.subscriptions_text(labels, len(items), page, pages),
        unsubscribe_buttons(buttons, len(items), page, pages),
    )


def _plain(label: Html) -> str:
    return html_to_title(label)


async def unsubscribe_answer(
    session: AsyncSession, edition: Edition, user_id: int, subscription_id: int | None
) -> Answer:
    """`/unsubscribe` lists the subscriptions with buttons; a button (0: all) cancels."""
    if subscription_id is None:
        return await subscriptions_answer(session, edition, user_id)
    count = await subs.unsubscribe(session, user_id, subscription_id or None)
    await session.commit()
    return Answer(view.unsubscribed(count))


# --- broadcasts ------------------------------------------------------------------------------


async def broadcast_answer(
    session: AsyncSession, edition: Edition, seen_users: SeenUsers, admin_id: int, text: str | None
) -> Answer:
    """A draft broadcast with its audience and a confirmation: `/broadcast text` goes to every
    user, `/broadcast ГАК | text` to the subscribers of one subject."""
    if not text or not text.strip():
        return Answer(view.broadcast_usage())
    await seen_users.write()  # the users of the last seconds are in the audience too
    subject_kind, subject_id, subject = "users", "", None
    head, sep, body = text.partition("|")
    if sep and body.strip():
        found = await resolve(edition, head.strip(), SUBJECT_KINDS)
        if found.subject is None:
            return Answer(view.cannot_subscribe(head.strip()))
        kind = SubjectKind.of(found.subject.kind)
        assert kind is not None
        subject_kind, subject_id = kind.value, found.subject.id
        subject = subject_label(edition, kind, subject_id)
        text = body
    users = len(await subs.audience(session, "users", ""))
    audience = len(await subs.audience(session, subject_kind, subject_id))
    broadcast = Broadcast(
        admin_id=admin_id,
        text=text.strip()[:3500],
        audience_kind=subject_kind,
        audience_id=subject_id,
        status="draft",
        created_at=datetime.now(UTC).replace(tzinfo=None),
    )
    session.add(broadcast)
    await session.commit()
    return Answer(
        view.broadcast_preview(broadcast.text, users, subject, audience),
        broadcast_buttons(broadcast.id, audience),
    )


async def broadcast_choice_answer(
    session: AsyncSession, seen_users: SeenUsers, admin_id: int, broadcast_id: int, send: bool
) -> Answer:
    if send:  # before this session reads: the users of the last seconds are in the audience
        await seen_users.write()
    broadcast = await session.get(Broadcast, broadcast_id)
    if broadcast is None or broadcast.status != "draft" or broadcast.admin_id != admin_id:
        return Answer(view.broadcast_closed(), alert=True)
    if not send:
        broadcast.status = "cancelled"
        await session.commit()
        return Answer(view.broadcast_cancelled())
    users = await subs.audience(session, broadcast.audience_kind, broadcast.audience_id)
    broadcast.status = "sending"
    count = await subs.owe(session, users, subs.Reason.BROADCAST, str(broadcast.id), "")
    await session.commit()
    return Answer(view.broadcast_started(count))
