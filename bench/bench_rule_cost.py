"""Benchmark: what a rule costs the schedule, and what the bound sees of it.

Solves family scenarios as generated and with one rule relaxed (travel
times between venues set to 0; no protocol lists; no VIP sweeps; no room
changeovers; no same-venue buffer), and prints for each
the value the schedule leaves out next to the least value the
relaxation bounds say must be left out (:func:`relaxation_bound`, the
cut the search starts from). A rule whose relaxing lowers the schedule's
figure but not the bound's is one the bound cannot see: the gap it
leaves is the bound's, not the search's. Usage::

    python bench/bench_rule_cost.py --only one-day venues --limit 30

Prints one Markdown table row per scenario and variant.
"""

from __future__ import annotations

import argparse
import platform
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _no_travel(s):
    return replace(s, travel=tuple(replace(t, minutes=0) for t in s.travel))


def _no_lists(s):
    return replace(s, sequences=(), members=())


def _no_sweeps(s):
    return replace(s, settings=replace(s.settings, vip_sweep_minutes=0))


def _no_changeovers(s):
    return replace(
        s,
        settings=replace(s.settings, room_changeover_minutes=0),
        rooms=tuple(replace(r, changeover_minutes=0) for r in s.rooms),
    )


def _no_buffer(s):
    return replace(
        s, settings=replace(s.settings, same_venue_buffer_minutes=0)
    )


VARIANTS = {
    "as generated": lambda s: s,
    "travel 0": _no_travel,
    "no lists": _no_lists,
    "no sweeps": _no_sweeps,
    "no changeovers": _no_changeovers,
    "no buffer": _no_buffer,
}


def main() -> None:
    from bench.family import SETS, build, entry

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=list(SETS), default="family")
    ap.add_argument("--only", nargs="+", help="scenario names")
    ap.add_argument("--limit", type=float, default=30)
    ap.add_argument("--bound-seconds", type=float, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS)
    )
    a = ap.parse_args()
    from models.checker import check
    from models.objective import penalties
    from scheduler import SolveParams
    from scheduler.search.bound import relaxation_bound
    from scheduler.search.solve import solve

    print(
        f"machine: {platform.machine()}, python "
        f"{platform.python_version()}, {a.workers} worker(s), "
        f"seed {a.seed}, limit {a.limit:g} s, bound {a.bound_seconds:g} s"
    )
    print(
        "| scenario | variant | status | value left out: schedule | "
        "relaxation bound | gap | checker violations |"
    )
    print("|---|---|---|---|---|---|---|")
    params = SolveParams(time_limit=a.limit, workers=a.workers, seed=a.seed)
    for name in a.only or list(SETS[a.set]):
        base = build(entry(a.set, name))
        for label in a.variants:
            s = VARIANTS[label](base)
            bound = relaxation_bound(s, a.bound_seconds, seed=a.seed)
            r = solve(s, params, live=False)
            left = (
                "-"
                if r.schedule is None
                else f"{penalties(s, r.schedule)['unplaced_value']:,.0f}"
            )
            lb = "-" if bound.unplaced is None else f"{bound.unplaced:,.0f}"
            gap = "-" if r.gap is None else f"{100 * r.gap:.2f}%"
            bad = "-" if r.schedule is None else len(check(s, r.schedule))
            print(
                f"| {name} | {label} | {r.status} | {left} | {lb} | "
                f"{gap} | {bad} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
