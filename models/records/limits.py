"""Limits of a valid scenario (spec, version 2: "Limits of a valid
scenario"): what a cell may hold before anything is built from it. The
reader refuses anything beyond, naming sheet, row and column, so no
number far out of range reaches the engine (a duration of 1e20 minutes,
a queue position of 1e9)."""

from __future__ import annotations

import unicodedata

#: Ids: 1 to this many characters.
MAX_ID_CHARS = 64
#: Characters an id may not hold (besides control characters, line
#: breaks included): list and item-id separators.
ID_FORBIDDEN = ";:"
#: Names and titles: at most this many characters (line breaks allowed).
MAX_NAME_CHARS = 300
#: Any other text cell.
MAX_TEXT_CHARS = 2_000
#: A list cell (``;`` separated).
MAX_LIST_CHARS = 20_000
#: Durations and travel, in minutes: 24 h.
MAX_MINUTES = 24 * 60
#: Queue slots and gaps, in seconds: one hour.
MAX_SLOT_SECONDS = 3_600
#: Capacities, attendance and sizes.
MAX_PEOPLE = 1_000_000
#: Any other whole number (priorities, positions, precedence, limits).
MAX_NUMBER = 1_000_000


def id_problem(text: str) -> str | None:
    """What makes ``text`` no valid id (``None`` if it is one)."""
    if not text:
        return "an id of 1 character or more"
    if len(text) > MAX_ID_CHARS:
        return f"an id of at most {MAX_ID_CHARS} characters"
    if any(c in ID_FORBIDDEN or _control(c) for c in text):
        return (
            "an id without ';', ':', line breaks or other control characters"
        )
    return None


def _control(c: str) -> bool:
    """A control or format character, or a line or paragraph break."""
    return unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")


def same_id(text: str) -> str:
    """The form two ids are compared in: spaces, case and Unicode form
    ignored (``fra`` and ``FRA``, ``FR A`` and ``FRA``, ``CÔTE`` composed
    and decomposed, full-width ``ＮＣＣ`` and ``NCC`` are the same id: they
    look the same in Excel)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFKC", "".join(folded.split()))
