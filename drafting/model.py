"""What a draft holds: the event, people with positions, organizations and places found in
an article, each with the sentences it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from loading.schema import OrgRole


@dataclass
class DraftPosition:
    title: str
    organization: str | None  # known id, or a new organization's id
    sentence: str


@dataclass
class DraftPerson:
    id: str
    first_name: str | None
    last_name: str
    known: bool
    city: str | None = None
    positions: list[DraftPosition] = field(default_factory=list)
    patronymic: str | None = None
    role: str = "speaker"  # speaker | participant | mentioned
    sentences: list[str] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.patronymic, self.last_name) if p)


@dataclass
class DraftOrganization:
    id: str
    name: str
    abbreviations: list[str]
    known: bool
    sentence: str = ""
    country: str | None = None  # from a country or city its name holds; None: the admin decides
    venue: bool = False  # named as where it happened («в Доме дружбы»), not as who took part
    where: bool = False  # named as where it happened, whatever else it is named as
    # named only in someone's quoted words («спасибо министерству») or as whose service or
    # photo the report is («сообщает пресс-служба акимата»)
    spoken_of: bool = False
    # what the text says it did for the event: «organizer» («его провёл …»), «partner» («при
    # поддержке …»); None: it says neither
    role: Literal["organizer", "partner"] | None = None


@dataclass
class DraftPlace:
    id: str
    name: str
    known: bool
    sentence: str = ""
    country: str | None = None  # from the gazetteer or content/; None: the admin decides


@dataclass
class Draft:
    source_file: str
    title: str | None
    kind: str
    date: dict[str, int]
    date_sentence: str | None
    format: str
    people: list[DraftPerson]
    organizations: list[DraftOrganization]
    places: list[DraftPlace]
    seconds: float = 0.0
    status: str = "held"  # held | announced
    place: str | None = None  # id of the place where the event was held, when the text says

    def role_of(self, org: DraftOrganization) -> OrgRole:
        """Organizer or partner when the text says so (drafting/roles.py); otherwise what its
        people did: a body whose only people named were mentioned («письмо прислал директор
        X») is mentioned too, and so is a venue («в Доме дружбы») no one took part for, and a
        body named only in someone's quoted words («спасибо министерству …»)."""
        if org.role is not None:
            return org.role
        if "организатор" in org.sentence.casefold():
            return "organizer"
        roles = {p.role for p in self.people for q in p.positions if q.organization == org.id}
        aside = org.venue or org.spoken_of
        if roles == {"mentioned"} or (aside and not roles - {"mentioned"}):
            return "mentioned"
        return "participant"


# --- Ids ------------------------------------------------------------------------------------

# fmt: off
_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
     "a", "g", "k", "n", "o", "u", "u", "h", "i"],  # the last nine: Kazakh letters
    strict=True,
))
# fmt: on


def slug(text: str, limit: int = 40) -> str:
    out = "".join(_TRANSLIT.get(c, c) for c in text.casefold())
    out = re.sub(r"[^a-z0-9]+", "-", out).strip("-")
    return out[:limit].rstrip("-") or "item"
