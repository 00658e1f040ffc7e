"""CP-SAT's own search ends when it stops improving, not before."""

from __future__ import annotations

import threading
import time

from scheduler.search.stall import stop_when_stalled


class _Solver:
    def __init__(self) -> None:
        self.stopped = threading.Event()

    def stop_search(self) -> None:
        self.stopped.set()


class _Progress:
    def __init__(self, last_at: float | None, best: float = 500.0) -> None:
        self.last_at = last_at
        self.best = best


def test_a_search_without_a_better_schedule_is_stopped():
    solver, progress = _Solver(), _Progress(last_at=0.0)
    with stop_when_stalled(solver, progress, least=0.3, quiet=0.5):
        assert solver.stopped.wait(5.0)


def test_a_search_is_not_stopped_before_its_least_time():
    solver, progress = _Solver(), _Progress(last_at=0.0)
    with stop_when_stalled(solver, progress, least=1.5, quiet=0.1):
        assert not solver.stopped.wait(1.0)
    assert not solver.stopped.is_set()


def test_a_search_that_keeps_improving_is_not_stopped():
    solver, progress = _Solver(), _Progress(last_at=0.0)
    t0 = time.monotonic()
    with stop_when_stalled(solver, progress, least=0.1, quiet=0.6):
        while time.monotonic() - t0 < 2.0:
            progress.last_at = time.monotonic() - t0  # a better schedule
            assert not solver.stopped.wait(0.1)
    assert not solver.stopped.is_set()


def test_a_search_with_no_schedule_yet_is_never_stopped():
    solver, progress = _Solver(), _Progress(last_at=None)
    with stop_when_stalled(solver, progress, least=0.0, quiet=0.1):
        assert not solver.stopped.wait(1.0)


def test_a_search_whose_schedule_places_every_request_is_not_stopped():
    """Below the placement weight (1,000 here) nothing is left out: the
    soft preferences are CP-SAT's to improve and prove. Above it, the
    same stall stops the search."""
    solver, progress = _Solver(), _Progress(last_at=0.0, best=999.0)
    with stop_when_stalled(
        solver, progress, least=0.0, quiet=0.1, settled_below=1000.0
    ):
        assert not solver.stopped.wait(1.0)
        progress.best = 1000.0  # a schedule that leaves something out
        assert solver.stopped.wait(5.0)
