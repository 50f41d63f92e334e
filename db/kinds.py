"""The kinds of things the bot knows about, in one enum.

A kind's value is the name the database and the search index use («person»); each also
carries its short code for callback data («p», kept short for Telegram's 64 bytes and never
changed, or buttons in old messages stop working), its icon, the Russian word content errors
name it by, and the command that lists it. Adding a kind means adding one member here and
one card opener in answers/cards.py.
"""

from __future__ import annotations

from enum import StrEnum


class EntityKind(StrEnum):
    """value, code, icon, singular (in content errors), list command."""

    EVENT = ("event", "ev", "📅", "событие", "/events")
    PERSON = ("person", "p", "👤", "человек", "/speakers")
    ORGANIZATION = ("organization", "o", "🏛", "организация", "/orgs")
    PLACE = ("place", "pl", "🏙", "город", "/cities")
    TOPIC = ("topic", "t", "💬", "тема", "/help")
    WORK = ("work", "w", "📘", "проект или документ", "/help")
    SOURCE = ("source", "src", "📰", "источник", "/help")

    code: str
    icon: str
    singular: str
    list_command: str

    def __new__(
        cls, value: str, code: str, icon: str, singular: str, list_command: str
    ) -> EntityKind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.code = code
        member.icon = icon
        member.singular = singular
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
