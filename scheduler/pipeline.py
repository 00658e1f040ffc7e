"""The library under the command line.

Each ``scheduler`` command is one function here: it takes paths or
records, returns a result record and raises a typed error
(:mod:`scheduler.errors`) with the words and exit code for the person who
ran it. Nothing here prints: progress goes to :mod:`logging` (logger
``scheduler``; CP-SAT's own search log to ``scheduler.cpsat`` when
``SolveParams.log`` is set), so a notebook or a benchmark runs exactly
what the command runs, and the command line only parses, calls and
prints.

A solve, step by step (:func:`solve`): choose one model or day by day,
search (:mod:`scheduler.search`), check the schedule with the independent
checker (:mod:`models.checker`), ask the solver why the left-out items are
out (:mod:`scheduler.diagnosis.diagnose`), compare with the baseline of a
what-if run (:mod:`models.changes`).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import IO

from models import Scenario, ScenarioError
from models.audience import marked_item_ids
from models.baseline import Baseline, baseline_problems
from models.changes import Change, diff_schedules
from models.checker import Violation
from models.checker import check as check_schedule
from models.checker.baseline import baseline_pins
from models.files import write_refusal
from models.reasons import waiting_rows
from models.records.problems import shown
from models.records.schedule import Schedule

from . import interrupts
from .diagnosis.explain import Explanation
from .errors import BadInput, EngineFault, Infeasible, NoSchedule
from .search.params import SolveParams
from .search.result import Result
from .search.work import CLOCK_STOPS

log = logging.getLogger(__name__)

#: ``--decompose`` choices: one model, day by day, or chosen by size.
DECOMPOSE = ("auto", "day", "off")
#: Longest time an infeasible solve spends explaining why.
EXPLAIN_SECONDS = 60.0
#: Share of the time limit kept for asking the solver about left-out
#: items (at most what ``--diagnose-seconds`` or the default asks).
DIAGNOSIS_SHARE = 0.15
#: Seconds kept for writing the workbook: a base, a share per item
#: (about 1.5 s for 500 items on 2 cores) and one per day (a grid sheet
#: each: the sample's 516 items on 3 days took 1.58 s to write, on 63
#: days 2.96 s), at most WRITE_SHARE of the time limit.
WRITE_SECONDS = 0.5
WRITE_SECONDS_PER_ITEM = 0.003
WRITE_SECONDS_PER_DAY = 0.025
WRITE_SHARE = 0.25


# ------------------------------------------------------------------ inputs


def load_scenario(path: Path | None = None) -> Scenario:
    """The scenario at ``path`` (the bundled Hanoi 2025 sample if
    ``None``); :class:`BadInput` lists every problem with its place."""
    from inputs import load_scenario as read
    from inputs.sample import sample_path

    source = path if path is not None else sample_path()
    try:
        return read(source)
    except ScenarioError as exc:
        raise BadInput(
            f"{_name(source)}: {len(exc.problems)} problem(s); nothing "
            "was written:",
            [f"  - {p}" for p in exc.problems],
        ) from None


@dataclass(frozen=True)
class ScheduleFile:
    """A schedule workbook read back: the schedule and what the reader
    noted (normalised headers, a venue taken from its room)."""

    schedule: Schedule
    notes: list[str] = field(default_factory=list)


def load_schedule(
    path: Path, scenario: Scenario | None = None
) -> ScheduleFile:
    """The schedule workbook at ``path`` (read against ``scenario`` when
    given); :class:`BadInput` lists every problem with its place."""
    from inputs.schedule_reader import read_schedule

    read = read_schedule(path, scenario=scenario)
    if read.problems or read.schedule is None:
        raise BadInput(
            f"{_name(path)}: cannot read the schedule:",
            [f"  - {p}" for p in read.problems],
        )
    if scenario is not None:
        _refuse_foreign(scenario, read.schedule, path)
    return ScheduleFile(read.schedule, list(read.notes))


def _refuse_foreign(
    scenario: Scenario, schedule: Schedule, path: Path
) -> None:
    """:class:`BadInput` when no row of ``schedule`` is an item of
    ``scenario``: the schedule of another event (or another scenario
    file) was given. Checked against it, every row broke a rule (exit
    1, hundreds of lines); exported, a copy of another event was
    written under this one's name; as a baseline, every row was
    "cancelled". A schedule that shares any item is read as usual: its
    unknown rows are the checker's and the public copy's to judge."""
    ids = [a.item_id for a in schedule.assignments]
    if not ids or any(i in scenario.item_by_id for i in ids):
        return
    some = ", ".join(shown(i) for i in ids[:3])
    lines = [
        f"  - none of its {len(ids)} row(s) ({some}"
        f"{', ...' if len(ids) > 3 else ''}) is an item of the scenario"
    ]
    theirs, ours = schedule.event_name, scenario.settings.event_name
    if theirs and theirs != ours:
        lines.append(
            f"  - its Summary names the event {shown(theirs)}; the "
            f"scenario is {shown(ours)}"
        )
    which = _name(Path(scenario.source)) if scenario.source else "given"
    raise BadInput(
        f"{_name(path)} is not a schedule of the scenario {which}; "
        "nothing was written:",
        lines,
    )


def _unrelated(old: Schedule, new: Schedule) -> bool:
    """Two schedules with rows but not one item in common: a diff of
    them says everything was dropped and added."""
    a = {x.item_id for x in old.assignments}
    b = {x.item_id for x in new.assignments}
    return bool(a) and bool(b) and not a & b


def load_baseline(
    scenario: Scenario, path: Path | None, freeze: str | None = None
) -> Baseline | None:
    """The baseline of a what-if run (``None`` without ``path``), frozen
    before ``freeze`` ('YYYY-MM-DD HH:MM') when given."""
    if path is None:
        if freeze:
            raise BadInput("--freeze-before needs --baseline")
        return None
    when = None
    if freeze:
        try:
            when = datetime.strptime(freeze.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            raise BadInput(
                f"--freeze-before {freeze!r}: expected a date-time like "
                "'2025-10-25 12:00'"
            ) from None
    baseline = Baseline(load_schedule(path, scenario).schedule, when)
    problems = baseline_problems(scenario, baseline)
    if problems:
        raise BadInput(
            f"{_name(path)}: {len(problems)} row(s) no schedule of this "
            "scenario can keep; nothing was written:",
            [f"  - {p}" for p in problems],
        )
    return baseline


def guard_outputs(
    output: Path | None,
    ics: Path | None = None,
    inputs: Iterable[Path | None] = (),
) -> None:
    """Refuse, before any work, outputs that cannot be written
    (:func:`models.files.write_refusal`: a missing or read-only folder, a
    device or pipe, a name too long), a workbook whose name does not end
    in .xlsx, and outputs that would overwrite an input file (links
    resolved) or a file of the installed package (the bundled sample)."""
    if output is not None:
        refusal = write_refusal(output)
        if refusal is not None:
            raise BadInput(
                f"Cannot write {output}: {refusal}. Nothing was written."
            )
        if output.suffix.lower() != ".xlsx":
            raise BadInput(
                f"Cannot write {output}: an Excel workbook's name ends in "
                ".xlsx (no other name can be read back by scheduler check, "
                "export or --baseline). Nothing was written."
            )
    if ics is not None:
        try:
            if ics.exists() and not ics.is_dir():
                raise BadInput(f"--ics {ics} is a file; give a folder.")
            # a folder there must take the calendars; a new one, its parent
            refusal = write_refusal(
                ics / "calendar.ics" if ics.is_dir() else ics
            )
            if refusal is not None:
                raise BadInput(
                    f"Cannot write calendars into --ics {ics}: {refusal}. "
                    "Nothing was written."
                )
        except OSError as exc:
            raise BadInput(
                f"--ics {ics}: {exc.strerror or exc}. Nothing was written."
            ) from None
        _refuse_foreign_calendars(ics)
    protected = [p for p in inputs if p is not None]
    for target in (output, ics):
        if target is None:
            continue
        for path in protected:
            if _same_file(path, target):
                raise BadInput(
                    f"{target} is an input of this run; write the output "
                    "to another file (inputs are never modified)."
                )
        if _inside_package(target):
            raise BadInput(
                f"{target} is inside the installed scheduler package; "
                "write the output somewhere else."
            )


def _refuse_foreign_calendars(folder: Path) -> None:
    """A calendar folder holding ``.ics`` files this program did not
    write there is refused: they would stay beside ours, perhaps for
    another audience (:func:`outputs.calendars.write_calendars`)."""
    from outputs.calendars import foreign_calendars

    foreign = foreign_calendars(folder)
    if foreign:
        shown = ", ".join(foreign[:5])
        more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        raise BadInput(
            f"--ics {folder} holds calendars this program did not write "
            f"there ({shown}{more}); give an empty or new folder, or one "
            "this program wrote before. Nothing was written."
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (
            a.exists() and b.exists() and os.path.samefile(a, b)
        )
    except OSError:
        return False


def _inside_package(path: Path) -> bool:
    import inputs
    import models
    import outputs
    import scheduler

    try:
        target = path.resolve()
    except OSError:
        return False
    for pkg in (inputs, models, outputs, scheduler):
        root = Path(pkg.__file__).resolve().parent
        if target == root or root in target.parents:
            return True
    return False


def _name(path: Path) -> str:
    """A file as outputs and messages name it: its name, never the folders
    above it (which can say more than the file does)."""
    return Path(path).name


# ------------------------------------------------------------------ solve


@dataclass(frozen=True)
class SolveRun:
    """What :func:`solve` did: the search's result (its schedule checked
    by the independent checker and with the left-out items diagnosed),
    whether it went day by day, and the changes against the baseline of a
    what-if run."""

    result: Result
    by_day: bool = False
    changes: list[Change] | None = None
    #: which left-out items the solver was asked about, in words
    diagnosed: str | None = None

    @property
    def schedule(self) -> Schedule:
        assert self.result.schedule is not None
        return self.result.schedule


def use_days(scenario: Scenario, decompose: str, baseline=None) -> bool:
    """Whether to solve day by day (``--decompose auto|day|off``)."""
    from .search.decompose import use_days as auto

    if decompose not in DECOMPOSE:
        raise BadInput(f"--decompose {decompose!r}: one of {DECOMPOSE}")
    if decompose == "day" and baseline is not None:
        raise BadInput(
            "--decompose day does not take --baseline: what-if runs use "
            "one model."
        )
    if baseline is not None or decompose == "off":
        return False
    return decompose == "day" or auto(scenario)


def solve(
    scenario: Scenario,
    params: SolveParams | None = None,
    *,
    baseline: Baseline | None = None,
    decompose: str = "auto",
    diagnose_seconds: float | None = None,
    progress: IO[str] | None = None,
    on_day: Callable | None = None,
    started: float | None = None,
) -> SolveRun:
    """Schedule ``scenario`` and return a checked schedule.

    ``params.time_limit`` bounds the whole run from ``started`` (a
    :func:`time.monotonic` reading; now if not given) to a written
    workbook: the search gets what is left after the time kept for the
    left-out diagnosis and for writing (:func:`time_plan`), and the
    diagnosis what is left after the search.

    Raises :class:`Infeasible` (with the explanation) when the mandatory
    items cannot all be placed, :class:`NoSchedule` when nothing was found
    in the time limit or the run was interrupted before a schedule, and
    :class:`EngineFault` if the independent checker rejects the engine's
    schedule. ``progress`` (a terminal stream) gets the live line;
    ``on_day`` each day's report of a day-by-day run."""
    params = params or SolveParams()
    started = time.monotonic() if started is None else started
    deadline = started + params.time_limit
    by_day = use_days(scenario, decompose, baseline)
    plan = time_plan(
        scenario, params.time_limit, diagnose_seconds, baseline is not None
    )
    total = params.time_limit
    search_s = max(
        0.5, deadline - time.monotonic() - plan.diagnosis - plan.writing
    )
    # a repeatable run sizes its stages from the budget, never from the
    # time spent reading the scenario (scheduler/search/work.py)
    params = replace(
        params,
        time_limit=search_s,
        budget=max(0.5, total - plan.diagnosis - plan.writing),
        diagnosis_s=plan.diagnosis,
        writing_s=plan.writing,
    )
    CLOCK_STOPS.reset()
    log.info(
        "Solving %s: %d items, %d rooms, %d worker(s), %g s limit%s",
        scenario.settings.event_name,
        len(scenario.items),
        len(scenario.rooms),
        params.workers,
        total,
        ", one day at a time" if by_day else "",
    )
    days: list = []  # a day-by-day run's reports
    try:
        with interrupts.polled():
            if by_day:
                from .search.decompose import solve_by_day

                result, days = solve_by_day(scenario, params, on_day=on_day)
            else:
                from .search.solve import solve as search

                result = search(
                    scenario,
                    params,
                    baseline=baseline,
                    progress_stream=progress,
                )
    except KeyboardInterrupt:
        raise NoSchedule(
            "Interrupted before a schedule was found; nothing was written."
        ) from None
    if interrupts.stopped() and not result.interrupted:
        # a stage after the search kept its best so far
        result = replace(result, interrupted=True)
    limit = f"{total:g} s"
    if result.status == "INFEASIBLE":
        # what the run leaves, and a second at least: a scenario without
        # a schedule gets its reason, if a little late; but the solver is
        # asked only if its model can be built in what is left (a 5 s run
        # on 377 items took 6.1 s: 1.8 s to explain in the 0.9 s left)
        left = deadline - time.monotonic()
        seconds = min(EXPLAIN_SECONDS, max(1.0, left))
        ask = result.model_seconds is None or result.model_seconds < left
        first, *rest = _infeasible_lines(scenario, seconds, ask)
        raise Infeasible(first, rest)
    if result.schedule is None:
        if result.interrupted:
            raise NoSchedule(
                "Interrupted before a schedule was found; nothing was written."
            )
        if by_day and days and days[-1].status == "INFEASIBLE":
            _no_day_schedule(scenario, days[-1].day, deadline)
        if by_day:
            raise NoSchedule(
                f"{result.status}: one day found no schedule in its share "
                f"of {limit}; nothing was written. Try a longer "
                "--time-limit, or --decompose off."
            )
        raise NoSchedule(
            f"{result.status}: no schedule found within {limit}; nothing "
            "was written. Try a longer --time-limit."
        )
    violations = check_schedule(scenario, result.schedule)
    if baseline is not None:
        violations += baseline_pins(scenario, result.schedule, baseline)
    if violations:  # a bug in the engine: say so, never hide it
        raise EngineFault(
            "The independent checker rejects the solver's schedule "
            "(please report this):",
            [f"  - [{v.rule}] {v.message}" for v in violations[:20]],
        )
    left = deadline - time.monotonic() - plan.writing
    nominal = plan.diagnosis if params.repeatable else None
    if result.interrupted:
        left, nominal = 0.0, None  # Ctrl-C: write what there is
    result, diagnosed = _diagnose(
        scenario, result, diagnose_seconds, max(0.0, left), nominal
    )
    result = _with_waiting(scenario, result)
    result = _with_reproducible(result, params)
    changes = None
    if baseline is not None:
        result = _with_baseline_marks(result, baseline.schedule)
        changes = diff_schedules(
            baseline.schedule, result.schedule, set(scenario.item_by_id)
        )
    return SolveRun(result, by_day, changes, diagnosed)


def _no_day_schedule(scenario: Scenario, day, deadline: float) -> None:
    """A day of a day-by-day run is proven to have no schedule for the
    items planned on it: the whole event may have none (then say so, and
    why, as a single model would), or the plan put a movable mandatory
    item on a day that cannot hold it. Raises either way; once it said
    "no schedule in its share of 10 s, try a longer --time-limit" after
    1 s, for an event a single model proves infeasible."""
    seconds = min(EXPLAIN_SECONDS, max(1.0, deadline - time.monotonic()))
    exp = explain(scenario, seconds)
    if exp.status == "INFEASIBLE":  # proven for the whole event
        first, *rest = infeasible_lines(scenario, exp)
        raise Infeasible(first, rest)
    raise NoSchedule(
        f"{day}: the items planned for this day cannot all be placed "
        "(proven), though the whole event may have a schedule; nothing "
        "was written. Try --decompose off."
    )


@dataclass(frozen=True)
class TimePlan:
    """Seconds of the time limit kept for the steps after the search."""

    diagnosis: float
    writing: float


def time_plan(
    scenario: Scenario,
    time_limit: float,
    diagnose_seconds: float | None,
    what_if: bool = False,
) -> TimePlan:
    """What to keep, of ``time_limit``, for the left-out diagnosis (what
    it asks, at most :data:`DIAGNOSIS_SHARE` of the limit: the default
    asks for 10 s on scenarios under 1,000 items; nothing when that is
    less than one item's share) and for writing the
    workbook (an estimate from the number of items and days)."""
    from .diagnosis.diagnose import AUTO_ITEMS, AUTO_SECONDS, MIN_ITEM_SECONDS

    if diagnose_seconds is not None:
        asked = diagnose_seconds
    elif what_if:
        # a what-if run needs its time for the two phases of its search
        # (with 10 s, keeping 1.5 s left it none): the default diagnosis
        # gets what the search leaves
        asked = 0.0
    else:
        asked = AUTO_SECONDS if len(scenario.items) < AUTO_ITEMS else 0.0
    writing = min(
        WRITE_SHARE * time_limit,
        WRITE_SECONDS
        + WRITE_SECONDS_PER_ITEM * len(scenario.items)
        + WRITE_SECONDS_PER_DAY * len(scenario.settings.days),
    )
    kept = min(asked, DIAGNOSIS_SHARE * time_limit)
    if kept < MIN_ITEM_SECONDS:
        # too little to ask about one item: the diagnosis would begin
        # none (a 10 s run kept 1.5 s and ended at 8 s), so the search
        # has it; what the search leaves is still the diagnosis's
        kept = 0.0
    return TimePlan(kept, writing)


def reproducible(params: SolveParams, interrupted: bool = False) -> str:
    """Whether a run with the same input, seed and workers gives the same
    schedule, in words for the Summary (:mod:`scheduler.search.work`)."""
    if params.workers > 1:
        return (
            f"no: {params.workers} workers race (with --workers 1 and "
            "the same --seed a run repeats exactly)"
        )
    if interrupted:
        return "no: interrupted"
    stops = CLOCK_STOPS.stages
    if stops:
        return (
            "no: the clock stopped the " + ", ".join(stops) + " before "
            "its work was done (a busy machine); a longer --time-limit "
            "gives a run that repeats"
        )
    return "yes: one worker, every step stopped on work done, not the clock"


def _with_reproducible(result: Result, params: SolveParams) -> Result:
    schedule = result.schedule
    assert schedule is not None
    info = schedule.info
    if info is None:
        return result
    said = reproducible(params, result.interrupted)
    return replace(
        result,
        schedule=replace(schedule, info=replace(info, reproducible=said)),
    )


def _with_baseline_marks(result: Result, baseline: Schedule) -> Result:
    """A what-if schedule keeps the baseline workbook's own
    ``restricted`` marks (the ``restricted`` column of its Schedule and
    Unscheduled sheets): an item marked there stays out of the public
    copy and is marked in the full one, moved, placed at last or left
    out. The search builds new rows, which carry no mark."""
    marked = marked_item_ids(baseline)
    schedule = result.schedule
    if not marked or schedule is None:
        return result
    rows = tuple(
        replace(a, restricted=True) if a.item_id in marked else a
        for a in schedule.assignments
    )
    left = tuple(
        replace(u, restricted=True) if u.item_id in marked else u
        for u in schedule.unscheduled
    )
    marks = {"assignments": rows, "unscheduled": left}
    return replace(result, schedule=replace(schedule, **marks))


def _with_waiting(scenario: Scenario, result: Result) -> Result:
    """The result with the requests that wait for a delegation's
    confirmation among the left-out items
    (:func:`models.reasons.waiting_rows`)."""
    schedule = result.schedule
    assert schedule is not None
    known = {u.item_id for u in schedule.unscheduled}
    rows = [u for u in waiting_rows(scenario) if u.item_id not in known]
    if not rows:
        return result
    return replace(
        result,
        schedule=replace(schedule, unscheduled=(*schedule.unscheduled, *rows)),
    )


def _diagnose(
    scenario: Scenario,
    result: Result,
    seconds: float | None,
    left: float = float("inf"),
    nominal: float | None = None,
) -> tuple[Result, str | None]:
    """Ask the solver why the left-out items are out
    (:func:`scheduler.diagnosis.diagnose.diagnosis_plan` says which and
    for how long), in at most ``left`` seconds (a repeatable run: sized
    from ``nominal`` seconds, stopped on work done)."""
    from .diagnosis.diagnose import (
        MIN_ITEM_SECONDS,
        diagnose_left_out,
        diagnosis_plan,
    )

    schedule = result.schedule
    assert schedule is not None
    budget, only = diagnosis_plan(scenario, schedule, seconds)
    # a repeatable run sizes the diagnosis from its share of the limit,
    # never from the time left (the clock then only a safety net)
    nominal = min(budget, nominal) if nominal is not None else None
    # the clock: what is left before writing (a repeatable run), else the
    # diagnosis's own seconds
    budget = left if nominal is not None else min(budget, left)
    if (
        nominal if nominal is not None else budget
    ) < MIN_ITEM_SECONDS or not schedule.unscheduled:
        return result, None  # (less than one item's share: none begun)
    which = (
        f"{len(only)} left-out item(s) that no cheap check explains"
        if only is not None
        else "every left-out item"
    )
    log.info("Asking the solver about %s (up to %g s)", which, budget)
    with interrupts.polled():
        diagnosed = diagnose_left_out(
            scenario, schedule, budget=budget, only=only, nominal=nominal
        )
    if interrupts.stopped():  # Ctrl-C: what was found so far
        result = replace(result, interrupted=True)
    return replace(result, schedule=diagnosed), which


# ------------------------------------------------------------ explain


def explain(
    scenario: Scenario, time_limit: float = 60.0, ask: bool = True
) -> Explanation:
    """Why ``scenario`` has no schedule (an empty explanation when it
    has one; without ``ask``, the cheap checks only); see
    :mod:`scheduler.diagnosis.explain`."""
    from .diagnosis.explain import explain as run

    with interrupts.polled():
        return run(scenario, time_limit=time_limit, ask=ask)


def infeasible_lines(scenario: Scenario, exp: Explanation) -> list[str]:
    """The words for a scenario with no schedule, from its explanation."""
    return [
        "INFEASIBLE: the mandatory items cannot all be placed under the "
        "hard rules; no schedule was written.",
        *(exp.lines(scenario) or ["(no further explanation was found)"]),
    ]


def _infeasible_lines(
    scenario: Scenario, time_limit: float, ask: bool = True
) -> list[str]:
    return infeasible_lines(scenario, explain(scenario, time_limit, ask))


# -------------------------------------------------------- check and diff


def check(scenario: Scenario, schedule: Schedule) -> list[Violation]:
    """Every hard rule ``schedule`` breaks (none: it holds), without the
    solver (:mod:`models.checker`)."""
    return check_schedule(scenario, schedule)


def diff(old: Path, new: Path) -> list[Change]:
    """What was added, moved, dropped or cancelled from the schedule
    workbook ``old`` to ``new``."""
    before, after = load_schedule(old), load_schedule(new)
    if _unrelated(before.schedule, after.schedule):
        log.warning(
            "Warning: %s and %s have no item in common (schedules of two "
            "different scenarios?): every item is dropped or added",
            _name(old),
            _name(new),
        )
    return diff_schedules(before.schedule, after.schedule)


# ---------------------------------------------------------------- write


def write_outputs(
    scenario: Scenario,
    schedule: Schedule,
    output: Path,
    changes: list[Change] | None = None,
    audience: str = "full",
    ics: Path | None = None,
) -> list[Path]:
    """Write the workbook for ``audience`` (and, with ``ics``, the
    calendars); return the calendar files written. :class:`BadInput` when
    a file cannot be written: a file already at ``output`` is then left
    untouched. A Ctrl-C or SIGTERM while writing lets the files finish
    (:func:`scheduler.interrupts.deferred`)."""
    if ics is not None:
        _refuse_foreign_calendars(ics)
    with interrupts.deferred():
        return _write_outputs(
            scenario, schedule, output, changes, audience, ics
        )


def _write_outputs(
    scenario: Scenario,
    schedule: Schedule,
    output: Path,
    changes: list[Change] | None,
    audience: str,
    ics: Path | None,
) -> list[Path]:
    from outputs.calendars import write_calendars
    from outputs.xlsx_writer import write_schedule_workbook

    try:
        write_schedule_workbook(scenario, schedule, output, changes, audience)
    except OSError as exc:
        raise BadInput(
            f"Could not write {output}: {exc.strerror or exc}. Any "
            "earlier file there is untouched."
        ) from None
    if ics is None:
        return []
    try:
        return write_calendars(scenario, schedule, ics, audience)
    except OSError as exc:
        raise BadInput(
            f"Could not write the calendars into {ics}: {exc.strerror or exc}."
        ) from None


def write_changes(changes: list[Change], output: Path) -> Path:
    """A workbook holding only the Changes sheet (``scheduler diff -o``)."""
    from outputs.xlsx_writer import write_changes_workbook

    try:
        with interrupts.deferred():
            return write_changes_workbook(changes, output)
    except OSError as exc:
        raise BadInput(
            f"Could not write {output}: {exc.strerror or exc}. Any "
            "earlier file there is untouched."
        ) from None


@dataclass(frozen=True)
class ExportRun:
    """What :func:`export` wrote, and the hard rules the exported
    schedule breaks (written all the same: it is the published one)."""

    calendars: list[Path]
    violations: list[Violation]


def export(
    scenario_path: Path,
    schedule_path: Path,
    output: Path,
    audience: str = "full",
    ics: Path | None = None,
) -> ExportRun:
    """The workbook (and calendars) of an existing schedule for an
    audience, without solving again."""
    guard_outputs(output, ics, (scenario_path, schedule_path))
    s = load_scenario(scenario_path)
    read = load_schedule(schedule_path, s)
    from inputs.schedule_reader import not_drawable

    backwards = not_drawable(read.schedule, str(schedule_path))
    if backwards:
        raise BadInput(
            f"{_name(schedule_path)}: {len(backwards)} row(s) cannot be "
            "exported; nothing was written:",
            [f"  - {p}" for p in backwards],
        )
    violations = check_schedule(s, read.schedule)
    calendars = write_outputs(s, read.schedule, output, None, audience, ics)
    return ExportRun(calendars, violations)
