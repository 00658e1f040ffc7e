"""A seeded one-worker run repeats exactly on any machine load (issue
14): two runs of the sample with the same seed and ``--workers 1``, side
by side (each slowing the other), in processes with different hash
seeds, write the same Schedule and Unscheduled sheets, and the Summary
says the run is reproducible."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scheduler.search.params import SolveParams


def _sheet(path: Path, name: str) -> list[tuple]:
    return list(load_workbook(path)[name].iter_rows(values_only=True))


def _summary(path: Path) -> dict:
    return {row[0]: row[1] for row in _sheet(path, "Summary")[1:]}


@pytest.mark.slow
def test_two_seeded_one_worker_runs_write_the_same_schedule(tmp_path):
    procs = []
    for k in (1, 2):
        env = {**os.environ, "PYTHONHASHSEED": str(k)}
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "scheduler",
                    "solve",
                    "-o",
                    str(tmp_path / f"run{k}.xlsx"),
                    "--workers",
                    "1",
                    "--seed",
                    "5",
                    "--time-limit",
                    "120",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
    for p in procs:
        out, _ = p.communicate(timeout=400)
        assert p.returncode == 0, out
    a, b = tmp_path / "run1.xlsx", tmp_path / "run2.xlsx"
    for sheet in ("Schedule", "Unscheduled"):
        assert _sheet(a, sheet) == _sheet(b, sheet), sheet
    for path in (a, b):
        assert str(_summary(path)["reproducible"]).startswith("yes"), _summary(
            path
        )["reproducible"]


def test_only_one_worker_is_repeatable():
    assert SolveParams(workers=1).repeatable
    assert not SolveParams(workers=2).repeatable


def test_the_summary_says_why_a_run_is_not_reproducible():
    from scheduler.pipeline import reproducible
    from scheduler.search.work import CLOCK_STOPS

    CLOCK_STOPS.reset()
    assert reproducible(SolveParams(workers=1)).startswith("yes")
    assert reproducible(SolveParams(workers=4)).startswith("no: 4 workers")
    CLOCK_STOPS.add("diagnosis")
    said = reproducible(SolveParams(workers=1))
    assert said.startswith("no") and "diagnosis" in said
    CLOCK_STOPS.reset()


def test_a_step_allowance_counts_steps_not_seconds():
    from scheduler.search.work import Steps

    steps = Steps(seconds=1e9, nominal=2.0, per_second=3)
    assert [steps.over() for _ in range(7)] == [False] * 6 + [True]
