"""CBC through PuLP with a wall-clock deadline, and what its log says
about the first integer solution."""

from __future__ import annotations

import re
import time

import pulp

_SECONDS = re.compile(r"(?:\(|After )([\d.]+) seconds")
_FOUND = re.compile(r"Solution found of|Integer solution of")
_TOTAL = re.compile(r"Wallclock seconds\):\s*([\d.]+)")


class DeadlineCBC(pulp.PULP_CBC_CMD):
    """PuLP's bundled CBC whose time limit is whatever is left before
    ``deadline`` (``time.monotonic()`` seconds) when CBC is called, so
    that the time the caller spends building the model counts, as it
    does for the engine."""

    def __init__(self, deadline: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.deadline = deadline
        self.called_at: float | None = None
        self.returned_at: float | None = None

    def actualSolve(self, lp, **kwargs):
        self.called_at = time.monotonic()
        self.timeLimit = max(1.0, round(self.deadline - self.called_at, 1))
        try:
            return super().actualSolve(lp, **kwargs)
        finally:
            self.returned_at = time.monotonic()


def first_solution_at(log_text: str, returned_at: float) -> float | None:
    """``time.monotonic()`` moment of CBC's first integer solution: when
    CBC returned, minus its total wall time, plus the time its log gives
    for the first solution (the line's own time, else the last time
    printed before it; a problem solved at the root counts as found at
    the end). ``None`` if the log shows no solution."""
    total = _TOTAL.search(log_text)
    if total is None:
        return None
    started = returned_at - float(total.group(1))
    last = 0.0
    for line in log_text.splitlines():
        times = _SECONDS.findall(line)
        if _FOUND.search(line):
            return started + float(times[-1] if times else last)
        if times:
            last = float(times[-1])
        if line.startswith("Result - Optimal solution found"):
            return returned_at
    return None
