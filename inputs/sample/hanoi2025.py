"""The bundled sample: the Signing Ceremony and High-Level Conference of the
UN Convention against Cybercrime, Hanoi, 25-26 October 2025, with the arrival
day before it.

The data are the tables of ``hanoi2025_data.py`` (their Notes say what is
sourced and what is assumed); this module only turns them into a
``Scenario``. A few rules derive rows from the tables rather than listing
them: who signs on which day and for whom, who stands in the welcome line
(every guest present on the morning of 25 October), the arrival of every
delegation that flies in and the host official who greets it (by the rank of
the head), and the order of inscription of the speakers.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import cycle
from typing import Any

from models import (
    Arrival,
    BilateralRequest,
    Delegation,
    Event,
    Person,
    Rank,
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
)

from . import hanoi2025_data as data

NOTES = data.NOTES
YEAR, MONTH = 2025, 10


# ------------------------------------------------------------ table reading
def table(text: str) -> list[dict[str, str]]:
    """Rows of a ``|`` table as dicts (``-`` cells become ``""``)."""
    lines = [
        line
        for line in text.strip().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    header = [c.strip() for c in lines[0].split("|")]
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != len(header):
            raise ValueError(
                f"{len(cells)} cells, {len(header)} headers: {line}"
            )
        rows.append(
            {
                h: ("" if c == "-" else c)
                for h, c in zip(header, cells, strict=True)
            }
        )
    return rows


def day(dd: str) -> date:
    return date(YEAR, MONTH, int(dd))


def at(text: str) -> datetime:
    """``"25 09:00"`` as a date-time."""
    dd, hm = text.split()
    h, m = map(int, hm.split(":"))
    return datetime.combine(day(dd), time(h, m))


def span(text: str) -> tuple[datetime, datetime] | None:
    """``"24 13:00-18:00"`` or ``"24 16:00 - 25 18:00"`` as (start, end);
    ``""`` as ``None``."""
    if not text:
        return None
    if " - " in text:
        a, b = text.split(" - ")
        return at(a), at(b)
    dd, hours = text.split()
    a, b = hours.split("-")
    return at(f"{dd} {a}"), at(f"{dd} {b}")


def window(text: str) -> tuple[datetime, datetime]:
    """:func:`span` of a cell that must hold one."""
    out = span(text)
    if out is None:
        raise ValueError("a span is needed here")
    return out


def ids(text: str) -> tuple[str, ...]:
    return tuple(
        x.strip() for x in text.replace("\n", " ").split(";") if x.strip()
    )


def yes(text: str) -> bool:
    return text == "yes"


def number(text: str) -> int | None:
    return int(text) if text else None


# ------------------------------------------------------------ the scenario
def build_hanoi_scenario() -> Scenario:
    """The Hanoi 2025 sample scenario (the same on every machine)."""
    delegations = _delegations()
    return Scenario(
        settings=Settings(
            event_name=data.EVENT_NAME,
            days=tuple(day(str(d)) for d in data.DAYS),
            day_start=time(6, 0),
            day_end=time(21, 0),
            timezone="Asia/Ho_Chi_Minh",
            time_step_minutes=5,
            room_changeover_minutes=10,
            same_venue_buffer_minutes=5,
            vip_rank="HOG",
            vip_sweep_minutes=30,
            precedence_tiebreak="alphabetical",
        ),
        ranks=tuple(
            Rank(
                r["rank"],
                r["label"],
                int(r["precedence"]),
                number(r["welcome_seconds"]),
            )
            for r in table(data.RANKS)
        ),
        venues=tuple(Venue(r["id"], r["name"]) for r in table(data.VENUES)),
        travel=tuple(
            Travel(r["from"], r["to"], int(r["minutes"]))
            for r in table(data.TRAVEL)
        ),
        rooms=_rooms(),
        delegations=delegations,
        people=_people(),
        events=_programme() + _side_events(),
        slots=tuple(
            Slot(r["set"], at(r["start"]), at(r["end"]))
            for r in table(data.SLOTS)
        ),
        bilaterals=_bilaterals(),
        arrivals=_arrivals(),
        sequences=_sequences(),
        members=_members(),
        windows=tuple(
            SecurityWindow(
                r["id"],
                at(r["from"]),
                at(r["to"]),
                parse_scope(r["scope"]),
                r["effect"],
                r["reason"],
            )
            for r in table(data.WINDOWS)
        ),
        source="hanoi2025 (bundled sample)",
    )


def _rooms() -> tuple[Room, ...]:
    return tuple(
        Room(
            r["id"],
            r["name"],
            r["venue"],
            r["kind"],
            int(r["capacity"]),
            frozenset(ids(r["features"])),
            changeover_minutes=number(r["changeover"]),
        )
        for r in table(data.ROOMS)
    )


def _inscriptions() -> dict[str, date]:
    """Order of inscription on the speakers lists: the lists' order, one
    day apart from 1 September (the date is an assumption; the order is what
    counts)."""
    out: dict[str, date] = {}
    speakers = (
        ids(data.SPEAKERS_25)
        + ids(data.SPEAKERS_26_AM)
        + ids(data.SPEAKERS_26_PM)
    )
    people = {r["id"]: r["delegation"] for r in table(data.PEOPLE)}
    for k, ref in enumerate(speakers):
        out.setdefault(
            people.get(ref, ref), date(YEAR, 9, 1) + timedelta(days=k)
        )
    return out


def _delegations() -> tuple[Delegation, ...]:
    inscribed = _inscriptions()
    out = []
    for r in table(data.DELEGATIONS):
        window = span(data.AVAILABILITY.get(r["id"], ""))
        out.append(
            Delegation(
                r["id"],
                r["name"],
                r["kind"],
                r["head"],
                r["rank"],
                size=int(r["size"]),
                confirmed_on=inscribed.get(r["id"]),
                available_from=window[0] if window else None,
                available_to=window[1] if window else None,
                role=data.ROLES.get(r["id"]),
            )
        )
    return tuple(out)


def _people() -> tuple[Person, ...]:
    out = []
    for r in table(data.PEOPLE):
        window = span(r["window"])
        out.append(
            Person(
                r["id"],
                r["name"],
                r["delegation"],
                r["rank"],
                available_from=window[0] if window else None,
                available_to=window[1] if window else None,
                max_items_per_day=number(r["limit"]),
                role=r["role"] or None,
            )
        )
    return tuple(out)


def _when(text: str) -> dict[str, Any]:
    """An event's ``when`` cell: a fixed start, a window, or a whole day
    (08:30-17:30, an exhibition's opening hours)."""
    if " " not in text:
        return {"earliest": at(f"{text} 08:30"), "latest": at(f"{text} 17:30")}
    if "-" not in text:
        return {"fixed_start": at(text)}
    a, b = window(text)
    return {"earliest": a, "latest": b}


def _programme() -> tuple[Event, ...]:
    return tuple(
        Event(
            r["id"],
            r["title"],
            r["kind"],
            int(r["minutes"]),
            int(r["attendance"]),
            rooms=ids(r["rooms"]),
            participants=ids(r["with"]),
            participants_minutes=number(r["for"]),
            all_heads=yes(r["heads"]),
            after=ids(r["after"]),
            mandatory=yes(r["must"]),
            restricted=yes(r["restricted"]),
            **_when(r["when"]),
        )
        for r in table(data.PROGRAMME)
    )


def _side_events() -> tuple[Event, ...]:
    out = []
    for r in table(data.DISCUSSIONS):
        window = "25 12:00-18:30" if r["day"] == "25" else "26 08:30-17:00"
        out.append(
            Event(
                r["id"],
                r["title"],
                "discussion",
                90,
                400,
                organizer=r["organizer"],
                required_features=("flags", "interpretation"),
                participants=ids(r["with"]),
                track=r["track"],
                priority=int(r["priority"]),
                **_when(window),
            )
        )
    for r in table(data.WORKSHOPS):
        out.append(
            Event(
                r["id"],
                r["title"],
                "workshop",
                60,
                int(r["attendance"]),
                organizer=r["organizer"],
                required_features=("interpretation",)
                if yes(r["interpretation"])
                else (),
                slot_set=r["slots"],
                participants=ids(r["with"]),
                track=r["track"],
                priority=int(r["priority"]),
            )
        )
    for r in table(data.EXHIBITIONS):
        out.append(
            Event(
                r["id"],
                r["title"],
                "exhibition",
                540,
                int(r["units"]),
                organizer=r["organizer"],
                mandatory=yes(r["must"]),
                priority=int(r["priority"]),
                **_when(r["when"]),
            )
        )
    return tuple(out)


def _bilaterals() -> tuple[BilateralRequest, ...]:
    out = []
    for r in table(data.BILATERALS):
        a, b = window(r["when"])
        out.append(
            BilateralRequest(
                r["id"],
                r["a"],
                r["b"],
                duration_minutes=int(r["minutes"]),
                priority=int(r["priority"]),
                earliest=a,
                latest=b,
                venue_id=r["venue"],
                mandatory=yes(r["must"]),
            )
        )
    return tuple(out)


def _arrivals() -> tuple[Arrival, ...]:
    """Every delegation that flies in is received at the VIP terminal; the
    gate and the greeter's level follow the head's rank, each tier taking
    turns."""
    turns = {rank: cycle(people) for rank, people in data.GREETERS.items()}
    gates = {rank: cycle(points) for rank, points in data.GATES.items()}
    out = []
    for r in table(data.DELEGATIONS):
        lands = r["lands"]
        if not lands:
            continue
        if lands in data.LANDINGS:
            earliest, latest = window(data.LANDINGS[lands])
        else:
            earliest = latest = at(lands)
        gate = gates.get(r["rank"], gates[""])
        out.append(
            Arrival(
                r["id"],
                earliest,
                latest,
                point=next(gate),
                greeter=next(turns[r["rank"]]),
            )
        )
    return tuple(out)


def _sequences() -> tuple[Sequence, ...]:
    return (
        Sequence(
            "WL",
            "Welcome line",
            "PORTE",
            "reverse_precedence",
            20,
            within_event="WELCOME",
            tiebreak="alphabetical",
            late_policy="end",
        ),
        Sequence(
            "SIGN1",
            "Order of signature (25 Oct)",
            "SIGN-STAGE",
            "precedence",
            90,
            within_event="SIGNING",
            tiebreak=data.SIGNATURE_LOT,
            late_policy="end",
        ),
        Sequence(
            "SIGN2",
            "Order of signature (26 Oct)",
            "SIGN-R",
            "precedence",
            90,
            within_event="SIGNING2",
            tiebreak=data.SIGNATURE_LOT,
            late_policy="end",
        ),
        Sequence(
            "SPK1",
            "List of speakers (25 Oct)",
            "PLEN",
            "precedence",
            480,
            within_event="PLENARY1",
            tiebreak="registration",
            late_policy="end",
        ),
        Sequence(
            "SPK2A",
            "List of speakers (26 Oct, morning)",
            "PLEN",
            "precedence",
            360,
            within_event="PLENARY2A",
            tiebreak="registration",
            late_policy="end",
        ),
        Sequence(
            "SPK2B",
            "List of speakers (26 Oct, afternoon)",
            "PLEN",
            "precedence",
            300,
            within_event="PLENARY2B",
            tiebreak="registration",
            late_policy="end",
        ),
    )


def _in_town_for_the_welcome(r: dict[str, str]) -> bool:
    """Lands on 24 Oct or early on 25 Oct, or is in Hanoi already."""
    lands = r["lands"]
    if not lands:
        return True
    first = (
        window(data.LANDINGS[lands])[0]
        if lands in data.LANDINGS
        else at(lands)
    )
    return first < at("25 07:00")


def _members() -> tuple[SequenceMember, ...]:
    rows = table(data.DELEGATIONS)
    out = [
        SequenceMember("WL", r["id"])
        for r in rows
        if r["kind"] != "host"
        and data.ROLES.get(r["id"]) != "co_host"
        and _in_town_for_the_welcome(r)
    ]
    for dd, seq in (("25", "SIGN1"), ("26", "SIGN2")):
        for r in rows:
            if r["signs"] != dd:
                continue
            host = r["kind"] == "host"
            out.append(
                SequenceMember(
                    seq,
                    data.SIGNS_FOR.get(r["id"], r["id"]),
                    position=1 if host else None,
                    mandatory=True,
                )
            )
    for seq, text in (
        ("SPK1", data.SPEAKERS_25),
        ("SPK2A", data.SPEAKERS_26_AM),
        ("SPK2B", data.SPEAKERS_26_PM),
    ):
        out += [SequenceMember(seq, ref) for ref in ids(text)]
    return tuple(out)
