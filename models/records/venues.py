"""Venues, travel times between them, and rooms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Venue:
    venue_id: str
    name: str
    row: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Travel:
    from_venue: str
    to_venue: str
    minutes: int
    row: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Room:
    room_id: str
    name: str
    venue_id: str
    kind: str
    capacity: int
    features: frozenset[str] = frozenset()
    available_from: datetime | None = None
    available_to: datetime | None = None
    changeover_minutes: int | None = None
    row: int | None = field(default=None, compare=False)
