"""What the peer benchmark reports about one schedule."""

from __future__ import annotations

from models.checker import check
from models.objective import objective_value, penalties
from models.records.scenario import Scenario
from models.records.schedule import Schedule


def measure(s: Scenario, schedule: Schedule) -> dict:
    """Items placed (of all), the priority-weighted share of optional
    items placed, the objective (lower is better), checker violations
    and mandatory items left out."""
    pen = penalties(s, schedule)
    total = sum(it.value for it in s.items if not it.mandatory)
    placed = schedule.by_item()
    return {
        "items": len(placed),
        "of": len(s.items),
        "share": 1 - pen["unplaced_value"] / total if total else 1.0,
        "objective": objective_value(s, schedule),
        "violations": len(check(s, schedule)),
        "mandatory_out": sum(
            1 for it in s.items if it.mandatory and it.item_id not in placed
        ),
    }
