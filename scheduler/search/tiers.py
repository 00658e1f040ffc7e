"""Holding the placement tier once a schedule places every request.

The objective is lexicographic (:mod:`models.objective`): the placement
weight is larger than every soft penalty together, so a schedule that
leaves out any value is worse than every schedule that leaves out none.
Once a schedule in hand places every request, every better schedule
does too, and so does an optimal one; from then on the search is over
the soft preferences alone (rooms that fit, a principal's bilaterals at
one venue, a track's events apart), and saying so in the model turns
each optional item into a mandatory one for CP-SAT's presolve and
linear relaxation.
"""

from __future__ import annotations

from ..model.build import BuiltModel


def every_request_placed(built: BuiltModel, solver) -> bool:
    """Whether the schedule ``solver`` (a ``CpSolver`` with a solution of
    ``built``'s model) holds leaves out no value."""
    unplaced = built.terms["unplaced_value"]
    return isinstance(unplaced, int) or solver.value(unplaced) == 0


def hold_every_request(built: BuiltModel) -> bool:
    """Cut, valid for every schedule better than one that places every
    request: no value is left out. Added once; returns whether it was
    added now.

    Each optional item's value times the placement weight outweighs all
    soft penalties together (:func:`models.objective.tier_weights`), so
    a schedule leaving out any value costs more than any that leaves out
    none: the optimum, and every schedule the search may still keep,
    leaves out none, and a lower bound proven with the cut is one on
    the optimum. Only for a run without a baseline, whose move tier
    is not weighed against the placements here."""
    unplaced = built.terms["unplaced_value"]
    if isinstance(unplaced, int) or built.every_request_cut is not None:
        return False
    built.every_request_cut = built.model.add(unplaced == 0).with_name(
        "every_request_placed"
    )
    return True


def release_every_request(built: BuiltModel) -> None:
    """Take :func:`hold_every_request`'s cut out of ``built``'s model
    again (a model that refuses every schedule with it must say why
    without it)."""
    if built.every_request_cut is not None:
        built.every_request_cut.proto.clear_linear()
        built.every_request_cut = None
