"""``scheduler validate``, ``template`` and ``sample``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import interrupts, pipeline
from .common import ExitCode, fail, reports_errors


def _refuse_overwrite(path: Path, force: bool) -> None:
    """A file the command would replace without ``--force``, a missing
    folder, or a file inside the installed package: exit 2."""
    pipeline.guard_outputs(path)
    if path.exists() and not force:
        fail(
            f"{path} exists; nothing was written (use --force to replace it).",
            ExitCode.BAD_INPUT,
        )


def _write(path: Path, save) -> None:
    """``save(path)``, a Ctrl-C or SIGTERM letting it finish; a file
    system that refuses the file is exit 2, any earlier file untouched."""
    try:
        with interrupts.deferred():
            save(path)
    except OSError as exc:
        fail(
            f"Could not write {path}: {exc.strerror or exc}. Any earlier "
            "file there is untouched.",
            ExitCode.BAD_INPUT,
        )


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@reports_errors
def validate(file: Path) -> None:
    """Read the scenario workbook FILE and list what was read and every
    problem (sheet, row, column). Exit 2 if there is any problem.

    \b
    Example:
        scheduler validate my_summit.xlsx
    """
    from inputs import read_scenario

    try:
        res = read_scenario(file)
    except Exception as exc:  # a bug must not become a traceback
        click.echo(
            f"{file}: could not be read ({type(exc).__name__}: {exc})",
            err=True,
        )
        sys.exit(ExitCode.BAD_INPUT)
    if res.counts:
        click.echo(f"Read {file}:")
        for sheet, n in res.counts.items():
            click.echo(f"  {sheet:<16} {n:>5} rows")
    for note in res.notes:
        click.echo(f"  note: {note}")
    if res.scenario is not None and not res.problems:
        s = res.scenario
        kinds: dict[str, int] = {}
        for it in s.items:
            kinds[it.kind] = kinds.get(it.kind, 0) + 1
        click.echo(
            "Items to schedule: "
            + ", ".join(f"{n} {k}" for k, n in kinds.items())
        )
        click.echo("No problems found.")
        return
    click.echo(f"{len(res.problems)} problem(s):", err=True)
    for p in res.problems:
        click.echo(f"  - {p}", err=True)
    sys.exit(ExitCode.BAD_INPUT)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing file.")
@reports_errors
def template(file: Path, force: bool) -> None:
    """Write a blank scenario workbook to FILE: every sheet and column, a
    comment on each header, drop-downs for kinds, ranks and yes/no.

    \b
    Example:
        scheduler template my_summit.xlsx
    """
    from inputs.scenario_writer import write_template

    _refuse_overwrite(file, force)
    _write(file, write_template)
    click.echo(f"Wrote the blank scenario template {file}")


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing file.")
@reports_errors
def sample(file: Path, force: bool) -> None:
    """Write the bundled Hanoi 2025 sample scenario to FILE, to edit.

    \b
    Example:
        scheduler sample hanoi2025.xlsx
    """
    from inputs.sample import sample_path
    from models.files import atomic_write

    _refuse_overwrite(file, force)
    data = sample_path().read_bytes()

    def save(path: Path) -> None:
        atomic_write(path, lambda tmp: Path(tmp).write_bytes(data))

    _write(file, save)
    click.echo(f"Wrote the Hanoi 2025 sample scenario {file}")
