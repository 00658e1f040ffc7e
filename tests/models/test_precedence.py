"""Protocol precedence (models/precedence.py): rank first, then the
scenario's tie-break."""

from __future__ import annotations

from datetime import date

import pytest

from models.precedence import (
    alphabetical_key,
    make_precedence_key,
    parse_tiebreak,
)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("alphabetical", ("alphabetical", None)),
        (" Seniority ", ("seniority", None)),
        ("registration", ("registration", None)),
        ("lot:m", ("lot", "M")),
        ("LOT: Q", ("lot", "Q")),
    ],
)
def test_parse_tiebreak(text, parsed):
    assert parse_tiebreak(text) == parsed


@pytest.mark.parametrize("text", ["", "height", "lot:", "lot:AB", "lot:7"])
def test_parse_tiebreak_refuses(text):
    with pytest.raises(ValueError):
        parse_tiebreak(text)


def test_lot_letter_wraps_the_alphabet():
    names = ["Austria", "Malta", "Zambia", "Mexico", "Brazil"]
    ordered = sorted(names, key=lambda n: alphabetical_key(n, "M"))
    assert ordered == ["Malta", "Mexico", "Zambia", "Austria", "Brazil"]
    assert sorted(names, key=alphabetical_key)[0] == "Austria"


#: person -> (rank precedence, delegation name, head since, confirmed on)
PEOPLE = {
    "a": (3, "Chile", date(2020, 1, 1), date(2025, 5, 1)),
    "b": (3, "Austria", date(2022, 1, 1), date(2025, 3, 1)),
    "c": (1, "Zambia", None, None),
    "d": (3, "Brazil", None, date(2025, 1, 1)),
}


def order(tiebreak: str) -> list[str]:
    key = make_precedence_key(
        tiebreak,
        lambda p: PEOPLE[p][0],
        lambda p: PEOPLE[p][1],
        lambda p: PEOPLE[p][2],
        lambda p: PEOPLE[p][3],
    )
    return sorted(PEOPLE, key=key)


def test_rank_comes_before_any_tiebreak():
    for tiebreak in ("alphabetical", "lot:C", "seniority", "registration"):
        assert order(tiebreak)[0] == "c"


def test_tiebreaks():
    assert order("alphabetical") == ["c", "b", "d", "a"]
    assert order("lot:C") == ["c", "a", "b", "d"]
    # longest-serving head first; unknown dates last, then alphabetical
    assert order("seniority") == ["c", "a", "b", "d"]
    # earliest registration first
    assert order("registration") == ["c", "d", "b", "a"]
