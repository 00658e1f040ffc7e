"""Delegations and the people who take part in items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Delegation:
    """A delegation; its head is the person whose id is ``delegation_id``."""

    delegation_id: str
    name: str
    kind: str
    head_name: str
    head_rank: str
    head_since: date | None = None
    size: int = 4
    confirmed: bool = True
    confirmed_on: date | None = None
    available_from: datetime | None = None
    available_to: datetime | None = None
    #: ``guest_of_honour``, ``co_host`` or ``None`` (an ordinary guest)
    role: str | None = None
    row: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Person:
    """Anyone who can be busy: a delegation head or a People row."""

    person_id: str
    name: str
    delegation_id: str
    rank: str
    available_from: datetime | None = None
    available_to: datetime | None = None
    max_items_per_day: int | None = None
    is_head: bool = False
    #: ``co_chair`` (stands with the host) or ``None``
    role: str | None = None
    row: int | None = field(default=None, compare=False)
