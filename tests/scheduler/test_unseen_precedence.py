"""Scenarios the engine has not seen (issue 18, "done when"): generated
from a seed, with a different tie-break per list, a guest of honour, a
co-chair, accented names and late members under each late policy.

The checks here are independent of the engine's own ordering and
reasons: the order each list must follow is recomputed from the spec
(Version 2, "Order of precedence") with code of this file; a left-out
member is shown to have no place the policy allows; each reason's claim
is verified against the schedule.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest

from models import (
    Arrival,
    Event,
    Person,
    Sequence,
    SequenceMember,
    Travel,
    Venue,
)
from models.records.schedule import is_late
from tests.factory import DAY1, DAY2, at, delegation, room, settings, tiny

from .helpers import solve_checked

NAMES = (
    "Côte d'Ivoire",
    "Costa Rica",
    "Croatia",
    "Czechia",
    "Türkiye",
    "Tunisia",
    "Turkmenistan",
    "São Tomé and Príncipe",
    "Sweden",
    "Senegal",
    "Åland Test State",
    "Austria",
    "Émirats Test State",
    "Estonia",
    "Ecuador",
)
RANKS = ("HOS", "HOG", "FM", "MIN", "AMB")
TIEBREAKS = ("alphabetical", "seniority", "registration", "lot:C", "lot:T")


def generate(seed: int):
    """A two-day signing scenario: a welcome line, an order of signature
    each day, a speakers list, each with its own tie-break; a guest of
    honour; the UN Secretary-General co-chairing; three late members."""
    rng = random.Random(seed)
    names = rng.sample(NAMES, 10)
    ids = [f"D{k:02d}" for k in range(10)]
    dels = []
    for did, name in zip(ids, names, strict=True):
        dels.append(
            delegation(
                did,
                rng.choice(RANKS),
                name=name,
                head_since=date(
                    2000 + rng.randrange(24), 1 + rng.randrange(12), 1
                )
                if rng.random() < 0.8
                else None,
                confirmed_on=date(2025, 9, 1)
                + timedelta(days=rng.randrange(40)),
            )
        )
    guest = rng.randrange(10)
    dels[guest] = replace(dels[guest], role="guest_of_honour")
    late_land, late_next, late_avail = rng.sample(
        [k for k in range(10) if k != guest], 3
    )
    dels[late_avail] = replace(dels[late_avail], available_from=at("10:40"))
    host = replace(
        delegation("VNM", "HOS", name="Viet Nam", available_to=at("10:20")),
        kind="host",
    )
    un = replace(
        delegation("UN", "IOH", name="United Nations"), kind="organization"
    )
    sg = Person("UNSG", "Secretary-General", "UN", "VP", role="co_chair")
    pm = Person("PM", "Prime Minister", "VNM", "HOG")
    policy = (None, "end", "drop", "move:SIGN2")[seed % 4]
    tb = rng.sample(TIEBREAKS, 4)
    events = (
        Event(
            "SIG1",
            "Signing",
            "ceremony",
            60,
            300,
            rooms=("HALL",),
            mandatory=True,
            fixed_start=at("10:00"),
        ),
        Event(
            "SIG2",
            "Signing, day 2",
            "ceremony",
            90,
            300,
            rooms=("HALL",),
            mandatory=True,
            fixed_start=at("10:00", DAY2),
        ),
        Event(
            "PLEN",
            "Plenary",
            "plenary",
            120,
            300,
            rooms=("HALL",),
            mandatory=True,
            fixed_start=at("14:00"),
            participants=("PM", "UNSG"),
            participants_minutes=20,
        ),
    )
    seqs = (
        Sequence(
            "WL",
            "Welcome line",
            "PORTE",
            "reverse_precedence",
            30,
            earliest=at("08:00"),
            latest=at("09:00"),
            tiebreak=tb[0],
        ),
        Sequence(
            "SIGN1",
            "Order of signature",
            "HALL",
            "precedence",
            90,
            within_event="SIG1",
            tiebreak=tb[1],
            late_policy=policy,
        ),
        Sequence(
            "SIGN2",
            "Order of signature, day 2",
            "HALL",
            "precedence",
            90,
            within_event="SIG2",
            tiebreak=tb[2],
        ),
        Sequence(
            "SPK",
            "Speakers",
            "HALL",
            "precedence",
            300,
            within_event="PLEN",
            tiebreak=tb[3],
            late_policy=rng.choice([None, "drop"]),
        ),
    )
    signers = rng.sample(range(10), 8)
    for k in (late_land, late_next, late_avail):
        if k not in signers:
            signers[rng.randrange(len(signers))] = k
    members = [
        *(SequenceMember("WL", d) for d in [*ids, "UNSG"]),
        SequenceMember("SIGN1", "VNM", position=1, mandatory=True),
        *(SequenceMember("SIGN1", ids[k]) for k in dict.fromkeys(signers)),
        *(
            SequenceMember("SIGN2", ids[k])
            for k in range(10)
            if k not in signers
        ),
        *(SequenceMember("SPK", d) for d in rng.sample(ids, 6)),
    ]
    arrivals = (
        Arrival(ids[late_land], at("09:50"), at("09:50"), point="GATE"),
        Arrival(ids[late_next], at("08:00", DAY2), at("08:00", DAY2), "GATE"),
    )
    return tiny(
        settings=settings(
            days=(DAY1, DAY2), precedence_tiebreak=rng.choice(TIEBREAKS)
        ),
        venues=(Venue("NCC", "Centre"), Venue("AIR", "Airport")),
        travel=(Travel("NCC", "AIR", 45),),
        rooms=(
            room("HALL", "plenary", 500),
            room("PORTE", "hold", 50),
            room("GATE", "arrival", 40, venue="AIR"),
        ),
        delegations=(host, un, *dels),
        people=(sg, pm),
        events=events,
        sequences=seqs,
        members=tuple(members),
        arrivals=arrivals,
    )


# ------------------------------------------- the spec, written again
def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _side(s, pid: str) -> int:
    p = s.persons[pid]
    d = s.delegation_by_id[p.delegation_id]
    if d.kind == "host" or d.role == "co_host" or p.role == "co_chair":
        return 0
    return 1 if d.role == "guest_of_honour" else 2


def _key(s, tiebreak: str):
    def key(pid):
        p = s.persons[pid]
        d = s.delegation_by_id[p.delegation_id]
        rank = {r.rank: r.precedence for r in s.ranks}[p.rank]
        name = _fold(d.name)
        far = date(9999, 1, 1)
        if tiebreak == "seniority":
            tie = ((d.head_since if p.is_head else None) or far,)
        elif tiebreak == "registration":
            tie = (d.confirmed_on or far,)
        elif tiebreak.startswith("lot:"):
            tie = (name[0].upper() < tiebreak[-1].upper(),)
        else:
            tie = ()
        return (_side(s, pid), rank, tie, name, pid)

    return key


def expected_order(s, seq_id: str) -> list[str]:
    """The list's order as the spec defines it."""
    seq = s.sequence_by_id[seq_id]
    tiebreak = seq.tiebreak or s.settings.precedence_tiebreak
    fixed, free = {}, []
    for m in s.members:
        if m.sequence_id != seq_id:
            continue
        pid = m.member
        if m.position is not None:
            fixed[m.position] = pid
        elif not (seq.order == "reverse_precedence" and _side(s, pid) == 0):
            free.append(pid)
    free.sort(key=_key(s, tiebreak), reverse=seq.order == "reverse_precedence")
    out, pos = [], 1
    while free or any(p >= pos for p in fixed):
        out.append(fixed[pos] if pos in fixed else free.pop(0))
        pos += 1
    return out


def _moved_in(s, seq_id):
    """(member, source list) moved into ``seq_id`` by a late policy."""
    own = {m.member for m in s.members if m.sequence_id == seq_id}
    return [
        (m.member, q.sequence_id)
        for q in s.sequences
        if (q.late_policy or "").replace(" ", "") == f"move:{seq_id}"
        for m in s.members
        if m.sequence_id == q.sequence_id and m.member not in own
    ]


def _is_subsequence(part, whole) -> bool:
    it = iter(whole)
    return all(x in it for x in part)


# ------------------------------------------------------------ checks
def _free(s, pid, lo, hi) -> bool:
    return any(a <= lo and hi <= b for a, b in s.person_free(pid))


def _ready(s, schedule, pid, venue) -> int:
    g = s.grid
    d = s.delegation_of(pid)
    for a in schedule.assignments:
        if a.kind == "arrival" and a.ref_id == d:
            return g.to_index(a.end) + s.travel_seconds(a.venue_id, venue)
    return -(10**9)


def _busy(s, schedule, pid, lo, hi, seq) -> bool:
    g, buf = s.grid, s.buffer_seconds
    for a in schedule.assignments:
        if pid not in a.participants or a.item_id == f"E:{seq.within_event}":
            continue
        it = s.item_by_id[a.item_id]
        a_lo = g.to_index(a.start)
        a_hi = a_lo + it.busy_seconds(pid)
        if a_lo - buf < hi and lo < a_hi + buf:
            return True
    return False


def _span(s, schedule, seq):
    g = s.grid
    if seq.within_event:
        ev = schedule.by_item().get(f"E:{seq.within_event}")
        return g.to_index(ev.start), g.to_index(ev.end)
    return g.to_index(seq.earliest), g.to_index(seq.latest)


def _place_after_list(s, schedule, seq, pid, dur):
    """A start after every row of the list where ``pid`` could sign late:
    inside the span, there, not busy; ``None`` if there is none."""
    g = s.grid
    rows = [a for a in schedule.assignments if a.ref_id == seq.sequence_id]
    if not rows:
        return None
    hi = _span(s, schedule, seq)[1]
    start = max(g.to_index(a.end) for a in rows) + seq.gap_seconds
    venue = s.room_by_id[seq.room_id].venue_id
    start = max(start, _ready(s, schedule, pid, venue))
    for t in range(start, hi - dur + 1, 30):
        if _free(s, pid, t, t + dur) and not _busy(
            s, schedule, pid, t, t + dur, seq
        ):
            return t
    return None


def _check_reason(s, schedule, item, reason: str) -> None:
    """The verifiable claims of a member's reason hold."""
    seq = s.sequence_by_id[item.sequence_id]
    pid = item.participants[0]
    g = s.grid
    lo, hi = _span(s, schedule, seq)
    venue = s.room_by_id[seq.room_id].venue_id
    assert "full" not in reason
    assert "left it unused" not in reason  # the solver proved optimality
    m = re.search(
        r"can be at \w+ only from (\d\d \w\w\w \d\d:\d\d), after", reason
    )
    if m:
        ready = _ready(s, schedule, pid, venue)
        assert g.to_datetime(ready).strftime("%d %b %H:%M") == m.group(1)
        assert ready + item.duration > hi
    if "not in town or not available during" in reason:
        assert not any(
            max(a, lo) + item.duration <= min(b, hi)
            for a, b in s.person_free(pid)
        )
    m = re.search(
        r"cannot be there at their turn \((\d\d:\d\d:\d\d)\)", reason
    )
    if m:
        rows = sorted(
            (a for a in schedule.assignments if a.ref_id == seq.sequence_id),
            key=lambda a: a.start,
        )
        order = [s.item_by_id[a.item_id].queue_index for a in rows]
        after = [
            a
            for a, k in zip(rows, order, strict=True)
            if k > item.queue_index and not is_late(a)
        ]
        ordered = [a for a in rows if not is_late(a)]
        turn = (
            g.to_index(after[0].start)
            if after
            else g.to_index(ordered[-1].end) + seq.gap_seconds
        )
        assert g.to_datetime(turn).strftime("%H:%M:%S") == m.group(1)
        there = _free(s, pid, turn, turn + item.duration) and turn >= _ready(
            s, schedule, pid, venue
        )
        buf = s.buffer_seconds
        elsewhere = any(
            a.kind == "sequence"
            and a.ref_id != seq.sequence_id
            and pid in a.participants
            and g.to_index(a.start) - buf < turn + item.duration
            and turn < g.to_index(a.end) + buf
            for a in schedule.assignments
        )
        assert not there or elsewhere
    if "late policy of" in reason:
        assert (seq.late_policy or "end") in reason
        assert seq.late != "end"


SEEDS = (1, 2, 3, 4, 5, 6, 7, 8)


@pytest.mark.parametrize("seed", SEEDS)
def test_unseen_scenario_lists_late_members_and_reasons(seed):
    s = generate(seed)
    result = solve_checked(s)
    assert result.status == "OPTIMAL", result.status
    schedule = result.schedule
    # 1. every list in the order the spec defines
    for seq in s.sequences:
        rows = sorted(
            (a for a in schedule.assignments if a.ref_id == seq.sequence_id),
            key=lambda a: a.start,
        )
        moved = dict(_moved_in(s, seq.sequence_id))
        spec = expected_order(s, seq.sequence_id)
        if moved:
            free = [p for p in spec if p not in moved] + list(moved)
            tiebreak = seq.tiebreak or s.settings.precedence_tiebreak
            spec = sorted(free, key=_key(s, tiebreak))  # no fixed places
        in_order = [a.participants[0] for a in rows if not is_late(a)]
        late = [a.participants[0] for a in rows if is_late(a)]
        assert _is_subsequence(in_order, spec), (seq.sequence_id, in_order)
        assert _is_subsequence(late, spec), (seq.sequence_id, late)
        assert rows[: len(in_order)] == [a for a in rows if not is_late(a)]
        if seq.order == "reverse_precedence":
            assert "UNSG" not in in_order + late  # the co-chair
        guests = [p for p in in_order if _side(s, p) > 0]
        honour = [p for p in guests if _side(s, p) == 1]
        if honour:
            at_end = -1 if seq.order == "reverse_precedence" else 0
            assert guests[at_end] == honour[0]
        for a in rows:
            it = s.item_by_id[a.item_id]
            if it.is_alternative:
                assert a.note == f"moved from {it.moved_from}"
            elif is_late(a):
                assert a.note == "late: after the list" and seq.late == "end"
    # 2. no late member dropped while the policy gives them a place
    for u in schedule.unscheduled:
        it = s.item_by_id[u.item_id]
        if it.kind != "sequence":
            continue
        seq = s.sequence_by_id[it.sequence_id]
        pid = it.participants[0]
        if seq.late == "end":
            assert (
                _place_after_list(s, schedule, seq, pid, it.duration) is None
            )
        if seq.late == "move":
            target = s.sequence_by_id[seq.move_to]
            assert f"S:{target.sequence_id}:{it.member}" not in {
                a.item_id for a in schedule.assignments
            }
            lo, hi = _span(s, schedule, target)
            venue = s.room_by_id[target.room_id].venue_id
            whole = _free(s, pid, lo, hi) and lo >= _ready(
                s, schedule, pid, venue
            )
            assert not whole, u.reason
        # 3. every reason true
        _check_reason(s, schedule, it, u.reason)


def test_the_generator_covers_every_policy_and_tiebreak():
    seen_policy, seen_tb = set(), set()
    for seed in SEEDS:
        s = generate(seed)
        seen_policy.add(s.sequence_by_id["SIGN1"].late)
        seen_tb.update(q.tiebreak for q in s.sequences)
        assert len({q.tiebreak for q in s.sequences}) == 4
        assert any(
            _fold(d.name) != d.name.lower() for d in s.delegations
        )  # accented names
    assert seen_policy == {"end", "drop", "move"}
    assert seen_tb == set(TIEBREAKS)
