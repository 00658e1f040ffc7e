"""Why a scenario cannot be scheduled, in a protocol officer's words.

Cheap checks come first (no room fits, a party never free in the window).
Then the solver diagnoses the rest: the model is built with each hard rule
behind an assumption literal and each mandatory item behind its own
(:mod:`scheduler.diagnosis.assumptions`), and the infeasibility core
(shrunk by a deletion filter) names the rules and items that cannot hold
together, and no rule or item more. When the solver gives no core, the
conflict is structural and only the cheap checks are reported.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from models import Scenario
from models.reasons import no_room_reason, time_reason
from models.rules import RULE_BY_ID

from .assumptions import guarded_build, minimal_core


@dataclass
class Explanation:
    """The conflict: mandatory items and rules that cannot all hold."""

    items: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    cheap: list[str] = field(default_factory=list)
    structural: bool = False
    status: str = ""
    #: no rule or item of the core can be dropped (proven in time)
    minimal: bool = True
    #: the solver was not asked: no time was left to build its model
    unasked: bool = False

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
        elif self.unasked:
            out.append(
                "No time was left to find which rules and items cannot "
                "all hold; a longer --time-limit leaves some."
            )
        return out


def _item_name(s: Scenario, item_id: str) -> str:
    it = s.item_by_id[item_id]
    return f"{item_id} ({it.title})"


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
    scenario: Scenario,
    time_limit: float = 30.0,
    workers: int = 1,
    ask: bool = True,
) -> Explanation:
    """Explain why ``scenario`` has no schedule (empty if it has one), in
    ``time_limit`` seconds at most: the core, then the deletion filter
    that makes it minimal (``minimal`` false if the time ran out first;
    the core is still one that cannot hold). Building the model behind
    its assumptions counts in the time (1.5 s on 377 items, where the
    core and its filter once got the whole limit on top of it). Without
    ``ask``, the cheap checks only (no time to build that model)."""
    t0 = time.monotonic()
    s = scenario
    exp = Explanation(cheap=cheap_checks(s))
    if not ask:
        exp.unasked = True
        return exp
    build = guarded_build(s, leave_out=("mandatory",))
    lits = list(build.rules.values())
    for iid, v in build.ctx.vars.items.items():
        if v.item.mandatory:
            g = build.literal("item", iid)
            lits.append(g)
            build.model.add(v.present == 1).only_enforce_if(g)
    left = time_limit - (time.monotonic() - t0)
    core = minimal_core(build.model, lits, left, workers)
    exp.status = core.status
    if core.lits is None:
        return exp
    if not core.lits:
        exp.structural = True
        return exp
    exp.minimal = core.minimal
    for kind, name in build.named(core.lits):
        (exp.items if kind == "item" else exp.rules).append(name)
    return exp
