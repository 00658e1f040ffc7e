"""Checker twins of the protocol rules: every head at the all-heads
events, nothing before a delegation's arrival, and the queues' order
and timing."""

from __future__ import annotations

import itertools
from collections import defaultdict

from .. import intervals as iv
from ..records.items import event_item_id
from ..records.scenario import Scenario
from ..records.schedule import Assignment, Schedule, is_late
from .violation import Violation, hm, known_rows, label, span, venue


def _queues(s: Scenario, schedule: Schedule) -> dict[str, list[Assignment]]:
    out: dict[str, list[Assignment]] = defaultdict(list)
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if it.kind == "sequence":
            out[it.list_id].append(a)
    for rows in out.values():
        rows.sort(key=lambda a: a.start)
    return out


def _split(
    rows: list[Assignment],
) -> tuple[list[Assignment], list[Assignment]]:
    """A list's rows (in time order) in order, and those marked late."""
    return (
        [a for a in rows if not is_late(a)],
        [a for a in rows if is_late(a)],
    )


def sequence_order(s: Scenario, schedule: Schedule) -> list[Violation]:
    """The members of a queue placed in order follow its order of
    precedence (side, rank, the list's tie-break; reversed for a
    reverse_precedence list), a member with a fixed position holds it,
    and members placed late come after them, in the same order."""
    out = []
    for seq_id, rows in _queues(s, schedule).items():
        ordered, late = _split(rows)
        for part, what in ((ordered, "in order"), (late, "late")):
            out += _follows_order(s, seq_id, part, what)
        if ordered and late and late[0].start <= ordered[-1].start:
            out.append(
                Violation(
                    "sequence_order",
                    f"In {seq_id}, {late[0].item_id} is marked late but "
                    f"is placed before {ordered[-1].item_id}, a member in "
                    "order: late members come after the list",
                    (late[0].item_id, ordered[-1].item_id),
                )
            )
        for k, a in enumerate(rows, start=1):
            if a.position is not None and a.position != k:
                out.append(
                    Violation(
                        "sequence_order",
                        f"{a.item_id} is listed at position "
                        f"{a.position} but is number {k} in time order",
                        (a.item_id,),
                    )
                )
        for k, a in enumerate(ordered, start=1):
            it = s.item_by_id[a.item_id]
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


def _follows_order(
    s: Scenario, seq_id: str, rows: list[Assignment], what: str
) -> list[Violation]:
    """Rows (in time order) that keep the list's order."""
    placed = [s.item_by_id[a.item_id] for a in rows]
    expected = sorted(placed, key=lambda it: it.list_index)
    if placed == expected:
        return []
    k = next(
        i
        for i, (x, y) in enumerate(zip(placed, expected, strict=True))
        if x != y
    )
    who, got = expected[k].participants[0], placed[k].participants[0]
    return [
        Violation(
            "sequence_order",
            f"In {seq_id}, place {k + 1} of the members {what} goes to "
            f"{who} by protocol order, not {got}",
            tuple(a.item_id for a in rows[k : k + 2]),
            (who, got),
        )
    ]


def turn_start(
    s: Scenario, seq_id: str, rows: list[Assignment], index: int
) -> int | None:
    """When the member at ``index`` of a list's order had their turn, as
    the list was held (``rows`` in time order): the start of the first
    member in order who comes after them, else the end of the members in
    order plus the gap (where the next one would have started); a list
    with no member in order begins with its first row. ``None`` if the
    list was not held at all."""
    ordered, late = _split(rows)
    for a in ordered:
        if s.item_by_id[a.item_id].list_index > index:
            return span(s, a)[0]
    if ordered:
        return span(s, ordered[-1])[1] + s.sequence_by_id[seq_id].gap_seconds
    if late:
        return span(s, late[0])[0]
    return None


def there_at(
    s: Scenario,
    pid: str,
    lo: int,
    hi: int,
    where: str,
    arrivals: dict[str, Assignment],
) -> bool:
    """``pid`` is available for ``[lo, hi)`` and, if their delegation has
    an arrival, has arrived (reception plus travel to venue ``where``) by
    ``lo``."""
    if not iv.contains(s.person_free(pid), lo, hi):
        return False
    d = s.delegation_of(pid)
    if d not in s.arrival_by_delegation:
        return True
    arr = arrivals.get(d)
    if arr is None:
        return False
    return lo >= span(s, arr)[1] + s.travel_seconds(venue(s, arr), where)


def in_other_list(
    s: Scenario, schedule: Schedule, pid: str, lo: int, hi: int, seq_id: str
) -> Assignment | None:
    """A slot of ``pid`` in another list than ``seq_id`` within the
    same-venue buffer of ``[lo, hi)`` (they sign, speak or greet
    elsewhere then), or ``None``."""
    buf = s.buffer_seconds
    for a in known_rows(s, schedule):
        if a.kind != "sequence" or pid not in a.participants:
            continue
        if s.item_by_id[a.item_id].sequence_id == seq_id:
            continue
        a_lo, a_hi = span(s, a)
        if a_lo - buf < hi and lo < a_hi + buf:
            return a
    return None


def late_member(s: Scenario, schedule: Schedule) -> list[Violation]:
    """A queue member is placed late (after the list) or moved to another
    list only when the list's late policy allows it and they could not
    be there at their turn (not yet arrived, not available, or in
    another list then), and is placed in one list only."""
    out = []
    queues = _queues(s, schedule)
    arrivals = _arrivals(s, schedule)
    placed = {a.item_id for a in known_rows(s, schedule)}
    for seq_id, rows in queues.items():
        seq = s.sequence_by_id[seq_id]
        for a in rows:
            it = s.item_by_id[a.item_id]
            if is_late(a) and not it.late_ok:
                why = (
                    f"it joined {seq_id} from {it.moved_from}"
                    if it.is_alternative
                    else f"the late policy of {seq_id} is {seq.late}"
                )
                out.append(
                    Violation(
                        "late_member",
                        f"{a.item_id} is marked late, but {why}: no member "
                        "may be placed after that list",
                        (a.item_id,),
                    )
                )
                continue
            if it.is_alternative:
                if it.own_item_id in placed:
                    out.append(
                        Violation(
                            "late_member",
                            f"{it.participants[0]} is placed both in "
                            f"{it.moved_from} and, moved, in {seq_id}",
                            (it.own_item_id, a.item_id),
                        )
                    )
                    continue
                own = s.item_by_id[it.own_item_id]
                source = own.list_id
                source_rows = queues.get(source, [])
            elif is_late(a):
                own, source, source_rows = it, seq_id, rows
            else:
                continue
            t = turn_start(s, source, source_rows, own.list_index)
            if t is None:
                continue  # that list was not held: no turn to miss
            where = s.room_by_id[s.sequence_by_id[source].room_id].venue_id
            pid = it.participants[0]
            if there_at(
                s, pid, t, t + own.duration, where, arrivals
            ) and not in_other_list(
                s, schedule, pid, t, t + own.duration, source
            ):
                moved = "moved to" if it.is_alternative else "placed late in"
                out.append(
                    Violation(
                        "late_member",
                        f"{pid} is {moved} {seq_id} but could be there at "
                        f"their turn in {source} at "
                        f"{hm(s.grid.to_datetime(t))}",
                        (a.item_id,),
                        (pid,),
                    )
                )
    return out


def sequence_contiguous(s: Scenario, schedule: Schedule) -> list[Violation]:
    """A queue's slots follow each other back to back (plus the gap) in
    its room, inside its event's span or its window; a member placed late
    may wait after the slot before theirs."""
    out = []
    rows_by_id = {a.item_id: a for a in known_rows(s, schedule)}
    for seq_id, rows in _queues(s, schedule).items():
        seq = s.sequence_by_id[seq_id]
        for a, b in itertools.pairwise(rows):
            gap = (b.start - a.end).total_seconds()
            if is_late(b) and gap >= seq.gap_seconds:
                continue  # a late member may wait for their arrival
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
            ev = rows_by_id.get(event_item_id(seq.within_event))
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
        elif seq.earliest is None or seq.latest is None:
            continue  # validation asks for both without within_event
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
