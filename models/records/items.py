"""Schedulable items derived from a scenario, shared by the engine and the
checker: what each item is, how long it lasts, where and when it may go,
who is busy in it and what it is worth."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .time_grid import MINUTE

if TYPE_CHECKING:
    from .scenario import Scenario


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to place. Times are grid seconds (see ``TimeGrid``).

    ``start_min``/``start_max`` bound the start from the item's own window
    (earliest/latest, arrival window); day hours, availability and rooms
    narrow it further. ``participants`` are the people known in advance to
    be busy (``all_heads`` events add every present head).
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

    @property
    def is_event(self) -> bool:
        return self.kind == "event"


def item_id_for(kind: str, ref_id: str, member: str | None = None) -> str:
    """Schedule item ids: ``E:<event>``, ``B:<request>``, ``A:<delegation>``,
    ``S:<sequence>:<member>``."""
    prefix = {"event": "E", "bilateral": "B", "arrival": "A", "sequence": "S"}[
        kind
    ]
    return (
        f"S:{ref_id}:{member}" if kind == "sequence" else f"{prefix}:{ref_id}"
    )


def item_value(
    scenario: Scenario,
    priority: int,
    participants: tuple[str, ...],
    all_heads: bool = False,
) -> int:
    """Worth of placing an item: 10 × priority, plus a rank bonus of
    (11 − best precedence among its people), 0..10."""
    if all_heads:
        bonus = 10
    elif participants:
        best = min(scenario.precedence(p) for p in participants)
        bonus = max(0, min(10, 11 - best))
    else:
        bonus = 0
    return 10 * priority + bonus


def _window(
    scenario: Scenario, earliest, latest, duration: int
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
            p for p in (s.resolve(r) for r in e.participants) if p is not None
        )
        slots = tuple(
            (g.to_index(x.start), g.to_index(x.end))
            for x in s.slots_by_set.get(e.slot_set or "", ())
        )
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
            )
        )
    for b in s.bilaterals:
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
                title=_bilateral_title(s, b),
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
        dur = s.arrival_minutes(a) * MINUTE
        greeter = s.resolve(a.greeter) if a.greeter else None
        parts = (a.delegation_id, *([greeter] if greeter else []))
        items.append(
            Item(
                item_id=item_id_for("arrival", a.delegation_id),
                kind="arrival",
                ref_id=a.delegation_id,
                title=f"Arrival of {_delegation_name(s, a.delegation_id)}",
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
        order = s.queue_order(seq.sequence_id)
        by_pid = {
            s.resolve(m.member): m for m in s.members_of(seq.sequence_id)
        }
        if seq.within_event is None:
            lo, hi = _window(s, seq.earliest, seq.latest, 0)
        else:
            lo, hi = 0, g.horizon
        for idx, pid in enumerate(order):
            m = by_pid[pid]
            dur = s.member_seconds(seq, m)
            items.append(
                Item(
                    item_id=item_id_for("sequence", seq.sequence_id, m.member),
                    kind="sequence",
                    ref_id=seq.sequence_id,
                    title=f"{seq.title}: {s.persons[pid].name}"
                    f" ({_delegation_name(s, s.delegation_of(pid))})",
                    duration=dur,
                    step=1,
                    rooms=(seq.room_id,),
                    start_min=lo,
                    start_max=hi - dur if hi < g.horizon else hi,
                    participants=(pid,),
                    mandatory=m.mandatory,
                    priority=3,
                    value=item_value(s, 3, (pid,)),
                    restricted=False,
                    attendance=1,
                    sequence_id=seq.sequence_id,
                    member=m.member,
                    queue_index=idx,
                    fixed_position=m.position,
                    within_event=seq.within_event,
                )
            )
    return tuple(items)


def _delegation_name(s: Scenario, delegation_id: str) -> str:
    d = s.delegation_by_id.get(delegation_id)
    return d.name if d else delegation_id


def _bilateral_title(s: Scenario, b) -> str:
    names = []
    for ref in (b.party_a, b.party_b):
        pid = s.resolve(ref)
        if pid is None:
            names.append(ref)
            continue
        p = s.persons[pid]
        names.append(
            p.name
            if not p.is_head
            else f"{_delegation_name(s, pid)} ({p.name})"
        )
    return f"Bilateral: {names[0]} – {names[1]}"
