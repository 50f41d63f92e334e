"""Inline mode: `@bot query` in any chat offers cards of what the query names."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineQueryResultArticle, InputTextMessageContent

from answers.cards import card_answers
from answers.memo import remembers
from answers.understanding import subject_text
from db.kinds import EntityKind
from facts.edition import Edition
from views.callbacks import card_payload, parse_card_query
from views.html import html_to_title, split_message
from views.keyboards import open_in_bot
from views.labels import kind_name

MAX_RESULTS = 20
MAX_QUERY = 256  # Telegram's own limit for inline queries


@remembers("inline")
async def inline_results(
    edition: Edition, query: str, today: date, username: str | None = None
) -> list[InlineQueryResultArticle]:
    """A card per hit; an empty query offers the events, newest first; «p:nurgazieva-banu»
    (what a card's «share» button types) exactly that card. Each shared card carries a
    button that opens it in the bot (a deep link)."""
    text = query.strip()[:MAX_QUERY]
    exact = parse_card_query(text)
    if exact is not None:
        items = [(exact[0], exact[1], exact[1])]
    elif text:
        hits = await edition.search.search(subject_text(text), limit=MAX_RESULTS)
        items = [(h.kind, h.id, h.label) for h in hits]
    else:
        events = edition.facts.all_events()
        items = [(EntityKind.EVENT, e.id, e.display_title) for e in events[:MAX_RESULTS]]
    found = await card_answers(edition, [(kind, entity_id) for kind, entity_id, _ in items], today)
    results = []
    for (kind, entity_id, label), card in zip(items, found, strict=True):
        if exact is not None:  # the card's own first line names it
            label = html_to_title(card.text)
        link = (
            f"https://t.me/{username}?start={card_payload(kind, entity_id)}" if username else None
        )
        results.append(
            InlineQueryResultArticle(
                id=f"{kind.code}:{entity_id}"[:64],
                title=label[:200],
                reply_markup=open_in_bot(link) if link else None,
                description=kind_name(kind),
                input_message_content=InputTextMessageContent(
                    message_text=split_message(card.text)[0], parse_mode="HTML"
                ),
            )
        )
    return results
