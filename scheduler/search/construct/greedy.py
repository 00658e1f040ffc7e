"""A greedy schedule: first come, first served, or most valuable first.

With ``order="rows"`` this is how protocol offices schedule by hand
(the peer in ``bench/``): requests are taken in the order they were
made (the scenario's row order). With ``order="value"`` (the engine's
warm start, see :func:`scheduler.search.solve.solve`) optional requests are
taken most valuable first. Either way the fixed frame comes first as
offices do: arrivals (flights are given), then mandatory items, then
optional ones. Each item goes to the
earliest start on its step grid and the first allowed room where it
breaks no hard rule given what is already placed; otherwise it is left
out. Its rooms are tried in the order listed, as a clerk would, or in
the engine's warm start the least wanted first
(:func:`scheduler.search.construct.static.least_wanted_first`). A
protocol queue is filled right after its event is placed: members in
queue order, back to back from the event's start, each skipped if
they cannot be there then. Nothing placed is ever moved.

The incremental tests live in :mod:`scheduler.search.construct.board`;
the result goes through the full independent checker, and any item it
flags is removed (:mod:`scheduler.search.construct.prune`), so the
schedule returned is one the checker accepts unless a mandatory item
could not be placed.
"""

from __future__ import annotations

import bisect
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.objective import objective_value, penalties
from models.records.items import Item
from models.records.scenario import Scenario
from models.records.schedule import Assignment, Schedule, SolveInfo

from ... import interrupts
from ..work import Steps
from .board import Board
from .prune import prune
from .queues import place_queue
from .rows import assignment, schedule_of
from .static import least_wanted_first, open_starts

TOOL = "greedy"
REASON = "greedy: no free room and time"
UNTRIED = "greedy: stopped at its time limit before trying it"


@dataclass(frozen=True)
class GreedyResult:
    """The schedule, the wall seconds it took and how many placements
    the final check removed (0 when the incremental tests were right)."""

    schedule: Schedule
    seconds: float
    removed_by_check: int


#: The orders :func:`greedy` knows.
ORDERS = ("rows", "value")


def request_order(s: Scenario, order: str = "rows") -> list[Item]:
    """Arrivals, then mandatory items, then optional ones, each in row
    order (``"rows"``) or optional ones most valuable first (``"value"``,
    row order breaking ties); queue slots are not listed (see
    :func:`greedy`)."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
    items = [it for it in s.items if it.kind != "sequence"]
    arrivals = [it for it in items if it.kind == "arrival"]
    rest = [it for it in items if it.kind != "arrival"]
    optional = [it for it in rest if not it.mandatory]
    if order == "value":
        optional.sort(key=lambda it: -it.value)  # stable: row order ties
    return arrivals + [it for it in rest if it.mandatory] + optional


def place_item(
    board: Board,
    it: Item,
    not_before: int = 0,
    first: tuple[int, str] | None = None,
) -> bool:
    """Put ``it`` at its earliest start (not before ``not_before``) and
    first room that break no rule, trying ``first`` (a start and a room:
    where a what-if run's baseline had it) before any other; ``False`` if
    there is none."""
    s = board.s
    options = open_starts(s, it)
    if first is not None and first[0] >= not_before:
        lo, room_id = first
        k = bisect.bisect_left(options, (lo,))
        if (
            k < len(options)
            and options[k][0] == lo
            and room_id in options[k][1]
            and _try(board, it, [(lo, (room_id,))])
        ):
            return True
    if not_before > 0:
        options = options[bisect.bisect_left(options, (not_before,)) :]
    return _try(board, it, options)


def _try(board: Board, it: Item, options) -> bool:
    """Place ``it`` at the first of ``options`` (sorted ``(start,
    rooms)``) that breaks no rule."""
    k = 0
    while k < len(options):
        lo, rooms = options[k]
        k += 1
        hi = lo + it.duration
        if not board.order_ok(it, lo, hi):
            continue
        # who is busy, and whether they all may be there, depends on the
        # room only through its venue: test each venue once per start
        by_venue: dict[str, tuple[str, ...] | None] = {}
        skip = None  # no start before this can work in any venue tried
        if board.room_rank:
            rooms = sorted(rooms, key=board.room_rank.__getitem__)
        for room_id in rooms:
            venue = board.venue(room_id)
            if venue not in by_venue:
                people = board.people_for(it, lo, hi, venue)
                nxt = None
                for p in people:
                    nxt = board.person_next(p, it, lo, hi, venue)
                    if nxt is not None:
                        break
                ok = nxt is None and board.gate_ok(it, lo, venue)
                by_venue[venue] = people if ok else None
                if nxt is None:
                    nxt = lo + 1
                skip = nxt if skip is None else min(skip, nxt)
            people = by_venue[venue]
            if people is None:
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
        if skip is not None and all(x is None for x in by_venue.values()):
            k = max(k, bisect.bisect_left(options, (skip,)))
    return False


def _keep_queue(board: Board, rows: list[Assignment], seq_id: str) -> None:
    """Put a queue's slots on the board as they are (a what-if run's
    queue with a slot before the freeze may not move)."""
    s = board.s
    seq = s.sequence_by_id[seq_id]
    mine = [
        (s.item_by_id[a.item_id], s.grid.to_index(a.start), a)
        for a in rows
        if s.item_by_id[a.item_id].sequence_id == seq_id
    ]
    if not mine:
        return
    for it, lo, a in mine:
        board.add(it, lo, a.room_id, a.participants, use=False)
        if a.note:
            board.notes[it.item_id] = a.note
    event = board.placed.get(f"E:{seq.within_event}")
    if event is None or event.room != seq.room_id:
        q_lo = min(lo for _, lo, _ in mine)
        q_hi = max(lo + it.duration for it, lo, _ in mine)
        people = [p for it, _, _ in mine for p in it.participants]
        room = s.room_by_id[seq.room_id]
        board.add_use(
            seq.room_id, q_lo, q_hi, board.is_vip(people), room.capacity
        )


#: Optional requests a repeatable run's greedy tries per nominal second
#: (the sample's 501 items take about 0.3 s on an idle core, 1 s at a
#: third of a core).
STEPS_PER_SECOND = 500


def greedy(
    scenario: Scenario,
    order: str = "rows",
    seconds: float | None = None,
    keep: Sequence[Assignment] = (),
    not_before: int = 0,
    moved: Sequence[Assignment] = (),
    complete_only: bool = False,
    keep_queues: frozenset[str] = frozenset(),
    nominal: float | None = None,
) -> GreedyResult:
    """Schedule ``scenario`` greedily in the given ``order`` (see the
    module docstring). With ``seconds``, optional requests not reached by
    then are left out untried (reason :data:`UNTRIED`); arrivals and
    mandatory items are always tried.

    ``keep`` (a what-if run's repair): rows placed first, as they are;
    queue slots too when their queue is in ``keep_queues`` or has one
    before ``not_before`` (the freeze), otherwise their queues are filled
    again in order; every
    other item starts at ``not_before`` (a time index) or later, and the
    rows of ``moved`` (the baseline's other rows) are tried at their old
    start and room first. With ``complete_only`` a board that misses a
    mandatory item is returned as it is, without the (then useless and,
    on a crowded board, slow) final check. With
    ``nominal`` too (a repeatable run), the optional requests tried are
    counted instead: :data:`STEPS_PER_SECOND` for each nominal second,
    whatever the machine's load (``seconds`` is then only a safety
    net)."""
    t0 = time.monotonic()
    steps = (
        None
        if seconds is None
        else Steps(seconds, nominal, STEPS_PER_SECOND, "greedy start")
    )
    untried: dict[str, str] = {}
    s = scenario
    board = Board(s)
    if order == "value":
        board.room_rank = least_wanted_first(s)
    queues: dict[str | None, list[str]] = defaultdict(list)
    for q in s.sequences:
        queues[q.within_event].append(q.sequence_id)
    frozen = set(keep_queues) | {
        s.item_by_id[a.item_id].sequence_id
        for a in keep
        if a.kind == "sequence" and s.grid.to_index(a.start) < not_before
    }
    kept_events = []
    for a in keep:
        it = s.item_by_id[a.item_id]
        if it.kind != "sequence":
            board.add(it, s.grid.to_index(a.start), a.room_id, a.participants)
            if it.kind == "event":
                kept_events.append(it.ref_id)
    for seq_id in frozen:
        _keep_queue(board, [a for a in keep if a.kind == "sequence"], seq_id)
    for ref, ids in queues.items():
        queues[ref] = [q for q in ids if q not in frozen]
    # a kept event's queues wait until every arrival and mandatory item
    # is placed, as the queues outside any event do
    for ref in kept_events:
        queues[None].extend(queues.pop(ref, []))
    order = [
        it for it in request_order(s, order) if it.item_id not in board.placed
    ]
    first_optional = next(
        (k for k, it in enumerate(order) if not it.mandatory), len(order)
    )
    before = {
        a.item_id: (s.grid.to_index(a.start), a.room_id)
        for a in moved
        if a.kind != "sequence"
    }
    for k, it in enumerate(order):
        if k >= first_optional and (
            interrupts.stopped() or (steps is not None and steps.over())
        ):
            untried = {x.item_id: UNTRIED for x in order[k:]}
            untried.update(
                (x.item_id, UNTRIED) for x in s.items if x.kind == "sequence"
            )
            break
        if k == first_optional:
            for q in queues[None]:
                place_queue(board, q)
        if (
            place_item(board, it, not_before, before.get(it.item_id))
            and it.kind == "event"
        ):
            for q in queues[it.ref_id]:
                place_queue(board, q)
    if first_optional == len(order) and not untried:
        for q in queues[None]:
            place_queue(board, q)
    rows = [
        assignment(
            s,
            p.item.item_id,
            p.lo,
            p.room,
            p.people,
            board.notes.get(p.item.item_id, ""),
        )
        for p in board.placed.values()
    ]
    schedule = schedule_of(s, rows, untried, REASON)
    placed = board.placed
    if not complete_only or all(
        it.item_id in placed for it in s.items if it.mandatory
    ):
        schedule, removed = prune(s, schedule, TOOL)
    else:  # a mandatory item is out: no use mending the rest
        removed = 0
    seconds = time.monotonic() - t0
    info = SolveInfo(
        status="HEURISTIC",
        objective=objective_value(s, schedule),
        solve_seconds=round(seconds, 3),
        penalties=penalties(s, schedule),
    )
    return GreedyResult(replace(schedule, info=info), seconds, removed)
