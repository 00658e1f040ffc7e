"""Solver parameters."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


@dataclass(frozen=True)
class SolveParams:
    """How to run CP-SAT.

    ``time_limit`` in seconds; ``workers`` parallel search workers;
    ``seed`` the random seed; ``gap`` the relative gap at which to stop
    (0 = prove optimality); ``warm_start`` starts the search from a
    greedy schedule (most valuable requests first, see
    :mod:`scheduler.search.construct.greedy`); ``lns`` gives part of the
    search time to neighbourhood moves (:mod:`scheduler.search.lns`);
    ``overrides`` extra CP-SAT
    parameters by name.
    """

    time_limit: float = 60.0
    workers: int = field(default_factory=default_workers)
    seed: int = 0
    gap: float = 0.0
    log: bool = False
    warm_start: bool = True
    lns: bool = True
    overrides: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.time_limit <= 0:
            raise ValueError("time_limit must be positive")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if not 0 <= self.gap < 1:
            raise ValueError("gap must be in [0, 1)")
