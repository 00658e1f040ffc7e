"""Pruning from fixed duties, for the person conflict rule.

A person who is certainly somewhere at a fixed time (a mandatory item
with a fixed start: its participants, and every head who must attend an
all-heads one because they are available for its whole span and their
delegation has no arrival to wait for) cannot start another item that
would overlap it, buffer included. This is implied by the rules (person
conflict, mandatory items, fixed starts, all heads attend); it only
tells the solver early. Builds that switch rules on and off one by one
(``scheduler explain``, the left-out diagnosis) leave it out, since it
reasons across several rules.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python.cp_model import Domain

from models import intervals as iv

from ..context import BuildContext


def fixed_duties(ctx: BuildContext) -> dict[str, list[tuple[int, int, str]]]:
    """Person id -> (start, end, item id) of the items they certainly
    attend at a fixed time."""
    s, vs = ctx.scenario, ctx.vars
    heads_of: dict[str, list[str]] = defaultdict(list)
    for iid, h in vs.attends:
        heads_of[iid].append(h)
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for iid, v in vs.items.items():
        it = v.item
        if not it.mandatory or it.fixed_start is None:
            continue
        if it.kind == "sequence":
            continue
        lo, hi = it.fixed_start, it.fixed_start + v.duration
        for pid in it.participants:
            out[pid].append((lo, hi, iid))
        for h in heads_of[iid]:
            if f"A:{s.delegation_of(h)}" in vs.items:
                continue  # present only once their arrival is placed
            if iv.contains(s.person_free(h), lo, hi):
                out[h].append((lo, hi, iid))
    return out


def clear_of_fixed_duties(ctx: BuildContext) -> None:
    """Every item starts where none of its participants' fixed duties
    overlaps it, the same-venue buffer included."""
    duties = fixed_duties(ctx)
    if not duties:
        return
    buf = ctx.scenario.buffer_seconds
    for iid, v in ctx.vars.items.items():
        if v.item.kind == "sequence":
            continue
        # starts s with lo - duration - buf < s < hi + buf, half-open
        holes = [
            (lo - v.duration - buf + 1, hi + buf)
            for pid in v.item.participants
            for lo, hi, duty in duties.get(pid, ())
            if duty != iid
        ]
        if not holes:
            continue
        flat = [x for a, b in iv.normalize(holes) for x in (a, b - 1)]
        ctx.restrict(
            v,
            Domain.from_flat_intervals(flat).complement(),
            f"person_no_overlap:duty:{iid}",
        )
