"""Helpers for engine tests: solve tiny scenarios, force a violation."""

from __future__ import annotations

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model import Domain

from models.checker import check
from models.objective import objective_value
from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.search.construct.greedy import greedy
from scheduler.search.extract import extract
from scheduler.search.solve import solve
from tests.factory import at

FAST = SolveParams(time_limit=20, workers=1, seed=0)


def solve_checked(scenario, params=FAST):
    """Solve; any schedule must pass the independent checker and the
    checker's objective must equal the solver's."""
    result = solve(scenario, params, live=False)
    if result.schedule is not None:
        violations = check(scenario, result.schedule)
        assert not violations, "\n".join(map(str, violations))
        assert objective_value(scenario, result.schedule) == round(
            result.objective
        ), result.schedule.info.penalties
    return result


def forced_solve(
    scenario,
    *,
    starts=None,
    rooms=None,
    present=None,
    extra=None,
    skip=(),
    baseline=None,
    keep_schedule=True,
):
    """Solve the model with some decisions forced: ``(status, schedule)``,
    the schedule ``None`` unless one was found.

    ``starts``: item id -> "HH:MM" (or "HH:MM:SS") on the first day, or a
    datetime; ``rooms``: item id -> room id (or list of room ids, all
    forced on); ``present``: item id -> bool; ``extra``: a function
    (ctx) -> None adding more constraints; ``skip``: rule ids to leave out;
    ``baseline``: a what-if run's baseline; ``keep_schedule``: extract
    the schedule (not possible when a skipped rule lets an item be placed
    in no room).
    """
    built = build_model(scenario, skip=skip, baseline=baseline)
    m, vs = built.model, built.ctx.vars
    g = scenario.grid
    for iid, when in (starts or {}).items():
        if isinstance(when, str):
            parts = when.split(":")
            t = at(f"{parts[0]}:{parts[1]}")
            value = g.to_index(t) + (int(parts[2]) if len(parts) > 2 else 0)
        else:
            value = g.to_index(when)
        m.add(vs.items[iid].start == value)
        m.add(vs.items[iid].present == 1)
    for iid, room in (rooms or {}).items():
        for r in [room] if isinstance(room, str) else room:
            m.add(vs.items[iid].rooms[r] == 1)
    for iid, flag in (present or {}).items():
        m.add(vs.items[iid].present == int(flag))
    if extra is not None:
        extra(built.ctx)
    assert built.model.validate() == ""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    status = solver.status_name(solver.solve(m))
    found = keep_schedule and status in ("OPTIMAL", "FEASIBLE")
    schedule = extract(scenario, built, solver, baseline) if found else None
    return status, schedule


def forced_status(scenario, **force) -> str:
    """Status of the model with some decisions forced (see
    :func:`forced_solve`)."""
    return forced_solve(scenario, keep_schedule=False, **force)[0]


def assert_checker_finds(rule_id, scenario, schedule, baseline=None):
    """The independent checker finds ``schedule`` breaks ``rule_id`` and
    no other rule."""
    found = check(scenario, schedule, baseline)
    assert {v.rule for v in found} == {rule_id}, "\n".join(map(str, found))


def assert_model_refuses(rule_id, scenario, **force):
    """With every rule the forced decision is refused; without ``rule_id``
    (and the rules in ``skip``) it is accepted."""
    with_rule = forced_status(scenario, **force)
    assert with_rule == "INFEASIBLE", f"{rule_id}: forced case {with_rule}"
    skip = (*tuple(force.pop("skip", ())), rule_id)
    without = forced_status(scenario, skip=skip, **force)
    assert without in ("OPTIMAL", "FEASIBLE"), (
        f"without {rule_id} the forced case is still {without}"
    )


def assert_rule_refuses(rule_id, scenario, **force):
    """With every rule the forced decision is refused; without ``rule_id``
    it is accepted, and the independent checker finds that the schedule
    then found breaks ``rule_id`` and no other rule: so that rule (and
    only it) refuses it, in the model and in its checker twin."""
    assert not force.get("skip"), "a case that breaks one rule alone"
    with_rule = forced_status(scenario, **force)
    assert with_rule == "INFEASIBLE", f"{rule_id}: forced case {with_rule}"
    without, schedule = forced_solve(scenario, skip=(rule_id,), **force)
    assert without in ("OPTIMAL", "FEASIBLE"), (
        f"without {rule_id} the forced case is still {without}"
    )
    assert_checker_finds(rule_id, scenario, schedule, force.get("baseline"))


def checked_schedules(scenario, solved):
    """Schedules to evaluate a redundant cut at: the two greedy ones,
    built without the model, and ``solved``; each passes the checker."""
    schedules = (
        greedy(scenario, order="rows").schedule,
        greedy(scenario, order="value").schedule,
        solved,
    )
    for schedule in schedules:
        assert check(scenario, schedule) == []
    return schedules


def hinted_values(scenario, schedule):
    """The model built with ``schedule`` as its hint, and the hint as
    variable index -> value (to evaluate the model's rows at it)."""
    built = build_model(scenario, hint=schedule)
    hint = built.model.proto.solution_hint
    return built, dict(zip(hint.vars, hint.values, strict=True))


def broken_rows(built, prefix: str, value: dict[int, int]) -> list[str]:
    """The names of the model's linear rows named ``prefix...`` that the
    values break (a negative index is a literal's negation); asserts
    there is at least one such row, so that a test cannot pass empty."""
    rows = [
        c for c in built.model.proto.constraints if c.name.startswith(prefix)
    ]
    assert rows, f"no {prefix} rows"
    broken = []
    for c in rows:
        row = c.linear
        lhs = sum(
            k * (value[x] if x >= 0 else 1 - value[-x - 1])
            for x, k in zip(row.vars, row.coeffs, strict=True)
        )
        if not Domain.from_flat_intervals(list(row.domain)).contains(lhs):
            broken.append(c.name)
    return broken
