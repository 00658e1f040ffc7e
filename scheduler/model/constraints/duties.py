"""Pruning from fixed duties, for the person conflict rule.

A person who is certainly somewhere at a fixed time (a mandatory item
with a fixed start: its participants, and every head who must attend an
all-heads one because they are available for its whole span and have
certainly arrived, :func:`certain_heads`) cannot start another item that
would overlap it, buffer included. This is implied by the rules (person
conflict, mandatory items, fixed starts, all heads attend); it only
tells the solver early. Builds that switch rules on and off one by one
(``scheduler explain``, the left-out diagnosis) leave it out, since it
reasons across several rules.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python.cp_model import Domain

from models import Scenario
from models import intervals as iv
from models.records.items import Item, arrival_item_id

from ..context import BuildContext


def fixed_duties(ctx: BuildContext) -> dict[str, list[tuple[int, int, str]]]:
    """Person id -> (start, end, item id) of the items they certainly
    attend at a fixed time."""
    s, vs = ctx.scenario, ctx.vars
    heads_of: dict[str, set[str]] = defaultdict(set)
    for iid, h in vs.attends:
        heads_of[iid].add(h)
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for iid, v in vs.items.items():
        it = v.item
        if not it.mandatory or it.fixed_start is None:
            continue
        if it.kind == "sequence":
            continue
        lo, hi = it.fixed_start, it.fixed_start + v.duration
        for pid in it.participants:
            out[pid].append((lo, lo + it.busy_seconds(pid), iid))
        for h in certain_heads(s, it, lo, lo):
            if h in heads_of[iid]:
                out[h].append((lo, hi, iid))
    return out


def certain_heads(s: Scenario, it: Item, first: int, last: int) -> list[str]:
    """Heads not listed in ``it`` (an all_heads item) whom it holds at any
    start from ``first`` to ``last`` in every schedule the checker
    accepts (``models.checker.protocol.head_present``): free from
    ``first`` to the end of a start at ``last``, and with no arrival or
    one (mandatory) whose latest end, plus the longest travel to the
    item's rooms, is by ``first``."""
    if not it.all_heads:
        return []
    here = {s.room_by_id[r].venue_id for r in it.rooms}
    out = []
    for h in s.heads:
        if h in it.participants:
            continue
        if not iv.contains(s.person_free(h), first, last + it.duration):
            continue
        d = s.delegation_of(h)
        if d in s.arrival_by_delegation:
            a = s.item_by_id.get(arrival_item_id(d))
            if a is None or not a.mandatory or not a.rooms or not here:
                continue
            there = {s.room_by_id[r].venue_id for r in a.rooms}
            travel = max(s.travel_seconds(x, y) for x in there for y in here)
            if a.start_max + a.duration + travel > first:
                continue  # present only once their arrival is placed
        out.append(h)
    return out


def duty_gaps(s, duty_rooms, item_rooms) -> tuple[int, int]:
    """Least gap a person needs between an item in one of ``item_rooms``
    and a duty in one of ``duty_rooms``: before the duty, and after it
    (the same-venue buffer, or the travel time between their venues if
    every choice of rooms needs it)."""
    venue = s.room_by_id
    duty_v = {venue[r].venue_id for r in duty_rooms if r in venue}
    item_v = {venue[r].venue_id for r in item_rooms if r in venue}
    if not duty_v or not item_v:
        return s.buffer_seconds, s.buffer_seconds
    before = min(s.gap_seconds(a, b) for a in item_v for b in duty_v)
    after = min(s.gap_seconds(b, a) for a in item_v for b in duty_v)
    return before, after


def clear_of_fixed_duties(ctx: BuildContext) -> None:
    """Every item starts where none of its participants' fixed duties
    overlaps it, with the same-venue buffer or the travel time between
    their venues (when every room of each is in another venue)."""
    duties = fixed_duties(ctx)
    if not duties:
        return
    s, items = ctx.scenario, ctx.vars.items
    for iid, v in items.items():
        if v.item.kind == "sequence":
            continue
        holes = []
        for pid in v.item.participants:
            for lo, hi, duty in duties.get(pid, ()):
                if duty == iid:
                    continue
                before, after = duty_gaps(
                    s, items[duty].item.rooms, v.item.rooms
                )
                # starts t with lo - busy - before < t < hi + after (busy: how
                # long pid is in this item, see participants_minutes)
                holes.append(
                    (lo - v.item.busy_seconds(pid) - before + 1, hi + after)
                )
        if not holes:
            continue
        flat = [x for a, b in iv.normalize(holes) for x in (a, b - 1)]
        ctx.restrict(
            v,
            Domain.from_flat_intervals(flat).complement(),
            f"person_no_overlap:duty:{iid}",
        )
