"""Checks made before a workbook is handed to openpyxl: the file exists,
is an .xlsx (a zip), is not encrypted or a legacy .xls, is not damaged,
and is not a zip bomb."""

from __future__ import annotations

import zipfile
from pathlib import Path

from models.records.problems import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def precheck(source: str | Path) -> Problem | None:
    """A problem that stops reading ``source``, or ``None`` if it may be
    opened."""
    path = Path(source)
    name = str(path)

    def bad(message: str) -> Problem:
        return Problem(message=message, file=name)

    if not path.exists():
        return bad("File not found")
    if path.is_dir():
        return bad("This is a folder, not a workbook file")
    size = path.stat().st_size
    if size == 0:
        return bad("The file is empty")
    if size > MAX_FILE_BYTES:
        return bad(
            f"The file is {size // 2**20} MB; the limit is "
            f"{MAX_FILE_BYTES // 2**20} MB"
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE2_MAGIC:
        return bad(
            "The workbook is password-protected (encrypted) or in the "
            "old .xls format; save it as an unprotected .xlsx"
        )
    if not head.startswith(b"PK"):
        return bad(
            "Not an .xlsx workbook (the file is not a zip archive; "
            "was another kind of file renamed?)"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED_BYTES:
                return bad(
                    f"The workbook unpacks to {total // 2**20} MB, "
                    "more than the limit "
                    f"{MAX_UNPACKED_BYTES // 2**20} MB (a zip bomb?)"
                )
            for i in infos:
                if (
                    i.compress_size
                    and i.file_size > 10 * 2**20
                    and i.file_size / i.compress_size > MAX_RATIO
                ):
                    return bad(
                        f"Part {i.filename} is compressed "
                        f"{i.file_size // i.compress_size}:1, too "
                        "much for a real workbook (a zip bomb?)"
                    )
            if "[Content_Types].xml" not in zf.namelist():
                return bad("Not an .xlsx workbook (no [Content_Types].xml)")
            broken = zf.testzip()
            if broken is not None:
                return bad(
                    f"The workbook is damaged (part {broken} is corrupt)"
                )
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return bad(f"The workbook is damaged or truncated ({exc})")
    return None
