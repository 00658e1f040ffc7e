"""First come, first served: how protocol offices schedule by hand.

Requests are taken in the order they were made (the scenario's row
order), with the fixed frame first as offices do: arrivals (flights are
given), then mandatory items, then optional ones. Each item goes to the
earliest start on its step grid and the first allowed room where it
breaks no hard rule given what is already placed; otherwise it is left
out. A protocol queue is filled right after its event is placed: members
in queue order, back to back from the event's start, each skipped if
they cannot be there then. Nothing placed is ever moved.

The incremental tests live in :mod:`bench.peers.board`; the result goes
through the full independent checker, and any item it flags is removed
(:mod:`bench.peers.prune`), so the schedule returned is one the checker
accepts unless a mandatory item could not be placed.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, replace

from models.items import Item
from models.objective import objective_value, penalties
from models.scenario import Scenario
from models.schedule import Schedule, SolveInfo

from .board import Board
from .prune import prune
from .queues import place_queue
from .rows import assignment, schedule_of
from .static import candidate_starts, room_ok

TOOL = "greedy"
REASON = "greedy: no free room and time"


@dataclass(frozen=True)
class GreedyResult:
    """The schedule, the wall seconds it took and how many placements
    the final check removed (0 when the incremental tests were right)."""

    schedule: Schedule
    seconds: float
    removed_by_check: int


def request_order(s: Scenario) -> list[Item]:
    """Arrivals, then mandatory items, then optional ones, each in row
    order; queue slots are not listed (see :func:`greedy`)."""
    items = [it for it in s.items if it.kind != "sequence"]
    arrivals = [it for it in items if it.kind == "arrival"]
    rest = [it for it in items if it.kind != "arrival"]
    return (
        arrivals
        + [it for it in rest if it.mandatory]
        + [it for it in rest if not it.mandatory]
    )


def place_item(board: Board, it: Item) -> bool:
    """Put ``it`` at its earliest start and first room that break no
    rule; ``False`` if there is none."""
    s = board.s
    for lo in candidate_starts(s, it):
        hi = lo + it.duration
        if not board.order_ok(it, lo, hi):
            continue
        for room_id in it.rooms:
            if not room_ok(s, it, lo, room_id):
                continue
            venue = board.venue(room_id)
            people = board.people_for(it, lo, hi, venue)
            if not all(board.person_ok(p, it, lo, hi, venue) for p in people):
                continue
            if not board.gate_ok(it, lo, venue):
                continue
            if not board.room_free(
                room_id,
                lo,
                hi,
                board.is_vip(people),
                board.demand(it, room_id),
            ):
                continue
            board.add(it, lo, room_id, people)
            return True
    return False


def greedy(scenario: Scenario) -> GreedyResult:
    """Schedule ``scenario`` first come, first served (see the module
    docstring)."""
    t0 = time.monotonic()
    s = scenario
    board = Board(s)
    queues: dict[str | None, list[str]] = defaultdict(list)
    for q in s.sequences:
        queues[q.within_event].append(q.sequence_id)
    order = request_order(s)
    first_optional = next(
        (k for k, it in enumerate(order) if not it.mandatory), len(order)
    )
    for k, it in enumerate(order):
        if k == first_optional:
            for q in queues[None]:
                place_queue(board, q)
        if place_item(board, it) and it.kind == "event":
            for q in queues[it.ref_id]:
                place_queue(board, q)
    if first_optional == len(order):
        for q in queues[None]:
            place_queue(board, q)
    rows = [
        assignment(s, p.item.item_id, p.lo, p.room, p.people)
        for p in board.placed.values()
    ]
    schedule, removed = prune(s, schedule_of(s, rows, {}, REASON), TOOL)
    seconds = time.monotonic() - t0
    info = SolveInfo(
        status="HEURISTIC",
        objective=objective_value(s, schedule),
        solve_seconds=round(seconds, 3),
        penalties=penalties(s, schedule),
    )
    return GreedyResult(replace(schedule, info=info), seconds, removed)
