"""Cross-reference and consistency checks of a whole scenario.

Row-level type checks belong to the readers; this module checks what only
the whole scenario can tell: unknown references, duplicate ids, values out
of range, windows outside the event days, shorter than their item or
leaving it no start in the day's hours, cycles in ``after``. Every problem
names the sheet, row and column.

Most checks are lines of four tables, run sheet by sheet and row by row in
the order they are listed:

- :data:`UNIQUE`: a column whose values may not repeat;
- :data:`REFERENCES`: a column whose values must name something the
  scenario knows (a :class:`Ref`), or a check of one row that is more than
  that (a function, e.g. :func:`_arrival_point`);
- :data:`RANGES`: a number column with its bounds (a :class:`Range`);
- :data:`WINDOWS`: two date-time columns that must be ordered and inside
  the event days (a :class:`Window`), or a function of one row.

To check a new column, add one line to the right table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from .precedence import parse_tiebreak
from .records import limits
from .records.problems import Problem
from .records.scenario import Scenario
from .records.time_grid import MINUTE
from .records.vocabulary import (
    DELEGATION_KINDS,
    DELEGATION_ROLES,
    EVENT_KINDS,
    LATE_MOVE_PREFIX,
    LATE_POLICIES,
    PAPER_SIZES,
    PERSON_ROLES,
    ROOM_KINDS,
    SEQUENCE_ORDERS,
    WINDOW_EFFECTS,
)

#: The scenario field holding each sheet's records.
RECORDS: dict[str, str] = {
    "Ranks": "ranks",
    "Venues": "venues",
    "Travel": "travel",
    "Rooms": "rooms",
    "Delegations": "delegations",
    "People": "people",
    "Events": "events",
    "Slots": "slots",
    "Bilaterals": "bilaterals",
    "Arrivals": "arrivals",
    "Sequences": "sequences",
    "SequenceMembers": "members",
    "SecurityWindows": "windows",
}


def records(s: Scenario, sheet: str) -> tuple[Any, ...]:
    """The records of ``sheet`` in ``s``, in row order."""
    out: tuple[Any, ...] = getattr(s, RECORDS[sheet])
    return out


def problem(
    sheet: str,
    rec: object,
    column: str | None,
    message: str,
    value: object = None,
    expected: str | None = None,
) -> Problem:
    """A problem found in record ``rec`` of ``sheet`` (at its row)."""
    return Problem(
        message=message,
        sheet=sheet,
        row=getattr(rec, "row", None),
        column=column,
        value=value,
        expected=expected,
    )


#: A check of one record that is more than a table line says: it yields
#: the record's problems.
RowCheck = Callable[[Scenario, Any], Iterable[Problem]]


def validate_scenario(s: Scenario) -> list[Problem]:
    """Every problem of the scenario, in sheet order (empty if none)."""
    out: list[Problem] = []
    out += _settings(s)
    out += _duplicates(s)
    out += _rows(s, REFERENCES)
    out += _rows(s, RANGES)
    out += _rows(s, WINDOWS)
    out += _after_cycles(s)
    out += _sequences(s)
    return out


def _rows(
    s: Scenario, table: Iterable[tuple[str, Ref | Range | Window | RowCheck]]
) -> Iterator[Problem]:
    """Run a table: sheet by sheet (in the order the sheets first appear),
    row by row, each line of that sheet in table order."""
    by_sheet: dict[str, list[Ref | Range | Window | RowCheck]] = {}
    for sheet, line in table:
        by_sheet.setdefault(sheet, []).append(line)
    for sheet, lines in by_sheet.items():
        checks = [
            line if callable(line) else line.bind(sheet) for line in lines
        ]
        for rec in records(s, sheet):
            for check in checks:
                yield from check(s, rec)


# --------------------------------------------------------------- settings
def _settings(s: Scenario) -> Iterator[Problem]:
    st = s.settings

    def bad(
        key: str,
        message: str,
        value: object = None,
        expected: str | None = None,
    ) -> Problem:
        return Problem(
            message=message,
            sheet="Settings",
            column=key,
            value=value,
            expected=expected,
        )

    if not st.days:
        yield bad(
            "days", "No event days are given", expected="one date or more"
        )
    if st.day_start >= st.day_end:
        yield bad(
            "day_end",
            "day_end must be later than day_start",
            st.day_end.strftime("%H:%M"),
        )
    if st.time_step_minutes < 1:
        yield bad(
            "time_step_minutes",
            "time_step_minutes must be at least 1",
            st.time_step_minutes,
        )
    for key in (
        "room_changeover_minutes",
        "same_venue_buffer_minutes",
        "vip_sweep_minutes",
    ):
        if getattr(st, key) < 0:
            yield bad(key, f"{key} cannot be negative", getattr(st, key))
    if st.vip_rank not in s.rank_by_code:
        yield bad(
            "vip_rank",
            "Unknown rank",
            st.vip_rank,
            "a rank code of the Ranks sheet",
        )
    if not _known_timezone(st.timezone):
        yield bad(
            "timezone",
            "Unknown time zone",
            st.timezone,
            "an IANA name such as Asia/Ho_Chi_Minh",
        )
    try:
        parse_tiebreak(st.precedence_tiebreak)
    except ValueError:
        yield bad(
            "precedence_tiebreak",
            "Unknown tie-break",
            st.precedence_tiebreak,
            "alphabetical, lot:X, seniority or registration",
        )
    if st.paper_size not in PAPER_SIZES:
        yield bad(
            "paper_size",
            "Unknown paper size",
            st.paper_size,
            ", ".join(PAPER_SIZES),
        )


def _known_timezone(name: str) -> bool:
    """Whether ``name`` is a time zone this machine knows (calendars are
    written in it)."""
    try:
        ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        return False
    return True


# ------------------------------------------------------------- duplicates
@dataclass(frozen=True)
class Unique:
    """Values of ``column`` (or of ``key(scenario, record)``) may not
    repeat within the sheet; every repeat after the first is reported."""

    sheet: str
    column: str
    key: Callable[[Scenario, Any], object] | None = None


def _member_key(s: Scenario, m: Any) -> object:
    return (m.sequence_id, s.resolve(m.member) or m.member)


UNIQUE: tuple[Unique, ...] = (
    Unique("Ranks", "rank"),
    Unique("Venues", "venue_id"),
    Unique("Rooms", "room_id"),
    Unique("Delegations", "delegation_id"),
    Unique("People", "person_id"),
    Unique("Events", "event_id"),
    Unique("Bilaterals", "request_id"),
    Unique("Arrivals", "delegation_id"),
    Unique("Sequences", "sequence_id"),
    Unique("SequenceMembers", "member", _member_key),
    Unique("SecurityWindows", "window_id"),
    Unique("Travel", "to_venue", lambda s, t: (t.from_venue, t.to_venue)),
)


def _duplicates(s: Scenario) -> Iterator[Problem]:
    for u in UNIQUE:
        recs = records(s, u.sheet)
        get = attrgetter(u.column)
        keys = [u.key(s, r) if u.key else get(r) for r in recs]
        counts = Counter(keys)
        seen: set[object] = set()
        for r, k in zip(recs, keys, strict=True):
            if counts[k] > 1:
                if k in seen:
                    yield problem(
                        u.sheet,
                        r,
                        u.column,
                        "Duplicate id",
                        k,
                        f"unique {u.column} values",
                    )
                seen.add(k)
    # (compared as the reader compares ids of one sheet: a person GST
    # typed with a Cyrillic Т printed as the head GST)
    heads = {limits.same_id(d.delegation_id) for d in s.delegations}
    for p in s.people:
        if limits.same_id(p.person_id) in heads:
            alike = (
                ""
                if any(p.person_id == d.delegation_id for d in s.delegations)
                else " (not even one that differs only in case, spaces or "
                "letters that look alike)"
            )
            yield problem(
                "People",
                p,
                "person_id",
                "A person id may not repeat a delegation id"
                f"{alike} (a delegation id already means that delegation's "
                "head)",
                p.person_id,
            )


# ------------------------------------------------------------- references
@dataclass(frozen=True)
class Ref:
    """Every value of ``column`` (one value, or each of a tuple) must be in
    what the scenario knows: ``known`` names a lookup of
    :class:`Scenario` (e.g. ``"venue_by_id"``) or computes the container.
    Else: ``message`` (found value; ``expected``). With ``optional``, an
    empty cell is fine."""

    column: str
    known: str | Callable[[Scenario], Container[Any]]
    message: str
    expected: str | None = None
    optional: bool = False

    def bind(self, sheet: str) -> RowCheck:
        get = attrgetter(self.column)
        known_in = (
            attrgetter(self.known)
            if isinstance(self.known, str)
            else self.known
        )

        def check(s: Scenario, rec: Any) -> Iterator[Problem]:
            value = get(rec)
            if self.optional and not value:
                return
            known = known_in(s)
            for v in value if isinstance(value, tuple) else (value,):
                if v not in known:
                    yield problem(
                        sheet,
                        rec,
                        self.column,
                        self.message,
                        v,
                        _alike(known, v, self.expected),
                    )

        return check


def _alike(
    known: Container[Any], value: object, expected: str | None
) -> str | None:
    """``expected``, and the known id ``value`` is the same as but for
    case, spaces or letters that look alike (``FRA`` for a ``FRA`` typed
    with a Cyrillic ``А``, which prints as the known id)."""
    if not isinstance(value, str) or not isinstance(known, Iterable):
        return expected
    key = limits.same_id(value)
    twin = next(
        (k for k in known if isinstance(k, str) and limits.same_id(k) == key),
        None,
    )
    if twin is None:
        return expected
    hint = (
        f"{twin!r}, which it matches but for case, spaces, the form of "
        "its characters or letters of another alphabet that look alike"
    )
    return f"{expected}: {hint}" if expected else hint


def choices(words: tuple[str, ...]) -> str:
    """``"a or b"``, or ``"a, b, c"`` for a longer list."""
    return " or ".join(words) if len(words) == 2 else ", ".join(words)


def one_of(
    column: str, words: tuple[str, ...], message: str, optional: bool = False
) -> Ref:
    """A column of a fixed vocabulary (kinds, orders, effects, roles);
    with ``optional``, an empty cell is fine too."""
    if optional:
        return Ref(
            column,
            lambda s: words,
            message,
            ", ".join(words) + " or empty",
            optional=True,
        )
    return Ref(column, lambda s: words, message, choices(words))


class _PersonRefs:
    """Person references a scenario resolves: person ids and delegation
    ids (a delegation id means its head), surrounding blanks ignored."""

    def __init__(self, s: Scenario):
        self.s = s

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and self.s.resolve(ref) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.s.persons)


def _members(s: Scenario) -> Container[Any]:
    return _PersonRefs(s)


def _venue(column: str, optional: bool = False) -> Ref:
    return Ref(
        column,
        "venue_by_id",
        "Unknown venue",
        "a venue_id of Venues",
        optional,
    )


def _delegation(column: str, optional: bool = False) -> Ref:
    return Ref(
        column,
        "delegation_by_id",
        "Unknown delegation",
        "a delegation_id of Delegations",
        optional,
    )


def _person(column: str, optional: bool = False) -> Ref:
    return Ref(
        column,
        _members,
        "Unknown person",
        "a person id of People or a delegation id",
        optional,
    )


def _rank(column: str) -> Ref:
    return Ref(column, "rank_by_code", "Unknown rank", "a rank code of Ranks")


def _room(column: str) -> Ref:
    return Ref(column, "room_by_id", "Unknown room", "a room_id of Rooms")


def _event(column: str, optional: bool = False) -> Ref:
    return Ref(
        column,
        "event_by_id",
        "Unknown event",
        "an event_id of Events",
        optional,
    )


def _not_after_itself(s: Scenario, e: Any) -> Iterator[Problem]:
    for a in e.after:
        if a == e.event_id:
            yield problem(
                "Events", e, "after", "An event cannot follow itself", a
            )


def _two_parties(s: Scenario, b: Any) -> Iterator[Problem]:
    a = s.resolve(b.party_a)
    if a is not None and a == s.resolve(b.party_b):
        yield problem(
            "Bilaterals",
            b,
            "party_b",
            "A bilateral needs two different people",
            b.party_b,
        )


def _arrival_point(s: Scenario, a: Any) -> Iterator[Problem]:
    if a.point:
        room = s.room_by_id.get(a.point)
        if room is None:
            yield problem(
                "Arrivals",
                a,
                "point",
                "Unknown room",
                a.point,
                "a room_id of kind arrival",
            )
        elif room.kind != "arrival":
            yield problem(
                "Arrivals",
                a,
                "point",
                "Not an arrival point",
                a.point,
                "a room of kind arrival",
            )
    elif not any(r.kind == "arrival" for r in s.rooms):
        yield problem(
            "Arrivals",
            a,
            "point",
            "No room of kind arrival exists to receive this delegation",
        )


def _window_scope(s: Scenario, w: Any) -> Iterator[Problem]:
    sc = w.scope
    known: dict[str, Container[Any]] = {
        "venue": s.venue_by_id,
        "room": s.room_by_id,
        "delegation": s.delegation_by_id,
        "person": s.persons,
    }
    if sc.kind in known and sc.target not in known[sc.kind]:
        yield problem(
            "SecurityWindows", w, "scope", f"Unknown {sc.kind}", str(sc)
        )
    if sc.kind == "room_kind" and sc.target not in ROOM_KINDS:
        yield problem(
            "SecurityWindows",
            w,
            "scope",
            "Unknown room kind",
            str(sc),
            choices(ROOM_KINDS),
        )


# fmt: off
def _tiebreak(s: Scenario, q: Any) -> Iterator[Problem]:
    if q.tiebreak is None:
        return
    try:
        parse_tiebreak(q.tiebreak)
    except ValueError:
        yield problem(
            "Sequences",
            q,
            "tiebreak",
            "Unknown tie-break",
            q.tiebreak,
            "alphabetical, lot:X, seniority, registration or empty",
        )


def _late_policy(s: Scenario, q: Any) -> Iterator[Problem]:
    """``end``, ``drop`` or ``move:<another sequence_id>``."""
    policy = q.late_policy
    if policy is None or policy in LATE_POLICIES:
        return
    expected = "end, drop or move:<sequence_id> (another sequence)"
    if not policy.startswith(LATE_MOVE_PREFIX):
        yield problem(
            "Sequences",
            q,
            "late_policy",
            "Unknown late policy",
            policy,
            expected,
        )
        return
    target = policy[len(LATE_MOVE_PREFIX) :].strip()
    if target == q.sequence_id:
        yield problem(
            "Sequences",
            q,
            "late_policy",
            "A list cannot move its late members to itself",
            policy,
            expected,
        )
    elif target not in s.sequence_by_id:
        yield problem(
            "Sequences",
            q,
            "late_policy",
            "Unknown sequence",
            policy,
            "move: followed by a sequence_id of Sequences",
        )


#: References, per sheet, in the order they are checked within a row.
REFERENCES: tuple[tuple[str, Ref | RowCheck], ...] = (
    ("Travel", _venue("from_venue")),
    ("Travel", _venue("to_venue")),
    ("Rooms", _venue("venue_id")),
    ("Rooms", one_of("kind", ROOM_KINDS, "Unknown room kind")),
    ("Delegations", _rank("head_rank")),
    ("Delegations", one_of("kind", DELEGATION_KINDS,
                           "Unknown delegation kind")),
    ("Delegations", one_of("role", DELEGATION_ROLES, "Unknown role", True)),
    ("People", _delegation("delegation_id")),
    ("People", _rank("rank")),
    ("People", one_of("role", PERSON_ROLES, "Unknown role", True)),
    ("Events", one_of("kind", EVENT_KINDS, "Unknown event kind")),
    ("Events", _delegation("organizer", optional=True)),
    ("Events", one_of("room_kinds", ROOM_KINDS, "Unknown room kind")),
    ("Events", _room("rooms")),
    ("Events", Ref("slot_set", "slots_by_set", "Unknown slot set",
                   "a slot_set of the Slots sheet", optional=True)),
    ("Events", _person("participants")),
    ("Events", _event("after")),
    ("Events", _not_after_itself),
    ("Bilaterals", _person("party_a")),
    ("Bilaterals", _person("party_b")),
    ("Bilaterals", _two_parties),
    ("Bilaterals", _venue("venue_id", optional=True)),
    ("Arrivals", _delegation("delegation_id")),
    ("Arrivals", _arrival_point),
    ("Arrivals", _person("greeter", optional=True)),
    ("Sequences", _room("room_id")),
    ("Sequences", _event("within_event", optional=True)),
    ("Sequences", one_of("order", SEQUENCE_ORDERS, "Unknown order")),
    ("Sequences", _tiebreak),
    ("Sequences", _late_policy),
    ("SequenceMembers", Ref("sequence_id", "sequence_by_id",
                            "Unknown sequence", "a sequence_id of Sequences")),
    ("SequenceMembers", Ref("member", _members,
                            "Member is neither a delegation nor a person",
                            "a delegation id or a person id of People")),
    ("SecurityWindows", one_of("effect", WINDOW_EFFECTS, "Unknown effect")),
    ("SecurityWindows", _window_scope),
)
# fmt: on


# ------------------------------------------------------------ plain values
@dataclass(frozen=True)
class Range:
    """A number column's bounds: above ``low`` (or from ``low`` on, with
    ``low_ok``), up to ``high`` if given. An empty cell is fine. The
    message and the expected text follow from the bounds unless given."""

    column: str
    low: int = 0
    low_ok: bool = False
    high: int | None = None
    message: str | None = None
    expected: str | None = None

    def bind(self, sheet: str) -> RowCheck:
        get = attrgetter(self.column)
        message, expected = self.message, self.expected
        if self.high is not None:
            message = message or "Out of range"
            expected = expected or f"{self.low} to {self.high}"
        elif self.low_ok:
            message = message or (
                "Must be zero or more"
                if self.low == 0
                else f"Must be {self.low} or more"
            )
            expected = expected or f"a number of {self.low} or more"
        else:
            message = message or (
                "Must be positive"
                if self.low == 0
                else f"Must be above {self.low}"
            )
            expected = expected or f"a number above {self.low}"

        def check(s: Scenario, rec: Any) -> Iterator[Problem]:
            value = get(rec)
            if value is None:
                return
            if (
                value < self.low
                or (value == self.low and not self.low_ok)
                or (self.high is not None and value > self.high)
            ):
                yield problem(
                    sheet, rec, self.column, message, value, expected
                )

        return check


def _opening_part(s: Scenario, e: Any) -> Iterator[Problem]:
    if (
        e.participants_minutes is not None
        and e.participants_minutes > e.duration_minutes > 0
    ):
        yield problem(
            "Events",
            e,
            "participants_minutes",
            "Longer than the event",
            e.participants_minutes,
            f"at most duration_minutes ({e.duration_minutes})",
        )


_PRIORITY = Range(
    "priority",
    low=1,
    low_ok=True,
    high=5,
    message="Priority out of range",
    expected="1 (low) to 5 (high)",
)

# fmt: off
#: Number columns and their bounds (above zero unless said otherwise).
RANGES: tuple[tuple[str, Range | RowCheck], ...] = (
    ("Ranks", Range("precedence")),
    ("Ranks", Range("welcome_seconds")),
    ("Travel", Range("minutes", low_ok=True)),
    ("Rooms", Range("capacity")),
    ("Rooms", Range("changeover_minutes", low_ok=True)),
    ("Delegations", Range("size", low_ok=True)),
    ("People", Range("max_items_per_day")),
    ("Events", Range("duration_minutes")),
    ("Events", Range("attendance")),
    ("Events", _PRIORITY),
    ("Events", Range("participants_minutes")),
    ("Events", _opening_part),
    ("Bilaterals", Range("duration_minutes")),
    ("Bilaterals", Range("attendance")),
    ("Bilaterals", _PRIORITY),
    ("Arrivals", Range("duration_minutes")),
    ("Sequences", Range("slot_seconds")),
    ("Sequences", Range("gap_seconds", low_ok=True)),
    ("SequenceMembers", Range("slot_seconds")),
    ("SequenceMembers", Range("position")),
)
# fmt: on


# ---------------------------------------------------------------- windows
def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _event_days(s: Scenario) -> str:
    return ", ".join(d.isoformat() for d in s.settings.days)


@dataclass(frozen=True)
class Window:
    """Date-time columns ``lo`` and ``hi`` (``hi`` may be ``None`` for a
    single moment): each on an event day (unless ``on_days`` is false),
    ``hi`` later than ``lo`` (or equal, with ``equal_ok``), and the window
    at least as long as the record's ``minutes`` column, if given (the
    ``what`` of the message)."""

    lo: str
    hi: str | None = None
    minutes: str | None = None
    what: str = ""
    on_days: bool = True
    equal_ok: bool = False

    def bind(self, sheet: str) -> RowCheck:
        def check(s: Scenario, rec: Any) -> Iterator[Problem]:
            lo = getattr(rec, self.lo)
            hi = getattr(rec, self.hi) if self.hi else None
            if self.on_days:
                for col, val in ((self.lo, lo), (self.hi, hi)):
                    if val is not None and val.date() not in s.settings.days:
                        yield problem(
                            sheet,
                            rec,
                            col,
                            "Date outside the event days",
                            _stamp(val),
                            f"a time on {_event_days(s)}",
                        )
            if lo is None or hi is None:
                return
            minutes = getattr(rec, self.minutes) if self.minutes else 0
            if hi < lo or (hi == lo and not self.equal_ok):
                yield problem(
                    sheet,
                    rec,
                    self.hi,
                    f"{self.hi} must be later than {self.lo}",
                    _stamp(hi),
                )
            elif minutes and hi - lo < timedelta(minutes=minutes):
                yield problem(
                    sheet,
                    rec,
                    self.hi,
                    f"The window is shorter than the {self.what}"
                    f" ({minutes} min)",
                    f"{lo:%Y-%m-%d %H:%M} to {hi:%H:%M}",
                    f"at least {minutes} minutes",
                )

        return check


def _preferred_day(s: Scenario, e: Any) -> Iterator[Problem]:
    if e.preferred_day is not None and e.preferred_day not in s.settings.days:
        yield problem(
            "Events",
            e,
            "preferred_day",
            "Not an event day",
            e.preferred_day.isoformat(),
            _event_days(s),
        )


def _fits_a_slot(s: Scenario, e: Any) -> Iterator[Problem]:
    """An event with a slot set starts at the start of one of its slots
    and ends inside it (the engine's rule ``slot_set``): refused when
    every slot is shorter than the event, or when no slot long enough
    gives it a start the other rules allow (:func:`_slot_start_refused`):
    the engine would leave it out and could only blame other items."""
    if not e.slot_set or e.slot_set not in s.slots_by_set:
        return
    slots = s.slots_by_set[e.slot_set]
    length = timedelta(minutes=e.duration_minutes)
    longest = max((x.end - x.start for x in slots), default=timedelta())
    if longest < length:
        yield problem(
            "Events",
            e,
            "duration_minutes",
            f"Longer than every slot of set {e.slot_set}",
            e.duration_minutes,
            f"at most {int(longest.total_seconds() // 60)} minutes",
        )
        return
    st = s.settings
    if (
        e.duration_minutes <= 0
        or st.day_start >= st.day_end
        or st.time_step_minutes < 1
    ):
        return  # reported with the duration or the settings
    fits = [
        x
        for x in slots
        if x.end - x.start >= length and x.start.date() in st.days
    ]
    if not fits:
        return  # none on an event day: reported on the Slots sheet
    why: set[str] = set()
    for x in fits:
        refused = _slot_start_refused(s, e, x.start)
        if not refused:
            return
        why |= refused
    reasons = {
        "grid": f"off the {st.time_step_minutes}-minute time grid",
        "hours": f"outside the day's hours ({st.day_start:%H:%M} to "
        f"{st.day_end:%H:%M})",
        "window": "outside the event's own window (earliest to latest)",
    }
    yield problem(
        "Events",
        e,
        "slot_set",
        f"No slot of set {e.slot_set} long enough for the event gives it "
        "a start: "
        + " or ".join(text for key, text in reasons.items() if key in why),
        e.slot_set,
        f"a slot that starts on the time grid and holds the event's "
        f"{e.duration_minutes} min within the day's hours"
        + (
            " and the event's own window"
            if e.earliest is not None or e.latest is not None
            else ""
        ),
    )


def _off_grid(s: Scenario, start: datetime, step: int) -> timedelta:
    """How far ``start`` lies past the last time of the grid of ``step``
    minutes counted from that day's day_start (zero: on the grid), as
    the engine's rule ``time_grid`` sees it."""
    day_lo = datetime.combine(start.date(), s.settings.day_start)
    return (start.replace(microsecond=0) - day_lo) % timedelta(minutes=step)


def _slot_start_refused(s: Scenario, e: Any, start: datetime) -> set[str]:
    """Why event ``e`` may not start at ``start`` (a slot's start on an
    event day), as the engine's rules see it: ``grid`` (``time_grid``,
    :func:`_off_grid`), ``hours`` (``day_hours``), ``window``
    (``time_window``); empty if it may."""
    st = s.settings
    why = set()
    day_lo = datetime.combine(start.date(), st.day_start)
    day_hi = datetime.combine(start.date(), st.day_end)
    end = start + timedelta(minutes=e.duration_minutes)
    if _off_grid(s, start, st.time_step_minutes):
        why.add("grid")
    if start < day_lo or end > day_hi:
        why.add("hours")
    if (e.earliest is not None and start < e.earliest) or (
        e.latest is not None and end > e.latest
    ):
        why.add("window")
    return why


def _moment(moment: datetime) -> str:
    """``_stamp``, with the seconds if there are any."""
    return moment.strftime(
        "%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M"
    )


def _pinned(
    s: Scenario,
    sheet: str,
    rec: Any,
    column: str,
    start: datetime,
    minutes: int,
    step: int,
    what: str,
) -> Iterator[Problem]:
    """A start the engine allows no other (``start`` of an item of
    ``minutes`` on an event day) that no schedule can use, as the engine's
    rules ``time_grid`` and ``day_hours`` see it: off the grid of ``step``
    minutes counted from that day's day_start (``1``: whole minutes), or
    the item (``what``) not inside day_start..day_end."""
    st = s.settings
    if st.day_start >= st.day_end or step < 1:
        return  # reported with the settings
    day_lo = datetime.combine(start.date(), st.day_start)
    day_hi = datetime.combine(start.date(), st.day_end)
    grid = timedelta(minutes=step)
    off = _off_grid(s, start, step)
    if off:
        below = start.replace(microsecond=0) - off
        yield problem(
            sheet,
            rec,
            column,
            f"Not on the {step}-minute time grid (counted from day_start "
            f"{st.day_start:%H:%M})"
            if step > 1
            else "Not on a whole minute",
            _moment(start),
            f"a start such as {below:%H:%M} or {below + grid:%H:%M}",
        )
    if minutes <= 0:
        return  # reported with the duration
    length = timedelta(minutes=minutes)
    latest = day_hi - length
    expected = (
        f"a start from {day_lo:%H:%M} to {latest:%H:%M} (the {what} "
        f"lasts {minutes} min)"
        if latest >= day_lo
        else None
    )
    if start < day_lo:
        yield problem(
            sheet,
            rec,
            column,
            f"Before day_start ({st.day_start:%H:%M})",
            _moment(start),
            expected,
        )
    elif start > latest:
        yield problem(
            sheet,
            rec,
            column,
            f"The {what} would end after day_end ({st.day_end:%H:%M})",
            _moment(start),
            expected,
        )


def _fixed_start(s: Scenario, e: Any) -> Iterator[Problem]:
    """A fixed start the engine can never keep, told from the scenario
    alone (not a schedule that cannot be found): off the time grid or
    the day's hours (:func:`_pinned`), outside the event's own window
    (it starts at earliest or later and ends by latest: the engine's rule
    ``time_window``), or not the start of a slot of its slot set long
    enough for it (rule ``slot_set``)."""
    t = e.fixed_start
    if t is None or t.date() not in s.settings.days:
        return  # none, or reported as outside the event days
    minutes = e.duration_minutes
    yield from _pinned(
        s,
        "Events",
        e,
        "fixed_start",
        t,
        minutes,
        s.settings.time_step_minutes,
        "event",
    )
    if minutes <= 0:
        return
    length = timedelta(minutes=minutes)
    lo, hi = e.earliest, e.latest
    if lo is not None and hi is not None and hi - lo < length:
        return  # reported: the window is too short for any start
    if (lo is not None and t < lo) or (hi is not None and t + length > hi):
        if lo is not None and hi is not None:
            when = f"from {_stamp(lo)} to {_stamp(hi - length)}"
        elif lo is not None:
            when = f"at {_stamp(lo)} or later"
        else:
            assert hi is not None
            when = f"by {_stamp(hi - length)}"
        yield problem(
            "Events",
            e,
            "fixed_start",
            "Outside the event's own window (earliest to latest)",
            _moment(t),
            f"a start {when} (the event lasts {minutes} min and must end "
            "by latest)"
            if hi is not None
            else f"a start {when}",
        )
    slots = s.slots_by_set.get(e.slot_set or "", [])
    starts = [x.start for x in slots if x.end - x.start >= length]
    if starts and t not in starts:
        same_day = [x for x in starts if x.date() == t.date()] or starts
        shown = ", ".join(_stamp(x) for x in same_day[:6])
        more = ", ..." if len(same_day) > 6 else ""
        yield problem(
            "Events",
            e,
            "fixed_start",
            f"Not the start of a slot of set {e.slot_set} long enough for "
            "the event",
            _moment(t),
            f"one of {shown}{more}",
        )


def _pinned_arrival(s: Scenario, a: Any) -> Iterator[Problem]:
    """A reception with a single allowed start (earliest = latest) is
    pinned like an event's fixed start: on a whole minute, within the
    day's hours."""
    if a.earliest != a.latest or a.earliest.date() not in s.settings.days:
        return
    yield from _pinned(
        s,
        "Arrivals",
        a,
        "earliest",
        a.earliest,
        s.arrival_minutes(a),
        1,
        "reception",
    )


def _grid_name(step: int, day_start: str) -> str:
    """The grid of ``step`` seconds, as :func:`_pinned` names it."""
    if step > MINUTE:
        return (
            f"the {step // MINUTE}-minute time grid (counted from day_start "
            f"{day_start})"
        )
    return "a whole minute" if step == MINUTE else "a whole second"


def _starts_left(
    s: Scenario,
    sheet: str,
    rec: Any,
    what: str,
    window: tuple[datetime | None, datetime | None],
    seconds: int,
    step: int,
    ends_by_latest: bool,
    length: tuple[str, int],
) -> Iterator[Problem]:
    """A window (earliest, latest; either may be empty) in which the
    engine allows the item (``what``, of ``seconds``) no start at all once
    its rules ``day_hours`` (inside day_start..day_end of one event day)
    and ``time_grid`` (on a grid of ``step`` seconds counted from that
    day's day_start; 1: any second) are applied with ``time_window``: the
    start from earliest on, and the item ending by latest
    (``ends_by_latest``) or starting by latest (a reception).

    Named at ``latest`` if the window opens by day_start but closes too
    early; at ``earliest`` if it opens too late on its day; at ``latest``
    if it opens inside the day's hours but is shorter than the item (a
    queue: its table line checks no length); else (no start on the grid
    between them, or the window falls in the night between two days) at
    ``earliest``, saying both. An item longer than the day's hours is
    named at ``length`` (its duration column and the unit it is counted
    in: 60 for minutes, 1 for seconds). Windows other lines report
    (outside the event days, ordered wrongly, shorter than an event) are
    left to them."""
    st = s.settings
    lo_dt, hi_dt = window
    if not st.days or st.day_start >= st.day_end or step < 1 or seconds <= 0:
        return  # reported with the settings or the duration
    if any(t is not None and t.date() not in st.days for t in window):
        return  # reported as outside the event days
    g = s.grid
    begin, close = f"{st.day_start:%H:%M}", f"{st.day_end:%H:%M}"
    column, unit = length
    size = f"{seconds // unit} {'min' if unit == MINUTE else 's'}"
    spans = dict(zip(g.days, g.day_spans, strict=True))
    day_len = next(hi - lo for lo, hi in spans.values())  # every day's
    if day_len < seconds:
        yield problem(
            sheet,
            rec,
            column,
            f"The {what} is longer than the day's hours ({begin} to {close})",
            seconds // unit,
            f"at most {day_len // unit} "
            + ("minutes" if unit == MINUTE else "seconds"),
        )
        return
    # per day: the first start (day_start) and the last on the grid that
    # ends by day_end
    first = {d: a for d, (a, _) in spans.items()}
    last = {
        d: a + (b - seconds - a) // step * step for d, (a, b) in spans.items()
    }
    end = seconds if ends_by_latest else 0
    lo = g.to_index(lo_dt) if lo_dt is not None else 0
    hi = g.to_index(hi_dt) - end if hi_dt is not None else g.horizon - seconds
    for d in spans:
        low, top = max(lo, first[d]), min(hi, last[d])
        if low + (first[d] - low) % step <= top:  # the first grid time
            return  # the engine allows a start on day d
    k_lo = lo_dt.date() if lo_dt is not None else g.days[0]
    k_hi = hi_dt.date() if hi_dt is not None else g.days[-1]
    when = g.to_datetime
    grid = _grid_name(step, begin)
    if hi < first[k_hi] and (
        lo_dt is None or (k_lo == k_hi and lo <= first[k_hi])
    ):
        assert hi_dt is not None  # else hi is past every day's first start
        yield problem(
            sheet,
            rec,
            "latest",
            f"The window ends too early for the day's hours: the {what} "
            f"starts at day_start ({begin}) or later and must end by latest"
            if ends_by_latest
            else f"The window ends before day_start ({begin})",
            _moment(hi_dt),
            f"latest at {_moment(when(first[k_hi] + end))} or later"
            + (f" (the {what} lasts {size})" if ends_by_latest else ""),
        )
    elif lo > last[k_lo] and (hi_dt is None or k_lo == k_hi):
        assert lo_dt is not None  # else lo is before every day's last start
        yield problem(
            sheet,
            rec,
            "earliest",
            "The window opens too late for the day's hours: the "
            f"{what} must end by day_end ({close})",
            _moment(lo_dt),
            f"earliest at {_moment(when(last[k_lo]))} or earlier"
            + (  # a queue's window may be shorter than its slot, too
                f" and latest at {_moment(when(last[k_lo] + end))} or later"
                if hi < last[k_lo]
                else ""
            )
            + " ("
            + (
                f"the {what} lasts {size})"
                if last[k_lo] == spans[k_lo][1] - seconds
                else f"the last start on {grid} that lets the {what} of "
                f"{size} end by day_end)"
            ),
        )
    elif lo > hi:  # opens in the day's hours, but too short (a queue)
        assert lo_dt is not None and hi_dt is not None  # see above
        yield problem(
            sheet,
            rec,
            "latest",
            f"The window is shorter than the {what} ({size})",
            f"{_moment(lo_dt)} to {_moment(hi_dt)}",
            f"latest at {_moment(when(lo + end))} or later",
        )
    else:
        assert lo_dt is not None and hi_dt is not None  # see above
        if k_lo == k_hi:  # inside one day, but between two grid times
            a = first[k_lo]
            below = a + (max(lo, a) - a) // step * step
            message = f"No start on {grid} " + (
                f"keeps the {what} inside earliest..latest"
                if ends_by_latest
                else "lies between earliest and latest"
            )
            earlier, later = below, below + step + end
        else:  # from after one day's hours to before the next day's
            message = (
                f"The window lies between the day's hours of {k_lo} and "
                f"{k_hi}: earliest and latest leave the {what} no start"
            )
            earlier, later = last[k_lo], first[k_hi] + end
        yield problem(
            sheet,
            rec,
            "earliest",
            message,
            f"{_moment(lo_dt)} to {_moment(hi_dt)}",
            f"earliest at {_moment(when(earlier))} or earlier, or latest at "
            f"{_moment(when(later))} or later",
        )


def _event_hours(s: Scenario, e: Any) -> Iterator[Problem]:
    """An event's window (rule ``time_window``) the day's hours and the
    time grid leave no start in (:func:`_starts_left`)."""
    yield from _item_hours(s, "Events", e, "event")


def _bilateral_hours(s: Scenario, b: Any) -> Iterator[Problem]:
    """The same for a bilateral meeting."""
    yield from _item_hours(s, "Bilaterals", b, "meeting")


def _item_hours(
    s: Scenario, sheet: str, rec: Any, what: str
) -> Iterator[Problem]:
    lo, hi, minutes = rec.earliest, rec.latest, rec.duration_minutes
    if (
        lo is not None
        and hi is not None
        and hi - lo < timedelta(minutes=minutes)
    ):
        return  # reported: ordered wrongly or too short
    yield from _starts_left(
        s,
        sheet,
        rec,
        what,
        (lo, hi),
        minutes * MINUTE,
        s.settings.time_step_minutes * MINUTE,
        True,
        ("duration_minutes", MINUTE),
    )


def _arrival_hours(s: Scenario, a: Any) -> Iterator[Problem]:
    """A reception window (its start on a whole minute from earliest to
    latest) the day's hours leave no start in; a single moment is checked
    by :func:`_pinned_arrival`."""
    if a.earliest is None or a.latest is None or a.latest <= a.earliest:
        return  # missing, pinned, or reported as ordered wrongly
    yield from _starts_left(
        s,
        "Arrivals",
        a,
        "reception",
        (a.earliest, a.latest),
        s.arrival_minutes(a) * MINUTE,
        MINUTE,
        False,
        ("duration_minutes", MINUTE),
    )


def _queue_hours(s: Scenario, q: Any) -> Iterator[Problem]:
    """A queue window (not ``within_event``) the day's hours leave no
    start in for one of its slots: the longest, of the members who get
    one (as :meth:`Scenario.queue_order` counts them)."""
    lo, hi = q.earliest, q.latest
    if q.within_event is not None or lo is None or hi is None:
        return  # its event's span, or reported as not placed
    if hi <= lo or lo.date() != hi.date():
        return  # reported: ordered wrongly, or not within one day
    slots: list[tuple[int, str]] = []
    for m in s.members_of(q.sequence_id):
        pid = s.resolve(m.member)
        if pid is None or not s.is_active(pid):
            continue
        if m.position is None and s.not_queued(q.sequence_id, pid):
            continue
        slots.append((s.member_seconds(q, m), pid))
    if not slots:
        return
    seconds, pid = max(slots, key=lambda x: x[0])
    yield from _starts_left(
        s,
        "Sequences",
        q,
        f"slot of {pid}",
        (lo, hi),
        seconds,
        1,
        True,
        ("slot_seconds", 1),
    )


def _queue_placed(s: Scenario, q: Any) -> Iterator[Problem]:
    if q.within_event is None and (q.earliest is None or q.latest is None):
        yield problem(
            "Sequences",
            q,
            "within_event",
            "A sequence needs within_event, or both earliest and latest",
        )


# fmt: off
#: Date-time columns: ordered, on the event days, long enough, leaving a
#: start the day's hours and the time grid allow.
WINDOWS: tuple[tuple[str, Window | RowCheck], ...] = (
    ("Rooms", Window("available_from", "available_to")),
    ("Delegations", Window("available_from", "available_to", on_days=False)),
    ("People", Window("available_from", "available_to", on_days=False)),
    ("Events", Window("earliest", "latest", "duration_minutes", "event")),
    ("Events", _event_hours),
    ("Events", Window("fixed_start")),
    ("Events", _fixed_start),
    ("Events", _preferred_day),
    ("Events", _fits_a_slot),
    ("Slots", Window("start", "end")),
    ("Bilaterals", Window("earliest", "latest", "duration_minutes",
                          "meeting")),
    ("Bilaterals", _bilateral_hours),
    # a single allowed start is a valid reception window
    ("Arrivals", Window("earliest", "latest", equal_ok=True)),
    ("Arrivals", _pinned_arrival),
    ("Arrivals", _arrival_hours),
    ("Sequences", _queue_placed),
    ("Sequences", Window("earliest", "latest")),
    ("Sequences", _queue_hours),
    ("SecurityWindows", Window("start", "end", on_days=False)),
)
# fmt: on


# ------------------------------------------------------------------ cycles
def _after_cycles(s: Scenario) -> Iterator[Problem]:
    # an event after itself is reported as such, not as a cycle
    graph = {
        e.event_id: [
            a for a in e.after if a in s.event_by_id and a != e.event_id
        ]
        for e in s.events
    }
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    found: list[Problem] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    ev = s.event_by_id[node]
                    found.append(
                        problem(
                            "Events",
                            ev,
                            "after",
                            "Cycle in after: "
                            + " → ".join([*cycle, nxt])
                            + " (each must end before the next starts)",
                            ";".join(ev.after),
                        )
                    )
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for e in s.events:
        if e.event_id not in state:
            visit(e.event_id, [])
    return iter(found)


# --------------------------------------------------------------- sequences
def _sequences(s: Scenario) -> Iterator[Problem]:
    for q in s.sequences:
        members = s.members_of(q.sequence_id)
        for m in members:
            if m.position is not None and m.position > len(members):
                yield problem(
                    "SequenceMembers",
                    m,
                    "position",
                    f"Position outside the list {q.sequence_id}",
                    m.position,
                    f"1 to {len(members)} (its number of members)",
                )
        positions = Counter(
            m.position for m in members if m.position is not None
        )
        for m in members:
            if m.position is not None and positions[m.position] > 1:
                yield problem(
                    "SequenceMembers",
                    m,
                    "position",
                    f"Two members of {q.sequence_id} share a position",
                    m.position,
                    "one member per position",
                )
        if q.earliest and q.latest and q.earliest.date() != q.latest.date():
            yield problem(
                "Sequences",
                q,
                "latest",
                "A queue must run within one day",
                _stamp(q.latest),
            )
