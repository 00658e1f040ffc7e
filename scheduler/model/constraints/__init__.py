"""The catalogue of hard rules of the CP-SAT model.

One named function per rule, with the rule in one sentence as its
docstring; ids are those of :mod:`models.rules` and of the independent
checker :mod:`models.checker`. The list is in build order: rules that
narrow start domains come first so later rules can skip pairs that can
never meet.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import BuildContext
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

Rule = Callable[[BuildContext], None]

HARD: dict[str, Rule] = {
    "day_hours": day_hours,
    "time_grid": time_grid,
    "time_window": time_window,
    "fixed_start": fixed_start,
    "slot_set": slot_set,
    "room_open": room_open,
    "person_available": person_available,
    "no_arrivals": no_arrivals,
    "room_allowed": room_allowed,
    "item_shape": item_shape,
    "mandatory": mandatory,
    "all_heads": all_heads,
    "vip_sweep": vip_sweep,  # before room_no_overlap: pools read its widths
    "room_no_overlap": room_no_overlap,
    "exhibition_booths": exhibition_booths,
    "event_order": event_order,
    "person_no_overlap": person_no_overlap,
    "person_travel": person_travel,
    "daily_limit": daily_limit,
    "arrival_gate": arrival_gate,
    "sequence_contiguous": sequence_contiguous,
    "sequence_order": sequence_order,
    "late_member": late_member,
    "baseline_pins": baseline_pins,  # what-if runs only (ctx.baseline)
}
