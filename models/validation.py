"""Cross-reference and consistency checks of a whole scenario.

Row-level type checks belong to the readers; this module checks what only
the whole scenario can tell: unknown references, duplicate ids, windows
outside the event days or shorter than their item, cycles in ``after``.
Every problem names the sheet, row and column.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from .precedence import parse_tiebreak
from .records.problems import Problem
from .records.scenario import Scenario
from .records.vocabulary import (
    DELEGATION_KINDS,
    DELEGATION_ROLES,
    EVENT_KINDS,
    LATE_MOVE_PREFIX,
    LATE_POLICIES,
    PERSON_ROLES,
    ROOM_KINDS,
    SEQUENCE_ORDERS,
    WINDOW_EFFECTS,
)


def validate_scenario(s: Scenario) -> list[Problem]:
    """Every problem of the scenario, in sheet order (empty if none)."""
    out: list[Problem] = []
    _settings(s, out)
    _duplicates(s, out)
    _references(s, out)
    _values(s, out)
    _windows(s, out)
    _after_cycles(s, out)
    _sequences(s, out)
    return out


def _p(out, sheet, rec, column, message, value=None, expected=None):
    out.append(
        Problem(
            message=message,
            sheet=sheet,
            row=getattr(rec, "row", None),
            column=column,
            value=value,
            expected=expected,
        )
    )


# --------------------------------------------------------------- settings
def _settings(s: Scenario, out: list[Problem]) -> None:
    st = s.settings

    def bad(key, message, value=None, expected=None):
        out.append(
            Problem(
                message=message,
                sheet="Settings",
                column=key,
                value=value,
                expected=expected,
            )
        )

    if not st.days:
        bad("days", "No event days are given", expected="one date or more")
    if st.day_start >= st.day_end:
        bad(
            "day_end",
            "day_end must be later than day_start",
            st.day_end.strftime("%H:%M"),
        )
    for key in ("time_step_minutes",):
        if getattr(st, key) < 1:
            bad(key, f"{key} must be at least 1", getattr(st, key))
    for key in (
        "room_changeover_minutes",
        "same_venue_buffer_minutes",
        "vip_sweep_minutes",
    ):
        if getattr(st, key) < 0:
            bad(key, f"{key} cannot be negative", getattr(st, key))
    if st.vip_rank not in s.rank_by_code:
        bad(
            "vip_rank",
            "Unknown rank",
            st.vip_rank,
            "a rank code of the Ranks sheet",
        )
    if not _known_timezone(st.timezone):
        bad(
            "timezone",
            "Unknown time zone",
            st.timezone,
            "an IANA name such as Asia/Ho_Chi_Minh",
        )
    try:
        parse_tiebreak(st.precedence_tiebreak)
    except ValueError:
        bad(
            "precedence_tiebreak",
            "Unknown tie-break",
            st.precedence_tiebreak,
            "alphabetical, lot:X, seniority or registration",
        )


def _known_timezone(name: str) -> bool:
    """Whether ``name`` is a time zone this machine knows (calendars are
    written in it)."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        return False
    return True


# ------------------------------------------------------------- duplicates
def _duplicates(s: Scenario, out: list[Problem]) -> None:
    def dup(sheet, records, column, key):
        counts = Counter(key(r) for r in records)
        seen: set = set()
        for r in records:
            k = key(r)
            if counts[k] > 1:
                if k in seen:
                    _p(
                        out,
                        sheet,
                        r,
                        column,
                        "Duplicate id",
                        k,
                        f"unique {column} values",
                    )
                seen.add(k)

    dup("Ranks", s.ranks, "rank", lambda r: r.rank)
    dup("Venues", s.venues, "venue_id", lambda r: r.venue_id)
    dup("Rooms", s.rooms, "room_id", lambda r: r.room_id)
    dup(
        "Delegations",
        s.delegations,
        "delegation_id",
        lambda r: r.delegation_id,
    )
    dup("People", s.people, "person_id", lambda r: r.person_id)
    dup("Events", s.events, "event_id", lambda r: r.event_id)
    dup("Bilaterals", s.bilaterals, "request_id", lambda r: r.request_id)
    dup("Arrivals", s.arrivals, "delegation_id", lambda r: r.delegation_id)
    dup("Sequences", s.sequences, "sequence_id", lambda r: r.sequence_id)
    dup(
        "SequenceMembers",
        s.members,
        "member",
        lambda r: (r.sequence_id, s.resolve(r.member) or r.member),
    )
    dup("SecurityWindows", s.windows, "window_id", lambda r: r.window_id)
    dup("Travel", s.travel, "to_venue", lambda r: (r.from_venue, r.to_venue))
    heads = {d.delegation_id for d in s.delegations}
    for p in s.people:
        if p.person_id in heads:
            _p(
                out,
                "People",
                p,
                "person_id",
                "A person id may not repeat a delegation id (a delegation id"
                " already means that delegation's head)",
                p.person_id,
            )


# ------------------------------------------------------------- references
def _references(s: Scenario, out: list[Problem]) -> None:
    venues, rooms, ranks = s.venue_by_id, s.room_by_id, s.rank_by_code
    dels, events = s.delegation_by_id, s.event_by_id

    def person(sheet, rec, column, ref):
        if s.resolve(ref) is None:
            _p(
                out,
                sheet,
                rec,
                column,
                "Unknown person",
                ref,
                "a person id of People or a delegation id",
            )

    for t in s.travel:
        for col in ("from_venue", "to_venue"):
            if getattr(t, col) not in venues:
                _p(
                    out,
                    "Travel",
                    t,
                    col,
                    "Unknown venue",
                    getattr(t, col),
                    "a venue_id of Venues",
                )
    for r in s.rooms:
        if r.venue_id not in venues:
            _p(
                out,
                "Rooms",
                r,
                "venue_id",
                "Unknown venue",
                r.venue_id,
                "a venue_id of Venues",
            )
        if r.kind not in ROOM_KINDS:
            _p(
                out,
                "Rooms",
                r,
                "kind",
                "Unknown room kind",
                r.kind,
                ", ".join(ROOM_KINDS),
            )
    for d in s.delegations:
        if d.head_rank not in ranks:
            _p(
                out,
                "Delegations",
                d,
                "head_rank",
                "Unknown rank",
                d.head_rank,
                "a rank code of Ranks",
            )
        if d.kind not in DELEGATION_KINDS:
            _p(
                out,
                "Delegations",
                d,
                "kind",
                "Unknown delegation kind",
                d.kind,
                ", ".join(DELEGATION_KINDS),
            )
        if d.role is not None and d.role not in DELEGATION_ROLES:
            _p(
                out,
                "Delegations",
                d,
                "role",
                "Unknown role",
                d.role,
                ", ".join(DELEGATION_ROLES) + " or empty",
            )
    for p in s.people:
        if p.delegation_id not in dels:
            _p(
                out,
                "People",
                p,
                "delegation_id",
                "Unknown delegation",
                p.delegation_id,
                "a delegation_id of Delegations",
            )
        if p.rank not in ranks:
            _p(
                out,
                "People",
                p,
                "rank",
                "Unknown rank",
                p.rank,
                "a rank code of Ranks",
            )
        if p.role is not None and p.role not in PERSON_ROLES:
            _p(
                out,
                "People",
                p,
                "role",
                "Unknown role",
                p.role,
                ", ".join(PERSON_ROLES) + " or empty",
            )
    for e in s.events:
        if e.kind not in EVENT_KINDS:
            _p(
                out,
                "Events",
                e,
                "kind",
                "Unknown event kind",
                e.kind,
                ", ".join(EVENT_KINDS),
            )
        if e.organizer and e.organizer not in dels:
            _p(
                out,
                "Events",
                e,
                "organizer",
                "Unknown delegation",
                e.organizer,
                "a delegation_id of Delegations",
            )
        for k in e.room_kinds:
            if k not in ROOM_KINDS:
                _p(
                    out,
                    "Events",
                    e,
                    "room_kinds",
                    "Unknown room kind",
                    k,
                    ", ".join(ROOM_KINDS),
                )
        for r in e.rooms:
            if r not in rooms:
                _p(
                    out,
                    "Events",
                    e,
                    "rooms",
                    "Unknown room",
                    r,
                    "a room_id of Rooms",
                )
        if e.slot_set and e.slot_set not in s.slots_by_set:
            _p(
                out,
                "Events",
                e,
                "slot_set",
                "Unknown slot set",
                e.slot_set,
                "a slot_set of the Slots sheet",
            )
        for ref in e.participants:
            person("Events", e, "participants", ref)
        for a in e.after:
            if a not in events:
                _p(
                    out,
                    "Events",
                    e,
                    "after",
                    "Unknown event",
                    a,
                    "an event_id of Events",
                )
            elif a == e.event_id:
                _p(
                    out,
                    "Events",
                    e,
                    "after",
                    "An event cannot follow itself",
                    a,
                )
    for b in s.bilaterals:
        person("Bilaterals", b, "party_a", b.party_a)
        person("Bilaterals", b, "party_b", b.party_b)
        if s.resolve(b.party_a) is not None and s.resolve(
            b.party_a
        ) == s.resolve(b.party_b):
            _p(
                out,
                "Bilaterals",
                b,
                "party_b",
                "A bilateral needs two different people",
                b.party_b,
            )
        if b.venue_id and b.venue_id not in venues:
            _p(
                out,
                "Bilaterals",
                b,
                "venue_id",
                "Unknown venue",
                b.venue_id,
                "a venue_id of Venues",
            )
    for a in s.arrivals:
        if a.delegation_id not in dels:
            _p(
                out,
                "Arrivals",
                a,
                "delegation_id",
                "Unknown delegation",
                a.delegation_id,
                "a delegation_id of Delegations",
            )
        if a.point:
            room = rooms.get(a.point)
            if room is None:
                _p(
                    out,
                    "Arrivals",
                    a,
                    "point",
                    "Unknown room",
                    a.point,
                    "a room_id of kind arrival",
                )
            elif room.kind != "arrival":
                _p(
                    out,
                    "Arrivals",
                    a,
                    "point",
                    "Not an arrival point",
                    a.point,
                    "a room of kind arrival",
                )
        elif not any(r.kind == "arrival" for r in s.rooms):
            _p(
                out,
                "Arrivals",
                a,
                "point",
                "No room of kind arrival exists to receive this delegation",
            )
        if a.greeter:
            person("Arrivals", a, "greeter", a.greeter)
    for q in s.sequences:
        if q.room_id not in rooms:
            _p(
                out,
                "Sequences",
                q,
                "room_id",
                "Unknown room",
                q.room_id,
                "a room_id of Rooms",
            )
        if q.within_event and q.within_event not in events:
            _p(
                out,
                "Sequences",
                q,
                "within_event",
                "Unknown event",
                q.within_event,
                "an event_id of Events",
            )
        if q.order not in SEQUENCE_ORDERS:
            _p(
                out,
                "Sequences",
                q,
                "order",
                "Unknown order",
                q.order,
                "precedence or reverse_precedence",
            )
        if q.tiebreak is not None:
            try:
                parse_tiebreak(q.tiebreak)
            except ValueError:
                _p(
                    out,
                    "Sequences",
                    q,
                    "tiebreak",
                    "Unknown tie-break",
                    q.tiebreak,
                    "alphabetical, lot:X, seniority, registration or empty",
                )
        _late_policy(s, q, out)
    for m in s.members:
        if m.sequence_id not in s.sequence_by_id:
            _p(
                out,
                "SequenceMembers",
                m,
                "sequence_id",
                "Unknown sequence",
                m.sequence_id,
                "a sequence_id of Sequences",
            )
        if s.resolve(m.member) is None:
            _p(
                out,
                "SequenceMembers",
                m,
                "member",
                "Member is neither a delegation nor a person",
                m.member,
                "a delegation id or a person id of People",
            )
    for w in s.windows:
        if w.effect not in WINDOW_EFFECTS:
            _p(
                out,
                "SecurityWindows",
                w,
                "effect",
                "Unknown effect",
                w.effect,
                "closed or no_arrivals",
            )
        sc = w.scope
        known = {
            "venue": venues,
            "room": rooms,
            "delegation": dels,
            "person": s.persons,
        }
        if sc.kind in known and sc.target not in known[sc.kind]:
            _p(
                out,
                "SecurityWindows",
                w,
                "scope",
                f"Unknown {sc.kind}",
                str(sc),
            )
        if sc.kind == "room_kind" and sc.target not in ROOM_KINDS:
            _p(
                out,
                "SecurityWindows",
                w,
                "scope",
                "Unknown room kind",
                str(sc),
                ", ".join(ROOM_KINDS),
            )


# ------------------------------------------------------------ plain values
def _values(s: Scenario, out: list[Problem]) -> None:
    def positive(sheet, rec, column, value, allow_zero=False):
        if value is None:
            return
        if value < 0 or (value == 0 and not allow_zero):
            _p(
                out,
                sheet,
                rec,
                column,
                "Must be zero or more" if allow_zero else "Must be positive",
                value,
                "a number of 0 or more" if allow_zero else "a number above 0",
            )

    def priority(sheet, rec):
        if not 1 <= rec.priority <= 5:
            _p(
                out,
                sheet,
                rec,
                "priority",
                "Priority out of range",
                rec.priority,
                "1 (low) to 5 (high)",
            )

    for r in s.ranks:
        positive("Ranks", r, "precedence", r.precedence)
        positive("Ranks", r, "welcome_seconds", r.welcome_seconds)
    for t in s.travel:
        positive("Travel", t, "minutes", t.minutes, allow_zero=True)
    for r in s.rooms:
        positive("Rooms", r, "capacity", r.capacity)
        positive(
            "Rooms",
            r,
            "changeover_minutes",
            r.changeover_minutes,
            allow_zero=True,
        )
    for d in s.delegations:
        positive("Delegations", d, "size", d.size, allow_zero=True)
    for p in s.people:
        positive("People", p, "max_items_per_day", p.max_items_per_day)
    for e in s.events:
        positive("Events", e, "duration_minutes", e.duration_minutes)
        positive("Events", e, "attendance", e.attendance)
        priority("Events", e)
        positive("Events", e, "participants_minutes", e.participants_minutes)
        if (
            e.participants_minutes is not None
            and e.participants_minutes > e.duration_minutes > 0
        ):
            _p(
                out,
                "Events",
                e,
                "participants_minutes",
                "Longer than the event",
                e.participants_minutes,
                f"at most duration_minutes ({e.duration_minutes})",
            )
    for b in s.bilaterals:
        positive("Bilaterals", b, "duration_minutes", b.duration_minutes)
        positive("Bilaterals", b, "attendance", b.attendance)
        priority("Bilaterals", b)
    for a in s.arrivals:
        positive("Arrivals", a, "duration_minutes", a.duration_minutes)
    for q in s.sequences:
        positive("Sequences", q, "slot_seconds", q.slot_seconds)
        positive("Sequences", q, "gap_seconds", q.gap_seconds, allow_zero=True)
    for m in s.members:
        positive("SequenceMembers", m, "slot_seconds", m.slot_seconds)
        positive("SequenceMembers", m, "position", m.position)


# ---------------------------------------------------------------- windows
def _on_days(s: Scenario, moment: datetime) -> bool:
    return moment.date() in s.settings.days


def _windows(s: Scenario, out: list[Problem]) -> None:
    days = ", ".join(d.isoformat() for d in s.settings.days)

    def check(sheet, rec, lo_col, hi_col, lo, hi, minutes, what):
        for col, val in ((lo_col, lo), (hi_col, hi)):
            if val is not None and not _on_days(s, val):
                _p(
                    out,
                    sheet,
                    rec,
                    col,
                    "Date outside the event days",
                    val.strftime("%Y-%m-%d %H:%M"),
                    f"a time on {days}",
                )
        if lo is not None and hi is not None:
            if hi <= lo:
                _p(
                    out,
                    sheet,
                    rec,
                    hi_col,
                    f"{hi_col} must be later than {lo_col}",
                    hi.strftime("%Y-%m-%d %H:%M"),
                )
            elif minutes and hi - lo < timedelta(minutes=minutes):
                _p(
                    out,
                    sheet,
                    rec,
                    hi_col,
                    f"The window is shorter than the {what} ({minutes} min)",
                    f"{lo:%Y-%m-%d %H:%M} to {hi:%H:%M}",
                    f"at least {minutes} minutes",
                )

    for r in s.rooms:
        check(
            "Rooms",
            r,
            "available_from",
            "available_to",
            r.available_from,
            r.available_to,
            0,
            "room",
        )
    for d in s.delegations:
        if (
            d.available_from
            and d.available_to
            and d.available_to <= d.available_from
        ):
            _p(
                out,
                "Delegations",
                d,
                "available_to",
                "available_to must be later than available_from",
                d.available_to,
            )
    for p in s.people:
        if (
            p.available_from
            and p.available_to
            and p.available_to <= p.available_from
        ):
            _p(
                out,
                "People",
                p,
                "available_to",
                "available_to must be later than available_from",
                p.available_to,
            )
    for e in s.events:
        check(
            "Events",
            e,
            "earliest",
            "latest",
            e.earliest,
            e.latest,
            e.duration_minutes,
            "event",
        )
        if e.fixed_start is not None and not _on_days(s, e.fixed_start):
            _p(
                out,
                "Events",
                e,
                "fixed_start",
                "Date outside the event days",
                e.fixed_start.strftime("%Y-%m-%d %H:%M"),
                f"a time on {days}",
            )
        if (
            e.preferred_day is not None
            and e.preferred_day not in s.settings.days
        ):
            _p(
                out,
                "Events",
                e,
                "preferred_day",
                "Not an event day",
                e.preferred_day.isoformat(),
                days,
            )
        if e.slot_set and e.slot_set in s.slots_by_set:
            longest = max(
                (x.end - x.start for x in s.slots_by_set[e.slot_set]),
                default=timedelta(),
            )
            if longest < timedelta(minutes=e.duration_minutes):
                _p(
                    out,
                    "Events",
                    e,
                    "duration_minutes",
                    f"Longer than every slot of set {e.slot_set}",
                    e.duration_minutes,
                    f"at most {int(longest.total_seconds() // 60)} minutes",
                )
    for x in s.slots:
        check("Slots", x, "start", "end", x.start, x.end, 0, "slot")
    for b in s.bilaterals:
        check(
            "Bilaterals",
            b,
            "earliest",
            "latest",
            b.earliest,
            b.latest,
            b.duration_minutes,
            "meeting",
        )
    for a in s.arrivals:
        check(
            "Arrivals",
            a,
            "earliest",
            "latest",
            a.earliest,
            a.latest,
            0,
            "reception",
        )
        if a.latest == a.earliest and _on_days(s, a.earliest):
            out.pop()  # a single allowed start is a valid window
    for q in s.sequences:
        if q.within_event is None and (q.earliest is None or q.latest is None):
            _p(
                out,
                "Sequences",
                q,
                "within_event",
                "A sequence needs within_event, or both earliest and latest",
            )
        check(
            "Sequences",
            q,
            "earliest",
            "latest",
            q.earliest,
            q.latest,
            0,
            "queue",
        )
    for w in s.windows:
        if w.end <= w.start:
            _p(
                out,
                "SecurityWindows",
                w,
                "end",
                "end must be later than start",
                w.end.strftime("%Y-%m-%d %H:%M"),
            )


# ------------------------------------------------------------------ cycles
def _after_cycles(s: Scenario, out: list[Problem]) -> None:
    graph = {
        e.event_id: [a for a in e.after if a in s.event_by_id]
        for e in s.events
    }
    state: dict[str, int] = {}
    reported: set[frozenset] = set()

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
                    _p(
                        out,
                        "Events",
                        ev,
                        "after",
                        "Cycle in after: "
                        + " → ".join([*cycle, nxt])
                        + " (each must end before the next starts)",
                        ";".join(ev.after),
                    )
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for e in s.events:
        if e.event_id not in state:
            visit(e.event_id, [])


# --------------------------------------------------------------- sequences
def _late_policy(s: Scenario, q, out: list[Problem]) -> None:
    """``end``, ``drop`` or ``move:<another sequence_id>``."""
    policy = q.late_policy
    if policy is None or policy in LATE_POLICIES:
        return
    expected = "end, drop or move:<sequence_id> (another sequence)"
    if not policy.startswith(LATE_MOVE_PREFIX):
        _p(
            out,
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
        _p(
            out,
            "Sequences",
            q,
            "late_policy",
            "A list cannot move its late members to itself",
            policy,
            expected,
        )
    elif target not in s.sequence_by_id:
        _p(
            out,
            "Sequences",
            q,
            "late_policy",
            "Unknown sequence",
            policy,
            "move: followed by a sequence_id of Sequences",
        )


def _sequences(s: Scenario, out: list[Problem]) -> None:
    for q in s.sequences:
        members = s.members_of(q.sequence_id)
        for m in members:
            if m.position is not None and m.position > len(members):
                _p(
                    out,
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
                _p(
                    out,
                    "SequenceMembers",
                    m,
                    "position",
                    f"Two members of {q.sequence_id} share a position",
                    m.position,
                    "one member per position",
                )
        if q.earliest and q.latest and q.earliest.date() != q.latest.date():
            _p(
                out,
                "Sequences",
                q,
                "latest",
                "A queue must run within one day",
                q.latest,
            )
