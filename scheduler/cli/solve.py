"""``scheduler solve`` and ``scheduler check``."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from models.checker import check as check_schedule
from models.objective import WEIGHTS
from models.records.problems import ScenarioError
from models.records.schedule import DAY_BY_DAY, GREEDY_START
from models.rules import RULE_BY_ID

from ..search.params import SolveParams, default_workers
from .export import (
    audience_option,
    ics_option,
    outputs_or_exit,
    write_outputs,
)

EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_INFEASIBLE = 3
EXIT_NO_SOLUTION = 4


def _fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def load_scenario_or_exit(path: Path | None):
    """The scenario at ``path`` (the bundled sample if ``None``), or exit 2
    listing every problem."""
    from inputs import load_scenario
    from inputs.sample import sample_path

    source = path if path is not None else sample_path()
    try:
        return load_scenario(source)
    except ScenarioError as exc:
        lines = [
            f"{source}: {len(exc.problems)} problem(s); nothing was written:"
        ]
        lines += [f"  - {p}" for p in exc.problems]
        _fail("\n".join(lines), EXIT_BAD_INPUT)


@click.command()
@click.argument(
    "scenario", required=False, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("schedule.xlsx"),
    show_default=True,
    help="Schedule workbook to write.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds the solver may search.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=default_workers,
    show_default="cores, at most 8",
    help="Parallel search workers.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Random seed (with --workers 1 the run is repeatable).",
)
@click.option(
    "--gap",
    type=click.FloatRange(0, 1, max_open=True),
    default=0.0,
    show_default=True,
    help="Stop when the relative gap to the best bound is this "
    "small (0.01 = 1%).",
)
@click.option(
    "--diagnose-seconds",
    type=click.FloatRange(min=0),
    default=None,
    help="Time to ask the solver why each left-out item is out (0: "
    "cheap reasons only; default: 10 s for the items no cheap check "
    "explains, on scenarios under 1,000 items).",
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
    type=click.Choice(["auto", "day", "off"]),
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
@audience_option
@ics_option
def solve(
    scenario,
    output,
    time_limit,
    workers,
    seed,
    gap,
    diagnose_seconds,
    baseline,
    freeze,
    decompose,
    warm_start,
    audience,
    ics,
):
    """Schedule SCENARIO (the bundled Hanoi 2025 sample if omitted) and
    write the schedule workbook.

    \b
    Example:
        scheduler solve my_summit.xlsx -o schedule.xlsx --time-limit 60
    """
    from ..search.solve import solve as run

    outputs_or_exit(output, ics, (scenario, baseline))
    s = load_scenario_or_exit(scenario)
    base = _baseline_or_exit(s, baseline, freeze)
    params = SolveParams(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        gap=gap,
        warm_start=warm_start,
    )
    by_day = _by_day_or_exit(s, decompose, base)
    click.echo(
        f"Solving {s.settings.event_name}: {len(s.items)} items, "
        f"{len(s.rooms)} rooms, {workers} worker(s), "
        f"{time_limit:g} s limit" + (", one day at a time" if by_day else ""),
        err=True,
    )
    try:
        if by_day:
            from ..search.decompose import solve_by_day

            result, _days = solve_by_day(
                s,
                params,
                on_day=lambda r: click.echo(f"  {r.line()}", err=True),
            )
        else:
            result = run(s, params, baseline=base)
    except KeyboardInterrupt:
        _fail(
            "Interrupted before the search began; nothing was written.",
            EXIT_NO_SOLUTION,
        )
    if result.status == "INFEASIBLE":
        _fail(_infeasible_text(s, time_limit), EXIT_INFEASIBLE)
    if result.schedule is None and result.interrupted:
        _fail(
            "Interrupted before every day had a schedule; nothing was "
            "written.",
            EXIT_NO_SOLUTION,
        )
    if result.schedule is None and by_day:
        _fail(
            f"{result.status}: one day found no schedule in its share of "
            f"{time_limit:g} s (see above); nothing was written. Try a "
            "longer --time-limit, or --decompose off.",
            EXIT_NO_SOLUTION,
        )
    if result.schedule is None:
        _fail(
            f"{result.status}: no schedule found within {time_limit:g} "
            "s; nothing was written. Try a longer --time-limit.",
            EXIT_NO_SOLUTION,
        )
    if result.interrupted:
        click.echo(
            f"Interrupted after {result.seconds:.1f} s: writing the "
            "best schedule found so far.",
            err=True,
        )
    violations = check_schedule(s, result.schedule)
    if base is not None:
        from models.checker.baseline import baseline_pins

        violations += baseline_pins(s, result.schedule, base)
    if violations:  # a bug in the engine: say so, never hide it
        lines = [
            "The independent checker rejects the solver's schedule "
            "(please report this):"
        ]
        lines += [f"  - [{v.rule}] {v.message}" for v in violations[:20]]
        _fail("\n".join(lines), EXIT_VIOLATIONS)
    from ..diagnosis.diagnose import diagnose_left_out, diagnosis_plan

    budget, only = diagnosis_plan(s, result.schedule, diagnose_seconds)
    if budget > 0 and result.schedule.unscheduled:
        which = (
            f"{len(only)} left-out item(s) that no cheap check explains"
            if only is not None
            else "every left-out item"
        )
        click.echo(f"Asking the solver about {which} (up to {budget:g} s)")
        result = replace(
            result,
            schedule=diagnose_left_out(
                s, result.schedule, budget=budget, only=only
            ),
        )
    changes = None
    if base is not None:
        from models.changes import diff_schedules

        changes = diff_schedules(
            base.schedule, result.schedule, set(s.item_by_id)
        )
    write_outputs(s, result.schedule, output, changes, audience, ics)
    sched = result.schedule
    info = sched.info
    if info.best_bound is None:
        proof = (
            "no bound (solved day by day: a decomposition proves none)"
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
    click.echo(
        f"{result.status}: objective {info.objective:,.0f}, {proof}, "
        f"{info.solve_seconds:.1f} s"
    )
    click.echo(
        f"Scheduled {len(sched.assignments)} items; left out "
        f"{len(sched.unscheduled)} (see the Unscheduled sheet)."
    )
    pens = ", ".join(f"{k} {info.penalties.get(k, 0)}" for k in WEIGHTS)
    click.echo(f"Soft penalties: {pens}")
    if changes is not None:
        from outputs.changes_sheet import change_lines

        click.echo(
            f"Changes against the baseline: {len(changes)} (see the "
            "Changes sheet)"
        )
        for line in change_lines(changes)[:30]:
            click.echo(f"  {line}")
    copy = "" if audience == "full" else f" ({audience} copy)"
    click.echo(f"Checked: every hard rule holds. Wrote {output}{copy}")


def _by_day_or_exit(s, decompose: str, base) -> bool:
    """Whether to solve day by day (``--decompose``)."""
    from ..search.decompose import use_days

    if decompose == "day" and base is not None:
        _fail(
            "--decompose day does not take --baseline: what-if runs use "
            "one model.",
            EXIT_BAD_INPUT,
        )
    if base is not None or decompose == "off":
        return False
    return decompose == "day" or use_days(s)


def _baseline_or_exit(s, path, freeze):
    """The baseline of a what-if run, or exit 2 with the problems."""
    if path is None:
        if freeze:
            _fail("--freeze-before needs --baseline", EXIT_BAD_INPUT)
        return None
    from datetime import datetime

    from inputs.schedule_reader import read_schedule
    from models.baseline import Baseline

    read = read_schedule(path, scenario=s)
    if read.problems or read.schedule is None:
        lines = [f"{path}: cannot read the baseline schedule:"]
        lines += [f"  - {p}" for p in read.problems]
        _fail("\n".join(lines), EXIT_BAD_INPUT)
    when = None
    if freeze:
        try:
            when = datetime.strptime(freeze.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            _fail(
                f"--freeze-before {freeze!r}: expected a date-time like "
                "'2025-10-25 12:00'",
                EXIT_BAD_INPUT,
            )
    return Baseline(read.schedule, when)


def _infeasible_text(s, time_limit: float) -> str:
    from ..diagnosis.explain import explain as run_explain

    exp = run_explain(s, time_limit=min(60.0, time_limit))
    lines = [
        "INFEASIBLE: the mandatory items cannot all be placed under the "
        "hard rules; no schedule was written."
    ]
    lines += exp.lines(s) or ["(no further explanation was found)"]
    return "\n".join(lines)


@click.command()
@click.argument(
    "scenario", required=False, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds for the diagnosis.",
)
def explain(scenario, time_limit):
    """Say why SCENARIO cannot be scheduled: the mandatory items and the
    rules that conflict. Exit 3 if it cannot, 0 if it can.

    \b
    Example:
        scheduler explain my_summit.xlsx
    """
    from ..diagnosis.explain import explain as run_explain

    s = load_scenario_or_exit(scenario)
    exp = run_explain(s, time_limit=time_limit)
    if exp.status == "INFEASIBLE" or exp.structural:
        click.echo(_infeasible_text(s, time_limit))
        sys.exit(EXIT_INFEASIBLE)
    if exp.status in ("OPTIMAL", "FEASIBLE"):
        click.echo(
            "The scenario can be scheduled: every mandatory item fits "
            "under the hard rules."
        )
        for line in exp.cheap:
            click.echo(f"  note: {line}")
        return
    click.echo(
        f"No verdict within {time_limit:g} s ({exp.status}); try a "
        "longer --time-limit."
    )
    sys.exit(EXIT_NO_SOLUTION)


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("schedule", type=click.Path(dir_okay=False, path_type=Path))
def check(scenario, schedule):
    """Check a SCHEDULE workbook (hand-edited or not) against every hard
    rule of SCENARIO, without the solver. Exit 1 if any rule is broken.

    \b
    Example:
        scheduler check my_summit.xlsx schedule.xlsx
    """
    from inputs.schedule_reader import read_schedule

    s = load_scenario_or_exit(scenario)
    read = read_schedule(schedule, scenario=s)
    if read.problems or read.schedule is None:
        lines = [f"{schedule}: cannot read the schedule:"]
        lines += [f"  - {p}" for p in read.problems]
        _fail("\n".join(lines), EXIT_BAD_INPUT)
    for note in read.notes:
        click.echo(f"  note: {note}")
    violations = check_schedule(s, read.schedule)
    n = len(read.schedule.assignments)
    if not violations:
        click.echo(f"{n} items checked: every hard rule holds.")
        return
    click.echo(f"{n} items checked: {len(violations)} violation(s).")
    for v in violations:
        name = RULE_BY_ID[v.rule].name if v.rule in RULE_BY_ID else v.rule
        who = f" [people: {', '.join(v.people)}]" if v.people else ""
        click.echo(f"  - {name} ({v.rule}): {v.message}{who}")
    sys.exit(EXIT_VIOLATIONS)


@click.command()
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the Changes sheet here.",
)
def diff(old, new, output):
    """Compare two schedule workbooks: what was added, moved (old and new
    time and room), dropped, and who must be told.

    \b
    Example:
        scheduler diff schedule_v1.xlsx schedule_v2.xlsx -o changes.xlsx
    """
    from inputs.schedule_reader import read_schedule
    from models.changes import diff_schedules
    from outputs.changes_sheet import change_lines

    reads = [read_schedule(p) for p in (old, new)]
    for p, r in zip((old, new), reads, strict=True):
        if r.problems or r.schedule is None:
            lines = [f"{p}: cannot read the schedule:"]
            lines += [f"  - {x}" for x in r.problems]
            _fail("\n".join(lines), EXIT_BAD_INPUT)
    changes = diff_schedules(reads[0].schedule, reads[1].schedule)
    click.echo(f"{len(changes)} change(s) from {old} to {new}")
    for line in change_lines(changes):
        click.echo(f"  {line}")
    if output is not None:
        from outputs.xlsx_writer import write_changes_workbook

        write_changes_workbook(changes, output)
        click.echo(f"Wrote {output}")
