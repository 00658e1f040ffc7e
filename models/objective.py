"""The objective, documented in one place.

The engine minimises, lexicographically by construction:

1. **Placement** – the value of optional items left out. An item's value is
   ``10 × priority + rank bonus`` (:func:`models.records.items.item_value`)
   where the rank bonus is that of its most senior *guest*: ``11 −
   precedence`` of that guest's rank, kept to 0..10. The host side's
   people (host and ``co_host`` delegations, ``co_chair`` people) do not
   count, so a host leader's meeting with a visiting head of state is
   worth more than one with a visiting vice-minister; an item with no
   guest gets 0, an all_heads event 10. With the default ranks:

   ====  ==================================  ===========  =====
   rank  label                               precedence   bonus
   ====  ==================================  ===========  =====
   HOS   Head of State                       1            10
   VP    Vice-President / Crown Prince       2            9
   HOG   Head of Government                  3            8
   DPM   Deputy Prime Minister               4            7
   FM    Foreign Minister                    5            6
   MIN   Minister                            6            5
   VMIN  Vice-Minister                       7            4
   AMB   Ambassador / Permanent Rep.         8            3
   IOH   Head of an International Org.       9            2
   OFF   Senior Official                     10           1
   ====  ==================================  ===========  =====

   A Ranks sheet of its own follows the same formula (a rank of
   precedence 2 such as the sample's UN Secretary-General: 9). So
   priority decides first within one item, then the rank of the guest.
   A queue member placed late or moved to another list counts as
   placed (their slot in another list is never a request of its own).
2. **Moves** (what-if runs only) – the cost of moving baseline items that
   were already announced (:mod:`models.baseline`).
3. **Soft preferences** – the weighted penalties below.

The soft tier's multiplier is 1 and each higher tier's is 1 + the largest
soft total, so no amount of soft gain ever pays for leaving out an item
or for one unit of move cost. Between placement and moves the ratio is
``PLACE_OVER_MOVE`` (below): strict enough that a what-if run moves many
announced items before it drops a priority item, loose enough for the
solver's arithmetic. Every term is also
computed here from a finished schedule, without the solver, so the
checker can recompute the objective.

Soft rules and weights (penalty units):

- ``prefer_day`` (20): 1 per event held on another day than its
  preferred day.
- ``track_parallel`` (30): 1 per pair of events of one track that overlap
  in time.
- ``queue_late`` (10): 1 per queue member placed after the list or moved
  to another list rather than at their place in the order.
- ``room_fit`` (1): 1 per 50 empty seats (capacity − attendance) of an
  event or bilateral (not exhibition rooms, not queues, not arrivals).
- ``bilateral_venue_grouping`` (10): per person with bilaterals, the number
  of distinct venues of their placed bilaterals minus one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from .intervals import overlaps
from .records.schedule import is_late
from .rules import SOFT_RULES

if TYPE_CHECKING:
    from .baseline import Baseline
    from .records.items import Item
    from .records.scenario import Scenario
    from .records.schedule import Schedule

#: In what-if runs, one unit of placement value is worth this many units of
#: move cost: placing a priority-3 item of a minister (value 34) is worth
#: moving about 50 ordinary items by an hour, or 20 VIP items. Not strict:
#: a strict tier would need weights of 10^12 that no solver handles well.
PLACE_OVER_MOVE = 60

#: Soft rule id -> weight, from the catalogue (:mod:`models.rules`).
WEIGHTS: dict[str, int] = {r.rule_id: r.weight for r in SOFT_RULES}
ROOM_FIT_SEATS = 50


def room_fit_units(scenario: Scenario, item: Item, room_id: str) -> int:
    """Penalty units for holding ``item`` in ``room_id``."""
    if item.kind not in ("event", "bilateral"):
        return 0
    room = scenario.room_by_id[room_id]
    if room.kind == "exhibition":
        return 0
    return max(0, room.capacity - item.attendance) // ROOM_FIT_SEATS


def track_pairs(scenario: Scenario) -> list[tuple[Item, Item]]:
    """Pairs of events that share a track."""
    by_track: dict[str, list[Item]] = defaultdict(list)
    for it in scenario.items:
        if it.kind == "event" and it.track:
            by_track[it.track].append(it)
    return [p for lst in by_track.values() for p in combinations(lst, 2)]


def bilateral_people(scenario: Scenario) -> dict[str, list[Item]]:
    """Each person's bilateral items (people with two or more)."""
    out: dict[str, list[Item]] = defaultdict(list)
    for it in scenario.items:
        if it.kind == "bilateral":
            for p in it.participants:
                out[p].append(it)
    return {p: lst for p, lst in out.items() if len(lst) > 1}


def soft_upper_bounds(scenario: Scenario) -> dict[str, int]:
    """The most penalty units each soft rule can reach."""
    s = scenario
    venue_of = {r.room_id: r.venue_id for r in s.rooms}
    day_ub = sum(
        1
        for it in s.items
        if it.kind == "event" and it.preferred_day is not None
    )
    fit_ub = sum(
        max((room_fit_units(s, it, r) for r in it.rooms), default=0)
        for it in s.items
    )
    group_ub = 0
    for lst in bilateral_people(s).values():
        venues = {venue_of[r] for it in lst for r in it.rooms}
        group_ub += max(0, min(len(lst), len(venues)) - 1)
    return {
        "prefer_day": day_ub,
        "track_parallel": len(track_pairs(s)),
        "queue_late": sum(
            1 for it in s.items if it.late_ok or it.is_alternative
        ),
        "room_fit": fit_ub,
        "bilateral_venue_grouping": group_ub,
    }


def soft_weight_total(scenario: Scenario) -> int:
    ub = soft_upper_bounds(scenario)
    return sum(WEIGHTS[k] * ub[k] for k in WEIGHTS)


def tier_weights(
    scenario: Scenario, baseline: Baseline | None = None
) -> tuple[int, int]:
    """Multipliers of the placement and the moves tiers."""
    soft = soft_weight_total(scenario)
    if baseline is None:
        return soft + 1, 0
    move_w = soft + 1
    return move_w * PLACE_OVER_MOVE, move_w


def placement_weight(
    scenario: Scenario, baseline: Baseline | None = None
) -> int:
    """Multiplier of the placement tier (see the module docstring)."""
    return tier_weights(scenario, baseline)[0]


def penalties(scenario: Scenario, schedule: Schedule) -> dict[str, int]:
    """Penalty units per soft rule, and ``unplaced_value``, of a schedule."""
    s = scenario
    g = s.grid
    placed = schedule.by_item()
    items = s.item_by_id
    out = dict.fromkeys(WEIGHTS, 0)
    held = {items[i].own_item_id for i in placed if i in items}
    out["unplaced_value"] = sum(
        it.value
        for it in s.items
        if not it.mandatory
        and not it.is_alternative
        and it.item_id not in held
    )
    for iid, a in placed.items():
        it = items.get(iid)
        if it is None:
            continue
        if it.is_alternative or is_late(a):
            out["queue_late"] += 1
        if (
            it.kind == "event"
            and it.preferred_day is not None
            and g.day_index(g.to_index(a.start)) != it.preferred_day
        ):
            out["prefer_day"] += 1
        if a.room_id in s.room_by_id:
            out["room_fit"] += room_fit_units(s, it, a.room_id)
    for x, y in track_pairs(s):
        ax, ay = placed.get(x.item_id), placed.get(y.item_id)
        if (
            ax
            and ay
            and overlaps(
                g.to_index(ax.start),
                g.to_index(ax.end),
                g.to_index(ay.start),
                g.to_index(ay.end),
            )
        ):
            out["track_parallel"] += 1
    for lst in bilateral_people(s).values():
        venues = {
            placed[it.item_id].venue_id for it in lst if it.item_id in placed
        }
        out["bilateral_venue_grouping"] += max(0, len(venues) - 1)
    return out


def objective_value(
    scenario: Scenario, schedule: Schedule, baseline: Baseline | None = None
) -> int:
    """The objective the engine minimises, recomputed from a schedule
    (and, for a what-if run, its baseline)."""
    pen = penalties(scenario, schedule)
    soft = sum(WEIGHTS[k] * pen[k] for k in WEIGHTS)
    place_w, move_w = tier_weights(scenario, baseline)
    moves = 0
    if baseline is not None:
        from .baseline import moves_cost

        moves = moves_cost(scenario, baseline, schedule)
    return place_w * pen["unplaced_value"] + move_w * moves + soft


def placement_proven(scenario: Scenario, schedule: Schedule) -> bool:
    """Whether the schedule's bound proves that no schedule leaves out
    less value than it does: what it may lack is then in the soft
    preferences alone (a gap, however large in per cent, of rooms that
    fit and venues per principal, not of requests left out).

    Any schedule's objective is ``W × value left out + soft`` with the
    soft part below the placement weight ``W`` and at least 0, and it is
    at least the bound: so no schedule leaves out less than ``ceil((bound
    − W + 1) / W)``. A schedule that leaves out nothing proves it
    without a bound. Said only where the schedule's recorded objective
    is the one recomputed here (a run without a baseline, never edited
    since), so that its bound is in the same units."""
    info = schedule.info
    if info is None or info.best_bound is None or info.objective is None:
        return False
    if objective_value(scenario, schedule) != round(info.objective):
        return False
    weight = placement_weight(scenario)
    left_out = penalties(scenario, schedule)["unplaced_value"]
    # objectives are whole: any schedule's is at least the bound rounded up
    bound = math.ceil(info.best_bound - 1e-6)
    least = -(-(bound - weight + 1) // weight)  # rounded up
    return left_out <= max(0, least)
