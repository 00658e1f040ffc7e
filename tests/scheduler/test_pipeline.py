"""The library under the command line (:mod:`scheduler.pipeline`): it
returns records, raises typed errors with the command's exit code, and
prints nothing."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from inputs.sample import sample_path
from models import Event
from models.checker import check
from scheduler import SolveParams, pipeline
from scheduler.cli import cli
from scheduler.errors import BadInput, ExitCode, Infeasible
from tests.factory import at, room, tiny
from tests.inputs.helpers import workbook

P = SolveParams(time_limit=5, workers=1)


def test_solve_returns_a_checked_schedule_and_prints_nothing(capfd):
    s = tiny()
    run = pipeline.solve(s, P, diagnose_seconds=0)
    assert run.result.status == "OPTIMAL" and not check(s, run.schedule)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def _clash(**records):
    """Two fixed one-hour ceremonies, 09:00 and 09:30, in the only room:
    no schedule."""

    def fixed(eid, when):
        return Event(
            eid,
            eid,
            "ceremony",
            60,
            50,
            rooms=("R1",),
            fixed_start=at(when),
            mandatory=True,
        )

    return tiny(
        rooms=(room("R1"),),
        events=(fixed("A", "09:00"), fixed("B", "09:30")),
        **records,
    )


def test_infeasible_is_a_typed_error_with_its_explanation():
    s = _clash()
    with pytest.raises(Infeasible) as caught:
        pipeline.solve(s, P)
    assert caught.value.exit_code == ExitCode.INFEASIBLE
    assert "INFEASIBLE" in caught.value.lines[0]


def test_no_time_to_build_the_explanation_says_so_within_the_limit(
    monkeypatch,
):
    """The explanation builds a model as large as the search's: with
    less time left than that took, the solver is not asked (a 5 s run
    on 377 items took 6.1 s, 1.8 s of it explaining in the 0.9 s left)
    and the words say a longer limit would tell."""
    import scheduler.diagnosis.explain as explain_module
    import scheduler.search.solve as search

    solve = search.solve

    def slow_model(*args, **kw):
        return replace(solve(*args, **kw), model_seconds=1e6)

    def never(*args, **kw):
        raise AssertionError("the explanation's model was built")

    monkeypatch.setattr(search, "solve", slow_model)
    monkeypatch.setattr(explain_module, "guarded_build", never)
    with pytest.raises(Infeasible) as caught:
        pipeline.solve(_clash(), P)
    assert "INFEASIBLE" in caught.value.lines[0]
    assert any("longer --time-limit" in line for line in caught.value.lines)


def test_a_day_with_no_schedule_says_why_the_event_has_none():
    """Day by day, the first day's two fixed ceremonies in the only room
    cannot both be held: the day is proven to have no schedule, and so
    is the event. The run says INFEASIBLE and why, as a single model
    does; it once said "one day found no schedule in its share of 10 s;
    try a longer --time-limit" after 1 s."""
    from tests.factory import DAY1, DAY2, settings

    s = _clash(settings=settings(days=(DAY1, DAY2)))
    with pytest.raises(Infeasible) as caught:
        pipeline.solve(s, P, decompose="day")
    assert "INFEASIBLE" in caught.value.lines[0]
    assert any("E:A" in line for line in caught.value.lines)


def test_an_output_never_names_an_input_nor_the_package(tmp_path):
    scenario = workbook(tmp_path)
    link = tmp_path / "link.xlsx"
    link.symlink_to(scenario)
    with pytest.raises(BadInput):
        pipeline.guard_outputs(link, None, (scenario,))
    with pytest.raises(BadInput):
        pipeline.guard_outputs(sample_path())


@pytest.mark.parametrize("name", ["schedule.csv", "schedule", "-"])
def test_an_output_that_is_no_workbook_name_is_refused(tmp_path, name):
    """A schedule written as ``.csv`` could not be read back by
    ``check``, ``export`` or ``--baseline`` (the reader wants .xlsx)."""
    with pytest.raises(BadInput, match=r"ends in \.xlsx"):
        pipeline.guard_outputs(tmp_path / name)


@pytest.mark.parametrize(
    "command", [["solve"], ["sample"], ["template"], ["diff", "a", "b"]]
)
def test_every_command_refuses_an_unwritable_output_at_once(tmp_path, command):
    """A device, a pipe, a name too long or a folder that takes no file:
    exit 2 with the reason, before any work, never a traceback, and the
    device or pipe left as it was."""
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    long_name = tmp_path / ("a" * 300 + ".xlsx")
    for out, said in [
        (pipe, "device, pipe or socket"),
        (Path("/dev/null"), "device, pipe or socket"),
        (long_name, "bytes long"),
        (Path("/proc/schedule.xlsx"), "takes no new file"),
    ]:
        args = (
            [*command, "-o", str(out)]
            if command[0] in ("solve", "diff")
            else [
                *command,
                str(out),
                "--force",
            ]
        )
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == ExitCode.BAD_INPUT, (out, r.output)
        assert said in r.output and "Traceback" not in r.output
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_diff_refuses_to_overwrite_its_input(tmp_path):
    a = tmp_path / "a.xlsx"
    a.write_bytes(b"published")
    r = CliRunner().invoke(cli, ["diff", str(a), str(a), "-o", str(a)])
    assert r.exit_code == ExitCode.BAD_INPUT
    assert a.read_bytes() == b"published"


def test_solve_without_scenario_refuses_to_overwrite_the_sample(tmp_path):
    before = sample_path().read_bytes()
    r = CliRunner().invoke(cli, ["solve", "-o", str(sample_path())])
    assert r.exit_code == ExitCode.BAD_INPUT
    assert sample_path().read_bytes() == before


def test_log_option_shows_the_cpsat_log(tmp_path):
    r = CliRunner().invoke(
        cli,
        [
            "solve",
            str(workbook(tmp_path)),
            "-o",
            str(tmp_path / "s.xlsx"),
            "--time-limit",
            "5",
            "--log",
        ],
    )
    assert r.exit_code == 0, r.output
    assert "Starting CP-SAT solver" in r.output


@pytest.mark.parametrize(
    "option",
    [
        ("--time-limit", "nan"),
        ("--gap", "nan"),
        ("--seed", str(2**70)),
        ("--workers", "100000"),
    ],
)
def test_nonsense_numbers_are_usage_errors(tmp_path, option):
    r = CliRunner().invoke(
        cli,
        [
            "solve",
            str(workbook(tmp_path)),
            "-o",
            str(tmp_path / "s.xlsx"),
            *option,
        ],
    )
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "Invalid value" in r.output
    assert not (tmp_path / "s.xlsx").exists()


def test_the_time_limit_keeps_room_for_the_diagnosis_and_the_writing():
    """--time-limit bounds the whole command: the diagnosis gets what it
    asks, at most 15% of the limit (a what-if run's default: what the
    search leaves); writing an estimate, at most a quarter."""
    from scheduler.pipeline import time_plan

    s = pipeline.load_scenario(sample_path())
    plan = time_plan(s, 20.0, None)
    assert plan.diagnosis == 3.0  # the default 10 s, capped
    assert 0 < plan.writing <= 5.0
    assert time_plan(s, 200.0, None).diagnosis == 10.0
    assert time_plan(s, 200.0, 3.0).diagnosis == 3.0
    assert time_plan(s, 10.0, 0.0).diagnosis == 0.0
    assert time_plan(s, 10.0, None, what_if=True).diagnosis == 0.0


def test_no_time_is_kept_for_a_diagnosis_too_short_to_ask_anything():
    """Below one item's share (2 s) the diagnosis asks nothing, so the
    search gets that time: a 10 s run on a 432-item event kept 1.5 s
    for it and ended at 8 s, the diagnosis having taken none."""
    from scheduler.diagnosis.diagnose import MIN_ITEM_SECONDS
    from scheduler.pipeline import time_plan

    s = pipeline.load_scenario(sample_path())
    assert MIN_ITEM_SECONDS > pipeline.DIAGNOSIS_SHARE * 10.0
    assert time_plan(s, 10.0, None).diagnosis == 0.0
    assert time_plan(s, 200.0, 1.0).diagnosis == 0.0
    assert time_plan(s, 200.0, MIN_ITEM_SECONDS).diagnosis == MIN_ITEM_SECONDS
