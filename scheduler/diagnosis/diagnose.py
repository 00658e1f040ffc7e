"""Why each optional item was left out, asked of the solver.

For every left-out item (highest value first, within a time budget) the
model is solved once more with the item forced in, every rule family
behind an assumption literal and every placed item held in place behind
its own (:mod:`scheduler.diagnosis.assumptions`). The infeasibility
core then names the rules and the placed items that block it, in a
protocol officer's words. Items whose core is empty,
or that run out of budget, keep the cheap reason from
:mod:`models.reasons`.
"""

from __future__ import annotations

import time
from dataclasses import replace

from models import Scenario
from models.reasons import GENERIC_REASON
from models.records.schedule import Schedule
from models.rules import RULE_BY_ID

from .. import interrupts
from ..search.work import CLOCK_STOPS
from .assumptions import guarded_build, solve_core

#: CP-SAT deterministic time per nominal second of a repeatable run's
#: diagnosis (see :data:`scheduler.search.params.DET_PER_SECOND`; this
#: model's presolve is slow for its size: about 0.008 units a second on
#: a third of a core).
DIAGNOSIS_DET_PER_SECOND = 0.004

#: Seconds CP-SAT takes, per constraint of the diagnosis model, before
#: its search starts: its presolve and the loading of the model, during
#: which it does not look at its time limit (the bench family's "large",
#: 50,121 constraints: the search began after 1.54 s, so a 0.84 s limit
#: ended after 1.83 s; 2 cores, AMD EPYC). A solve is only begun when
#: that much time is left; the first solve's own figure replaces the
#: estimate when it is larger.
STARTUP_SECONDS_PER_CONSTRAINT = 3e-5

#: Seconds an item is asked about at least; a diagnosis with less time
#: in all is not begun: building its model alone takes 0.3-1.4 s on
#: 300-600 items (bench family "heads" 0.34 s, "large" 0.65 s; a
#: generated 291-item event with 114,080 constraints 1.39 s), which a
#: 5 s what-if run had to spare 0.6 s of (it took 5.3 s).
MIN_ITEM_SECONDS = 2.0

#: Scenarios with fewer items get a diagnosis by default (see
#: :func:`diagnosis_plan`); larger ones only when asked.
AUTO_ITEMS = 1000
#: Seconds of the default diagnosis.
AUTO_SECONDS = 10.0


def diagnosis_plan(
    scenario: Scenario, schedule: Schedule, seconds: float | None
) -> tuple[float, set[str] | None]:
    """Budget and items of the diagnosis: ``seconds`` for every left-out
    item when given (0: none); by default, on scenarios under
    :data:`AUTO_ITEMS` items, :data:`AUTO_SECONDS` for the items that no
    cheaper check explains (their reason is the generic one)."""
    if seconds is not None:
        return seconds, None
    if len(scenario.items) >= AUTO_ITEMS:
        return 0.0, None
    generic = {
        u.item_id for u in schedule.unscheduled if u.reason == GENERIC_REASON
    }
    return (AUTO_SECONDS if generic else 0.0), generic


def diagnose_left_out(
    scenario: Scenario,
    schedule: Schedule,
    budget: float = 20.0,
    per_item: float | None = None,
    only: set[str] | None = None,
    nominal: float | None = None,
) -> Schedule:
    """``schedule`` with the Unscheduled reasons of non-queue items (of
    the items in ``only``, when given) replaced by the solver's diagnosis
    where one was found in time. Each item gets ``per_item`` seconds at
    most (by default an equal share of ``budget``, at least 2 s). With
    ``nominal`` (a repeatable run) the items asked about and their shares
    are counted from ``nominal`` seconds and each stops on CP-SAT's
    deterministic time; ``budget`` is then only the clock's safety
    net."""
    s = scenario
    todo = [
        u
        for u in schedule.unscheduled
        if u.kind != "sequence"
        and s.item_by_id[u.item_id].rooms
        and (only is None or u.item_id in only)
    ]
    # a repeatable run decides from its nominal seconds, never the clock
    if not todo or (nominal if nominal is not None else budget) < min(
        MIN_ITEM_SECONDS, per_item or MIN_ITEM_SECONDS
    ):
        return schedule
    if per_item is None:
        per_item = max(MIN_ITEM_SECONDS, (nominal or budget) / len(todo))
    det = None
    if nominal is not None:
        det = per_item * DIAGNOSIS_DET_PER_SECOND
    t0 = time.monotonic()
    build = guarded_build(s)
    model, vs = build.model, build.ctx.vars
    rule_lits = list(build.rules.values())
    g = s.grid
    keep = []
    for a in schedule.assignments:
        v = vs.items.get(a.item_id)
        if v is None:
            continue
        k = build.literal("item", a.item_id)
        model.add(v.present == 1).only_enforce_if(k)
        model.add(v.start == g.to_index(a.start)).only_enforce_if(k)
        pool = vs.pool_of.get(a.room_id)
        if pool in v.rooms:
            model.add(v.rooms[pool] == 1).only_enforce_if(k)
        keep.append(k)
    force = {}
    for u in todo:
        f = build.literal("force", u.item_id)
        model.add(vs.items[u.item_id].present == 1).only_enforce_if(f)
        force[u.item_id] = f
    reasons = {}
    order = sorted(todo, key=lambda u: -s.item_by_id[u.item_id].value)
    if nominal is not None:  # the most valuable, counted
        order = order[: max(0, int(nominal / per_item))]
    startup = STARTUP_SECONDS_PER_CONSTRAINT * len(model.proto.constraints)
    for u in order:
        left = budget - (time.monotonic() - t0)
        if interrupts.stopped():
            break
        if left <= 0.2 + startup:  # it would overrun the budget
            if det is not None:
                CLOCK_STOPS.add("diagnosis")
            break
        given = min(per_item, left) if det is None else left
        began = time.monotonic()
        found = solve_core(
            model,
            [force[u.item_id], *rule_lits, *keep],
            given,
            det=det,
        )
        took = time.monotonic() - began
        if took > given:  # stopped at its first look at the clock
            startup = max(startup, took)
        if interrupts.stopped():
            break  # Ctrl-C or SIGTERM: what was found so far
        if found.lits is None:
            continue
        core = [x for x in build.named(found.lits) if x[0] != "force"]
        text = _sentence(s, core)
        if text:
            reasons[u.item_id] = text
    return replace(
        schedule,
        unscheduled=tuple(
            replace(u, reason=reasons.get(u.item_id, u.reason))
            for u in schedule.unscheduled
        ),
    )


def _sentence(s: Scenario, core: list[tuple[str, str]]) -> str:
    rules = [RULE_BY_ID[r].name.lower() for kind, r in core if kind == "rule"]
    items = [i for kind, i in core if kind == "item"]
    if not rules and not items:
        return ""
    parts = []
    if items:
        shown = [f"{i} ({s.item_by_id[i].title})" for i in items[:4]]
        more = f" and {len(items) - 4} more" if len(items) > 4 else ""
        parts.append(
            "it does not fit while "
            + "; ".join(shown)
            + more
            + (" keeps its place" if len(items) == 1 else " keep their places")
        )
    else:
        parts.append(
            "no placement satisfies the rules even in an empty schedule"
        )
    if rules:
        parts.append("rules in the way: " + ", ".join(rules))
    text = "; ".join(parts)
    return text[0].upper() + text[1:]
