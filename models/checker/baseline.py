"""The what-if rule, checked against the baseline it came from."""

from __future__ import annotations

from ..baseline import Baseline
from ..records.scenario import Scenario
from ..records.schedule import Schedule
from .violation import Violation, label


def baseline_pins(
    s: Scenario, schedule: Schedule, baseline: Baseline
) -> list[Violation]:
    """A locked baseline item, or one that starts before the freeze time,
    keeps its start and room; nothing new starts before the freeze time."""
    out = []
    placed = schedule.by_item()
    for iid, old in baseline.pinned(s).items():
        new = placed.get(iid)
        if new is None or (new.start, new.room_id) != (old.start, old.room_id):
            where = (
                "is left out"
                if new is None
                else f"moved to {new.start:%d %b %H:%M} in {new.room_id}"
            )
            out.append(
                Violation(
                    "baseline_pins",
                    f"{label(old)} in {old.room_id} is locked "
                    f"or frozen but {where}",
                    (iid,),
                )
            )
    if baseline.freeze_before is not None:
        old_ids = {a.item_id for a in baseline.schedule.assignments}
        for a in schedule.assignments:
            if a.item_id not in old_ids and a.start < baseline.freeze_before:
                out.append(
                    Violation(
                        "baseline_pins",
                        f"{label(a)} is new but starts before the freeze "
                        f"time {baseline.freeze_before:%d %b %H:%M}",
                        (a.item_id,),
                    )
                )
    return out
