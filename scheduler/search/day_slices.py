"""One day of a scenario as a scenario of its own (pure Python).

The day-by-day decomposition (``scheduler/search/decompose.py``) solves a long
event one day at a time. :func:`day_slice` gives the scenario of day
``d`` with what earlier days placed taken out:

- items whose window, fixed start or slot set cannot fall on ``d`` are
  left out; the others get their window cut to ``d``;
- a mandatory item stays mandatory only on the last day it can happen
  (before that it is optional at top priority, so it is placed early if
  it fits and is never lost);
- an event waits while one of its ``after`` predecessors could still
  happen later, and forgets predecessors placed on earlier days;
- a delegation whose reception is on a later day is absent on ``d``; one
  received on an earlier day is present all day and its arrival row is
  gone;
- queues follow their event or their window; security windows and slots
  of other days are dropped.

Rules that span days do not exist in the model (daily limits, buffers
and travel are within a day), so the union of the days' schedules is
checked against the whole scenario by the independent checker.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from models import Scenario
from models.records.items import (
    arrival_item_id,
    bilateral_item_id,
    event_item_id,
    slot_item_id,
)


def day_bounds(s: Scenario, d: date) -> tuple[datetime, datetime]:
    """Opening and closing time of event day ``d``."""
    st = s.settings
    return datetime.combine(d, st.day_start), datetime.combine(d, st.day_end)


def _cut(s, d, earliest, latest, minutes):
    """The window cut to day ``d``, or ``None`` if ``minutes`` do not fit."""
    lo, hi = day_bounds(s, d)
    if earliest is not None and earliest > lo:
        lo = earliest
    if latest is not None and latest < hi:
        hi = latest
    if (hi - lo).total_seconds() < minutes * 60:
        return None
    return lo, hi


def _last_day(s, earliest, latest, minutes) -> date | None:
    """The last event day on which a window of ``minutes`` fits."""
    days = [
        d for d in s.settings.days if _cut(s, d, earliest, latest, minutes)
    ]
    return days[-1] if days else None


def day_slice(
    s: Scenario, d: date, placed: set[str], offered: set[str] | None = None
) -> Scenario:
    """The scenario of day ``d`` without the items in ``placed``; when
    ``offered`` is given, only those events and bilaterals are in it
    (arrivals and queues always follow their own day or event)."""
    lo, hi = day_bounds(s, d)
    slots = tuple(x for x in s.slots if x.start.date() == d)
    slot_sets = {x.slot_set for x in slots}
    events = _events(s, d, placed, slot_sets, offered)
    kept = {e.event_id for e in events}
    bilaterals = []
    for b in s.bilaterals:
        iid = bilateral_item_id(b.request_id)
        if iid in placed or (offered is not None and iid not in offered):
            continue
        win = _cut(s, d, b.earliest, b.latest, b.duration_minutes)
        if win is None:
            continue
        last = _last_day(s, b.earliest, b.latest, b.duration_minutes)
        bilaterals.append(
            replace(
                b,
                earliest=win[0],
                latest=win[1],
                mandatory=b.mandatory and last == d,
                priority=5 if b.mandatory and last != d else b.priority,
            )
        )
    arrivals, delegations, people = _presence(s, d, placed)
    sequences = []
    for q in s.sequences:
        if q.within_event is not None:
            if q.within_event in kept:
                sequences.append(q)
            continue
        if any(k.startswith(slot_item_id(q.sequence_id, "")) for k in placed):
            continue
        win = _cut(s, d, q.earliest, q.latest, 0)
        if win is not None:
            sequences.append(replace(q, earliest=win[0], latest=win[1]))
    queue_ids = {q.sequence_id for q in sequences}
    return replace(
        s,
        settings=replace(s.settings, days=(d,)),
        delegations=delegations,
        people=people,
        events=tuple(events),
        slots=slots,
        bilaterals=tuple(bilaterals),
        arrivals=arrivals,
        sequences=tuple(sequences),
        members=tuple(m for m in s.members if m.sequence_id in queue_ids),
        windows=tuple(w for w in s.windows if w.start < hi and w.end > lo),
    )


def _events(s: Scenario, d: date, placed, slot_sets, offered) -> list:
    out = []
    for e in s.events:
        iid = event_item_id(e.event_id)
        if iid in placed or (offered is not None and iid not in offered):
            continue
        if e.fixed_start is not None:
            if e.fixed_start.date() != d:
                continue
            last = d
            win = (None, None)
        elif e.slot_set is not None:
            if e.slot_set not in slot_sets:
                continue
            days = sorted(
                x.start.date()
                for x in s.slots_by_set.get(e.slot_set, ())
                if x.start.date() in s.settings.days
            )
            last = days[-1] if days else d
            win = _cut(s, d, e.earliest, e.latest, 0)
            if win is None:
                continue
        else:
            win = _cut(s, d, e.earliest, e.latest, e.duration_minutes)
            if win is None:
                continue
            last = _last_day(s, e.earliest, e.latest, e.duration_minutes)
        waiting = False
        after = []
        for p in e.after:
            if event_item_id(p) in placed:
                continue
            pe = s.event_by_id.get(p)
            if pe is None:
                continue
            if _could_come_later(s, pe, d):
                waiting = True
            after.append(p)
        if waiting:
            continue
        out.append(
            replace(
                e,
                earliest=win[0],
                latest=win[1],
                after=tuple(after),
                mandatory=e.mandatory and last == d,
                priority=5 if e.mandatory and last != d else e.priority,
            )
        )
    # an `after` predecessor left out of this day is not waited for
    kept = {e.event_id for e in out}
    return [
        replace(e, after=tuple(p for p in e.after if p in kept)) for e in out
    ]


def _could_come_later(s: Scenario, e, d: date) -> bool:
    """Whether event ``e`` can still take place on a day after ``d``."""
    if e.fixed_start is not None:
        return e.fixed_start.date() > d
    if e.slot_set is not None:
        return any(
            x.start.date() > d for x in s.slots_by_set.get(e.slot_set, ())
        )
    last = _last_day(s, e.earliest, e.latest, e.duration_minutes)
    return last is not None and last > d


def _presence(s: Scenario, d: date, placed: set[str]):
    """Arrivals of day ``d``; delegations (and their people) received on
    a later day are absent all of ``d``."""
    _lo, hi = day_bounds(s, d)
    arrivals = []
    later: set[str] = set()
    for a in s.arrivals:
        day = a.earliest.date()
        if day == d and arrival_item_id(a.delegation_id) not in placed:
            arrivals.append(a)
        elif day > d:
            later.add(a.delegation_id)
    delegations = tuple(
        replace(x, available_from=hi, available_to=None)
        if x.delegation_id in later
        else x
        for x in s.delegations
    )
    people = tuple(
        replace(p, available_from=hi, available_to=None)
        if p.delegation_id in later
        else p
        for p in s.people
    )
    return tuple(arrivals), delegations, people
