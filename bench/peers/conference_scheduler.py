"""PyCon UK's ``conference-scheduler`` (PuLP + CBC) as a peer.

Its model: events (duration, demand, tags, unavailability) into slots
(venue, start, duration, capacity); every event in exactly one slot, at
most one event per slot, an event never in a slot it is unavailable
for, and events that share a tag (or list each other) never in
concurrent slots. Its objectives are room-fit measures; it has no notion
of optional events. How our problem is put to it:

- slots: :mod:`bench.peers.cs_slots` (non-overlapping slots per room on
  a shared grid, slot sets, exhibition stands);
- an event's unavailability: every slot where it would break one of its
  own rules (room, length, window, grid, slot set, room closed, a
  participant unavailable);
- tags: the event's participants (person conflicts);
- optional events: one "left out" slot per event, far after the
  summit, that any event may take; the objective (given through the
  tool's ``objective_function`` hook) is our placement tier (left-out
  value × a weight above every soft cost; a mandatory event costs more
  than all optional ones together) plus room fit and preferred day,
  our soft rules that depend on one event's slot alone;
- independent parts (no shared person or room) are solved one after the
  other, which is exact and keeps the tool's model small; the time
  limit covers the whole run, model building included.

The tool writes a constraint for every pair of concurrent slots and
every pair of events that must not meet, so its model grows as (slots
at one time)² × (conflicting pairs); :func:`estimate` counts it first
and the run is refused above ``max_constraints``.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, replace

from conference_scheduler import scheduler as cs

from models.objective import objective_value, penalties
from models.records.scenario import Scenario
from models.records.schedule import Schedule, SolveInfo
from scheduler.search.construct.rows import assignment, schedule_of

from .cbc import DeadlineCBC, first_solution_at
from .cs_model import Part, estimate, objective
from .cs_slots import NotExpressible

TOOL = "conference-scheduler"
LEFT_OUT = "conference-scheduler: left out (in its overflow slot)"
NO_RUN = "conference-scheduler: no schedule"


@dataclass(frozen=True)
class CsResult:
    """``status``: SOLVED (CBC's best within the limit), NO_SOLUTION,
    TOO_LARGE (not run: model above the cap) or NOT_EXPRESSIBLE."""

    status: str
    schedule: Schedule | None
    seconds: float
    first_s: float | None
    constraints: int
    parts: int
    note: str = ""


def solve_cs(
    scenario: Scenario,
    time_limit: float,
    workers: int = 1,
    max_constraints: int = 1_500_000,
) -> CsResult:
    """Run conference-scheduler on ``scenario`` (side events and
    bilaterals only, see :mod:`bench.peers.subproblem`) within
    ``time_limit`` seconds, model building included."""
    t0 = time.monotonic()
    deadline = t0 + time_limit
    s = scenario
    try:
        parts, total = estimate(s)
    except NotExpressible as exc:
        return CsResult(
            "NOT_EXPRESSIBLE",
            None,
            time.monotonic() - t0,
            None,
            0,
            0,
            f"not in its model: {exc}",
        )
    if total > max_constraints:
        return CsResult(
            "TOO_LARGE",
            None,
            time.monotonic() - t0,
            None,
            total,
            len(parts),
            f"the tool's model would hold {total:,} constraints "
            f"(cap {max_constraints:,}); not run",
        )
    rows, reasons = [], {}
    first_at: float | None = t0
    weight_left = sum(len(p.events) * len(p.cs_slots) for p in parts)
    for p in parts:
        size = len(p.events) * len(p.cs_slots)
        now = time.monotonic()
        share = max(1.0, (deadline - now) * size / max(1, weight_left))
        weight_left -= size
        placed, at = _run_part(p, now + share, workers)
        if placed is None:
            first_at = None
            for it in p.items:
                reasons[it.item_id] = f"{NO_RUN} (no solution in time)"
            continue
        if first_at is not None:
            first_at = None if at is None else max(first_at, at)
        for i, j in placed:
            it = p.items[i]
            if j < len(p.slots):
                x = p.slots[j]
                rows.append(
                    assignment(s, it.item_id, x.lo, x.room_id, it.participants)
                )
    seconds = time.monotonic() - t0
    schedule = schedule_of(s, rows, reasons, LEFT_OUT)
    schedule = replace(
        schedule,
        info=SolveInfo(
            status="CBC",
            objective=objective_value(s, schedule),
            solve_seconds=round(seconds, 3),
            workers=workers,
            time_limit=time_limit,
            penalties=penalties(s, schedule),
        ),
    )
    return CsResult(
        "SOLVED" if not reasons else "NO_SOLUTION",
        schedule,
        seconds,
        None if first_at is None else first_at - t0,
        total,
        len(parts),
    )


def _run_part(p: Part, deadline: float, workers: int):
    """The tool's ``solution`` on one part: (event, slot) pairs and the
    moment of CBC's first integer solution; ``(None, None)`` if none."""
    fd, log = tempfile.mkstemp(suffix=".cbc.log")
    os.close(fd)
    solver = DeadlineCBC(deadline, msg=False, threads=workers, logPath=log)
    try:
        placed = cs.solution(
            p.events,
            p.cs_slots,
            objective_function=objective,
            solver=solver,
            costs=p.costs,
        )
    except ValueError:
        placed = None
    finally:
        with open(log) as f:
            text = f.read()
        os.unlink(log)
    at = (
        None
        if solver.returned_at is None
        else first_solution_at(text, solver.returned_at)
    )
    return placed, at
