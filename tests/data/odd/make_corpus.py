"""Regenerate the corpus of odd but valid scenario workbooks in this
folder: ``python -m tests.data.odd.make_corpus``. Each file is legal but
unusual; ``tests/test_bad_corpus.py`` says what each must give (read,
solved, noted by ``validate``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.data.bad.make_corpus import _settings_row
from tests.inputs.helpers import set_cell, workbook

HERE = Path(__file__).resolve().parent


def _edit(name: str, fn) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = workbook(Path(tmp), fn)
        (HERE / name).write_bytes(path.read_bytes())


def _line_breaks(wb) -> None:
    """Alt+Enter in the event name, a delegation name and a title."""
    _settings_row(wb, "event_name", "Test\nsummit")
    set_cell(wb, "Delegations", "name", 2, "French\nRepublic")
    set_cell(wb, "Events", "title", 2, "Opening\nceremony")


def _hidden(wb) -> None:
    wb["Travel"].sheet_state = "hidden"
    wb["Rooms"].row_dimensions[3].hidden = True


def main() -> None:
    _edit(
        "days_unsorted.xlsx",
        lambda wb: _settings_row(wb, "days", "2025-10-26; 2025-10-25"),
    )
    _edit("line_breaks.xlsx", _line_breaks)
    _edit("hidden_sheet_and_rows.xlsx", _hidden)


if __name__ == "__main__":
    main()
