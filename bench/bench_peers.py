"""Benchmark: the engine against peer tools on the same work.

Tools: the engine (CP-SAT), a first-come-first-served greedy (how
protocol offices schedule by hand, ``bench/peers/greedy.py``) and PyCon
UK's conference-scheduler (PuLP + CBC, ``bench/peers/
conference_scheduler.py``). Parts: the full scenario, and sub-scenarios
of side events with and without bilaterals (``bench/peers/
subproblem.py``), which a slot-based tool can express. Every schedule
is judged by the independent checker and scored by
``models.objective.objective_value`` on the same (sub-)scenario.

Each run happens in a fresh subprocess (peak RSS is that run's own,
CBC's process included). Usage::

    python bench/bench_peers.py [SCENARIO.xlsx] --limit 60 --workers 2

Prints one Markdown table row per run, then notes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TOOLS = ("engine", "greedy", "conference-scheduler")
PARTS = ("full", "side events + bilaterals", "side events")


def load_part(scenario: str | None, part: str):
    from bench.peers.subproblem import side_problem
    from inputs import load_scenario
    from inputs.sample import sample_path

    s = load_scenario(scenario or sample_path())
    if part == "full":
        return s
    return side_problem(s, bilaterals=part == "side events + bilaterals")


def _engine(s, a) -> list[dict]:
    from scheduler import SolveParams
    from scheduler.search.solve import solve

    t0 = time.monotonic()
    r = solve(
        s,
        SolveParams(time_limit=a.limit, workers=a.workers, seed=a.seed),
        live=False,
    )
    row = {"wall_s": time.monotonic() - t0, "status": r.status}
    if r.schedule is None:
        return [row]
    gap = r.gap
    row.update(
        schedule=r.schedule,
        first_s=r.first_solution_s,
        note="no bound" if gap is None else f"gap {100 * gap:.2f}%",
    )
    return [row]


def _greedy(s, a) -> list[dict]:
    from bench.peers.greedy import greedy

    g = greedy(s)
    return [
        {
            "wall_s": g.seconds,
            "first_s": g.seconds,
            "status": "HEURISTIC",
            "schedule": g.schedule,
            "note": f"final check removed {g.removed_by_check} placements",
        }
    ]


def _cs(s, a) -> list[dict]:
    try:
        from bench.peers.conference_scheduler import TOOL, solve_cs
    except ImportError as exc:
        return [{"status": "NOT_INSTALLED", "note": repr(exc)}]
    from models.checker import check
    from scheduler.search.construct.prune import prune

    r = solve_cs(s, a.limit, a.workers, a.cs_max_constraints)
    row = {
        "wall_s": r.seconds,
        "status": r.status,
        "note": r.note
        or f"{r.parts} independent parts, {r.constraints:,} constraints",
    }
    if r.schedule is None:
        return [row]
    row.update(schedule=r.schedule, first_s=r.first_s)
    if not [v for v in check(s, r.schedule) if v.rule != "mandatory"]:
        return [row]
    t0 = time.monotonic()
    pruned, removed = prune(s, r.schedule, TOOL)
    return [
        row,
        {
            "tool": f"{TOOL}, pruned to pass the checker",
            "status": r.status,
            "schedule": pruned,
            "wall_s": r.seconds + time.monotonic() - t0,
            "first_s": None,
            "note": f"{removed} placements removed",
        },
    ]


def one_run(a) -> list[dict]:
    from bench.peers.metrics import measure

    s = load_part(a.scenario, a.part)
    if a.tool == "engine":
        rows = _engine(s, a)
    elif a.tool == "greedy":
        rows = _greedy(s, a)
    else:
        rows = _cs(s, a)
    rss = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    out = []
    for row in rows:
        row.setdefault("tool", a.tool)
        row["part"] = a.part
        row["rss_mb"] = round(rss / 1024)
        schedule = row.pop("schedule", None)
        if schedule is not None:
            row.update(measure(s, schedule))
            if row["violations"]:
                row["first_s"] = None  # not a valid schedule
        out.append(row)
    return out


def _fmt(x, spec: str = ".1f", none: str = "-") -> str:
    return none if x is None else format(x, spec)


def table_row(r: dict, engine_obj: float | None) -> str:
    if "objective" not in r:
        return (
            f"| {r['tool']} | {r['part']} | - | {_fmt(r.get('wall_s'))} "
            f"| no schedule: {r['status']} | - | - | - | - | - |"
        )
    if engine_obj is None:
        ratio = "-"
    elif engine_obj == 0:
        ratio = "1.00" if r["objective"] == 0 else "inf"
    else:
        ratio = f"{r['objective'] / engine_obj:.2f}"
    return (
        f"| {r['tool']} | {r['part']} | {_fmt(r.get('first_s'), '.2f')} "
        f"| {_fmt(r['wall_s'])} | {r['items']}/{r['of']} "
        f"| {100 * r['share']:.1f}% | {r['objective']:,} | {ratio} "
        f"| {r['violations']} | {r['rss_mb']} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tools", nargs="+", choices=TOOLS, default=TOOLS)
    ap.add_argument("--parts", nargs="+", choices=PARTS, default=PARTS)
    ap.add_argument(
        "--cs-max-constraints",
        type=int,
        default=1_500_000,
        help="refuse conference-scheduler runs whose model would be "
        "larger (memory)",
    )
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        a.tool, a.part = a.child
        print(json.dumps(one_run(a)))
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"python {platform.python_version()}; limit {a.limit:g} s, "
        f"{a.workers} workers, seed {a.seed}"
    )
    head = (
        "| tool | part | first valid s | wall s | items placed "
        "| weighted optional placed | objective | ratio to engine "
        "| checker violations | peak RSS MB |"
    )
    print(head)
    print("|---" * (head.count("|") - 1) + "|")
    notes = []
    for part in a.parts:
        engine_obj = None
        tools = sorted(a.tools, key=TOOLS.index)
        for tool in tools:
            rows = _child(a, tool, part)
            for r in rows:
                if r["tool"] == "engine" and "objective" in r:
                    engine_obj = r["objective"]
                print(table_row(r, engine_obj), flush=True)
                notes.append(
                    f"- {r['tool']} / {part}: {r['status']}; "
                    f"{r.get('note', '')}"
                    + (
                        f"; {r['mandatory_out']} mandatory left out"
                        if r.get("mandatory_out")
                        else ""
                    )
                )
    print()
    print("\n".join(notes))


def _child(a, tool: str, part: str) -> list[dict]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        tool,
        part,
        "--limit",
        str(a.limit),
        "--workers",
        str(a.workers),
        "--seed",
        str(a.seed),
        "--cs-max-constraints",
        str(a.cs_max_constraints),
    ]
    if a.scenario:
        cmd.insert(2, a.scenario)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        err = (done.stderr.strip().splitlines() or ["?"])[-1]
        return [{"tool": tool, "part": part, "status": "ERROR", "note": err}]
    return json.loads(done.stdout.splitlines()[-1])


if __name__ == "__main__":
    main()
