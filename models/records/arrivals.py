"""Receptions of delegations at an arrival point."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

#: Ranks whose reception lasts 20 minutes by default (others: 10).
LONG_RECEPTION_RANKS = ("HOS", "VP", "HOG")


@dataclass(frozen=True, slots=True)
class Arrival:
    """A delegation's reception; it starts inside [earliest, latest]."""

    delegation_id: str
    earliest: datetime
    latest: datetime
    point: str | None = None
    duration_minutes: int | None = None
    greeter: str | None = None
    row: int | None = field(default=None, compare=False)
