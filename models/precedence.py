"""Protocol precedence: rank first, then the scenario's tie-break."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

TIEBREAKS = ("alphabetical", "lot", "seniority", "registration")


def parse_tiebreak(text: str) -> tuple[str, str | None]:
    """``"lot:M"`` to ``("lot", "M")``; raises ``ValueError`` if unknown."""
    text = text.strip()
    if text.lower().startswith("lot:"):
        letter = text[4:].strip().upper()
        if len(letter) != 1 or not letter.isalpha():
            raise ValueError(text)
        return "lot", letter
    if text.lower() in ("alphabetical", "seniority", "registration"):
        return text.lower(), None
    raise ValueError(text)


def alphabetical_key(name: str, lot: str | None = None) -> tuple:
    """English alphabetical order; with a lot letter, names from that
    letter on come first and the alphabet wraps around (UN practice)."""
    folded = name.casefold()
    if lot is None:
        return (0, folded)
    return (0 if folded[:1].upper() >= lot else 1, folded)


def _date_key(value: date | None) -> tuple:
    return (1, date.max) if value is None else (0, value)


def make_precedence_key(
    tiebreak: str,
    precedence_of: Callable[[str], int],
    delegation_name_of: Callable[[str], str],
    head_since_of: Callable[[str], date | None],
    confirmed_on_of: Callable[[str], date | None],
) -> Callable[[str], tuple]:
    """A sort key over person ids: highest precedence (rank 1) first, then
    the tie-break (alphabetical by delegation English name, ``lot:X``,
    ``seniority`` = earlier ``head_since`` first, ``registration`` = earlier
    ``confirmed_on`` first), then alphabetical, then the id."""
    kind, lot = parse_tiebreak(tiebreak)

    def key(pid: str) -> tuple:
        name = delegation_name_of(pid)
        alpha = alphabetical_key(name, lot if kind == "lot" else None)
        if kind == "seniority":
            tie: tuple = _date_key(head_since_of(pid))
        elif kind == "registration":
            tie = _date_key(confirmed_on_of(pid))
        else:
            tie = ()
        return (precedence_of(pid), *tie, alpha, pid)

    return key
