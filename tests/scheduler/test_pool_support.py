"""A pool move restricted to the starts of a linear program's optimum
(:mod:`scheduler.search.pool_support`), and what that program must read
of the schedule it holds."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.checker import check
from models.objective import objective_value
from scheduler.model.build import build_model
from scheduler.search.bound import plan_item
from scheduler.search.construct.greedy import greedy
from scheduler.search.extract import extract
from scheduler.search.interrupt import Interrupts
from scheduler.search.lns import _Items, _within, complete_hint
from scheduler.search.pool_support import support
from scheduler.search.time_bound import build_program
from tests.factory import at, delegation, room, tiny
from tests.scheduler.test_lns_moves import _talk


def _may_start(plan, t: int) -> bool:
    return any(
        lo <= t < hi for spans in plan.starts.values() for lo, hi in spans
    )


def test_a_held_item_is_travelled_to_from_the_room_it_is_in():
    """X may use R1 (the centre) or P1 (the palace, 20 minutes away) and
    is held in R1 10:00-11:00; Y can only use P1. From the palace Y could
    follow X after the 5-minute buffer; from R1, where X is, only after
    the 20 minutes' travel. A move's program once took the nearest of
    X's rooms and let Y start at 11:05."""
    s = tiny(
        delegations=(delegation("AAA"),),
        rooms=(room("R1"), room("P1", venue="PAL")),
        events=(
            _talk("X", "AAA", rooms=("R1", "P1"), latest="17:00"),
            _talk("Y", "AAA", rooms=("P1",), latest="17:00"),
        ),
    )
    g = s.grid
    x, y = s.item_by_id["E:X"], s.item_by_id["E:Y"]
    pid = x.participants[0]
    held = (g.to_index(at("10:00")), g.to_index(at("11:00")), "E:X")
    after_buffer = g.to_index(at("11:05"))
    after_travel = g.to_index(at("11:20"))
    nearest = plan_item(s, y, {pid: [held]})
    assert _may_start(nearest, after_buffer)
    known = plan_item(s, y, {pid: [(*held, ("R1",))]})
    assert not _may_start(known, after_buffer)
    assert _may_start(known, after_travel)


def test_what_a_person_holds_that_day_is_taken_from_their_limit():
    """Pat may take part in two events a day and holds one outside the
    program: of the two talks in it, the program may place one."""
    from models import Person

    s = tiny(
        delegations=(delegation("AAA"),),
        people=(Person("PAT", "Pat", "AAA", "MIN", max_items_per_day=2),),
        events=(
            _talk("A", "PAT", latest="17:00"),
            _talk("B", "PAT", latest="17:00"),
        ),
    )
    from scheduler.search.bound import build_relaxation

    plans = build_relaxation(s).plans
    pid = "PAT"
    free = build_program(s, plans, 1, split=False)
    held = build_program(s, plans, 1, split=False, used={(pid, 0): 1})
    assert free is not None and held is not None

    def limits(prog):
        both = set(c for *_, c in prog.columns["E:A"]) | set(
            c for *_, c in prog.columns["E:B"]
        )
        return [hi for cols, _, hi in prog.rows if set(cols) == both]

    assert limits(free) == [2]
    assert limits(held) == [1]


def _palace():
    """Five one-hour talks that can only use the palace's two rooms
    before 10:30, and a sixth person's talk in the centre: the pool
    cannot hold them all."""
    return tiny(
        delegations=tuple(delegation(f"D{k}") for k in range(6)),
        rooms=(
            room("R1"),
            room("P1", venue="PAL"),
            room("P2", venue="PAL"),
        ),
        events=(
            *(
                _talk(f"T{k}", f"D{k}", rooms=("P1", "P2"), latest="10:30")
                for k in range(5)
            ),
            _talk("C", "D0", "D5", rooms=("R1",), latest="12:00"),
        ),
    )


def test_a_pool_move_within_the_support_keeps_every_rule():
    """The support holds each placed item's own start; the move
    restricted to it, the rest held, is solved by CP-SAT under every
    rule: its schedule passes the checker and is no worse."""
    s = _palace()
    start = greedy(s).schedule
    built = build_model(s, hint=start)
    solver = complete_hint(built, 5)
    assert solver is not None
    items = _Items(built)
    pool = max(items.only_in, key=lambda p: len(items.only_in[p]))
    free = set(items.only_in[pool])
    assert len(free) == 5
    found = support(built, solver, free, 5, Interrupts())
    assert found is not None and set(found.spans) == free
    spans = found.spans
    values = list(solver.response_proto.solution)
    for iid in free:
        v = items.vars[iid]
        if values[v.present.index]:
            here = values[v.start.index]
            assert any(a <= here <= b for a, b in spans[iid])
    sub = built.model.clone()
    sub.clear_hints()
    for iid, ids in items.fixed.items():
        if iid in free:
            continue
        for k in ids:
            dom = sub.proto.variables[k].domain
            dom.clear()
            dom.extend([values[k], values[k]])
    _within(sub, items, spans)
    trial = cp_model.CpSolver()
    trial.parameters.max_time_in_seconds = 10
    trial.parameters.num_workers = 1
    assert trial.solve(sub) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    schedule = extract(s, built, trial)
    assert check(s, schedule) == []
    assert objective_value(s, schedule) <= objective_value(s, start)


def test_an_item_with_no_start_in_the_support_stays_out():
    """``[]`` holds an item out of the move."""
    s = _palace()
    built = build_model(s, hint=greedy(s).schedule)
    items = _Items(built)
    sub = built.model.clone()
    _within(sub, items, {"E:T0": []})
    sub.maximize(items.vars["E:T0"].present)
    trial = cp_model.CpSolver()
    trial.parameters.num_workers = 1
    assert trial.solve(sub) == cp_model.OPTIMAL
    assert trial.value(items.vars["E:T0"].present) == 0


def _held_in_the_palace(limit: int):
    """Pat (``limit`` events a day) holds X in the palace's P1, 09:00 to
    10:00; a move frees T, Pat's other talk, which can only use the
    palace too."""
    from models import Person

    s = tiny(
        delegations=(delegation("AAA"),),
        people=(Person("PAT", "Pat", "AAA", "MIN", max_items_per_day=limit),),
        rooms=(room("P1", venue="PAL"), room("P2", venue="PAL")),
        events=(
            _talk("X", "PAT", rooms=("P1",), latest="10:00"),
            _talk("T", "PAT", rooms=("P1", "P2"), latest="17:00"),
        ),
    )
    built = build_model(s, hint=greedy(s).schedule)
    solver = complete_hint(built, 5)
    assert solver is not None
    items = _Items(built)
    placed = list(solver.response_proto.solution)
    assert placed[items.vars["E:X"].present.index] == 1
    return built, solver


def test_a_held_item_in_the_pool_counts_once_against_the_limit():
    """X, held in the palace, is a column of the program and one of Pat's
    events that day. Counted twice (as the program's column and as held),
    a limit of one left the program no answer (the move no support), and
    a limit of two refused the schedule in hand, which places T: the
    program claimed it lost value. The schedule in hand is always one of
    the program's solutions: it never gains less than nothing."""
    for limit in (1, 2):
        built, solver = _held_in_the_palace(limit)
        found = support(built, solver, {"E:T"}, 5, Interrupts())
        assert found is not None, limit
        assert -1e-6 < found.gain < 1, limit
