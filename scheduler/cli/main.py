"""The ``scheduler`` command."""

from __future__ import annotations

import click

from .scenario import sample, template, validate
from .schedules import check, diff, export
from .solve import explain, solve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summit-scheduler")
def cli() -> None:
    """Schedule a summit: rooms and times for every ceremony, side event,
    bilateral meeting, arrival and protocol queue, honouring precedence,
    security windows and room capacity.

    Exit codes: 0 done; 1 the checked schedule breaks a hard rule; 2 bad
    input (nothing written); 3 no schedule exists; 4 no schedule found
    within the time limit.
    """


for command in (
    validate,
    template,
    sample,
    solve,
    check,
    explain,
    diff,
    export,
):
    cli.add_command(command)
