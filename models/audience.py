"""Who may see what: the public copy of a schedule.

A schedule goes to ministries and security services in full, and to the
press and the public as its public copy. The public copy is built from
what the scenario marks public, never from what merely is absent from a
list of secrets (the spec's "The public copy"): an event the scenario
has with ``restricted`` = no, and a queue slot held inside such an
event. Everything else is left out: bilaterals, arrivals, restricted
events and their queues, queues not held inside an event, any row the
scenario does not know (a hand-added one), and any row the schedule
workbook itself marks restricted. The lists themselves (the Precedence
sheet) follow the same rule (:func:`public_sequence_ids`), and what
lists people beyond the items (the master order, the flags) names only
people the public items name anyway (:func:`public_person_ids`).

What passes is rebuilt from the scenario, not copied from the workbook
(title, kind and participants come from the scenario's item; only time
and room come from the schedule), and a left-out public item's reason is
one of a few fixed sentences (:data:`PUBLIC_REASONS`) chosen by the kind
of cause (:func:`models.reasons.cheap_cause`): no arrival, landing time,
availability of a person, bilateral or restricted title can be in it,
whatever the full copy's reason says.
"""

from __future__ import annotations

from dataclasses import replace

from .changes import Change
from .reasons import cheap_cause
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
    anyway: the participants of the public rows of ``schedule``
    (:func:`is_public`; the full schedule or its public copy, the same
    people) and the members of the public lists. Who else is in town is
    not public (arrivals are restricted), so a part of the public copy
    that lists people (the master order of precedence, the flags) lists
    only these. With no schedule, only the lists' members."""
    public = public_item_ids(s)
    out: set[str] = set()
    rows = schedule.assignments if schedule is not None else ()
    for a in rows:
        if is_public(s, public, a):
            out.update(a.participants)
    for sid in public_sequence_ids(s):
        out.update(s.resolve(m.member) or "" for m in s.members_of(sid))
    return frozenset(p for p in out if p in s.persons and s.is_active(p))


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


def _public_row(s: Scenario, a: Assignment) -> Assignment:
    """A public row rebuilt from the scenario: the workbook gives only
    its time, room and position."""
    it = s.item_by_id[a.item_id]
    people = tuple(p for p in dict.fromkeys(a.participants) if p in s.persons)
    room = s.room_by_id.get(a.room_id)
    return replace(
        a,
        kind=it.kind,
        ref_id=it.ref_id,
        title=it.title,
        participants=people,
        venue_id=room.venue_id if room else a.venue_id,
        note=_public_note(s, a.note),
        restricted=False,
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
    figures of value (objective, bound, gap, penalties)."""
    public = public_item_ids(s)
    assignments = tuple(
        _public_row(s, a)
        for a in schedule.assignments
        if is_public(s, public, a)
    )
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
    reason (from the new ``schedule``, in full)."""
    public = public_item_ids(s)
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
