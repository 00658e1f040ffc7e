"""Benchmark of a what-if re-run on the sample (issue 5).

Baseline: the sample solved for ``--baseline-limit`` seconds. Change set
(worked out from the scenario, so it stays valid when the sample
changes): 3 late confirmations, new delegations (one head of state) added
to the welcome line, 10 new bilateral requests, the first 2 workshops
cancelled, the second bilateral suite closed for the morning of the last
day by security, one head of delegation in the first order of signature
downgraded (minister to vice-minister). The updated scenario is
validated like a workbook before anything is solved. Then: a re-solve
against the baseline and a solve from scratch of the updated scenario,
each at ``--limit`` seconds. Reported: wall time, status, objective,
items moved, and each moved item that the changes did not touch
directly.

    python bench/bench_whatif.py --limit 10 --workers 2
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from dataclasses import replace
from datetime import datetime
from datetime import time as time_of
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inputs.sample.hanoi2025 import build_hanoi_scenario
from models import (
    BilateralRequest,
    Delegation,
    SecurityWindow,
    SequenceMember,
    parse_scope,
    validate_scenario,
)
from models.baseline import Baseline
from models.changes import diff_schedules
from models.checker import check
from models.checker.baseline import baseline_pins
from scheduler import SolveParams
from scheduler.search.solve import solve

#: The late confirmations: new delegations (the first a head of state).
NEW = ("XLA", "XLB", "XLC")


def closed_suite(s):
    """The suite lost to security: the second bilateral room, on the
    morning of the last day."""
    suites = [r.room_id for r in s.rooms if r.kind == "bilateral"]
    day = max(s.settings.days)
    return (
        suites[1 if len(suites) > 1 else 0],
        datetime.combine(day, time_of(7)),
        datetime.combine(day, time_of(13)),
    )


def change_set(s):
    dels = []
    downgraded = None
    signing = next(
        (q.sequence_id for q in s.sequences if q.order == "precedence"), None
    )
    welcome = next(
        (q.sequence_id for q in s.sequences if q.order != "precedence"), None
    )
    for d in s.delegations:
        if (
            downgraded is None
            and d.head_rank == "MIN"
            and any(
                m.member == d.delegation_id and m.sequence_id == signing
                for m in s.members
            )
        ):
            d = replace(d, head_rank="VMIN")
            downgraded = d.delegation_id
        dels.append(d)
    for k, did in enumerate(NEW):
        dels.append(
            Delegation(
                did,
                f"Late State {'ABC'[k]}",
                "state",
                f"Head of Late State {'ABC'[k]}",
                "HOS" if k == 0 else "MIN",
            )
        )
    members = s.members
    if welcome is not None:
        members = (*members, *(SequenceMember(welcome, d) for d in NEW))
    states = [
        d.delegation_id
        for d in s.delegations
        if d.kind == "state" and d.confirmed
    ][:20]
    bil = tuple(
        BilateralRequest(f"NEW{k:02d}", states[k], states[k + 10], priority=3)
        for k in range(10)
    )
    cancelled = [e.event_id for e in s.events if e.kind == "workshop"][:2]
    events = tuple(e for e in s.events if e.event_id not in cancelled)
    lost = closed_suite(s)
    window = SecurityWindow(
        "SEC9",
        lost[1],
        lost[2],
        parse_scope(f"room:{lost[0]}"),
        "closed",
        "security: suite lost for the morning",
    )
    s2 = replace(
        s,
        delegations=tuple(dels),
        members=members,
        bilaterals=(*s.bilaterals, *bil),
        events=events,
        windows=(*s.windows, window),
    )
    problems = validate_scenario(s2)
    if problems:
        raise SystemExit(
            "the change set makes an invalid scenario:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    return s2, downgraded


def forced(a, s2, downgraded) -> bool:
    """The changes touch this item directly: it was in the closed suite
    then, it involves a new or downgraded delegation, or it is a slot of a
    queue whose members changed (every later slot shifts)."""
    room, lo, hi = closed_suite(s2)
    if a.room_id == room and a.start < hi and a.end > lo:
        return True
    if a.kind == "sequence":
        queue = {m.member for m in s2.members if m.sequence_id == a.ref_id}
        if queue & {*NEW, downgraded}:
            return True
    return downgraded in a.participants or any(
        n in a.participants for n in NEW
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=float, default=10)
    ap.add_argument("--baseline-limit", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    s = build_hanoi_scenario()
    p = SolveParams(time_limit=a.baseline_limit, workers=a.workers)
    v1 = solve(s, p, live=False).schedule
    s2, downgraded = change_set(s)
    print(
        f"machine: {platform.machine()}, python "
        f"{platform.python_version()}, workers {a.workers}, limit "
        f"{a.limit:g} s; baseline solved {a.baseline_limit:g} s "
        f"({v1.info.status}, gap {100 * (v1.info.gap or 0):.1f}%)"
    )
    print(
        "| run | wall s | status | objective | gap | moved | moved, "
        "not touched by a change | added | dropped | cancelled | "
        "checker violations |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for name, base in (
        ("re-solve with baseline", Baseline(v1)),
        ("from scratch", None),
    ):
        t0 = time.monotonic()
        r = solve(
            s2,
            SolveParams(time_limit=a.limit, workers=a.workers),
            live=False,
            baseline=base,
        )
        wall = time.monotonic() - t0
        ch = diff_schedules(v1, r.schedule, set(s2.item_by_id))
        moved = [c for c in ch if c.change == "moved"]
        placed = r.schedule.by_item()
        unforced = [
            c
            for c in moved
            if not forced(placed[c.item_id], s2, downgraded)
            and not forced(v1.by_item()[c.item_id], s2, downgraded)
        ]
        viol = check(s2, r.schedule)
        if base is not None:
            viol += baseline_pins(s2, r.schedule, base)
        count = {
            k: sum(1 for c in ch if c.change == k)
            for k in ("added", "dropped", "cancelled")
        }
        print(
            f"| {name} | {wall:.1f} | {r.status} | {r.objective:,.0f} | "
            f"{'no bound' if r.gap is None else f'{100 * r.gap:.1f}%'} | "
            f"{len(moved)} | {len(unforced)} "
            f"| {count['added']} | {count['dropped']} | "
            f"{count['cancelled']} | {len(viol)} |"
        )
        rows.append((name, unforced))
    for name, unforced in rows:
        print(f"\n{name}: moved without a direct cause ({len(unforced)}):")
        for c in unforced[:40]:
            print(
                f"- {c.item_id} {c.old_start:%d %H:%M} {c.old_room} -> "
                f"{c.new_start:%d %H:%M} {c.new_room}"
            )


if __name__ == "__main__":
    main()
