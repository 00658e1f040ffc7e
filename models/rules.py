"""The catalogue of rules: one id per rule, shared by the CP-SAT model
(``scheduler.model.constraints`` for the hard rules,
``scheduler.model.objective`` for the soft ones), the independent checker
(``models.checker``) and the objective recomputed from a schedule
(``models.objective``), explanations and the workbook. Each statement is
the rule in one sentence; a soft rule has its weight (penalty units, see
:mod:`models.objective`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RuleInfo:
    rule_id: str
    hard: bool
    name: str
    statement: str
    #: a soft rule's weight in the objective (hard rules: 0)
    weight: int = 0


HARD_RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "item_shape",
        True,
        "Item shape",
        "Each schedule row is a known item, placed at most once, lasting "
        "exactly its duration, with its people.",
    ),
    RuleInfo(
        "mandatory",
        True,
        "Mandatory items",
        "Every mandatory item is placed: mandatory events, bilaterals "
        "and queue members (in their own list or, moved, in another), "
        "and every arrival.",
    ),
    RuleInfo(
        "room_allowed",
        True,
        "Allowed room",
        "Each placed item is in one of its allowed rooms: right kind or "
        "listed, with every required feature and seats for its "
        "attendance.",
    ),
    RuleInfo(
        "room_open",
        True,
        "Room open",
        "An item lies inside its room's availability and outside closed "
        "windows on the room, its kind, its venue or all.",
    ),
    RuleInfo(
        "room_no_overlap",
        True,
        "Room conflict",
        "Items in one room (other than an exhibition room) never overlap "
        "and keep the room's changeover minutes between them; two lists "
        "held in one room never run at once, inside one event included.",
    ),
    RuleInfo(
        "exhibition_booths",
        True,
        "Booth capacity",
        "At any time an exhibition room holds exhibitions up to its "
        "booth units; any other item takes the whole room.",
    ),
    RuleInfo(
        "vip_sweep",
        True,
        "Security sweep",
        "A room stays empty for vip_sweep_minutes before each VIP item "
        "(an item with a participant of vip_rank or higher).",
    ),
    RuleInfo(
        "day_hours",
        True,
        "Day hours",
        "Every item lies within one event day, between day_start and day_end.",
    ),
    RuleInfo(
        "time_grid",
        True,
        "Time grid",
        "Events and bilaterals start on the time-step grid counted from "
        "day_start, arrivals on whole minutes, queue slots on whole "
        "seconds.",
    ),
    RuleInfo(
        "time_window",
        True,
        "Time window",
        "An item lies inside its earliest..latest window; a reception "
        "starts inside its arrival window.",
    ),
    RuleInfo(
        "fixed_start",
        True,
        "Fixed start",
        "An event with a fixed start starts exactly then.",
    ),
    RuleInfo(
        "slot_set",
        True,
        "Slot set",
        "An event with a slot set starts at the start of one slot of "
        "the set and ends inside that slot.",
    ),
    RuleInfo(
        "event_order",
        True,
        "Event order",
        "An event starts only after every event in its after list has ended.",
    ),
    RuleInfo(
        "person_no_overlap",
        True,
        "Person conflict",
        "Nobody is in two items at once, and between two items in one "
        "venue a person has the same-venue buffer.",
    ),
    RuleInfo(
        "person_travel",
        True,
        "Travel time",
        "Between items at two venues a person has the travel time "
        "between them (or the buffer if longer).",
    ),
    RuleInfo(
        "person_available",
        True,
        "Availability",
        "A person takes part only inside their availability and outside "
        "closed windows on them or their delegation.",
    ),
    RuleInfo(
        "daily_limit",
        True,
        "Daily limit",
        "A person takes part in at most max_items_per_day events and "
        "bilaterals on one day.",
    ),
    RuleInfo(
        "all_heads",
        True,
        "All heads attend",
        "An all_heads event has every head of a confirmed delegation "
        "who is present for its whole span (arrived and available) "
        "among its participants, and no absent head.",
    ),
    RuleInfo(
        "arrival_gate",
        True,
        "Arrival first",
        "Nothing of a delegation starts before its reception ends plus "
        "the travel time from the arrival point to the item's venue.",
    ),
    RuleInfo(
        "no_arrivals",
        True,
        "Motorcade window",
        "No reception overlaps a no_arrivals window on its point, its "
        "venue, its delegation or all.",
    ),
    RuleInfo(
        "sequence_order",
        True,
        "Protocol order",
        "The members of a queue placed in order follow its order of "
        "precedence (side, rank, the list's tie-break; reversed for a "
        "reverse_precedence list), a member with a fixed position holds "
        "it, and members placed late come after them, in the same order.",
    ),
    RuleInfo(
        "late_member",
        True,
        "Late members",
        "A queue member is placed late (after the list) or moved to "
        "another list only when the list's late policy allows it and they "
        "could not be there at their turn (not yet arrived, not "
        "available, or in another list then), and is placed in one list "
        "only.",
    ),
    RuleInfo(
        "sequence_contiguous",
        True,
        "Queue timing",
        "A queue's slots follow each other back to back (plus the gap) "
        "in its room, inside its event's span or its window; a member "
        "placed late may wait after the slot before theirs.",
    ),
    RuleInfo(
        "baseline_pins",
        True,
        "What-if pins",
        "In a what-if run, a locked baseline item, or one that starts "
        "before the freeze time, keeps its start and room, and nothing "
        "new starts before the freeze time.",
    ),
)

#: Hard rules that hold only against a baseline (what-if runs): their
#: checkers take the baseline too.
BASELINE_RULES = ("baseline_pins",)

SOFT_RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "prefer_day",
        False,
        "Preferred day",
        "An event with a preferred day is held on that day.",
        weight=20,
    ),
    RuleInfo(
        "track_parallel",
        False,
        "Track in parallel",
        "Two events of one track do not run at the same time.",
        weight=30,
    ),
    RuleInfo(
        "queue_late",
        False,
        "Late or moved members",
        "A queue member takes their place in the order rather than a "
        "place after the list or in another list.",
        weight=10,
    ),
    RuleInfo(
        "room_fit",
        False,
        "Room fits audience",
        "An event or bilateral is held in a room not much larger than "
        "its audience.",
        weight=1,
    ),
    RuleInfo(
        "bilateral_venue_grouping",
        False,
        "Bilaterals grouped",
        "A principal's bilaterals are held in as few venues as possible.",
        weight=10,
    ),
)

ALL_RULES = HARD_RULES + SOFT_RULES
RULE_BY_ID = {r.rule_id: r for r in ALL_RULES}
