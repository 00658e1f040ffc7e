"""Make a schedule pass the checker by leaving items out."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from models.checker import check
from models.records.scenario import Scenario
from models.records.schedule import Schedule, Unscheduled

from .rows import with_positions


def prune(s: Scenario, schedule: Schedule, tool: str) -> tuple[Schedule, int]:
    """Remove placed items until the checker finds nothing that removing
    items can mend (only ``mandatory`` violations may remain).

    Each round removes one item: optional before mandatory, then the one
    in most violations, then the least valuable. Returns the schedule
    (left-out rows say ``"<tool>: removed, broke <rule>"``) and the
    number of items removed.
    """
    rows = list(schedule.assignments)
    left = list(schedule.unscheduled)
    removed = 0
    while True:
        found = [
            v
            for v in check(s, replace(schedule, assignments=tuple(rows)))
            if v.rule != "mandatory"
        ]
        ids = {a.item_id for a in rows}
        hits = Counter(i for v in found for i in set(v.items) if i in ids)
        if not hits:
            break
        items = s.item_by_id
        victim = min(hits, key=lambda i: _badness(items.get(i), hits[i], i))
        rule = next(v.rule for v in found if victim in v.items)
        rows = [a for a in rows if a.item_id != victim]
        rows = list(with_positions(rows))
        it = items.get(victim)
        if it is not None and it.is_alternative:
            it = items.get(it.own_item_id)  # the member, not the other list
        if it is not None:
            left.append(Unscheduled.of(it, f"{tool}: removed, broke {rule}"))
        removed += 1
    return (
        replace(schedule, assignments=tuple(rows), unscheduled=tuple(left)),
        removed,
    )


def _badness(it, hits: int, item_id: str) -> tuple:
    """Sort key of removal candidates: optional first, then most
    violations, then least value."""
    if it is None:
        return (False, -hits, 0, item_id)
    return (it.mandatory, -hits, it.value, item_id)
