"""Sheets printed as documents to hand over: one section per delegation
(or per protocol list), each starting on a new page, a heading that
says whose pages they are, day bands, then rows.

The writer sizes every row from its text (see
:mod:`outputs.text_metrics`), so it knows where the paper ends: when a
section runs over a page, the next page starts with the section's
heading marked "continued" and the column headers, and a day band is
never left alone at the foot of a page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from .cells import DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT, put
from .page_setup import Furniture, furnish, page_area
from .styles import NAVY, Edge, Look, merge, paint
from .text_metrics import column_points, column_text_width, text_height

HEADING_SIZE = 12
TEXT_SIZE = 9
RULE: Edge = ("thin", "BFBFBF")
ROW = Look(size=9, bottom=RULE)
BOLD_ROW = Look(size=9, bold=True, bottom=RULE)
HEADER = Look(size=9, bold=True, color="FFFFFF", fill=NAVY)
BAND_FILL = "D9E1F2"
#: LibreOffice prints rows about 2.6 % shorter than set; never count on
#: more than this share of a row.
ROW_SHRINK = 0.97


@dataclass(frozen=True)
class Column:
    name: str
    width: float
    number_format: str | None = None


class Handout:
    """A sheet written section by section, paginated as it goes."""

    def __init__(
        self,
        ws: Worksheet,
        columns: list[Column],
        furniture: Furniture,
        subject: str,
        landscape: bool = False,
    ) -> None:
        self.ws = ws
        self.columns = columns
        self.furniture = furniture
        self.subject = subject
        self.landscape = landscape
        self.row = 1
        self.capacity = page_area(furniture.paper, landscape)[1]
        self.left = self.capacity
        self.title = ""
        self.pages = 0
        self.width = sum(column_points(c.width) for c in columns)

    # ---------------------------------------------------------- sections
    def section(self, title: str, lines: list[str]) -> None:
        """Start a section on a new page: ``title`` (bold), ``lines``
        under it, then the column headers."""
        if self.row > 1:
            self._break()
        self.title = title
        self._merged(title, HEADING_SIZE, bold=True)
        for line in lines:
            self._merged(line, TEXT_SIZE)
        self._headers()

    def band(self, text: str) -> None:
        """A shaded row across the sheet (a day), kept with the row that
        follows it."""
        need = self._merged_height(text, TEXT_SIZE, True)
        if need + 2 * self._line() > self.left:
            self._continue()
        self._merged(text, TEXT_SIZE, bold=True, fill=BAND_FILL)

    def add(self, values: list, bold: bool = False) -> None:
        """One row of ``values`` (one per column), wrapped; a new page
        with a continued heading first if it does not fit."""
        height = max(
            (
                text_height(
                    shown(v, c.number_format),
                    column_text_width(c.width),
                    TEXT_SIZE,
                    bold,
                )
                for v, c in zip(values, self.columns, strict=True)
            ),
            default=0.0,
        )
        if height > self.left:
            self._continue()
        for k, (v, c) in enumerate(
            zip(values, self.columns, strict=True), start=1
        ):
            cell = put(self._cell(k), v, c.number_format)
            paint(cell, BOLD_ROW if bold else ROW)
        self._height(height)

    def note(self, text: str) -> None:
        """A line of small print across the sheet."""
        if self._merged_height(text, TEXT_SIZE, False) > self.left:
            self._continue()
        self._merged(text, TEXT_SIZE, italic=True)

    def finish(self) -> None:
        """Column widths and print setup."""
        for k, c in enumerate(self.columns, start=1):
            self.ws.column_dimensions[get_column_letter(k)].width = c.width
        furnish(
            self.ws,
            self.furniture,
            self.subject,
            self.landscape,
            pages=len(self.ws.row_breaks.brk) + 1,
        )

    # ---------------------------------------------------------- helpers
    def _cell(self, column: int) -> Cell:
        """A cell of the row being written (never inside a merge)."""
        cell = self.ws.cell(row=self.row, column=column)
        assert isinstance(cell, Cell)
        return cell

    def _line(self) -> float:
        return text_height("x", 100, TEXT_SIZE)

    def _break(self) -> None:
        self.ws.row_breaks.append(Break(id=self.row - 1))
        self.left = self.capacity

    def _continue(self) -> None:
        self._break()
        self._merged(f"{self.title} (continued)", HEADING_SIZE, bold=True)
        self._headers()

    def _headers(self) -> None:
        height = max(
            text_height(c.name, column_text_width(c.width), TEXT_SIZE, True)
            for c in self.columns
        )
        for k, c in enumerate(self.columns, start=1):
            paint(put(self._cell(k), c.name), HEADER)
        self._height(height)

    def _merged_height(self, text: str, size: float, bold: bool) -> float:
        width = sum(column_text_width(c.width) for c in self.columns)
        return text_height(text, width, size, bold)

    def _merged(
        self,
        text: str,
        size: float,
        bold: bool = False,
        italic: bool = False,
        fill: str | None = None,
    ) -> None:
        cell = put(self._cell(1), text)
        paint(cell, Look(size=size, bold=bold, italic=italic, fill=fill))
        if len(self.columns) > 1:
            merge(self.ws, self.row, 1, self.row, len(self.columns))
        self._height(self._merged_height(text, size, bold))

    def _height(self, points: float) -> None:
        points = math.ceil(points / ROW_SHRINK * 4) / 4
        self.ws.row_dimensions[self.row].height = points
        self.left -= points
        self.row += 1


def shown(value, number_format: str | None = None) -> str:
    """About what a cell shows: a date or time as wide as its format."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "0" * len(number_format or DATETIME_FORMAT)
    if isinstance(value, date):
        return "0" * len(DATE_FORMAT)
    if isinstance(value, time):
        return "0" * len(number_format or TIME_FORMAT)
    return str(value)
