"""The part of a scenario a slot-based peer can express.

Side events (workshops, discussions, exhibitions, press briefings and
other events that are not all-heads, have no ``after`` order and hold no
protocol queue) and, optionally, bilateral requests. Settings, ranks,
venues, travel, rooms, delegations, people, slot sets and security
windows are kept; ceremonies, plenaries, receptions, arrivals and
queues are dropped. Every tool is judged on the same sub-scenario.
"""

from __future__ import annotations

from dataclasses import replace

from models import Scenario, validate_scenario

SIDE_KINDS = ("workshop", "discussion", "exhibition", "press", "other")


def is_side_event(s: Scenario, event) -> bool:
    """A side event: a side kind, not all-heads, no ``after`` order and
    no queue held inside it."""
    queue_events = {q.within_event for q in s.sequences}
    return (
        event.kind in SIDE_KINDS
        and not event.all_heads
        and not event.after
        and event.event_id not in queue_events
    )


def side_problem(s: Scenario, bilaterals: bool = True) -> Scenario:
    """The sub-scenario of side events (and bilaterals if asked).

    Raises ``ValueError`` if the result does not validate.
    """
    label = "side events + bilaterals" if bilaterals else "side events"
    sub = replace(
        s,
        events=tuple(e for e in s.events if is_side_event(s, e)),
        bilaterals=s.bilaterals if bilaterals else (),
        arrivals=(),
        sequences=(),
        members=(),
        source=f"{s.source or 'scenario'} ({label})",
    )
    problems = validate_scenario(sub)
    if problems:
        raise ValueError("\n".join(map(str, problems[:10])))
    return sub
