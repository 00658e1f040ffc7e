"""Sweep: the program on generated events of random size and shape.

Where ``bench_family.py`` measures the search on fixed scenarios, this
runs the whole command, as a user does, on events nobody has looked at:
each is drawn from its own seed (sizes, and every knob of
:class:`bench.generate.Shape`), written as a scenario workbook, solved
by ``scheduler solve`` with a random ``--time-limit`` of 5, 10 or 20 s,
and then re-run as a what-if against its own schedule (``--baseline``).
One Markdown row per run: the exit code (0 a checked schedule, 3 no
schedule, with the reason), the wall time against the limit, and the
program's own status line. Usage::

    python bench/bench_sweep.py --first 0 --count 24
    python bench/bench_sweep.py --first 100 --count 8 --workers 1
    python bench/bench_sweep.py --count 12 --solve-option=--decompose=day

A what-if row also says what ``scheduler diff`` finds between the
schedule and the what-if's, and the value each leaves out (nothing
changed in the scenario, so an item may move, or be dropped, only to
let more value in: the objective's tiers, :mod:`models.objective`).

A row with an exit code other than 0 or 3, a wall time more than 10%
over its limit, a missing "every hard rule holds" on a written schedule,
or a what-if run that moves or drops items while letting no more value
in, is a finding.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.family import draw  # noqa: E402
from bench.generate import generate  # noqa: E402
from inputs.scenario_writer import write_scenario  # noqa: E402

#: Exit codes of a run that went as it should (README: 0 written, 3 no
#: schedule exists, with the reason).
EXPECTED = (0, 3)


def run(cmd: list[str]) -> tuple[int, float, str]:
    """Exit code, wall seconds and the status line of one command."""
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - t0
    lines = (p.stdout + p.stderr).splitlines()
    said = [
        ln
        for ln in lines
        if ln.startswith(("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN"))
        or "Traceback" in ln
        or "Error" in ln
    ]
    checked = any("every hard rule holds" in ln for ln in lines)
    text = (said[0] if said else (lines[-1] if lines else "")).strip()
    if p.returncode == 0 and not checked:
        text += " (NOT CHECKED)"
    return p.returncode, wall, text.replace("|", "/")[:120]


def changes(old: Path, new: Path) -> dict[str, int]:
    """How many items ``scheduler diff`` finds added, moved and dropped
    from ``old`` to ``new``."""
    p = subprocess.run(
        [sys.executable, "-m", "scheduler", "diff", str(old), str(new)],
        capture_output=True,
        text=True,
    )
    kinds = [ln.split()[0] for ln in p.stdout.splitlines() if ln[:2] == "  "]
    return {k: kinds.count(k) for k in ("added", "moved", "dropped")}


def left_out(scenario, path: Path) -> int:
    """The value of the optional requests a schedule workbook leaves out."""
    from models.objective import penalties
    from scheduler.pipeline import load_schedule

    schedule = load_schedule(path, scenario).schedule
    return penalties(scenario, schedule)["unplaced_value"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--count", type=int, default=24)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--solve-option",
        action="append",
        default=[],
        help="one more option for the solve (not the what-if), e.g. "
        "--solve-option=--decompose=day; may be given again",
    )
    a = ap.parse_args()
    exe = [sys.executable, "-m", "scheduler", "solve"]
    print(
        "| run | delegations | days | side events | bilaterals | rooms "
        "| limit s | command | exit | wall s | over | said |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    findings = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.first, a.first + a.count):
            args, shape, limit = draw(k)
            scenario = Path(tmp) / f"s{k}.xlsx"
            event = generate(**args, shape=shape)
            write_scenario(event, scenario)
            out = Path(tmp) / f"o{k}.xlsx"
            common = ["--time-limit", str(limit), "--workers", str(a.workers)]
            runs = [
                (
                    "solve",
                    [str(scenario), "-o", str(out), *common, *a.solve_option],
                )
            ]
            for name, extra in runs:
                code, wall, said = run([*exe, *extra])
                over = wall > 1.1 * limit
                bad = over or code not in EXPECTED or "NOT CHECKED" in said
                if name == "what-if" and code == 0:
                    diff = changes(out, Path(extra[2]))
                    before = left_out(event, out)
                    after = left_out(event, Path(extra[2]))
                    # a move or a drop that lets no more value in only costs
                    bad = bad or (
                        (diff["moved"] or diff["dropped"]) and after >= before
                    )
                    said += (
                        " ("
                        + ", ".join(f"{n} {k}" for k, n in diff.items())
                        + f"; value left out {before} -> {after})"
                    )
                findings += bad
                print(
                    f"| {k} | {args['delegations']} | {args['days']} "
                    f"| {args['side_events']} | {args['bilaterals']} "
                    f"| {args['rooms']} | {limit:g} | {name} | {code} "
                    f"| {wall:.1f} | {'OVER' if over else ''} | {said} |",
                    flush=True,
                )
                if name == "solve" and code == 0:
                    runs.append(
                        (
                            "what-if",
                            [
                                str(scenario),
                                "-o",
                                str(Path(tmp) / f"w{k}.xlsx"),
                                "--baseline",
                                str(out),
                                *common,
                            ],
                        )
                    )
    print(f"\nfindings: {findings}")


if __name__ == "__main__":
    main()
