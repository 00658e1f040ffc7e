"""Checker twins of the security rules (motorcade windows); the room sweep
is with the rooms."""

from __future__ import annotations

from .. import intervals as iv
from ..records.scenario import Scenario
from ..records.schedule import Schedule
from .violation import Violation, hm, known_rows, label, span


def no_arrivals(s: Scenario, schedule: Schedule) -> list[Violation]:
    """No reception overlaps a no_arrivals window on its point, its venue,
    its delegation or all."""
    out = []
    for a in known_rows(s, schedule):
        if a.kind != "arrival":
            continue
        lo, hi = span(s, a)
        windows = s.windows_for("no_arrivals", room=a.room_id) + s.windows_for(
            "no_arrivals", person=a.ref_id
        )
        for w in dict.fromkeys(windows):
            w_lo, w_hi = s.window_span(w)
            if iv.overlaps(lo, hi, w_lo, w_hi):
                out.append(
                    Violation(
                        "no_arrivals",
                        f"{label(a)} overlaps window "
                        f"{w.window_id} ({w.scope}, no arrivals "
                        f"{hm(w.start)}-{w.end:%H:%M}"
                        + (f": {w.reason}" if w.reason else "")
                        + ")",
                        (a.item_id,),
                    )
                )
    return out
