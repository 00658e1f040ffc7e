"""Half-open interval sets (models/intervals.py), checked on small cases
and against a brute-force model of sets of integer points."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models import intervals as iv

spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=5)


def points(spans) -> set[int]:
    return {t for lo, hi in spans for t in range(lo, hi)}


def test_normalize_sorts_merges_touching_and_drops_empty():
    assert iv.normalize([(5, 7), (0, 2), (2, 3), (4, 4), (6, 9)]) == [
        (0, 3),
        (5, 9),
    ]


def test_subtract_cuts_holes():
    assert iv.subtract([(0, 10)], [(2, 3), (5, 12)]) == [(0, 2), (3, 5)]
    assert iv.subtract([(0, 10)], []) == [(0, 10)]


def test_intersect():
    assert iv.intersect([(0, 5), (8, 12)], [(3, 9)]) == [(3, 5), (8, 9)]
    assert iv.intersect([(0, 5)], [(5, 9)]) == []


def test_contains_and_overlaps_are_half_open():
    assert iv.contains([(0, 10)], 0, 10)
    assert not iv.contains([(0, 5), (5, 10)], 4, 6)
    assert iv.overlaps(0, 5, 4, 9)
    assert not iv.overlaps(0, 5, 5, 9)


def test_starts_inside():
    """A 3-long item fits [0, 10) from 0 to 7 and not in [12, 14)."""
    assert iv.starts_inside([(0, 10), (12, 14)], 3) == [(0, 7)]


@given(spans, spans)
def test_set_operations_match_points(a, b):
    assert points(iv.normalize(a)) == points(a)
    assert points(iv.subtract(a, b)) == points(a) - points(b)
    assert points(iv.intersect(a, b)) == points(a) & points(b)
    n = iv.normalize(a)
    assert all(lo < hi for lo, hi in n)
    assert all(n[k][1] < n[k + 1][0] for k in range(len(n) - 1))


@given(spans, st.integers(1, 8))
def test_starts_inside_matches_points(a, d):
    free = points(a)
    expected = {s for s in range(0, 31) if set(range(s, s + d)) <= free}
    got = {s for lo, hi in iv.starts_inside(a, d) for s in range(lo, hi + 1)}
    assert got == expected
