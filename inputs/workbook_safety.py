"""Checks made before a workbook is handed to openpyxl: the file exists,
is an .xlsx (a zip), is not encrypted or a legacy .xls, is not damaged,
is not a zip bomb (in bytes, cells, merged cells or shared strings), has
no part that declares a DOCTYPE, and has a name ending in .xlsx."""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl.utils.cell import range_boundaries

from models.records.problems import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024
#: All parts together, unpacked. A scenario of the size of a COP
#: (200 delegations, 12 days) unpacks to about 1 MB, the sample's
#: schedule workbook to 1.5 MB; openpyxl takes about 0.4 s and 8 MB of
#: memory per unpacked MB (2 cores, busy), so this bounds a hostile file
#: to some 25 s and 1 GB.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
#: Cells of all worksheets together (tiny empty cells would otherwise
#: fit millions in the bound above): 20,000 rows of 100 columns.
MAX_CELLS = 2_000_000
MAX_RATIO = 200
#: Bytes read at a time when unpacking a part to test it.
CHUNK = 1 << 20
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
#: Name endings of the workbooks openpyxl reads (it refuses any other
#: name, even of a good workbook, with its own words).
WORKBOOK_ENDINGS = (".xlsx", ".xlsm", ".xltx", ".xltm")


def precheck(source: str | Path) -> Problem | None:
    """A problem that stops reading ``source``, or ``None`` if it may be
    opened."""
    path = Path(source)
    name = str(path)

    def bad(message: str) -> Problem:
        return Problem(message=message, file=name)

    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return bad("File not found")
    except OSError as exc:  # a name too long, a loop of links, ...
        return bad(f"The file cannot be read ({exc.strerror or exc})")
    if stat.S_ISDIR(st.st_mode):
        return bad("This is a folder, not a workbook file")
    if not stat.S_ISREG(st.st_mode):
        # a pipe would wait for a writer for ever; a device never ends
        return bad("This is a device, pipe or socket, not a workbook file")
    size = st.st_size
    if size == 0:
        return bad("The file is empty")
    if size > MAX_FILE_BYTES:
        return bad(
            f"The file is {size // 2**20} MB; the limit is "
            f"{MAX_FILE_BYTES // 2**20} MB"
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        return bad(f"The file cannot be read ({exc.strerror or exc})")
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
            damaged = _unpacked(zf, infos, bad)
            if damaged is not None:
                return damaged
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return bad(f"The workbook is damaged or truncated ({exc})")
    if path.suffix.lower() not in WORKBOOK_ENDINGS:
        # a sound zip under another name: say so, not in openpyxl's words
        good = path.stem if path.stem.lower().endswith(".xlsx") else None
        return Problem(
            "The file name does not end in .xlsx: rename the file",
            value=path.name,
            expected=f"a name such as {good or path.name + '.xlsx'}",
            file=name,
        )
    return None


def _unpacked(
    zf: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    bad: Callable[[str], Problem],
) -> Problem | None:
    """Unpack every part once, as a stream: a damaged part (its checksum
    is tested at its end), more bytes than the parts declare, a part
    that declares a DOCTYPE, or more cells or shared strings than
    :data:`MAX_CELLS` is a problem.

    Every part is read as XML as openpyxl reads it (expat, any namespace
    prefix, any encoding expat knows, UTF-16 included), wherever it
    lies in the zip: a worksheet is where the workbook's relationships
    say, not only under ``xl/worksheets/``. Counting bytes such as
    ``<c `` missed cells spelt ``<x:c``, in UTF-16, or in a part
    elsewhere. Merged cells count one by one: openpyxl makes an object
    for every cell of a merged range, so one ``<mergeCell
    ref="A1:XFD1048576"/>`` of 40 bytes would have it make 17 billion."""
    total = 0
    counts = {"cells": 0, "strings": 0}
    for info in infos:
        scan = _PartScan(info.filename, counts)
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    total += len(chunk)
                    if total > MAX_UNPACKED_BYTES:
                        return bad(
                            "The workbook unpacks to more than "
                            f"{MAX_UNPACKED_BYTES // 2**20} MB (a zip bomb?)"
                        )
                    scan.feed(chunk)
        except _Refused as refused:
            return bad(str(refused))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            return bad(
                f"The workbook is damaged (part {info.filename} is corrupt)"
            )
    return None


class _Refused(Exception):
    """A part that stops the reading: the message says why."""


class _PartScan:
    """One part read as XML, a chunk at a time, without building a
    tree: counts cells, merged cells and shared strings into ``counts``
    (those of all parts so far), raises :class:`_Refused` past a limit
    or at a DOCTYPE. A part that is no sound XML is read no further
    here: openpyxl refuses it if it needs it."""

    def __init__(self, name: str, counts: dict[str, int]) -> None:
        self.name, self.counts = name, counts
        self.parser: Any = expat.ParserCreate(namespace_separator="}")
        self.parser.StartElementHandler = self.start
        self.parser.StartDoctypeDeclHandler = self.doctype

    def feed(self, chunk: bytes) -> None:
        if self.parser is None:
            return
        try:
            self.parser.Parse(chunk, False)
        except (expat.ExpatError, ValueError):
            self.parser = None

    def doctype(self, *_: object) -> None:
        # Excel never writes one; entities (a billion laughs, an
        # external file) are declared in it: refused unread
        raise _Refused(
            f"Part {self.name} of the workbook declares a DOCTYPE (XML "
            "entities), which Excel never writes; refused unread"
        )

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition("}")[2]
        if local == "c":
            self._count("cells", 1, "cells")
        elif local == "si":
            self._count("strings", 1, "shared strings (texts of cells)")
        elif local == "mergeCell":
            self._count(
                "cells",
                _merged(attrs),
                f"cells, merged cells counted one by one (part {self.name} "
                "merges ranges too large for a real sheet)",
            )

    def _count(self, what: str, n: int, words: str) -> None:
        """Add ``n`` to the count of ``what``; past :data:`MAX_CELLS`,
        refuse the workbook for having more ``words``."""
        self.counts[what] += n
        if self.counts[what] > MAX_CELLS:
            raise _Refused(
                f"The workbook has more than {MAX_CELLS:,} {words}; this "
                "is not a scenario or schedule this engine can read"
            )


def _merged(attrs: dict[str, str]) -> int:
    """Cells of one merged range (``<mergeCell ref="B2:C3">``: 4), as
    openpyxl reads it; 0 for a range openpyxl cannot read (it refuses
    it when it opens the file)."""
    try:
        bounds = range_boundaries(attrs.get("ref", ""))
    except (ValueError, TypeError):
        return 0
    first_col, first_row, last_col, last_row = bounds
    if (
        first_col is None
        or first_row is None
        or last_col is None
        or last_row is None
    ):
        return 0  # (a whole row or column: openpyxl refuses it)
    return (abs(last_row - first_row) + 1) * (abs(last_col - first_col) + 1)
