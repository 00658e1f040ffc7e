"""A seeded generator of summit scenarios larger than the sample.

``generate(delegations, days, side_events, bilaterals, rooms, seed)``
returns a validated ``models.Scenario``: a host, ``delegations`` visiting
delegations with a realistic rank mix, an all-heads opening and banquet
per day, an order of signature, side events in four daily slots with
speakers and tracks, exhibitions, bilateral requests (host leaders at
the palace, the rest at the centre), arrivals, and security windows.
``python bench/generate.py OUT.xlsx --delegations 200 --days 12 ...``
writes it as a scenario workbook.

``shape`` (a :class:`Shape`) varies the kind of event beyond its size:
the rank mix, how concentrated bilateral demand is on a few principals,
satellite venues with travel, bilateral time windows, how many
delegations fly in and when, a welcome line and a signing with little
slack. ``Shape()`` is the plain generator: the same scenario, draw for
draw, as before shapes existed (the ladder's rungs do not move). Every
draw a shape adds comes from a second random stream seeded from
``seed``, so a shape is a parameter of the generator, never a scenario
edited by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True)
class Shape:
    """How a generated event differs from the plain one (the defaults).

    - ``rank_mix``: rank -> weight of visiting heads (default
      :data:`RANK_MIX`); more heads of state means more VIP items, so more
      security sweeps.
    - ``host_share``: share of bilateral requests with one of the host's
      three principals (split 3:3:4 between president, prime minister and
      interior minister).
    - ``popular`` / ``popular_share``: the ``popular`` highest-ranked
      visiting heads are in demand: each visitor-visitor request names one
      of them with probability ``popular_share``.
    - ``venues``: satellite venues; about half the meeting rooms and
      bilateral suites move there, with travel of 15-40 minutes.
    - ``window_share``: share of bilateral requests held to a half day.
    - ``arrival_share``: share of visiting delegations that fly in (each
      received at the airport by the host's greeter); ``arrival_days``:
      flights land on the first so many days only (0: any day).
    - ``welcome``: a welcome ceremony at 18:00 on day one, with
      a welcome line of every head in reverse precedence (20 s each) and
      ``welcome_slack`` minutes to spare over the line's length.
    - ``signing_slack``: minutes the signing lasts beyond one minute per
      signatory (plain: 10); ``signing_share``: share of delegations that
      sign.
    """

    rank_mix: tuple[tuple[str, int], ...] | None = None
    host_share: float = 0.5
    popular: int = 0
    popular_share: float = 0.0
    venues: int = 0
    window_share: float = 0.0
    arrival_share: float = 0.1
    arrival_days: int = 0
    welcome: bool = False
    welcome_slack: int = 5
    signing_slack: int = 10
    signing_share: float = 0.6
    extra: dict = field(default_factory=dict, compare=False)


PLAIN = Shape()


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
    shape: Shape = PLAIN,
) -> Scenario:
    rng = random.Random(seed)
    # every draw a shape adds comes from here: the plain draws stay as
    # they were
    xr = random.Random(f"shape:{seed}")
    day_list = tuple(start + timedelta(days=k) for k in range(days))
    settings = Settings(
        event_name=f"Generated summit ({delegations} "
        f"delegations, {days} days)",
        days=day_list,
    )
    venues = [
        Venue("NCC", "Convention Centre"),
        Venue("PP", "Palace"),
        Venue("AIR", "Airport"),
    ]
    travel = [
        Travel("NCC", "PP", 20),
        Travel("NCC", "AIR", 45),
        Travel("PP", "AIR", 50),
    ]
    satellites = [f"V{k + 1}" for k in range(shape.venues)]
    for k, v in enumerate(satellites):
        venues.append(Venue(v, f"Annex {k + 1}"))
        travel.append(Travel("NCC", v, xr.choice([15, 20, 25, 30])))
        travel.append(Travel("PP", v, xr.choice([20, 30, 40])))
        travel.append(Travel("AIR", v, xr.choice([45, 55, 60])))
        for w in satellites[:k]:
            travel.append(Travel(w, v, xr.choice([15, 20, 30, 40])))
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
    if satellites:  # about half the meeting and bilateral rooms move out
        for k, r in enumerate(room_list):
            movable = (
                r.kind in ("meeting", "bilateral") and r.room_id != "BL01"
            )
            if movable and xr.random() < 0.5:
                room_list[k] = replace(r, venue_id=xr.choice(satellites))
    # delegations with the rank mix, scaled
    mix = shape.rank_mix or RANK_MIX
    weights = [w for _, w in mix]
    dels = [Delegation("HST", "Host", "host", "President of the host", "HOS")]
    for k in range(delegations):
        rank = rng.choices([r for r, _ in mix], weights)[0]
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
    visitors = [x for x in dels[1:]]
    if shape.welcome:
        line = len(visitors) * 20 // 60 + 1
        events.append(
            Event(
                "WELCOME",
                "Welcome ceremony",
                "ceremony",
                line + shape.welcome_slack,
                300,
                rooms=("PORTE",),
                all_heads=True,
                # before the reception at 19:00: heads who land late miss it
                fixed_start=_at(day_list[0], "18:00"),
                participants=("HST",),
                mandatory=True,
            )
        )
        room_list.append(
            Room("PORTE", "Porte cochere", "NCC", "hold", 400, frozenset())
        )
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
    signatories = [
        x.delegation_id for x in dels[1:] if rng.random() < shape.signing_share
    ]
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
            max(30, len(signatories) + shape.signing_slack),
            3000,
            rooms=("PLEN",),
            all_heads=True,
            fixed_start=_at(day_list[0], "12:30"),
            mandatory=True,
        )
    )
    members = [SequenceMember("SIGN", "HST", position=1, mandatory=True)]
    members += [SequenceMember("SIGN", d) for d in signatories]
    if shape.welcome:
        sequences.append(
            Sequence(
                "WL",
                "Welcome line",
                "PORTE",
                "reverse_precedence",
                20,
                within_event="WELCOME",
            )
        )
        members += [SequenceMember("WL", x.delegation_id) for x in visitors]
    bil = []
    h = shape.host_share
    by_rank = sorted(
        visitors, key=lambda x: [r for r, _ in RANK_MIX].index(x.head_rank)
    )
    popular = [x.delegation_id for x in by_rank[: shape.popular]]
    for k in range(bilaterals):
        r = rng.random()
        b = rng.choice(visitors)
        if r < 0.3 * h:
            a, venue = "HST", "PP"
        elif r < 0.6 * h:
            a, venue = "HST-PM", "PP"
        elif r < h:
            a, venue = "HST-MIN", None
        else:
            a = rng.choice(visitors).delegation_id
            venue = None
            if popular and xr.random() < shape.popular_share:
                a = xr.choice(popular)
            if a == b.delegation_id:
                continue
        earliest = latest = None
        if shape.window_share and xr.random() < shape.window_share:
            day = xr.choice(day_list)
            half = xr.choice([("07:00", "13:00"), ("13:00", "21:30")])
            earliest, latest = _at(day, half[0]), _at(day, half[1])
        bil.append(
            BilateralRequest(
                f"B{k:04d}",
                a,
                b.delegation_id,
                duration_minutes=rng.choice([20, 30, 40]),
                priority=rng.randint(1, 5),
                venue_id=venue,
                earliest=earliest,
                latest=latest,
            )
        )
    arrivals = []
    # one greeter meets every flight: each flight takes the least used
    # (day, band), and flights in one band land 30 minutes apart, so the
    # receptions can all be held
    fly_days = (
        day_list[: shape.arrival_days] if shape.arrival_days else day_list
    )
    landed = {
        (day, band): 0
        for day in fly_days
        for band in ("08:00", "11:00", "14:00", "16:00")
    }
    flying = (
        delegations // 10
        if shape.arrival_share == PLAIN.arrival_share
        else round(shape.arrival_share * delegations)
    )
    for x in rng.sample(visitors, min(len(visitors), flying)):
        day, band = min(landed, key=lambda p: (landed[p], rng.random()))
        t = _at(day, band) + timedelta(minutes=30 * landed[day, band])
        landed[day, band] += 1
        if t + timedelta(hours=1) > datetime.combine(day, settings.day_end):
            # more flights than the greeter's day holds (a share of
            # delegations flying on few days): this one comes by road
            continue
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
        venues=tuple(venues),
        travel=tuple(travel),
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
