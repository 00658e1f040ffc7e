"""The time grid (models/records/time_grid.py): seconds since midnight of
the first day, and the day spans nothing may leave."""

from __future__ import annotations

from datetime import date, datetime, time

from models import TimeGrid

D1, D2 = date(2025, 10, 25), date(2025, 10, 26)
GRID = TimeGrid((D1, D2), time(8, 0), time(18, 30))


def test_round_trip_and_origin():
    assert GRID.origin == datetime(2025, 10, 25)
    moment = datetime(2025, 10, 26, 9, 15, 30)
    index = GRID.to_index(moment)
    assert index == 86400 + 9 * 3600 + 15 * 60 + 30
    assert GRID.to_datetime(index) == moment


def test_before_the_origin_is_negative():
    assert GRID.to_index(datetime(2025, 10, 24, 23, 0)) == -3600


def test_day_spans_and_horizon():
    assert GRID.day_spans == (
        (8 * 3600, 18 * 3600 + 1800),
        (86400 + 8 * 3600, 86400 + 18 * 3600 + 1800),
    )
    assert GRID.horizon == 86400 + 18 * 3600 + 1800


def test_day_of_includes_both_ends_and_nothing_between_days():
    lo, hi = GRID.day_span(D2)
    assert GRID.day_of(lo) == GRID.day_of(hi) == D2
    assert GRID.day_index(hi) == 1
    night = GRID.to_index(datetime(2025, 10, 25, 23, 0))
    assert GRID.day_of(night) is None
    assert GRID.day_index(night) is None


def test_days_need_not_be_consecutive():
    grid = TimeGrid((D1, date(2025, 10, 28)), time(8, 0), time(9, 0))
    assert grid.day_span(date(2025, 10, 28))[0] == 3 * 86400 + 8 * 3600


def test_the_day_spans_are_made_once_and_grids_compare_by_their_days():
    """Asked for every item and day while a model is built, the spans
    were made afresh each time: 10 s of a 63-day event's 20 s run."""
    assert GRID.day_spans is GRID.day_spans
    again = TimeGrid((D1, D2), time(8, 0), time(18, 30))
    assert again == GRID and hash(again) == hash(GRID)
    assert again.day_spans == GRID.day_spans
