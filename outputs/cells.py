"""Writing cells safely: values as values, never as formulas."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
SECONDS_FORMAT = "yyyy-mm-dd hh:mm:ss"


def put(cell: Cell, value, number_format: str | None = None) -> Cell:
    """Write ``value``; text that a spreadsheet would read as a formula
    (starting with = + - @) is stored as plain text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    elif isinstance(value, datetime):
        cell.number_format = number_format or DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)
