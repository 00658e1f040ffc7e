"""Stopping on work done, not on the clock: what makes a one-worker run
repeat exactly on any machine load.

A stage that stops when its seconds are up does more or less work as
the machine is idle or busy, and a different amount of work gives a
different schedule (two seeded one-worker runs of the sample once
differed in 98 of 451 rows). In a repeatable run
(:attr:`SolveParams.repeatable`: one worker) every stage is sized from
the nominal budget (:attr:`SolveParams.nominal`, never from the time
already spent) and stops on work done: CP-SAT on its deterministic time
(:func:`limit`), the Python stages on counted steps (:class:`Steps`).
The wall clock stays a safety net under the time limit; a stage it
stops first is recorded (:data:`CLOCK_STOPS`), and the Summary then
says the run is not reproducible.
"""

from __future__ import annotations

import threading
import time

from .params import DET_PER_SECOND, SolveParams


class ClockStops:
    """The stages of the current run that the wall clock stopped before
    their work was done (a repeatable run that is then not one)."""

    def __init__(self) -> None:
        self._stages: list[str] = []
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._stages.clear()

    def add(self, stage: str) -> None:
        with self._lock:
            if stage not in self._stages:
                self._stages.append(stage)

    @property
    def stages(self) -> list[str]:
        with self._lock:
            return list(self._stages)


#: The record of the run in progress (:func:`scheduler.pipeline.solve`
#: resets it and reads it when the run ends).
CLOCK_STOPS = ClockStops()


def deterministic_time(params: SolveParams, seconds: float) -> float | None:
    """CP-SAT's deterministic time for a stage of ``seconds`` nominal
    seconds in a repeatable run (``None`` otherwise)."""
    if not params.repeatable:
        return None
    return max(0.001, seconds * DET_PER_SECOND)


def limit(solver, wall: float, det: float | None) -> None:
    """Stop ``solver`` after ``wall`` seconds, and (a repeatable run)
    after ``det`` units of deterministic time, whichever comes first."""
    p = solver.parameters
    p.max_time_in_seconds = max(0.0, wall)
    if det is not None:
        p.max_deterministic_time = det


def record(solver, stage: str) -> None:
    """After a search with a deterministic limit: note ``stage`` if the
    wall clock, not the work, stopped it."""
    p = solver.parameters
    if not p.max_deterministic_time < float("inf"):  # none was set
        return
    if (
        solver.deterministic_time < 0.999 * p.max_deterministic_time
        and solver.wall_time >= 0.98 * p.max_time_in_seconds
    ):
        CLOCK_STOPS.add(stage)


class Steps:
    """The allowance of a Python stage: ``seconds`` of wall clock, or in
    a repeatable run ``per_second`` steps for each nominal second (the
    clock then only a safety net, recorded as ``stage`` when it stops the
    stage first)."""

    def __init__(
        self,
        seconds: float,
        nominal: float | None = None,
        per_second: float = 0.0,
        stage: str = "",
    ):
        self.deadline = time.monotonic() + seconds
        self.limit = (
            None if nominal is None else max(1, int(nominal * per_second))
        )
        self.done = 0
        self.stage = stage

    def over(self) -> bool:
        """Count one step; whether the stage must stop before it."""
        if self.limit is not None and self.done >= self.limit:
            return True
        self.done += 1
        if time.monotonic() > self.deadline:
            if self.limit is not None:
                CLOCK_STOPS.add(self.stage)
            return True
        return False
