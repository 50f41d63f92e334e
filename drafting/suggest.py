"""Which existing entity a new person or organization of a draft may be: the reviewer is asked
(«это Гражданский альянс Казахстана?») rather than the draft deciding by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.model import Draft

if TYPE_CHECKING:
    from loading.files import Content

ORG_SIMILARITY = 85  # rapidfuzz token_set_ratio, 0–100
SURNAME_SIMILARITY = 85


def maybe_known(draft: Draft, content: Content | None) -> dict[str, tuple[str, str]]:
    """New draft id → (id, name) of the most similar known entity, when one is close."""
    if content is None:
        return {}
    from rapidfuzz import fuzz

    found: dict[str, tuple[str, str]] = {}
    for org in (o for o in draft.organizations if not o.known):
        best = max(
            (
                (fuzz.token_set_ratio(org.name.casefold(), name.casefold()), known.id, known.name)
                for known in content.organizations
                for name in (known.name, *known.aliases, *known.abbreviations)
            ),
            default=None,
        )
        if best is not None and best[0] >= ORG_SIMILARITY:
            found[org.id] = (best[1], best[2])
    for person in (p for p in draft.people if not p.known):
        for known in content.people:
            same_initial = not person.first_name or known.first_name[:1] == person.first_name[:1]
            close = fuzz.ratio(person.last_name.casefold(), known.last_name.casefold())
            if same_initial and close >= SURNAME_SIMILARITY:
                found[person.id] = (known.id, f"{known.first_name} {known.last_name}")
                break
    return found
