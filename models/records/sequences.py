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
    row: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class SequenceMember:
    sequence_id: str
    member: str
    slot_seconds: int | None = None
    position: int | None = None
    mandatory: bool = False
    row: int | None = field(default=None, compare=False)
