"""Fuzzing the command with hypothesis: generated scenario workbooks,
valid and broken, never crash it (issue 8). A valid one gives a schedule
that ``scheduler check`` accepts; a broken one gives exit code 2 with
the place named; nothing is written when the answer is not a schedule."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import IllegalCharacterError

from inputs.scenario_format import SHEETS
from inputs.scenario_writer import write_scenario
from scheduler.cli import cli
from tests.scheduler.strategies import scenarios

#: Values a tired person (or a broken export) puts in a cell.
JUNK = st.one_of(
    st.sampled_from(
        ["", " ", "n/a", "=1+1", "+33", "-", "@SUM(A1)", "yes", "0", "-5"]
    ),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.datetimes(),
)


@st.composite
def breakages(draw):
    """One thing to break in a scenario workbook, as ``edit(wb)``, or
    ``None`` for a valid workbook."""
    kind = draw(st.sampled_from(["none", "cell", "cell", "column", "sheet"]))
    if kind == "none":
        return None
    sheet = draw(st.integers(0, len(SHEETS) - 1))  # of the sheets present
    if kind == "sheet":
        return ("sheet", sheet, None, None)
    col = draw(st.integers(1, 8))
    if kind == "column":
        return ("column", sheet, col, None)
    return ("cell", sheet, (draw(st.integers(1, 3)), col), draw(JUNK))


def _apply(wb, breakage) -> None:
    what, index, where, value = breakage
    ws = wb[wb.sheetnames[index % len(wb.sheetnames)]]
    if what == "sheet":
        wb.remove(ws)
    elif what == "column":
        ws.delete_cols(where)
    else:
        row, col = where
        try:
            ws.cell(row=row, column=col, value=value)
        # openpyxl refuses it itself
        except (ValueError, TypeError, IllegalCharacterError):
            text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:30]
            ws.cell(row=row, column=col, value=text)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios(), breakages())
def test_cli_never_crashes_on_generated_workbooks(scenario, breakage):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scenario.xlsx"
        write_scenario(scenario, path)
        if breakage is not None:
            wb = load_workbook(path)
            _apply(wb, breakage)
            wb.save(path)
        before = path.read_bytes()
        out = Path(tmp) / "out" / "schedule.xlsx"
        out.parent.mkdir()
        runner = CliRunner()
        r = runner.invoke(cli, ["validate", str(path)])
        assert r.exit_code in (0, 2), r.output
        assert r.exception is None or isinstance(r.exception, SystemExit), (
            r.exception
        )
        valid = r.exit_code == 0
        r = runner.invoke(
            cli,
            [
                "solve",
                str(path),
                "-o",
                str(out),
                "--time-limit",
                "5",
                "--workers",
                "1",
            ],
        )
        assert r.exception is None or isinstance(r.exception, SystemExit), (
            r.exception
        )
        assert "Traceback" not in r.output
        if not valid:
            assert r.exit_code == 2, r.output
            assert ", sheet " in r.output or ": " in r.output
        else:
            # 1 would mean the checker rejected the solver's schedule
            assert r.exit_code in (0, 3, 4), r.output
        event(f"valid={valid} solve exit {r.exit_code}")
        if r.exit_code == 0:
            c = runner.invoke(cli, ["check", str(path), str(out)])
            assert c.exit_code == 0, c.output
        else:
            assert list(out.parent.iterdir()) == []
        assert path.read_bytes() == before
