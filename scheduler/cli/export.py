"""Writing what leaves the building: the workbook for an audience and
the calendars; ``scheduler export`` makes them from a schedule workbook
(a published or hand-edited one) without solving again."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from models.audience import AUDIENCES
from models.checker import check as check_schedule

EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2

audience_option = click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    default="full",
    show_default=True,
    help="public: leave out bilaterals, arrivals and restricted events "
    "(the press copy).",
)
ics_option = click.option(
    "--ics",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write one .ics calendar per delegation and per principal "
    "into this folder.",
)


def _fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def outputs_or_exit(output: Path, ics: Path | None, inputs=()) -> None:
    """Refuse, before any work, outputs that cannot be written or that
    would overwrite an input file."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        _fail(
            f"Folder {folder} does not exist; nothing was written.",
            EXIT_BAD_INPUT,
        )
    if output.exists() and output.is_dir():
        _fail(f"{output} is a folder; give a file name.", EXIT_BAD_INPUT)
    for path in inputs:
        if path is not None and _same_file(path, output):
            _fail(
                f"{output} is an input of this run; write the output to "
                "another file (inputs are never modified).",
                EXIT_BAD_INPUT,
            )
    if ics is not None and ics.exists() and not ics.is_dir():
        _fail(f"--ics {ics} is a file; give a folder.", EXIT_BAD_INPUT)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def write_outputs(s, schedule, output, changes, audience, ics) -> None:
    """Write the workbook (and calendars) or exit 2 saying what failed;
    a file already at ``output`` is left untouched on failure."""
    from outputs.calendars import write_calendars
    from outputs.xlsx_writer import write_schedule_workbook

    try:
        write_schedule_workbook(s, schedule, output, changes, audience)
    except OSError as exc:
        _fail(
            f"Could not write {output}: {exc.strerror or exc}. Any "
            "earlier file there is untouched.",
            EXIT_BAD_INPUT,
        )
    if ics is None:
        return
    try:
        paths = write_calendars(s, schedule, ics, audience)
    except OSError as exc:
        _fail(
            f"Could not write the calendars into {ics}: "
            f"{exc.strerror or exc}.",
            EXIT_BAD_INPUT,
        )
    click.echo(f"Wrote {len(paths)} calendar(s) into {ics}")


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("schedule", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Workbook to write.",
)
@audience_option
@ics_option
def export(scenario, schedule, output, audience, ics):
    """Write the workbook of SCHEDULE for an audience, and calendars,
    without solving again (e.g. the press copy of the published
    schedule). Exit 1 if the schedule breaks a hard rule (still written).

    \b
    Example:
        scheduler export my_summit.xlsx schedule.xlsx -o press.xlsx \\
            --audience public --ics calendars/
    """
    from inputs.schedule_reader import read_schedule

    from .solve import load_scenario_or_exit

    outputs_or_exit(output, ics, (scenario, schedule))
    s = load_scenario_or_exit(scenario)
    read = read_schedule(schedule, scenario=s)
    if read.problems or read.schedule is None:
        lines = [f"{schedule}: cannot read the schedule:"]
        lines += [f"  - {p}" for p in read.problems]
        _fail("\n".join(lines), EXIT_BAD_INPUT)
    violations = check_schedule(s, read.schedule)
    write_outputs(s, read.schedule, output, None, audience, ics)
    click.echo(f"Wrote {output} ({audience} copy)")
    if violations:
        click.echo(
            f"Warning: the schedule breaks {len(violations)} hard "
            f"rule(s); run `scheduler check {scenario} {schedule}`.",
            err=True,
        )
        sys.exit(EXIT_VIOLATIONS)
