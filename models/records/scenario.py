"""The scenario: every record of a scenario workbook, with lookups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .. import intervals as iv
from ..precedence import (
    GUEST,
    GUEST_OF_HONOUR,
    HOST_SIDE,
    make_precedence_key,
)
from .arrivals import LONG_RECEPTION_RANKS, Arrival
from .bilaterals import BilateralRequest
from .delegations import Delegation, Person
from .events import Event, Slot
from .security import SecurityWindow
from .sequences import Sequence, SequenceMember
from .settings import DEFAULT_RANKS, Rank, Settings
from .time_grid import MINUTE, TimeGrid
from .venues import Room, Travel, Venue
from .vocabulary import DEFAULT_ROOM_KINDS

if TYPE_CHECKING:
    from .items import Item, Waiting

#: A sort key over person ids (see
#: :func:`models.precedence.make_precedence_key`).
PrecedenceKey = Callable[[str], tuple[Any, ...]]


@dataclass(frozen=True)
class Scenario:
    """Everything to schedule. Build it, then call
    :func:`models.validation.validate_scenario` (the readers do)."""

    settings: Settings
    ranks: tuple[Rank, ...] = DEFAULT_RANKS
    venues: tuple[Venue, ...] = ()
    travel: tuple[Travel, ...] = ()
    rooms: tuple[Room, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()
    slots: tuple[Slot, ...] = ()
    bilaterals: tuple[BilateralRequest, ...] = ()
    arrivals: tuple[Arrival, ...] = ()
    sequences: tuple[Sequence, ...] = ()
    members: tuple[SequenceMember, ...] = ()
    windows: tuple[SecurityWindow, ...] = ()
    source: str | None = field(default=None, compare=False)

    # ----------------------------------------------------------- lookups
    @cached_property
    def items(self) -> tuple[Item, ...]:
        """Every schedulable item (see :mod:`models.records.items`)."""
        from .items import build_items

        return build_items(self)

    @cached_property
    def waiting(self) -> tuple[Waiting, ...]:
        """Requests held back until a delegation confirms
        (:func:`models.records.items.build_waiting`): not items."""
        from .items import build_waiting

        return build_waiting(self)

    @cached_property
    def item_by_id(self) -> dict[str, Item]:
        return {i.item_id: i for i in self.items}

    @cached_property
    def grid(self) -> TimeGrid:
        s = self.settings
        return TimeGrid(tuple(s.days), s.day_start, s.day_end)

    @cached_property
    def rank_by_code(self) -> dict[str, Rank]:
        return {r.rank: r for r in self.ranks}

    @cached_property
    def venue_by_id(self) -> dict[str, Venue]:
        return {v.venue_id: v for v in self.venues}

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        return {r.room_id: r for r in self.rooms}

    @cached_property
    def delegation_by_id(self) -> dict[str, Delegation]:
        return {d.delegation_id: d for d in self.delegations}

    @cached_property
    def event_by_id(self) -> dict[str, Event]:
        return {e.event_id: e for e in self.events}

    @cached_property
    def bilateral_by_id(self) -> dict[str, BilateralRequest]:
        return {b.request_id: b for b in self.bilaterals}

    @cached_property
    def arrival_by_delegation(self) -> dict[str, Arrival]:
        """Arrivals of confirmed delegations (an unconfirmed one has
        none until it confirms)."""
        return {
            a.delegation_id: a
            for a in self.arrivals
            if a.delegation_id not in self.delegation_by_id
            or self.delegation_by_id[a.delegation_id].confirmed
        }

    @cached_property
    def sequence_by_id(self) -> dict[str, Sequence]:
        return {s.sequence_id: s for s in self.sequences}

    @cached_property
    def slots_by_set(self) -> dict[str, list[Slot]]:
        out: dict[str, list[Slot]] = {}
        for s in self.slots:
            out.setdefault(s.slot_set, []).append(s)
        for lst in out.values():
            lst.sort(key=lambda s: s.start)
        return out

    @cached_property
    def persons(self) -> dict[str, Person]:
        """Every person: each delegation's head (id = delegation id) and
        every People row."""
        out: dict[str, Person] = {}
        for d in self.delegations:
            out[d.delegation_id] = Person(
                person_id=d.delegation_id,
                name=d.head_name,
                delegation_id=d.delegation_id,
                rank=d.head_rank,
                available_from=d.available_from,
                available_to=d.available_to,
                is_head=True,
                row=d.row,
            )
        for p in self.people:
            out.setdefault(p.person_id, p)
        return out

    def resolve(self, ref: str) -> str | None:
        """Person reference to person id (a delegation id means its head)."""
        ref = ref.strip()
        return ref if ref in self.persons else None

    def is_active(self, pid: str) -> bool:
        """A person takes part only if their delegation is confirmed."""
        person = self.persons.get(pid)
        if person is None:
            return False
        d = self.delegation_by_id.get(person.delegation_id)
        return d is None or d.confirmed

    @cached_property
    def heads(self) -> tuple[str, ...]:
        """Heads of confirmed delegations, in precedence order."""
        ids = [d.delegation_id for d in self.delegations if d.confirmed]
        return tuple(sorted(ids, key=self.precedence_key))

    def precedence(self, pid: str) -> int:
        rank = self.rank_by_code.get(self.persons[pid].rank)
        return rank.precedence if rank else 10**6

    def side(self, pid: str) -> int:
        """:data:`~models.precedence.HOST_SIDE` for the people of host and
        ``co_host`` delegations and ``co_chair`` people,
        :data:`~models.precedence.GUEST_OF_HONOUR` for the people of a
        ``guest_of_honour`` delegation, else
        :data:`~models.precedence.GUEST`."""
        p = self.persons[pid]
        d = self.delegation_by_id.get(p.delegation_id)
        if (
            p.role == "co_chair"
            or (d is not None and d.kind == "host")
            or (d is not None and d.role == "co_host")
        ):
            return HOST_SIDE
        if d is not None and d.role == "guest_of_honour":
            return GUEST_OF_HONOUR
        return GUEST

    def is_host_side(self, pid: str) -> bool:
        return self.side(pid) == HOST_SIDE

    @cached_property
    def precedence_key(self) -> PrecedenceKey:
        """Sort key over person ids, most senior first, with the
        setting's tie-break (see :mod:`models.precedence`)."""
        return self.key_for(self.settings.precedence_tiebreak)

    def key_for(self, tiebreak: str | None) -> PrecedenceKey:
        """The precedence sort key with ``tiebreak`` (``None``: the
        setting's)."""
        tiebreak = tiebreak or self.settings.precedence_tiebreak
        cache: dict[str, PrecedenceKey] = self.__dict__.setdefault("_keys", {})
        if tiebreak not in cache:
            cache[tiebreak] = self._make_key(tiebreak)
        return cache[tiebreak]

    def tiebreak_of(self, sequence_id: str) -> str:
        """The tie-break a list follows: its own, else the setting's."""
        seq = self.sequence_by_id[sequence_id]
        return seq.tiebreak or self.settings.precedence_tiebreak

    def _make_key(self, tiebreak: str) -> PrecedenceKey:
        def name_of(pid: str) -> str:
            d = self.delegation_by_id.get(self.persons[pid].delegation_id)
            return d.name if d else self.persons[pid].name

        def since(pid: str) -> date | None:
            p = self.persons[pid]
            d = self.delegation_by_id.get(p.delegation_id)
            return d.head_since if (d and p.is_head) else None

        def registered(pid: str) -> date | None:
            d = self.delegation_by_id.get(self.persons[pid].delegation_id)
            return d.confirmed_on if d else None

        return make_precedence_key(
            tiebreak,
            self.precedence,
            name_of,
            since,
            registered,
            self.side,
        )

    @cached_property
    def vip_precedence(self) -> int:
        rank = self.rank_by_code.get(self.settings.vip_rank)
        return rank.precedence if rank else 0

    def is_vip(self, pid: str) -> bool:
        """A VIP has the vip_rank's precedence or higher."""
        return self.precedence(pid) <= self.vip_precedence

    def delegation_of(self, pid: str) -> str:
        return self.persons[pid].delegation_id

    def travel_minutes(self, a: str, b: str) -> int:
        """Minutes between two venues: 0 within one venue; symmetric unless
        both directions are given; 0 if the scenario gives no figure."""
        if a == b:
            return 0
        return self._travel.get((a, b), self._travel.get((b, a), 0))

    def travel_seconds(self, a: str, b: str) -> int:
        return self.travel_minutes(a, b) * MINUTE

    @cached_property
    def _travel(self) -> dict[tuple[str, str], int]:
        return {(t.from_venue, t.to_venue): t.minutes for t in self.travel}

    def room_demand(self, item: Item, room_id: str) -> int:
        """What ``item`` takes of ``room_id``: an exhibition its booth
        units (its attendance) in an exhibition room, which several
        exhibitions share; anything else the whole room (its capacity)."""
        room = self.room_by_id[room_id]
        if (
            room.kind == "exhibition"
            and item.kind == "event"
            and self.event_by_id[item.ref_id].kind == "exhibition"
        ):
            return item.attendance
        return room.capacity

    def changeover_seconds(self, room_id: str) -> int:
        room = self.room_by_id[room_id]
        minutes = room.changeover_minutes
        if minutes is None:
            minutes = self.settings.room_changeover_minutes
        return minutes * MINUTE

    @property
    def sweep_seconds(self) -> int:
        return self.settings.vip_sweep_minutes * MINUTE

    @property
    def buffer_seconds(self) -> int:
        return self.settings.same_venue_buffer_minutes * MINUTE

    def gap_seconds(self, venue_a: str, venue_b: str) -> int:
        """Least gap a person needs between an item at ``venue_a`` and a
        later item at ``venue_b``: the same-venue buffer, or the travel time
        if that is longer."""
        return max(self.buffer_seconds, self.travel_seconds(venue_a, venue_b))

    # ------------------------------------------------------- time spans
    def _span(
        self, start: datetime | None, end: datetime | None
    ) -> tuple[int, int]:
        g = self.grid
        lo = g.to_index(start) if start is not None else -(10**9)
        hi = g.to_index(end) if end is not None else 10**9
        return lo, hi

    @cached_property
    def day_spans(self) -> list[tuple[int, int]]:
        return list(self.grid.day_spans)

    def windows_for(
        self,
        effect: str,
        *,
        person: str | None = None,
        room: str | None = None,
    ) -> list[SecurityWindow]:
        """Security windows of ``effect`` whose scope covers a person (by
        id or delegation) or a room (by id, kind or venue); ``all`` always
        applies."""
        out = []
        for w in self.windows:
            if w.effect != effect:
                continue
            sc = w.scope
            hit = sc.kind == "all"
            if person is not None and not hit:
                p = self.persons.get(person)
                hit = (sc.kind == "person" and sc.target == person) or (
                    sc.kind == "delegation"
                    and p is not None
                    and sc.target == p.delegation_id
                )
            if room is not None and not hit:
                r = self.room_by_id.get(room)
                hit = r is not None and (
                    (sc.kind == "room" and sc.target == room)
                    or (sc.kind == "room_kind" and sc.target == r.kind)
                    or (sc.kind == "venue" and sc.target == r.venue_id)
                )
            if hit:
                out.append(w)
        return out

    def window_span(self, w: SecurityWindow) -> tuple[int, int]:
        return self._span(w.start, w.end)

    def person_free(self, pid: str) -> list[tuple[int, int]]:
        """Grid spans in which a person may be busy: inside the event days'
        hours and their availability, outside their closed windows (scope
        ``person``, ``delegation`` and ``all``)."""
        return self._person_free[pid]

    @cached_property
    def _person_free(self) -> dict[str, list[tuple[int, int]]]:
        out = {}
        for pid, p in self.persons.items():
            avail = iv.intersect(
                self.day_spans, [self._span(p.available_from, p.available_to)]
            )
            closed = [
                self.window_span(w)
                for w in self.windows_for("closed", person=pid)
                if w.scope.kind != "all"
            ]
            out[pid] = iv.subtract(avail, closed)
        return out

    def room_open(self, room_id: str) -> list[tuple[int, int]]:
        """Grid spans in which a room may hold items: inside the days'
        hours and its availability, outside closed windows whose scope
        covers it (room, room kind, venue, all)."""
        return self._room_open[room_id]

    @cached_property
    def _room_open(self) -> dict[str, list[tuple[int, int]]]:
        return {
            r.room_id: iv.intersect(
                self.day_spans, self.room_available(r.room_id)
            )
            for r in self.rooms
        }

    def room_available(self, room_id: str) -> list[tuple[int, int]]:
        """Grid spans of a room's own availability outside closed windows
        whose scope covers it, the days' hours aside (the rule
        ``room_open``; the hours are the rule ``day_hours``)."""
        return self._room_available[room_id]

    @cached_property
    def _room_available(self) -> dict[str, list[tuple[int, int]]]:
        out = {}
        for r in self.rooms:
            closed = [
                self.window_span(w)
                for w in self.windows_for("closed", room=r.room_id)
            ]
            out[r.room_id] = iv.subtract(
                [self._span(r.available_from, r.available_to)], closed
            )
        return out

    def room_arrival_open(
        self, room_id: str, delegation_id: str
    ) -> list[tuple[int, int]]:
        """Spans in which a reception of ``delegation_id`` may take place
        at arrival point ``room_id``: the room is open and no
        ``no_arrivals`` window covers the room or the delegation."""
        holes = [
            self.window_span(w)
            for w in self.windows_for("no_arrivals", room=room_id)
        ]
        holes += [
            self.window_span(w)
            for w in self.windows_for("no_arrivals", person=delegation_id)
        ]
        return iv.subtract(self.room_open(room_id), holes)

    # ---------------------------------------------------- candidate rooms
    def event_rooms(self, event: Event) -> tuple[str, ...]:
        """Rooms an event may use: its room kinds (or the kind's default),
        narrowed by its room list, with every required feature and room
        for its attendance."""
        kinds = event.room_kinds or DEFAULT_ROOM_KINDS[event.kind]
        out = []
        for r in self.rooms:
            if event.rooms and r.room_id not in event.rooms:
                continue
            if not event.rooms and r.kind not in kinds:
                continue
            if event.rooms and event.room_kinds and r.kind not in kinds:
                continue
            if not set(event.required_features) <= r.features:
                continue
            if r.capacity < event.attendance:
                continue
            out.append(r.room_id)
        return tuple(out)

    def bilateral_attendance(self, b: BilateralRequest) -> int:
        """The request's attendance, or both delegations' parties (head
        plus those travelling with them, at most 8 a side)."""
        if b.attendance is not None:
            return b.attendance
        total = 0
        for ref in (b.party_a, b.party_b):
            pid = self.resolve(ref)
            d = (
                self.delegation_by_id.get(self.persons[pid].delegation_id)
                if pid
                else None
            )
            total += min(8, 1 + (d.size if d else 0))
        return total

    def bilateral_rooms(self, b: BilateralRequest) -> tuple[str, ...]:
        """Bilateral rooms (kind ``bilateral``) in the requested venue, with
        the required features and room for the attendance."""
        need = self.bilateral_attendance(b)
        return tuple(
            r.room_id
            for r in self.rooms
            if r.kind == "bilateral"
            and (b.venue_id is None or r.venue_id == b.venue_id)
            and set(b.required_features) <= r.features
            and r.capacity >= need
        )

    def arrival_rooms(self, a: Arrival) -> tuple[str, ...]:
        if a.point:
            return (a.point,) if a.point in self.room_by_id else ()
        return tuple(r.room_id for r in self.rooms if r.kind == "arrival")

    def arrival_minutes(self, a: Arrival) -> int:
        if a.duration_minutes is not None:
            return a.duration_minutes
        rank = (
            self.persons[a.delegation_id].rank
            if a.delegation_id in self.persons
            else ""
        )
        return 20 if rank in LONG_RECEPTION_RANKS else 10

    # ---------------------------------------------------------- sequences
    def members_of(self, sequence_id: str) -> list[SequenceMember]:
        return [m for m in self.members if m.sequence_id == sequence_id]

    def member_seconds(self, seq: Sequence, m: SequenceMember) -> int:
        """A member's slot: its own override, else (in a reverse-precedence
        queue) its rank's welcome_seconds, else the sequence default."""
        if m.slot_seconds is not None:
            return m.slot_seconds
        if seq.order == "reverse_precedence":
            pid = self.resolve(m.member)
            rank = (
                self.rank_by_code.get(self.persons[pid].rank) if pid else None
            )
            if rank and rank.welcome_seconds:
                return rank.welcome_seconds
        return seq.slot_seconds

    def not_queued(self, sequence_id: str, pid: str) -> bool:
        """A ``co_host`` delegation's people and a ``co_chair`` stand with
        the host: never queued as guests in a ``reverse_precedence`` list
        (a welcome line), unless given a fixed position there."""
        seq = self.sequence_by_id[sequence_id]
        if seq.order != "reverse_precedence":
            return False
        p = self.persons[pid]
        d = self.delegation_by_id.get(p.delegation_id)
        return p.role == "co_chair" or (d is not None and d.role == "co_host")

    def queue_order(
        self, sequence_id: str, moved_in: bool = False
    ) -> list[str]:
        """Person ids of a queue's members in queue order: the list's
        order of precedence (:mod:`models.precedence`, with the list's
        tie-break; reversed for ``reverse_precedence``), members with a
        fixed ``position`` placed there. Inactive members, and those who
        stand with the host in a welcome line (:meth:`not_queued`), are
        left out. With ``moved_in``, the members of other lists whose
        late policy moves them here (:meth:`moved_into`) take their place
        in this order too."""
        seq = self.sequence_by_id[sequence_id]
        fixed: dict[int, str] = {}
        free: list[str] = []
        for m in self.members_of(sequence_id):
            pid = self.resolve(m.member)
            if pid is None or not self.is_active(pid):
                continue
            if m.position is not None:
                fixed[m.position] = pid
            elif not self.not_queued(sequence_id, pid):
                free.append(pid)
        if moved_in:
            free += [pid for pid, _, _ in self.moved_into(sequence_id)]
        free.sort(
            key=self.key_for(seq.tiebreak),
            reverse=seq.order == "reverse_precedence",
        )
        order: list[str] = []
        pos = 1
        while free or any(p >= pos for p in fixed):
            if pos in fixed:
                order.append(fixed[pos])
            elif free:
                order.append(free.pop(0))
            pos += 1
        return order

    def moved_into(
        self, sequence_id: str
    ) -> list[tuple[str, SequenceMember, str]]:
        """(person id, member row, list it comes from) of every member of
        another list whose ``late_policy`` is ``move:<sequence_id>``, who
        is active, queued there and not a member here already."""
        own = {self.resolve(m.member) for m in self.members_of(sequence_id)}
        out = []
        for q in self.sequences:
            if q.move_to != sequence_id or q.sequence_id == sequence_id:
                continue
            for m in self.members_of(q.sequence_id):
                pid = self.resolve(m.member)
                if (
                    pid is None
                    or pid in own
                    or not self.is_active(pid)
                    or (
                        m.position is None
                        and self.not_queued(q.sequence_id, pid)
                    )
                    or self.not_queued(sequence_id, pid)
                ):
                    continue
                own.add(pid)
                out.append((pid, m, q.sequence_id))
        return out
