"""Benchmark of a what-if re-run on the sample (issue 5).

Baseline: the sample solved for ``--baseline-limit`` seconds. Change set:
3 new delegations (one head of state) added to the welcome line, 10 new
bilateral requests, 2 cancelled workshops, bilateral suite BL02 closed
for half a day by security, one head of delegation downgraded (minister
to vice-minister). Then: a re-solve against the baseline and a solve from
scratch of the updated scenario, each at ``--limit`` seconds. Reported:
wall time, status, objective, items moved, and each moved item that the
changes did not touch directly.

    python bench/bench_whatif.py --limit 10 --workers 2
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inputs.sample.hanoi2025 import build_hanoi_scenario
from models import (
    BilateralRequest,
    SecurityWindow,
    SequenceMember,
    parse_scope,
)
from models.baseline import Baseline
from models.changes import diff_schedules
from models.checker import check
from models.checker.baseline import baseline_pins
from scheduler import SolveParams
from scheduler.search.solve import solve

NEW = ("ISL", "TLS", "GTM")
CLOSED = ("BL02", datetime(2025, 10, 26, 7, 0), datetime(2025, 10, 26, 13))


def change_set(s):
    dels = []
    downgraded = None
    for d in s.delegations:
        if d.delegation_id in NEW:
            d = replace(
                d,
                confirmed=True,
                head_rank="HOS" if d.delegation_id == "TLS" else d.head_rank,
            )
        elif (
            downgraded is None
            and d.head_rank == "MIN"
            and any(
                m.member == d.delegation_id and m.sequence_id == "SIGN1"
                for m in s.members
            )
        ):
            d = replace(d, head_rank="VMIN")
            downgraded = d.delegation_id
        dels.append(d)
    members = (*s.members, *(SequenceMember("WL", d) for d in NEW))
    states = [
        d.delegation_id
        for d in s.delegations
        if d.kind == "state" and d.confirmed
    ][:20]
    bil = tuple(
        BilateralRequest(f"NEW{k:02d}", states[k], states[k + 10], priority=3)
        for k in range(10)
    )
    events = tuple(e for e in s.events if e.event_id not in ("WS05", "WS06"))
    window = SecurityWindow(
        "SEC9",
        CLOSED[1],
        CLOSED[2],
        parse_scope(f"room:{CLOSED[0]}"),
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
    return s2, downgraded


def forced(a, s2, downgraded) -> bool:
    """The changes touch this item directly: it was in the closed suite
    then, it involves a new or downgraded delegation, or it is a slot of a
    queue whose members changed (every later slot shifts)."""
    if a.room_id == CLOSED[0] and a.start < CLOSED[2] and a.end > CLOSED[1]:
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
