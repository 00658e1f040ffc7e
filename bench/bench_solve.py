"""Benchmark: solve a scenario (the bundled sample by default) at several
time limits and report what a protocol officer and an engineer care about.

Each run happens in a fresh subprocess so that peak memory (max RSS) is
that run's own. Usage::

    python bench/bench_solve.py [SCENARIO.xlsx] --limits 10 60 --workers 2

Prints one Markdown table row per run.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(
    scenario: str | None,
    limit: float,
    workers: int,
    seed: int,
    decompose: str = "auto",
) -> dict:
    sys.path.insert(0, str(ROOT))
    from inputs import load_scenario
    from inputs.sample import sample_path
    from models.checker import check
    from scheduler import SolveParams
    from scheduler.pipeline import use_days
    from scheduler.search.decompose import solve_by_day
    from scheduler.search.solve import solve

    t0 = time.monotonic()
    s = load_scenario(scenario or sample_path())
    load_s = time.monotonic() - t0
    params = SolveParams(time_limit=limit, workers=workers, seed=seed)
    by_day = use_days(s, decompose)
    if by_day:
        r, _days = solve_by_day(s, params)
    else:
        r = solve(s, params, live=False)
    out = {
        "method": "day by day" if by_day else "single model",
        "limit": limit,
        "workers": workers,
        "status": r.status,
        "load_s": round(load_s, 2),
        "solve_s": round(r.seconds, 2),
    }
    total = sum(it.value for it in s.items if not it.mandatory)
    if r.schedule is not None:
        info = r.schedule.info
        out.update(
            objective=info.objective,
            bound=info.best_bound,
            gap=info.gap,
            first_s=r.first_solution_s,
            solutions=info.solutions,
            violations=len(check(s, r.schedule)),
            mandatory_placed=all(
                it.item_id in r.schedule.by_item()
                for it in s.items
                if it.mandatory
            ),
            placed_share=1 - info.penalties["unplaced_value"] / total
            if total
            else 1.0,
            items=len(r.schedule.assignments),
            left_out=len(r.schedule.unscheduled),
        )
    out["max_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("--limits", type=float, nargs="+", default=[10, 60])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--decompose", choices=["auto", "day", "off"], default="auto"
    )
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(
            json.dumps(
                one_run(
                    args.scenario,
                    args.limits[0],
                    args.workers,
                    args.seed,
                    args.decompose,
                )
            )
        )
        return
    print(
        f"machine: {platform.machine()}, {platform.processor() or '?'}, "
        f"python {platform.python_version()}"
    )
    print(
        "| limit s | status | first feasible s | objective | bound | gap "
        "| weighted optional placed | mandatory placed | checker "
        "violations | solve s | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for limit in args.limits:
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--limits",
            str(limit),
            "--workers",
            str(args.workers),
            "--seed",
            str(args.seed),
            "--decompose",
            args.decompose,
        ]
        if args.scenario:
            cmd.insert(2, args.scenario)
        res = json.loads(
            subprocess.run(
                cmd, check=True, capture_output=True, text=True
            ).stdout.splitlines()[-1]
        )
        gap = res.get("gap")
        share = res.get("placed_share")

        def num(key, res=res):
            v = res.get(key)
            return "-" if v is None else f"{v:,}"

        print(
            f"| {limit:g} | {res['status']} | {res.get('first_s')} | "
            f"{num('objective')} | {num('bound')} | "
            f"{'-' if gap is None else f'{100 * gap:.3f}%'} | "
            f"{'-' if share is None else f'{100 * share:.1f}%'} | "
            f"{res.get('mandatory_placed')} | {res.get('violations')} | "
            f"{res['solve_s']} | {res['max_rss_mb']} |"
        )


if __name__ == "__main__":
    main()
