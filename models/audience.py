"""Who may see what: the public copy of a schedule.

A schedule goes to ministries and security services in full, and to the
press and the public without anything restricted. Restricted are every
bilateral (not public until announced), every arrival (security
sensitive: a landing time tells where a head of state will be), every
event marked ``restricted`` and the queue slots held inside such an
event. :func:`public_schedule` keeps only the rest, and drops the
reasons of left-out public items that name a restricted item.
"""

from __future__ import annotations

from dataclasses import replace

from .records.scenario import Scenario
from .records.schedule import Schedule

AUDIENCES = ("full", "public")
#: Item kinds that are restricted whatever the scenario says.
ALWAYS_RESTRICTED_KINDS = ("bilateral", "arrival")
#: Said instead of a reason that would name a restricted item.
WITHHELD_REASON = "Not placed; the reason is given in the full schedule."


def restricted_item_ids(s: Scenario) -> frozenset[str]:
    """Item ids that only the full audience may see."""
    hidden_events = {e.event_id for e in s.events if e.restricted}
    out = set()
    for it in s.items:
        if (
            it.restricted
            or it.kind in ALWAYS_RESTRICTED_KINDS
            or it.within_event in hidden_events
        ):
            out.add(it.item_id)
    return frozenset(out)


def restricted_words(s: Scenario) -> frozenset[str]:
    """Ids and titles that betray a restricted item when they appear in
    a public text (item ids, request ids, restricted event ids)."""
    words = set(restricted_item_ids(s))
    words |= {b.request_id for b in s.bilaterals}
    words |= {e.event_id for e in s.events if e.restricted}
    words |= {e.title for e in s.events if e.restricted}
    return frozenset(words)


def is_restricted(hidden: frozenset[str], item_id: str, kind: str) -> bool:
    """Whether an item is hidden from the public, given the scenario's
    :func:`restricted_item_ids` (an item not in the scenario, e.g. added
    to a hand-edited schedule, is judged by its kind)."""
    return kind in ALWAYS_RESTRICTED_KINDS or item_id in hidden


def public_schedule(s: Scenario, schedule: Schedule) -> Schedule:
    """The schedule without restricted items, placed or left out.

    Reasons of left-out public items that mention a restricted item are
    replaced by :data:`WITHHELD_REASON`; the soft penalty of bilateral
    grouping is dropped from the solve information.
    """
    words = restricted_words(s)
    hidden = restricted_item_ids(s)
    assignments = tuple(
        a
        for a in schedule.assignments
        if not is_restricted(hidden, a.item_id, a.kind)
    )
    unscheduled = []
    for u in schedule.unscheduled:
        if is_restricted(hidden, u.item_id, u.kind):
            continue
        if any(w in u.reason for w in words):
            u = replace(u, reason=WITHHELD_REASON)
        unscheduled.append(u)
    info = schedule.info
    if info is not None:
        info = replace(
            info,
            penalties={
                k: v for k, v in info.penalties.items() if "bilateral" not in k
            },
        )
    return replace(
        schedule,
        assignments=assignments,
        unscheduled=tuple(unscheduled),
        info=info,
    )


def for_audience(s: Scenario, schedule: Schedule, audience: str) -> Schedule:
    """``schedule`` as ``audience`` (one of :data:`AUDIENCES`) may see it."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    return schedule if audience == "full" else public_schedule(s, schedule)
