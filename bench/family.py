"""The benchmark family: seeded scenarios of clearly different shapes.

Each entry is the arguments of :func:`bench.generate.generate` (sizes, a
fixed seed and a :class:`bench.generate.Shape`); nothing is edited by
hand after generation. ``FAMILY`` is what the search is measured and
tuned on; ``HELD_OUT`` are scenarios of the same kinds with other seeds
and mixes, run only to report how the search does on events it was not
tuned on (``bench/bench_family.py --set held-out``).
"""

from __future__ import annotations

import random

from bench.generate import Shape

#: Visiting heads mostly heads of state and government: many VIP items,
#: so many security sweeps.
HEADS_MIX = (
    ("HOS", 25),
    ("VP", 8),
    ("HOG", 20),
    ("DPM", 10),
    ("FM", 15),
    ("MIN", 15),
    ("VMIN", 4),
    ("AMB", 3),
)

FAMILY: dict[str, dict] = {
    # bilateral-heavy, demand on the host and four visiting principals
    "hubs": dict(
        delegations=100,
        days=2,
        side_events=30,
        bilaterals=300,
        rooms=40,
        seed=101,
        shape=Shape(host_share=0.6, popular=4, popular_share=0.6),
    ),
    # side-event-heavy with few rooms
    "side-heavy": dict(
        delegations=110,
        days=2,
        side_events=150,
        bilaterals=80,
        rooms=24,
        seed=102,
    ),
    # many heads of state and government: sweeps everywhere
    "heads": dict(
        delegations=120,
        days=2,
        side_events=60,
        bilaterals=220,
        rooms=45,
        seed=103,
        shape=Shape(rank_mix=HEADS_MIX),
    ),
    # three satellite venues with travel between them
    "venues": dict(
        delegations=110,
        days=2,
        side_events=60,
        bilaterals=220,
        rooms=50,
        seed=104,
        shape=Shape(venues=3),
    ),
    "three-days": dict(
        delegations=120,
        days=3,
        side_events=90,
        bilaterals=220,
        rooms=45,
        seed=105,
    ),
    # a welcome line and a signing with two minutes to spare, and a
    # quarter of the delegations flying in on day one
    "welcome-signing": dict(
        delegations=120,
        days=2,
        side_events=50,
        bilaterals=180,
        rooms=45,
        seed=106,
        shape=Shape(
            welcome=True,
            welcome_slack=2,
            signing_slack=2,
            signing_share=0.8,
            arrival_share=0.25,
            arrival_days=1,
        ),
    ),
    "sparse": dict(
        delegations=40,
        days=2,
        side_events=15,
        bilaterals=40,
        rooms=40,
        seed=107,
    ),
    # crowded: many bilaterals for the delegations and rooms
    "crowded": dict(
        delegations=140,
        days=2,
        side_events=40,
        bilaterals=300,
        rooms=45,
        seed=108,
    ),
    "busy": dict(
        delegations=100,
        days=2,
        side_events=70,
        bilaterals=250,
        rooms=45,
        seed=109,
    ),
    # most bilaterals held to a half day
    "windows": dict(
        delegations=110,
        days=2,
        side_events=50,
        bilaterals=240,
        rooms=45,
        seed=110,
        shape=Shape(window_share=0.6),
    ),
    "one-day": dict(
        delegations=80,
        days=1,
        side_events=40,
        bilaterals=150,
        rooms=35,
        seed=111,
    ),
    "large": dict(
        delegations=180,
        days=2,
        side_events=100,
        bilaterals=350,
        rooms=70,
        seed=112,
    ),
    "three-days-venues": dict(
        delegations=130,
        days=3,
        side_events=80,
        bilaterals=300,
        rooms=55,
        seed=113,
        shape=Shape(venues=2, popular=6, popular_share=0.4, arrival_share=0.2),
    ),
}

#: Not looked at while tuning: reported separately.
HELD_OUT: dict[str, dict] = {
    "hubs-b": dict(
        delegations=120,
        days=2,
        side_events=40,
        bilaterals=280,
        rooms=45,
        seed=201,
        shape=Shape(host_share=0.5, popular=5, popular_share=0.5),
    ),
    "heads-venues": dict(
        delegations=110,
        days=2,
        side_events=60,
        bilaterals=200,
        rooms=50,
        seed=202,
        shape=Shape(rank_mix=HEADS_MIX, venues=2),
    ),
    "three-days-b": dict(
        delegations=120,
        days=3,
        side_events=90,
        bilaterals=220,
        rooms=45,
        seed=203,
    ),
    "crowded-welcome": dict(
        delegations=140,
        days=2,
        side_events=40,
        bilaterals=300,
        rooms=45,
        seed=204,
        shape=Shape(welcome=True, welcome_slack=3, arrival_share=0.2),
    ),
    "side-windows": dict(
        delegations=100,
        days=2,
        side_events=120,
        bilaterals=150,
        rooms=30,
        seed=205,
        shape=Shape(window_share=0.4),
    ),
}


def draw(k: int) -> tuple[dict, Shape, float]:
    """The generator's arguments, shape and time limit of run ``k``."""
    r = random.Random(1000 + k)
    args = dict(
        delegations=r.randint(15, 130),
        days=r.randint(1, 3),
        side_events=r.randint(3, 70),
        bilaterals=r.randint(5, 260),
        rooms=r.randint(8, 60),
        seed=1000 + k,
    )
    shape = Shape(
        host_share=r.choice([0.1, 0.5, 0.8]),
        popular=r.choice([0, 3, 8]),
        popular_share=r.choice([0.0, 0.3, 0.6]),
        venues=r.choice([0, 0, 1, 2]),
        window_share=r.choice([0.0, 0.3]),
        arrival_share=r.choice([0.0, 0.1, 0.5]),
        arrival_days=r.choice([0, 1]),
        welcome=r.random() < 0.4,
        welcome_slack=r.choice([1, 5, 20]),
        signing_slack=r.choice([1, 10]),
        signing_share=r.choice([0.3, 0.6, 1.0]),
    )
    return args, shape, r.choice([5.0, 10.0, 20.0])


#: Events drawn at random (sizes and every knob of the shape), never looked
#: at while tuning: "scenarios of the same kind that you have not seen".
#: Run ``k`` of ``bench/bench_sweep.py`` is the same event.
DRAWN: dict[str, dict] = {
    f"drawn-{k}": {**draw(k)[0], "shape": draw(k)[1]} for k in range(300, 316)
}

SETS = {"family": FAMILY, "held-out": HELD_OUT, "drawn": DRAWN}


def entry(which: str, name: str) -> dict | None:
    """The generator's arguments of ``name`` in set ``which``; in the
    drawn set any ``drawn-K`` (K a whole number), not only those listed,
    so that events nobody has seen can be drawn afresh; ``None`` if
    there is no such entry."""
    if name in SETS[which]:
        return SETS[which][name]
    k = name.removeprefix("drawn-")
    if which == "drawn" and k.isdigit():
        args, shape, _ = draw(int(k))
        return {**args, "shape": shape}
    return None


def build(args: dict):
    """The scenario of one entry."""
    from bench.generate import generate

    return generate(**args)
