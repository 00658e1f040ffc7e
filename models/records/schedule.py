"""A schedule: placed items, left-out items, and how it was obtained."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .items import Item

#: Required columns of the Schedule sheet (the workbook contract).
SCHEDULE_COLUMNS = (
    "item_id",
    "kind",
    "ref_id",
    "title",
    "start",
    "end",
    "room_id",
    "venue_id",
    "participants",
    "position",
    "locked",
)
#: Optional columns of the Schedule sheet (version 2): read when present.
SCHEDULE_OPTIONAL_COLUMNS = ("note",)
#: Required columns of the Unscheduled sheet.
UNSCHEDULED_COLUMNS = ("ref_id", "kind", "title", "priority", "reason")


@dataclass(frozen=True, slots=True)
class Assignment:
    """One row of the Schedule sheet: an item placed in a room and a time.

    ``participants`` are the person ids busy during the item (for
    ``all_heads`` events, every head present). ``position`` is the place in
    its queue (sequence items only), counting present members from 1.
    ``note`` is free text the engine fills for queue members placed late
    (``late: after the list``) or moved (``moved from SIGN1``).
    ``restricted`` is the schedule workbook's own mark.
    """

    item_id: str
    kind: str
    ref_id: str
    title: str
    start: datetime
    end: datetime
    room_id: str
    venue_id: str
    participants: tuple[str, ...] = ()
    position: int | None = None
    locked: bool = False
    note: str = ""
    #: marked restricted in the schedule workbook it was read from (its
    #: ``restricted`` column): the public copy leaves it out whatever the
    #: scenario says
    restricted: bool = field(default=False, compare=False)
    row: int | None = field(default=None, compare=False)


#: The note of a queue member placed after the list (late policy ``end``).
LATE_NOTE = "late: after the list"


def moved_note(sequence_id: str) -> str:
    """The note of a member placed in another list (``move:``)."""
    return f"moved from {sequence_id}"


def is_late(a: Assignment) -> bool:
    """A queue row marked late (its note starts with ``late``): placed
    after the members in order, not at its place in the order."""
    return a.kind == "sequence" and a.note.strip().lower().startswith("late")


@dataclass(frozen=True, slots=True)
class Unscheduled:
    """One row of the Unscheduled sheet: an item left out, and why."""

    item_id: str
    ref_id: str
    kind: str
    title: str
    priority: int | None
    reason: str
    #: the schedule workbook marks it restricted (its ``restricted``
    #: column), whatever the scenario says: kept out of the public copy
    restricted: bool = False

    @classmethod
    def of(cls, item: Item, reason: str) -> Unscheduled:
        """The row of ``item`` (a :class:`models.records.items.Item`)."""
        return cls(
            item_id=item.item_id,
            ref_id=item.ref_id,
            kind=item.kind,
            title=item.title,
            priority=item.priority,
            reason=reason,
        )


#: How a schedule was obtained (the Summary's ``method`` row).
SINGLE_MODEL = "single model"
DAY_BY_DAY = "day by day"
GREEDY_START = "greedy start (the search found nothing in its time)"


@dataclass(frozen=True)
class SolveInfo:
    """How a schedule was obtained; ``status`` is the solver's verdict
    (OPTIMAL only when proven)."""

    status: str
    objective: float | None = None
    best_bound: float | None = None
    solve_seconds: float = 0.0
    gap: float | None = None
    solutions: int = 0
    workers: int = 0
    seed: int = 0
    time_limit: float | None = None
    penalties: dict[str, int] = field(default_factory=dict)
    #: how it was solved: one model, day by day (no proven bound), or
    #: the greedy start when the search found nothing in its time
    method: str = SINGLE_MODEL
    #: whether the same input, seed and workers give the same schedule,
    #: and why (``yes: ...`` / ``no: ...``); ``None`` when not known
    reproducible: str | None = None


@dataclass(frozen=True)
class Schedule:
    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...] = ()
    info: SolveInfo | None = None
    generated_at: datetime | None = None
    event_name: str = ""
    scenario_source: str | None = None

    def by_item(self) -> dict[str, Assignment]:
        return {a.item_id: a for a in self.assignments}
