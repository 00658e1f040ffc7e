"""Writing cells safely: values as values, never as formulas.

Text that comes from a scenario (titles, ids, reasons) is user input. A
spreadsheet reads text starting with ``=``, ``+``, ``-`` or ``@`` as a
formula (CSV/formula injection); :func:`put` always stores text as a
plain string cell, so the file holds no ``<f>`` element at all.
"""

from __future__ import annotations

from datetime import date, datetime, time

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

FORMULA_STARTS = ("=", "+", "-", "@")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
SECONDS_FORMAT = "yyyy-mm-dd hh:mm:ss"
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "hh:mm"
#: Excel's limit on the characters of one cell.
MAX_CELL_CHARS = 32_767


def put(cell: Cell, value, number_format: str | None = None) -> Cell:
    """Write ``value`` into ``cell`` as a value, never as a formula.

    Parameters
    ----------
    cell
        The openpyxl cell.
    value
        ``None`` (empty cell), text, a number, a bool, a ``datetime``,
        ``date`` or ``time``.
    number_format
        Format of a date-time; default :data:`DATETIME_FORMAT`.

    Returns
    -------
    Cell
        The same cell. Text is stored as a string cell (``data_type
        "s"``) whatever its first character; control characters that XML
        cannot hold are dropped and over-long text is cut to Excel's
        limit. Time zones are dropped (Excel has none).
    """
    if isinstance(value, str):
        value = safe_text(value)
        cell.value = value
        cell.data_type = "s"
        return cell
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None)
        cell.value = value
        cell.number_format = number_format or DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, time):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = TIME_FORMAT
    else:
        cell.value = value
    return cell


def safe_text(text: str) -> str:
    """``text`` without XML-illegal control characters, at most
    :data:`MAX_CELL_CHARS` long."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_CHARS]


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)
