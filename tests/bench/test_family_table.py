"""The family benchmark's table: a greedy schedule that breaks a rule is
not one the engine is measured against, and an event with no schedule is
not in the median or the worst."""

from __future__ import annotations

from bench.bench_family import margin, summary_rows, table_row
from bench.family import DRAWN, draw


def _row(name="x", status="FEASIBLE", share=0.80, gap=0.05, **kw) -> dict:
    r = dict(
        name=name,
        items=10,
        days=2,
        status=status,
        gap=gap,
        share=share,
        greedy_share=0.85,
        fcfs_share=0.70,
        greedy_violations=0,
        fcfs_violations=0,
        first_s=0.1,
        wall_s=1.0,
        rss_mb=100,
        violations=0,
    )
    r.update(kw)
    return r


def test_a_greedy_schedule_that_leaves_a_mandatory_item_out_is_not_beaten():
    assert round(margin(_row()), 2) == -0.05
    broken = _row(greedy_violations=2)
    assert round(margin(broken), 2) == 0.10  # against first come only
    assert "85.0% (2 broken)" in table_row(broken)
    assert margin(_row(greedy_violations=1, fcfs_violations=1)) is None


def test_an_event_with_no_schedule_is_left_out_of_median_and_worst():
    rows = [
        _row("a", gap=0.02),
        _row("b", gap=0.04),
        _row("c", status="INFEASIBLE", share=None, gap=None),
    ]
    worst = summary_rows(rows)[1]
    assert "| 4.00% |" in worst and "100.00%" not in worst


def test_the_drawn_set_is_the_sweep_s_draws():
    args, shape, _ = draw(300)
    assert DRAWN["drawn-300"] == {**args, "shape": shape}


def test_a_summary_with_no_greedy_to_measure_against_still_prints():
    """An event whose greedies both break a rule, run alone (drawn-760
    at seed 1 crashed the summary: a median of nothing)."""
    rows = [_row(greedy_violations=2, fcfs_violations=2)]
    median, worst = summary_rows(rows)
    assert "| - |" in median and "| - |" in worst
