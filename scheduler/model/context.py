"""What every rule-building function receives."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model import Domain

from models import Scenario
from models.baseline import Baseline
from models.records.items import event_item_id

from .variables import ItemVars, ModelVars


class BuildTooLong(Exception):
    """The model was not built by its deadline (``BuildContext.deadline``):
    too large for the time the run has."""


@dataclass
class Use:
    """One use of a room: a placed item, or a whole queue."""

    label: str
    start: cp_model.LinearExprT
    end: cp_model.LinearExprT
    lit: object
    vip: object  # True, False or a literal
    demand: int
    size: int | None  # fixed size, or None for a queue span
    size_var: cp_model.IntVar | None = None  # a queue's span length


@dataclass
class BuildContext:
    model: cp_model.CpModel
    scenario: Scenario
    vars: ModelVars
    #: pool id -> seconds a VIP use is widened to the left (vip_sweep)
    sweep_pre: dict = field(default_factory=dict)
    #: reason across rules: narrow start domains rule after rule
    #: (``ItemVars.allowed``), prune and add redundant cuts with what the
    #: rules built so far allow. Off (each rule then says only what it
    #: says, whatever else is built) wherever rules are left out or
    #: switched on and off one by one: ``build_model(skip=...)``, explain,
    #: diagnose (:mod:`scheduler.diagnosis.assumptions`); with it off the
    #: variables use no room pools either (``ModelVars.derived``).
    derived: bool = True
    #: the published schedule of a what-if run (rule baseline_pins)
    baseline: Baseline | None = None
    #: more baseline items to pin (the first phase of a what-if run)
    hold: frozenset[str] = frozenset()
    #: ``time.monotonic()`` past which building stops
    #: (:class:`BuildTooLong`, checked by :meth:`on_time`); ``None``: none
    deadline: float | None = None

    def on_time(self) -> None:
        """Raise :class:`BuildTooLong` once the deadline has passed: a
        rule whose size grows with the square of a person's items calls
        it as it goes."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise BuildTooLong

    def lit(self, x):
        """A model literal for ``x`` (``True`` becomes a fixed-true var)."""
        if x is True:
            return self.vars.true
        if x is False:
            return self.vars.true.Not()
        return x

    def restrict(self, v: ItemVars, dom: Domain, why: str):
        """The item may only start in ``dom``: unconditionally for items
        whose start means nothing when absent (a start no room or rule
        allows then just keeps the item out), enforced by presence for
        queue slots whose start comes from their chain.

        Not ``derived``: enforced by presence, and nothing is narrowed,
        so the constraint is this rule's alone."""
        m = self.model
        if not self.derived:
            if (
                Domain(0, self.scenario.grid.horizon)
                .intersection_with(dom)
                .is_empty()
            ):
                m.add(v.present == 0).with_name(why)  # can never hold
                return
            m.add_linear_expression_in_domain(v.start, dom).with_name(
                why
            ).only_enforce_if(v.present)
            return
        if v.allowed is None:
            window = self.slot_window(v)
            if window.intersection_with(dom).is_empty():
                m.add(v.present == 0).with_name(why)  # can never hold
                return
            m.add_linear_expression_in_domain(v.start, dom).with_name(
                why
            ).only_enforce_if(v.present)
            return
        new = v.allowed.intersection_with(dom)
        if new.is_empty():
            m.add(v.present == 0).with_name(why)
            return
        m.add_linear_expression_in_domain(v.start, dom).with_name(why)
        v.allowed = new

    def slot_window(self, v: ItemVars) -> Domain:
        """Starts a queue slot can take at all: inside its event's possible
        span, or its queue's window (pruning only)."""
        it = v.item
        if it.within_event:
            ev = self.vars.items.get(event_item_id(it.within_event))
            if (
                ev is not None
                and ev.allowed is not None
                and not ev.allowed.is_empty()
            ):
                return Domain(
                    ev.allowed.min(),
                    ev.allowed.max() + ev.duration - it.duration,
                )
            return Domain(0, self.scenario.grid.horizon)
        return Domain(it.start_min, max(it.start_min, it.start_max))

    def interval(self, name, start, size, lit):
        return self.model.new_optional_fixed_size_interval_var(
            start, size, self.lit(lit), name
        )

    # ------------------------------------------------------------- rooms
    def vip_literal(self, v: ItemVars):
        """True, False or a literal: the item has a VIP participant."""
        s = self.scenario
        it = v.item
        if any(s.is_vip(p) for p in it.participants):
            return True
        if it.all_heads:
            lits = [
                lit
                for (iid, h), lit in self.vars.attends.items()
                if iid == it.item_id and s.is_vip(h)
            ]
            return self._or(f"{it.item_id}|vip", lits)
        return False

    def _or(self, name, lits):
        """A literal equal to the disjunction of ``lits`` (a definition,
        added to the variables' model: it holds in every build)."""
        if not lits:
            return False
        if len(lits) == 1:
            return lits[0]
        m = self.vars.model
        out = m.new_bool_var(name)
        m.add_max_equality(out, lits)
        return out

    def room_uses(self, room_id: str) -> list[Use]:
        """Every possible use of a room: each non-queue item that may be
        placed there, and each queue held there (unless it sits inside its
        event placed in the same room)."""
        cache = self.__dict__.setdefault("_uses", {})
        if room_id in cache:
            return cache[room_id]
        s, vs = self.scenario, self.vars
        room = s.room_by_id[room_id]
        uses = []
        for v, lit in vs.room2items(room_id):
            it = v.item
            demand = s.room_demand(it, room_id)
            uses.append(
                Use(
                    it.item_id,
                    v.start,
                    v.end,
                    lit,
                    self.vip_literal(v),
                    demand,
                    it.duration,
                )
            )
        for seq in s.sequences:
            if seq.room_id != room_id:
                continue
            q = vs.queues[seq.sequence_id]
            lit = q.any_present
            ev = (
                vs.items.get(event_item_id(seq.within_event))
                if seq.within_event
                else None
            )
            if ev is not None and room_id in ev.rooms:
                in_event = ev.rooms[room_id]
                lit = vs.and_literal(
                    f"Q:{seq.sequence_id}|own_use",
                    [q.any_present, in_event.Not()],
                )
            vip = self._or(
                f"Q:{seq.sequence_id}|vip",
                [
                    vs.items[i].present
                    for i in q.slot_ids
                    if s.is_vip(vs.items[i].item.participants[0])
                ],
            )
            uses.append(
                Use(
                    f"Q:{seq.sequence_id}",
                    q.start,
                    q.end,
                    lit,
                    vip,
                    room.capacity,
                    None,
                    q.size,
                )
            )
        cache[room_id] = uses
        return uses

    def use_interval(self, use: Use, before: int, after: int, name: str):
        """The use's interval widened by ``before`` and ``after``."""
        if use.size is not None:
            return self.interval(
                name, use.start - before, use.size + before + after, use.lit
            )
        if use.size_var is None:
            raise ValueError(f"{use.label}: a use needs a size")
        m = self.model
        if before or after:
            size = m.new_int_var(0, 10**7, f"{name}|size")
            m.add(size == use.size_var + before + after)
        else:
            size = use.size_var
        return m.new_optional_interval_var(
            use.start - before, size, use.end + after, self.lit(use.lit), name
        )
