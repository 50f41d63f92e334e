"""First lines that answer a question in a sentence, before the card or list that backs them:
«Алибек Тажибаев — директор, …», «Да, …», «Всего: 10.», «Павлодар — Казахстан.»"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from facts.entities import Event, Organization, Participation, Person, PersonPosition, Place, Work
from views.html import Html, Lines, b, html, join
from views.i18n import N_, _
from views.labels import (
    FORMATS,
    WORK_ROLES,
    country_label,
    date_text,
    event_line,
    label,
    org_name,
    place_name,
    position_text,
    status_text,
    work_name,
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
        out.add(html(_("{}: должность в источниках не указана."), b(person.full_name)))
    return out.text()


def origin_line(person: Person, city: Place | None) -> Html:
    if city is None:
        return html(_("Откуда {}, в источниках не сказано."), b(person.full_name))
    return html("{} — {}.", b(person.full_name), place_name(city, with_country=True))


def holders_lines(matches: Sequence[tuple[PersonPosition, Participation]]) -> Html:
    """«Президент, Гражданский альянс Казахстана: Бану Нургазиева (событие, дата)»."""
    out = Lines()
    for pos, part in matches:
        title = pos.title[:1].upper() + pos.title[1:]
        org = html(", {}", org_name(pos.organization)) if pos.organization is not None else ""
        out.add(html("{}{}: {} ({})", title, org, b(part.person.full_name), _at(part.event)))
    return out.text()


MOST_EVENTS_SHOWN = 3  # a person's events named beside how often they spoke


def most_often(ranked: Sequence[Sequence[Participation]], speakers: int) -> Html:
    """«Чаще всего выступали: 1. Бану Нургазиева — 3: …», each person's talks by event, of
    those who spoke more than once; `speakers`: how many spoke at all."""
    if not speakers:
        return Html(_("В материалах нет выступлений с такими условиями."))
    if not ranked:
        return html(_("В материалах каждый выступал по одному разу (выступавших: {})."), speakers)
    out = Lines().add(_("🎤 Чаще всего выступали:")).blank()
    for n, parts in enumerate(ranked, 1):
        events = join("; ", (_at(p.event) for p in parts[:MOST_EVENTS_SHOWN]))
        more = "; …" if len(parts) > MOST_EVENTS_SHOWN else ""
        out.add(
            html("{}. {} — {}: {}{}", n, b(parts[0].person.full_name), len(parts), events, more)
        )
    return out.text()


def no_one_then(organization: Organization) -> Html:
    """No one of the organization fits the dates, city or tense asked."""
    return html(_("В материалах нет никого от «{}» с такими условиями."), org_name(organization))


def _events_named(events: Sequence[Event]) -> Html:
    return Lines().add(_("События:")).add(*(html("• {}", event_line(e)) for e in events)).text()


def shared_people(people: Sequence[Person], events: Sequence[Event]) -> Html:
    """Who took part in every one of the events named (none: said so)."""
    out = Lines()
    if people:
        out.add(_("На каждом из названных событий были ({}):").format(len(people)))
        out.add(*(html("• {}", b(p.full_name)) for p in people))
    else:
        out.add(_("В материалах нет никого, кто был бы на каждом из этих событий."))
    return out.blank().add(_events_named(events)).text()


def shared_organizations(orgs: Sequence[Organization], events: Sequence[Event]) -> Html:
    out = Lines()
    if orgs:
        out.add(_("В каждом из названных событий участвовали ({}):").format(len(orgs)))
        out.add(*(html("• {}", org_name(o)) for o in orgs))
    else:
        out.add(_("Ни одна организация в материалах не участвовала в каждом из этих событий."))
    return out.blank().add(_events_named(events)).text()


def _part_lines(parts: Sequence[Participation]) -> list[Html]:
    lines = []
    for part in parts:
        position = position_text(part)
        who = b(part.person.full_name)
        lines.append(html("• {} — {} ({})", who, position, _at(part.event)) if position
                     else html("• {} ({})", who, _at(part.event)))  # fmt: skip
    return lines


def speakers_from(place: str, parts: Sequence[Participation], events: Sequence[Event]) -> Html:
    """The speakers at the events named who came from a city; or that none did."""
    if not parts:
        out = Lines().add(
            html(_("В материалах нет выступавших из города {} на названных событиях:"), b(place))
        )
        return out.add(*(html("• {}", event_line(e)) for e in events)).text()
    return Lines().add(html(_("🎤 Выступили из города {}:"), b(place)), *_part_lines(parts)).text()


def spoke_on_topic(topic: str, parts: Sequence[Participation], events: Sequence[Event]) -> Html:
    """Who spoke on `topic` at the events named; or that no one did, there."""
    if not parts:
        out = Lines().add(
            html(_("В материалах нет выступлений на тему «{}» на названных событиях:"), topic)
        )
        return out.add(*(html("• {}", event_line(e)) for e in events)).text()
    return Lines().add(html(_("💬 На тему «{}» выступили:"), topic), *_part_lines(parts)).text()


def none_among() -> Html:
    return html(_("Среди них в материалах такого нет."))


def count_line(count: int) -> Html:
    return html(_("Всего: {}."), count)


def participants_unknown(speakers: int) -> Html:
    return html(
        _(
            "В материалах нет ответа на этот вопрос: сколько всего было участников, не сказано. "
            "Выступили — {}."
        ),
        speakers,
    )


def sentence(text: Html) -> Html:
    """A clause written to follow «Да, »/«Нет, », standing alone: its first letter capital."""
    return Html(text[:1].upper() + text[1:])


def yes(reason: Html | str) -> Html:
    return html(_("Да, {}"), reason)


def no(reason: Html | str) -> Html:
    return html(_("Нет, {}"), reason)


TOOK_PART = {
    "speaker": N_("выступление"),
    "moderator": N_("модератор"),
    "participant": N_("участник"),
    "mentioned": N_("упоминается"),
}


def took_part(person: Person, event: Event, role: str) -> Html:
    """«X — выступление на событии «Y».» for a participation's role key."""
    return html(
        _("{} — {} на событии «{}»."), b(person.full_name), label(TOOK_PART, role), _at(event)
    )


def year_text(year: int) -> str:
    return _("{} год").format(year)


def not_at(name: str, event: Event) -> Html:
    """Phrased so that the name stays in the nominative: «…нет: Елена Тополева-Солдунова»."""
    return html(_("среди участников события «{}» в источниках нет: {}."), _at(event), b(name))


LINKED_AS = {
    "organization": N_("{} — среди организаций события «{}»."),
    "place": N_("{} — город события «{}»."),
}


def not_at_any(name: str, count: int) -> Html:
    return html(_("среди участников подходящих событий ({}) в источниках нет: {}."), count, b(name))


def linked_to(name: str, event: Event, kind: str) -> Html:
    """«ГАК — среди организаций события «…».», «Омск — город события «…».»"""
    return html(_(LINKED_AS[kind]), b(name), _at(event))


def on_topic(person: Person, topic: str, event: Event) -> Html:
    return html(_("{} — тема «{}»: «{}»."), b(person.full_name), topic, _at(event))


def not_on_topic(person: Person, topic: str) -> Html:
    """Phrased so that the name stays in the nominative."""
    return html(_("в источниках нет выступлений на тему «{}» у: {}."), topic, b(person.full_name))


def work_at(work: Work, role: str, event: Event) -> Html:
    """«Меморандум …» — подписание на событии «…»: what the sources say was done with it."""
    return html(
        _("{} — {} на событии «{}»."), b(work_name(work)), label(WORK_ROLES, role), _at(event)
    )


def only_mentioned(name: str, event: Event) -> Html:
    return html(_("{} только упоминается в материалах события «{}»."), b(name), _at(event))


def not_venue(name: str, event: Event) -> Html:
    return html(
        _("{}: город среди участников события «{}», но не место его проведения."),
        b(name),
        _at(event),
    )


def not_organizer(name: str, event: Event) -> Html:
    return html(_("{} не среди организаторов события «{}» в источниках."), b(name), _at(event))


def format_line(event: Event) -> Html:
    """«событие «…» прошло онлайн.»"""
    return html(_("формат события «{}»: {}."), _at(event), label(FORMATS, event.format))


def formats_lines(events: Sequence[Event]) -> Html:
    """Each event's format, one to a line: «формат событий:\n• «…»: очно»."""
    out = Lines().add(_("формат событий:"))
    return out.add(*(html("• «{}»: {}", _at(e), label(FORMATS, e.format)) for e in events)).text()


def events_count(count: int) -> Html:
    if not count:
        return Html(_("таких событий в материалах нет."))
    return html(_("событий: {}."), count)


def upcoming_count(count: int) -> Html:
    if not count:
        return Html(_("предстоящих событий в материалах нет."))
    return html(_("предстоящих событий: {}."), count)


def none_planned(when: str) -> Html:
    return html(_("на {} в материалах событий не запланировано."), when)


def dated(event: Event) -> Html:
    return html(_("событие «{}»."), _at(event))


def not_yet_held(event: Event, today: date) -> Html:
    """Neither yes nor no: whether an announced event happened is not known, or it is ahead."""
    return html(_("Событие «{}»: {}."), _at(event), status_text(event, today))


def never_moderated(person: Person) -> Html:
    """No source names the person as a moderator."""
    return html(_("Среди модераторов в материалах нет: {}."), b(person.full_name))


def ahead(event: Event) -> Html:
    """What was done, asked of an event that starts after today."""
    return html(_("событие «{}» ещё впереди."), _at(event))


def listed_ahead(person: Person, event: Event, role: str) -> Html:
    """What someone did, asked of an event that starts after today: what the announcement
    lists them for."""
    return html(
        _("событие «{}» ещё впереди; {} в анонсе — {}."),
        _at(event),
        b(person.full_name),
        label(TOOK_PART, role),
    )


def listed_at_unheld(person: Person, event: Event, role: str, today: date) -> Html:
    """Neither yes nor no: named for an event that is announced, not known to have happened."""
    return html(
        _("{} — {} на событии «{}»; событие {}."),
        b(person.full_name),
        label(TOOK_PART, role),
        _at(event),
        status_text(event, today),
    )


def not_in_sources(words: Sequence[str], event: Event) -> Html:
    """Neither yes nor no: the question says of the event what its sources never do."""
    return html(
        _("В источниках события «{}» об этом ничего нет: {}."), _at(event), ", ".join(words)
    )


def not_among_speakers(person: Person, event: Event) -> Html:
    """There as a participant, which the sources tell apart from speaking («Амелин выступал на
    встрече?»): not one of the speakers."""
    return html(
        _("по источникам, {} — участник события «{}», а не один из выступавших."),
        b(person.full_name),
        _at(event),
    )


def held(event: Event) -> Html:
    return html(_("событие «{}» состоялось."), _at(event))


def in_place(person: Person, place: Place, event: Event) -> Html:
    # «… и город … связаны»: the plural needs neither the person's gender nor a case.
    return html(_("{} и город {} связаны: «{}»."), b(person.full_name), place.name, _at(event))


def nothing_fits_all(name: str, said: Sequence[str]) -> Html:
    """Nothing stored of the person or work fits every part of the claim at once."""
    return html(_("в источниках нет такого, где всё сходится: {} — {}."), b(name), ", ".join(said))


def not_in_dates(person: Person, when: str) -> Html:
    """Phrased so that the name stays in the nominative."""
    return html(_("за {} в источниках нет событий с участием: {}."), when, b(person.full_name))


def not_in_place(person: Person, place: Place) -> Html:
    return html(_("в источниках {} и город {} не связаны."), b(person.full_name), place.name)


def country_line(place: Place) -> Html:
    return html("{} — {}.", b(place.name), country_label(place.country))


def work_people_lines(work: Work, parts: Sequence[Participation]) -> Html:
    if not parts:
        return html(_("Кто представлял «{}», в источниках не сказано."), work.title)
    people = join(", ", (html("{} ({})", b(p.person.full_name), _at(p.event)) for p in parts))
    return html(_("О «{}» рассказывали: {}."), work.title, people)


SEVERAL_SHOWN = 10  # events listed when many fit; the question can be made narrower


def several_events(events: Sequence[Event], *, answered: bool = True) -> Html:
    """The events a question fits, before the answer about each, or (not `answered`: too
    many to answer at once) to pick one from."""
    lead = (
        _("Подходит несколько событий ({}) — отвечаю о каждом:")
        if answered
        else _("Подходит несколько событий ({}) — выберите одно или уточните вопрос:")
    )
    out = Lines().add(lead.format(len(events)))
    out.add(*(html("• {}", event_line(e)) for e in events[:SEVERAL_SHOWN]))
    if len(events) > SEVERAL_SHOWN:
        out.add(
            _(
                "… и ещё {}. Уточните дату, город или организацию — например, «{} в 2024 году»."
            ).format(len(events) - SEVERAL_SHOWN, _("форум"))
        )
    return out.text()


def events_of_dates(events: Sequence[Event], when: str | None) -> Html:
    heading = _("📅 События — {}").format(when) if when else _("📅 События")
    out = Lines().add(f"{heading} ({len(events)}):").blank()
    if not events:
        out.add(_("В материалах таких событий нет."))
    return out.add(*(html("• {}", event_line(e)) for e in events)).text()


def said_in_summary(sentence: str) -> Html:
    """A number a question asks for, as the materials' summary gives it."""
    return html(_("В материалах об этом сказано так: «{}»"), sentence)


def still_ahead(events: Sequence[Event]) -> Html:
    """The events a question about what took place leaves out: they have not happened yet."""
    out = Lines().add(_("🗓 Ещё впереди:"))
    return out.add(*(html("• {}", event_line(e)) for e in events)).text()


def thanks() -> Html:
    return Html(_("Пожалуйста! Спрашивайте ещё — или откройте /help."))


def not_a_question(year: int | None) -> Html:
    """A message without words: a year alone, an emoji, a number."""
    if year is not None:
        return html(_("{} — а что именно? Например: «Какие события были в {} году?»"), year, year)
    return Html(
        _(
            "Я отвечаю на вопросы словами — например: «Кто выступал на круглом столе?» "
            "Команды — /help."
        )
    )


def off_topic() -> Html:
    return Html(
        _(
            "Об этом я не знаю: я знаю только о событиях, спикерах, организациях и городах "
            "российско-казахстанского гражданского сотрудничества — см. /help."
        )
    )
