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


def _talk(eid, *people, rooms=(), latest="13:00"):
    """A one-hour workshop for ``people`` between 09:00 and ``latest``."""
    from models import Event
    from tests.factory import at

    return Event(
        eid,
        f"Talk {eid}",
        "workshop",
        60,
        50,
        rooms=rooms,
        earliest=at("09:00"),
        latest=at(latest),
        participants=people,
    )


def _greedy_values(s):
    """The items of ``s``'s model and its variables' values at the
    greedy start (the hint), as a move reads them."""
    from scheduler.model.build import build_model
    from scheduler.search.construct.greedy import greedy
    from scheduler.search.lns import _Items

    g = greedy(s).schedule
    built = build_model(s, hint=g)
    values = [0] * len(built.model.proto.variables)
    hint = built.model.proto.solution_hint
    for k, value in zip(hint.vars, hint.values, strict=True):
        values[k] = value
    return g, _Items(built), values


def test_with_nothing_left_out_the_moves_still_free_items():
    """Every request placed: the moves have only the soft preferences
    to improve (a principal's venues, rooms that fit), and each kind
    still frees items. They once freed none, so a 60 s run on a
    generated event with every item placed kept its first schedule's
    43 extra venues for the whole of the moves' time."""
    import random

    from scheduler.search.lns import KINDS, _neighbourhood
    from tests.factory import delegation, room, tiny

    s = tiny(
        delegations=(delegation("D1"), delegation("D2")),
        rooms=(room("R1", capacity=100), room("R2", capacity=100)),
        events=(
            _talk("A", "D1"),
            _talk("B", "D1", "D2"),
            _talk("C", "D2"),
        ),
    )
    g, items, values = _greedy_values(s)
    assert not g.unscheduled  # nothing left out
    for kind in KINDS:
        free = _neighbourhood(kind, items, values, s, random.Random(0), 8)
        assert free, kind


def test_a_pool_move_frees_every_item_only_that_pool_can_hold():
    """A pool whose rooms are all that some requests can use, and too
    few for them: the pool move frees every item that can only use that
    pool, placed or left out, and nothing else (the talk that can only
    use the hall and the one that may use the hall or the pool stay
    where they are)."""
    import random

    from scheduler.search.lns import _neighbourhood
    from tests.factory import delegation, tiny

    s = tiny(
        delegations=tuple(delegation(f"D{k}") for k in range(7)),
        events=(
            *(
                _talk(f"T{k}", f"D{k}", rooms=("R1", "R2"), latest="10:30")
                for k in range(5)
            ),
            _talk("H", "D5", rooms=("HALL",), latest="10:30"),
            _talk("X", "D6", rooms=("R1", "R2", "HALL"), latest="10:30"),
        ),
    )
    g, items, values = _greedy_values(s)
    assert g.unscheduled  # the two rooms cannot hold all five talks
    free = _neighbourhood("pool", items, values, s, random.Random(0), 8)
    assert free == {f"E:T{k}" for k in range(5)}
    # a pool a move proved holds nothing better is not drawn again while
    # the schedule stands: here the only pool with more than one item
    pools = [p for p, only in items.only_in.items() if set(only) == free]
    assert len(pools) == 1
    settled = frozenset(pools)
    assert not _neighbourhood(
        "pool", items, values, s, random.Random(0), 8, settled
    )


def test_a_principal_at_two_venues_is_moved_with_every_partners_bilateral():
    """FRA meets DEU at the palace and ITA at the centre (each held
    there), and ITA also meets ESP: FRA's bilaterals lie at two venues,
    one more than one, and the move drawn for it frees FRA's items and
    every bilateral of each partner (ITA's with ESP included), not only
    FRA's own."""
    import random

    from models import BilateralRequest
    from scheduler.search.lns import _split_person, venue_splits
    from tests.factory import delegation, room, tiny

    s = tiny(
        rooms=(
            room("BL1", "bilateral", 20, features=("flags",)),
            room("BL2", "bilateral", 20, features=("flags",)),
            room("PB", "bilateral", 20, venue="PAL", features=("flags",)),
        ),
        delegations=tuple(
            delegation(d, size=4) for d in ("FRA", "DEU", "ITA", "ESP")
        ),
        bilaterals=(
            BilateralRequest("B1", "FRA", "DEU", venue_id="PAL"),
            BilateralRequest("B2", "FRA", "ITA", venue_id="NCC"),
            BilateralRequest("B3", "ITA", "ESP"),
        ),
    )
    g, items, values = _greedy_values(s)
    assert not g.unscheduled
    splits = venue_splits(items, values)
    assert splits.get("FRA") == 1
    assert "DEU" not in splits  # one bilateral, one venue
    free = _split_person(items, {"FRA": 1}, random.Random(0), 8)
    assert {"B:B1", "B:B2", "B:B3"} <= free


def test_with_every_principal_at_one_venue_no_split_is_reported():
    """The same principals, no venue asked: the greedy start puts FRA's
    two bilaterals in the centre, and no one is at two venues."""
    from models import BilateralRequest
    from scheduler.search.lns import venue_splits
    from tests.factory import delegation, room, tiny

    s = tiny(
        rooms=(
            room("BL1", "bilateral", 20, features=("flags",)),
            room("BL2", "bilateral", 20, features=("flags",)),
        ),
        delegations=tuple(
            delegation(d, size=4) for d in ("FRA", "DEU", "ITA")
        ),
        bilaterals=(
            BilateralRequest("B1", "FRA", "DEU"),
            BilateralRequest("B2", "FRA", "ITA"),
        ),
    )
    g, items, values = _greedy_values(s)
    assert not g.unscheduled
    assert venue_splits(items, values) == {}
