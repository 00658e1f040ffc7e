"""A seeded generator of summit scenarios larger than the sample.

``generate(delegations, days, side_events, bilaterals, rooms, seed)``
returns a validated ``models.Scenario``: a host, ``delegations`` visiting
delegations with a realistic rank mix, an all-heads opening and banquet
per day, an order of signature, side events in four daily slots with
speakers and tracks, exhibitions, bilateral requests (host leaders at
the palace, the rest at the centre), arrivals, and security windows.
``python bench/generate.py OUT.xlsx --delegations 200 --days 12 ...``
writes it as a scenario workbook.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models import (
    DEFAULT_RANKS,
    Arrival,
    BilateralRequest,
    Delegation,
    Event,
    Person,
    Room,
    Scenario,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Settings,
    Slot,
    Travel,
    Venue,
    parse_scope,
    validate_scenario,
)

RANK_MIX = [
    ("HOS", 4),
    ("VP", 2),
    ("HOG", 3),
    ("DPM", 8),
    ("FM", 10),
    ("MIN", 45),
    ("VMIN", 18),
    ("AMB", 20),
]
SLOTS = [
    ("09:00", "10:15"),
    ("12:00", "13:15"),
    ("13:30", "14:45"),
    ("15:00", "16:15"),
]
TRACKS = [
    "capacity",
    "e-evidence",
    "cooperation",
    "ai",
    "children",
    "ransomware",
]


def _at(day: date, hm: str) -> datetime:
    h, m = map(int, hm.split(":"))
    return datetime.combine(day, time(h, m))


def generate(
    delegations: int = 110,
    days: int = 2,
    side_events: int = 40,
    bilaterals: int = 150,
    rooms: int = 45,
    seed: int = 0,
    start: date = date(2025, 10, 25),
) -> Scenario:
    rng = random.Random(seed)
    day_list = tuple(start + timedelta(days=k) for k in range(days))
    settings = Settings(
        event_name=f"Generated summit ({delegations} "
        f"delegations, {days} days)",
        days=day_list,
    )
    venues = (
        Venue("NCC", "Convention Centre"),
        Venue("PP", "Palace"),
        Venue("AIR", "Airport"),
    )
    travel = (
        Travel("NCC", "PP", 20),
        Travel("NCC", "AIR", 45),
        Travel("PP", "AIR", 50),
    )
    room_list = [
        Room(
            "PLEN",
            "Plenary",
            "NCC",
            "plenary",
            3500,
            frozenset({"interpretation", "flags"}),
        ),
        Room("BANQ", "Banquet", "NCC", "banquet", 1200, frozenset()),
        Room(
            "EXPO",
            "Foyer",
            "NCC",
            "exhibition",
            max(25, side_events // 2),
            frozenset(),
        ),
        Room("GATE-A", "VIP gate A", "AIR", "arrival", 40, frozenset()),
        Room("GATE-B", "VIP gate B", "AIR", "arrival", 40, frozenset()),
        Room(
            "PP-1",
            "Palace room 1",
            "PP",
            "bilateral",
            24,
            frozenset({"flags", "vip"}),
        ),
        Room(
            "PP-2",
            "Palace room 2",
            "PP",
            "bilateral",
            24,
            frozenset({"flags", "vip"}),
        ),
    ]
    n_halls = max(2, rooms // 6)
    n_bl = max(4, rooms // 5)
    n_mr = max(4, rooms - n_halls - n_bl - len(room_list))
    room_list += [
        Room(
            f"H{k + 1}",
            f"Hall {k + 1}",
            "NCC",
            "hall",
            rng.choice([400, 500, 600, 700]),
            frozenset({"interpretation", "flags"}),
        )
        for k in range(n_halls)
    ]
    room_list += [
        Room(
            f"MR{k + 1:02d}",
            f"Meeting room {k + 1}",
            "NCC",
            "meeting",
            rng.choice([60, 80, 100, 120]),
            frozenset(),
        )
        for k in range(n_mr)
    ]
    room_list += [
        Room(
            f"BL{k + 1:02d}",
            f"Bilateral suite {k + 1}",
            "NCC",
            "bilateral",
            20,
            frozenset({"flags", "vip"}),
        )
        for k in range(n_bl)
    ]
    # delegations with the rank mix, scaled
    weights = [w for _, w in RANK_MIX]
    dels = [Delegation("HST", "Host", "host", "President of the host", "HOS")]
    for k in range(delegations):
        rank = rng.choices([r for r, _ in RANK_MIX], weights)[0]
        dels.append(
            Delegation(
                f"D{k:03d}",
                f"State {k:03d}",
                "state",
                f"Head of delegation {k:03d}",
                rank,
                size=rng.randint(10, 30)
                if rank in ("HOS", "HOG")
                else rng.randint(3, 8),
            )
        )
    people = (
        Person(
            "HST-PM",
            "Prime Minister of the host",
            "HST",
            "HOG",
            max_items_per_day=8,
        ),
        Person(
            "HST-MIN",
            "Interior minister of the host",
            "HST",
            "MIN",
            max_items_per_day=12,
        ),
        Person("HST-GR", "Protocol greeter", "HST", "OFF"),
    )
    events, slots = [], []
    for d, day in enumerate(day_list):
        for a, b in SLOTS:
            slots.append(Slot("SIDE", _at(day, a), _at(day, b)))
        events.append(
            Event(
                f"OPEN{d}",
                f"Opening day {d + 1}",
                "ceremony",
                60,
                3000,
                rooms=("PLEN",),
                all_heads=True,
                fixed_start=_at(day, "07:30"),
                participants=("HST",),
                mandatory=True,
            )
        )
        events.append(
            Event(
                f"PLEN{d}",
                f"Plenary day {d + 1}",
                "plenary",
                180,
                2000,
                rooms=("PLEN",),
                fixed_start=_at(day, "09:00"),
                participants=("HST-PM",),
                mandatory=True,
            )
        )
        events.append(
            Event(
                f"BANQ{d}",
                f"Reception day {d + 1}",
                "reception",
                120,
                1000,
                all_heads=True,
                fixed_start=_at(day, "19:00"),
                participants=("HST",),
                mandatory=d == 0,
            )
        )
    speakers = [
        x.delegation_id
        for x in dels[1:]
        if x.head_rank in ("MIN", "VMIN", "AMB", "FM")
    ]
    for k in range(side_events):
        kind = "exhibition" if k % 3 == 2 else "workshop"
        if kind == "exhibition":
            day = rng.choice(day_list)
            events.append(
                Event(
                    f"X{k:03d}",
                    f"Exhibition {k}",
                    kind,
                    480,
                    rng.randint(1, 3),
                    earliest=_at(day, "08:30"),
                    latest=_at(day, "18:30"),
                    preferred_day=day,
                    priority=rng.randint(1, 5),
                )
            )
            continue
        events.append(
            Event(
                f"W{k:03d}",
                f"Workshop {k}",
                kind,
                60,
                rng.randint(40, 400),
                slot_set="SIDE",
                track=rng.choice(TRACKS),
                participants=tuple(rng.sample(speakers, 2))
                if speakers
                else (),
                priority=rng.randint(1, 5),
                required_features=("interpretation",)
                if rng.random() < 0.2
                else (),
            )
        )
    signatories = [x.delegation_id for x in dels[1:] if rng.random() < 0.6]
    sequences = [
        Sequence(
            "SIGN",
            "Order of signature",
            "PLEN",
            "precedence",
            60,
            within_event="SIGNING",
        )
    ]
    events.append(
        Event(
            "SIGNING",
            "Signing ceremony",
            "ceremony",
            max(30, len(signatories) + 10),
            3000,
            rooms=("PLEN",),
            all_heads=True,
            fixed_start=_at(day_list[0], "12:30"),
            mandatory=True,
        )
    )
    members = [SequenceMember("SIGN", "HST", position=1, mandatory=True)]
    members += [SequenceMember("SIGN", d) for d in signatories]
    bil = []
    visitors = [x for x in dels[1:]]
    for k in range(bilaterals):
        r = rng.random()
        b = rng.choice(visitors)
        if r < 0.15:
            a, venue = "HST", "PP"
        elif r < 0.3:
            a, venue = "HST-PM", "PP"
        elif r < 0.5:
            a, venue = "HST-MIN", None
        else:
            a = rng.choice(visitors).delegation_id
            venue = None
            if a == b.delegation_id:
                continue
        bil.append(
            BilateralRequest(
                f"B{k:04d}",
                a,
                b.delegation_id,
                duration_minutes=rng.choice([20, 30, 40]),
                priority=rng.randint(1, 5),
                venue_id=venue,
            )
        )
    arrivals = []
    # one greeter meets every flight: each flight takes the least used
    # (day, band), and flights in one band land 30 minutes apart, so the
    # receptions can all be held
    landed = {
        (day, band): 0
        for day in day_list
        for band in ("08:00", "11:00", "14:00", "16:00")
    }
    for x in rng.sample(visitors, min(len(visitors), delegations // 10)):
        day, band = min(landed, key=lambda p: (landed[p], rng.random()))
        t = _at(day, band) + timedelta(minutes=30 * landed[day, band])
        landed[day, band] += 1
        arrivals.append(
            Arrival(
                x.delegation_id, t, t + timedelta(hours=1), greeter="HST-GR"
            )
        )
    windows = [
        SecurityWindow(
            f"M{d}",
            _at(day, "17:30"),
            _at(day, "18:00"),
            parse_scope("venue:AIR"),
            "no_arrivals",
            "motorcade",
        )
        for d, day in enumerate(day_list)
    ]
    windows.append(
        SecurityWindow(
            "S1",
            _at(day_list[-1], "07:00"),
            _at(day_list[-1], "09:00"),
            parse_scope("room:BL01"),
            "closed",
            "sweep",
        )
    )
    s = Scenario(
        settings=settings,
        ranks=DEFAULT_RANKS,
        venues=venues,
        travel=travel,
        rooms=tuple(room_list),
        delegations=tuple(dels),
        people=people,
        events=tuple(events),
        slots=tuple(slots),
        bilaterals=tuple(bil),
        arrivals=tuple(arrivals),
        sequences=tuple(sequences),
        members=tuple(members),
        windows=tuple(windows),
        source="generated",
    )
    problems = validate_scenario(s)
    if problems:
        raise ValueError("\n".join(map(str, problems[:10])))
    return s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--delegations", type=int, default=110)
    ap.add_argument("--days", type=int, default=2)
    ap.add_argument("--side-events", type=int, default=40)
    ap.add_argument("--bilaterals", type=int, default=150)
    ap.add_argument("--rooms", type=int, default=45)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    from inputs.scenario_writer import write_scenario

    s = generate(
        a.delegations, a.days, a.side_events, a.bilaterals, a.rooms, a.seed
    )
    write_scenario(s, a.out)
    print(f"wrote {a.out}: {len(s.items)} items")


if __name__ == "__main__":
    main()
