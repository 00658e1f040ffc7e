"""Start-time domains built from spans of grid seconds."""

from __future__ import annotations

from ortools.sat.python.cp_model import Domain

from models import intervals as iv
from models.records.time_grid import DAY


def start_domain(spans, duration: int) -> Domain:
    """Starts ``s`` such that ``[s, s+duration)`` lies inside one span."""
    ranges = iv.starts_inside(spans, duration)
    return Domain.from_intervals([[lo, hi] for lo, hi in ranges])


def grid_domain(day_spans, step: int) -> Domain:
    """Times on the time-step grid counted from each day's start (over the
    whole calendar day, so the grid says nothing about day hours)."""
    values: list[int] = []
    for lo, _ in day_spans:
        midnight = lo - lo % DAY
        first = lo - ((lo - midnight) // step) * step
        values.extend(range(first, midnight + DAY, step))
    return Domain.from_values(values)


def window_domain(lo: int, hi: int) -> Domain:
    return Domain(lo, hi) if lo <= hi else Domain.from_values([])
