"""Solving a scenario: build, run CP-SAT, read the schedule back."""

from __future__ import annotations

import logging
import math
import time
from contextlib import nullcontext
from dataclasses import replace

from ortools.sat.python import cp_model

from models import Scenario
from models.checker import check
from models.objective import objective_value, placement_weight
from models.objective import penalties as obj_penalties
from models.reasons import GENERIC_REASON
from models.records.schedule import (
    GREEDY_START,
    SINGLE_MODEL,
    Assignment,
    Schedule,
    SolveInfo,
)

from ..model.baseline import add_hints
from ..model.build import BuiltModel, build_model
from ..model.context import BuildTooLong
from .bound import relaxation_bound
from .construct.greedy import greedy
from .extract import extract, with_reasons
from .insertion import insert_left_out
from .interrupt import Interrupts
from .lns import MIN_SECONDS, improve_lns
from .mandatory_start import complete, mandatory_start
from .params import SolveParams
from .progress import Progress
from .result import Result
from .stall import stop_when_stalled
from .tiers import (
    every_request_placed,
    hold_every_request,
    release_every_request,
)
from .work import CLOCK_STOPS, deterministic_time, limit, record

log = logging.getLogger(__name__)
#: CP-SAT's own search log goes here when ``SolveParams.log`` is set.
CPSAT_LOG = logging.getLogger("scheduler.cpsat")

STATUS = {
    cp_model.OPTIMAL: "OPTIMAL",
    cp_model.FEASIBLE: "FEASIBLE",
    cp_model.INFEASIBLE: "INFEASIBLE",
    cp_model.UNKNOWN: "UNKNOWN",
}


#: Most seconds kept for the insertion pass after the search.
MAX_INSERTION_SECONDS = 5.0
#: Share of the search time CP-SAT's own portfolio gets (it finds the
#: first schedules fast and proves the bound); the rest goes to
#: :mod:`scheduler.search.lns`. A repeatable run (one worker) gives it
#: exactly this: at 0.3 the sample, one worker, ended at an 84% gap
#: instead of its proven optimum.
MAIN_SHARE = 0.7
#: With more workers the portfolio gets at least this share, then keeps
#: the search, up to :data:`MAIN_SHARE`, only while it still finds
#: better schedules (:mod:`scheduler.search.stall`). Paired runs on the
#: bench family at 60 s, 2 workers (bench/README.md, session 8): 0.3 in
#: all against 0.7 ended on a better schedule in 20 of 24 runs, worse on
#: the largest case, which the extension while improving mends; 0.1 cut
#: the portfolio's first gains short.
MAIN_LEAST_SHARE = 0.3
#: Share of the search time without a better schedule that ends it.
STALL_SHARE = 0.1
#: Most seconds for the relaxation bounds before the search (the
#: time-indexed program takes 4-5 s on the family's largest two-day
#: scenarios, 2-core AMD EPYC; a tighter cut than the search proves).
MAX_RELAXATION_SECONDS = 8.0
#: Share of the time limit the relaxation bounds may take at most.
RELAXATION_SHARE = 0.12
#: CP-SAT subsolver put first when there are two workers or more.
BOUND_WORKER = "objective_lb_search"
#: Share of the time limit the greedy warm start may take at most.
WARM_START_SHARE = 0.2
#: Margin kept for the insertion pass after more moves, as a multiple of
#: how long its first run took.
AGAIN_MARGIN = 2.0
#: Seconds of search below which a what-if run's full search is not
#: started once its first phase has a schedule (with its model to build
#: first: on a generated 291-item event a 5 s run took 5.5-5.7 s).
MIN_SEARCH_SECONDS = 0.3
#: Share of a what-if run's limit, and most seconds, for the relaxation
#: bound on the value its schedule must leave out
#: (:func:`what_if_bound`): the linear program of the day relaxation
#: takes hundredths of a second on the bench family, the time-indexed one
#: seconds, and the what-if search needs the rest.
WHAT_IF_BOUND_SHARE = 0.05
WHAT_IF_BOUND_SECONDS = 2.0


class ModelBuildError(RuntimeError):
    """CP-SAT called the model invalid: a bug in the engine, not the input."""


def configure(
    solver: cp_model.CpSolver,
    params: SolveParams,
    det: float | None = None,
) -> None:
    """CP-SAT's parameters for ``params``; ``det`` its deterministic
    time limit in a repeatable run (:mod:`scheduler.search.work`)."""
    p = solver.parameters
    limit(solver, params.time_limit, det)
    p.num_workers = params.workers
    p.random_seed = params.seed
    p.relative_gap_limit = params.gap
    p.log_search_progress = params.log
    if params.log:  # CP-SAT's own log, routed to logging (``--log``)
        p.log_to_stdout = False
        solver.log_callback = CPSAT_LOG.info
    if params.workers == 1:
        p.interleave_search = False
    else:
        # the first full worker proves lower bounds on the objective: on
        # the sample at 60 s, 2 workers, the gap went from 15.8% (the
        # default LP worker) to 1.5%, same schedule (bench/README.md)
        p.extra_subsolvers.append(BOUND_WORKER)
    for key, value in params.overrides.items():
        try:
            if isinstance(value, list | tuple):  # a repeated field
                field = getattr(p, key)
                field.clear()
                field.extend(value)
            else:
                setattr(p, key, value)
        except (AttributeError, TypeError, ValueError) as exc:
            raise ValueError(
                f"unknown or bad CP-SAT parameter {key!r}: {exc}"
            ) from exc


def solve(
    scenario: Scenario,
    params: SolveParams | None = None,
    *,
    live: bool | None = None,
    progress_stream=None,
    skip: tuple[str, ...] = (),
    baseline=None,
    improve: bool = True,
    start=None,
) -> Result:
    """Schedule ``scenario``. Never raises for an infeasible scenario: the
    status says so (INFEASIBLE, or UNKNOWN when the time ran out first).

    With ``improve`` (and no baseline), a share of the time limit goes to
    :func:`scheduler.search.insertion.insert_left_out` after the search:
    left-out requests that fit are put in, and the rest get the reason
    the tries found."""
    with Interrupts() as intr:
        return _solve(
            scenario,
            params or SolveParams(),
            intr,
            live=live,
            progress_stream=progress_stream,
            skip=skip,
            baseline=baseline,
            improve=improve,
            start=start,
        )


def _solve(
    scenario: Scenario,
    params: SolveParams,
    intr: Interrupts,
    *,
    live,
    progress_stream,
    skip,
    baseline,
    improve,
    start,
) -> Result:
    t0 = time.monotonic()
    hint, values = None, None
    ready_s = None  # when a schedule the checker accepts was in hand
    floor = None  # a what-if run's bound from the relaxation
    if baseline is not None and not skip:
        # a checked schedule in hand at once, whatever the search does:
        # the baseline's unbroken rows, the rest placed greedily
        repaired = repair_start(
            scenario, baseline, WARM_START_SHARE * params.time_limit
        )
        if repaired is not None:
            ready_s = time.monotonic() - t0
        floor = what_if_bound(scenario, baseline, params, intr)
        hint, values, hold_build_s = _hold_phase(
            scenario, params, baseline, intr, t0 + params.time_limit
        )
        if hint is None or (
            repaired is not None
            and objective_value(scenario, repaired, baseline)
            < objective_value(scenario, hint, baseline)
        ):
            # the first phase, stopped by its time, may end below the
            # repair start (the baseline itself when nothing changed)
            hint, values = repaired, None
        spent = time.monotonic() - t0
        if (
            hint is not None
            and params.time_limit - spent < hold_build_s + MIN_SEARCH_SECONDS
        ):
            # no time left to build the full model (as long as the first
            # phase's took) and search it (a short --time-limit on a
            # large event): the first schedule stands. In a repeatable
            # run the clock decided, so the Summary says it may not
            # repeat (one worker, 5 s, 334 items: 6.4 s, the full model
            # built and searched past the limit)
            if params.repeatable:
                CLOCK_STOPS.add("what-if full search")
            done = _first_phase_result(scenario, hint, baseline, params, spent)
            return _bounded(done, floor)
    elif start is not None:
        hint = start
    elif params.warm_start and not skip:
        hint = greedy_start(
            scenario,
            (0.5 if params.repeatable else WARM_START_SHARE)
            * params.time_limit,
            WARM_START_SHARE * params.nominal if params.repeatable else None,
        )
        if complete(scenario, hint):
            ready_s = time.monotonic() - t0
    improve = improve and baseline is None and not skip
    bound = None
    if improve:
        bound = relaxation_bound(
            scenario,
            max(relaxation_seconds(params.time_limit), 0.5 * params.time_limit)
            if params.repeatable
            else relaxation_seconds(params.time_limit),
            seed=params.seed,
            interrupts=intr,
            det=deterministic_time(params, relaxation_seconds(params.nominal)),
            # the finest program and its safety net side by side, on the
            # cores the search is given
            threads=params.workers,
        )
        if intr.seen and ready_s is not None:
            # Ctrl-C before the search: the greedy start is the best so far
            done = _first_phase_result(
                scenario,
                with_reasons(scenario, hint),
                None,
                params,
                time.monotonic() - t0,
                GREEDY_START,
            )
            return replace(done, interrupted=True)
    built_at = time.monotonic()
    reserve = insertion_seconds(params.time_limit) if improve else 0.0
    try:
        built = build_model(
            scenario,
            skip=skip,
            baseline=baseline,
            hint=hint,
            deadline=t0 + params.time_limit - reserve,
        )
    except BuildTooLong:
        done = _too_large(scenario, params, hint, baseline, bound, t0, ready_s)
        return _bounded(done, floor)
    model_s = time.monotonic() - built_at
    rehint = False  # the moves start from ``hint`` if it is better
    if (
        hint is not None
        and baseline is None
        and not skip
        and not complete(scenario, hint)
        and not intr.seen
    ):
        # the greedy missed a mandatory item: no schedule, and a hint the
        # search must first repair (before the cut below is added)
        share = WARM_START_SHARE * params.nominal
        better = mandatory_start(
            built,
            WARM_START_SHARE * params.time_limit,
            params.workers,
            params.seed,
            intr,
            det=deterministic_time(params, share),
            nominal=share if params.repeatable else None,
        )
        if better is not None:
            # the schedule in hand, and the moves' start if the search
            # finds no better; the search itself keeps the greedy's hint
            # (from this start instead it ended worse on a generated
            # one-day event: 215 requests left out at 10 s against 209)
            hint = better
            ready_s = time.monotonic() - t0
            rehint = True
    if (
        bound is not None
        and bound.unplaced
        and hint is not None
        and complete(scenario, hint)
        and obj_penalties(scenario, hint)["unplaced_value"]
        < bound.unplaced - 1e-6
    ):
        # a schedule the checker accepts beats the "bound": the relaxation
        # is wrong (a bug), so it proves nothing; never let it claim more
        log.warning(
            "The relaxation bound (%s left out) is beaten by a checked "
            "schedule; it is ignored.",
            bound.unplaced,
        )
        bound = None
    relaxed = False
    cut = None  # the relaxation's bound, when the model has it as a cut
    cut_rule = None
    if bound is not None and bound.unplaced:
        # proven by the relaxation: tells the search's bound at once
        cut_rule = built.model.add(
            built.terms["unplaced_value"] >= math.ceil(bound.unplaced - 1e-6)
        ).with_name("relaxation_bound")
        relaxed = True
        cut = bound.objective
    if (
        improve
        and hint is not None
        and complete(scenario, hint)
        and obj_penalties(scenario, hint)["unplaced_value"] == 0
    ):
        # the greedy start places every request: what is left to search
        # is the soft preferences (:mod:`scheduler.search.tiers`)
        hold_every_request(built)
    if values is not None and len(values) == len(built.model.proto.variables):
        built.model.clear_hints()  # the first phase's every variable
        for index, value in enumerate(values):
            built.model.add_hint(
                built.model.get_int_var_from_proto_index(index), value
            )
    invalid = built.model.validate()
    if invalid:
        raise ModelBuildError(invalid)
    build_s = time.monotonic() - t0
    solver = cp_model.CpSolver()
    left = max(0.5, params.time_limit - build_s - reserve)
    lns = improve and params.lns
    main = left * MAIN_SHARE if lns else left
    # a repeatable run sizes the search from the nominal budget, never
    # from the time spent so far (:mod:`scheduler.search.work`)
    nominal = _search_seconds(params, improve, skip)
    det = deterministic_time(params, nominal * (MAIN_SHARE if lns else 1))
    configure(
        solver,
        # in a repeatable run the work stops the search; the clock, a
        # safety net, then only keeps the time limit
        replace(params, time_limit=left if params.repeatable else main),
        det,
    )
    progress = Progress(progress_stream, live=live)
    # the moves get the rest once the portfolio stops improving
    stalls = (
        stop_when_stalled(
            solver,
            progress,
            left * MAIN_LEAST_SHARE,
            left * STALL_SHARE,
            # a schedule below it places every request
            settled_below=placement_weight(scenario),
        )
        if lns and not params.repeatable
        else nullcontext()
    )
    with stalls:
        code = intr.solve(solver, built.model, progress)
    progress.close()
    record(solver, "search")
    status = STATUS.get(code)
    if status is None:
        raise ModelBuildError(solver.status_name(code))
    if status == "INFEASIBLE" and (
        relaxed or built.every_request_cut is not None
    ):
        # the model with the relaxation's cut (or every request held, from
        # a greedy start the model refuses) has no schedule: either the
        # scenario has none (a relaxation may have solutions the rules
        # refuse) or a cut is wrong; only the model without them can say
        log.warning(
            "The %s refused every schedule; solving again without it.",
            "relaxation bound" if relaxed else "greedy start's placements",
        )
        bound, cut = None, None
        if cut_rule is not None:
            cut_rule.proto.clear_linear()
        release_every_request(built)
        solver, progress, code = _solve_again(
            solver,
            built,
            params,
            params.time_limit - reserve - (time.monotonic() - t0),
            det,
            intr,
            Progress(progress_stream, live=live),
        )
        status = STATUS.get(code)
        if status is None:
            raise ModelBuildError(solver.status_name(code))
    stopped = intr.seen  # Ctrl-C
    # CP-SAT's bound is proven whatever the status (with no schedule yet,
    # UNKNOWN, it is what the bound worker reached); the relaxation's
    # is in the model as a cut, so never below it
    main_bound = proven_bound(solver.best_objective_bound)
    if cut is not None:
        main_bound = max(main_bound or 0.0, cut)
    if floor is not None:
        main_bound = max(main_bound or 0.0, floor)
    if lns and status in ("FEASIBLE", "UNKNOWN") and not stopped:
        if rehint:
            add_hints(built.ctx, hint)
        spent = time.monotonic() - t0
        res = improve_lns(
            built,
            solver,
            params.time_limit
            - reserve
            - spent
            + _undiagnosed(built, solver, status, params),
            workers=params.workers,
            seed=params.seed,
            interrupts=intr,
            bound=main_bound,
            det=deterministic_time(params, nominal * (1 - MAIN_SHARE)),
        )
        stopped = res.interrupted
        if res.proven:
            main_bound = res.objective
        if res.solver is not None and (
            status == "UNKNOWN" or res.objective < solver.objective_value
        ):
            solver, status = res.solver, "FEASIBLE"
    if (
        status == "UNKNOWN"
        and not stopped
        and not solver.response_proto.solution
        and ready_s is None  # a greedy start that stands needs the time
    ):
        if cut_rule is not None:
            # INFEASIBLE must then be the scenario's, not the cut's
            cut_rule.proto.clear_linear()
        release_every_request(built)
        solver, progress, status = _search_on(
            solver,
            built,
            params,
            t0,
            nominal if lns else 0.0,
            intr,
            Progress(progress_stream, live=live),
        )
        stopped = intr.seen
        bound_now = proven_bound(solver.best_objective_bound)
        if bound_now is not None:
            main_bound = max(bound_now, main_bound or bound_now)
    seconds = time.monotonic() - t0
    if status not in ("OPTIMAL", "FEASIBLE"):
        if hint is not None and (
            baseline is not None or not check(scenario, hint)
        ):
            # the first phase's (or the greedy) schedule stands
            done = _stands(scenario, hint, baseline, params, seconds)
            return replace(_bounded(done, main_bound), interrupted=stopped)
        return Result(
            status,
            None,
            None,
            None,
            seconds,
            progress.solutions,
            interrupted=stopped,
            model_seconds=model_s,
        )
    first = (
        None
        if progress.first_at is None
        else round(progress.first_at + build_s, 3)
    )
    if ready_s is not None:
        first = round(ready_s, 3) if first is None else min(first, ready_s)
    objective = solver.objective_value
    bound = main_bound
    if bound is not None and objective < bound - 1:
        # a schedule below a lower bound: the bound is wrong; say nothing
        log.warning(
            "Bound %s above the schedule's objective %s: no bound claimed.",
            bound,
            objective,
        )
        bound = None
    if bound is not None and objective - bound < 1:
        status = "OPTIMAL"  # the search's schedule meets the proven bound
    schedule = extract(scenario, built, solver, baseline)
    penalties = {k: int(solver.value(e)) for k, e in built.terms.items()}
    if ready_s is not None and status != "OPTIMAL":
        # the search may end on a schedule worse than the one it started
        # from (its hint is only a hint): keep the better, both valued
        # as the search values them (a what-if run's with its moves: on
        # the plain scale, 60 times smaller, the start always won)
        start_value = objective_value(scenario, hint, baseline)
        if start_value < objective:
            schedule = with_reasons(scenario, hint)
            objective = float(start_value)
            penalties = obj_penalties(scenario, hint)
            if baseline is not None:
                from models.baseline import moves_cost

                penalties["moves"] = moves_cost(scenario, baseline, hint)
    if bound is not None and bound > objective + 1e-6:
        # a schedule in hand disproves it: no bound, never a false OPTIMAL
        # (the relaxation's, when the search itself proved none)
        bound = None
    if bound is not None and objective - bound < 1:
        status = "OPTIMAL"  # the schedule meets the proven bound
    if improve:
        budget = max(reserve, params.time_limit - (time.monotonic() - t0))
        began = time.monotonic()
        schedule, objective, penalties = improve_schedule(
            scenario,
            schedule,
            objective,
            penalties,
            status,
            budget,
            insertion_seconds(params.nominal) if params.repeatable else None,
        )
        took = time.monotonic() - began
        again = lns and not params.repeatable and not stopped
        if again and status != "OPTIMAL":
            schedule, objective, penalties, stopped = _moves_again(
                built,
                solver,
                (schedule, objective, penalties),
                t0 + params.time_limit,
                AGAIN_MARGIN * max(took, 0.1),
                params,
                bound,
                intr,
            )
            if bound is not None and objective - bound < 1:
                status = "OPTIMAL"
        seconds = time.monotonic() - t0
    info = SolveInfo(
        status=status,
        objective=objective,
        best_bound=bound,
        solve_seconds=round(seconds, 3),
        solutions=progress.solutions,
        workers=params.workers,
        seed=params.seed,
        time_limit=params.time_limit,
        penalties=penalties,
    )
    result = Result(
        status,
        replace(schedule, info=info),
        objective,
        bound,
        seconds,
        progress.solutions,
        first,
    )
    info_gap = result.gap
    # CP-SAT stops on Ctrl-C as if the time were up; only an interruption
    # ends a FEASIBLE search well before its limit with the gap still open
    interrupted = (
        status == "FEASIBLE" and stopped and (info_gap or 0) > params.gap
    )
    return replace(
        result,
        interrupted=interrupted,
        schedule=replace(result.schedule, info=replace(info, gap=info_gap)),
    )


def _moves_again(
    built: BuiltModel,
    solver: cp_model.CpSolver,
    done: tuple[Schedule, float, dict],
    deadline: float,
    margin: float,
    params: SolveParams,
    bound: float | None,
    intr: Interrupts,
) -> tuple[Schedule, float, dict, bool]:
    """The insertion pass rarely needs its whole reserve (60 s runs on the
    bench family ended 2.4-5.2 s early): the neighbourhood moves go on
    from its schedule until ``margin`` seconds before ``deadline``, and
    the pass then runs again on theirs, for its reasons, in what is
    left. Returns the better schedule, its objective and penalties, and
    whether a Ctrl-C stopped the moves. Never in a repeatable run (the
    clock decides how long the pass took)."""
    schedule, objective, penalties = done
    seconds = deadline - time.monotonic() - margin
    if seconds < MIN_SECONDS or intr.seen:
        return schedule, objective, penalties, intr.seen
    scenario = built.ctx.scenario
    add_hints(built.ctx, schedule)
    res = improve_lns(
        built,
        solver,
        seconds,
        workers=params.workers,
        seed=params.seed + 1,
        interrupts=intr,
        bound=bound,
    )
    if res.solver is None or res.objective >= objective - 0.5:
        return schedule, objective, penalties, res.interrupted
    moved = extract(scenario, built, res.solver)
    pen = {k: int(res.solver.value(e)) for k, e in built.terms.items()}
    better = improve_schedule(
        scenario,
        moved,
        res.objective,
        pen,
        "FEASIBLE",
        max(0.1, deadline - time.monotonic()),
    )
    if better[1] < objective:
        return (*better, res.interrupted)
    return schedule, objective, penalties, res.interrupted


def proven_bound(value: float) -> float | None:
    """CP-SAT's best objective bound as one worth reporting: ``None`` when
    it is infinite (nothing proven) or below zero, which every schedule's
    objective is not (each term counts something): a what-if run of a
    generated event once said "best bound -153, gap 100.00%" on an
    objective of 209 million. Zero stays (the bound of an objective of
    zero, proven optimal)."""
    if not 0 <= value < 10**18:
        return None
    return value


def _solve_again(
    done: cp_model.CpSolver,
    built: BuiltModel,
    params: SolveParams,
    left: float,
    det,
    intr,
    progress,
):
    """``built`` solved by a new solver in the ``left`` seconds there are
    (and ``det`` units of work in a repeatable run): the solver, the
    progress and the status code; with no time left or after a Ctrl-C,
    UNKNOWN and ``done``, the solver that has already run (one that has
    not has no response to read)."""
    if left < 0.1 or intr.seen:
        return done, progress, cp_model.UNKNOWN
    solver = cp_model.CpSolver()
    configure(solver, replace(params, time_limit=left), det)
    code = intr.solve(solver, built.model, progress)
    progress.close()
    record(solver, "search")
    return solver, progress, code


def _undiagnosed(built: BuiltModel, solver, status: str, params) -> float:
    """The seconds kept for the left-out diagnosis when the schedule in
    hand leaves no request out: the moves, which never make it worse,
    may have them (a 60 s run with every item placed stopped at 46 s,
    its soft preferences still improving)."""
    if status == "FEASIBLE" and every_request_placed(built, solver):
        return params.diagnosis_s
    return 0.0


def _search_on(
    done: cp_model.CpSolver,
    built: BuiltModel,
    params: SolveParams,
    t0: float,
    moves_nominal: float,
    intr,
    progress: Progress,
) -> tuple[cp_model.CpSolver, Progress, str]:
    """No schedule yet, and the time kept for what follows a schedule
    (the moves, the insertion pass, and a third of the pipeline's
    diagnosis and writing: the rest is for saying why there is none)
    has nothing to work on: the search goes on in it. A run that
    stopped with time in hand once said "no schedule found within 5 s"
    after 2.9 s, where 0.7 s more proved the scenario infeasible. A
    repeatable run searches on for the moves' share of the work
    (``moves_nominal`` seconds, none without moves), so it still
    repeats."""
    kept = (params.diagnosis_s + params.writing_s) / 3
    left = params.time_limit + kept - (time.monotonic() - t0)
    det = None
    if params.repeatable:
        det = deterministic_time(params, moves_nominal * (1 - MAIN_SHARE))
        if not moves_nominal:
            return done, progress, "UNKNOWN"
        left = max(
            left, MIN_SEARCH_SECONDS
        )  # the work stops it, not the clock
    if left < MIN_SEARCH_SECONDS:
        return done, progress, "UNKNOWN"
    solver, progress, code = _solve_again(
        done, built, params, left, det, intr, progress
    )
    status = STATUS.get(code)
    if status is None:
        raise ModelBuildError(solver.status_name(code))
    return solver, progress, status


def greedy_start(
    scenario: Scenario,
    seconds: float | None = None,
    nominal: float | None = None,
) -> Schedule:
    """A first schedule to start the search from: the greedy, most
    valuable requests first (:func:`scheduler.search.construct.greedy.greedy`),
    stopped after ``seconds`` (a repeatable run: after the steps of
    ``nominal`` seconds). On the sample it takes about 0.3 s and the
    search started from it ends ahead of one started from nothing
    (``bench/README.md``)."""
    return greedy(
        scenario, order="value", seconds=seconds, nominal=nominal
    ).schedule


def what_if_bound(
    scenario: Scenario, baseline, params: SolveParams, intr: Interrupts
) -> float | None:
    """A proven lower bound on a what-if run's objective: the value the
    relaxation (:func:`scheduler.search.bound.relaxation_bound`) proves
    any schedule of the scenario leaves out, times the what-if
    placement weight; the moves and the soft preferences count at least
    0. The baseline's pins only take schedules away, so a bound for the
    scenario without them holds with them. ``None`` if it proves nothing
    left out. Without it a what-if run's bound was CP-SAT's alone, often
    0 in a short run (a generated one-day event, 10 s: gap 100.00%
    where the relaxation proves 52.6%)."""
    seconds = min(
        WHAT_IF_BOUND_SECONDS, WHAT_IF_BOUND_SHARE * params.time_limit
    )
    nominal = min(WHAT_IF_BOUND_SECONDS, WHAT_IF_BOUND_SHARE * params.nominal)
    found = relaxation_bound(
        scenario,
        seconds,
        seed=params.seed,
        interrupts=intr,
        det=deterministic_time(params, nominal),
        threads=params.workers,
    )
    if found.unplaced is None or found.unplaced <= 1e-6:
        return None
    weight = placement_weight(scenario, baseline)
    return float(weight * math.ceil(found.unplaced - 1e-6))


def _search_seconds(params: SolveParams, improve: bool, skip) -> float:
    """The nominal seconds of CP-SAT's search and the neighbourhood
    moves: the nominal budget less the warm start, the relaxation and the
    insertion pass."""
    t = params.nominal
    before = 0.0
    if params.warm_start and not skip:
        before += WARM_START_SHARE * t
    if improve:
        before += relaxation_seconds(t) + insertion_seconds(t)
    return max(0.5, t - before)


def relaxation_seconds(time_limit: float) -> float:
    """Time for the relaxation bounds (:mod:`scheduler.search.bound`):
    :data:`RELAXATION_SHARE` of the limit, at most
    :data:`MAX_RELAXATION_SECONDS`."""
    return min(MAX_RELAXATION_SECONDS, RELAXATION_SHARE * time_limit)


def insertion_seconds(time_limit: float) -> float:
    """Time kept for the insertion pass: a tenth of the limit, at most
    :data:`MAX_INSERTION_SECONDS`."""
    return min(MAX_INSERTION_SECONDS, 0.1 * time_limit)


def improve_schedule(
    s, schedule, objective, penalties, status, seconds, nominal=None
):
    """The insertion pass (new placements only when the search did not
    prove its schedule optimal), kept only if the whole schedule still
    passes the checker; objective and penalties recomputed from the
    schedule. Returns ``(schedule, objective, penalties)``. With
    ``nominal`` (a repeatable run) it stops on counted tries."""
    better, reasons = insert_left_out(
        s, schedule, seconds, insert=status != "OPTIMAL", nominal=nominal
    )
    if better is not schedule and check(s, better):
        better, reasons = schedule, {}  # never trade a rule for a request
    rows = tuple(
        replace(u, reason=reasons[u.item_id])
        if u.item_id in reasons and u.reason == GENERIC_REASON
        else u
        for u in better.unscheduled
    )
    better = replace(better, unscheduled=rows)
    if better.assignments is schedule.assignments:
        return better, objective, penalties
    pen = obj_penalties(s, better)
    return better, float(objective_value(s, better)), pen


def _hold_phase(
    scenario: Scenario,
    params: SolveParams,
    baseline,
    intr: Interrupts,
    deadline: float | None = None,
):
    """First phase of a what-if run: every baseline item that the changes
    do not break (the checker finds no fault with it under the new
    scenario) is held in place, the rest may move. Its schedule, if any,
    is a complete and feasible start for the full search; ``None`` if
    holding that much is impossible or takes too long. Returns the
    schedule, the values of the model's variables and the seconds its
    model took to build (or had, when it could not be built by
    ``deadline``: then no schedule)."""
    # queue slots are never held: one new or re-ranked member shifts all
    # that follow, and the move costs keep the rest where they were
    hold = frozenset(
        a.item_id
        for a in unbroken_rows(scenario, baseline)
        if a.kind != "sequence"
    )
    t0 = time.monotonic()
    try:
        built = build_model(
            scenario, baseline=baseline, hold=hold, deadline=deadline
        )
    except BuildTooLong:
        if params.repeatable:
            CLOCK_STOPS.add("model building")
        log.warning(
            "The what-if model of %d items could not be built within the "
            "time limit; the baseline's unbroken rows, the rest placed "
            "greedily, stand if they can. A longer --time-limit lets the "
            "search run.",
            len(scenario.items),
        )
        return None, None, time.monotonic() - t0
    build_s = time.monotonic() - t0
    solver = cp_model.CpSolver()
    configure(
        solver,
        replace(params, time_limit=max(1.0, 0.4 * params.time_limit)),
        deterministic_time(params, max(1.0, 0.4 * params.nominal)),
    )
    code = intr.solve(solver, built.model)
    record(solver, "what-if first phase")
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, None, build_s
    values = list(solver.response_proto.solution)
    return extract(scenario, built, solver, baseline), values, build_s


def unbroken_rows(scenario: Scenario, baseline) -> list[Assignment]:
    """The baseline's rows of items still in the scenario that the
    checker finds no fault with under it (what a change leaves alone)."""
    known = scenario.item_by_id
    rows = tuple(
        a for a in baseline.schedule.assignments if a.item_id in known
    )
    broken = {
        i
        for v in check(scenario, replace(baseline.schedule, assignments=rows))
        for i in v.items
    }
    return [a for a in rows if a.item_id not in broken]


def _accepted(scenario: Scenario, schedule: Schedule, baseline) -> bool:
    """Whether ``schedule`` places every mandatory item and the checker
    and the baseline's pins accept it whole."""
    from models.checker.baseline import baseline_pins

    return (
        complete(scenario, schedule)
        and not check(scenario, schedule)
        and not baseline_pins(scenario, schedule, baseline)
    )


def repair_start(
    scenario: Scenario, baseline, seconds: float | None = None
) -> Schedule | None:
    """A what-if run's schedule without the solver: the baseline's
    unbroken rows where they are, everything else placed greedily (most
    valuable first, nothing new before the freeze); ``None`` unless the
    checker and the baseline's pins accept it whole, every mandatory item
    placed. It takes a fraction of a second, so a what-if run has a
    schedule to stand on even when the solver finds none in its time.

    When the changes break none of the baseline, the baseline itself is
    the repair if it is at least as good: the greedy re-places all-heads
    events, and their lists move with them (a re-run of an unchanged
    event once moved 27 signing places and ended 21% worse)."""
    repaired = _greedy_repair(scenario, baseline, seconds)
    as_was = baseline.schedule
    untouched = all(
        a.item_id in scenario.item_by_id for a in as_was.assignments
    ) and _accepted(scenario, as_was, baseline)
    if untouched and (
        repaired is None
        or objective_value(scenario, as_was, baseline)
        <= objective_value(scenario, repaired, baseline)
    ):
        return as_was
    return repaired


def _greedy_repair(
    scenario: Scenario, baseline, seconds: float | None
) -> Schedule | None:
    """:func:`repair_start`'s greedy: the unbroken rows kept (or, if the
    rest cannot be placed around them, the pinned ones only)."""
    freeze = baseline.freeze_before
    not_before = 0 if freeze is None else scenario.grid.to_index(freeze)
    # an all-heads event is placed again (first where it was): who attends
    # follows the arrivals, which the changes may move
    unbroken = [
        a
        for a in unbroken_rows(scenario, baseline)
        if not scenario.item_by_id[a.item_id].all_heads
    ]
    pinned = baseline.pinned(scenario)
    # a queue whose members and rows the changes leave alone stays as it
    # was; any other is filled again in its order
    kept_rows = {a.item_id for a in unbroken}
    members: dict[str, set[str]] = {}
    for it in scenario.items:
        if it.kind == "sequence" and not it.is_alternative:
            members.setdefault(it.sequence_id, set()).add(it.item_id)
    was: dict[str, set[str]] = {}
    for a in baseline.schedule.assignments:
        if a.kind == "sequence":
            was.setdefault(a.ref_id, set()).add(a.item_id)
    same = frozenset(
        q
        for q, ids in members.items()
        if ids == was.get(q, set()) and ids <= kept_rows
    )
    # first keep every unbroken row; if the rest cannot all be placed
    # around them, keep only the pinned ones and try the others where
    # they were first
    for keep in (unbroken, [a for a in unbroken if a.item_id in pinned]):
        kept = {a.item_id for a in keep}
        schedule = greedy(
            scenario,
            order="value",
            seconds=seconds,
            keep=keep,
            not_before=not_before,
            moved=[
                a
                for a in baseline.schedule.assignments
                if a.item_id in scenario.item_by_id and a.item_id not in kept
            ],
            complete_only=True,
            keep_queues=same if keep is unbroken else frozenset(),
        ).schedule
        if _accepted(scenario, schedule, baseline):
            return with_reasons(scenario, schedule)
    return None


def _too_large(scenario, params, hint, baseline, bound, t0, ready_s):
    """The result when the model was not built by the time the run must
    stop searching (:class:`BuildTooLong`: a model whose size grows with
    the square of each person's items, thousands of requests): the first
    schedule in hand stands (the greedy start, or a what-if run's first
    phase), with the relaxation's bound when there is one; with none, no
    schedule (UNKNOWN). The time limit holds: before, 4,978 bilateral
    requests on 150 delegations took 65 s for a 30 s limit, 39 s of it
    building the model. A repeatable run says the clock decided."""
    seconds = time.monotonic() - t0
    if params.repeatable:
        CLOCK_STOPS.add("model building")
    stands = hint is not None and (baseline is not None or ready_s is not None)
    log.warning(
        "The model of %d items could not be built within the time limit "
        "(stopped after %.1f s); %s. A longer --time-limit lets the "
        "search run.",
        len(scenario.items),
        seconds,
        "the first schedule stands" if stands else "there is no schedule yet",
    )
    if not stands:
        return Result("UNKNOWN", None, None, None, seconds)
    done = _stands(scenario, hint, baseline, params, seconds)
    return _bounded(done, None if bound is None else bound.objective)


def _stands(scenario, hint, baseline, params, seconds) -> Result:
    """The first schedule in hand as the result: a what-if run's first
    phase, or the greedy start (its left-out items given their reasons)."""
    if baseline is not None:
        return _first_phase_result(
            scenario, hint, baseline, params, seconds, SINGLE_MODEL
        )
    return _first_phase_result(
        scenario,
        with_reasons(scenario, hint),
        None,
        params,
        seconds,
        GREEDY_START,
    )


def _bounded(done: Result, bound: float | None) -> Result:
    """``done`` (a first schedule that stands) with ``bound``, a proven
    bound on the objective in its units, and the gap it gives; ``done``
    as it is without one (or with one above its objective, which no
    proven bound is)."""
    if (
        bound is None
        or done.objective is None
        or done.schedule is None
        or done.schedule.info is None
        or bound > done.objective + 1e-6
    ):
        return done
    with_bound = replace(done, best_bound=bound)
    info = replace(done.schedule.info, best_bound=bound, gap=with_bound.gap)
    return replace(with_bound, schedule=replace(done.schedule, info=info))


def _first_phase_result(
    scenario, schedule, baseline, params, seconds, method=SINGLE_MODEL
):
    """The result when the full search found nothing in its time but a
    first schedule was known (a what-if run's first phase, or the greedy
    start that passed the checker): that schedule, FEASIBLE, with no
    proven bound."""
    from models import objective as obj
    from models.baseline import moves_cost

    pen = obj.penalties(scenario, schedule)
    if baseline is not None:
        pen["moves"] = moves_cost(scenario, baseline, schedule)
    value = obj.objective_value(scenario, schedule, baseline)
    info = SolveInfo(
        status="FEASIBLE",
        objective=value,
        best_bound=None,
        solve_seconds=round(seconds, 3),
        workers=params.workers,
        seed=params.seed,
        time_limit=params.time_limit,
        penalties=pen,
        method=method,
    )
    return Result(
        "FEASIBLE", replace(schedule, info=info), value, None, seconds
    )
