"""Scheduling from a notebook: scenarios in, schedules out, as pandas
DataFrames.

The same runs as the command line (:mod:`scheduler.pipeline`): a solve
is checked by the independent checker, its left-out items get their
reasons, a what-if run keeps its baseline still; the same errors
(:mod:`scheduler.errors`) are raised. Tables have the columns of the
workbook sheets (README, "The schedule workbook").

Example::

    from scheduler import notebook as nb

    frames = nb.scenario_frames(nb.read_scenario("my_summit.xlsx"))
    frames["Bilaterals"]["priority"] = 3               # edit in pandas
    scenario = nb.scenario_from_frames(frames)        # checked as a workbook
    run = nb.solve(scenario, time_limit=30)
    run.status, run.objective
    run.schedule.groupby("day").size()                # one row per item
    run.unscheduled[["ref_id", "reason"]]
    run.agendas.query("person_id == 'FRA'")
    run.write("schedule.xlsx")

    # what-if: the new schedule that changes as little as possible
    later = nb.solve(scenario, baseline=run, freeze_before="2025-10-25 12:00")
    later.changes
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from inputs.frames import read_frames, scenario_frames
from models import Scenario
from models.baseline import Baseline
from models.changes import Change, diff_schedules
from models.checker import Violation, check
from models.records.problems import Problem
from models.records.schedule import Schedule
from outputs.frames import changes_frame, schedule_frames

from . import pipeline
from .errors import BadInput
from .search.params import SolveParams

__all__ = [
    "Solved",
    "changes",
    "problems",
    "read_scenario",
    "read_schedule",
    "sample",
    "scenario_frames",
    "scenario_from_frames",
    "schedule_frames",
    "solve",
]

PROBLEM_COLUMNS = ["sheet", "row", "column", "message", "value", "expected"]


def sample() -> Scenario:
    """The bundled Hanoi 2025 scenario."""
    return pipeline.load_scenario(None)


def read_scenario(path: str | Path) -> Scenario:
    """The scenario workbook at ``path``; :class:`BadInput` lists every
    problem with its sheet, row and column."""
    return pipeline.load_scenario(Path(path))


def scenario_from_frames(
    frames: Mapping[str, pd.DataFrame], source: str = "DataFrames"
) -> Scenario:
    """The scenario in ``frames`` (sheet name -> DataFrame, as
    :func:`scenario_frames` gives them), read and checked exactly as a
    workbook; :class:`BadInput` lists every problem (row 2 is a frame's
    first row, as under a header). :func:`problems` gives them as a
    table."""
    result = read_frames(frames, source)
    if result.problems or result.scenario is None:
        raise BadInput(
            f"{source}: {len(result.problems)} problem(s):",
            [f"  - {p}" for p in result.problems],
        )
    return result.scenario


def problems(frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every problem of the scenario in ``frames``, one row each (empty
    when it reads and validates)."""
    return _problem_frame(read_frames(frames).problems)


def _problem_frame(found: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            [p.sheet, p.row, p.column, p.message, p.value, p.expected]
            for p in found
        ],
        columns=PROBLEM_COLUMNS,
    )


def read_schedule(path: str | Path, scenario: Scenario) -> Schedule:
    """A schedule workbook (written by ``scheduler solve``, hand edits
    included) read against ``scenario``, to check, compare or use as a
    baseline."""
    return pipeline.load_schedule(Path(path), scenario).schedule


@dataclass(frozen=True)
class Solved:
    """A solve's outcome: its status and figures, and the workbook's
    tables as DataFrames."""

    scenario: Scenario
    run: pipeline.SolveRun

    @property
    def schedule_record(self) -> Schedule:
        """The schedule itself (to check, write or use as a baseline)."""
        return self.run.schedule

    @property
    def status(self) -> str:
        """``OPTIMAL`` only when proven; else ``FEASIBLE``."""
        return self.run.result.status

    @property
    def objective(self) -> float | None:
        return self.run.result.objective

    @property
    def best_bound(self) -> float | None:
        return self.run.result.best_bound

    @property
    def gap(self) -> float | None:
        return self.run.result.gap

    def frames(self, audience: str = "full") -> dict[str, pd.DataFrame]:
        """Every table sheet of the workbook for ``audience`` (``full`` or
        ``public``), keyed by sheet name."""
        return schedule_frames(
            self.scenario, self.schedule_record, self.run.changes, audience
        )

    @property
    def schedule(self) -> pd.DataFrame:
        """One row per placed item, in time order (the Schedule sheet)."""
        return self._sheet("Schedule")

    @property
    def unscheduled(self) -> pd.DataFrame:
        """One row per left-out item with its reason."""
        return self._sheet("Unscheduled")

    @property
    def agendas(self) -> pd.DataFrame:
        """Each head of delegation's and principal's items, in time
        order."""
        return self._sheet("Agendas")

    @property
    def summary(self) -> pd.DataFrame:
        """``key``/``value``: status, objective, bound, penalties,
        settings, counts."""
        return self._sheet("Summary")

    @property
    def changes(self) -> pd.DataFrame | None:
        """What moved against the baseline (what-if runs; ``None``
        otherwise)."""
        if self.run.changes is None:
            return None
        return changes_frame(self.run.changes)

    def _sheet(self, name: str) -> pd.DataFrame:
        return schedule_frames(
            self.scenario, self.schedule_record, self.run.changes
        )[name]

    def violations(self) -> list[Violation]:
        """The hard rules the schedule breaks (none: the engine's schedules
        have passed the independent checker)."""
        return check(self.scenario, self.schedule_record)

    def write(
        self,
        path: str | Path,
        audience: str = "full",
        ics: str | Path | None = None,
    ) -> Path:
        """Write the schedule workbook (and, with ``ics``, one calendar
        per delegation and principal into that folder), as ``scheduler
        solve -o`` does."""
        out = Path(path)
        pipeline.guard_outputs(
            out, Path(ics) if ics else None, [self._source()]
        )
        pipeline.write_outputs(
            self.scenario,
            self.schedule_record,
            out,
            self.run.changes,
            audience,
            Path(ics) if ics else None,
        )
        return out

    def _source(self) -> Path | None:
        src = self.scenario.source
        return Path(src) if src and Path(src).is_file() else None


def solve(
    scenario: Scenario,
    *,
    time_limit: float = 60.0,
    baseline: Solved | Schedule | str | Path | None = None,
    freeze_before: str | datetime | None = None,
    decompose: str = "auto",
    diagnose_seconds: float | None = None,
    **params: Any,
) -> Solved:
    """Schedule ``scenario`` within ``time_limit`` seconds, as
    ``scheduler solve`` does.

    ``baseline`` (a previous :class:`Solved`, a schedule, or a schedule
    workbook) makes it a what-if run: locked rows and rows before
    ``freeze_before`` stay put, everything else moves as little as
    possible, and :attr:`Solved.changes` lists what moved. ``params`` are
    :class:`scheduler.SolveParams` fields (``workers``, ``seed``, ``gap``,
    ``warm_start``, ...). Raises :class:`scheduler.errors.Infeasible`
    (with the explanation) when the mandatory items cannot all be placed,
    :class:`scheduler.errors.NoSchedule` when nothing was found in time.
    """
    try:
        solve_params = SolveParams(time_limit=time_limit, **params)
    except (TypeError, ValueError) as exc:
        raise BadInput(f"Solve parameters: {exc}") from None
    run = pipeline.solve(
        scenario,
        solve_params,
        baseline=_baseline(scenario, baseline, freeze_before),
        decompose=decompose,
        diagnose_seconds=diagnose_seconds,
    )
    return Solved(scenario, run)


def _baseline(
    scenario: Scenario,
    baseline: Solved | Schedule | str | Path | None,
    freeze_before: str | datetime | None,
) -> Baseline | None:
    if baseline is None:
        if freeze_before is not None:
            raise BadInput("freeze_before needs a baseline")
        return None
    if isinstance(baseline, Solved):
        schedule = baseline.schedule_record
    elif isinstance(baseline, Schedule):
        schedule = baseline
    else:
        schedule = read_schedule(baseline, scenario)
    when = freeze_before
    if isinstance(when, str):
        try:
            when = datetime.strptime(when.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            raise BadInput(
                f"freeze_before {freeze_before!r}: expected a date-time "
                "like '2025-10-25 12:00'"
            ) from None
    return Baseline(schedule, when)


def changes(
    before: Solved | Schedule,
    after: Solved | Schedule,
    scenario: Scenario | None = None,
) -> pd.DataFrame:
    """What was added, moved, dropped or cancelled from ``before`` to
    ``after`` (``scheduler diff``), one row per item; with ``scenario``,
    items no longer in it count as cancelled."""
    old = before.schedule_record if isinstance(before, Solved) else before
    new = after.schedule_record if isinstance(after, Solved) else after
    known = set(scenario.item_by_id) if scenario is not None else None
    found: list[Change] = diff_schedules(old, new, known)
    return changes_frame(found)
