"""Decision variables of the CP-SAT model, one container per item.

Every item has a presence literal, a start variable and one literal per
allowed room; queue slots take their start from a chain (each slot starts
where the previous present one ended). Literals are named after the items
so that logs and infeasibility cores are readable.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model import Domain

from models import Scenario
from models import intervals as iv
from models.records.items import Item, event_item_id

from .room_pools import room_pools


@dataclass
class ItemVars:
    item: Item
    present: cp_model.IntVar
    start: cp_model.IntVar
    #: room pool id -> literal "placed in that pool"
    rooms: dict[str, cp_model.IntVar]
    allowed: Domain | None = None  # start values allowed so far (sound)
    days: dict[int, cp_model.IntVar] = field(default_factory=dict)
    #: queue slots: placed at their place in the order / after the list
    #: (``late`` only when the list's policy is ``end``)
    in_order: cp_model.IntVar | None = None
    late: cp_model.IntVar | None = None

    @property
    def end(self) -> cp_model.LinearExprT:
        return self.start + self.item.duration

    @property
    def duration(self) -> int:
        return self.item.duration


@dataclass
class QueueVars:
    """A protocol queue: its start, its end (after the last present slot)
    and whether any member is present."""

    sequence_id: str
    start: cp_model.IntVar
    end: cp_model.IntVar
    size: cp_model.IntVar
    any_present: cp_model.IntVar
    slot_ids: list[str]
    #: where the k-th slot starts if it is in order: the turn of member k
    #: (``turns[k]``), and, in a list where some member may be late,
    #: where the members after the list begin (``turns[-1]``); see
    #: ``constraints.protocol.sequence_contiguous``
    turns: list = field(default_factory=list)


@dataclass
class Participation:
    """Person ``pid`` is busy in ``item_id`` exactly when ``lit`` holds,
    for ``duration`` seconds from its start (the whole item, or the first
    ``participants_minutes`` of an event they open)."""

    pid: str
    item_id: str
    lit: cp_model.IntVar | bool
    duration: int = 0


class ModelVars:
    """All variables, with lookups named ``x2y`` (PyJobShop style)."""

    def __init__(
        self,
        model: cp_model.CpModel,
        scenario: Scenario,
        alone: Collection[str] = frozenset(),
        derived: bool = True,
    ):
        self.model = model
        self.scenario = scenario
        #: lean on rules that every build holds (see
        #: ``BuildContext.derived``): pools of identical rooms, whose
        #: cap mixes room_no_overlap and vip_sweep, day literals that
        #: take day_hours for granted, late-member variables only where
        #: the windows allow a member to miss their turn
        self.derived = derived
        if not derived:
            alone = {r.room_id for r in scenario.rooms}
        #: pool id -> its rooms (see :mod:`scheduler.model.room_pools`)
        self.pools = room_pools(scenario, alone)
        self.pool_of = {r: p for p, rooms in self.pools.items() for r in rooms}
        self.items: dict[str, ItemVars] = {}
        self.queues: dict[str, QueueVars] = {}
        #: (event item id, head) -> literal "head attends all_heads event"
        self.attends: dict[tuple[str, str], cp_model.IntVar | bool] = {}
        self._true = None
        self._build()

    # --------------------------------------------------------------- build
    def _build(self) -> None:
        m, s = self.model, self.scenario
        horizon = s.grid.horizon
        for it in s.items:
            if it.kind == "sequence":
                continue
            present = m.new_bool_var(f"{it.item_id}|present")
            start = m.new_int_var(0, horizon, f"{it.item_id}|start")
            rooms = self._room_literals(it, present)
            self.items[it.item_id] = ItemVars(
                it, present, start, rooms, allowed=Domain(0, horizon)
            )
            if it.all_heads:
                for h in s.heads:
                    if h not in it.participants:
                        lit = m.new_bool_var(f"{it.item_id}|attends:{h}")
                        m.add_implication(lit, present)
                        self.attends[(it.item_id, h)] = lit
        for seq in s.sequences:
            slots = [it for it in s.items if it.sequence_id == seq.sequence_id]
            slots.sort(key=lambda x: x.list_index)
            q_start = m.new_int_var(0, horizon, f"Q:{seq.sequence_id}|start")
            for it in slots:
                present = m.new_bool_var(f"{it.item_id}|present")
                start = m.new_int_var(0, horizon, f"{it.item_id}|start")
                v = ItemVars(it, present, start, {seq.room_id: present})
                v.in_order = present
                # may_miss_turn prunes with windows and fixed starts:
                # only where every rule holds
                if it.late_ok and (not self.derived or may_miss_turn(s, it)):
                    v.in_order = m.new_bool_var(f"{it.item_id}|in_order")
                    v.late = m.new_bool_var(f"{it.item_id}|late")
                    m.add(present == v.in_order + v.late)
                self.items[it.item_id] = v
            any_present = m.new_bool_var(f"Q:{seq.sequence_id}|any")
            lits = [self.items[it.item_id].present for it in slots]
            if lits:
                m.add_max_equality(any_present, lits)
            else:
                m.add(any_present == 0)
            q_end = m.new_int_var(0, horizon, f"Q:{seq.sequence_id}|end")
            q_size = m.new_int_var(0, horizon, f"Q:{seq.sequence_id}|size")
            m.add(q_size == q_end - q_start)
            vs = [self.items[it.item_id] for it in slots]
            if any(v.late is not None for v in vs):
                turns = [q_start] + [
                    m.new_int_var(0, horizon, f"Q:{seq.sequence_id}|turn{k}")
                    for k in range(1, len(slots) + 1)
                ]
            else:  # one chain: each slot starts at its turn, placed or not
                turns = [v.start for v in vs]
            self.queues[seq.sequence_id] = QueueVars(
                seq.sequence_id,
                q_start,
                q_end,
                q_size,
                any_present,
                [it.item_id for it in slots],
                turns,
            )

    def slots_of(self, pid: str) -> list[ItemVars]:
        """Every queue slot of ``pid``, in any list."""
        cache = self.__dict__.setdefault("_slots_of", None)
        if cache is None:
            cache = {}
            for v in self.items.values():
                if v.item.kind == "sequence":
                    cache.setdefault(v.item.participants[0], []).append(v)
            self.__dict__["_slots_of"] = cache
        return cache.get(pid, [])

    def placed_lit(self, v: ItemVars):
        """True iff the member of a queue slot is placed (in its own
        slot or, moved, in another list); the item's presence otherwise."""
        alts = self.__dict__.setdefault("_alts", None)
        if alts is None:
            alts = {}
            for x in self.items.values():
                if x.item.is_alternative:
                    alts.setdefault(x.item.own_item_id, []).append(x.present)
            self.__dict__["_alts"] = alts
        extra = alts.get(v.item.item_id)
        if not extra:
            return v.present
        return v.present + sum(extra)

    def _room_literals(self, it: Item, present) -> dict:
        m = self.model
        pools = list(dict.fromkeys(self.pool_of[r] for r in it.rooms))
        if not pools:
            return {}
        if len(pools) == 1:
            return {pools[0]: present}
        return {p: m.new_bool_var(f"{it.item_id}@{p}") for p in pools}

    # ------------------------------------------------------------- lookups
    @property
    def true(self):
        if self._true is None:
            self._true = self.model.new_bool_var("TRUE")
            self.model.add(self._true == 1)
        return self._true

    def room2items(self, room_id: str) -> list[tuple[ItemVars, object]]:
        """(item vars, room literal) of every non-queue item that may use
        ``room_id``."""
        return [
            (v, v.rooms[room_id])
            for v in self.items.values()
            if room_id in v.rooms and v.item.kind != "sequence"
        ]

    def venues_of(self, v: ItemVars) -> dict[str, list]:
        """Venue id -> room literals of the item in that venue."""
        out: dict[str, list] = {}
        for r, lit in v.rooms.items():
            out.setdefault(self.scenario.room_by_id[r].venue_id, []).append(
                lit
            )
        return out

    def venue_literal(self, v: ItemVars, venue: str):
        """A literal true iff the item is placed in ``venue`` (lazy)."""
        lits = self.venues_of(v).get(venue, [])
        if len(lits) == 1:
            return lits[0]
        key = (v.item.item_id, venue)
        cache = self.__dict__.setdefault("_venue_lits", {})
        if key not in cache:
            lit = self.model.new_bool_var(f"{v.item.item_id}@{venue}")
            if lits:
                self.model.add_max_equality(lit, lits)
            else:
                self.model.add(lit == 0)
            cache[key] = lit
        return cache[key]

    def day_literal(self, v: ItemVars, k: int):
        """A literal true iff the item is placed and starts on event day
        ``k``, between day_start and day_end (lazy). With ``derived``
        the item's day literals sum to its presence (day_hours holds);
        without, a placed item may also start on no day."""
        if not v.days:
            m = self.model
            spans = self.scenario.day_spans
            lits = {}
            for d, (lo, hi) in enumerate(spans):
                name = f"{v.item.item_id}|day{d}"
                lit = m.new_bool_var(name)
                m.add(v.start >= lo).only_enforce_if(lit)
                m.add(v.start <= hi).only_enforce_if(lit)
                if not self.derived:
                    # placed and inside the day's span: on that day
                    m.add_implication(lit, v.present)
                    late = m.new_bool_var(f"{name}|after")
                    m.add(v.start <= lo - 1).only_enforce_if(
                        [v.present, lit.Not(), late.Not()]
                    )
                    m.add(v.start >= hi + 1).only_enforce_if(
                        [v.present, lit.Not(), late]
                    )
                lits[d] = lit
            if self.derived:
                m.add(sum(lits.values()) == v.present)
            else:
                m.add(sum(lits.values()) <= v.present)
            v.days = lits
        return v.days[k]

    def and_literal(self, name: str, lits: list):
        """A new literal equal to the conjunction of ``lits``."""
        lits = [x for x in lits if x is not True]
        if any(x is False for x in lits):
            return False
        if not lits:
            return True
        if len(lits) == 1:
            return lits[0]
        m = self.model
        out = m.new_bool_var(name)
        m.add_bool_and(lits).only_enforce_if(out)
        m.add_bool_or([out, *[_neg(x) for x in lits]])
        return out

    def participations(self) -> dict[str, list[Participation]]:
        """Person id -> every item they may be busy in, with the literal
        that says they are (cached; needs the all_heads attendance)."""
        cache = self.__dict__.get("_participations")
        if cache is not None:
            return cache
        s = self.scenario
        out: dict[str, list[Participation]] = {}
        for v in self.items.values():
            it = v.item
            if it.kind == "sequence":
                pid = it.participants[0]
                lit = v.present
                if it.within_event:
                    ev = event_item_id(it.within_event)
                    att = self._attends_or_static(ev, pid)
                    if att is True:
                        continue
                    if att is not False:
                        lit = self.and_literal(
                            f"{it.item_id}|outside_event", [lit, _neg(att)]
                        )
                out.setdefault(pid, []).append(
                    Participation(pid, it.item_id, lit, it.duration)
                )
                continue
            for pid in it.participants:
                out.setdefault(pid, []).append(
                    Participation(
                        pid, it.item_id, v.present, it.busy_seconds(pid)
                    )
                )
            if it.all_heads:
                for h in s.heads:
                    if h in it.participants:
                        continue
                    attends = self.attends.get((it.item_id, h))
                    if attends is not None:
                        out.setdefault(h, []).append(
                            Participation(h, it.item_id, attends, it.duration)
                        )
        self.__dict__["_participations"] = out
        return out

    def _attends_or_static(self, event_item: str, pid: str):
        v = self.items.get(event_item)
        if v is None:
            return False
        if pid in v.item.participants:
            return v.present
        if v.item.all_heads:
            return self.attends.get((event_item, pid), False)
        return False


def list_span(s: Scenario, sequence_id: str) -> tuple[int, int]:
    """The widest span a list may run in: its event's possible span, or
    its window."""
    g = s.grid
    seq = s.sequence_by_id[sequence_id]
    if seq.within_event is not None:
        ev = s.item_by_id.get(event_item_id(seq.within_event))
        if ev is None:
            return 0, 0
        if ev.fixed_start is not None:
            return ev.fixed_start, ev.fixed_start + ev.duration
        return max(0, ev.start_min), ev.start_max + ev.duration
    if seq.earliest is None or seq.latest is None:  # refused by validation
        return 0, g.horizon
    return g.to_index(seq.earliest), g.to_index(seq.latest)


def may_miss_turn(s: Scenario, it: Item) -> bool:
    """Whether the member of queue slot ``it`` can ever be not there
    (not available, not yet arrived, or in another list) while their
    list may run: only then can they be late or moved (pruning only)."""
    g = s.grid
    seq = s.sequence_by_id[it.list_id]
    lo, hi = list_span(s, it.list_id)
    pid = it.participants[0]
    if not iv.contains(s.person_free(pid), lo, hi):
        return True
    buf = s.buffer_seconds
    for x in s.items:
        if (
            x.kind == "sequence"
            and x.sequence_id != it.sequence_id
            and x.participants[0] == pid
        ):
            x_lo, x_hi = list_span(s, x.list_id)
            if x_lo - buf < hi and lo < x_hi + buf:
                return True
    arr = s.arrival_by_delegation.get(s.delegation_of(pid))
    if arr is None:
        return False
    venue = s.room_by_id[seq.room_id].venue_id
    ends = g.to_index(arr.latest) + s.arrival_minutes(arr) * 60
    travel = max(
        (
            s.travel_seconds(s.room_by_id[r].venue_id, venue)
            for r in s.arrival_rooms(arr)
        ),
        default=0,
    )
    return ends + travel > lo


def _neg(lit):
    if lit is True:
        return False
    if lit is False:
        return True
    return lit.Not()
