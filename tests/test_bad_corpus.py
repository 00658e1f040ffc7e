"""Every file of the bad-input corpus (tests/data/bad) is refused with exit
code 2, a message naming the place, no traceback, nothing written and the
file itself untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from scheduler.cli import cli

BAD = Path(__file__).parent / "data" / "bad"
FILES = sorted(BAD.glob("*.xlsx"))

#: what the message must mention, per file (the place, or the cause)
EXPECT = {
    "missing_sheet.xlsx": "sheet Rooms",
    "missing_column.xlsx": "column capacity",
    "wrong_type.xlsx": "Rooms, row 2, column capacity",
    "unknown_reference.xlsx": "Rooms, row 3, column venue_id",
    "duplicate_id.xlsx": "column room_id",
    "window_outside_days.xlsx": "Events, row 3, column earliest",
    "zero_duration.xlsx": "column duration_minutes",
    "negative_duration.xlsx": "column duration_minutes",
    "zero_capacity.xlsx": "Rooms, row 2, column capacity",
    "after_cycle.xlsx": "Cycle",
    "member_not_person.xlsx": "SequenceMembers, row 2, column member",
    "formula_value.xlsx": "formula",
    "merged_header.xlsx": "Merged",
    "text_renamed.xlsx": "not a zip",
    "truncated.xlsx": "damaged",
    "password_protected.xlsx": "password",
    "zip_bomb.xlsx": "zip bomb",
    "rows_50000.xlsx": "More than 20,000 rows",
    "empty_workbook.xlsx": "Missing sheet",
}


def test_corpus_is_complete():
    assert {f.name for f in FILES} == set(EXPECT)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_refused_clearly(path, tmp_path):
    before = _digest(path)
    runner = CliRunner()
    for args in (
        ["validate", str(path)],
        ["solve", str(path), "-o", str(tmp_path / "s.xlsx")],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit)
        assert "Traceback" not in r.output
        assert EXPECT[path.name] in r.output, r.output
    assert list(tmp_path.iterdir()) == []
    assert _digest(path) == before


BAD_SCHEDULES = Path(__file__).parent / "data" / "bad_schedules"
SCENARIO = BAD_SCHEDULES / "scenario.xlsx"
SCHEDULE_FILES = sorted(
    p
    for p in BAD_SCHEDULES.glob("*.xlsx")
    if p.name not in ("scenario.xlsx", "good.xlsx")
)
#: what the message must mention, per bad schedule workbook
SCHEDULE_EXPECT = {
    "missing_sheet.xlsx": "Missing sheet Schedule",
    "missing_column.xlsx": "sheet Schedule, row 1, column start",
    "wrong_type.xlsx": "sheet Schedule, row 2, column start",
    "end_text.xlsx": "sheet Schedule, row 2, column end",
    "bad_locked.xlsx": "sheet Schedule, row 2, column locked",
    "bad_position.xlsx": "sheet Schedule, row 2, column position",
    "formula_start.xlsx": "A formula in start",
    "merged_header.xlsx": "Merged header",
    "text_renamed.xlsx": "not a zip",
    "truncated.xlsx": "damaged",
    "password_protected.xlsx": "password",
    "empty_workbook.xlsx": "Missing sheet Schedule",
}


def test_schedule_corpus_is_complete_and_its_base_is_good():
    assert {f.name for f in SCHEDULE_FILES} == set(SCHEDULE_EXPECT)
    r = CliRunner().invoke(
        cli, ["check", str(SCENARIO), str(BAD_SCHEDULES / "good.xlsx")]
    )
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("path", SCHEDULE_FILES, ids=lambda p: p.stem)
def test_bad_schedule_refused_clearly(path, tmp_path):
    before = _digest(path), _digest(SCENARIO)
    runner = CliRunner()
    out = str(tmp_path / "s.xlsx")
    for args in (
        ["check", str(SCENARIO), str(path)],
        ["solve", str(SCENARIO), "--baseline", str(path), "-o", out],
        ["export", str(SCENARIO), str(path), "-o", out],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit)
        assert "Traceback" not in r.output
        assert SCHEDULE_EXPECT[path.name] in r.output, r.output
    assert list(tmp_path.iterdir()) == []
    assert (_digest(path), _digest(SCENARIO)) == before
