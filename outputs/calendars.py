"""Calendars: one ``.ics`` file per delegation and per principal.

Written with ``icalendar`` (RFC 5545: folding, escaping and time-zone
blocks are its job, not ours). Times are in the scenario's time zone,
with its VTIMEZONE block, so a phone in Paris shows a Hanoi meeting at
the right hour. Each item keeps the same UID from run to run (item id
plus the event name), so importing a re-run's calendar updates the
entries instead of doubling them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from models import Scenario
from models.audience import for_audience, restricted_item_ids
from models.files import atomic_write
from models.records.items import busy_end
from models.records.schedule import Assignment, Schedule

PRODID = "-//summit-scheduler//protocol schedule//EN"


def calendar_owners(s: Scenario, schedule: Schedule) -> dict[str, list]:
    """File stem -> the items of that calendar, in time order: one
    ``delegation-<id>`` per delegation with any item (every item one of
    its people is busy in) and one ``person-<id>`` per principal."""
    principals = {p.person_id for p in s.people}
    owners: dict[str, list[Assignment]] = defaultdict(list)
    for a in schedule.assignments:
        stems = set()
        for pid in a.participants:
            if pid not in s.persons:
                continue
            if pid in principals:
                stems.add(f"person-{pid}")
            d = s.delegation_of(pid)
            if d:
                stems.add(f"delegation-{d}")
        for stem in stems:
            owners[_safe(stem)].append(a)
    return {
        stem: sorted(items, key=lambda a: (a.start, a.item_id))
        for stem, items in sorted(owners.items())
    }


def build_calendar(
    s: Scenario,
    name: str,
    items: list[Assignment],
    hidden: frozenset[str] = frozenset(),
    stamp: datetime | None = None,
    person: str | None = None,
) -> Calendar:
    """One calendar named ``name`` with one VEVENT per item; restricted
    items (``hidden``) are marked CLASS:CONFIDENTIAL. A ``person``'s own
    calendar ends an event they open and hand over when they leave it
    (``participants_minutes``)."""
    tz = ZoneInfo(s.settings.timezone)
    # DTSTAMP is when the file was made, in UTC (a naive time is this
    # machine's local time).
    stamp = (stamp or datetime.now()).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{s.settings.event_name}: {name}")
    cal.add("x-wr-timezone", s.settings.timezone)
    domain = _safe(s.settings.event_name or "summit").lower()[:40]
    for a in items:
        ev = Event()
        ev.add("uid", f"{_safe(a.item_id)}@{domain}")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", a.start.replace(tzinfo=tz))
        end = busy_end(s, a, person) if person else a.end
        ev.add("dtend", end.replace(tzinfo=tz))
        ev.add("summary", a.title)
        ev.add("location", _location(s, a))
        ev.add("description", _description(s, a))
        ev.add("categories", [a.kind])
        if a.item_id in hidden or a.kind in ("bilateral", "arrival"):
            ev.add("class", "CONFIDENTIAL")
        cal.add_component(ev)
    cal.add_missing_timezones()
    return cal


def write_calendars(
    s: Scenario, schedule: Schedule, folder, audience: str = "full"
) -> list[Path]:
    """Write the calendars of :func:`calendar_owners` into ``folder``
    (created if missing), each file atomically; return their paths. The
    public audience gets no restricted item (see ``models.audience``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    schedule = for_audience(s, schedule, audience)
    hidden = restricted_item_ids(s)
    paths = []
    for stem, items in calendar_owners(s, schedule).items():
        name = _owner_name(s, stem)
        person = (
            stem.removeprefix("person-")
            if stem.startswith("person-")
            else None
        )
        data = build_calendar(
            s,
            name,
            items,
            hidden,
            schedule.generated_at,
            person if person in s.persons else None,
        ).to_ical()
        path = folder / f"{stem}.ics"
        atomic_write(path, lambda tmp, data=data: Path(tmp).write_bytes(data))
        paths.append(path)
    return paths


def _owner_name(s: Scenario, stem: str) -> str:
    kind, _, ident = stem.partition("-")
    if kind == "person" and ident in s.persons:
        return s.persons[ident].name
    d = s.delegation_by_id.get(ident)
    return d.name if d else ident


def _location(s: Scenario, a: Assignment) -> str:
    room = s.room_by_id.get(a.room_id)
    venue = s.venue_by_id.get(a.venue_id)
    parts = [room.name if room else a.room_id]
    if venue is not None:
        parts.append(venue.name)
    return ", ".join(p for p in parts if p)


def _description(s: Scenario, a: Assignment) -> str:
    names = [
        s.persons[p].name if p in s.persons else p for p in a.participants
    ]
    lines = [f"Item {a.item_id} ({a.kind})"]
    if a.position is not None:
        lines.append(f"Position in the queue: {a.position}")
    if names and len(names) <= 12:
        lines.append("With: " + "; ".join(names))
    elif names:
        lines.append(f"With {len(names)} participants")
    return "\n".join(lines)


def _safe(text: str) -> str:
    """``text`` with anything but letters, digits, ``-``, ``_`` and ``.``
    turned into ``_`` (file names and UIDs)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)
