"""The time-indexed linear program (:mod:`scheduler.search.time_bound`)
refuses nothing the checker accepts, and sees what the day relaxation
cannot: two items that cannot be in one room at the same moment."""

from __future__ import annotations

import pytest

from models import BilateralRequest, Event, Person
from models.checker import check
from models.objective import objective_value, penalties
from scheduler import SolveParams
from scheduler.search.bound import build_relaxation, lp_bound, relaxation_bound
from scheduler.search.construct.greedy import greedy
from scheduler.search.solve import solve
from scheduler.search.time_bound import (
    branch_items,
    build_program,
    estimate,
    maximal_cliques,
    solve_program,
    time_indexed_bound,
)
from tests.factory import at, delegation, room, tiny
from tests.scheduler.helpers import solve_checked
from tests.scheduler.test_bound import SHAPES, _scenario


def satisfied(s, prog, schedule) -> bool:
    """Every row of ``prog`` holds with the columns ``schedule`` takes
    (each placed item's column holding its start)."""
    placed = schedule.by_item()
    g = s.grid
    x = [0] * len(prog.objective)
    for iid, cols in prog.columns.items():
        a = placed.get(iid)
        if a is None:
            continue
        t = g.to_index(a.start)
        hit = [c for first, last, c in cols if first <= t <= last]
        if len(hit) != 1:
            return False  # a start the program does not have
        if a.room_id not in prog.rooms.get(hit[0], a.room_id):
            return False  # a room its column is not held in
        x[hit[0]] = 1
    for iid in placed:
        it = s.item_by_id[iid]
        if it.kind != "sequence" and iid not in prog.columns:
            return False  # placed, but the program says it cannot be
    return all(
        lo <= sum(x[c] for c in cols) <= hi for cols, lo, hi in prog.rows
    ) and all(
        sum(a * x[c] for a, c in zip(coefs, cols, strict=True)) <= hi
        for cols, coefs, hi in prog.weighted
    )


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("run", [1, 3])
def test_the_program_accepts_every_checked_schedule(shape, run):
    s = _scenario(SHAPES[shape])
    schedules = [greedy(s, order=o).schedule for o in ("rows", "value")]
    r = solve(s, SolveParams(time_limit=4, workers=1), live=False)
    schedules.append(r.schedule)
    plans = build_relaxation(s).plans
    prog = build_program(s, plans, run)
    bound = solve_program(prog, 10)
    assert bound is not None
    for schedule in schedules:
        assert check(s, schedule) == []
        assert satisfied(s, prog, schedule)
        assert bound <= penalties(s, schedule)["unplaced_value"]


def _one_room_around_a_fixed_event():
    """R1 holds a fixed 09:30-10:30 meeting; two one-hour meetings must
    fit between 09:00 and 12:00 with 10 minutes' changeover: one can
    (10:40), the other cannot, though the minutes add up."""
    fixed = Event(
        "FIX",
        "Fixed",
        "workshop",
        60,
        20,
        rooms=("R1",),
        fixed_start=at("09:30"),
        mandatory=True,
    )
    loose = tuple(
        Event(
            e,
            e,
            "workshop",
            60,
            20,
            rooms=("R1",),
            earliest=at("09:00"),
            latest=at("12:00"),
        )
        for e in ("E1", "E2")
    )
    return tiny(rooms=(room("R1"),), events=(fixed, *loose))


def test_a_room_between_fixed_times_proves_one_meeting_out():
    s = _one_room_around_a_fixed_event()
    rel = build_relaxation(s)
    value = s.item_by_id["E:E1"].value
    assert lp_bound(rel.model, 5) == 0  # the minutes alone fit
    assert time_indexed_bound(s, rel.plans, 5) == value
    assert relaxation_bound(s, 5).unplaced == value
    r = solve(s, SolveParams(time_limit=5, workers=1), live=False)
    assert check(s, r.schedule) == []
    assert r.status == "OPTIMAL"
    assert len(r.schedule.unscheduled) == 1
    assert r.best_bound <= objective_value(s, r.schedule) + 1e-6


def _reception(minutes=60, room="HALL", **when):
    """An optional reception every head present must attend."""
    return Event(
        "RECEP",
        "Reception",
        "reception",
        minutes,
        50,
        all_heads=True,
        rooms=(room,),
        **when,
    )


def _talk(minutes, start, **kw):
    """AAA's talk at a fixed time."""
    return Event(
        "TALK",
        "Talk",
        "workshop",
        minutes,
        20,
        participants=("AAA",),
        fixed_start=at(start),
        **kw,
    )


def _proves_the_optimum(s, bound, optimum) -> None:
    """``bound`` is ``optimum``, the value a checked schedule proven
    optimal leaves out."""
    assert bound == optimum
    r = solve_checked(s)
    assert r.status == "OPTIMAL"
    assert penalties(s, r.schedule)["unplaced_value"] == optimum


def _reception_or_two_talks():
    """An optional reception every head present must attend, 12:00-13:00,
    and two talks at 12:00, AAA's and BBB's, both with the minister XXX:
    any two of the three clash (AAA, BBB, XXX), but no one person is in
    all three, so the linear program takes half of each."""
    talks = tuple(
        Event(
            e,
            e,
            "workshop",
            30,
            20,
            participants=(head, "XXX"),
            fixed_start=at("12:00"),
            rooms=(r,),
        )
        for e, head, r in (("T1", "AAA", "R1"), ("T2", "BBB", "R2"))
    )
    return tiny(
        delegations=(delegation("AAA"), delegation("BBB")),
        people=(Person("XXX", "Minister", "AAA", "MIN"),),
        events=(_reception(fixed_start=at("12:00")), *talks),
    )


def test_an_all_heads_event_is_solved_placed_and_left_out():
    """Placed, an all-heads event holds every head present; the program
    with it placed and the program without it (its value left out) hold
    every schedule between them, and the lesser is the bound: here the
    optimum, where the one program proves half a talk less."""
    s = _reception_or_two_talks()
    plans = build_relaxation(s).plans
    assert branch_items(s, plans) == ["E:RECEP"]
    values = sorted(
        s.item_by_id[f"E:{e}"].value for e in ("RECEP", "T1", "T2")
    )
    optimum = sum(values) - values[-1]  # one of the three, the best
    split = solve_program(build_program(s, plans, 1), 10)
    whole = solve_program(build_program(s, plans, 1, split=False), 10)
    assert whole is not None and whole < split
    assert time_indexed_bound(s, plans, 10) == optimum
    assert time_indexed_bound(s, plans, 10, threads=2) == optimum
    _proves_the_optimum(s, split, optimum)


def test_an_all_heads_event_holds_each_head_it_finds_present():
    """A reception every head present must attend, between 12:00 and
    13:30, and AAA's talk 12:00-13:30: the reception would hold AAA
    whenever it starts, so one of the two is left out, which the program
    sees in AAA's rows though AAA is not listed in the reception."""
    reception = _reception(earliest=at("12:00"), latest=at("13:30"))
    s = tiny(
        delegations=(delegation("AAA"),),
        events=(reception, _talk(90, "12:00", rooms=("R1",))),
    )
    plans = build_relaxation(s).plans
    assert len(build_program(s, plans, 1).columns["E:RECEP"]) > 1
    least = min(s.item_by_id[i].value for i in ("E:TALK", "E:RECEP"))
    bound = solve_program(build_program(s, plans, 1), 10)
    _proves_the_optimum(s, bound, least)


def test_travel_to_an_event_the_program_is_split_on_is_counted():
    """A reception every head present must attend, at the palace at
    12:00, and AAA's talk at the centre ending 10 minutes before (20
    minutes apart): the checker refuses both placed, and the program,
    whose rows at each moment count only the same-venue buffer, sees it
    in the row of the two once the reception is placed."""
    s = tiny(
        delegations=(delegation("AAA"),),
        rooms=(room("R1"), room("PR", venue="PAL")),
        events=(
            _talk(50, "11:00", rooms=("R1",)),
            _reception(30, "PR", fixed_start=at("12:00")),
        ),
    )
    plans = build_relaxation(s).plans
    least = min(s.item_by_id[i].value for i in ("E:TALK", "E:RECEP"))
    bound = solve_program(build_program(s, plans, 1), 10)
    _proves_the_optimum(s, bound, least)


def _two_meetings_after_an_opening():
    """Everyone opens the day at the centre, 08:00-09:00; then AAA and
    BBB, and CCC and DDD, each ask to meet at 09:05 sharp, in the
    centre's one bilateral room or the palace's (20 minutes away): only
    one meeting can be held, in the centre."""
    opening = Event(
        "OPEN",
        "Opening",
        "workshop",
        60,
        20,
        participants=("AAA", "BBB", "CCC", "DDD"),
        fixed_start=at("08:00"),
        mandatory=True,
        rooms=("R1",),
    )
    meetings = tuple(
        BilateralRequest(b, x, y, 30, earliest=at("09:05"), latest=at("09:35"))
        for b, x, y in (("B1", "AAA", "BBB"), ("B2", "CCC", "DDD"))
    )
    return tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC", "DDD")),
        rooms=(
            room("R1"),
            room("BL1", "bilateral", 20, features=("flags",)),
            room("BLP", "bilateral", 20, venue="PAL", features=("flags",)),
        ),
        events=(opening,),
        bilaterals=meetings,
    )


def test_a_column_is_held_in_the_rooms_of_the_venues_it_can_reach():
    """Each meeting may use either venue's room, but at 09:05 only the
    centre's: the travel from the opening keeps them from the palace.
    The meeting's plan at the palace has no start, and its one column is
    held in the centre's room alone, so the program proves one meeting
    out, where a row over both rooms let it place both."""
    s = _two_meetings_after_an_opening()
    plans = build_relaxation(s).plans
    assert [p.item.rooms for p in plans["B:B1"].parts] == [("BL1",)]
    prog = build_program(s, plans, 1)
    assert {prog.rooms[c] for *_, c in prog.columns["B:B1"]} == {("BL1",)}
    least = min(s.item_by_id[i].value for i in ("B:B1", "B:B2"))
    _proves_the_optimum(s, solve_program(prog, 10), least)


def _three_exhibitions():
    """Three optional all-day exhibitions in a foyer of four booth units:
    two of two units (worth 30 each) and one of one (worth 20). Any two
    fit at once, never all three, and each day-long exhibition overlaps
    the others whenever it starts."""
    return tiny(
        rooms=(room("EXPO", "exhibition", 4),),
        events=tuple(
            Event(
                x,
                x,
                "exhibition",
                480,
                units,
                priority=priority,
                rooms=("EXPO",),
            )
            for x, units, priority in (
                ("X1", 2, 3),
                ("X2", 2, 3),
                ("X3", 1, 2),
            )
        ),
    )


def test_an_exhibition_room_holds_its_booth_units():
    """The program leaves out what the foyer cannot hold: a whole
    exhibition, the least valuable (20), where the booth units alone
    would let the linear program drop half of a two-unit one (15), and
    a program without them drops nothing."""
    s = _three_exhibitions()
    plans = build_relaxation(s).plans
    assert [it.value for it in s.items] == [30, 30, 20]
    prog = build_program(s, plans, 1)
    assert prog.weighted  # the booth units, at the moments all overlap
    for order in ("rows", "value"):
        schedule = greedy(s, order=order).schedule
        assert check(s, schedule) == []
        assert satisfied(s, prog, schedule)
    _proves_the_optimum(s, solve_program(prog, 10), 20)


def test_maximal_cliques_of_spans():
    uses = [(0, 10, 0), (5, 15, 1), (12, 20, 2), (12, 13, 3), (30, 40, 4)]
    got = sorted(sorted(c) for c in maximal_cliques(uses))
    assert got == [[0, 1], [1, 2, 3], [4]]


def test_runs_of_starts_shrink_the_program_and_keep_it_sound():
    s = _scenario(SHAPES["plain"])
    plans = build_relaxation(s).plans
    sizes = [estimate(s, plans, run) for run in (1, 2, 4)]
    assert sizes[0] > sizes[1] > sizes[2]
    fine = solve_program(build_program(s, plans, 1), 10)
    coarse = solve_program(build_program(s, plans, 4), 10)
    assert fine is not None and coarse is not None
    assert coarse <= fine  # a column over a run counts less: weaker
    # too little time for even the coarsest program: no bound, no guess
    assert time_indexed_bound(s, plans, 0.001) is None


def test_ctrl_c_before_the_program_gives_no_bound():
    """A signal seen before GLOP starts: no solve, no bound (the search
    then ends with its best so far)."""
    from scheduler.search.interrupt import Interrupts

    s = _one_room_around_a_fixed_event()
    prog = build_program(s, build_relaxation(s).plans)
    intr = Interrupts()
    intr._seen = True
    assert solve_program(prog, 5, intr) is None
    assert solve_program(prog, 5) == s.item_by_id["E:E1"].value


def test_a_fine_program_out_of_time_leaves_the_coarse_bound(monkeypatch):
    """When the finest program may not be solved in time, the next
    coarser one is solved first: a fine solve that runs out of time still
    leaves that bound (and when the finest fits easily, it is the only
    one, so its failure leaves none)."""
    from scheduler.search import time_bound as tb

    s = _scenario(SHAPES["plain"])
    plans = build_relaxation(s).plans
    fine = build_program(s, plans, 1)
    coarse = solve_program(build_program(s, plans, 2), 10)
    assert coarse is not None
    real = tb.least_whole_value

    def fine_runs_out(proto, seconds, interrupts=None, leaves=((),)):
        if len(proto.variable) == len(fine.objective):
            return None
        return real(proto, seconds, interrupts, leaves)

    monkeypatch.setattr(tb, "least_whole_value", fine_runs_out)
    assert time_indexed_bound(s, plans, 30) is None  # fits: one program
    monkeypatch.setattr(tb, "SAFE_SHARE", 0.0)
    assert time_indexed_bound(s, plans, 30) == coarse


def test_with_two_threads_the_fine_and_coarse_programs_run_at_once(
    monkeypatch,
):
    """With a racing run's two workers the finest program and its safety
    net are solved side by side, each on its own thread (each waits here
    for the other to start, which one after the other would never do),
    and the better bound is kept; the fine one running out of time still
    leaves the coarse one's."""
    import threading

    from scheduler.search import time_bound as tb

    s = _scenario(SHAPES["plain"])
    plans = build_relaxation(s).plans
    fine_prog = build_program(s, plans, 1)
    fine = solve_program(fine_prog, 10)
    coarse = solve_program(build_program(s, plans, 2), 10)
    assert fine is not None and coarse is not None
    real = tb.leaf_optimum
    both = threading.Barrier(2, timeout=10)

    def together(proto, *args):
        both.wait()
        return real(proto, *args)

    monkeypatch.setattr(tb, "SAFE_SHARE", 0.0)
    monkeypatch.setattr(tb, "leaf_optimum", together)
    assert time_indexed_bound(s, plans, 30, threads=2) == max(fine, coarse)

    def fine_runs_out(proto, *args):
        fine = len(proto.variable) == len(fine_prog.objective)
        both.wait()
        return None if fine else real(proto, *args)

    monkeypatch.setattr(tb, "leaf_optimum", fine_runs_out)
    assert time_indexed_bound(s, plans, 30, threads=2) == coarse


def test_beside_a_coarse_program_the_finest_may_run_past_the_time(
    monkeypatch,
):
    """Solved side by side, the coarse program's leaves stop at the
    time and the finest program's may go on for its overrun share of it
    (a finest program ending a fifth of a second late left the coarse
    bound, a point or three of the gap weaker, in 12 of 26 runs)."""
    import time

    from scheduler.search import time_bound as tb

    s = _scenario(SHAPES["plain"])
    plans = build_relaxation(s).plans
    fine = len(build_program(s, plans, 1).objective)
    real = tb.leaf_optimum
    deadlines: dict[str, list[float]] = {"fine": [], "coarse": []}

    def recorded(proto, leaf, deadline, *args):
        which = "fine" if len(proto.variable) == fine else "coarse"
        deadlines[which].append(deadline)
        return real(proto, leaf, deadline, *args)

    monkeypatch.setattr(tb, "SAFE_SHARE", 0.0)
    monkeypatch.setattr(tb, "leaf_optimum", recorded)
    t0 = time.monotonic()
    assert time_indexed_bound(s, plans, 30, threads=2) is not None
    (coarse_end,) = set(deadlines["coarse"])  # one per leaf
    (fine_end,) = set(deadlines["fine"])
    assert t0 + 30 <= coarse_end < t0 + 30.5
    assert fine_end - coarse_end == pytest.approx(tb.OVERRUN_SHARE * 30)


@pytest.mark.parametrize("threads", [1, 2])
def test_a_mandatory_item_with_no_start_gives_no_program(threads, monkeypatch):
    """A mandatory item with no start left: no schedule exists, so no
    program is built and no bound claimed, one after the other or side
    by side."""
    from dataclasses import replace

    from scheduler.search import time_bound as tb

    s = _scenario(SHAPES["plain"])
    plans = build_relaxation(s).plans
    iid = next(i for i, p in plans.items() if p.item.mandatory and p.starts)
    plans = {**plans, iid: replace(plans[iid], starts={})}
    assert build_program(s, plans, 1) is None
    monkeypatch.setattr(tb, "SAFE_SHARE", 0.0)  # two programs
    assert time_indexed_bound(s, plans, 30, threads=threads) is None


def test_ctrl_c_stops_every_solve_running_at_once():
    """Two solves running on two threads (the side-by-side programs) are
    both stopped by one Ctrl-C, not only the last one started."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from scheduler.search.interrupt import Interrupts

    class Solve:
        def __init__(self):
            self.stopped = threading.Event()

        def stop_search(self):
            self.stopped.set()

    intr = Interrupts()
    solves = [Solve(), Solve()]
    started = threading.Barrier(3, timeout=10)

    def run(solve):
        def call():
            started.wait()
            return solve.stopped.wait(5)

        return intr._run(solve, call)

    with ThreadPoolExecutor(max_workers=2) as pool:
        running = [pool.submit(run, solve) for solve in solves]
        started.wait()
        intr._stop()
        assert [r.result() for r in running] == [True, True]
    assert intr.seen


def test_glop_s_copy_is_the_only_one_while_it_solves():
    """The program handed to GLOP is emptied once GLOP holds its own
    copy (hubs' finest program: 405 MB at the peak with the Python rows
    and the proto kept, 321 MB without; bench/README.md)."""
    from scheduler.search.linear import least_whole_value
    from scheduler.search.time_bound import program_proto

    s = _one_room_around_a_fixed_event()
    proto = program_proto(build_program(s, build_relaxation(s).plans))
    assert len(proto.variable) and len(proto.constraint)
    assert least_whole_value(proto, 5) == s.item_by_id["E:E1"].value
    assert not len(proto.variable) and not len(proto.constraint)
