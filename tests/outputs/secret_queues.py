"""A scenario with two lists the public may not see, and a schedule of it
built by hand, for the public copy's tests of the Precedence sheet.

The writer's scenario (:mod:`tests.outputs.schedules`) plus:

- ``SECQ``, a receiving line held inside ``SECMEET``, an event the
  scenario marks restricted;
- ``SECQ2``, a motorcade queue held inside no event;
- their members: the head of ``LAO`` (a delegation that comes after the
  opening, so that no public item names it) and ``FRA-SEC``, France's
  head of security (in no public item either).

:data:`SECRET_WORDS` are the texts that only these give: the lists' ids
and titles, their members' names and the name of the delegation that
takes part in nothing public. No cell of the public copy may hold one.
"""

from __future__ import annotations

from dataclasses import replace

from models import Person, Scenario, Sequence, SequenceMember
from models.records.schedule import Schedule
from tests.factory import at, delegation

from .schedules import (
    full_scenario,
    full_schedule,
    placed,
    sec,
    security_meeting,
)

SECRET_QUEUE = "SECQ"
STANDALONE_QUEUE = "SECQ2"
SECRET_WORDS = (
    SECRET_QUEUE,
    STANDALONE_QUEUE,
    "Covert receiving line for the Lao President",
    "Standalone motorcade queue",
    "Thongloun Sisoulith",
    "Lao People's Democratic Republic",
    "Jean-Luc Vautrin",
)


def secret_queue_scenario() -> Scenario:
    base = full_scenario()
    lao = delegation(
        "LAO",
        "HOS",
        name="Lao People's Democratic Republic",
        available_from=at("10:30"),
    )
    lao = replace(lao, head_name="Thongloun Sisoulith")
    guard = Person("FRA-SEC", "Jean-Luc Vautrin", "FRA", "MIN")
    meeting = security_meeting()
    events = tuple(
        # the opening ends before LAO comes: LAO attends nothing public
        replace(e, latest=at("10:30")) if e.event_id == "OPEN" else e
        for e in base.events
    )
    return replace(
        base,
        delegations=(*base.delegations, lao),
        people=(*base.people, guard),
        events=(*events, meeting),
        sequences=(
            *base.sequences,
            Sequence(
                SECRET_QUEUE,
                "Covert receiving line for the Lao President",
                "R2",
                "precedence",
                30,
                within_event="SECMEET",
            ),
            Sequence(
                STANDALONE_QUEUE,
                "Standalone motorcade queue",
                "R1",
                "precedence",
                30,
                earliest=at("12:00"),
                latest=at("14:00"),
            ),
        ),
        members=(
            *base.members,
            SequenceMember(SECRET_QUEUE, "LAO"),
            SequenceMember(SECRET_QUEUE, "FRA-SEC"),
            SequenceMember(STANDALONE_QUEUE, "LAO"),
        ),
    )


def secret_queue_schedule(s: Scenario) -> Schedule:
    """The writer's schedule plus the restricted meeting at 11:00 with
    its receiving line, and the motorcade queue at 12:00."""
    sched = full_schedule(s)

    def row(item_id, start, end, room_id, position=None):
        people = s.item_by_id[item_id].participants
        return placed(
            s, item_id, start, end, room_id, "NCC", people, position=position
        )

    extra = (
        row("E:SECMEET", at("11:00"), at("11:30"), "R2"),
        row("S:SECQ:LAO", sec("11:05:00"), sec("11:05:30"), "R2", 1),
        row("S:SECQ:FRA-SEC", sec("11:05:30"), sec("11:06:00"), "R2", 2),
        row("S:SECQ2:LAO", sec("12:00:00"), sec("12:00:30"), "R1", 1),
    )
    return replace(sched, assignments=(*sched.assignments, *extra))
