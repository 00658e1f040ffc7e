"""A real client opens the workbook: LibreOffice converts it to PDF
without a repair prompt and gives pages (skipped where LibreOffice is
not installed; .ci/run installs it where it can)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from outputs.xlsx_writer import write_schedule_workbook

from .schedules import full_scenario, full_schedule

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed"
)


def _pdf_pages(xlsx, tmp_path) -> int:
    out = tmp_path / "pdf"
    profile = tmp_path / "profile"
    proc = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = out / (xlsx.stem + ".pdf")
    assert proc.returncode == 0, proc.stderr
    assert pdf.exists(), proc.stdout + proc.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


@pytest.mark.slow
def test_workbook_converts_to_pdf_with_pages(tmp_path):
    s = full_scenario()
    path = write_schedule_workbook(s, full_schedule(s), tmp_path / "s.xlsx")
    assert _pdf_pages(path, tmp_path) >= 1


@pytest.mark.slow
def test_sample_day_grid_prints_in_bands(solved_sample, tmp_path):
    from openpyxl import load_workbook

    s, sched = solved_sample
    path = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    wb = load_workbook(path)
    first = wb.sheetnames[3]
    assert first.startswith("Grid")
    for name in wb.sheetnames:
        if name != first:
            del wb[name]
    grid = tmp_path / "grid.xlsx"
    wb.save(grid)
    ws = wb[first]
    bands = len(ws.col_breaks.brk) + 1
    pages = _pdf_pages(grid, tmp_path)
    # each band of rooms is at least one page; a day is not hundreds
    assert bands <= pages <= 4 * bands
