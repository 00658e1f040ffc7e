"""Ordered protocol queues (welcome line, order of signature, speakers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Sequence:
    sequence_id: str
    title: str
    room_id: str
    order: str
    slot_seconds: int
    within_event: str | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    gap_seconds: int = 0
    #: this list's tie-break within one rank (``None``: the setting
    #: ``precedence_tiebreak``)
    tiebreak: str | None = None
    #: what happens to a member who cannot be there at their turn:
    #: ``end``, ``drop`` or ``move:<sequence_id>`` (``None``: ``end``)
    late_policy: str | None = None
    row: int | None = field(default=None, compare=False)

    @property
    def late(self) -> str:
        """The late policy's kind: ``end`` (also when empty), ``drop`` or
        ``move``."""
        policy = (self.late_policy or "end").strip()
        return "move" if policy.startswith("move:") else policy

    @property
    def move_to(self) -> str | None:
        """The sequence a late member joins (policy ``move:<id>``)."""
        policy = (self.late_policy or "").strip()
        if not policy.startswith("move:"):
            return None
        return policy[len("move:") :].strip()


@dataclass(frozen=True, slots=True)
class SequenceMember:
    sequence_id: str
    member: str
    slot_seconds: int | None = None
    position: int | None = None
    mandatory: bool = False
    row: int | None = field(default=None, compare=False)
