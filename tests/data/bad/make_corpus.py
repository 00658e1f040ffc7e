"""Regenerate the corpus of bad scenario workbooks in this folder:
``python -m tests.data.bad.make_corpus``. Each file breaks one thing;
``tests/test_bad_corpus.py`` expects ``scheduler validate`` and
``scheduler solve`` to refuse every one with exit code 2, a message that
names the place, no traceback and nothing written."""

from __future__ import annotations

import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.inputs.helpers import set_cell, workbook

HERE = Path(__file__).resolve().parent


def _edit(name: str, fn) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = workbook(Path(tmp), fn)
        (HERE / name).write_bytes(path.read_bytes())


def main() -> None:
    _edit("missing_sheet.xlsx", lambda wb: wb.remove(wb["Rooms"]))
    _edit("missing_column.xlsx", lambda wb: wb["Rooms"].delete_cols(5))
    _edit(
        "wrong_type.xlsx",
        lambda wb: set_cell(wb, "Rooms", "capacity", 2, "lots"),
    )
    _edit(
        "unknown_reference.xlsx",
        lambda wb: set_cell(wb, "Rooms", "venue_id", 3, "MOON"),
    )
    _edit(
        "duplicate_id.xlsx",
        lambda wb: set_cell(wb, "Rooms", "room_id", 3, "R1"),
    )
    _edit(
        "window_outside_days.xlsx",
        lambda wb: set_cell(
            wb, "Events", "earliest", 3, datetime(2025, 11, 1, 9)
        ),
    )
    _edit(
        "zero_duration.xlsx",
        lambda wb: set_cell(wb, "Events", "duration_minutes", 2, 0),
    )
    _edit(
        "negative_duration.xlsx",
        lambda wb: set_cell(wb, "Events", "duration_minutes", 2, -30),
    )
    _edit(
        "zero_capacity.xlsx",
        lambda wb: set_cell(wb, "Rooms", "capacity", 2, 0),
    )
    _edit(
        "after_cycle.xlsx",
        lambda wb: set_cell(wb, "Events", "after", 2, "WS1"),
    )
    _edit(
        "member_not_person.xlsx",
        lambda wb: set_cell(wb, "SequenceMembers", "member", 2, "ATLANTIS"),
    )
    _edit(
        "formula_value.xlsx",
        lambda wb: set_cell(wb, "Rooms", "capacity", 2, "=40+40"),
    )
    _edit("merged_header.xlsx", lambda wb: wb["Rooms"].merge_cells("A1:B1"))
    (HERE / "text_renamed.xlsx").write_text("room_id,name\nR1,Room 1\n")
    good = (HERE / "wrong_type.xlsx").read_bytes()
    (HERE / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    (HERE / "password_protected.xlsx").write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4096)
    )
    with zipfile.ZipFile(
        HERE / "zip_bomb.xlsx", "w", zipfile.ZIP_DEFLATED
    ) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            block = b"0" * (1 << 20)
            for _ in range(320):  # 320 MB of zeros, about 320 KB packed
                fh.write(block)
    hostile()
    validation_gaps()
    day_hours_gaps()
    wb = load_workbook(HERE / "wrong_type.xlsx")
    set_cell(wb, "Rooms", "capacity", 2, 100)
    ws = wb["Delegations"]
    for k in range(50_000):
        ws.append([f"D{k:05d}", f"State {k}", "state", "Head", "MIN"])
    wb.save(HERE / "rows_50000.xlsx")
    Workbook().save(HERE / "empty_workbook.xlsx")


def _settings_row(wb, key: str, value) -> None:
    ws = wb["Settings"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
            return
    ws.append([key, value])


def _chart_sheet(wb) -> None:
    """Rooms replaced by a chart sheet of the same name."""
    from openpyxl.chart import BarChart, Reference

    index = wb.sheetnames.index("Rooms")
    wb.remove(wb["Rooms"])
    cs = wb.create_chartsheet("Rooms", index)
    chart = BarChart()
    chart.add_data(Reference(wb["Events"], min_col=4, min_row=1, max_row=3))
    cs.add_chart(chart)


def hostile() -> None:
    """Issue 14: numbers far out of range, ids that break the item ids
    or the lists, repeated headers and settings, a day listed twice, a
    chart sheet named like a data sheet."""
    _edit(
        "huge_duration.xlsx",
        lambda wb: set_cell(wb, "Events", "duration_minutes", 2, 1e20),
    )
    _edit(
        "huge_capacity.xlsx",
        lambda wb: set_cell(wb, "Rooms", "capacity", 2, 1e30),
    )
    _edit(
        "huge_slot_seconds.xlsx",
        lambda wb: set_cell(wb, "Sequences", "slot_seconds", 2, 86_400),
    )
    _edit(
        "huge_travel.xlsx",
        lambda wb: set_cell(wb, "Travel", "minutes", 2, 100_000),
    )
    _edit(
        "huge_position.xlsx",
        lambda wb: set_cell(wb, "SequenceMembers", "position", 2, 1e9),
    )
    _edit(
        "id_semicolon.xlsx",
        lambda wb: set_cell(wb, "Events", "event_id", 3, "WS;1"),
    )
    _edit(
        "id_colon.xlsx",
        lambda wb: set_cell(wb, "Sequences", "sequence_id", 2, "Q:1"),
    )
    _edit(
        "id_line_break.xlsx",
        lambda wb: set_cell(wb, "Rooms", "room_id", 3, "R\n2"),
    )
    _edit(
        "id_too_long.xlsx",
        lambda wb: set_cell(wb, "Venues", "venue_id", 3, "P" * 65),
    )
    _edit(
        "id_same_but_case.xlsx",
        lambda wb: set_cell(wb, "Rooms", "room_id", 3, "r1"),
    )
    _edit(
        "name_too_long.xlsx",
        lambda wb: set_cell(wb, "Events", "title", 2, "Opening " * 40),
    )
    _edit(
        "days_twice.xlsx",
        lambda wb: _settings_row(wb, "days", "2025-10-25; 2025-10-25"),
    )
    _edit(
        "duplicate_setting.xlsx",
        lambda wb: wb["Settings"].append(["day_start", "06:00"]),
    )
    _edit(
        "duplicate_header.xlsx",
        lambda wb: wb["Rooms"].cell(1, 10, "capacity"),
    )
    _edit("chart_sheet.xlsx", _chart_sheet)


def _same_but_accent_form(wb) -> None:
    """Two venues whose ids look the same: the accent composed, then
    apart."""
    set_cell(wb, "Venues", "venue_id", 2, "C\u00d4TE")
    set_cell(wb, "Venues", "venue_id", 3, "CO\u0302TE")


def validation_gaps() -> None:
    """Audit s23: a fixed start no schedule can keep (off the grid,
    outside its window, past day_end), Excel error cells, ids alike but
    for the form of their characters, merged data cells."""
    _edit(
        "fixed_start_off_grid.xlsx",
        lambda wb: set_cell(
            wb, "Events", "fixed_start", 2, datetime(2025, 10, 25, 9, 3)
        ),
    )
    _edit(
        "fixed_start_outside_window.xlsx",
        lambda wb: set_cell(
            wb, "Events", "earliest", 2, datetime(2025, 10, 25, 10)
        ),
    )
    _edit(
        "fixed_start_past_day_end.xlsx",
        lambda wb: set_cell(
            wb, "Events", "fixed_start", 2, datetime(2025, 10, 25, 17, 30)
        ),
    )
    _edit(
        "error_cell_id.xlsx",
        lambda wb: set_cell(wb, "Rooms", "room_id", 2, "#DIV/0!"),
    )
    _edit(
        "error_cell_title.xlsx",
        lambda wb: set_cell(wb, "Events", "title", 3, "#N/A"),
    )
    _edit(
        "id_same_but_width.xlsx",
        lambda wb: set_cell(wb, "Rooms", "room_id", 3, "\uff32\uff11"),
    )
    _edit("id_same_but_accent_form.xlsx", _same_but_accent_form)
    _edit(
        "merged_data_cells.xlsx", lambda wb: wb["Events"].merge_cells("B2:B3")
    )


def _window(sheet: str, row: int, earliest, latest, **more):
    """Set earliest and latest of ``row`` and any ``more`` columns (an
    empty string empties a cell)."""

    def edit(wb) -> None:
        set_cell(wb, sheet, "earliest", row, earliest)
        set_cell(wb, sheet, "latest", row, latest)
        for column, value in more.items():
            if value == "":  # set_cell leaves a cell as it is for None
                header = next(c for c in wb[sheet][1] if c.value == column)
                wb[sheet].cell(row, header.column).value = None
            else:
                set_cell(wb, sheet, column, row, value)

    return edit


def day_hours_gaps() -> None:
    """A window the day's hours (08:00-18:00) leave no start in passed
    validate and failed at solve: a mandatory workshop between 06:00 and
    07:30, a queue from 18:30."""
    _edit(
        "window_before_day_start.xlsx",
        _window(
            "Events",
            3,
            datetime(2025, 10, 25, 6),
            datetime(2025, 10, 25, 7, 30),
            mandatory="yes",
        ),
    )
    _edit(
        "queue_window_after_day_end.xlsx",
        _window(
            "Sequences",
            2,
            datetime(2025, 10, 25, 18, 30),
            datetime(2025, 10, 25, 19),
            within_event="",
        ),
    )


def many_parts(path: Path, parts: int = 40) -> Path:
    """A workbook of many parts of about 2 MB each, none compressed more
    than real workbooks are: more than the engine reads in all (made at
    test time, not kept: it unpacks to 80 MB)."""
    import random

    rng = random.Random(0)
    words = [f"w{k}" for k in range(500)]
    text = " ".join(rng.choice(words) for _ in range(500_000))[: 2 * 2**20]
    with zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED, compresslevel=1
    ) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        for k in range(parts):
            zf.writestr(f"xl/media/part{k}.xml", text)
    return path


def many_cells(path: Path, cells: int = 2_100_000) -> Path:
    """The small scenario with one more worksheet of millions of empty
    cells (each a few bytes: under the size bound, beyond the cell
    bound; made at test time)."""
    with tempfile.TemporaryDirectory() as tmp:
        good = workbook(Path(tmp))
        with (
            zipfile.ZipFile(good) as src,
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
        ):
            for info in src.infolist():
                dst.writestr(info, src.read(info))
            block = b'<c r="A1"/>' * 10_000
            for k in range(3):  # parts under 10 MB: not one huge part
                with dst.open(f"xl/worksheets/sheet9{k}.xml", "w") as fh:
                    fh.write(b"<worksheet><sheetData><row r='1'>")
                    for _ in range(cells // 30_000 + 1):
                        fh.write(block)
                    fh.write(b"</row></sheetData></worksheet>")
    return path


if __name__ == "__main__":
    main()
