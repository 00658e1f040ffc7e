"""The independent checker: verifies a schedule without the solver.

One function per hard rule id of :mod:`models.rules` (the same ids as the
CP-SAT model's catalogue), each reading only the scenario and the
schedule's rows, so a hand-edited schedule is checked exactly like one the
engine wrote.
"""

from __future__ import annotations

from collections.abc import Callable

from ..baseline import Baseline
from ..records.scenario import Scenario
from ..records.schedule import Schedule
from ..rules import HARD_RULES
from .baseline import baseline_pins
from .people import (
    daily_limit,
    person_available,
    person_no_overlap,
    person_travel,
)
from .protocol import (
    all_heads,
    arrival_gate,
    late_member,
    sequence_contiguous,
    sequence_order,
)
from .rooms import (
    exhibition_booths,
    room_allowed,
    room_no_overlap,
    room_open,
    vip_sweep,
)
from .security import no_arrivals
from .shape import item_shape, mandatory
from .time import (
    day_hours,
    event_order,
    fixed_start,
    slot_set,
    time_grid,
    time_window,
)
from .violation import Violation

Checker = Callable[[Scenario, Schedule], list[Violation]]
BaselineChecker = Callable[[Scenario, Schedule, Baseline], list[Violation]]

CHECKERS: dict[str, Checker] = {
    "item_shape": item_shape,
    "mandatory": mandatory,
    "room_allowed": room_allowed,
    "room_open": room_open,
    "room_no_overlap": room_no_overlap,
    "exhibition_booths": exhibition_booths,
    "vip_sweep": vip_sweep,
    "day_hours": day_hours,
    "time_grid": time_grid,
    "time_window": time_window,
    "fixed_start": fixed_start,
    "slot_set": slot_set,
    "event_order": event_order,
    "person_no_overlap": person_no_overlap,
    "person_travel": person_travel,
    "person_available": person_available,
    "daily_limit": daily_limit,
    "all_heads": all_heads,
    "arrival_gate": arrival_gate,
    "no_arrivals": no_arrivals,
    "sequence_order": sequence_order,
    "late_member": late_member,
    "sequence_contiguous": sequence_contiguous,
}

#: Checkers of the rules that hold against a baseline (what-if runs).
BASELINE_CHECKERS: dict[str, BaselineChecker] = {
    "baseline_pins": baseline_pins,
}


def check(
    scenario: Scenario, schedule: Schedule, baseline: Baseline | None = None
) -> list[Violation]:
    """Every violation of every hard rule, in catalogue order; the
    what-if rules too when a ``baseline`` is given."""
    out: list[Violation] = []
    for rule in HARD_RULES:
        if rule.rule_id in CHECKERS:
            out.extend(CHECKERS[rule.rule_id](scenario, schedule))
        elif baseline is not None:
            out.extend(
                BASELINE_CHECKERS[rule.rule_id](scenario, schedule, baseline)
            )
    return out


__all__ = ["BASELINE_CHECKERS", "CHECKERS", "Violation", "check"]
