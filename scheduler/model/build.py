"""Assembling the CP-SAT model from a scenario."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from models import Scenario
from models.baseline import Baseline

from .baseline import add_hints, moves
from .constraints import HARD
from .context import BuildContext
from .objective import build_objective
from .variables import ModelVars


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    ctx: BuildContext
    terms: dict
    #: the cut holding every request placed, once a schedule in hand
    #: places them all (:mod:`scheduler.search.tiers`)
    every_request_cut: cp_model.Constraint | None = None


def build_model(
    scenario: Scenario,
    skip: Iterable[str] = (),
    baseline: Baseline | None = None,
    hold: frozenset[str] = frozenset(),
    hint=None,
    deadline: float | None = None,
) -> BuiltModel:
    """The model with every hard rule (but those in ``skip``, for tests and
    diagnosis) and the objective; with a ``baseline``, its pins, move
    costs and hints (a what-if run). ``hold`` pins more baseline items;
    ``hint`` replaces the baseline as the starting point. Past
    ``deadline`` (``time.monotonic()``) it stops with
    :class:`~scheduler.model.context.BuildTooLong`: a run's time limit
    holds even where the model is too large to build in it."""
    skip = set(skip)
    unknown = skip - set(HARD)
    if unknown:
        raise ValueError(f"unknown rule ids: {sorted(unknown)}")
    model = cp_model.CpModel()
    alone = set()
    if baseline is not None:  # keep announced rooms exact, not pooled
        alone = {a.room_id for a in baseline.schedule.assignments}
    # with a rule skipped, reasoning across rules would be unsound
    ctx = BuildContext(
        model,
        scenario,
        ModelVars(model, scenario, alone, derived=not skip),
        derived=not skip,
        baseline=baseline,
        hold=hold,
        deadline=deadline,
    )
    for rule_id, fn in HARD.items():
        if rule_id not in skip:
            fn(ctx)
            ctx.on_time()
    move_expr = None
    if baseline is not None:
        move_expr = moves(ctx, baseline)
        add_hints(ctx, hint or baseline.schedule)
    elif hint is not None:
        add_hints(ctx, hint)
    terms = build_objective(ctx, move_expr, baseline)
    return BuiltModel(model, ctx, terms)
