"""Solver parameters."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: CP-SAT deterministic time given for each nominal second of a stage in
#: a repeatable run (:mod:`scheduler.search.work`). One worker does about
#: 0.67 units a wall-clock second on an idle core (the sample, 2 cores,
#: AMD EPYC; 0.05 at a load of 6 on 2 cores). At 0.25 a repeatable run
#: does about what a worker given 40% of a core does in the time asked
#: for: the sample at 60 s proves its optimum (7.9 s on an idle machine),
#: where 0.02 stopped it after 1.1 s at a 56% gap. On a machine busier
#: than that the clock, a safety net, stops a stage first: the run keeps
#: its time limit and the Summary says it is not reproducible.
DET_PER_SECOND = 0.25


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
    parameters by name; ``budget`` the seconds the search would have on
    an idle machine (the pipeline sets it: the time limit less the
    diagnosis and writing allowances), from which a repeatable run sizes
    every stage (``time_limit`` is then the wall clock's safety net);
    ``diagnosis_s`` and ``writing_s`` the seconds past ``time_limit``
    that the pipeline keeps for the left-out diagnosis and for writing
    the workbook: a search with no schedule yet may take a third of both
    (the rest for saying why there is none), and moves on a
    schedule that leaves nothing out (so nothing to diagnose) the
    diagnosis's.
    """

    time_limit: float = 60.0
    workers: int = field(default_factory=default_workers)
    seed: int = 0
    gap: float = 0.0
    log: bool = False
    warm_start: bool = True
    lns: bool = True
    overrides: dict = field(default_factory=dict)
    budget: float | None = None
    diagnosis_s: float = 0.0
    writing_s: float = 0.0

    @property
    def repeatable(self) -> bool:
        """One worker: every stage stops on work done, not on the clock,
        so a run with the same seed repeats exactly on any machine load
        (:mod:`scheduler.search.work`). With more workers CP-SAT's
        threads race, and runs differ."""
        return self.workers == 1

    @property
    def nominal(self) -> float:
        """The seconds a repeatable run sizes its stages from."""
        return self.budget if self.budget is not None else self.time_limit

    def __post_init__(self):
        if self.time_limit <= 0:
            raise ValueError("time_limit must be positive")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if not 0 <= self.gap < 1:
            raise ValueError("gap must be in [0, 1)")
