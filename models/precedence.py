"""Protocol precedence: side, rank, then the list's tie-break.

One order of precedence serves every list (welcome line, order of
signature, speakers list), the master list and the flag line:

1. the **side**: the host side (host delegations, ``co_host``
   delegations, ``co_chair`` people) first, then guests of honour, then
   every other guest;
2. the **rank** (1 = highest);
3. the **tie-break** of the list (or the setting ``precedence_tiebreak``):
   ``alphabetical`` (English name), ``lot:X`` (English alphabetical order
   starting at letter X, wrapping round: UN practice), ``seniority``
   (earlier ``head_since`` first), ``registration`` (earlier
   ``confirmed_on`` first); an unknown date comes after every known one;
4. English alphabetical order of the delegation name, then the id, so
   the order is total.

English alphabetical order ignores case and diacritics (Côte d'Ivoire
falls between Costa Rica and Croatia, Türkiye before Turkmenistan).
A ``reverse_precedence`` list is this order exactly reversed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records.scenario import Scenario

TIEBREAKS = ("alphabetical", "lot", "seniority", "registration")

#: Sides, most senior first (the first component of the key).
HOST_SIDE, GUEST_OF_HONOUR, GUEST = 0, 1, 2
SIDE_LABELS = {
    HOST_SIDE: "host side",
    GUEST_OF_HONOUR: "guest of honour",
    GUEST: "guest",
}

#: Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "þ": "th",
        "Þ": "TH",
        "ħ": "h",
        "Ħ": "H",
    }
)


def fold(name: str) -> str:
    """``name`` as English alphabetical order compares it: without case
    and without diacritics (``"Côte d'Ivoire"`` -> ``"cote d'ivoire"``)."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    bare = "".join(c for c in text if not unicodedata.combining(c))
    return bare.casefold().strip()


def parse_tiebreak(text: str) -> tuple[str, str | None]:
    """``"lot:M"`` to ``("lot", "M")``; raises ``ValueError`` if unknown."""
    text = text.strip()
    if text.lower().startswith("lot:"):
        letter = text[4:].strip().upper()
        if len(letter) != 1 or not ("A" <= fold(letter).upper() <= "Z"):
            raise ValueError(text)
        return "lot", fold(letter).upper()
    if text.lower() in ("alphabetical", "seniority", "registration"):
        return text.lower(), None
    raise ValueError(text)


def alphabetical_key(name: str, lot: str | None = None) -> tuple[Any, ...]:
    """English alphabetical order (case and diacritics ignored); with a
    lot letter, names from that letter on come first and the alphabet
    wraps around (UN practice)."""
    folded = fold(name)
    if lot is None:
        return (0, folded)
    return (0 if folded[:1].upper() >= lot else 1, folded)


def _date_key(value: date | None) -> tuple[Any, ...]:
    return (1, date.max) if value is None else (0, value)


def make_precedence_key(
    tiebreak: str,
    precedence_of: Callable[[str], int],
    delegation_name_of: Callable[[str], str],
    head_since_of: Callable[[str], date | None],
    confirmed_on_of: Callable[[str], date | None],
    side_of: Callable[[str], int] = lambda pid: GUEST,
) -> Callable[[str], tuple[Any, ...]]:
    """A sort key over person ids, most senior first: ``(side, rank,
    tie-break, alphabetical, id)`` (see the module docstring). Its parts
    are read back by :func:`deciding`."""
    kind, lot = parse_tiebreak(tiebreak)

    def key(pid: str) -> tuple[Any, ...]:
        name = delegation_name_of(pid)
        alpha = alphabetical_key(name, lot if kind == "lot" else None)
        if kind == "seniority":
            tie: tuple[Any, ...] = _date_key(head_since_of(pid))
        elif kind == "registration":
            tie = _date_key(confirmed_on_of(pid))
        else:
            tie = ()
        return (side_of(pid), precedence_of(pid), tie, alpha, pid)

    return key


def deciding(
    tiebreak: str, before: tuple[Any, ...], after: tuple[Any, ...]
) -> str:
    """What puts the key ``before`` ahead of ``after`` (two keys of
    :func:`make_precedence_key` with ``tiebreak``), in words: ``side``,
    ``rank``, ``seniority``, ``registration``, ``alphabetical from lot
    letter M``, ``alphabetical`` or ``id``."""
    kind, lot = parse_tiebreak(tiebreak)
    if before[0] != after[0]:
        return "side"
    if before[1] != after[1]:
        return "rank"
    if before[2] != after[2]:
        return kind  # seniority or registration: the dates differ
    if before[3] != after[3]:
        if kind == "lot":
            return f"alphabetical from lot letter {lot}"
        return "alphabetical"
    return "id"


def senior_first(scenario: Scenario, pids: Iterable[str]) -> list[str]:
    """``pids`` most senior first in the order of precedence (host side,
    guests of honour, rank, the setting's tie-break): the order in which
    a title or an agenda names the parties of a meeting."""
    return sorted(pids, key=scenario.precedence_key)
