"""How much room text takes on paper (the estimate every label and row
height is sized by; tests/outputs/test_libreoffice.py checks it against
LibreOffice)."""

from __future__ import annotations

from outputs.text_metrics import (
    column_points,
    column_text_width,
    line_height,
    text_height,
    text_width,
    wrap,
)


def test_widths_are_arial_metrics():
    # Arial's digits are 0.556 em, "W" 0.944 em; unknown characters a
    # full em, so an estimate never falls short
    assert abs(text_width("0123456789", 10) - 55.7) < 0.1
    assert abs(text_width("W", 8) - 7.552) < 0.01
    assert text_width("W", 8, bold=True) == text_width("W", 8)
    assert text_width("i", 10, bold=True) > text_width("i", 10)
    assert text_width("漢", 10) == 10


def test_wrap_breaks_between_words_after_hyphens_and_inside_long_words():
    assert wrap("one two three", 1000, 10) == ["one two three"]
    assert wrap("one\ntwo", 1000, 10) == ["one", "two"]
    w = text_width("Secretary-", 10)
    assert wrap("Secretary-General", w + 1, 10) == ["Secretary-", "General"]
    lines = wrap("x" * 40, text_width("x" * 10, 10), 10)
    assert lines == ["x" * 10] * 4
    assert all(text_width(line, 8) <= 60 for line in wrap("a b " * 50, 60, 8))


def test_heights_and_columns():
    assert text_height("a\nb", 100, 10) == 2 * line_height(10) + 3
    # a column's text is narrower than the column, which is wider on
    # paper in LibreOffice than in Excel
    assert column_text_width(16) < column_points(16)
    assert 88 < column_points(16) < 90
