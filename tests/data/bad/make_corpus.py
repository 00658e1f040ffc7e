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
    wb = load_workbook(HERE / "wrong_type.xlsx")
    set_cell(wb, "Rooms", "capacity", 2, 100)
    ws = wb["Delegations"]
    for k in range(50_000):
        ws.append([f"D{k:05d}", f"State {k}", "state", "Head", "MIN"])
    wb.save(HERE / "rows_50000.xlsx")
    Workbook().save(HERE / "empty_workbook.xlsx")


if __name__ == "__main__":
    main()
