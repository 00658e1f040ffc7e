"""Events (ceremonies, sessions, side events) and slot sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    title: str
    kind: str
    duration_minutes: int
    attendance: int
    organizer: str | None = None
    room_kinds: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    required_features: tuple[str, ...] = ()
    earliest: datetime | None = None
    latest: datetime | None = None
    fixed_start: datetime | None = None
    slot_set: str | None = None
    participants: tuple[str, ...] = ()
    all_heads: bool = False
    after: tuple[str, ...] = ()
    track: str | None = None
    mandatory: bool = False
    priority: int = 3
    preferred_day: date | None = None
    restricted: bool = False
    #: the listed ``participants`` are busy only for the first N minutes
    #: (a chair who opens and hands over); ``None``: the whole event
    participants_minutes: int | None = None
    row: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Slot:
    slot_set: str
    start: datetime
    end: datetime
    row: int | None = field(default=None, compare=False)
