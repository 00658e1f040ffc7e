"""A live progress line while CP-SAT searches: only on a stream it is
given that is a terminal (the command line's stderr); as a library the
search writes nothing."""

from __future__ import annotations

import time
from typing import IO

from ortools.sat.python import cp_model


class Progress(cp_model.CpSolverSolutionCallback):
    """Counts solutions and, when given a ``stream`` that is a terminal
    (or ``live``), rewrites one line on it: elapsed, best objective,
    bound, gap, solutions found."""

    def __init__(
        self, stream: IO[str] | None = None, live: bool | None = None
    ):
        super().__init__()
        self.stream = stream
        self.live = stream is not None and (
            stream.isatty() if live is None else live
        )
        self.solutions = 0
        self.first_at: float | None = None
        #: seconds from the start to the latest (best) solution
        self.last_at: float | None = None
        #: the latest (best) solution's objective
        self.best: float | None = None
        self._t0 = time.monotonic()
        self._last = 0.0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        now = time.monotonic() - self._t0
        if self.first_at is None:
            self.first_at = now
        self.last_at = now
        self.best = self.objective_value
        if self.live and (now - self._last > 0.2 or self.solutions == 1):
            self._last = now
            self.show(self.objective_value, self.best_objective_bound, now)

    def show(self, obj: float, bound: float, now: float) -> None:
        gap = abs(obj - bound) / max(1.0, abs(obj))
        assert self.stream is not None
        self.stream.write(
            f"\r  {now:6.1f}s  best {obj:,.0f}  bound {bound:,.0f}  "
            f"gap {100 * gap:5.2f}%  solutions {self.solutions}   "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.live and self.solutions and self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()
