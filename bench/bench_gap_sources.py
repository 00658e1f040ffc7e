"""Benchmark: where the sample's optimality gap comes from.

Solves the bundled sample as given and with one group of requests
removed or held, and prints the gap of each: the group whose removal
closes the gap is the one the bound cannot settle in time. Usage::

    python bench/bench_gap_sources.py --limit 30 --workers 2

Prints one Markdown table row per variant.
"""

from __future__ import annotations

import argparse
import platform
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _without_party(s, pid: str):
    return replace(
        s,
        bilaterals=tuple(
            b for b in s.bilaterals if pid not in (b.party_a, b.party_b)
        ),
    )


def _without_event(s, event_id: str):
    return replace(
        s, events=tuple(e for e in s.events if e.event_id != event_id)
    )


def _mps_flexible_on_day_one(s):
    """The Minister's requests that may fall on either day start by
    25 Oct 18:00."""
    latest = datetime(2025, 10, 25, 18, 0)

    def held(b):
        flexible = b.earliest is not None and b.earliest < latest
        if "VNM-MPS" in (b.party_a, b.party_b) and flexible:
            return replace(b, latest=latest)
        return b

    return replace(s, bilaterals=tuple(held(b) for b in s.bilaterals))


VARIANTS = {
    "as given": lambda s: s,
    "without VNM-MPS's bilaterals": lambda s: _without_party(s, "VNM-MPS"),
    "without VNM-PM's bilaterals": lambda s: _without_party(s, "VNM-PM"),
    "without UN's bilaterals": lambda s: _without_party(s, "UN"),
    "without HLD1": lambda s: _without_event(s, "HLD1"),
    "VNM-MPS's two-day requests held to 25 Oct": _mps_flexible_on_day_one,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    from inputs.sample.hanoi2025 import build_hanoi_scenario
    from models.checker import check
    from scheduler import SolveParams
    from scheduler.search.solve import solve

    print(
        f"machine: {platform.machine()}, python "
        f"{platform.python_version()}, {a.workers} worker(s), "
        f"seed {a.seed}, limit {a.limit:g} s"
    )
    print("| variant | status | objective | bound | gap | violations |")
    print("|---|---|---|---|---|---|")
    base = build_hanoi_scenario()
    params = SolveParams(time_limit=a.limit, workers=a.workers, seed=a.seed)
    for name, edit in VARIANTS.items():
        s = edit(base)
        r = solve(s, params, live=False)
        gap = "-" if r.gap is None else f"{100 * r.gap:.2f}%"
        bad = "-" if r.schedule is None else len(check(s, r.schedule))
        print(
            f"| {name} | {r.status} | {r.objective:,.0f} | "
            f"{r.best_bound:,.0f} | {gap} | {bad} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
