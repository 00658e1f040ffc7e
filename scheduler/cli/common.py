"""What every command shares: the options declared once, the turning of
the library's typed errors into a message and an exit code, and where the
library's log goes."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from models.audience import AUDIENCES

from .. import interrupts
from ..errors import ExitCode, PipelineError

#: The package's logger: the command line shows its INFO lines on stderr.
LOG = logging.getLogger("scheduler")


def show_log(cpsat: bool = False) -> None:
    """Send the library's log to stderr, one message a line (and CP-SAT's
    own search log with ``cpsat``). Called once per command, so a second
    command in one process (the tests) does not print twice."""
    for h in list(LOG.handlers):
        if getattr(h, "_scheduler_cli", False):
            LOG.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler._scheduler_cli = True  # type: ignore[attr-defined]
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False
    logging.getLogger("scheduler.cpsat").setLevel(
        logging.INFO if cpsat else logging.WARNING
    )


def fail(lines: list[str] | str, code: int) -> None:
    """Print ``lines`` on stderr and exit with ``code``."""
    text = lines if isinstance(lines, str) else "\n".join(lines)
    click.echo(text, err=True)
    sys.exit(int(code))


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``command``; a :class:`scheduler.errors.PipelineError` becomes
    its words on stderr and its exit code. Ctrl-C and SIGTERM
    (:mod:`scheduler.interrupts`) before anything was written end with
    exit 4 and says so, never a traceback; one that came while files
    were written lets them finish, then says so."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        came = interrupts.command_begins()  # while click parsed the line
        interrupts.install()
        show_log(cpsat=bool(kwargs.get("log")))
        try:
            if came:
                raise KeyboardInterrupt
            done = command(*args, **kwargs)
        except PipelineError as exc:
            fail(exc.lines, exc.exit_code)
        except (KeyboardInterrupt, ImportError) as exc:
            # (an import inside the command stopped by the signal fails
            # with ImportError)
            if not interrupts.caused_by_signal(exc):
                raise
            fail(
                "Interrupted; nothing was written (any earlier file is "
                "untouched).",
                ExitCode.NO_SCHEDULE,
            )
        if interrupts.noted():
            click.echo(
                "Interrupted while writing: the files were completed first.",
                err=True,
            )
        return done

    return run


class FiniteFloat(click.FloatRange):
    """A float range that also refuses ``nan`` and infinities (a NaN
    passes every comparison of :class:`click.FloatRange`)."""

    name = "finite number"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        number = super().convert(value, param, ctx)
        if number != number or number in (float("inf"), float("-inf")):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


#: CP-SAT takes 32-bit seeds.
SEED = click.IntRange(0, 2**31 - 1)
#: More workers than this only thrash; CP-SAT's own useful range.
WORKERS = click.IntRange(1, 64)


def output_option(
    required: bool = False,
    default: Path | None = None,
    help: str = "Workbook to write.",
):
    """``-o/--output``: the workbook a command writes."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        required=required,
        default=default,
        show_default=default is not None,
        help=help,
    )


def time_limit_option(help: str):
    """``--time-limit``: seconds, a finite positive number."""
    return click.option(
        "--time-limit",
        type=FiniteFloat(min=0.1, max=7 * 24 * 3600.0),
        default=60.0,
        show_default=True,
        help=help,
    )


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

__all__ = [
    "LOG",
    "SEED",
    "WORKERS",
    "ExitCode",
    "FiniteFloat",
    "audience_option",
    "fail",
    "ics_option",
    "output_option",
    "reports_errors",
    "show_log",
    "time_limit_option",
]
