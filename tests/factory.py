"""Tiny scenarios built in Python for tests.

``tiny()`` gives a one-day scenario with one venue and a few rooms; pass
records to add. Times are given as ``"HH:MM"`` on the first day (or a full
``"YYYY-MM-DD HH:MM"``) through :func:`at`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from models import (
    DEFAULT_RANKS,
    Delegation,
    Room,
    Scenario,
    Settings,
    Travel,
    Venue,
    validate_scenario,
)

DAY1 = date(2025, 10, 25)
DAY2 = date(2025, 10, 26)


def at(text: str, day: date = DAY1) -> datetime:
    """``"09:30"`` on ``day``, or a full ``"YYYY-MM-DD HH:MM"``."""
    if len(text) > 5:
        return datetime.strptime(text, "%Y-%m-%d %H:%M")
    h, m = text.split(":")
    return datetime.combine(day, time(int(h), int(m)))


def settings(**kw) -> Settings:
    base = dict(
        event_name="Test summit",
        days=(DAY1,),
        day_start=time(8, 0),
        day_end=time(18, 0),
        time_step_minutes=5,
        room_changeover_minutes=10,
        same_venue_buffer_minutes=5,
        vip_rank="HOG",
        vip_sweep_minutes=30,
        precedence_tiebreak="alphabetical",
    )
    base.update(kw)
    return Settings(**base)


def room(
    room_id, kind="meeting", capacity=100, venue="NCC", features=(), **kw
) -> Room:
    return Room(
        room_id=room_id,
        name=f"Room {room_id}",
        venue_id=venue,
        kind=kind,
        capacity=capacity,
        features=frozenset(features),
        **kw,
    )


def delegation(did, rank="MIN", name=None, **kw) -> Delegation:
    return Delegation(
        delegation_id=did,
        name=name or did,
        kind="state",
        head_name=f"Head of {did}",
        head_rank=rank,
        **kw,
    )


def tiny(**records) -> Scenario:
    """A small valid scenario: venues NCC and PAL (20 min apart), rooms
    R1, R2 (meeting, 100), HALL (hall, 500), BL1 (bilateral, flags),
    plus whatever ``records`` add or replace (keyword = Scenario field).
    Raises ``AssertionError`` if the result does not validate."""
    base = dict(
        settings=settings(),
        ranks=DEFAULT_RANKS,
        venues=(Venue("NCC", "Convention Centre"), Venue("PAL", "Palace")),
        travel=(Travel("NCC", "PAL", 20),),
        rooms=(
            room("R1"),
            room("R2"),
            room("HALL", "hall", 500),
            room("BL1", "bilateral", 20, features=("flags",)),
        ),
    )
    base.update(records)
    s = Scenario(**base)
    problems = validate_scenario(s)
    assert not problems, "\n".join(map(str, problems))
    return s


def with_settings(s: Scenario, **kw) -> Scenario:
    return replace(s, settings=replace(s.settings, **kw))
