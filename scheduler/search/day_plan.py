"""Which day each item is first offered to, in the day-by-day
decomposition (pure Python).

An item that could happen on several days (a bilateral request for "any
time this week", a side event with no slot) is offered first to one of
them, so that no single day's model gets every flexible request. The
day is the one where the item's people are least busy so far (ties: the
day with fewer items), among the days where its window fits and all its
people are present; items are planned in decreasing value, so the most
valuable requests get the quietest days. A preferred day is honoured
when possible. What a day leaves out is offered again on later days.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from models import Scenario
from models import intervals as iv
from models.records.items import event_item_id


def present_days(s: Scenario, pid: str) -> set[date]:
    """Days on which person ``pid`` is free at some time and, if their
    delegation is received at an arrival point, received by then."""
    g = s.grid
    free = s.person_free(pid)
    days = {
        d
        for d, span in zip(g.days, s.day_spans, strict=True)
        if iv.intersect(free, [span])
    }
    arrival = s.arrival_by_delegation.get(s.delegation_of(pid))
    if arrival is not None:
        days = {d for d in days if d >= arrival.earliest.date()}
    return days


def item_days(s: Scenario, item) -> list[date]:
    """Days on which ``item``'s window fits and its people are present."""
    g = s.grid
    out = []
    for d, (lo, hi) in zip(g.days, s.day_spans, strict=True):
        if item.start_max < lo or item.start_min > hi - item.duration:
            continue
        out.append(d)
    event = s.event_by_id.get(item.ref_id) if item.kind == "event" else None
    if event is not None and event.fixed_start is not None:
        out = [d for d in out if d == event.fixed_start.date()]
    if event is not None and event.slot_set is not None:
        slot_days = {
            x.start.date() for x in s.slots_by_set.get(event.slot_set, ())
        }
        out = [d for d in out if d in slot_days]
    if not item.all_heads:
        for pid in item.participants:
            if pid in s.persons:
                ok = present_days(s, pid)
                out = [d for d in out if d in ok]
    return out


def plan_days(s: Scenario) -> dict[str, date]:
    """Item id -> the day it is first offered to (events and bilaterals;
    arrivals and queues are tied to their own day)."""
    load: Counter = Counter()  # (person, day) -> items planned
    per_day: Counter = Counter()
    plan: dict[str, date] = {}
    items = [it for it in s.items if it.kind in ("event", "bilateral")]
    items.sort(key=lambda it: (not it.mandatory, -it.value, it.item_id))
    preferred = {
        event_item_id(e.event_id): e.preferred_day
        for e in s.events
        if e.preferred_day is not None
    }
    for it in items:
        days = item_days(s, it)
        if not days:
            continue
        want = preferred.get(it.item_id)
        if want in days:
            day = want
        else:
            people = [p for p in it.participants if p in s.persons]
            day = min(
                days,
                key=lambda d, people=people: (
                    sum(load[(p, d)] for p in people),
                    per_day[d],
                    d,
                ),
            )
        plan[it.item_id] = day
        per_day[day] += 1
        for p in it.participants:
            load[(p, day)] += 1
    return plan
