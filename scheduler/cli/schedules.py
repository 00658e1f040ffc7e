"""``scheduler check``, ``diff`` and ``export``: commands on schedule
workbooks that exist already (published or hand-edited)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from models.rules import RULE_BY_ID

from .. import pipeline
from .common import (
    ExitCode,
    audience_option,
    ics_option,
    output_option,
    reports_errors,
    show_log,
)


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("schedule", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def check(scenario: Path, schedule: Path) -> None:
    """Check a SCHEDULE workbook (hand-edited or not) against every hard
    rule of SCENARIO, without the solver. Exit 1 if any rule is broken.

    \b
    Example:
        scheduler check my_summit.xlsx schedule.xlsx
    """
    s = pipeline.load_scenario(scenario)
    read = pipeline.load_schedule(schedule, s)
    for note in read.notes:
        click.echo(f"  note: {note}")
    violations = pipeline.check(s, read.schedule)
    n = len(read.schedule.assignments)
    if not violations:
        click.echo(f"{n} items checked: every hard rule holds.")
        return
    click.echo(f"{n} items checked: {len(violations)} violation(s).")
    for v in violations:
        name = RULE_BY_ID[v.rule].name if v.rule in RULE_BY_ID else v.rule
        who = f" [people: {', '.join(v.people)}]" if v.people else ""
        click.echo(f"  - {name} ({v.rule}): {v.message}{who}")
    sys.exit(ExitCode.VIOLATIONS)


@click.command()
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@output_option(help="Also write the Changes sheet here.")
@reports_errors
def diff(old: Path, new: Path, output: Path | None) -> None:
    """Compare two schedule workbooks: what was added, moved (old and new
    time and room), dropped, and who must be told.

    \b
    Example:
        scheduler diff schedule_v1.xlsx schedule_v2.xlsx -o changes.xlsx
    """
    from outputs.changes_sheet import change_lines

    show_log()  # (the warning of two unrelated schedules)
    pipeline.guard_outputs(output, None, (old, new))
    changes = pipeline.diff(old, new)
    click.echo(f"{len(changes)} change(s) from {old} to {new}")
    for line in change_lines(changes):
        click.echo(f"  {line}")
    if output is not None:
        pipeline.write_changes(changes, output)
        click.echo(f"Wrote {output}")


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("schedule", type=click.Path(dir_okay=False, path_type=Path))
@output_option(required=True)
@audience_option
@ics_option
@reports_errors
def export(
    scenario: Path,
    schedule: Path,
    output: Path,
    audience: str,
    ics: Path | None,
) -> None:
    """Write the workbook of SCHEDULE for an audience, and calendars,
    without solving again (e.g. the press copy of the published
    schedule). Exit 1 if the schedule breaks a hard rule (still written).

    \b
    Example:
        scheduler export my_summit.xlsx schedule.xlsx -o press.xlsx \\
            --audience public --ics calendars/
    """
    run = pipeline.export(scenario, schedule, output, audience, ics)
    if ics is not None:
        click.echo(f"Wrote {len(run.calendars)} calendar(s) into {ics}")
    click.echo(f"Wrote {output} ({audience} copy)")
    if run.violations:
        click.echo(
            f"Warning: the schedule breaks {len(run.violations)} hard "
            f"rule(s); run `scheduler check {scenario} {schedule}`.",
            err=True,
        )
        sys.exit(ExitCode.VIOLATIONS)
