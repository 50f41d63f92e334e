"""The kinds of things the bot knows about, in one enum.

A kind's value is the name the database and the search index use («person»); each also
carries its short code for callback data («p», kept short for Telegram's 64 bytes and never
changed, or buttons in old messages stop working), its icon and the Russian words the views
need to talk about it. Adding a kind means adding one member here and one card opener in
answers/cards.py.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    MASCULINE = "m"
    FEMININE = "f"
    NEUTER = "n"

    def agree(self, stem: str) -> str:
        """«найден» → «найден» / «найдена» / «найдено»."""
        return stem + {"m": "", "f": "а", "n": "о"}[self.value]

    @property
    def this(self) -> str:
        return {"m": "Этот", "f": "Эта", "n": "Это"}[self.value]


class EntityKind(StrEnum):
    """value, code, icon, singular, genitive plural, gender, list command."""

    EVENT = ("event", "ev", "📅", "событие", "событий", Gender.NEUTER, "/events")
    PERSON = ("person", "p", "👤", "человек", "людей", Gender.MASCULINE, "/speakers")
    ORGANIZATION = (
        "organization",
        "o",
        "🏛",
        "организация",
        "организаций",
        Gender.FEMININE,
        "/orgs",
    )
    PLACE = ("place", "pl", "🏙", "город", "городов", Gender.MASCULINE, "/cities")
    TOPIC = ("topic", "t", "💬", "тема", "тем", Gender.FEMININE, "/help")
    WORK = (
        "work",
        "w",
        "📘",
        "проект или документ",
        "проектов и документов",
        Gender.MASCULINE,
        "/help",
    )
    SOURCE = ("source", "src", "📰", "источник", "источников", Gender.MASCULINE, "/help")

    code: str
    icon: str
    singular: str
    genitive_plural: str
    gender: Gender
    list_command: str

    def __new__(
        cls,
        value: str,
        code: str,
        icon: str,
        singular: str,
        genitive_plural: str,
        gender: Gender,
        list_command: str,
    ) -> EntityKind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.code = code
        member.icon = icon
        member.singular = singular
        member.genitive_plural = genitive_plural
        member.gender = gender
        member.list_command = list_command
        return member

    @classmethod
    def from_code(cls, code: str) -> EntityKind:
        """The kind of a callback code («p» → PERSON); ValueError for an unknown code."""
        try:
            return _BY_CODE[code]
        except KeyError:
            raise ValueError(f"unknown entity kind code {code!r}") from None

    @property
    def has_card(self) -> bool:
        return self is not EntityKind.SOURCE


_BY_CODE = {kind.code: kind for kind in EntityKind}

# Kinds that have a card, in the order search results and menus list them.
CARD_KINDS: tuple[EntityKind, ...] = tuple(k for k in EntityKind if k.has_card)
