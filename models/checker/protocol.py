"""Checker twins of the protocol rules: every head at the all-heads
events, nothing before a delegation's arrival, and the queues' order
and timing."""

from __future__ import annotations

import itertools
from collections import defaultdict

from .. import intervals as iv
from ..records.scenario import Scenario
from ..records.schedule import Assignment, Schedule
from .violation import Violation, hm, known_rows, label, span, venue


def _queues(s: Scenario, schedule: Schedule) -> dict[str, list[Assignment]]:
    out: dict[str, list[Assignment]] = defaultdict(list)
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if it.kind == "sequence":
            out[it.sequence_id].append(a)
    for rows in out.values():
        rows.sort(key=lambda a: a.start)
    return out


def sequence_order(s: Scenario, schedule: Schedule) -> list[Violation]:
    """The present members of a queue follow its precedence (or reverse
    precedence) order with the tie-break, and a member with a fixed
    position holds it."""
    out = []
    for seq_id, rows in _queues(s, schedule).items():
        placed = [s.item_by_id[a.item_id].participants[0] for a in rows]
        expected = [p for p in s.queue_order(seq_id) if p in placed]
        if placed != expected:
            k = next(
                i
                for i, (x, y) in enumerate(zip(placed, expected, strict=True))
                if x != y
            )
            out.append(
                Violation(
                    "sequence_order",
                    f"In {seq_id}, place {k + 1} goes to "
                    f"{expected[k]} by protocol order, not {placed[k]}",
                    tuple(a.item_id for a in rows[k : k + 2]),
                    (expected[k], placed[k]),
                )
            )
        for k, a in enumerate(rows, start=1):
            it = s.item_by_id[a.item_id]
            if a.position is not None and a.position != k:
                out.append(
                    Violation(
                        "sequence_order",
                        f"{a.item_id} is listed at position "
                        f"{a.position} but is number {k} in time order",
                        (a.item_id,),
                    )
                )
            if it.fixed_position is not None and it.fixed_position != k:
                out.append(
                    Violation(
                        "sequence_order",
                        f"{a.item_id} must hold position "
                        f"{it.fixed_position}, holds {k}",
                        (a.item_id,),
                    )
                )
    return out


def sequence_contiguous(s: Scenario, schedule: Schedule) -> list[Violation]:
    """A queue's slots follow each other back to back (plus the gap) in
    its room, inside its event's span or its window."""
    out = []
    rows_by_id = {a.item_id: a for a in known_rows(s, schedule)}
    for seq_id, rows in _queues(s, schedule).items():
        seq = s.sequence_by_id[seq_id]
        for a, b in itertools.pairwise(rows):
            gap = (b.start - a.end).total_seconds()
            if gap != seq.gap_seconds:
                out.append(
                    Violation(
                        "sequence_contiguous",
                        f"In {seq_id}, {b.item_id} "
                        f"starts {int(gap)} s after {a.item_id} ends; "
                        "the queue runs back to back with "
                        f"{seq.gap_seconds} s gaps",
                        (a.item_id, b.item_id),
                    )
                )
        for a in rows:
            if a.room_id != seq.room_id:
                out.append(
                    Violation(
                        "sequence_contiguous",
                        f"{a.item_id} is in {a.room_id},"
                        f" not in the queue's room {seq.room_id}",
                        (a.item_id,),
                    )
                )
        lo, hi = span(s, rows[0])[0], span(s, rows[-1])[1]
        if seq.within_event:
            ev = rows_by_id.get(f"E:{seq.within_event}")
            if ev is None:
                out.append(
                    Violation(
                        "sequence_contiguous",
                        f"{seq_id} runs inside "
                        f"{seq.within_event}, which is not scheduled",
                        tuple(a.item_id for a in rows),
                    )
                )
                continue
            w_lo, w_hi = span(s, ev)
        else:
            g = s.grid
            w_lo, w_hi = g.to_index(seq.earliest), g.to_index(seq.latest)
        if lo < w_lo or hi > w_hi:
            out.append(
                Violation(
                    "sequence_contiguous",
                    f"{seq_id} runs "
                    f"{hm(rows[0].start)}-{rows[-1].end:%H:%M:%S}, "
                    f"outside its span {hm(s.grid.to_datetime(w_lo))}-"
                    f"{s.grid.to_datetime(w_hi):%H:%M}",
                    tuple(a.item_id for a in rows),
                )
            )
    return out


def _arrivals(s: Scenario, schedule: Schedule) -> dict[str, Assignment]:
    return {
        a.ref_id: a for a in known_rows(s, schedule) if a.kind == "arrival"
    }


def head_present(
    s: Scenario, h: str, a: Assignment, arrivals: dict[str, Assignment]
) -> bool:
    """A head is present for ``a`` when free for its whole span and, if
    their delegation has an arrival, arrived (plus travel) by its start."""
    lo, hi = span(s, a)
    if not iv.contains(s.person_free(h), lo, hi):
        return False
    d = s.delegation_of(h)
    if d not in s.arrival_by_delegation:
        return True
    arr = arrivals.get(d)
    if arr is None:
        return False
    need = span(s, arr)[1] + s.travel_seconds(venue(s, arr), venue(s, a))
    return lo >= need


def all_heads(s: Scenario, schedule: Schedule) -> list[Violation]:
    """An all_heads event has every head of a confirmed delegation who is
    present for its whole span (arrived and available) among its
    participants, and no absent head."""
    out = []
    arrivals = _arrivals(s, schedule)
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if not it.all_heads:
            continue
        for h in s.heads:
            present = head_present(s, h, a, arrivals)
            listed = h in a.participants
            if present and not listed:
                out.append(
                    Violation(
                        "all_heads",
                        f"the head of {h} is present but not "
                        f"listed in {label(a)}",
                        (a.item_id,),
                        (h,),
                    )
                )
            elif listed and not present and h not in it.participants:
                out.append(
                    Violation(
                        "all_heads",
                        f"the head of {h} is listed in {label(a)} "
                        "but is not present (not arrived or not available)",
                        (a.item_id,),
                        (h,),
                    )
                )
    return out


def arrival_gate(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Nothing of a delegation starts before its reception ends plus the
    travel time from the arrival point to the item's venue."""
    out = []
    arrivals = _arrivals(s, schedule)
    for a in known_rows(s, schedule):
        for d in dict.fromkeys(
            s.delegation_of(p) for p in a.participants if p in s.persons
        ):
            arr = arrivals.get(d)
            if arr is None or arr.item_id == a.item_id:
                continue
            need = span(s, arr)[1] + s.travel_seconds(
                venue(s, arr), venue(s, a)
            )
            if span(s, a)[0] < need:
                out.append(
                    Violation(
                        "arrival_gate",
                        f"{label(a)} starts before {d} can be "
                        f"there (reception {label(arr)} plus travel)",
                        (a.item_id, arr.item_id),
                        (d,),
                    )
                )
    return out
