"""Exit codes and the typed errors of :mod:`scheduler.pipeline`: one home
for both, so the library raises what the command line turns into an exit
code and a message, and a notebook user catches the same errors."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of every ``scheduler`` command (README, "Exit
    codes")."""

    DONE = 0
    #: ``check``/``export``: the schedule breaks a hard rule
    VIOLATIONS = 1
    #: the input is not a readable scenario or schedule; nothing written
    BAD_INPUT = 2
    #: the mandatory items cannot all be placed
    INFEASIBLE = 3
    #: no schedule found within the time limit (or interrupted before one)
    NO_SCHEDULE = 4


class PipelineError(Exception):
    """A run that cannot give what was asked; ``lines`` say why, in words
    for the person who ran it, and ``exit_code`` is the command's code.
    Nothing was written when one is raised."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, first: str, details: Iterable[str] = ()):
        self.lines = [first, *details]
        super().__init__("\n".join(self.lines))


class BadInput(PipelineError):
    """An input file, option or path is wrong; every problem is listed
    with its place."""

    exit_code = ExitCode.BAD_INPUT


class Infeasible(PipelineError):
    """No schedule exists: the mandatory items cannot all be placed."""

    exit_code = ExitCode.INFEASIBLE


class NoSchedule(PipelineError):
    """No schedule was found within the time limit, or the run was
    interrupted before one."""

    exit_code = ExitCode.NO_SCHEDULE


class EngineFault(PipelineError):
    """The independent checker rejects a schedule the engine made: a bug
    in the engine, reported, never hidden."""

    exit_code = ExitCode.VIOLATIONS
