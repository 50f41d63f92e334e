"""Writing a draft as YAML in the shape of content/, with the article's sentences as
comments for the reviewer (who must delete them: summaries are written in their own words)."""

from __future__ import annotations

import json

from drafting.model import Draft, slug

# --- YAML ---------------------------------------------------------------------------------------


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _comment(sentence: str, indent: str) -> str:
    shown = sentence if len(sentence) <= 300 else sentence[:297] + "…"
    return f"{indent}# «{shown}»"


KIND_WORDS = {
    "round_table": "круглый стол",
    "forum": "форум",
    "meeting": "встреча",
    "conference": "конференция",
}
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def _prepositional(name: str) -> str:
    """«Петропавловск» → «Петропавловске», for «круглый стол в Петропавловске»."""
    from search.textnorm import _analyzer

    words = []
    for word in name.split():
        parse = _analyzer().parse(word)[0]
        inflected = parse.inflect({"loct"}) if "Geox" in parse.tag or "NOUN" in parse.tag else None
        new = inflected.word if inflected is not None else word
        words.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join(words)


def proposed_aliases(d: Draft) -> list[str]:
    venue = next((p for p in d.places if p.id == d.place), None)
    return aliases_for(d.kind, venue.name if venue is not None else None, d.date)


def aliases_for(kind_id: str, city: str | None, date: dict[str, int]) -> list[str]:
    """Names users will say: the kind with the city, the kind with the date."""
    kind = KIND_WORDS.get(kind_id)
    if kind is None:
        return []
    aliases = []
    if city is not None:
        aliases.append(f"{kind} в {_prepositional(city)}")
    if date.get("day") and date.get("month"):
        aliases.append(f"{kind} {date['day']} {MONTHS_GENITIVE[date['month'] - 1]}")
    if date.get("year"):
        aliases.append(f"{kind} {date['year']} года")
    return aliases


def render_yaml(d: Draft) -> str:
    source_id = f"article-{slug(d.source_file.rsplit('.', 1)[0], 30)}"
    event_id = f"draft-{slug(d.title or d.source_file, 30)}"
    lines = [
        f"# DRAFT made from {d.source_file}. Review every line before moving it into content/:",
        "# check names, positions and organizations against the article, write the summaries,",
        "# then remove the comments that quote the article (its sentences must not be kept).",
        "# The file is refused while it says «review: draft» or holds a TODO.",
        "review: draft  # → review: reviewed, once every item is checked",
        "",
        "sources:",
        f"  - id: {source_id}",
        f"    file: {_q(d.source_file)}",
        f"    title: {_q(d.title or d.source_file)}",
    ]
    new_places = [p for p in d.places if not p.known and p.country]
    unknown = [p for p in d.places if not p.known and not p.country]
    if new_places:
        lines += ["", "places:"]
        for p in new_places:
            lines += [
                _comment(p.sentence, "  "),
                f"  - id: {p.id}",
                f"    name: {_q(p.name)}",
                f"    country: {p.country}  # from the gazetteer",
            ]
    for p in unknown:
        lines.append(
            f"# TODO: «{p.name}» looks like a place the gazetteer does not know: add it to "
            "places with its country, or drop it"
        )
    new_orgs = [o for o in d.organizations if not o.known]
    if new_orgs:
        lines += ["", "organizations:"]
        for o in new_orgs:
            lines += [_comment(o.sentence, "  "), f"  - id: {o.id}", f"    name: {_q(o.name)}"]
            if o.abbreviations:
                lines.append(f"    abbreviations: [{', '.join(_q(a) for a in o.abbreviations)}]")
    new_people = [p for p in d.people if not p.known]
    if new_people:
        lines += ["", "people:"]
        for p in new_people:
            lines += [f"  - id: {p.id}"]
            lines += [
                f"    first_name: {_q(p.first_name or 'TODO')}",
                f"    last_name: {_q(p.last_name)}",
            ]
            if p.patronymic:
                lines.append(f"    patronymic: {_q(p.patronymic)}")
    lines += [
        "",
        "events:",
        f"  - id: {event_id}",
        f"    kind: {d.kind}  # round_table / forum / meeting / conference / signing",
        f"    status: {d.status}  # held / announced",
        f"    title: {_q(d.title or 'TODO')}",
    ]
    aliases = proposed_aliases(d)
    if aliases:
        lines.append(f"    aliases: [{', '.join(_q(a) for a in aliases)}]  # how users will ask")
    if d.date:
        parts = ", ".join(f"{k}: {d.date[k]}" for k in ("year", "month", "day") if k in d.date)
        if d.date_sentence:
            lines.append(_comment(d.date_sentence, "    "))
        if d.date.get("inferred"):
            parts += ", inferred: true, note: TODO — how the year follows from the article"
        lines.append(f"    date: {{{parts}}}")
        if "year" not in d.date:
            lines.append(
                "    # TODO: the article gives no year; add it with «inferred: true»"
                " and a note, or leave it out"
            )
    lines += [f"    format: {d.format}", f"    source: {source_id}"]
    venue = next((p for p in d.places if p.id == d.place and (p.known or p.country)), None)
    if venue is not None:
        lines.append(f"    place: {venue.id}")
    known_places = [p.id for p in d.places if p.known or p.country]
    if known_places:
        lines.append(f"    cities: [{', '.join(known_places)}]  # TODO: keep only participants")
    if d.organizations:
        lines.append("    organizations:")
        for o in d.organizations:
            role = d.role_of(o)
            lines.append(
                f"      - {{organization: {o.id}, role: {role}}}  # organizer / "
                "participant / partner / mentioned"
            )
    if d.people:
        lines.append("    participants:")
        for p in d.people:
            for sentence in p.sentences[:3]:
                lines.append(_comment(sentence, "      "))
            lines += [f"      - person: {p.id}  # {p.full_name}", f"        role: {p.role}"]
            if p.city:
                lines.append(f"        city: {p.city}")
            if p.positions:
                lines.append("        positions:")
                for pos in p.positions:
                    org = f", organization: {pos.organization}" if pos.organization else ""
                    lines.append(f"          - {{title: {_q(pos.title)}{org}}}")
            lines.append("        # summary: TODO — what they said, in your own words")
    return "\n".join(lines) + "\n"
