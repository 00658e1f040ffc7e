"""``scheduler solve`` and ``scheduler explain``: parse, call
:mod:`scheduler.pipeline`, print."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from models import Scenario
from models.objective import WEIGHTS, placement_proven
from models.records.schedule import DAY_BY_DAY, GREEDY_START, Schedule

from .. import interrupts, pipeline
from ..launch import launched
from ..search.params import SolveParams, default_workers
from .common import (
    SEED,
    WORKERS,
    ExitCode,
    FiniteFloat,
    audience_option,
    fail,
    ics_option,
    output_option,
    reports_errors,
    time_limit_option,
)


@click.command()
@click.argument(
    "scenario", required=False, type=click.Path(dir_okay=False, path_type=Path)
)
@output_option(
    default=Path("schedule.xlsx"), help="Schedule workbook to write."
)
@time_limit_option(
    "Seconds for the whole run, from the program's start to the written "
    "workbook (reading, search, insertion and left-out diagnosis "
    "included)."
)
@click.option(
    "--workers",
    type=WORKERS,
    default=default_workers,
    show_default="cores, at most 8",
    help="Parallel search workers.",
)
@click.option(
    "--seed",
    type=SEED,
    default=0,
    show_default=True,
    help="Random seed (with --workers 1 a run repeats exactly; the "
    "Summary's reproducible row says so).",
)
@click.option(
    "--gap",
    type=FiniteFloat(0, 1, max_open=True),
    default=0.0,
    show_default=True,
    help="Stop when the relative gap to the best bound is this "
    "small (0.01 = 1%).",
)
@click.option(
    "--diagnose-seconds",
    type=FiniteFloat(min=0, max=3600),
    default=None,
    help="Time to ask the solver why each left-out item is out (0: "
    "cheap reasons only; default: 10 s for the items no cheap check "
    "explains, on scenarios under 1,000 items); taken from --time-limit, "
    "at most 15% of it.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A published schedule workbook: keep it as still as "
    "possible (a what-if run); its locked rows never move.",
)
@click.option(
    "--freeze-before",
    "freeze",
    metavar="'YYYY-MM-DD HH:MM'",
    help="With --baseline: nothing that starts before this "
    "moves, and nothing new starts before it.",
)
@click.option(
    "--decompose",
    type=click.Choice(pipeline.DECOMPOSE),
    default="auto",
    show_default=True,
    help="day: solve one event day at a time (long events; no proven "
    "bound); off: one model; auto: by day for 3+ days and 1,000+ items.",
)
@click.option(
    "--warm-start/--no-warm-start",
    default=True,
    show_default=True,
    help="Start the search from a greedy schedule (most valuable "
    "requests first); it stands if the search finds nothing better.",
)
@click.option(
    "--log",
    is_flag=True,
    help="Show CP-SAT's own search log on stderr.",
)
@audience_option
@ics_option
@reports_errors
def solve(
    scenario: Path | None,
    output: Path,
    time_limit: float,
    workers: int,
    seed: int,
    gap: float,
    diagnose_seconds: float | None,
    baseline: Path | None,
    freeze: str | None,
    decompose: str,
    warm_start: bool,
    log: bool,
    audience: str,
    ics: Path | None,
) -> None:
    """Schedule SCENARIO (the bundled Hanoi 2025 sample if omitted) and
    write the schedule workbook.

    \b
    Example:
        scheduler solve my_summit.xlsx -o schedule.xlsx --time-limit 60
    """
    # --time-limit counts the whole command: from the program's start,
    # its imports included (half a second, a tenth of a 5 s limit)
    started = launched()
    pipeline.guard_outputs(output, ics, (scenario, baseline))
    s = pipeline.load_scenario(scenario)
    base = pipeline.load_baseline(s, baseline, freeze)
    params = SolveParams(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        gap=gap,
        warm_start=warm_start,
        log=log,
    )
    run = pipeline.solve(
        s,
        params,
        baseline=base,
        decompose=decompose,
        diagnose_seconds=diagnose_seconds,
        progress=sys.stderr,
        on_day=lambda r: click.echo(f"  {r.line()}", err=True),
        started=started,
    )
    if run.result.interrupted:
        click.echo(
            f"Interrupted after {run.result.seconds:.1f} s: writing the "
            "best schedule found so far.",
            err=True,
        )
    calendars = pipeline.write_outputs(
        s, run.schedule, output, run.changes, audience, ics
    )
    _report(s, run)
    if ics is not None:
        click.echo(f"Wrote {len(calendars)} calendar(s) into {ics}")
    copy = "" if audience == "full" else f" ({audience} copy)"
    click.echo(f"Checked: every hard rule holds. Wrote {output}{copy}")


def _report(s: Scenario, run: pipeline.SolveRun) -> None:
    """What a solve found, in a few lines."""
    sched: Schedule = run.schedule
    info = sched.info
    if info.best_bound is None:
        proof = (
            "no bound (solved day by day, with no time left for the "
            "whole event's bound: a longer --time-limit gives one)"
            if info.method == DAY_BY_DAY
            else "no bound: the greedy start stands, the search found "
            "nothing in its time"
            if info.method == GREEDY_START
            else "no bound proven in the time given"
        )
    else:
        proof = (
            f"best bound {info.best_bound:,.0f}, gap "
            f"{100 * (info.gap or 0):.2f}%"
        )
        if (info.gap or 0) > 0 and placement_proven(s, sched):
            proof += (
                " (only in the soft preferences: no schedule places more "
                "of the requests' value)"
            )
        if info.method == GREEDY_START:
            proof += "; the greedy start stands, the search found nothing"
    click.echo(
        f"{run.result.status}: objective {info.objective:,.0f}, {proof}, "
        f"{info.solve_seconds:.1f} s"
    )
    click.echo(
        f"Scheduled {len(sched.assignments)} items; left out "
        f"{len(sched.unscheduled)} (see the Unscheduled sheet)."
    )
    pens = ", ".join(f"{k} {info.penalties.get(k, 0)}" for k in WEIGHTS)
    click.echo(f"Soft penalties: {pens}")
    if run.changes is not None:
        from outputs.changes_sheet import change_lines

        click.echo(
            f"Changes against the baseline: {len(run.changes)} (see the "
            "Changes sheet)"
        )
        for line in change_lines(run.changes)[:30]:
            click.echo(f"  {line}")


@click.command()
@click.argument(
    "scenario", required=False, type=click.Path(dir_okay=False, path_type=Path)
)
@time_limit_option("Seconds for the diagnosis.")
@reports_errors
def explain(scenario: Path | None, time_limit: float) -> None:
    """Say why SCENARIO cannot be scheduled: the mandatory items and the
    rules that conflict. Exit 3 if it cannot, 0 if it can.

    \b
    Example:
        scheduler explain my_summit.xlsx
    """
    s = pipeline.load_scenario(scenario)
    exp = pipeline.explain(s, time_limit=time_limit)
    if exp.status == "INFEASIBLE" or exp.structural:
        click.echo("\n".join(pipeline.infeasible_lines(s, exp)))
        sys.exit(ExitCode.INFEASIBLE)
    if exp.status in ("OPTIMAL", "FEASIBLE"):
        click.echo(
            "The scenario can be scheduled: every mandatory item fits "
            "under the hard rules."
        )
        for line in exp.cheap:
            click.echo(f"  note: {line}")
        return
    if interrupts.stopped():  # Ctrl-C or SIGTERM, not the time limit
        fail("Interrupted before a verdict.", ExitCode.NO_SCHEDULE)
    click.echo(
        f"No verdict within {time_limit:g} s ({exp.status}); try a "
        "longer --time-limit."
    )
    sys.exit(ExitCode.NO_SCHEDULE)
