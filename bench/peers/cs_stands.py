"""Exhibition stands for conference-scheduler: the tool puts one event
in a slot, so an exhibition room's booth units are cut into fixed
stands per day (first fit decreasing of the exhibitions' units into
each day's capacity), each stand one slot for the day."""

from __future__ import annotations

from models.records.scenario import Scenario


def stand_days(s: Scenario, exhibits, step: int) -> list[list[int]]:
    """``[start, end]`` per day on which some exhibition may start at
    the day's earliest possible exhibition start."""
    days = []
    for d_lo, d_hi in s.day_spans:
        ok = []
        for it in exhibits:
            t = d_lo + -(-(max(d_lo, it.start_min) - d_lo) // step) * step
            if t <= min(it.start_max, d_hi - it.duration):
                ok.append(t)
        if ok:
            days.append([min(ok), d_hi])
    return days


def stands(s: Scenario, room_id: str, exhibits, step: int):
    """``(lo, length, units)`` of each stand of ``room_id``."""
    cap = s.room_by_id[room_id].capacity
    days = [[lo, hi, cap] for lo, hi in stand_days(s, exhibits, step)]
    for it in sorted(exhibits, key=lambda it: -it.attendance):
        for day in days:
            if day[2] >= it.attendance:
                day[2] -= it.attendance
                yield day[0], day[1] - day[0], it.attendance
                break
