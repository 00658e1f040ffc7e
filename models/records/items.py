"""Schedulable items derived from a scenario, shared by the engine and the
checker: what each item is, how long it lasts, where and when it may go,
who is busy in it and what it is worth."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..titles import arrival_title, bilateral_title, queue_slot_title
from .time_grid import MINUTE
from .vocabulary import ID_PREFIX, ItemKind

if TYPE_CHECKING:
    from .scenario import Scenario
    from .schedule import Assignment
    from .sequences import Sequence, SequenceMember


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to place. Times are grid seconds (see ``TimeGrid``).

    ``start_min``/``start_max`` bound the start from the item's own window
    (earliest/latest, arrival window); day hours, availability and rooms
    narrow it further. ``participants`` are the people known in advance to
    be busy (``all_heads`` events add every present head); those in
    ``short`` are busy only for the first ``short_seconds`` (an event's
    ``participants_minutes``), see :meth:`busy_seconds`.

    Queue slots: ``queue_index`` is the place in the list's order;
    ``late_ok`` says the member may be placed after the list (late policy
    ``end``); ``moved_from`` marks the slot a member of that other list
    takes here when they cannot be there at their turn (late policy
    ``move:``). Such a slot is an alternative of the member's own slot
    (:attr:`own_item_id`), never a request of its own.
    """

    item_id: str
    kind: str  # event | bilateral | arrival | sequence
    ref_id: str
    title: str
    duration: int
    step: int
    rooms: tuple[str, ...]
    start_min: int
    start_max: int
    participants: tuple[str, ...]
    mandatory: bool
    priority: int
    value: int
    restricted: bool
    attendance: int
    fixed_start: int | None = None
    slots: tuple[tuple[int, int], ...] = ()
    all_heads: bool = False
    sequence_id: str | None = None
    member: str | None = None
    queue_index: int | None = None
    fixed_position: int | None = None
    within_event: str | None = None
    counts_for_limit: bool = False
    preferred_day: int | None = None
    track: str | None = None
    late_ok: bool = False
    moved_from: str | None = None
    short: tuple[str, ...] = ()
    short_seconds: int | None = None

    @property
    def is_event(self) -> bool:
        return self.kind == "event"

    @property
    def slot_starts(self) -> list[int]:
        """The starts its slot set allows: each slot's start, where the
        item fits inside the slot (none without a slot set)."""
        return [lo for lo, hi in self.slots if hi - lo >= self.duration]

    def busy_seconds(self, pid: str) -> int:
        """How long ``pid`` is busy from the item's start: the whole item,
        or the first ``participants_minutes`` for a listed participant of
        such an event (not for heads attending an all-heads event)."""
        if self.short_seconds is not None and pid in self.short:
            return self.short_seconds
        return self.duration

    @property
    def list_id(self) -> str:
        """A queue slot's list (its ``sequence_id``); ``ValueError`` for
        any other item."""
        if self.sequence_id is None:
            raise ValueError(f"{self.item_id} is not a queue slot")
        return self.sequence_id

    @property
    def list_index(self) -> int:
        """A queue slot's place in its list's order (``queue_index``);
        ``ValueError`` for any other item."""
        if self.queue_index is None:
            raise ValueError(f"{self.item_id} is not a queue slot")
        return self.queue_index

    @property
    def own_item_id(self) -> str:
        """The member's slot in their own list (itself unless moved)."""
        if self.moved_from is None:
            return self.item_id
        return item_id_for("sequence", self.moved_from, self.member)

    @property
    def is_alternative(self) -> bool:
        """A moved member's slot in another list: placed instead of the
        member's own slot, never listed as left out on its own."""
        return self.moved_from is not None


def busy_end(scenario: Scenario, a: Assignment, pid: str) -> datetime:
    """When ``pid`` is free again after the row ``a``: its end, or the
    end of the first ``participants_minutes`` for a participant who opens
    an event and hands over (:meth:`Item.busy_seconds`)."""
    it = scenario.item_by_id.get(a.item_id)
    if it is None:
        return a.end
    busy = it.busy_seconds(pid)
    if busy == it.duration:
        return a.end
    return a.start + timedelta(seconds=busy)


def left_out(scenario: Scenario, placed: Collection[str]) -> list[Item]:
    """The items to report as left out when the item ids ``placed`` are
    placed: every item not placed, but a member moved to another list
    counts as placed, and the slot a member may take in another list is
    never reported on its own."""
    held = {
        scenario.item_by_id[i].own_item_id
        for i in placed
        if i in scenario.item_by_id
    }
    return [
        it
        for it in scenario.items
        if not it.is_alternative and it.item_id not in held
    ]


def item_id_for(kind: str, ref_id: str, member: str | None = None) -> str:
    """Schedule item ids: ``E:<event>``, ``B:<request>``, ``A:<delegation>``,
    ``S:<sequence>:<member>``."""
    if kind == ItemKind.SEQUENCE:
        return slot_item_id(ref_id, member or "")
    return f"{ID_PREFIX[kind]}:{ref_id}"


def event_item_id(event_id: str) -> str:
    """The item id of an event (``E:<event_id>``)."""
    return f"{ID_PREFIX[ItemKind.EVENT]}:{event_id}"


def bilateral_item_id(request_id: str) -> str:
    """The item id of a bilateral request (``B:<request_id>``)."""
    return f"{ID_PREFIX[ItemKind.BILATERAL]}:{request_id}"


def arrival_item_id(delegation_id: str) -> str:
    """The item id of a delegation's reception (``A:<delegation_id>``)."""
    return f"{ID_PREFIX[ItemKind.ARRIVAL]}:{delegation_id}"


def slot_item_id(sequence_id: str, member: str) -> str:
    """The item id of a member's slot in a list
    (``S:<sequence_id>:<member>``)."""
    return f"{ID_PREFIX[ItemKind.SEQUENCE]}:{sequence_id}:{member}"


def rank_bonus(precedence: int) -> int:
    """The rank bonus of a guest of that precedence: ``11 − precedence``,
    kept to 0..10 (see :mod:`models.objective`)."""
    return max(0, min(10, 11 - precedence))


def item_value(
    scenario: Scenario,
    priority: int,
    participants: tuple[str, ...],
    all_heads: bool = False,
) -> int:
    """Worth of placing an item: 10 × priority, plus the rank bonus of its
    most senior *guest* (:func:`rank_bonus`; the host side's people, see
    :meth:`Scenario.side`, do not count; all_heads events: 10)."""
    return 10 * priority + value_bonus(scenario, participants, all_heads)


def valued_guest(
    scenario: Scenario, participants: tuple[str, ...]
) -> str | None:
    """The most senior guest among ``participants`` (the host side's
    people do not count; the order of precedence breaks ties), or
    ``None``."""
    guests = [
        p
        for p in participants
        if p in scenario.persons and not scenario.is_host_side(p)
    ]
    return min(guests, key=scenario.precedence_key) if guests else None


def value_bonus(
    scenario: Scenario, participants: tuple[str, ...], all_heads: bool = False
) -> int:
    """The rank bonus part of :func:`item_value`."""
    if all_heads:
        return 10
    guest = valued_guest(scenario, participants)
    if guest is None:
        return 0
    return rank_bonus(scenario.precedence(guest))


def _window(
    scenario: Scenario,
    earliest: datetime | None,
    latest: datetime | None,
    duration: int,
) -> tuple[int, int]:
    g = scenario.grid
    lo = g.to_index(earliest) if earliest is not None else 0
    hi = (
        (g.to_index(latest) - duration)
        if latest is not None
        else g.horizon - duration
    )
    return lo, hi


def build_items(scenario: Scenario) -> tuple[Item, ...]:
    """Every item of a validated scenario (events, bilaterals, arrivals,
    sequence slots), in sheet order. ``Scenario.items`` caches this."""
    s = scenario
    g = s.grid
    step = s.settings.time_step_minutes * MINUTE
    items: list[Item] = []
    day_index = {d: k for k, d in enumerate(g.days)}
    for e in s.events:
        dur = e.duration_minutes * MINUTE
        lo, hi = _window(s, e.earliest, e.latest, dur)
        parts = tuple(
            p
            for p in (s.resolve(r) for r in e.participants)
            if p is not None and s.is_active(p)
        )
        slots = tuple(
            (g.to_index(x.start), g.to_index(x.end))
            for x in s.slots_by_set.get(e.slot_set or "", ())
        )
        short: tuple[str, ...] = ()
        if e.participants_minutes is not None:
            heads = set(s.heads) if e.all_heads else set()
            short = tuple(p for p in parts if p not in heads)
        items.append(
            Item(
                item_id=item_id_for("event", e.event_id),
                kind="event",
                ref_id=e.event_id,
                title=e.title,
                duration=dur,
                step=step,
                rooms=s.event_rooms(e),
                start_min=lo,
                start_max=hi,
                participants=parts,
                mandatory=e.mandatory,
                priority=e.priority,
                value=item_value(s, e.priority, parts, e.all_heads),
                restricted=e.restricted,
                attendance=e.attendance,
                fixed_start=g.to_index(e.fixed_start)
                if e.fixed_start
                else None,
                slots=slots,
                all_heads=e.all_heads,
                counts_for_limit=True,
                preferred_day=day_index.get(e.preferred_day)
                if e.preferred_day
                else None,
                track=e.track,
                short=short,
                short_seconds=(e.participants_minutes or 0) * MINUTE
                if short
                else None,
            )
        )
    for b in s.bilaterals:
        if waiting_for(s, (b.party_a, b.party_b)):
            continue
        dur = b.duration_minutes * MINUTE
        lo, hi = _window(s, b.earliest, b.latest, dur)
        parts = tuple(
            p
            for p in (s.resolve(b.party_a), s.resolve(b.party_b))
            if p is not None
        )
        items.append(
            Item(
                item_id=item_id_for("bilateral", b.request_id),
                kind="bilateral",
                ref_id=b.request_id,
                title=bilateral_title(s, b.party_a, b.party_b),
                duration=dur,
                step=step,
                rooms=s.bilateral_rooms(b),
                start_min=lo,
                start_max=hi,
                participants=parts,
                mandatory=b.mandatory,
                priority=b.priority,
                value=item_value(s, b.priority, parts),
                restricted=b.restricted,
                attendance=s.bilateral_attendance(b),
                counts_for_limit=True,
            )
        )
    for a in s.arrivals:
        if waiting_for(s, (a.delegation_id,)):
            continue
        dur = s.arrival_minutes(a) * MINUTE
        greeter = s.resolve(a.greeter) if a.greeter else None
        if greeter is not None and not s.is_active(greeter):
            greeter = None
        parts = (a.delegation_id, *([greeter] if greeter else []))
        items.append(
            Item(
                item_id=item_id_for("arrival", a.delegation_id),
                kind="arrival",
                ref_id=a.delegation_id,
                title=arrival_title(s, a.delegation_id),
                duration=dur,
                step=MINUTE,
                rooms=s.arrival_rooms(a),
                start_min=g.to_index(a.earliest),
                start_max=g.to_index(a.latest),
                participants=parts,
                mandatory=True,
                priority=5,
                value=item_value(s, 5, parts),
                restricted=True,
                attendance=1 + s.delegation_by_id[a.delegation_id].size
                if a.delegation_id in s.delegation_by_id
                else 1,
            )
        )
    for seq in s.sequences:
        items.extend(_queue_items(s, seq))
    return tuple(items)


def _queue_items(s: Scenario, seq: Sequence) -> list[Item]:
    """The slots of one list, in its order: its own members, and the
    members other lists move here when late (``moved_from``)."""
    g = s.grid
    order = s.queue_order(seq.sequence_id, moved_in=True)
    by_pid: dict[str, tuple[SequenceMember, str | None]] = {
        pid: (m, None)
        for m in s.members_of(seq.sequence_id)
        if (pid := s.resolve(m.member)) is not None
    }
    for pid, member, from_list in s.moved_into(seq.sequence_id):
        by_pid[pid] = (member, from_list)
    if seq.within_event is None:
        lo, hi = _window(s, seq.earliest, seq.latest, 0)
    else:
        lo, hi = 0, g.horizon
    out = []
    for idx, pid in enumerate(order):
        m, source = by_pid[pid]
        dur = s.member_seconds(seq, m)
        out.append(
            Item(
                item_id=item_id_for("sequence", seq.sequence_id, m.member),
                kind="sequence",
                ref_id=seq.sequence_id,
                title=queue_slot_title(s, seq, pid),
                duration=dur,
                step=1,
                rooms=(seq.room_id,),
                start_min=lo,
                start_max=hi - dur if hi < g.horizon else hi,
                participants=(pid,),
                mandatory=m.mandatory and source is None,
                priority=3,
                value=item_value(s, 3, (pid,)),
                restricted=False,
                attendance=1,
                sequence_id=seq.sequence_id,
                member=m.member,
                queue_index=idx,
                fixed_position=m.position if source is None else None,
                within_event=seq.within_event,
                late_ok=source is None and seq.late == "end",
                moved_from=source,
            )
        )
    return out


def waiting_for(s: Scenario, refs: Iterable[str | None]) -> str | None:
    """The first delegation among the people ``refs`` name that has not
    confirmed (``None`` if all have): an unconfirmed delegation takes no
    part in anything until it does."""
    for ref in refs:
        pid = s.resolve(ref) if ref else None
        if pid is not None and not s.is_active(pid):
            return s.delegation_of(pid)
    return None


@dataclass(frozen=True, slots=True)
class Waiting:
    """A request held back because a delegation it names has not
    confirmed: not an item, reported as waiting for that delegation."""

    item_id: str
    kind: str
    ref_id: str
    title: str
    priority: int
    delegation_id: str


def build_waiting(scenario: Scenario) -> tuple[Waiting, ...]:
    """The requests of a validated scenario that wait for a delegation's
    confirmation: bilaterals and arrivals naming it, and its members'
    places in the queues (``Scenario.waiting`` caches this)."""
    s = scenario
    out: list[Waiting] = []
    for b in s.bilaterals:
        d = waiting_for(s, (b.party_a, b.party_b))
        if d:
            out.append(
                Waiting(
                    item_id_for("bilateral", b.request_id),
                    "bilateral",
                    b.request_id,
                    bilateral_title(s, b.party_a, b.party_b),
                    b.priority,
                    d,
                )
            )
    for a in s.arrivals:
        d = waiting_for(s, (a.delegation_id,))
        if d:
            out.append(
                Waiting(
                    item_id_for("arrival", a.delegation_id),
                    "arrival",
                    a.delegation_id,
                    arrival_title(s, a.delegation_id),
                    5,
                    d,
                )
            )
    for m in s.members:
        d = waiting_for(s, (m.member,))
        seq = s.sequence_by_id.get(m.sequence_id)
        pid = s.resolve(m.member)
        if d and seq is not None and pid is not None:
            out.append(
                Waiting(
                    item_id_for("sequence", m.sequence_id, m.member),
                    "sequence",
                    m.sequence_id,
                    queue_slot_title(s, seq, pid),
                    3,
                    d,
                )
            )
    return tuple(out)
