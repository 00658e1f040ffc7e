"""The CP-SAT engine (the only package that imports ortools) and the CLI."""

from .params import SolveParams
from .result import Result

__all__ = ["Result", "SolveParams", "solve"]


def solve(scenario, params=None, **kwargs):
    """Solve ``scenario``; see :func:`scheduler.solve.solve`."""
    from .solve import solve as _solve

    return _solve(scenario, params, **kwargs)
