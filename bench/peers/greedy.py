"""The first-come-first-served peer: :func:`scheduler.search.construct.greedy`
with requests in the order they were made, as protocol offices work."""

from __future__ import annotations

from models.records.scenario import Scenario
from scheduler.search.construct.greedy import REASON, TOOL, GreedyResult
from scheduler.search.construct.greedy import greedy as _greedy

__all__ = ["REASON", "TOOL", "GreedyResult", "greedy"]


def greedy(scenario: Scenario) -> GreedyResult:
    """Schedule ``scenario`` first come, first served."""
    return _greedy(scenario, order="rows")
