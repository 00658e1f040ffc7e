"""A real client prints the workbook: LibreOffice converts it to PDF and
poppler reads the pages back (skipped where either is not installed;
.ci/run installs both).

What a reader of the printed stack needs: every page says which event,
which sheet and which day it belongs to and "Page x of y"; no text is
printed under 8 pt; each programme starts on its own page and names
people and rooms, not codes; the line count that sizes every grid label
is never below what LibreOffice actually prints.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font

from outputs.programmes import owners
from outputs.styles import new_workbook
from outputs.text_metrics import column_text_width, wrap
from outputs.xlsx_writer import write_schedule_workbook

from .schedules import full_scenario, full_schedule

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


def _arial_metrics() -> bool:
    """Whether the fonts LibreOffice would print Arial with have Arial's
    metrics (Arial itself or Liberation Sans)."""
    fc = shutil.which("fc-match")
    if fc is None:
        return False
    found = subprocess.run(
        [fc, "Arial"], capture_output=True, text=True
    ).stdout
    return "Arial" in found or "Liberation Sans" in found


pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None or not _arial_metrics(),
    reason="LibreOffice, poppler (pdftotext) or a font with Arial's "
    "metrics (fonts-liberation2) is not installed",
)
#: Height of the box pdftotext gives a word of 8 pt Liberation Sans
#: (1.3 em); smaller boxes are smaller text.
EIGHT_POINT_BOX = 8 * 1.29


def _pdf(xlsx, tmp_path):
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
        timeout=400,
    )
    pdf = out / (xlsx.stem + ".pdf")
    assert proc.returncode == 0, proc.stderr
    assert pdf.exists(), proc.stdout + proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def _pages(pdf) -> list[str]:
    """The text of each page, laid out as printed."""
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if not pages[-1].strip() else pages


def _words(pdf) -> list[tuple[int, float, str]]:
    """(page, box height, word) of every word printed."""
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = []
    for k, page in enumerate(html.split("<page ")[1:], start=1):
        for y0, y1, word in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page
        ):
            out.append((k, float(y1) - float(y0), word))
    return out


FOOTER = re.compile(r"Page (\d+) of (\d+)\s+(\S.*?)\s*$")


def _by_sheet(pages) -> dict[str, list[str]]:
    """Pages by the sheet named in their footer; every page has one, and
    each sheet's pages say 1..n of n in order."""
    sheets = defaultdict(list)
    for k, page in enumerate(pages, start=1):
        last = page.strip().splitlines()[-1]
        m = FOOTER.search(last)
        assert m, f"page {k} has no 'Page x of y' footer: {last!r}"
        sheets[m.group(3)].append((int(m.group(1)), int(m.group(2)), page))
    for name, lst in sheets.items():
        n = len(lst)
        assert [x for x, _, _ in lst] == list(range(1, n + 1)), name
        assert {y for _, y, _ in lst} == {n}, name
    return {name: [p for _, _, p in lst] for name, lst in sheets.items()}


@pytest.mark.slow
def test_small_workbook_prints_with_its_furniture(tmp_path):
    s = full_scenario()
    path = write_schedule_workbook(s, full_schedule(s), tmp_path / "s.xlsx")
    pdf = _pdf(path, tmp_path)
    sheets = _by_sheet(_pages(pdf))
    assert set(sheets) == set(load_workbook(path).sheetnames)
    for pages in sheets.values():
        for page in pages:
            assert "RESTRICTED – full copy" in page
            assert "Test summit" in page
            assert "Generated 2025-10-01 12:30" in page
    assert all("Saturday 25 October 2025" in p for p in sheets["Grid 25 Oct"])
    assert min(h for _, h, _ in _words(pdf)) >= EIGHT_POINT_BOX


@pytest.mark.slow
def test_a_grid_page_with_nothing_on_it_is_printed_and_counted(tmp_path):
    """A page of the grid with no block is printed with its note, so
    "Page x of y" counts the pages in the reader's hands."""
    from .test_day_grid import _half_empty_day

    s, sched = _half_empty_day()
    path = write_schedule_workbook(s, sched, tmp_path / "h.xlsx")
    sheets = _by_sheet(_pages(_pdf(path, tmp_path)))
    grid = sheets["Grid 25 Oct"]
    assert len(grid) == 4
    assert sum("Nothing listed in these rooms" in p for p in grid) == 2


@pytest.mark.slow
def test_wrapped_lines_are_never_more_than_estimated(tmp_path):
    """The estimate every label is sized by, against LibreOffice: each
    text wraps into no more lines than :func:`wrap` says."""
    from inputs.sample.hanoi2025 import build_hanoi_scenario

    texts = sorted({it.title for it in build_hanoi_scenario().items})
    texts = texts[:: max(1, len(texts) // 60)]
    wb = new_workbook()
    ws = wb.create_sheet("Wrap")
    cases = []
    for col, (width, size) in enumerate(((12, 8), (16, 8), (28, 9))):
        for k, text in enumerate(texts):
            tag = f"Q{len(cases)}"
            cell = ws.cell(row=k + 1, column=1 + 2 * col)
            cell.value = f"{tag} {text}"
            cell.font = Font(name="Arial", size=size)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[k + 1].height = 120
            ws.column_dimensions[cell.column_letter].width = width
            cases.append((tag, cell.value, width, size))
    path = tmp_path / "wrap.xlsx"
    wb.save(path)
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", str(_pdf(path, tmp_path)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines: dict[str, set[str]] = defaultdict(set)
    tag = None
    for y0, word in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]*)<', html):
        if re.fullmatch(r"Q\d+", word):
            tag = word
        if tag is not None:
            lines[tag].add(y0)
    for tag, text, width, size in cases:
        estimate = len(wrap(text, column_text_width(width), size))
        assert len(lines[tag]) <= estimate, text


@pytest.mark.slow
def test_sample_prints_identifiable_pages_on_a4(solved_sample, tmp_path):
    """The whole full copy of the sample, on A4: every page identifiable,
    grids with the event, date and page number, nothing under 8 pt,
    one programme per owner on pages of its own with names."""
    s, sched = solved_sample
    path = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    pdf = _pdf(path, tmp_path)
    sheets = _by_sheet(_pages(pdf))
    event = s.settings.event_name
    for day in s.grid.days:
        grid = sheets[f"Grid {day.day} {day:%b}"]
        for page in grid:
            # (the title may wrap: compare words, not lines)
            assert event in " ".join(page.split())
            assert f"{day:%A %d %B %Y}" in page
            assert "RESTRICTED – full copy" in page
    small = [w for w in _words(pdf) if w[1] < EIGHT_POINT_BOX]
    assert small == []
    # programmes: each owner's first page starts with their heading,
    # every page names whose it is, no item ids
    progs = sheets["Programmes"]
    # (headings may wrap: compare words, not lines)
    words = [" ".join(p.split()) for p in progs]
    heads = [
        re.search(r"Programme: (.+?) (\(continued\) )?Time What Where", w)
        for w in words
    ]
    assert all(heads)
    firsts = [h.group(1) for h in heads if h.group(2) is None]
    assert len(firsts) == len(owners(s, sched))
    for page in progs:
        assert not re.search(r"\b[EBAS]:[A-Z0-9]", page), page[:200]
    # a delegation with a bilateral: the counterpart by name
    a = next(a for a in sched.assignments if a.kind == "bilateral")
    d = s.delegation_by_id[s.persons[a.participants[0]].delegation_id]
    mine = [
        w
        for w, h in zip(words, heads, strict=True)
        if h.group(1).startswith(d.name)
    ]
    other = s.persons[a.participants[1]]
    other_d = s.delegation_by_id[other.delegation_id]
    # (a wrapped cell's lines interleave with its neighbours': words)
    assert mine and any(
        all(word in w for word in other_d.name.split()) for w in mine
    )


@pytest.mark.slow
def test_sample_grids_print_in_bands_on_a3(solved_sample, tmp_path):
    s, sched = solved_sample
    s = replace(s, settings=replace(s.settings, paper_size="A3"))
    path = write_schedule_workbook(s, sched, tmp_path / "a3.xlsx")
    wb = load_workbook(path)
    grids = [n for n in wb.sheetnames if n.startswith("Grid")]
    for name in wb.sheetnames:
        if name not in grids:
            del wb[name]
    only = tmp_path / "grids.xlsx"
    wb.save(only)
    sheets = _by_sheet(_pages(_pdf(only, tmp_path)))
    for name in grids:
        ws = wb[name]
        bands = len(ws.col_breaks.brk) + 1
        down = len(ws.row_breaks.brk) + 1
        # the pages LibreOffice prints are the ones the writer planned
        assert len(sheets[name]) == bands * down
        for page in sheets[name]:
            words = " ".join(page.split())
            assert s.settings.event_name in words and "Key:" in page
