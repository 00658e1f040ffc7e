"""Who may see what: the public copy of a schedule.

A schedule goes to ministries and security services in full, and to the
press and the public as its public copy. The public copy is built from
what the scenario marks public, never from what merely is absent from a
list of secrets (the spec's "The public copy"): an event the scenario
has with ``restricted`` = no, and a queue slot held inside such an
event. Everything else is left out: bilaterals, arrivals, restricted
events and their queues, queues not held inside an event, any row the
scenario does not know (a hand-added one), any row the schedule
workbook itself marks restricted, and the queue slots of an event so
withheld (:func:`shown_item_ids`: their times and room are the
event's; a what-if run keeps its baseline's marks). The lists
themselves (the Precedence sheet) follow the same rule
(:func:`shown_sequence_ids`), and what lists people beyond the items
(the master order, the flags) names only people the public items name
anyway (:func:`public_person_ids`).

What passes is rebuilt from the scenario, not copied from the workbook
(title and kind come from the scenario's item, and only the people it
can have pass from the row's participants: :func:`_public_people`; time
and room, one the scenario has, come from the schedule), and a left-out
public item's reason is one of a few fixed sentences
(:data:`PUBLIC_REASONS`) chosen by the kind of cause
(:func:`models.reasons.cheap_cause`): no arrival, landing time,
availability of a person, bilateral or restricted title can be in it,
whatever the full copy's reason says.
"""

from __future__ import annotations

from dataclasses import replace

from .changes import Change
from .checker.protocol import head_present
from .checker.violation import known_rows
from .reasons import cheap_cause
from .records.items import Item, event_item_id
from .records.scenario import Scenario
from .records.schedule import Assignment, Schedule, Unscheduled

AUDIENCES = ("full", "public")
#: Item kinds that are restricted whatever the scenario says.
ALWAYS_RESTRICTED_KINDS = ("bilateral", "arrival")
#: The public words for each kind of cause (:data:`models.reasons.CAUSES`).
PUBLIC_REASONS = {
    "room": "No room has the seats, kind and features it needs.",
    "people": "Its participants cannot all be there at a time that suits it.",
    "taken": "No suitable room is free while its participants are.",
    "value": "The time and rooms it could use went to items of higher "
    "priority.",
    "event": "Its event is not in the programme.",
    "member": "The member could not be given a place in this list.",
}
#: Said when no kind of cause is known.
WITHHELD_REASON = "Not placed in this schedule."
#: Sentences that may stand in a public reason cell, and nothing else.
PUBLIC_REASON_TEXTS = frozenset({*PUBLIC_REASONS.values(), WITHHELD_REASON})


def _open_event_ids(s: Scenario) -> frozenset[str]:
    """Events the scenario marks ``restricted`` = no."""
    return frozenset(e.event_id for e in s.events if not e.restricted)


def public_sequence_ids(s: Scenario) -> frozenset[str]:
    """Lists (sequence ids) the public may see: those held inside an
    event the scenario marks ``restricted`` = no. A list held inside a
    restricted event, or inside no event, is left out: its slots are
    not public items (:func:`public_item_ids`)."""
    open_events = _open_event_ids(s)
    return frozenset(
        q.sequence_id for q in s.sequences if q.within_event in open_events
    )


def public_item_ids(s: Scenario) -> frozenset[str]:
    """Item ids the public may see: events the scenario marks
    ``restricted`` = no, and queue slots of the lists held inside such
    events (:func:`public_sequence_ids`)."""
    open_events = _open_event_ids(s)
    open_lists = public_sequence_ids(s)
    out = set()
    for it in s.items:
        if (
            it.kind == "event"
            and it.ref_id in open_events
            and not it.restricted
        ) or (it.kind == "sequence" and it.sequence_id in open_lists):
            out.add(it.item_id)
    return frozenset(out)


def public_person_ids(
    s: Scenario, schedule: Schedule | None = None
) -> frozenset[str]:
    """People of a confirmed delegation whom the public copy names
    anyway: the participants of the rows of the public copy of
    ``schedule`` (:func:`public_rows`; give the full schedule: given
    its public copy, which has no arrivals, a head at an all-heads
    event whose delegation has an arrival is left out) and the members
    of the public lists. Who else is in town is not public (arrivals
    are restricted), so a part of the public copy that lists people
    (the master order of precedence, the flags) lists only these. With
    no schedule, only the lists' members."""
    out: set[str] = set()
    if schedule is not None:
        for a in public_rows(s, schedule):
            out.update(a.participants)
    for sid in shown_sequence_ids(s, schedule):
        out.update(s.resolve(m.member) or "" for m in s.members_of(sid))
    return frozenset(p for p in out if p in s.persons and s.is_active(p))


def marked_item_ids(schedule: Schedule) -> frozenset[str]:
    """Items with a row (placed or left out) that the schedule workbook
    itself marks restricted."""
    marked = {a.item_id for a in schedule.assignments if a.restricted}
    marked |= {u.item_id for u in schedule.unscheduled if u.restricted}
    return frozenset(marked)


def shown_sequence_ids(
    s: Scenario, schedule: Schedule | None = None
) -> frozenset[str]:
    """The public lists (:func:`public_sequence_ids`) but those held
    inside an event that ``schedule`` (the full one) marks restricted:
    a list of the Precedence sheet names the event it is read at."""
    lists = public_sequence_ids(s)
    if schedule is None:
        return lists
    marked = marked_item_ids(schedule)
    return frozenset(
        q.sequence_id
        for q in s.sequences
        if q.sequence_id in lists
        and event_item_id(q.within_event or "") not in marked
    )


def shown_item_ids(s: Scenario, schedule: Schedule) -> frozenset[str]:
    """The public items (:func:`public_item_ids`) that ``schedule``
    does not withhold: an item with a row the schedule workbook marks
    restricted (on its Schedule or Unscheduled sheet) is left out (all
    its rows, whatever the others say), and so is every queue slot of a
    list held inside an event that is not placed in ``schedule`` as a
    public row (an event the workbook marks restricted, or whose row was
    taken out): the slots' times and room would tell the withheld
    event's. A slot left out of the schedule
    (an Unscheduled row) stays public unless its event is marked."""
    marked = marked_item_ids(schedule)
    public = public_item_ids(s) - marked
    shown_events = {
        a.item_id
        for a in schedule.assignments
        if a.kind == "event" and is_public(s, public, a)
    }
    placed = {a.item_id for a in schedule.assignments}
    out = set()
    for item_id in public:
        it = s.item_by_id[item_id]
        if it.kind == "sequence" and it.within_event is not None:
            host = event_item_id(it.within_event)
            if host in marked or (
                item_id in placed and host not in shown_events
            ):
                continue
        out.add(item_id)
    return frozenset(out)


def withheld_item_ids(s: Scenario, schedule: Schedule) -> frozenset[str]:
    """Item ids of the scenario the public copy of ``schedule`` leaves
    out: the restricted ones and those ``schedule`` withholds
    (:func:`shown_item_ids`). The public Summary counts none of them."""
    return frozenset(s.item_by_id) - shown_item_ids(s, schedule)


def restricted_item_ids(s: Scenario) -> frozenset[str]:
    """Item ids of the scenario that only the full audience may see."""
    public = public_item_ids(s)
    return frozenset(it.item_id for it in s.items if it.item_id not in public)


def is_public(
    s: Scenario, public: frozenset[str], row: Assignment | Unscheduled | Change
) -> bool:
    """Whether a schedule row (an assignment, a left-out item or a
    change) may be shown to the public: the scenario knows its id as a
    public item of the same kind, and the schedule workbook does not mark
    it restricted."""
    it = s.item_by_id.get(row.item_id)
    return (
        it is not None
        and row.item_id in public
        and (not row.kind or row.kind == it.kind)
        and not getattr(row, "restricted", False)
    )


def public_rows(s: Scenario, schedule: Schedule) -> tuple[Assignment, ...]:
    """The placed rows of the public copy of ``schedule`` (the full
    one), rebuilt from the scenario (:func:`_public_row`)."""
    return _public_rows(s, schedule, shown_item_ids(s, schedule))


def _public_rows(
    s: Scenario, schedule: Schedule, public: frozenset[str]
) -> tuple[Assignment, ...]:
    """:func:`public_rows`, the items shown (:func:`shown_item_ids`)
    given."""
    arrivals = {
        a.ref_id: a for a in known_rows(s, schedule) if a.kind == "arrival"
    }
    return tuple(
        _public_row(s, a, arrivals)
        for a in schedule.assignments
        if is_public(s, public, a)
    )


def _public_row(
    s: Scenario, a: Assignment, arrivals: dict[str, Assignment]
) -> Assignment:
    """A public row rebuilt from the scenario: the workbook gives only
    its time, room (one the scenario has) and position, and which of the
    people the scenario can put there it lists (:func:`_public_people`)."""
    it = s.item_by_id[a.item_id]
    room = s.room_by_id.get(a.room_id)
    return replace(
        a,
        kind=it.kind,
        ref_id=it.ref_id,
        title=it.title,
        participants=_public_people(s, a, arrivals),
        # a room the scenario does not know was typed by hand: it may
        # name a place the scenario keeps out (a safe house), so neither
        # it nor its venue is shown (the checker reports the row)
        room_id=a.room_id if room else "",
        venue_id=room.venue_id if room else "",
        note=_public_note(s, a.note),
        restricted=False,
    )


def _public_people(
    s: Scenario, a: Assignment, arrivals: dict[str, Assignment]
) -> tuple[str, ...]:
    """The people of a public row: those of the workbook's row whom the
    scenario's item has (its participants, the member of a queue slot,
    and for an ``all_heads`` event the heads present for it, by the
    full schedule's ``arrivals``). A name hand-added to a public row's
    participants (a security officer, a head who is not in town or came
    in secret) is dropped: the row's people come from the scenario, not
    the workbook."""
    it = s.item_by_id[a.item_id]
    return tuple(
        p
        for p in dict.fromkeys(a.participants)
        if _attends(s, it, a, p, arrivals)
    )


def _attends(
    s: Scenario,
    it: Item,
    a: Assignment,
    pid: str,
    arrivals: dict[str, Assignment],
) -> bool:
    if pid not in s.persons or not s.is_active(pid):
        return False
    if pid in it.participants:
        return True
    if it.member is not None and s.resolve(it.member) == pid:
        return True
    # the heads present are worked out only in a room the scenario has
    # (the travel from their arrival is the room's venue's); a row in a
    # room typed by hand, which the checker reports, names none
    return (
        it.all_heads
        and pid in s.heads
        and a.room_id in s.room_by_id
        and head_present(s, pid, a, arrivals)
    )


def _public_note(s: Scenario, note: str) -> str:
    """The engine's own notes on queue slots (``late: after the list``,
    ``moved from X`` with X a public queue); anything else is dropped."""
    note = (note or "").strip()
    if note == "late: after the list":
        return note
    source = note.removeprefix("moved from ")
    if source != note and source in public_sequence_ids(s):
        return note
    return ""


def public_reason(s: Scenario, item_id: str, schedule: Schedule) -> str:
    """The reason the public reads for a left-out public item: a fixed
    sentence for its kind of cause, worked out again from the scenario
    and the (full) schedule, never the full copy's words."""
    it = s.item_by_id.get(item_id)
    if it is None:
        return WITHHELD_REASON
    return PUBLIC_REASONS.get(cheap_cause(s, it, schedule), WITHHELD_REASON)


def public_schedule(s: Scenario, schedule: Schedule) -> Schedule:
    """The public copy of ``schedule``: only public items, placed or left
    out, rebuilt from the scenario; reasons in public words; no solve
    figures of value (objective, bound, gap, penalties); nothing the
    schedule workbook withholds (:func:`shown_item_ids`)."""
    public = shown_item_ids(s, schedule)
    assignments = _public_rows(s, schedule, public)
    unscheduled = []
    seen = set()
    for u in schedule.unscheduled:
        if not is_public(s, public, u) or u.item_id in seen:
            continue
        seen.add(u.item_id)
        it = s.item_by_id[u.item_id]
        unscheduled.append(
            Unscheduled.of(it, public_reason(s, u.item_id, schedule))
        )
    info = schedule.info
    if info is not None:
        info = replace(
            info, objective=None, best_bound=None, gap=None, penalties={}
        )
    return replace(
        schedule,
        assignments=assignments,
        unscheduled=tuple(unscheduled),
        info=info,
    )


def public_changes(
    s: Scenario, changes: list[Change], schedule: Schedule
) -> list[Change]:
    """The Changes sheet's rows the public may read: changes of public
    items, with the scenario's titles, and for a dropped item the public
    reason (from the new ``schedule``, in full); nothing the new
    schedule withholds (:func:`shown_item_ids`)."""
    public = shown_item_ids(s, schedule)
    out = []
    for c in changes:
        if not is_public(s, public, c):
            continue
        it = s.item_by_id[c.item_id]
        reason = (
            public_reason(s, c.item_id, schedule)
            if c.change == "dropped"
            else ""
        )
        out.append(
            replace(
                c,
                kind=it.kind,
                title=it.title,
                tell=tuple(p for p in c.tell if p in s.persons),
                reason=reason,
            )
        )
    return out


def for_audience(s: Scenario, schedule: Schedule, audience: str) -> Schedule:
    """``schedule`` as ``audience`` (one of :data:`AUDIENCES`) may see it."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    return schedule if audience == "full" else public_schedule(s, schedule)
