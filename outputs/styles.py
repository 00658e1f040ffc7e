"""Fonts and fills of the schedule workbook. Every style names its font
(a style without one prints in whatever the reader's program falls back
to, a serif in LibreOffice); the workbook's default font is the same
Arial 10 the column widths are measured in."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, replace
from typing import Literal
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange

from .text_metrics import FONT_NAME

#: The default font: empty cells and column widths are measured in it.
DEFAULT_FONT = Font(name=FONT_NAME, size=10, family=2)
#: Text of tables (8 pt or more on paper, printed at 100 %).
BODY_SIZE = 9
NAVY = "1F3864"
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
SECTION_FILL = PatternFill("solid", fgColor="D9E1F2")


def font(
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
) -> Font:
    """Arial of ``size`` points."""
    return Font(
        name=FONT_NAME, size=size, bold=bold, italic=italic, color=color
    )


HEADER_FONT = font(bold=True, color="FFFFFF")


def new_workbook() -> Workbook:
    """An empty workbook (no sheet) whose default font is
    :data:`DEFAULT_FONT`."""
    wb = Workbook()
    for sheet in list(wb.worksheets):
        wb.remove(sheet)
    # openpyxl writes font 0 as the Normal style's font, the default of
    # every cell without a font of its own.
    wb._fonts = IndexedList([DEFAULT_FONT])  # type: ignore[attr-defined]
    return wb


#: A border edge: its line style and colour.
EdgeStyle = Literal[
    "thin", "hair", "medium", "mediumDashed", "dashed", "dotted", "thick"
]
Edge = tuple[EdgeStyle, str]


@dataclass(frozen=True)
class Look:
    """Everything a cell looks like but its number format: Arial of
    ``size``, a fill, wrapping and alignment, a border (``(style,
    colour)`` per side or ``None``). Hashable, so :func:`paint` styles
    thousands of cells at the cost of one."""

    size: float = BODY_SIZE
    bold: bool = False
    italic: bool = False
    color: str | None = None
    fill: str | None = None
    wrap: bool = True
    vertical: str = "top"
    horizontal: str | None = None
    left: Edge | None = None
    right: Edge | None = None
    top: Edge | None = None
    bottom: Edge | None = None

    def boxed(self, side: Edge | None) -> Look:
        """This look with ``side`` on all four edges."""
        return replace(self, left=side, right=side, top=side, bottom=side)


_PAINTED: WeakKeyDictionary = WeakKeyDictionary()


def paint(cell, look: Look) -> None:
    """Give ``cell`` the ``look`` (its number format kept). openpyxl
    hashes every style object set on a cell, which is slow; the first
    cell of each look and number format is styled that way, the others
    copy its style record."""
    cache = _PAINTED.setdefault(cell.parent.parent, {})
    key = (look, cell.number_format)
    record = cache.get(key)
    if record is not None:
        cell._style = copy(record)
        return
    cell.font = font(look.size, look.bold, look.italic, look.color)
    if look.fill:
        cell.fill = PatternFill("solid", fgColor=look.fill)
    cell.alignment = Alignment(
        wrap_text=look.wrap,
        vertical=look.vertical,
        horizontal=look.horizontal,
    )

    def side(spec: Edge | None) -> Side | None:
        return None if spec is None else Side(style=spec[0], color=spec[1])

    if any((look.left, look.right, look.top, look.bottom)):
        cell.border = Border(
            left=side(look.left),
            right=side(look.right),
            top=side(look.top),
            bottom=side(look.bottom),
        )
    cache[key] = copy(cell._style)


def merge(ws, top: int, left: int, bottom: int, right: int, look=None):
    """Merge the cells of a range into its top left cell (already
    written and painted). ``look``, if given, is the border drawn: its
    sides on the range's edges. (``Worksheet.merge_cells`` does the same
    slowly, one style object at a time.)"""
    # straight into the set: MultiCellRange.add compares the new range
    # with every range already there
    ws.merged_cells.ranges.add(
        MergedCellRange(
            ws,
            CellRange(
                min_row=top, min_col=left, max_row=bottom, max_col=right
            ).coord,
        )
    )
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            if (r, c) == (top, left):
                continue
            cell = MergedCell(ws, row=r, column=c)
            ws._cells[(r, c)] = cell
            if look is None:
                continue
            edge = replace(
                look,
                left=look.left if c == left else None,
                right=look.right if c == right else None,
                top=look.top if r == top else None,
                bottom=look.bottom if r == bottom else None,
            )
            if any((edge.left, edge.right, edge.top, edge.bottom)):
                paint(cell, edge)
