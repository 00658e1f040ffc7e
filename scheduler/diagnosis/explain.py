"""Why a scenario cannot be scheduled, in a protocol officer's words.

Cheap checks come first (no room fits, a party never free in the window).
Then the solver diagnoses the rest: the model is built with each hard rule
behind an assumption literal and each mandatory item behind its own, and
the infeasibility core (shrunk by a deletion filter) names the rules and
items that cannot hold together. When the solver gives no core, the
conflict is structural and only the cheap checks are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models import Scenario
from models.reasons import no_room_reason, time_reason
from models.rules import RULE_BY_ID

from ..model.constraints import HARD
from ..model.context import BuildContext
from ..model.variables import ModelVars


@dataclass
class Explanation:
    """The conflict: mandatory items and rules that cannot all hold."""

    items: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    cheap: list[str] = field(default_factory=list)
    structural: bool = False
    status: str = ""

    def lines(self, scenario: Scenario) -> list[str]:
        out = list(self.cheap)
        if self.items or self.rules:
            names = [_item_name(scenario, i) for i in self.items]
            if names:
                out.append(
                    "These mandatory items cannot all be placed "
                    "together: " + "; ".join(names) + "."
                )
            for r in self.rules:
                info = RULE_BY_ID[r]
                out.append(f"  - {info.name} ({r}): {info.statement}")
        elif self.structural:
            out.append(
                "The solver proves the scenario infeasible but gives "
                "no core: the conflict is structural (in how items, "
                "rooms and days fit together)."
            )
        return out


def _item_name(s: Scenario, item_id: str) -> str:
    it = s.item_by_id[item_id]
    return f"{item_id} ({it.title})"


class _Guarded:
    """A CpModel whose ``add*`` constraints are enforced by ``guard``."""

    def __init__(self, model: cp_model.CpModel, guard):
        self._model, self._guard = model, guard

    def __getattr__(self, name):
        attr = getattr(self._model, name)
        if not name.startswith("add") or name in (
            "add_hint",
            "add_assumptions",
        ):
            return attr

        def guarded(*args, **kwargs):
            ct = attr(*args, **kwargs)
            if isinstance(ct, cp_model.Constraint):
                ct.only_enforce_if(self._guard)
            return ct

        return guarded


def cheap_checks(s: Scenario) -> list[str]:
    out = []
    for it in s.items:
        if not it.mandatory:
            continue
        reason = no_room_reason(s, it) or time_reason(s, it)
        if reason:
            out.append(f"{_item_name(s, it.item_id)}: {reason}.")
    return out


def explain(
    scenario: Scenario, time_limit: float = 30.0, workers: int = 1
) -> Explanation:
    """Explain why ``scenario`` has no schedule (empty if it has one)."""
    s = scenario
    exp = Explanation(cheap=cheap_checks(s))
    model = cp_model.CpModel()
    ctx = BuildContext(model, s, ModelVars(model, s), derived=False)
    guards: dict[int, tuple[str, str]] = {}
    lits = []
    for rule_id, fn in HARD.items():
        if rule_id == "mandatory":
            continue
        g = model.new_bool_var(f"rule:{rule_id}")
        guards[g.index] = ("rule", rule_id)
        lits.append(g)
        ctx.model = _Guarded(model, g)
        fn(ctx)
        ctx.model = model
    for iid, v in ctx.vars.items.items():
        if v.item.mandatory:
            g = model.new_bool_var(f"item:{iid}")
            guards[g.index] = ("item", iid)
            lits.append(g)
            model.add(v.present == 1).only_enforce_if(g)

    def core(assumed) -> list | None:
        model.clear_assumptions()
        model.add_assumptions(assumed)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = workers
        solver.parameters.max_time_in_seconds = time_limit
        status = solver.solve(model)
        exp.status = solver.status_name(status)
        if status != cp_model.INFEASIBLE:
            return None
        idx = set(solver.sufficient_assumptions_for_infeasibility())
        return [x for x in assumed if x.index in idx]

    found = core(lits)
    if found is None:
        return exp
    if not found:
        exp.structural = True
        return exp
    # deletion filter: drop each literal the conflict does not need
    kept = list(found)
    for lit in list(kept):
        trial = [x for x in kept if x is not lit]
        if trial and core(trial) is not None:
            kept = trial
    exp.status = "INFEASIBLE"
    for lit in kept:
        kind, name = guards[lit.index]
        (exp.items if kind == "item" else exp.rules).append(name)
    return exp
