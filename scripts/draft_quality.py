"""How good are drafts? Runs `draft` on articles with known answers and prints the shares of
people found, positions right and organizations found whole, with time and memory.

Run: .venv/bin/python scripts/draft_quality.py
Articles: tests/articles/*.txt (written for this, each with a .expected.yaml) and, for
comparison, the source articles in ../shared/seeds/ with the answers taken from content/.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.content_files import Content, read_content  # noqa: E402
from db.textnorm import forms, forms_match  # noqa: E402
from drafting.extract import draft_article  # noqa: E402
from drafting.model import Draft  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


@dataclass
class Score:
    article: str
    people: int
    people_found: int
    positions_right: int
    orgs: int
    orgs_whole: int
    seconds: float


def same(a: str, b: str) -> bool:
    """Equal as names: word for word, in any grammatical case, quotes and case ignored."""
    x, y = forms(a), forms(b)
    return len(x) == len(y) and all(forms_match(p, q) for p, q in zip(x, y, strict=True))


def evaluate(draft: Draft, expected: dict) -> Score:
    org_names = {o.id: o.name for o in draft.organizations}
    found = right = 0
    for person in expected["people"]:
        match = next((p for p in draft.people if same(p.full_name, person["name"])), None)
        if match is None:
            continue
        found += 1
        if any(
            same(pos.title, person["title"])
            and same(org_names.get(pos.organization or "", ""), person["organization"])
            for pos in match.positions
        ):
            right += 1
    whole = sum(
        any(same(o.name, name) for o in draft.organizations) for name in expected["organizations"]
    )
    return Score(
        draft.source_file,
        len(expected["people"]),
        found,
        right,
        len(expected["organizations"]),
        whole,
        draft.seconds,
    )


def expected_from_content(content: Content, file_name: str) -> dict:
    """The answers for a source article: its events' speakers and organizations."""
    sources = {s.id for s in content.sources if s.file == file_name}
    orgs = {o.id: o.name for o in content.organizations}
    people = {p.id: f"{p.first_name} {p.last_name}" for p in content.people}
    expected: dict = {"people": [], "organizations": []}
    for event in content.events:
        if event.source not in sources:
            continue
        for part in event.participants:
            if part.positions and part.person not in {p["id"] for p in expected["people"]}:
                pos = part.positions[0]
                expected["people"].append(
                    {
                        "id": part.person,
                        "name": people[part.person],
                        "title": pos.title,
                        "organization": orgs.get(pos.organization or "", ""),
                    }
                )
        for link in event.organizations:
            if (
                link.role in ("organizer", "participant")
                and orgs[link.organization] not in expected["organizations"]
            ):
                expected["organizations"].append(orgs[link.organization])
    return expected


def articles() -> list[tuple[Path, dict]]:
    found = []
    for path in sorted((ROOT / "tests" / "articles").glob("*.txt")):
        expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text("utf-8"))
        found.append((path, expected))
    return found


def main() -> None:
    content = read_content(ROOT / "content")
    started = time.perf_counter()
    draft_article("Прогрев.", "warm-up.txt")  # loads the models once
    print(f"models loaded in {time.perf_counter() - started:.2f} s")
    runs = [(path, expected, "own") for path, expected in articles()]
    if SEEDS.is_dir():
        runs += [
            (path, expected_from_content(content, path.name), "seed")
            for path in sorted(SEEDS.glob("*.txt"))
        ]
    totals: dict[str, list[Score]] = {"own": [], "seed": []}
    for path, expected, group in runs:
        # Without content/: nothing is recognised from earlier work, a fair test.
        draft = draft_article(path.read_text("utf-8"), path.name)
        score = evaluate(draft, expected)
        totals[group].append(score)
        print(
            f"{group:4} {path.name}: people {score.people_found}/{score.people}, "
            f"positions {score.positions_right}/{score.people}, "
            f"organizations whole {score.orgs_whole}/{score.orgs}, {score.seconds:.2f} s"
        )
    for group, scores in totals.items():
        if not scores:
            continue
        people = sum(s.people for s in scores)
        orgs = sum(s.orgs for s in scores)
        print(
            f"{group} articles: people found {sum(s.people_found for s in scores)}/{people}, "
            f"positions right {sum(s.positions_right for s in scores)}/{people}, "
            f"organizations whole {sum(s.orgs_whole for s in scores)}/{orgs}, "
            f"mean {sum(s.seconds for s in scores) / len(scores):.2f} s per article"
        )
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
