"""The library under the command line (:mod:`scheduler.pipeline`): it
returns records, raises typed errors with the command's exit code, and
prints nothing."""

from __future__ import annotations

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
    plan = time_plan(s, 10.0, None)
    assert plan.diagnosis == 1.5  # the default 10 s, capped
    assert 0 < plan.writing <= 2.5
    assert time_plan(s, 200.0, None).diagnosis == 10.0
    assert time_plan(s, 200.0, 3.0).diagnosis == 3.0
    assert time_plan(s, 10.0, 0.0).diagnosis == 0.0
    assert time_plan(s, 10.0, None, what_if=True).diagnosis == 0.0
