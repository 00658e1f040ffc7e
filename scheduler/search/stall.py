"""Ending CP-SAT's own search once it stops finding better schedules.

On two workers CP-SAT's portfolio makes most of its progress in its
first seconds and then often finds nothing better for the rest of its
time, where the neighbourhood moves of :mod:`scheduler.search.lns`
still gain; on the largest cases it keeps improving for longer. So the
portfolio gets a least share of the search and keeps going, up to a
larger share, only while it still finds better schedules
(bench/README.md, session 8).

A portfolio whose schedule places every request keeps its whole share:
the moves are drawn where value is left out, and with none left what
remains is the soft preferences (rooms that fit, a principal's
bilaterals at one venue), which CP-SAT's own search improves and proves
better: a generated one-day event (drawn-752) whose model alone
CP-SAT's default workers prove optimal in 18 s ended its 60 s runs 26-33%
from its bound, and 16.5% with this rule (bench/README.md, session 34).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class _Stoppable(Protocol):
    def stop_search(self) -> None: ...


class _Progress(Protocol):
    last_at: float | None
    best: float | None


#: How often the watcher looks, in seconds.
POLL = 0.25


@contextmanager
def stop_when_stalled(
    solver: _Stoppable,
    progress: _Progress,
    least: float,
    quiet: float,
    settled_below: float | None = None,
) -> Iterator[None]:
    """Inside the block, stop ``solver``'s search once it has run at
    least ``least`` seconds and its latest schedule (``progress.last_at``,
    seconds from when ``progress`` was made: make it just before the
    block) is ``quiet`` seconds old. A search with no schedule yet is
    never stopped: the first one matters most. Nor is one whose best
    objective (``progress.best``) is below ``settled_below``: given the
    placement weight, a schedule that places every request, where only
    the soft preferences are left and CP-SAT's own search is the one
    that improves and proves them (see the module)."""
    done = threading.Event()
    t0 = time.monotonic()

    def watch() -> None:
        while not done.wait(POLL):
            now = time.monotonic() - t0
            last = progress.last_at
            best = progress.best
            if (
                settled_below is not None
                and best is not None
                and best < settled_below
            ):
                continue
            if now >= least and last is not None and now - last >= quiet:
                solver.stop_search()
                return

    thread = threading.Thread(target=watch, name="stall watcher", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
