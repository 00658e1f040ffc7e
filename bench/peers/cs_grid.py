"""The shared time grid of conference-scheduler slots.

The tool keeps two events apart only in *concurrent* slots (one slot's
time inside the other's), so every grid slot must be, with every other
slot of any room, either concurrent or apart by at least ``gap`` (the
largest of changeover, same-venue buffer, travel and, with VIP items,
the security sweep). The day is cut into stretches: each slot-set span
is one (grid slots there lie inside the span, so concurrent with it)
and the time between spans, ``gap`` clear of them, is another. Each
stretch holds fine periods of length ``fine`` every ``fine + gap``; a
room whose items are longer takes blocks of 2, 4, 8... periods of one
stretch, which nest. Between spans the periods start ``phase`` after
the stretch's start, the phase that gives the most items a usable start
(:func:`best_phase`).
"""

from __future__ import annotations

from models import intervals as iv
from models.records.scenario import Scenario
from scheduler.search.construct.static import people_free, start_ok


def grid_gap(s: Scenario, items, rooms) -> int:
    """Least gap between two grid slots that keeps changeover, buffer,
    travel and (for VIP items) the sweep."""
    venues = {s.room_by_id[r].venue_id for r in rooms}
    gap = max(
        [s.buffer_seconds]
        + [s.changeover_seconds(r) for r in rooms]
        + [s.travel_seconds(a, b) for a in venues for b in venues]
    )
    if any(s.is_vip(p) for it in items for p in it.participants):
        gap = max(gap, s.sweep_seconds)
    return gap


def stretches(s: Scenario, spans, gap: int) -> list[tuple[int, int, bool]]:
    """``(lo, hi, inside_a_span)`` stretches of every day, in order."""
    blocks = iv.normalize(spans)
    out = []
    for d_lo, d_hi in s.day_spans:
        cursor = d_lo
        for lo, hi in blocks:
            if d_lo <= lo and hi <= d_hi:
                out.append((cursor, lo - gap, False))
                out.append((lo, hi, True))
                cursor = hi + gap
        out.append((cursor, d_hi, False))
    return out


def period_starts(parts, fine: int, gap: int, phase: int) -> list[list[int]]:
    """Starts of the fine periods of each stretch."""
    pitch = fine + gap
    return [
        list(range(lo if inside else lo + phase, hi - fine + 1, pitch))
        for lo, hi, inside in parts
    ]


def best_phase(s: Scenario, free, parts, fine: int, gap: int) -> int:
    """The phase (a multiple of the time step below ``fine + gap``) that
    gives the most items a fine-period start they may take: mandatory
    items first, then optional value. Rooms are not looked at (cheap),
    so this is a choice, not a guarantee."""
    step = s.settings.time_step_minutes * 60

    def score(phase: int) -> tuple[int, int]:
        starts = [t for x in period_starts(parts, fine, gap, phase) for t in x]
        must = value = 0
        for it in free:
            if any(
                start_ok(s, it, t)
                and people_free(s, it.participants, t, t + it.duration)
                for t in starts
            ):
                if it.mandatory:
                    must += 1
                else:
                    value += it.value
        return must, value

    return max(range(0, fine + gap, step), key=lambda p: (score(p), -p))


def blocks_of(starts: list[list[int]], fine: int, gap: int, longest: int):
    """``(lo, length)`` of the grid slots for items up to ``longest``:
    blocks of ``m`` periods of one stretch, ``m`` the least power of two
    that holds ``longest``."""
    pitch = fine + gap
    m = 1
    while m * pitch - gap < longest:
        m *= 2
    for run in starts:
        for j in range(len(run) // m):
            yield run[j * m], m * pitch - gap
