"""Bilateral meeting requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class BilateralRequest:
    """A request for two principals to meet; ``attendance`` is resolved
    (default: both parties' delegations, at most 8 a side)."""

    request_id: str
    party_a: str
    party_b: str
    duration_minutes: int = 30
    priority: int = 3
    earliest: datetime | None = None
    latest: datetime | None = None
    venue_id: str | None = None
    required_features: tuple[str, ...] = ("flags",)
    attendance: int | None = None
    mandatory: bool = False
    restricted: bool = True
    row: int | None = field(default=None, compare=False)
