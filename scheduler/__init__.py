"""The CP-SAT engine (the only package that imports ortools) and the CLI.

Four folders, four jobs: :mod:`scheduler.model` builds the CP-SAT model
(variables, one function per hard rule, the objective);
:mod:`scheduler.search` runs it (greedy start, search, insertion, what-if,
day by day); :mod:`scheduler.diagnosis` says why something cannot be
placed; :mod:`scheduler.cli` is the command line. :mod:`scheduler.pipeline`
is the library under the command line.
"""

from .search.params import SolveParams

__all__ = ["Result", "SolveParams", "solve"]


def __getattr__(name: str):
    # ``scheduler.solve`` loads ortools' search code on first use only, so
    # that ``scheduler --help`` stays quick; no submodule is named
    # ``solve`` here, so the name can never be rebound to a module.
    # ``Result`` (and the domain under it) too: the program's entry point
    # (scheduler.entry) takes over Ctrl-C and SIGTERM before that import
    if name == "solve":
        from .search.solve import solve

        return solve
    if name == "Result":
        from .search.result import Result

        return Result
    raise AttributeError(f"module 'scheduler' has no attribute {name!r}")
