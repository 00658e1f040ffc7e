"""Day by day: a long event (a GA week, a COP fortnight) solved one day
at a time.

One CP-SAT model over twelve days and three thousand items does not find
a first schedule in two minutes on two cores (``bench/README.md``). Cut
by day (``scheduler/search/day_slices.py``), each day is a model the size of
the bundled sample, and days interact only through what was already
placed. The days are solved in order, each with a share of the time
left in proportion to its items; what a day leaves out that could still
happen later is offered to the next days.

The result is honest about what it is: FEASIBLE, checked against the
whole scenario by the independent checker, with the bound of a
relaxation of the whole event (:mod:`scheduler.search.bound`; the days
themselves prove none), so the Summary says how far from optimal the
schedule may be. If a day cannot place its mandatory items the
status is INFEASIBLE for the decomposition only, and says so.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime

from models import Scenario
from models.objective import objective_value, penalties
from models.records.schedule import DAY_BY_DAY, Schedule, SolveInfo

from .bound import relaxation_bound
from .day_plan import plan_days
from .day_slices import day_slice
from .extract import with_reasons
from .params import SolveParams
from .result import Result
from .solve import improve_schedule, insertion_seconds, solve
from .work import deterministic_time

#: Least time given to one day's model, in seconds, when the limit
#: allows it (:func:`_least`), and the least ever.
MIN_DAY_SECONDS = 2.0
LEAST_DAY_SECONDS = 0.5
#: Items left out on earlier days offered to a day, as a share of the
#: items planned for it (at least MIN_CARRY): more would make the last
#: days' models the biggest and the slowest.
CARRY_SHARE = 0.5
METHOD = DAY_BY_DAY
AUTO_MIN_ITEMS = 1000
MIN_CARRY = 20
#: Share of the limit, and most seconds, for the whole event's
#: relaxation bound (a COP fortnight's takes about 10 s on 2 cores).
RELAXATION_SHARE = 0.2
MAX_RELAXATION_SECONDS = 20.0
#: About how long building the relaxation takes per item (1.6 ms on 2
#: cores for a COP fortnight; doubled for a busy machine).
BUILD_SECONDS_PER_ITEM = 0.003


@dataclass
class DayReport:
    """How one day's model went."""

    day: object
    items: int
    placed: int
    status: str
    seconds: float
    gap: float | None = None
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        gap = "" if self.gap is None else f", gap {100 * self.gap:.1f}%"
        more = "".join(f"; {n}" for n in self.notes)
        return (
            f"{self.day}: {self.placed} of {self.items} items placed, "
            f"{self.status}{gap}, {self.seconds:.1f} s{more}"
        )


def use_days(scenario: Scenario) -> bool:
    """The ``auto`` choice: day by day for events of three days or more
    with at least :data:`AUTO_MIN_ITEMS` items (where one model found a
    worse schedule, or none, in the same time: ``bench/README.md``)."""
    return (
        len(scenario.settings.days) >= 3
        and len(scenario.items) >= AUTO_MIN_ITEMS
    )


def solve_by_day(
    scenario: Scenario,
    params: SolveParams | None = None,
    on_day=None,
) -> tuple[Result, list[DayReport]]:
    """Schedule ``scenario`` one event day at a time; see the module.
    ``on_day(report)`` is called as each day is done. A day that finds no
    schedule ends the run with UNKNOWN: the days before it constrain it,
    so that is no proof that the scenario has none."""
    params = params or SolveParams()
    s = scenario
    t0 = time.monotonic()
    days = list(s.settings.days)
    plan = plan_days(s)
    first_day = days[0]
    reserve = insertion_seconds(params.time_limit)
    placed: dict[str, object] = {}
    tries: Counter = Counter()

    def offered(d, carry: bool = True) -> set[str]:
        """Events and bilaterals planned for ``d``, and (``carry``) the
        most valuable ones left out on earlier days: every mandatory one,
        others for one more day each, at most CARRY_SHARE of the day."""
        out, carried = set(), []
        for it in s.items:
            iid = it.item_id
            if iid in placed or it.kind not in ("event", "bilateral"):
                continue
            day = plan.get(iid, first_day)
            if day == d:
                out.add(iid)
            elif day < d and carry and (it.mandatory or tries[iid] < 2):
                carried.append(it)
        carried.sort(key=lambda it: (not it.mandatory, -it.value))
        cap = max(MIN_CARRY, int(CARRY_SHARE * len(out)))
        for k, it in enumerate(carried):
            if it.mandatory or k < cap:
                out.add(it.item_id)
        return out

    # kept for the bound of the whole event, worked out after the days
    relax_s = day_relaxation_seconds(params.time_limit)
    # a repeatable run shares out the nominal budget, never the time left
    nominal_left = (
        params.nominal
        - insertion_seconds(params.nominal)
        - day_relaxation_seconds(params.nominal)
    )
    reports: list[DayReport] = []
    failed = None
    for k, d in enumerate(days):
        offer = offered(d)
        sub = day_slice(s, d, set(placed), offer)
        n = len(sub.items)
        if n == 0:
            reports.append(DayReport(d, 0, 0, "EMPTY", 0.0))
            continue
        left = params.time_limit - reserve - relax_s - (time.monotonic() - t0)
        still = sum(1 for it in plan.values() if it > d)
        budget = max(_least(left, len(days) - k), left * n / max(1, n + still))
        share = max(
            _least(nominal_left, len(days) - k),
            nominal_left * n / max(1, n + still),
        )
        nominal_left -= share
        if params.repeatable:  # the work stops it; the clock is a net
            budget = max(budget, left)
        # the time the pipeline keeps after the search is the whole
        # event's, never a day's to search on in
        day_params = replace(
            params,
            time_limit=budget,
            budget=share,
            diagnosis_s=0.0,
            writing_s=0.0,
        )
        r = solve(sub, day_params, live=False, improve=False)
        notes = []
        if r.schedule is None and r.status != "INFEASIBLE":
            # too big for its time: try again with only the day's own plan
            offer = offered(d, carry=False)
            sub = day_slice(s, d, set(placed), offer)
            notes.append(
                f"{r.status} with {n} items in {budget:.0f} s; retried "
                f"with the {len(sub.items)} planned for the day"
            )
            r = solve(sub, day_params, live=False, improve=False)
        reports.append(
            DayReport(
                d,
                len(sub.items),
                len(r.schedule.assignments) if r.schedule else 0,
                r.status,
                round(r.seconds, 2),
                r.gap,
                notes,
            )
        )
        if on_day is not None:
            on_day(reports[-1])
        if r.schedule is None or r.interrupted:
            failed = (d, "INTERRUPTED" if r.interrupted else r.status)
            break
        for a in r.schedule.assignments:
            placed[a.item_id] = a
        for iid in offer:
            if iid not in placed:
                tries[iid] += 1
    seconds = time.monotonic() - t0
    if failed is not None:
        return (
            Result(
                "UNKNOWN",
                None,
                None,
                None,
                seconds,
                interrupted=failed[1] == "INTERRUPTED",
            ),
            reports,
        )
    schedule = _assemble(s, placed, params, seconds)
    budget = max(1.0, params.time_limit - relax_s - (time.monotonic() - t0))
    better, obj, pen = improve_schedule(
        s,
        schedule,
        schedule.info.objective,
        schedule.info.penalties,
        "FEASIBLE",
        min(budget, reserve),
        insertion_seconds(params.nominal) if params.repeatable else None,
    )
    # a proven bound on the whole event's objective (the days prove
    # none), in the time left; none if too little is left to build it
    left = params.time_limit - (time.monotonic() - t0)
    best_bound = None
    build = BUILD_SECONDS_PER_ITEM * len(s.items)
    if left > 0.2 + build:
        # with a second to solve it, the relaxation as an integer program;
        # with less, its linear program (weaker, hundredths of a second);
        # a repeatable run decides from its nominal budget, never the clock
        share = day_relaxation_seconds(params.nominal)
        best_bound = relaxation_bound(
            s,
            left,
            seed=params.seed,
            det=deterministic_time(params, share),
            lp_only=(share if params.repeatable else left) <= 1.0 + build,
        ).objective
    seconds = time.monotonic() - t0
    if best_bound is not None and best_bound > obj + 1e-6:
        best_bound = None  # a schedule proves the relaxation wrong: none
    status = (
        "OPTIMAL"
        if best_bound is not None and obj - best_bound < 1
        else "FEASIBLE"
    )
    info = replace(
        schedule.info,
        status=status,
        objective=obj,
        best_bound=best_bound,
        penalties=pen,
        solve_seconds=round(seconds, 3),
    )
    obj = float(obj)
    result = Result(
        status,
        replace(better, info=info),
        obj,
        best_bound,
        seconds,
        sum(1 for r in reports if r.status in ("OPTIMAL", "FEASIBLE")),
        # a whole schedule exists only once every day is done
        round(seconds, 3),
    )
    schedule = replace(result.schedule, info=replace(info, gap=result.gap))
    return replace(result, schedule=schedule), reports


def _least(left: float, days: int) -> float:
    """The least time a day's model gets: :data:`MIN_DAY_SECONDS`, or,
    with less than that left for each of the ``days`` still to solve,
    an equal share, :data:`LEAST_DAY_SECONDS` at least (three days at
    5 s each took the 2 s floor: 8.1 s in all)."""
    return max(LEAST_DAY_SECONDS, min(MIN_DAY_SECONDS, left / days))


def day_relaxation_seconds(time_limit: float) -> float:
    """Time kept for the whole event's relaxation bound after the days:
    :data:`RELAXATION_SHARE` of the limit, at most
    :data:`MAX_RELAXATION_SECONDS`."""
    return min(MAX_RELAXATION_SECONDS, RELAXATION_SHARE * time_limit)


def _assemble(s: Scenario, placed: dict, params, seconds) -> Schedule:
    """The days' schedules as one schedule of the whole scenario."""
    rows = tuple(
        sorted(placed.values(), key=lambda a: (a.start, a.room_id, a.item_id))
    )
    schedule = Schedule(
        assignments=rows,
        generated_at=datetime.now().replace(microsecond=0),
        event_name=s.settings.event_name,
        scenario_source=s.source,
    )
    schedule = with_reasons(s, schedule)
    pen = penalties(s, schedule)
    info = SolveInfo(
        status="FEASIBLE",
        objective=objective_value(s, schedule),
        best_bound=None,
        solve_seconds=round(seconds, 3),
        gap=None,
        solutions=1,
        workers=params.workers,
        seed=params.seed,
        time_limit=params.time_limit,
        penalties=pen,
        method=METHOD,
    )
    return replace(schedule, info=info)
