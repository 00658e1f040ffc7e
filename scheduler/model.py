"""Assembling the CP-SAT model from a scenario."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from models import Scenario

from .constraints import HARD
from .context import BuildContext
from .objective import build_objective
from .variables import ModelVars


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    ctx: BuildContext
    terms: dict


def build_model(scenario: Scenario, skip: Iterable[str] = ()) -> BuiltModel:
    """The model with every hard rule (but those in ``skip``, for tests and
    diagnosis) and the objective."""
    skip = set(skip)
    unknown = skip - set(HARD)
    if unknown:
        raise ValueError(f"unknown rule ids: {sorted(unknown)}")
    model = cp_model.CpModel()
    ctx = BuildContext(model, scenario, ModelVars(model, scenario))
    for rule_id, fn in HARD.items():
        if rule_id not in skip:
            fn(ctx)
    terms = build_objective(ctx)
    return BuiltModel(model, ctx, terms)
