"""When the program began, so that ``--time-limit`` counts the whole
command: the half-second of imports before the command line runs is a
tenth of a 5 s limit."""

from __future__ import annotations

import time

_launched: float | None = None


def mark() -> None:
    """Note now (a :func:`time.monotonic` reading) as the program's start;
    :func:`scheduler.entry.main` calls it before any other import."""
    global _launched
    _launched = time.monotonic()


def launched() -> float:
    """When the program began; now, when it was not started as the
    program (the command line called in-process, as the tests do)."""
    return time.monotonic() if _launched is None else _launched
