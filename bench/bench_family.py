"""Benchmark: the engine on the family of generated scenarios.

Every scenario of ``bench/family.py`` is solved the way ``scheduler
solve`` solves it (one model, or day by day where ``auto`` says so), in
a fresh process (so peak memory is that run's own), and set beside two
greedy schedules of the same scenario: the engine's own greedy start
(most valuable first, with the share of the limit the engine gives it)
and first come, first served (the by-hand peer, ``bench/peers``). Each
schedule is judged by the independent checker: a greedy schedule that
breaks a rule (a mandatory item it could not fit, most often) is shown
with the number of rules broken, e.g. "87.0% (2 broken)", and is not one
the engine is measured against ("engine minus best greedy"). Usage::

    python bench/bench_family.py --limit 60 --workers 2
    python bench/bench_family.py --only hubs crowded --limit 20
    python bench/bench_family.py --set held-out
    python bench/bench_family.py --set drawn --only drawn-700 drawn-709

(the drawn set takes any ``drawn-K``: run K of ``bench_sweep.py``, at
the 60 s this script gives it, never seen before if K is new)

Prints one Markdown row per scenario, then the median and the worst of
each column; ``--json FILE`` also keeps the raw figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_run(
    name: str,
    which: str,
    limit: float,
    workers: int,
    seed: int,
    lns: bool = True,
):
    """Solve one scenario of the set; the figures as a dict."""
    from bench.family import build, entry
    from bench.peers.greedy import greedy as fcfs
    from bench.peers.metrics import measure
    from scheduler import SolveParams
    from scheduler.search.decompose import solve_by_day, use_days
    from scheduler.search.solve import WARM_START_SHARE, greedy_start, solve

    found = entry(which, name)
    assert found is not None  # the parent checked the names
    s = build(found)
    out: dict = {
        "name": name,
        "items": len(s.items),
        "days": len(s.settings.days),
    }
    t0 = time.monotonic()
    g = greedy_start(s, WARM_START_SHARE * limit)
    out["greedy_s"] = round(time.monotonic() - t0, 2)
    for key, schedule in (("greedy", g), ("fcfs", fcfs(s).schedule)):
        m = measure(s, schedule)
        out[f"{key}_share"] = m["share"]
        # a greedy schedule that breaks a rule (most often: a mandatory
        # item it could not fit) is no schedule to beat
        out[f"{key}_violations"] = m["violations"]
    params = SolveParams(time_limit=limit, workers=workers, seed=seed, lns=lns)
    t0 = time.monotonic()
    if use_days(s):
        r, _ = solve_by_day(s, params)
        out["method"] = "day by day"
    else:
        r = solve(s, params, live=False)
        out["method"] = "single model"
    out["wall_s"] = round(time.monotonic() - t0, 2)
    out["status"] = r.status
    out["first_s"] = r.first_solution_s
    out["objective"] = r.objective
    out["bound"] = r.best_bound
    out["gap"] = r.gap
    if r.schedule is not None:
        m = measure(s, r.schedule)
        out["share"] = m["share"]
        out["violations"] = m["violations"]
        out["mandatory_out"] = m["mandatory_out"]
        out["method"] = r.schedule.info.method or out["method"]
    out["rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    return out


def _pct(x, digits: int = 1) -> str:
    return "-" if x is None else f"{100 * x:.{digits}f}%"


def _num(x, spec: str = ".1f") -> str:
    return "-" if x is None else format(x, spec)


HEADER = (
    "| scenario | items | days | status | gap | weighted optional placed: "
    "engine | greedy start | first come first served | engine minus best "
    "greedy | first feasible s | wall s | peak RSS MB | checker violations "
    "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def _valid(r: dict, key: str) -> bool:
    return not r.get(f"{key}_violations")


def margin(r: dict) -> float | None:
    """The engine's share minus the best greedy schedule's that breaks no
    rule; None when the engine has no schedule or no greedy one stands."""
    valid = [r[f"{k}_share"] for k in ("greedy", "fcfs") if _valid(r, k)]
    if r.get("share") is None or not valid:
        return None
    return r["share"] - max(valid)


def _greedy(r: dict, key: str) -> str:
    """A greedy schedule's share; one that breaks a rule says so."""
    n = r.get(f"{key}_violations")
    return _pct(r[f"{key}_share"]) + (f" ({n} broken)" if n else "")


def table_row(r: dict) -> str:
    if "error" in r:
        return f"| {r['name']} | CRASH: {r['error'][-120:]} |"
    m = margin(r)
    return (
        f"| {r['name']} | {r['items']} | {r['days']} | {r['status']} | "
        f"{_pct(r['gap'], 2)} | {_pct(r.get('share'))} | "
        f"{_greedy(r, 'greedy')} | {_greedy(r, 'fcfs')} | "
        f"{'-' if m is None else f'{100 * m:+.1f}'} | "
        f"{_num(r['first_s'])} | {_num(r['wall_s'])} | {r['rss_mb']} | "
        f"{r.get('violations', '-')} |"
    )


def summary_rows(rows: list[dict]) -> list[str]:
    """The median and the worst of each column (worst: largest gap, first
    feasible, wall time, memory and violations; smallest shares and
    margin). A run with no gap counts as 100%; an event proven to have
    no schedule (INFEASIBLE: a property of the event, not of the search)
    is left out of both."""
    ok = [r for r in rows if "error" not in r and r["status"] != "INFEASIBLE"]
    if not ok:
        return []

    def col(key, default=None):
        return [r.get(key) if r.get(key) is not None else default for r in ok]

    gaps = col("gap", 1.0)
    shares = col("share", 0.0)
    # no engine schedule counts as -100 points; no greedy one to beat as none
    margins = [
        -1.0 if r.get("share") is None else margin(r)
        for r in ok
        if r.get("share") is None or margin(r) is not None
    ]
    firsts = col("first_s", float("inf"))
    walls = col("wall_s")
    rss = col("rss_mb")
    viol = col("violations", 0)
    med = statistics.median
    lines = []
    for label, f_hi, f_lo in (
        ("**median**", med, med),
        ("**worst**", max, min),
    ):
        lines.append(
            f"| {label} | | | | {_pct(f_hi(gaps), 2)} | "
            f"{_pct(f_lo(shares))} | {_pct(f_lo(col('greedy_share')))} | "
            f"{_pct(f_lo(col('fcfs_share')))} | "
            f"{_margin_cell(margins, f_lo)} | {_num(f_hi(firsts))} | "
            f"{_num(f_hi(walls))} | {f_hi(rss):.0f} | {f_hi(viol):g} |"
        )
    return lines


def _margin_cell(margins: list[float], f) -> str:
    """The margin over the best greedy, or "-" when no greedy schedule
    breaks no rule (an event whose greedies both miss a mandatory item,
    run alone, left the summary with nothing to take a median of)."""
    return f"{100 * f(margins):+.1f}" if margins else "-"


def _child(name: str, a) -> dict:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        name,
        "--set",
        a.set,
        "--limit",
        str(a.limit),
        "--workers",
        str(a.workers),
        "--seed",
        str(a.seed),
    ]
    if not a.lns:
        cmd.append("--no-lns")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip() or "?"}
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    from bench.family import SETS, entry

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=list(SETS), default="family")
    ap.add_argument("--only", nargs="+", help="scenario names")
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="also write the raw figures")
    ap.add_argument(
        "--no-lns",
        dest="lns",
        action="store_false",
        help="no neighbourhood moves (CP-SAT's portfolio all the time)",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(
            json.dumps(
                one_run(a.child, a.set, a.limit, a.workers, a.seed, a.lns)
            )
        )
        return
    names = a.only or list(SETS[a.set])
    unknown = {n for n in names if entry(a.set, n) is None}
    if unknown:
        ap.error(f"not in the {a.set} set: {sorted(unknown)}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, python "
        f"{platform.python_version()}; set {a.set}, limit {a.limit:g} s, "
        f"{a.workers} workers, seed {a.seed}"
        f"{'' if a.lns else ', no neighbourhood moves'}; load before: "
        f"{os.getloadavg()[0]:.2f}"
    )
    print(HEADER)
    rows = []
    for name in names:
        r = _child(name, a)
        rows.append(r)
        print(table_row(r), flush=True)
    for line in summary_rows(rows):
        print(line)
    none = [r["name"] for r in rows if r.get("status") == "INFEASIBLE"]
    if none:
        print(
            f"\nno schedule exists (proven; not in the median and worst): "
            f"{', '.join(none)}"
        )
    print(f"load after: {os.getloadavg()[0]:.2f}")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
