"""What a chat was last asking about, so that «а российские?» or «а где она работает?» can
continue it. Kept in aiogram's FSM storage as a plain dict; it expires after a while."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from db.kinds import EntityKind

EXPIRES_AFTER = 15 * 60  # seconds


@dataclass(slots=True)
class Dialogue:
    intent: str | None = None
    subjects: list[tuple[str, str]] = field(default_factory=list)  # (kind, id), main first
    country: str | None = None
    at: float = 0.0
    text: str | None = None  # the last question, for «а в 2024?» to ask again with a new date

    @classmethod
    def from_data(cls, data: dict[str, Any] | None, now: float | None = None) -> Dialogue:
        raw = (data or {}).get("dialogue")
        if not isinstance(raw, dict):
            return cls()
        try:
            dialogue = cls(
                intent=raw.get("intent"),
                subjects=[(str(k), str(i)) for k, i in raw.get("subjects", [])][:10],
                country=raw.get("country"),
                at=float(raw.get("at", 0.0)),
                text=str(raw["text"])[:500] if raw.get("text") else None,
            )
        except (TypeError, ValueError):
            return cls()
        if (now if now is not None else time.time()) - dialogue.at > EXPIRES_AFTER:
            return cls()
        return dialogue

    def to_data(self) -> dict[str, Any]:
        return {"dialogue": asdict(self)}

    def of_kind(self, kind: EntityKind) -> list[str]:
        return [entity_id for k, entity_id in self.subjects if k == kind.value]
