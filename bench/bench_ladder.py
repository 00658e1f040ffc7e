"""Benchmark: the scale ladder, from the sample to a COP-like fortnight.

Each rung is a seeded scenario from ``bench/generate.py`` (the first is
the bundled sample), written as a scenario workbook under ``bench/out``
and solved by ``bench/bench_solve.py`` in a fresh process per time limit
(so peak memory is that run's own). Usage::

    python bench/bench_ladder.py --limits 60 300 --workers 2
    python bench/bench_ladder.py --rungs sample x2 --limits 60

Prints one Markdown table row per rung and limit.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

#: rung -> generator arguments (delegations, days, side events,
#: bilateral requests, rooms); ``None`` is the bundled sample.
RUNGS: dict[str, dict | None] = {
    "sample": None,
    "x2": dict(
        delegations=250, days=2, side_events=146, bilaterals=300, rooms=108
    ),
    "ga-week": dict(
        delegations=193, days=5, side_events=300, bilaterals=1000, rooms=60
    ),
    "cop": dict(
        delegations=200,
        days=12,
        side_events=1000,
        bilaterals=2000,
        rooms=120,
    ),
    # the smoke rung of the unit tests
    "tiny": dict(delegations=8, days=1, side_events=4, bilaterals=6, rooms=10),
}


def scenario_file(rung: str, seed: int = 0, folder: Path = OUT) -> Path | None:
    """The rung's scenario workbook (written if missing); ``None`` for the
    sample (bench_solve.py then loads the bundled one)."""
    args = RUNGS[rung]
    if args is None:
        return None
    from bench.generate import generate
    from inputs.scenario_writer import write_scenario

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"ladder-{rung}-seed{seed}.xlsx"
    if not path.exists():
        write_scenario(generate(**args, seed=seed), path)
    return path


def run_rung(
    rung: str,
    limit: float,
    workers: int,
    seed: int,
    folder: Path = OUT,
    decompose: str = "auto",
) -> dict:
    """One solve of the rung in a fresh process: bench_solve's figures."""
    path = scenario_file(rung, seed, folder)
    cmd = [
        sys.executable,
        str(ROOT / "bench" / "bench_solve.py"),
        "--child",
        "--limits",
        str(limit),
        "--workers",
        str(workers),
        "--seed",
        str(seed),
        "--decompose",
        decompose,
    ]
    if path is not None:
        cmd.insert(2, str(path))
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - t0
    if proc.returncode != 0:
        return {"status": "CRASH", "error": proc.stderr[-500:], "wall": wall}
    res = json.loads(proc.stdout.splitlines()[-1])
    res["wall"] = round(wall, 1)
    return res


def _fmt(value, spec: str = ",") -> str:
    if value is None:
        return "-"
    return format(value, spec)


def row(rung: str, res: dict) -> str:
    gap = res.get("gap")
    share = res.get("placed_share")
    return (
        f"| {rung} | {res.get('method', '-')} | "
        f"{res.get('items', '-')}+{res.get('left_out', '-')} | "
        f"{_fmt(res.get('limit'), 'g')} | {res['status']} | "
        f"{_fmt(res.get('first_s'), '.1f')} | {_fmt(res.get('objective'))} | "
        f"{_fmt(res.get('bound'))} | "
        f"{'-' if gap is None else f'{100 * gap:.1f}%'} | "
        f"{'-' if share is None else f'{100 * share:.1f}%'} | "
        f"{_fmt(res.get('violations'))} | {res.get('wall')} | "
        f"{_fmt(res.get('max_rss_mb'))} |"
    )


HEADER = (
    "| rung | method | placed+left out | limit s | status | "
    "first feasible s | objective | bound | gap | "
    "weighted optional placed | checker violations | wall s | peak RSS MB |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--rungs",
        nargs="+",
        default=["sample", "x2", "ga-week", "cop"],
        choices=list(RUNGS),
    )
    ap.add_argument("--limits", type=float, nargs="+", default=[60, 300])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--decompose",
        nargs="+",
        choices=["auto", "day", "off"],
        default=["auto"],
        help="methods to run on each rung (auto: as `scheduler solve`)",
    )
    a = ap.parse_args()
    print(
        f"machine: {platform.machine()}, python "
        f"{platform.python_version()}, {a.workers} worker(s), seed {a.seed}"
    )
    print(HEADER)
    for rung in a.rungs:
        for mode in a.decompose:
            for limit in a.limits:
                res = run_rung(rung, limit, a.workers, a.seed, OUT, mode)
                print(row(rung, res))
                sys.stdout.flush()


if __name__ == "__main__":
    main()
