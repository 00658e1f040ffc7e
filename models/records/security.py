"""Security windows: closed spans and no-arrival (motorcade) spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Scope:
    """What a window applies to: ``all`` or ``kind:target``."""

    kind: str
    target: str | None = None

    def __str__(self) -> str:
        return (
            self.kind if self.target is None else f"{self.kind}:{self.target}"
        )


def parse_scope(text: str) -> Scope:
    """``"venue:NCC"`` to ``Scope("venue", "NCC")``; raises ``ValueError``."""
    from .vocabulary import SCOPE_KINDS

    text = text.strip()
    if text == "all":
        return Scope("all")
    kind, sep, target = text.partition(":")
    kind, target = kind.strip(), target.strip()
    if not sep or kind not in SCOPE_KINDS or kind == "all" or not target:
        raise ValueError(text)
    return Scope(kind, target)


@dataclass(frozen=True, slots=True)
class SecurityWindow:
    window_id: str
    start: datetime
    end: datetime
    scope: Scope
    effect: str
    reason: str | None = None
    row: int | None = field(default=None, compare=False)
