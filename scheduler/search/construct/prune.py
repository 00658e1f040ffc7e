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

    Each round removes, for every violation no removal of the round has
    mended yet, one of its items: optional before mandatory, then the one
    in most violations, then the least valuable; then checks again (a
    round per item made a crowded board take a minute). Returns the
    schedule (left-out rows say ``"<tool>: removed, broke <rule>"``) and
    the number of items removed.
    """
    rows = list(schedule.assignments)
    left = list(schedule.unscheduled)
    removed = 0
    items = s.item_by_id
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

        def key(i: str, hits: Counter = hits) -> tuple:
            return _badness(items.get(i), hits[i], i)

        victims: dict[str, str] = {}  # item id -> the rule it broke
        for v in sorted(found, key=lambda v: min(map(key, _ids(v, ids)))):
            mine = _ids(v, ids)
            if not mine or any(i in victims for i in mine):
                continue
            victims[min(mine, key=key)] = v.rule
        rows = [a for a in rows if a.item_id not in victims]
        rows = list(with_positions(rows))
        for victim, rule in victims.items():
            it = items.get(victim)
            if it is not None and it.is_alternative:
                it = items.get(
                    it.own_item_id
                )  # the member, not the other list
            if it is not None:
                left.append(
                    Unscheduled.of(it, f"{tool}: removed, broke {rule}")
                )
            removed += 1
    return (
        replace(schedule, assignments=tuple(rows), unscheduled=tuple(left)),
        removed,
    )


def _ids(v, placed: set[str]) -> list[str]:
    """The placed items a violation names."""
    return [i for i in dict.fromkeys(v.items) if i in placed]


def _badness(it, hits: int, item_id: str) -> tuple:
    """Sort key of removal candidates: optional first, then most
    violations, then least value."""
    if it is None:
        return (False, -hits, 0, item_id)
    return (it.mandatory, -hits, it.value, item_id)
