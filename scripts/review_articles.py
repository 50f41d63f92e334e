"""Turns real articles into reviewed content the way an admin does it in the chat, and counts
the admin's effort. Each article is drafted (knowing the content made so far, so people,
organizations and cities already known are reused), then reviewed fact by fact with the
same `drafting.review.Review` the chat uses. The reviewer's knowledge is the article's
hand-made answer (`NN-*.gold.yaml`): a fact that agrees with it is accepted (✅), one that
does not is corrected (✏️) with the text an admin would type, one it does not hold is
dropped (❌), and what the draft missed is added (➕). The reviewed file goes into the
content folder, named as «Опубликовать» names it, with the page's address as the source.

With --as-scored, a person's positions are accepted when `scripts/draft_quality.py` counts
them right: another wording the answer allows, an organization where the answer names none
(«председатель (Законодательное Собрание …)» for «Председатель Законодательного Собрания
…»). The default is stricter: anything not written as the answer writes it is corrected.

Run: .venv/bin/python scripts/review_articles.py [-v] [--as-scored] ARTICLES CONTENT
(-v: every action)
ARTICLES holds NN-*.txt with NN-*.gold.yaml and the README table of addresses and titles.
Prints, per article: the facts, and how many were accepted, corrected, dropped and added.
"""

from __future__ import annotations

import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.extract import draft_article  # noqa: E402
from drafting.review import (  # noqa: E402
    Action,
    CityItem,
    EventField,
    Group,
    OrganizationItem,
    Review,
    Verdict,
    places_by_name,
    review_of,
)
from drafting.suggest import maybe_known  # noqa: E402
from loading.files import load_files, names_in, read_content  # noqa: E402
from scripts.draft_quality import norm, similar  # noqa: E402

KIND_TEXT = {
    "round_table": "круглый стол",
    "forum": "форум",
    "meeting": "встреча",
    "conference": "конференция",
    "signing": "подписание",
}
STATUS_TEXT = {"held": "прошло", "announced": "анонс", "cancelled": "отменено"}
FORMAT_TEXT = {
    "offline": "очно",
    "online": "онлайн",
    "hybrid": "смешанный",
    "unknown": "неизвестно",
}
ROLE_TEXT = {
    "speaker": "выступление",
    "moderator": "модератор",
    "participant": "участник",
    "mentioned": "упоминается",
}
ORG_ROLES = ("organizer", "participant", "partner", "mentioned")


@dataclass
class Effort:
    article: str
    accepted: int = 0
    corrected: int = 0
    dropped: int = 0
    added: int = 0
    together: int = 0  # one press for several facts («🇰🇿 — всем без страны»)

    @property
    def actions(self) -> int:
        return self.corrected + self.dropped + self.added + self.together


def addresses(folder: Path) -> dict[str, tuple[str, str]]:
    """File name → (address, title) from the README's table."""
    out = {}
    for line in (folder / "README.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].endswith(".txt") and cells[1].startswith("http"):
            out[cells[0]] = (cells[1], cells[2])
    return out


def page_title(cell: str) -> str | None:
    """The page's title as the table gives it, without the table's remarks: «Title (press
    release, 30.09.2019)» → «Title»; «(headline not in the excerpt; slug = «Title»)» →
    «Title»; None when the page has no title of its own."""
    if cell.startswith("("):
        quoted = re.search(r"=\s*«(.+)»\)", cell)
        return quoted.group(1) if quoted else None
    return re.sub(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$", "", cell).strip() or None


def person_role(g: dict[str, Any]) -> str:
    """The answer's role for a person, without its note: «speaker (invited expert)»."""
    return (g.get("role") or "").split(" ")[0]


def clean(name: str) -> str:
    """A name from the answers without their remarks: «… (implied)», «… (филиал …)»."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()


def names_of(text: str) -> list[str]:
    """«Кызылорда (Кызыл-Орда)» → both names."""
    found = re.match(r"\s*(.+?)\s*\((.+)\)\s*$", text)
    return [found.group(1), found.group(2)] if found else [text.strip()]


def date_text(date: dict[str, int], inferred: bool) -> str:
    year, month, day = date.get("year"), date.get("month"), date.get("day")
    if day and month and year:
        out = f"{day:02d}.{month:02d}.{year}"
    elif day and month:
        out = f"{day:02d}.{month:02d}"
    elif month and year:
        out = f"{month:02d}.{year}"
    else:
        out = str(year)
    return out + ("?" if inferred and year else "")


class Reviewer:
    """Decides each fact of one review from the article's answers."""

    def __init__(self, review: Review, gold: dict[str, Any], known: Any, effort: Effort) -> None:
        self.review, self.gold, self.known, self.effort = review, gold, known, effort

    def accept(self, group: Group, index: int) -> None:
        assert self.review.decide(group, index, Action.ACCEPT)
        self.effort.accepted += 1

    def drop(self, group: Group, index: int) -> None:
        if VERBOSE:
            print(f"    ❌ {group.name} {index + 1}: {_shown(self.review, group, index)}")
        assert self.review.decide(group, index, Action.DROP)
        self.effort.dropped += 1

    def correct(self, group: Group, index: int, text: str) -> None:
        if VERBOSE:
            print(f"    ✏️ {group.name} {index + 1}: {_shown(self.review, group, index)} → {text}")
        problem = self.review.correct(group, index, text)
        assert problem is None, (group, index, text, problem)
        self.effort.corrected += 1

    def add(self, group: Group, text: str) -> None:
        if VERBOSE:
            print(f"    ➕ {group.name}: {text}")
        problem = self.review.add(group, text)
        assert problem is None, (group, text, problem)
        self.effort.added += 1

    # --- the event ---------------------------------------------------------------------------

    def event(self) -> None:
        gold, review = self.gold["event"], self.review
        fields = list(EventField)
        titles = {norm(t) for t in [gold["title"], *(gold.get("title_variants") or [])]}
        keywords = [norm(k) for k in gold.get("title_keywords") or []]
        title_ok = norm(review.title) in titles or bool(
            keywords and review.title and all(k in norm(review.title) for k in keywords)
        )
        at = fields.index
        if title_ok:
            self.accept(Group.EVENT, at(EventField.TITLE))
        else:
            self.correct(Group.EVENT, at(EventField.TITLE), clean(gold["title"]))
        kind = gold.get("kind") if gold.get("kind") in KIND_TEXT else "other"
        if review.kind == kind:
            self.accept(Group.EVENT, at(EventField.KIND))
        else:
            self.correct(Group.EVENT, at(EventField.KIND), KIND_TEXT.get(kind, "другое"))
        if review.status == gold["status"]:
            self.accept(Group.EVENT, at(EventField.STATUS))
        else:
            self.correct(Group.EVENT, at(EventField.STATUS), STATUS_TEXT[gold["status"]])
        wanted = {
            k: v for k, v in (gold.get("date") or {}).items() if k in ("year", "month", "day")
        }
        if "year" not in wanted and "day" not in wanted:
            wanted = {}  # a month alone is no date the event can be given
        inferred = "inferred" in str(gold.get("date_precision") or "")
        drafted = {k: v for k, v in review.date.items() if k in ("year", "month", "day")}
        if not wanted:
            if drafted:
                self.drop(Group.EVENT, at(EventField.DATE))
            else:
                self.accept(Group.EVENT, at(EventField.DATE))
        elif drafted == wanted and bool(review.date.get("inferred")) == inferred:
            self.accept(Group.EVENT, at(EventField.DATE))
        else:
            self.correct(Group.EVENT, at(EventField.DATE), date_text(wanted, inferred))
        place = gold.get("place")
        if place is not None and self.gold_country(names_of(place)[0]) is None:
            # «Дом дружбы»: a venue, not a city; the event's city is the answers' first one
            place = next(iter(c["name"] for c in self.gold.get("cities") or []), None)
        drafted_place = review.city_name(review.place) if review.place else None
        if place is None:
            if drafted_place:
                self.drop(Group.EVENT, at(EventField.PLACE))
            else:
                self.accept(Group.EVENT, at(EventField.PLACE))
        elif drafted_place and norm(drafted_place) in {norm(n) for n in names_of(place)}:
            self.accept(Group.EVENT, at(EventField.PLACE))
        else:
            self.place(place)
        form = gold.get("format") or "unknown"
        if review.format == form:
            self.accept(Group.EVENT, at(EventField.FORMAT))
        else:
            self.correct(Group.EVENT, at(EventField.FORMAT), FORMAT_TEXT[form])
        self.accept(Group.EVENT, at(EventField.SUMMARY))  # written by hand afterwards

    def place(self, place: str) -> None:
        """The event's city: one of the review's, one content knows, or a new one."""
        name = names_of(place)[0]
        index = list(EventField).index(EventField.PLACE)
        country = self.gold_country(name)
        self.correct(Group.EVENT, index, f"{name}, {country}" if country else name)

    def gold_country(self, name: str) -> str | None:
        for city in self.gold.get("cities") or []:
            if norm(name) in {norm(n) for n in names_of(city["name"])}:
                return city.get("country")
        return None

    def city_item(self, name: str) -> CityItem | None:
        """The review's city of this name, or None."""
        for city in self.review.cities:
            if norm(city.name) == norm(name):
                return city
        return None

    # --- organizations --------------------------------------------------------------------

    def organizations(self) -> None:
        gold_orgs = list(self.gold.get("organizations") or [])
        position_orgs = [
            pos["organization"]
            for person in self.gold.get("people") or []
            for pos in person.get("positions") or []
            if pos.get("organization")
        ]
        pressed = self.country_for_all(gold_orgs)
        matched: set[int] = set()
        for index, org in enumerate(list(self.review.organizations)):
            if org.verdict.decided and index not in pressed:
                continue
            found = next(
                (
                    (k, g)
                    for k, g in enumerate(gold_orgs)
                    if k not in matched
                    and (
                        (g.get("known_id") and g["known_id"] in (org.id, (org.maybe or ("",))[0]))
                        or any(similar(org.name, n) for n in [g["name"], *(g.get("aliases") or [])])
                    )
                ),
                None,
            )
            if found is None:
                name = next((n for n in position_orgs if similar(org.name, n)), None)
                if name is None:
                    self.drop(Group.ORGANIZATIONS, index)
                elif org.known or norm(org.name) == norm(clean(name)):
                    self.accept(Group.ORGANIZATIONS, index)
                else:
                    self.correct(Group.ORGANIZATIONS, index, clean(name))
                continue
            k, g = found
            matched.add(k)
            role = g.get("role") if g.get("role") in ORG_ROLES else "participant"
            if g.get("known_id") and org.maybe and org.maybe[0] == g["known_id"]:
                self.review.decide(Group.ORGANIZATIONS, index, Action.SAME)  # «Это «…»?»
            same = (
                (org.known or norm(org.name) == norm(g["name"]))
                and org.role == role
                and (org.known or org.country == g.get("country"))
            )
            if same:
                if index not in pressed:
                    self.accept(Group.ORGANIZATIONS, index)
            else:
                text = ", ".join(
                    x for x in (clean(g["name"]), g.get("country"), ROLE_TEXT_ORG[role]) if x
                )
                self.correct(Group.ORGANIZATIONS, index, text)
        for k, g in enumerate(gold_orgs):
            if k in matched or g.get("optional"):
                continue
            role = g.get("role") if g.get("role") in ORG_ROLES else "participant"
            known = g.get("known_id")
            if known and self.known and any(o.id == known for o in self.known.organizations):
                item = OrganizationItem(
                    id=known, name=g["name"], known=True, role=role, verdict=Verdict.EDITED
                )
                self.review.organizations.append(item)
                self.effort.added += 1
                continue
            self.add(
                Group.ORGANIZATIONS,
                ", ".join(
                    x for x in (clean(g["name"]), g.get("country"), ROLE_TEXT_ORG[role]) if x
                ),
            )

    def country_for_all(self, gold_orgs: list[dict[str, Any]]) -> set[int]:
        """Press «— всем без страны» when the answers give one country to at least two of the
        organizations the draft has none for and another to none of them; the indexes it
        settled (each is still corrected or dropped below if it is wrong otherwise)."""
        rest = self.review.without_country()
        countries = {}
        for index in rest:
            name = self.review.organizations[index].name
            g = next(
                (
                    g
                    for g in gold_orgs
                    if any(similar(name, n) for n in [g["name"], *(g.get("aliases") or [])])
                ),
                None,
            )
            if g is not None:
                countries[index] = g.get("country")  # None: the answers give it none
        if len(countries) < 2 or len(set(countries.values())) != 1 or None in countries.values():
            return set()
        action = {"RU": Action.ALL_RU, "KZ": Action.ALL_KZ}.get(next(iter(countries.values())))
        if action is None:
            return set()
        if VERBOSE:
            print(f"    🌐 ORGANIZATIONS: {len(rest)} without a country → {action.value}")
        assert self.review.decide(Group.ORGANIZATIONS, rest[0], action)
        self.effort.together += 1
        return set(rest)

    # --- people --------------------------------------------------------------------------------

    def people(self) -> None:
        gold_people = list(self.gold.get("people") or [])
        matched: set[int] = set()
        for index, person in enumerate(list(self.review.people)):
            if person.verdict.decided:
                continue
            found = next(
                (
                    (k, g)
                    for k, g in enumerate(gold_people)
                    if k not in matched
                    and (
                        norm(person.last_name) == norm(g["last_name"])
                        or norm(g["last_name"])[:5] in norm(person.full_name)
                    )
                ),
                None,
            )
            if found is None:
                self.drop(Group.PEOPLE, index)
                continue
            k, g = found
            matched.add(k)
            text = self.person_text(g)
            if self.person_agrees(person, g):
                self.accept(Group.PEOPLE, index)
            else:
                self.correct(Group.PEOPLE, index, text)
        for k, g in enumerate(gold_people):
            if k not in matched:
                self.add(Group.PEOPLE, self.person_text(g))

    def person_text(self, g: dict[str, Any]) -> str:
        first = g.get("first_name") or g.get("initials") or ""
        name = " ".join(x for x in (first, g.get("patronymic"), g["last_name"]) if x)
        positions = "; ".join(
            f"{clean(p['title'])} ({clean(p['organization'])})"
            if p.get("organization")
            else clean(p["title"])
            for p in g.get("positions") or []
        )
        role = ROLE_TEXT.get(person_role(g) or "speaker", "участник")
        return f"{name} — {positions} [{role}]" if positions else f"{name} — [{role}]"

    def person_agrees(self, person: Any, g: dict[str, Any]) -> bool:
        first = g.get("first_name") or g.get("initials")
        if (norm(person.first_name), norm(person.patronymic), norm(person.last_name)) != (
            norm(first),
            norm(g.get("patronymic")),
            norm(g["last_name"]),
        ):
            return False
        if person.role != (person_role(g) if person_role(g) in ROLE_TEXT else "participant"):
            return False
        drafted = [
            (norm(p.title), norm(self.review.org_name(p.organization))) for p in person.positions
        ]
        wanted = [(norm(p["title"]), norm(p.get("organization"))) for p in g.get("positions") or []]
        if not AS_SCORED:
            return drafted == wanted
        # as the draft scorer counts them: each position of the answer is drafted in one of its
        # wordings, and each drafted one is one of the answer's
        wordings = [
            [(norm(p["title"]), p.get("organization"))]
            + [
                (norm(a["title"]), a.get("organization"))
                if isinstance(a, dict)
                else (norm(a), p.get("organization"))
                for a in p.get("alt") or []
            ]
            for p in g.get("positions") or []
        ]

        def fits(title: str, org: str, ways: list[tuple[str, Any]]) -> bool:
            return any(title == t and (o is None or similar(org, o)) for t, o in ways)

        return all(any(fits(t, o, ways) for t, o in drafted) for ways in wordings) and all(
            any(fits(t, o, ways) for ways in wordings) for t, o in drafted
        )

    # --- cities ------------------------------------------------------------------------------

    def cities(self) -> None:
        gold_cities = list(self.gold.get("cities") or [])
        others = {norm(n) for p in self.gold.get("other_places") or [] for n in names_of(p)}
        matched: set[int] = set()
        for index, city in enumerate(list(self.review.cities)):
            if city.verdict.decided:
                continue
            found = next(
                (
                    (k, g)
                    for k, g in enumerate(gold_cities)
                    if k not in matched
                    and norm(city.name) in {norm(n) for n in names_of(g["name"])}
                ),
                None,
            )
            if found is None:
                if self.review.place == city.id and (city.known or city.country):
                    self.accept(Group.CITIES, index)  # the venue the answers name elsewhere
                elif norm(city.name) in others:
                    self.drop(Group.CITIES, index)  # named, but no city of the event
                else:
                    self.drop(Group.CITIES, index)
                continue
            k, g = found
            matched.add(k)
            if city.known or city.country == g.get("country"):
                self.accept(Group.CITIES, index)
            else:
                self.correct(Group.CITIES, index, f"{city.name}, {g.get('country')}")
        for k, g in enumerate(gold_cities):
            if k in matched:
                continue
            name = names_of(g["name"])[0]
            if self.city_item(name) is None:
                self.add(Group.CITIES, f"{name}, {g['country']}" if g.get("country") else name)


VERBOSE = "-v" in sys.argv
AS_SCORED = False  # set by --as-scored (see the module docstring)


def _shown(review: Review, group: Group, index: int) -> str:
    item = review.item(group, index)
    if group is Group.EVENT:
        return f"{item.field}"
    if group is Group.PEOPLE:
        positions = [(p.title, review.org_name(p.organization)) for p in item.positions]
        return f"{item.full_name} {positions} [{item.role}]"
    if group is Group.ORGANIZATIONS:
        return f"{item.name}, {item.country}, {item.role}"
    return f"{item.name}, {item.country}"


ROLE_TEXT_ORG = {
    "organizer": "организатор",
    "participant": "участник",
    "partner": "партнёр",
    "mentioned": "упомянута",
}


def review_article(
    article: Path, gold: dict[str, Any], content_dir: Path, address: str, title: str
) -> tuple[Review, Effort]:
    known = read_content(content_dir)
    draft = draft_article(article.read_text("utf-8"), article.name, known)
    title = page_title(title) or clean(gold["event"]["title"])
    review = review_of(
        draft,
        address,
        title,
        maybe_known(draft, known),
        frozenset(known.ids()),
        places_by_name(known.places),
    )
    effort = Effort(article.name)
    reviewer = Reviewer(review, gold, known, effort)
    reviewer.organizations()
    reviewer.event()
    reviewer.people()
    reviewer.cities()
    for group in Group:  # what a correction typed in joined the review already decided
        for index, item in enumerate(review.items(group)):
            if not item.verdict.decided:
                reviewer.accept(group, index)
    problems = review.problems()
    assert not problems, (article.name, problems)
    names: dict[str, dict[str, tuple[str, str]]] = {"organizations": {}, "people": {}}
    for data in load_files(content_dir).values():  # as «Опубликовать» does
        for section, found in names_in(data).items():
            names[section].update(found)
    review.link_known(names)
    review.free_ids(known.ids())
    return review, effort


def main() -> None:
    global AS_SCORED
    AS_SCORED = "--as-scored" in sys.argv
    args = [a for a in sys.argv[1:] if a not in ("-v", "--as-scored")]
    articles, content_dir = Path(args[0]), Path(args[1])
    table = addresses(articles)
    efforts = []
    for article in sorted(articles.glob("*.txt")):
        gold_file = article.with_name(article.stem + ".gold.yaml")
        if not gold_file.exists() or article.name not in table:
            continue
        address, title = table[article.name]
        gold = yaml.safe_load(gold_file.read_text("utf-8"))
        review, effort = review_article(article, gold, content_dir, address, title)
        (content_dir / "events" / review.file_name()).write_text(review.content_yaml(), "utf-8")
        read_content(content_dir)  # the next article is drafted knowing this one; fails loudly
        efforts.append(effort)
        print(
            f"{article.name}: accepted {effort.accepted}, corrected {effort.corrected}, "
            f"dropped {effort.dropped}, added {effort.added} → {effort.actions} actions"
        )
    actions = sorted(e.actions for e in efforts)
    if actions:
        print(f"median actions per article: {statistics.median(actions)}")


if __name__ == "__main__":
    main()
