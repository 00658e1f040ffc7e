"""Cheap reasons why an item is left out, in a protocol officer's words.

These checks need no solver: no room at all, a window too short, a party
absent, a daily limit reached, its people never free together, every
room taken while they are, a member not present for the queue. When none
applies, the item lost its place to higher-value items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from . import intervals as iv
from .checker.protocol import in_other_list, there_at, turn_start
from .records.items import Item, event_item_id, slot_item_id
from .records.scenario import Scenario
from .records.schedule import Assignment, Schedule, Unscheduled, is_late

#: Said when no cheaper check explains a left-out item.
GENERIC_REASON = (
    "Every time its people and a suitable room are free together "
    "is taken by items of higher priority or rank"
)


def busy_spans(
    s: Scenario, schedule: Schedule, pid: str, pad: int = 0
) -> list[tuple[int, int, Assignment]]:
    """(start, end, row) of the rows ``pid`` is busy in, each widened by
    ``pad`` seconds on both sides: the whole row, or the first
    ``participants_minutes`` of an event they open and hand over."""
    g = s.grid
    out: list[tuple[int, int, Assignment]] = []
    for a in schedule.assignments:
        if pid not in a.participants:
            continue
        lo, hi = g.to_index(a.start), g.to_index(a.end)
        it = s.item_by_id.get(a.item_id)
        if it is not None:
            hi = lo + it.busy_seconds(pid)
        out.append((lo - pad, hi + pad, a))
    return out


def _hm(s: Scenario, t: int) -> str:
    dt = s.grid.to_datetime(t)
    return dt.strftime("%d %b %H:%M")


def _names(s: Scenario, pids: Iterable[str]) -> str:
    return " and ".join(_who(s, p) for p in pids)


def _who(s: Scenario, pid: str) -> str:
    p = s.persons[pid]
    return f"the head of {pid}" if p.is_head else pid


def no_room_reason(s: Scenario, it: Item) -> str | None:
    if it.rooms:
        return None
    if it.kind == "event":
        e = s.event_by_id[it.ref_id]
        kinds = ", ".join(e.room_kinds) if e.room_kinds else "default kinds"
        feats = ", ".join(e.required_features) or "no special features"
        return (
            f"No room fits: it needs {it.attendance} seats in a room of "
            f"{kinds} with {feats}"
            + (f" among {', '.join(e.rooms)}" if e.rooms else "")
        )
    if it.kind == "bilateral":
        b = s.bilateral_by_id[it.ref_id]
        where = f" at {b.venue_id}" if b.venue_id else ""
        return (
            f"No bilateral room{where} with "
            f"{', '.join(b.required_features) or 'no features'} seats "
            f"{it.attendance}"
        )
    return f"No room is available for it ({it.kind})"


def time_reason(s: Scenario, it: Item) -> str | None:
    """The item's people are never free together long enough inside its
    window and the day hours."""
    if it.kind == "sequence":
        return None
    window = [(it.start_min, it.start_max + it.duration)]
    spans = iv.intersect(s.day_spans, window)
    for pid in it.participants:
        spans_p = iv.intersect(spans, s.person_free(pid))
        if not iv.starts_inside(spans_p, it.duration):
            return (
                f"{_who(s, pid)} is not available for "
                f"{it.duration // 60} minutes inside its window"
            )
    shared = spans
    for pid in it.participants:
        shared = iv.intersect(shared, s.person_free(pid))
    if not iv.starts_inside(shared, it.duration):
        return (
            f"{_names(s, it.participants)} are never free together "
            f"for {it.duration // 60} minutes inside its window"
        )
    return None


def _days_in_window(s: Scenario, it: Item) -> list[date]:
    lo, hi = it.start_min, it.start_max + it.duration
    return [
        d
        for d, (a, b) in zip(s.grid.days, s.day_spans, strict=True)
        if a < hi and lo < b
    ]


def limit_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """Every day the item could take place, one of its people has reached
    their daily limit."""
    if not it.counts_for_limit:
        return None
    days = _days_in_window(s, it)
    for pid in it.participants:
        limit = s.persons[pid].max_items_per_day
        if limit is None:
            continue
        counts: dict[date, int] = {}
        for a in schedule.assignments:
            if a.kind in ("event", "bilateral") and pid in a.participants:
                counts[a.start.date()] = counts.get(a.start.date(), 0) + 1
        if days and all(counts.get(d, 0) >= limit for d in days):
            when = ", ".join(f"{d:%d %b}" for d in days)
            return (
                f"{_who(s, pid)} already has {limit} items on {when} "
                "(their daily limit)"
            )
    return None


def busy_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """One of its people has no free stretch long enough inside its window
    once their placed items (with buffers) are counted."""
    if it.kind == "sequence":
        return None
    window = iv.intersect(
        s.day_spans, [(it.start_min, it.start_max + it.duration)]
    )
    buf = s.buffer_seconds
    for pid in it.participants:
        mine = sorted(busy_spans(s, schedule, pid), key=lambda x: x[2].start)
        busy = [(lo, hi) for lo, hi, _ in mine]
        need = it.busy_seconds(pid)
        free = iv.subtract(iv.intersect(window, s.person_free(pid)), busy)
        if iv.starts_inside(free, need):
            continue
        inside = [
            a
            for lo, hi, a in mine
            if iv.intersect(window, [(lo + buf, hi - buf)])
        ]
        shown = ", ".join(
            f"{a.item_id} {a.start:%d %b %H:%M}" for a in inside[:4]
        )
        more = f" and {len(inside) - 4} more" if len(inside) > 4 else ""
        text = (
            f"{_who(s, pid)} has no free {it.duration // 60} minutes "
            "inside its window"
        )
        return f"{text}: busy with {shown}{more}" if shown else text
    return None


def _span_text(s: Scenario, spans: list[tuple[int, int]]) -> str:
    shown = [f"{_hm(s, lo)}–{_hm(s, hi)[-5:]}" for lo, hi in spans[:3]]
    more = f" and {len(spans) - 3} more" if len(spans) > 3 else ""
    return ", ".join(shown) + more


def _room_list(room_ids: Iterable[str]) -> str:
    rooms = sorted(room_ids)
    if len(rooms) <= 6:
        return ", ".join(rooms)
    return f"{', '.join(rooms[:3])} … {rooms[-1]} ({len(rooms)} rooms)"


def free_together(
    s: Scenario, it: Item, busy_of: Callable[[str], list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The stretches inside the item's window and the day hours where
    all its people are available and not busy; ``busy_of(pid)`` gives a
    person's busy spans (their placed items, buffers included)."""
    shared = iv.intersect(
        s.day_spans, [(it.start_min, it.start_max + it.duration)]
    )
    for pid in it.participants:
        if pid in s.persons:
            free = iv.subtract(s.person_free(pid), busy_of(pid))
            shared = iv.intersect(shared, free)
    return shared


def taken_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """Its people are free together (placed items and buffers counted)
    only when every room it may use is taken: say when they are free
    together and what holds the rooms then."""
    if it.kind == "sequence" or not it.rooms or len(it.participants) < 2:
        return None
    if any(s.room_by_id[r].kind == "exhibition" for r in it.rooms):
        return None  # booths share a room: occupancy alone says nothing
    g = s.grid
    buf = s.buffer_seconds

    def busy_of(pid: str) -> list[tuple[int, int]]:
        return [(lo, hi) for lo, hi, _ in busy_spans(s, schedule, pid, buf)]

    shared = free_together(s, it, busy_of)
    names = _names(s, it.participants)
    minutes = it.duration // 60
    if not iv.starts_inside(shared, it.duration):
        if not shared:
            return (
                f"{names} are never free together inside its window once "
                "their scheduled items are counted"
            )
        return (
            f"{names} are free together only {_span_text(s, shared)}, "
            f"less than the {minutes} minutes it needs"
        )
    shared = [(lo, hi) for lo, hi in shared if hi - lo >= it.duration]
    vip = any(s.is_vip(p) for p in it.participants if p in s.persons)
    blockers: dict[str, Assignment] = {}
    open_any = False
    for room_id in it.rooms:
        co = s.changeover_seconds(room_id)
        # a VIP item also needs the room empty for the sweep before it
        need = it.duration + (max(0, s.sweep_seconds - co) if vip else 0)
        open_shared = iv.intersect(shared, s.room_open(room_id))
        if not iv.starts_inside(open_shared, need):
            continue  # closed then: nothing in it is to blame
        open_any = True
        held = [
            (g.to_index(a.start) - co, g.to_index(a.end) + co, a)
            for a in schedule.assignments
            if a.room_id == room_id
        ]
        free = iv.subtract(open_shared, [(lo, hi) for lo, hi, _ in held])
        if iv.starts_inside(free, need):
            return None  # a room is free then: no cheap explanation
        for lo, hi, a in held:
            if any(iv.overlaps(lo, hi, x, y) for x, y in open_shared):
                blockers.setdefault(a.item_id, a)
    taken = sorted(blockers.values(), key=lambda a: a.start)
    shown = ", ".join(f"{a.item_id} ({a.title})" for a in taken[:4])
    more = f" and {len(taken) - 4} more" if len(taken) > 4 else ""
    rooms = _room_list(it.rooms)
    sweep = (
        f" (and {s.sweep_seconds // 60} minutes empty before it for the "
        "security sweep)"
        if vip and s.sweep_seconds
        else ""
    )
    text = (
        f"No room it may use ({rooms}) is free for {minutes} minutes"
        f"{sweep} while {names} are free together "
        f"({_span_text(s, shared)})"
    )
    if not open_any or not taken:
        return f"{text}: the rooms are closed then"
    return f"{text}: the rooms are taken by {shown}{more}"


def member_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """Why a queue member has no place: in their own list, and, if that
    list's late policy moves them, in the other list. Each sentence is
    checked against the schedule (never "the list is full" while time
    remains in its span); ``None`` when no cheap check explains it."""
    if it.kind != "sequence":
        return None
    seq = s.sequence_by_id[it.list_id]
    own = _Member(s, it, schedule).reason(late_ok=it.late_ok)
    alt = None
    if seq.late == "move" and seq.move_to and it.member:
        alt = s.item_by_id.get(slot_item_id(seq.move_to, it.member))
    if alt is None or own is None:
        return own
    there = _Member(s, alt, schedule).reason(late_ok=False)
    if there is None:
        return own
    return (
        f"{own}; in {seq.move_to}, where the late policy of "
        f"{seq.sequence_id} moves them: {there}"
    )


class _Member:
    """One slot of one list, and the schedule around it."""

    def __init__(self, s: Scenario, it: Item, schedule: Schedule):
        self.s, self.it, self.schedule = s, it, schedule
        #: the item id of the event the list runs in, if any
        self.own_event = (
            event_item_id(it.within_event) if it.within_event else None
        )
        self.pid = it.participants[0]
        self.who = _who(s, self.pid)
        self.seq = s.sequence_by_id[it.list_id]
        self.venue = s.room_by_id[self.seq.room_id].venue_id
        self.arrivals = {
            a.ref_id: a for a in schedule.assignments if a.kind == "arrival"
        }
        self.rows = sorted(
            (
                a
                for a in schedule.assignments
                if a.kind == "sequence" and a.ref_id == self.seq.sequence_id
            ),
            key=lambda a: a.start,
        )

    def there(self, lo: int) -> bool:
        return there_at(
            self.s,
            self.pid,
            lo,
            lo + self.it.duration,
            self.venue,
            self.arrivals,
        )

    def elsewhere(self, lo: int) -> Assignment | None:
        """Their slot in another list at ``[lo, lo + duration)``, buffer
        counted, or ``None``."""
        return in_other_list(
            self.s,
            self.schedule,
            self.pid,
            lo,
            lo + self.it.duration,
            self.seq.sequence_id,
        )

    def busy(self, lo: int, hi: int) -> Assignment | None:
        """A row of the member's that clashes with ``[lo, hi)`` (buffer
        counted), other than the list's own event; ``None`` if none."""
        s, it = self.s, self.it
        for lo_b, hi_b, a in busy_spans(
            s, self.schedule, self.pid, s.buffer_seconds
        ):
            if a.item_id in (self.own_event, it.item_id):
                continue
            if iv.overlaps(lo_b, hi_b, lo, hi):
                return a
        return None

    def reason(self, late_ok: bool) -> str | None:
        s, it, seq, g = self.s, self.it, self.seq, self.s.grid
        placed = self.schedule.by_item()
        if seq.within_event:
            ev = placed.get(event_item_id(seq.within_event))
            if ev is None:
                return f"its event {seq.within_event} is not scheduled"
            lo, hi = g.to_index(ev.start), g.to_index(ev.end)
        elif seq.earliest is None or seq.latest is None:
            return None  # validation asks for both without within_event
        else:
            lo, hi = g.to_index(seq.earliest), g.to_index(seq.latest)
        span = f"{_hm(s, lo)}–{_hm(s, hi)[-5:]}"
        free = iv.intersect(s.person_free(self.pid), [(lo, hi)])
        if not iv.starts_inside(free, it.duration):
            return (
                f"{self.who} is not in town or not available during {span} "
                f"(the span of {seq.sequence_id})"
            )
        arr = self.arrivals.get(s.delegation_of(self.pid))
        ready = None
        if arr is not None:
            ready = g.to_index(arr.end) + s.travel_seconds(
                arr.venue_id, self.venue
            )
            if ready + it.duration > hi:
                return (
                    f"{self.who} lands at {arr.venue_id} on "
                    f"{arr.start:%d %b} at {arr.start:%H:%M} and can be at "
                    f"{self.venue} only from {_hm(s, ready)}, after "
                    f"{seq.sequence_id} ends ({span})"
                )
        turn = turn_start(s, seq.sequence_id, self.rows, it.list_index)
        if turn is None:
            return f"no member of {seq.sequence_id} is placed"
        other = self.elsewhere(turn)
        there = self.there(turn)
        if there and other is None:
            return self._at_turn(turn, hi)
        missed = f"{self.who} cannot be there at their turn ({_hms(s, turn)})"
        if there and other is not None:
            missed += f": in {other.item_id} then"
        elif ready is not None and ready > turn:
            missed += (
                f": they can be at {self.venue} only from {_hm(s, ready)}"
            )
        else:
            missed += ": not available then"
        if it.is_alternative:
            return f"{missed} in {seq.sequence_id} either"
        if seq.late == "move":
            return missed
        if not late_ok:
            return (
                f"{missed}, and the late policy of {seq.sequence_id} is "
                f"{seq.late}"
            )
        return f"{missed}; {self._after_list(hi)}"

    def _after_list(self, hi: int) -> str:
        """Why a late member has no place after the list either: between
        the slots around theirs in the order of the members placed late
        (after the members in order), inside the list's span."""
        s, it, seq, g = self.s, self.it, self.seq, self.s.grid
        gap, dur = seq.gap_seconds, it.duration
        ordered = [a for a in self.rows if not is_late(a)]
        if not ordered:
            return "no member of the list is placed in order"
        lo = g.to_index(ordered[-1].end) + gap
        top, last = hi, ordered[-1]
        for a in self.rows:
            k = s.item_by_id[a.item_id].list_index
            if not is_late(a):
                continue
            if k < it.list_index:
                lo, last = max(lo, g.to_index(a.end) + gap), a
            elif top == hi:
                top = g.to_index(a.start) - gap
        if lo + dur > top:
            if top == hi:
                return (
                    f"after the list there is no time left: it ends at "
                    f"{_hms(s, lo - gap)} and its span at "
                    f"{_hm(s, hi)[-5:]}, less than the {dur} s of their slot"
                )
            return (
                f"there is no time for them between {last.item_id} and the "
                "next member placed late"
            )
        window = [(lo, top)]
        arr = self.arrivals.get(s.delegation_of(self.pid))
        if arr is not None:
            ready = g.to_index(arr.end) + s.travel_seconds(
                arr.venue_id, self.venue
            )
            window = iv.intersect(window, [(ready, top)])
        there = iv.intersect(window, s.person_free(self.pid))
        if not iv.starts_inside(there, dur):
            return (
                f"nor after the list ({_hms(s, lo)}–{_hm(s, top)[-5:]}): "
                "not there or not available then"
            )
        busy = [
            (x, y)
            for x, y, a in busy_spans(
                s, self.schedule, self.pid, s.buffer_seconds
            )
            if a.item_id != self.own_event
        ]
        free = iv.subtract(there, busy)
        if not iv.starts_inside(free, dur):
            clash = self.busy(there[0][0], there[-1][1])
            return (
                f"after the list ({_hms(s, lo)}–{_hm(s, top)[-5:]}) they "
                f"are busy with {_row_text(clash)}"
                if clash is not None
                else "after the list they are busy whenever they are there"
            )
        first = iv.starts_inside(free, dur)[0][0]
        return (
            f"a place after the list from {_hms(s, first)} is free, but "
            "the search left it unused"
        )

    def _at_turn(self, turn: int, hi: int) -> str:
        """Why a member who can be there at their turn has no place."""
        s, it, seq = self.s, self.it, self.seq
        clash = self.busy(turn, turn + it.duration)
        if clash is not None:
            return (
                f"{self.who} is busy with {_row_text(clash)} at their turn "
                f"({_hms(s, turn)})"
            )
        rows = self.rows
        shift = it.duration + seq.gap_seconds
        end = s.grid.to_index(rows[-1].end) if rows else turn
        if end + shift > hi:
            used = sum(int((a.end - a.start).total_seconds()) for a in rows)
            return (
                f"the span of {seq.sequence_id} ({_hm(s, hi)[-5:]} at the "
                f"latest) cannot hold one more slot: its {len(rows)} "
                f"members take {used // 60} min {used % 60} s and end at "
                f"{_hms(s, end)}; {self.who} needs {it.duration} s more"
            )
        for a in rows:
            lo_a = s.grid.to_index(a.start)
            if lo_a < turn:
                continue
            other = _Member(s, s.item_by_id[a.item_id], self.schedule)
            new = lo_a + shift
            late = new + other.it.duration
            if not other.there(new) or other.busy(new, late):
                return (
                    f"placing them at their turn ({_hms(s, turn)}) would "
                    f"push {a.item_id} to {_hms(s, new)}, when "
                    f"{other.who} cannot be there"
                )
        return (
            f"their place at their turn ({_hms(s, turn)}) is free, but the "
            "search left it unused"
        )


def missed_turn(
    s: Scenario, schedule: Schedule, a: Assignment, detail: bool = True
) -> str:
    """Why the queue row ``a`` is late or moved: the turn its member
    missed, and (``detail``, never in a public copy: it tells an arrival
    time, an availability or another list) why. Empty for a row in
    order."""
    it = s.item_by_id.get(a.item_id)
    if (
        it is None
        or it.kind != "sequence"
        or not (it.is_alternative or is_late(a))
    ):
        return ""
    own = s.item_by_id[it.own_item_id]
    member = _Member(s, own, schedule)
    turn = turn_start(s, own.list_id, member.rows, own.list_index)
    if turn is None:
        return f"{own.list_id} was not held"
    text = f"not there at their turn in {own.list_id} ({_hms(s, turn)})"
    if not detail:
        return text
    other = member.elsewhere(turn)
    if other is not None and member.there(turn):
        return f"{text}: in {other.ref_id} then"
    arr = member.arrivals.get(s.delegation_of(member.pid))
    if arr is not None:
        ready = s.grid.to_index(arr.end) + s.travel_seconds(
            arr.venue_id, member.venue
        )
        if ready > turn:
            return f"{text}: at {member.venue} only from {_hm(s, ready)}"
    return f"{text}: not available then"


def _row_text(a: Assignment) -> str:
    return f"{a.item_id} ({a.title}) {a.start:%d %b %H:%M}–{a.end:%H:%M}"


def _hms(s: Scenario, t: int) -> str:
    return s.grid.to_datetime(t).strftime("%H:%M:%S")


#: The kinds of cause of :func:`cheap_cause`, each a few words that name
#: nothing: ``room`` (no room fits), ``people`` (its people are never
#: free for it), ``taken`` (rooms taken while its people are free),
#: ``event`` (a queue member whose event is not placed), ``member`` (a
#: queue member who has no place in the list), ``value`` (lost its place
#: to items of higher value).
CAUSES = ("room", "people", "taken", "event", "member", "value")


def _explained(s: Scenario, it: Item, schedule: Schedule) -> tuple[str, str]:
    """``(cause, sentence)`` of the first cheap check that explains why
    ``it`` is not in ``schedule``."""
    static: tuple[tuple[str, Callable[[Scenario, Item], str | None]], ...]
    static = (("room", no_room_reason), ("people", time_reason))
    for cause, alone in static:
        r = alone(s, it)
        if r:
            return cause, r
    placed: tuple[
        tuple[str, Callable[[Scenario, Item, Schedule], str | None]], ...
    ] = (
        ("people", limit_reason),
        ("people", busy_reason),
        ("taken", taken_reason),
        ("member", member_reason),
    )
    for cause, fn in placed:
        r = fn(s, it, schedule)
        if r:
            if cause == "member" and _event_missing(s, it, schedule):
                cause = "event"
            return cause, r
    return "value", GENERIC_REASON


def _event_missing(s: Scenario, it: Item, schedule: Schedule) -> bool:
    """A queue slot whose list runs inside an event that is not placed."""
    seq = s.sequence_by_id.get(it.sequence_id or "")
    return (
        seq is not None
        and bool(seq.within_event)
        and f"E:{seq.within_event}" not in schedule.by_item()
    )


def cheap_cause(s: Scenario, it: Item, schedule: Schedule) -> str:
    """The kind of cause (one of :data:`CAUSES`) of
    :func:`cheap_reason`: what a reader may be told without the details
    (``models.audience`` words it for the public)."""
    return _explained(s, it, schedule)[0]


def cheap_reason(s: Scenario, it: Item, schedule: Schedule) -> str:
    """A sentence saying why ``it`` is not in ``schedule``."""
    r = _explained(s, it, schedule)[1]
    return r[0].upper() + r[1:]


def waiting_rows(s: Scenario) -> tuple[Unscheduled, ...]:
    """The Unscheduled rows of the requests that wait for a delegation's
    confirmation (``Scenario.waiting``): an unconfirmed delegation takes
    part in nothing."""
    out = []
    for w in s.waiting:
        d = s.delegation_by_id.get(w.delegation_id)
        name = d.name if d else w.delegation_id
        out.append(
            Unscheduled(
                w.item_id,
                w.ref_id,
                w.kind,
                w.title,
                w.priority,
                f"Waiting for the confirmation of {name} "
                f"({w.delegation_id}): a delegation that has not "
                "confirmed takes part in nothing",
            )
        )
    return tuple(out)
