"""``--time-limit`` counts the whole command, from the program's start
(before its half-second of imports), not from when the command line
begins to run."""

from __future__ import annotations

import time

from click.testing import CliRunner

from scheduler import launch, pipeline
from scheduler.cli import cli


def test_the_program_start_is_noted_and_read(monkeypatch):
    monkeypatch.setattr(launch, "_launched", None)
    before = time.monotonic()
    assert launch.launched() >= before  # not started as the program: now
    launch.mark()
    noted = launch.launched()
    time.sleep(0.01)
    assert launch.launched() == noted


def test_solve_counts_its_time_from_the_program_start(monkeypatch, tmp_path):
    """The search's deadline is the program's start plus the limit: a
    start noted 100 s ago reaches the pipeline as such."""
    seen = {}

    class Stop(Exception):
        pass

    def solve(*args, started=None, **kwargs):
        seen["started"] = started
        raise Stop

    monkeypatch.setattr(launch, "_launched", time.monotonic() - 100)
    monkeypatch.setattr(pipeline, "solve", solve)
    CliRunner().invoke(cli, ["solve", "-o", str(tmp_path / "s.xlsx")])
    assert seen["started"] == launch._launched
