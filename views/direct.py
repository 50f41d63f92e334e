"""First lines that answer a question in a sentence, before the card or list that backs them:
«Алибек Тажибаев — директор, …», «Да, …», «Всего: 10.», «Павлодар — Казахстан.»"""

from __future__ import annotations

from collections.abc import Sequence

from db.models import Event, Participation, Person, PersonPosition, Place, Work
from views.html import Html, Lines, b, html, join
from views.labels import (
    country_label,
    date_text,
    event_line,
    org_name,
    place_name,
    position_text,
)


def _at(event: Event) -> Html:
    return html("{}, {}", event.display_title, date_text(event.partial_date))


def position_lines(person: Person, parts: Sequence[Participation]) -> Html:
    """«Алибек Тажибаев — директор, Гражданский альянс Казахстана (ГАК) (круглый стол, дата)»."""
    out = Lines()
    seen: set[str] = set()
    for part in parts:
        position = position_text(part)
        if position and position not in seen:
            seen.add(position)
            out.add(html("{} — {} ({})", b(person.full_name), position, _at(part.event)))
    if not out:
        out.add(html("Должность {} в источниках не указана.", b(person.full_name)))
    return out.text()


def origin_line(person: Person, city: Place | None) -> Html:
    if city is None:
        return html("Откуда {}, в источниках не сказано.", b(person.full_name))
    return html("{} — {}.", b(person.full_name), place_name(city, with_country=True))


def holders_lines(matches: Sequence[tuple[PersonPosition, Participation]]) -> Html:
    """«Президент, Гражданский альянс Казахстана: Бану Нургазиева (событие, дата)»."""
    out = Lines()
    for pos, part in matches:
        title = pos.title[:1].upper() + pos.title[1:]
        org = html(", {}", org_name(pos.organization)) if pos.organization is not None else ""
        out.add(html("{}{}: {} ({})", title, org, b(part.person.full_name), _at(part.event)))
    return out.text()


def count_line(count: int) -> Html:
    return html("Всего: {}.", count)


def participants_unknown(speakers: int) -> Html:
    return html(
        "В материалах нет ответа на этот вопрос: сколько всего было участников, не сказано. "
        "Выступили — {}.",
        speakers,
    )


def yes(reason: Html | str) -> Html:
    return html("Да, {}", reason)


def no(reason: Html | str) -> Html:
    return html("Нет, {}", reason)


def took_part(person: Person, event: Event, role: str) -> Html:
    return html("{} — {} на событии «{}».", b(person.full_name), role, _at(event))


def not_at(name: str, event: Event) -> Html:
    return html("{} нет среди участников события «{}» в источниках.", b(name), _at(event))


def linked_to(name: str, event: Event, role: str) -> Html:
    return html("{} — {}: «{}».", b(name), role, _at(event))


def in_place(person: Person, place: Place, event: Event) -> Html:
    return html("{} связан(а) с городом {}: «{}».", b(person.full_name), place.name, _at(event))


def not_in_place(person: Person, place: Place) -> Html:
    return html("в источниках {} не связан(а) с городом {}.", b(person.full_name), place.name)


def country_line(place: Place) -> Html:
    return html("{} — {}.", b(place.name), country_label(place.country))


def work_people_lines(work: Work, parts: Sequence[Participation]) -> Html:
    if not parts:
        return html("Кто представлял «{}», в источниках не сказано.", work.title)
    people = join(", ", (html("{} ({})", b(p.person.full_name), _at(p.event)) for p in parts))
    return html("О «{}» рассказывали: {}.", work.title, people)


def several_events(events: Sequence[Event]) -> Html:
    out = Lines().add(f"Подходит несколько событий ({len(events)}) — отвечаю о каждом:")
    return out.add(*(html("• {}", event_line(e)) for e in events)).text()


def events_of_dates(events: Sequence[Event], when: str | None) -> Html:
    heading = f"📅 События — {when}" if when else "📅 События"
    out = Lines().add(f"{heading} ({len(events)}):").blank()
    if not events:
        out.add("В материалах таких событий нет.")
    return out.add(*(html("• {}", event_line(e)) for e in events)).text()


def language_note(language: str) -> str | None:
    """One line in the user's language: the interface answers in Russian for now."""
    return {
        "kk": "Әзірге орыс тілінде жауап беремін.",
        "en": "I answer in Russian for now.",
    }.get(language)


def thanks() -> Html:
    return Html("Пожалуйста! Спрашивайте ещё — или откройте /help.")


def off_topic() -> Html:
    return Html(
        "Об этом я не знаю: я знаю только о событиях, спикерах, организациях и городах "
        "российско-казахстанского гражданского сотрудничества — см. /help."
    )
