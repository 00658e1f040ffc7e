"""The leak scanner on whole runs (issue 14): for the sample and for a
generated scenario, no text of a restricted item or list, arrival point
or time, person's availability or file path appears in any cell or
calendar of the public outputs of ``solve``, ``export`` and what-if
runs."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from inputs.scenario_writer import write_scenario
from models import Event, Sequence, SequenceMember
from outputs.xlsx_writer import write_schedule_workbook
from scheduler.cli import cli
from scheduler.pipeline import load_scenario, load_schedule
from tests.factory import at
from tests.leaks import (
    calendar_texts,
    leaks,
    secrets,
    structural_leaks,
    workbook_texts,
)
from tests.outputs.schedules import full_scenario
from tests.outputs.secret_queues import (
    SECRET_WORDS,
    secret_queue_scenario,
    secret_queue_schedule,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def _generated(folder: Path) -> Path:
    """A small generated scenario with restricted side events, a list
    held inside a restricted event and one held inside no event, and
    delegations that are in town only part of the time."""
    from generate import generate

    s = generate(
        delegations=16, days=1, side_events=8, bilaterals=16, rooms=14
    )
    day = s.settings.days[0]
    events = tuple(
        replace(e, restricted=True) if k % 3 == 1 else e
        for k, e in enumerate(s.events)
    )
    dels = tuple(
        replace(
            d,
            available_from=datetime.combine(day, time(9, 40)),
            available_to=datetime.combine(day, time(19, 50)),
        )
        if k % 5 == 2
        else d
        for k, d in enumerate(s.delegations)
    )
    assert events[1].event_id == "PLEN0" and events[1].restricted
    guests = [d.delegation_id for d in s.delegations[1:4]]
    lists = (
        Sequence(
            "CLOSEDQ",
            "Speakers of the closed session",
            "PLEN",
            "precedence",
            60,
            within_event="PLEN0",
        ),
        Sequence(
            "MOTORQ",
            "Order of the motorcade",
            "MR01",
            "precedence",
            30,
            earliest=at("13:00", day),
            latest=at("17:00", day),
        ),
    )
    members = tuple(
        SequenceMember(q, d) for q in ("CLOSEDQ", "MOTORQ") for d in guests
    )
    s = replace(
        s,
        events=events,
        delegations=dels,
        sequences=(*s.sequences, *lists),
        members=(*s.members, *members),
    )
    return write_scenario(s, folder / "generated.xlsx")


def _sample(folder: Path) -> Path:
    r = CliRunner().invoke(cli, ["sample", str(folder / "hanoi.xlsx")])
    assert r.exit_code == 0, r.output
    return folder / "hanoi.xlsx"


def _run(*args) -> None:
    r = CliRunner().invoke(cli, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output


def _scan_runs(
    tmp_path: Path, make, seconds: str, whatif: str, workers: str = "1"
) -> None:
    inputs = tmp_path / "secret-folder-name"
    inputs.mkdir()
    scenario = make(inputs)
    out = tmp_path / "out"
    out.mkdir()
    solve = [
        "--time-limit",
        seconds,
        "--workers",
        workers,
        "--diagnose-seconds",
        "0",
    ]
    full = out / "full.xlsx"
    _run("solve", scenario, "-o", full, *solve, "--ics", out / "full-ics")
    _run(
        "solve", scenario, "-o", out / "solve-public.xlsx", *solve,
        "--audience", "public", "--ics", out / "solve-ics",
    )  # fmt: skip
    _run(
        "export", scenario, full, "-o", out / "export-public.xlsx",
        "--audience", "public", "--ics", out / "full-ics",
    )  # fmt: skip
    # a what-if run has a checked schedule at once (the baseline's rows,
    # repaired), whatever its search finds in the time
    _run(
        "solve", scenario, "--baseline", full, "-o", out / "whatif.xlsx",
        "--time-limit", whatif, "--workers", "2", "--diagnose-seconds", "0",
        "--audience", "public", "--ics", out / "whatif-ics",
    )  # fmt: skip
    s = load_scenario(scenario)
    sched = load_schedule(full, s).schedule
    secret = secrets(s, sched, [inputs])
    # the scan finds what the full copy holds: it can fail
    assert leaks(workbook_texts(full), secret)
    for name in ("solve-public", "export-public", "whatif"):
        path = out / f"{name}.xlsx"
        assert leaks(workbook_texts(path), secret) == [], name
        assert structural_leaks(s, path) == [], name
    # export wrote the public calendars over the full ones
    for folder in ("solve-ics", "full-ics", "whatif-ics"):
        assert leaks(calendar_texts(out / folder), secret) == [], folder


def test_no_leak_in_the_public_outputs_of_a_generated_scenario(tmp_path):
    _scan_runs(tmp_path, _generated, "3", "10")


@pytest.mark.slow
def test_no_leak_in_the_public_outputs_of_the_sample(tmp_path):
    # two workers: the sample is proven optimal in a few seconds, where
    # one worker (a repeatable run) spends its whole budget
    _scan_runs(tmp_path, _sample, "20", "30", workers="2")


def test_no_list_left_out_of_the_public_copy_is_named_in_it(tmp_path):
    # ``export`` and ``solve`` with ``--audience public``: a list held
    # inside a restricted event and one held inside no event leave no id,
    # title or member's name in any sheet
    s = secret_queue_scenario()
    scenario = write_scenario(s, tmp_path / "scenario.xlsx")
    full = write_schedule_workbook(
        s, secret_queue_schedule(s), tmp_path / "full.xlsx"
    )
    _run(
        "export", scenario, full, "-o", tmp_path / "export-public.xlsx",
        "--audience", "public",
    )  # fmt: skip
    _run(
        "solve", scenario, "-o", tmp_path / "solve-public.xlsx",
        "--audience", "public", "--time-limit", "2", "--workers", "1",
        "--diagnose-seconds", "0",
    )  # fmt: skip

    def named(path: Path) -> set[str]:
        return {
            w for _, text in workbook_texts(path) for w in SECRET_WORDS
            if w in text
        }  # fmt: skip

    assert named(full) == set(SECRET_WORDS)  # the check can fail
    assert named(tmp_path / "export-public.xlsx") == set()
    assert named(tmp_path / "solve-public.xlsx") == set()
    secret = secrets(s, load_schedule(full, s).schedule)
    for name in ("export-public", "solve-public"):
        path = tmp_path / f"{name}.xlsx"
        assert leaks(workbook_texts(path), secret) == [], name
        assert structural_leaks(s, path) == [], name


def _mark_restricted(path: Path, item_id: str) -> None:
    """Mark a row of a schedule workbook restricted, as a ministry does
    before it sends the schedule back for a what-if run."""
    wb = load_workbook(path)
    ws = wb["Schedule"]
    head = [c.value for c in ws[1]]
    col = head.index("restricted") + 1
    rows = [
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, head.index("item_id") + 1).value == item_id
    ]
    assert rows
    for r in rows:
        ws.cell(r, col).value = "yes"
    wb.save(path)


#: A short run: 3 s, one worker, no diagnosis.
RUN = ["--time-limit", "3", "--workers", "1", "--diagnose-seconds", "0"]


def _published_talk(tmp_path: Path, **kw) -> tuple:
    """The writer's scenario with a public talk (``kw`` changes it),
    solved into ``v1.xlsx``, whose row of the talk the ministry then
    marks restricted: the scenario and the talk."""
    talk = Event(
        "TALK",
        "Fireside talk on drones",
        "other",
        30,
        20,
        rooms=("R1",),
        earliest=at("09:00"),
        latest=at("11:00"),
        **kw,
    )
    s = full_scenario()
    s = replace(s, events=(*s.events, talk))
    old = write_scenario(s, tmp_path / "old.xlsx")
    _run("solve", old, "-o", tmp_path / "v1.xlsx", *RUN)
    _mark_restricted(tmp_path / "v1.xlsx", "E:TALK")
    return s, talk


def _what_if(tmp_path: Path, s, talk) -> tuple[Path, list]:
    """``s`` with ``talk`` in its place, written as ``new.xlsx``, and the
    options of a what-if run of it against ``v1.xlsx``."""
    s2 = replace(
        s,
        events=tuple(talk if e.event_id == "TALK" else e for e in s.events),
    )
    new = write_scenario(s2, tmp_path / "new.xlsx")
    return new, ["--baseline", tmp_path / "v1.xlsx", *RUN]


#: What names the talk.
TALK_WORDS = ("Fireside talk", "E:TALK", "TALK")


def test_a_what_if_run_keeps_the_rows_the_baseline_marks_restricted(
    tmp_path,
):
    # the ministry marks a public talk restricted in the published
    # schedule; the talk then has to move: the what-if run's public copy
    # (Schedule, Changes, grids, calendars) still leaves it out, and its
    # full copy still marks it
    s, talk = _published_talk(tmp_path, mandatory=True)
    moved = replace(talk, earliest=at("14:00"), latest=at("16:00"))
    new, what_if = _what_if(tmp_path, s, moved)
    _run(
        "solve", new, *what_if, "-o", tmp_path / "v2-public.xlsx",
        "--audience", "public", "--ics", tmp_path / "ics",
    )  # fmt: skip
    texts = [
        *workbook_texts(tmp_path / "v2-public.xlsx"),
        *calendar_texts(tmp_path / "ics"),
    ]
    assert [(p, w) for p, t in texts for w in TALK_WORDS if w in t] == []
    _run("solve", new, *what_if, "-o", tmp_path / "v2-full.xlsx")
    full = load_schedule(tmp_path / "v2-full.xlsx", load_scenario(new))
    (row,) = [a for a in full.schedule.assignments if a.item_id == "E:TALK"]
    assert row.restricted and row.start >= at("14:00")  # it did move


def test_a_what_if_run_that_drops_a_marked_item_keeps_it_out(tmp_path):
    # the ministry marks a public talk restricted in the published
    # schedule; then the talk outgrows every room and the what-if run
    # leaves it out: neither its public copy (Unscheduled, Changes) nor a
    # public export of its full copy names it, and the full copy's
    # Unscheduled sheet still marks it
    s, talk = _published_talk(tmp_path)
    new, what_if = _what_if(tmp_path, s, replace(talk, attendance=100_000))
    _run("solve", new, *what_if, "-o", tmp_path / "v2-full.xlsx")
    full = load_schedule(tmp_path / "v2-full.xlsx", load_scenario(new))
    (left,) = [u for u in full.schedule.unscheduled if u.item_id == "E:TALK"]
    assert left.restricted  # the mark is kept, and the check can fail
    _run(
        "solve", new, *what_if, "-o", tmp_path / "v2-public.xlsx",
        "--audience", "public",
    )  # fmt: skip
    _run(
        "export", new, tmp_path / "v2-full.xlsx",
        "-o", tmp_path / "again.xlsx", "--audience", "public",
    )  # fmt: skip
    for name in ("v2-public.xlsx", "again.xlsx"):
        texts = workbook_texts(tmp_path / name)
        found = [(p, w) for p, t in texts for w in TALK_WORDS if w in t]
        assert found == [], name
