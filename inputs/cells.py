"""Parsing cell values of the workbook formats.

Each parser takes the raw openpyxl value and returns the parsed value or
raises ``ValueError`` with what was expected.
"""

from __future__ import annotations

from datetime import date, datetime, time

from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from models.records.vocabulary import PAPER_SIZES

YES = {"yes", "y", "true", "1", "1.0"}
NO = {"no", "n", "false", "0", "0.0"}


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_formula(value: object) -> bool:
    """A formula: text beginning with ``=``, or the object openpyxl
    gives for an array formula (Ctrl+Shift+Enter, and Excel 365's
    formulas that spill) or a data table (never text: read as such it
    was ``<openpyxl...ArrayFormula object at 0x...>``)."""
    if isinstance(value, (ArrayFormula, DataTableFormula)):
        return True
    return isinstance(value, str) and value.startswith("=")


def formula_text(value: object) -> object:
    """A formula as a problem shows it: its text (``=UPPER(A1)``), not
    the object openpyxl gives for an array formula or a data table."""
    if isinstance(value, ArrayFormula):
        return value.text
    if isinstance(value, DataTableFormula):
        return "a data table (What-If Analysis)"
    return value


def text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value).strip()


def paper(value: object) -> str:
    """A paper size in any case (``a4``, ``LETTER``) as the vocabulary
    spells it; anything else is kept for validation to report."""
    name = text(value)
    for known in PAPER_SIZES:
        if name.casefold() == known.casefold():
            return known
    return name


def integer(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError("a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError("a whole number")
    try:
        f = float(str(value).strip())
    except ValueError:
        raise ValueError("a whole number") from None
    if not f.is_integer():
        raise ValueError("a whole number")
    return int(f)


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    t = text(value).lower()
    if t in YES:
        return True
    if t in NO:
        return False
    raise ValueError("yes or no")


DT_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)


def date_time(value: object) -> datetime:
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0))
    t = text(value)
    for fmt in DT_FORMATS:
        try:
            return datetime.strptime(t, fmt)
        except ValueError:
            continue
    raise ValueError("a date-time like 2025-10-25 09:00")


def day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(text(value), "%Y-%m-%d").date()
    except ValueError:
        raise ValueError("a date like 2025-10-25") from None


def clock(value: object) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    t = text(value)
    for fmt in ("%H:%M", "%H:%M:%S"):
        try:
            return datetime.strptime(t, fmt).time()
        except ValueError:
            continue
    raise ValueError("a time like 07:00")


def text_list(value: object) -> tuple[str, ...]:
    return tuple(x.strip() for x in text(value).split(";") if x.strip())


def day_list(value: object) -> tuple[date, ...]:
    if isinstance(value, (datetime, date)):
        return (day(value),)
    return tuple(day(x) for x in text_list(value))
