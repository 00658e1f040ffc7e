"""The ``scheduler`` command end to end: exit codes, messages, files."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from outputs.calendars import file_stem
from scheduler.cli import cli
from tests.inputs.helpers import set_cell, workbook


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_help_lists_every_command():
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("validate", "template", "sample", "solve", "check", "explain"):
        assert cmd in r.output


def test_validate_clean_file(tmp_path):
    r = run("validate", workbook(tmp_path))
    assert r.exit_code == 0, r.output
    assert "No problems found" in r.output and "Rooms" in r.output


def test_validate_bad_file_exits_2_naming_the_place(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "capacity", 2, "x")
    )
    r = run("validate", path)
    assert r.exit_code == 2
    assert "Rooms, row 2, column capacity" in r.output
    assert "Traceback" not in r.output


def test_validate_not_a_workbook(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_text("hello")
    r = run("validate", path)
    assert r.exit_code == 2 and "not a zip" in r.output


def test_template_and_sample_refuse_to_overwrite(tmp_path):
    t = tmp_path / "t.xlsx"
    assert run("template", t).exit_code == 0
    before = t.read_bytes()
    r = run("template", t)
    assert r.exit_code == 2 and t.read_bytes() == before
    s = tmp_path / "s.xlsx"
    assert run("sample", s).exit_code == 0
    assert run("validate", s).exit_code == 0


def test_solve_check_and_hand_edit(tmp_path):
    scenario = workbook(tmp_path)
    out = tmp_path / "schedule.xlsx"
    r = run(
        "solve", scenario, "-o", out, "--time-limit", "10", "--workers", "1"
    )
    assert r.exit_code == 0, r.output
    assert "OPTIMAL" in r.output and out.exists()
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Summary", "Schedule", "Unscheduled"]
    assert run("check", scenario, out).exit_code == 0
    # a hand edit: move the workshop onto the opening
    ws = wb["Schedule"]
    heads = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[heads.index("item_id")].value == "E:WS1":
            opening = next(
                r for r in ws.iter_rows(min_row=2) if r[0].value == "E:OPEN"
            )
            row[heads.index("start")].value = opening[
                heads.index("start")
            ].value
            row[heads.index("end")].value = opening[heads.index("end")].value
    wb.save(out)
    r = run("check", scenario, out)
    assert r.exit_code == 1
    assert "person_no_overlap" in r.output or "event_order" in r.output


def test_solve_bad_scenario_writes_nothing(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "capacity", 2, 0)
    )
    out = tmp_path / "schedule.xlsx"
    r = run("solve", path, "-o", out)
    assert r.exit_code == 2 and not out.exists()


def test_infeasible_exits_3_with_an_explanation(tmp_path):
    from datetime import datetime

    def edit(wb):  # the workshop must start during the opening it follows
        set_cell(wb, "Events", "mandatory", 3, "yes")
        set_cell(wb, "Events", "fixed_start", 3, datetime(2025, 10, 25, 9, 0))

    path = workbook(tmp_path, edit)
    out = tmp_path / "schedule.xlsx"
    r = run("solve", path, "-o", out, "--time-limit", "10")
    assert r.exit_code == 3, r.output
    assert "INFEASIBLE" in r.output and not out.exists()
    assert "E:WS1" in r.output
    r = run("explain", path)
    # two minimal explanations are both true: WS1 must follow the
    # opening, and the heads in WS1 are also in the opening at 09:00
    assert r.exit_code == 3 and "E:WS1" in r.output
    assert "Event order" in r.output or (
        "All heads attend" in r.output and "Person conflict" in r.output
    )


def test_check_unreadable_schedule_exits_2(tmp_path):
    scenario = workbook(tmp_path)
    bad = tmp_path / "s.xlsx"
    bad.write_text("nope")
    assert run("check", scenario, bad).exit_code == 2


def test_what_if_run_writes_changes_and_diff(tmp_path):
    from datetime import datetime

    scenario = workbook(tmp_path)
    v1 = tmp_path / "v1.xlsx"
    assert (
        run(
            "solve", scenario, "-o", v1, "--workers", "1", "--time-limit", "10"
        ).exit_code
        == 0
    )

    # the hall is lost to security for the whole morning... the opening
    # is fixed there, so lock nothing and close meeting room R1 instead
    def edit(wb):
        ws = wb["SecurityWindows"]
        ws.append(
            [
                "W1",
                datetime(2025, 10, 25, 8),
                datetime(2025, 10, 25, 18),
                "room:R1",
                "closed",
                "security",
            ]
        )

    updated = workbook(tmp_path, edit, name="updated.xlsx")
    v2 = tmp_path / "v2.xlsx"
    r = run(
        "solve",
        updated,
        "-o",
        v2,
        "--baseline",
        v1,
        "--workers",
        "1",
        "--time-limit",
        "10",
        "--freeze-before",
        "2025-10-25 08:00",
    )
    assert r.exit_code == 0, r.output
    assert "Changes against the baseline" in r.output
    assert "Changes" in load_workbook(v2).sheetnames
    out = tmp_path / "changes.xlsx"
    r = run("diff", v1, v2, "-o", out)
    assert r.exit_code == 0 and out.exists()
    assert "change(s)" in r.output


def test_bad_freeze_time_exits_2(tmp_path):
    scenario = workbook(tmp_path)
    v1 = tmp_path / "v1.xlsx"
    run("solve", scenario, "-o", v1, "--time-limit", "5")
    r = run(
        "solve",
        scenario,
        "-o",
        tmp_path / "v2.xlsx",
        "--baseline",
        v1,
        "--freeze-before",
        "noon",
    )
    assert r.exit_code == 2 and "freeze" in r.output


def test_solve_into_a_missing_folder_exits_2(tmp_path):
    r = run("solve", workbook(tmp_path), "-o", tmp_path / "no" / "s.xlsx")
    assert r.exit_code == 2 and "does not exist" in r.output


def test_python_dash_m_scheduler_works():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "scheduler", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Exit codes" in out.stdout


def test_progress_line_is_quiet_when_not_a_terminal(tmp_path):
    r = run(
        "solve",
        workbook(tmp_path),
        "-o",
        tmp_path / "s.xlsx",
        "--time-limit",
        "5",
    )
    assert r.exit_code == 0 and "\r" not in r.output


@pytest.mark.slow
def test_ctrl_c_writes_the_best_schedule_so_far(tmp_path):
    import signal
    import subprocess
    import sys

    from tests.cpsat_log import until_first_solution

    out = tmp_path / "s.xlsx"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scheduler",
            "solve",
            "-o",
            str(out),
            "--time-limit",
            "120",
            "--workers",
            "2",
            "--log",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr.readline().startswith("Solving")  # model next
    # interrupt at CP-SAT's first solution: searching, far from its proof
    seen = until_first_solution(proc)
    proc.send_signal(signal.SIGINT)
    stdout, rest = proc.communicate(timeout=60)
    stderr = seen + rest
    assert proc.returncode == 0, stderr[-2000:]
    assert "Interrupted" in stderr and "best schedule found so far" in stderr
    assert out.exists() and "every hard rule holds" in stdout


def test_public_copy_and_calendars_from_solve_and_export(tmp_path):
    scenario = workbook(tmp_path)
    out, pub = tmp_path / "full.xlsx", tmp_path / "press.xlsx"
    r = run(
        "solve",
        scenario,
        "-o",
        out,
        "--time-limit",
        "10",
        "--workers",
        "1",
        "--ics",
        tmp_path / "cal",
    )
    assert r.exit_code == 0, r.output
    assert {p.name for p in (tmp_path / "cal").glob("*.ics")} == {
        f"{file_stem('delegation', 'DEU')}.ics",
        f"{file_stem('delegation', 'FRA')}.ics",
    }
    assert "Arrivals" in load_workbook(out).sheetnames
    r = run(
        "export",
        scenario,
        out,
        "-o",
        pub,
        "--audience",
        "public",
        "--ics",
        tmp_path / "pubcal",
    )
    assert r.exit_code == 0, r.output
    names = load_workbook(pub).sheetnames
    assert "Arrivals" not in names and "Bilaterals" not in names
    assert "public copy" in r.output
    r = run(
        "solve",
        scenario,
        "-o",
        pub,
        "--time-limit",
        "10",
        "--workers",
        "1",
        "--audience",
        "public",
    )
    assert r.exit_code == 0 and "public copy" in r.output


def test_an_output_that_is_an_input_is_refused(tmp_path):
    scenario = workbook(tmp_path)
    before = scenario.read_bytes()
    r = run("solve", scenario, "-o", scenario)
    assert r.exit_code == 2 and "never modified" in r.output
    assert scenario.read_bytes() == before
    ics = tmp_path / "file.txt"
    ics.write_text("x")
    r = run("solve", scenario, "-o", tmp_path / "o.xlsx", "--ics", ics)
    assert r.exit_code == 2 and "is a file" in r.output
    assert not (tmp_path / "o.xlsx").exists()


def test_export_of_a_broken_schedule_writes_and_exits_1(tmp_path):
    scenario = workbook(tmp_path)
    out = tmp_path / "schedule.xlsx"
    assert (
        run(
            "solve",
            scenario,
            "-o",
            out,
            "--time-limit",
            "10",
            "--workers",
            "1",
        ).exit_code
        == 0
    )
    wb = load_workbook(out)
    ws = wb["Schedule"]
    heads = [c.value for c in ws[1]]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    for col in ("start", "end"):
        rows["E:WS1"][heads.index(col)].value = rows["E:OPEN"][
            heads.index(col)
        ].value
    wb.save(out)
    r = run("export", scenario, out, "-o", tmp_path / "x.xlsx")
    assert r.exit_code == 1 and (tmp_path / "x.xlsx").exists()
    assert "breaks" in r.output


def test_greedy_start_is_written_when_the_search_finds_nothing(tmp_path):
    out = tmp_path / "schedule.xlsx"
    r = run("solve", "-o", out, "--time-limit", "0.1", "--workers", "1")
    assert r.exit_code == 0, r.output
    assert "FEASIBLE" in r.output and "the greedy start stands" in r.output
    assert "every hard rule holds" in r.output and out.exists()


def test_time_limit_without_a_schedule_exits_4_writing_nothing(tmp_path):
    # the sample's presolve alone takes longer than 0.1 s of search
    out = tmp_path / "schedule.xlsx"
    r = run(
        "solve",
        "-o",
        out,
        "--time-limit",
        "0.1",
        "--workers",
        "1",
        "--no-warm-start",
    )
    assert r.exit_code == 4, r.output
    assert "no schedule found within 0.1 s" in r.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_solve_day_by_day_writes_a_checked_schedule(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.generate import generate
    from inputs.scenario_writer import write_scenario

    scenario = tmp_path / "week.xlsx"
    write_scenario(
        generate(
            delegations=12, days=3, side_events=9, bilaterals=15, rooms=12
        ),
        scenario,
    )
    out = tmp_path / "s.xlsx"
    r = run(
        "solve",
        scenario,
        "-o",
        out,
        "--time-limit",
        "15",
        "--workers",
        "1",
        "--decompose",
        "day",
    )
    assert r.exit_code == 0, r.output
    assert "one day at a time" in r.output and "best bound" in r.output
    summary = {
        k: v
        for k, v, *_ in load_workbook(out)["Summary"].iter_rows(
            min_row=2, values_only=True
        )
    }
    assert summary["method"] == "day by day"
    # the whole event's relaxation bounds what the days found
    assert 0 <= summary["best_bound"] <= summary["objective"]
    assert run("check", scenario, out).exit_code == 0
    r = run(
        "solve",
        scenario,
        "-o",
        tmp_path / "t.xlsx",
        "--baseline",
        out,
        "--decompose",
        "day",
    )
    assert r.exit_code == 2 and "--baseline" in r.output


def _foreign_schedule(tmp_path):
    """A schedule workbook none of whose rows is an item of the small
    scenario (another event's), and the scenario."""
    from outputs.xlsx_writer import write_schedule_workbook
    from tests.outputs.schedules import full_scenario, full_schedule

    s = full_scenario()
    path = tmp_path / "other.xlsx"
    write_schedule_workbook(s, full_schedule(s), path)
    wb = load_workbook(path)
    ws = wb["Schedule"]
    heads = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for col in ("item_id", "ref_id"):
            cell = row[heads.index(col)]
            cell.value = (
                cell.value.replace(":", ":X", 1) if col == "item_id" else "X"
            )
    wb.save(path)
    return workbook(tmp_path), path


@pytest.mark.parametrize("command", ["check", "export", "baseline"])
def test_a_schedule_of_another_scenario_is_bad_input(tmp_path, command):
    scenario, other = _foreign_schedule(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = {
        "check": ("check", scenario, other),
        "export": ("export", scenario, other, "-o", out / "x.xlsx"),
        "baseline": (
            "solve",
            scenario,
            "--baseline",
            other,
            "-o",
            out / "x.xlsx",
            "--time-limit",
            "5",
            "--workers",
            "1",
        ),
    }[command]
    r = run(*args)
    # it was exit 1 with a violation a row (check), a copy of the other
    # event written (export), every row "cancelled" (baseline)
    assert r.exit_code == 2, r.output
    assert "other.xlsx is not a schedule of the scenario scenario.xlsx" in (
        r.output
    )
    assert "is an item of the scenario" in r.output
    assert "Traceback" not in r.output
    assert list(out.iterdir()) == []


def test_diff_of_two_unrelated_schedules_warns(tmp_path):
    from outputs.xlsx_writer import write_schedule_workbook
    from tests.outputs.schedules import full_scenario, full_schedule

    _, other = _foreign_schedule(tmp_path)
    s = full_scenario()
    mine = tmp_path / "mine.xlsx"
    write_schedule_workbook(s, full_schedule(s), mine)
    r = run("diff", mine, other)
    assert r.exit_code == 0, r.output
    assert "have no item in common" in r.output
    assert "have no item in common" not in run("diff", mine, mine).output


def test_explain_stopped_by_a_signal_says_so(tmp_path, monkeypatch):
    # a SIGTERM during the diagnosis was reported as "No verdict within
    # 60 s; try a longer --time-limit", which the time limit did not do
    from scheduler import interrupts, pipeline

    real = pipeline.explain

    def signal_then_explain(*args, **kwargs):
        interrupts._received.set()  # as the signal watcher records one
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "explain", signal_then_explain)
    try:
        r = run("explain", workbook(tmp_path))
    finally:
        interrupts._received.clear()
    assert r.exit_code == 4, r.output
    assert "Interrupted before a verdict" in r.output
    assert "longer --time-limit" not in r.output
