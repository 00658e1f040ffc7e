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
            "an id without ';', ':', line breaks or other control or "
            "invisible characters"
        )
    return None


#: Characters that show nothing but are no control or format character
#: (Unicode's default-ignorable code points of other categories): a
#: combining grapheme joiner, variation selectors, Hangul fillers.
#: ``NCC`` with one of them after it printed as ``NCC`` and was another
#: id.
INVISIBLE = frozenset(
    (
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0),
        *range(0x180B, 0x1810),
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
    )
)


def _control(c: str) -> bool:
    """A control or format character (bidi controls and zero-width
    characters among them), a line or paragraph break, or another
    character that shows nothing (:data:`INVISIBLE`)."""
    return (
        unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
        or ord(c) in INVISIBLE
    )


def same_id(text: str) -> str:
    """The form two ids are compared in: spaces, case, Unicode form and
    letters of another alphabet that look alike ignored (``fra`` and
    ``FRA``, ``FR A`` and ``FRA``, ``CÔTE`` composed and decomposed,
    full-width ``ＮＣＣ`` and ``NCC``, ``NCC`` with a Cyrillic ``С`` and
    ``NCC`` are the same id: they look the same in Excel)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFKC", "".join(folded.split())).translate(
        LOOK_ALIKE
    )


#: Cyrillic and Greek letters (as :func:`same_id` folds them: small)
#: that print as a Latin letter in the fonts Excel uses, to that letter:
#: ``NCC`` with a Cyrillic ``С`` is the same id as ``NCC``.
LOOK_ALIKE = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "ԁ": "d", "е": "e", "һ": "h", "н": "h",
        "і": "i", "ӏ": "i", "ј": "j", "к": "k", "м": "m", "о": "o",
        "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "у": "y", "ү": "y",
        "ԝ": "w", "х": "x", "с": "c",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "h", "ι": "i", "κ": "k",
        "μ": "m", "ν": "n", "ο": "o", "ρ": "p", "τ": "t", "υ": "y",
        "χ": "x", "ζ": "z",
    }
)  # fmt: skip
