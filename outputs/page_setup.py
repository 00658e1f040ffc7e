"""Paper, margins and the page furniture every printed sheet carries.

Every page says what it is when the stack is dropped on the floor: the
event and the sheet's subject in the header (with RESTRICTED on the full
copy), when the schedule was generated and "Page x of y" in the footer.
The margins leave room for them (a header as tall as the top margin is
not printed by LibreOffice and overprints the sheet in Excel).

Sheets print at a fixed scale, never "fit to page": text keeps its size
(8 pt or more on paper) and the manual page breaks the writers choose
are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from models import Scenario
from models.records.schedule import Schedule

from .text_metrics import FONT_NAME, text_width

MM = 72 / 25.4


@dataclass(frozen=True)
class Paper:
    name: str
    width_mm: float
    height_mm: float
    #: openpyxl's (Excel's) paper size code
    code: int


PAPERS = {
    "A4": Paper("A4", 210, 297, 9),
    "A3": Paper("A3", 297, 420, 8),
    "Letter": Paper("Letter", 215.9, 279.4, 1),
}
#: Margins in inches: sides, top and bottom, and where the header and
#: footer sit (well inside the top and bottom margins).
SIDE_MARGIN = 0.4
TOP_MARGIN = 0.75
HEADER_MARGIN = 0.3
#: Share of the page the writers fill at most: a little room for
#: rounding in the program that prints.
SAFETY = 0.97
#: Points of the header and footer text.
HEADER_SIZE = 9


@dataclass(frozen=True)
class Furniture:
    """What every page of one workbook says about itself."""

    event_name: str = ""
    generated_at: datetime | None = None
    audience: str = "full"
    paper: str = "A4"

    @classmethod
    def of(
        cls, s: Scenario, schedule: Schedule, audience: str = "full"
    ) -> Furniture:
        return cls(
            s.settings.event_name or schedule.event_name,
            schedule.generated_at,
            audience,
            s.settings.paper_size,
        )

    @property
    def marking(self) -> str:
        """``RESTRICTED – full copy``, or ``Public copy``."""
        if self.audience == "public":
            return "Public copy"
        return "RESTRICTED – full copy"

    @property
    def stamp(self) -> str:
        if self.generated_at is None:
            return ""
        return f"Generated {self.generated_at:%Y-%m-%d %H:%M}"


def page_area(paper: str, landscape: bool) -> tuple[float, float]:
    """Points available inside the margins (width, height), less a little
    for rounding."""
    p = PAPERS.get(paper, PAPERS["A4"])
    w, h = p.width_mm * MM, p.height_mm * MM
    if landscape:
        w, h = h, w
    return (
        (w - 2 * SIDE_MARGIN * 72) * SAFETY,
        (h - 2 * TOP_MARGIN * 72) * SAFETY,
    )


def _fitted(text: str, width: float, bold: bool = True) -> str:
    """Header text on one line no wider than ``width`` points (cut with
    an ellipsis), ``&`` doubled (``&`` starts a code there)."""
    text = " ".join(text.split())
    if text_width(text, HEADER_SIZE, bold) > width:
        while text and text_width(text + "…", HEADER_SIZE, bold) > width:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text.replace("&", "&&")


def furnish(
    ws: Worksheet,
    furniture: Furniture,
    subject: str,
    landscape: bool,
    title_rows: str | None = None,
    title_cols: str | None = None,
    pages: int | None = None,
) -> None:
    """Paper, orientation, margins, a fixed 100 % scale, the header
    (marking, event, ``subject``), the footer (generated, "Page x of
    y", sheet name) and the rows and columns repeated on every page.

    ``pages`` is the sheet's number of pages when the writer placed
    every page break itself (LibreOffice counts the pages of the whole
    workbook, not of the sheet); pages are numbered from 1 on each
    sheet. Sections are cut to fit beside each other.
    """
    ps = ws.page_setup
    ps.paperSize = PAPERS.get(furniture.paper, PAPERS["A4"]).code
    ps.orientation = "landscape" if landscape else "portrait"
    ps.scale = 100
    ps.useFirstPageNumber = True
    ps.firstPageNumber = 1
    props = ws.sheet_properties.pageSetUpPr
    if props is None:
        props = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    props.fitToPage = False
    m = ws.page_margins
    m.left = m.right = SIDE_MARGIN
    m.top = m.bottom = TOP_MARGIN
    m.header = m.footer = HEADER_MARGIN
    width, _ = page_area(furniture.paper, landscape)
    third = width / 3 - 6
    marking = _fitted(furniture.marking, third)
    subject = _fitted(subject, third)
    side = max(
        text_width(marking, HEADER_SIZE, True),
        text_width(subject, HEADER_SIZE, True),
    )
    event = _fitted(furniture.event_name, width - 2 * side - 24)
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # openpyxl makes them
    total = str(pages) if pages else "&N"
    sections = (
        (header.left, marking, "Bold"),
        (header.center, event, "Bold"),
        (header.right, subject, "Bold"),
        (footer.left, _fitted(furniture.stamp, third, False), "Regular"),
        (footer.center, f"Page &P of {total}", "Regular"),
        (footer.right, "&A", "Regular"),
    )
    for item, text, style in sections:
        item.text = text
        item.font = f"{FONT_NAME},{style}"
        item.size = HEADER_SIZE
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols


def row_pages(heights: list[float], capacity: float) -> list[int]:
    """Where each page of rows starts (0-based indexes into ``heights``)
    when a page holds rows of at most ``capacity`` points."""
    starts = [0]
    used = 0.0
    for k, h in enumerate(heights):
        if used and used + h > capacity:
            starts.append(k)
            used = 0.0
        used += h
    return starts
