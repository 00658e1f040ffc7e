"""What a neighbourhood move frees depends on the run's seed and the
schedule only, never on Python's string hashing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Frees a busy person's items, from the greedy start (no solve, so no
#: clock), with room for only four of them, so the move must choose
#: which: prints how many and the sorted item ids.
PERSON_MOVE = """
import random
from scheduler.model.build import build_model
from scheduler.search.construct.greedy import greedy
from scheduler.search.lns import _Items, _neighbourhood
from tests.scheduler.test_bound import SHAPES, _scenario

s = _scenario(SHAPES["heads, hubs"], seed=5)
built = build_model(s, hint=greedy(s, order="rows").schedule)
values = [0] * len(built.model.proto.variables)
hint = built.model.proto.solution_hint
for k, value in zip(hint.vars, hint.values):
    values[k] = value
free = _neighbourhood(
    "person", _Items(built), values, s, random.Random(7), 2
)
print(len(free), sorted(free))
"""


def _person_move(hash_seed: int) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PERSON_MOVE],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_a_person_move_frees_the_same_items_whatever_the_hashing():
    first = _person_move(1)
    assert first.startswith("4 ")  # the move had to choose
    assert _person_move(2) == first
