"""How a problem in an input names what it found."""

from models.records.problems import MAX_SHOWN, Problem


def test_a_huge_value_is_cut_and_says_how_long_it_was():
    p = Problem("Bad title", "Events", 7, "title", "x" * 30_000, "text")
    text = str(p)
    assert text.startswith("sheet Events, row 7, column title: Bad title")
    assert "(30,002 characters)" in text
    assert len(text) < 200 + MAX_SHOWN


def test_a_short_value_is_shown_whole():
    p = Problem(
        "Bad duration", "Events", 3, "duration_minutes", "abc", "a number"
    )
    assert str(p) == (
        "sheet Events, row 3, column duration_minutes: Bad duration "
        "(found 'abc'; expected a number)"
    )
