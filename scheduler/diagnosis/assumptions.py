"""Assumption-guarded builds: the model with each hard rule behind its own
literal, for asking the solver which rules (and items) conflict.

Every constraint a rule function adds through ``ctx.model`` is enforced
only when the rule's literal holds (:class:`RuleModel` adds the literal to
it). What the variables add through ``ctx.vars`` is not guarded: those are
definitions (a literal equal to a conjunction, "placed in venue V", "on
day k") that hold in every schedule. The build has ``derived`` off
(:class:`scheduler.model.context.BuildContext`): no rule narrows another's
start domains, prunes with them, or shares room pools, so the rules whose
literals hold constrain exactly as :func:`scheduler.model.build.build_model`
with the others skipped. An infeasibility core over the literals is then
a set of rules and items that cannot hold together, and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from models import Scenario

from .. import interrupts
from ..model.constraints import HARD
from ..model.context import BuildContext
from ..model.variables import ModelVars
from ..search.work import limit, record

#: What a literal stands for: ("rule", rule id) or ("item", item id).
Name = tuple[str, str]


class RuleModel:
    """The model as one rule sees it: every ``add*`` constraint it makes
    is enforced by ``guard``; everything else passes through."""

    def __init__(self, model: cp_model.CpModel, guard: cp_model.IntVar):
        self._model, self._guard = model, guard

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._model, name)
        if not name.startswith("add") or name in (
            "add_hint",
            "add_assumptions",
        ):
            return attr

        def guarded(*args: Any, **kwargs: Any) -> Any:
            ct = attr(*args, **kwargs)
            if isinstance(ct, cp_model.Constraint):
                ct.only_enforce_if(self._guard)
            return ct

        return guarded


@dataclass
class GuardedBuild:
    """A model whose hard rules sit behind literals (:func:`guarded_build`),
    with the name of every literal made for an assumption."""

    model: cp_model.CpModel
    ctx: BuildContext
    rules: dict[str, cp_model.IntVar]
    names: dict[int, Name] = field(default_factory=dict)

    def literal(self, kind: str, name: str) -> cp_model.IntVar:
        """A new literal standing for ``(kind, name)`` (an item to force
        in, a placement to keep, ...), to enforce constraints with."""
        lit = self.model.new_bool_var(f"{kind}:{name}")
        self.names[lit.index] = (kind, name)
        return lit

    def named(self, lits: Iterable[cp_model.IntVar]) -> list[Name]:
        return [self.names[x.index] for x in lits if x.index in self.names]


def guarded_build(
    scenario: Scenario, leave_out: Iterable[str] = ()
) -> GuardedBuild:
    """The hard rules (but those in ``leave_out``), each behind its own
    literal, in catalogue order."""
    model = cp_model.CpModel()
    ctx = BuildContext(
        model,
        scenario,
        ModelVars(model, scenario, derived=False),
        derived=False,
    )
    build = GuardedBuild(model, ctx, {})
    left = set(leave_out)
    for rule_id, fn in HARD.items():
        if rule_id in left:
            continue
        g = build.literal("rule", rule_id)
        build.rules[rule_id] = g
        ctx.model = RuleModel(model, g)  # type: ignore[assignment]
        try:
            fn(ctx)
        finally:
            ctx.model = model
    return build


@dataclass
class Core:
    """What a solve under assumptions found: its status, and when it is
    INFEASIBLE the assumptions that suffice for that (``None``
    otherwise). ``minimal``: no member can be dropped (deletion filter
    finished in time)."""

    status: str
    lits: list[cp_model.IntVar] | None
    minimal: bool = False


def solve_core(
    model: cp_model.CpModel,
    assumed: list[cp_model.IntVar],
    seconds: float,
    workers: int = 1,
    det: float | None = None,
) -> Core:
    """Solve with ``assumed`` held; on INFEASIBLE, the core CP-SAT gives
    (sufficient, not always minimal). With ``det`` (a repeatable run) it
    stops on that much deterministic time, the clock a safety net."""
    model.clear_assumptions()
    model.add_assumptions(assumed)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    limit(solver, max(0.1, seconds), det)
    # presolve's probing of the rules' guarded start domains took about
    # 2 s on a five-item scenario and found nothing the search does not
    solver.parameters.cp_model_probing_level = 0
    with interrupts.solving(solver):  # Ctrl-C stops it
        status = solver.solve(model)
    record(solver, "diagnosis")
    name = solver.status_name(status)
    if status != cp_model.INFEASIBLE:
        return Core(name, None)
    idx = set(solver.sufficient_assumptions_for_infeasibility())
    return Core(name, [x for x in assumed if x.index in idx])


def minimal_core(
    model: cp_model.CpModel,
    assumed: list[cp_model.IntVar],
    seconds: float,
    workers: int = 1,
) -> Core:
    """A core of ``assumed`` with no member to spare: CP-SAT's core, then
    a deletion filter (each member is dropped when the rest is still
    infeasible), all within ``seconds``. A member whose trial runs out
    of time is kept, so the core stays infeasible; it is then reported
    not ``minimal``."""
    deadline = time.monotonic() + seconds
    found = solve_core(model, assumed, seconds, workers)
    if found.lits is None:
        return found
    kept = list(found.lits)
    minimal = True
    for lit in list(kept):
        left = deadline - time.monotonic()
        if left <= 0 or interrupts.stopped():
            minimal = False
            break
        trial = [x for x in kept if x is not lit]
        if not trial:
            continue
        again = solve_core(model, trial, left, workers)
        if again.lits is not None:
            kept = trial
        elif again.status != "OPTIMAL" and again.status != "FEASIBLE":
            minimal = False  # out of time: kept without proof
    return Core("INFEASIBLE", kept, minimal)
