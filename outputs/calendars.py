"""Calendars: one ``.ics`` file per delegation and per principal.

Written with ``icalendar`` (RFC 5545: folding, escaping and time-zone
blocks are its job, not ours). Times are in the scenario's time zone,
with its VTIMEZONE block, so a phone in Paris shows a Hanoi meeting at
the right hour. Each item keeps the same UID from run to run
(:func:`item_uid`: the item id and the event name), so importing a
re-run's calendar updates the entries instead of doubling them; file
names and UIDs hold a short hash of the exact id, so no two ids share
one.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
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


#: The file in a calendar folder that lists the calendars this program
#: wrote there (see :func:`write_calendars`).
MANIFEST = ".summit-scheduler-calendars.json"
#: Calendar kinds, in file names: one per delegation, one per principal.
OWNER_KINDS = ("delegation", "person")


def file_stem(kind: str, ident: str) -> str:
    """The file name (without ``.ics``) of the calendar of a delegation or
    a person: a readable part and a short hash of the exact id, so that
    any two ids (``日本`` and ``中国``, ``fra`` and ``FRA``) get two files,
    and the same id the same file on every run."""
    return f"{kind}-{_readable(ident)}-{_digest(ident)}"


def item_uid(item_id: str, event_name: str) -> str:
    """The UID of an item's calendar entry: unique for any item id (a
    readable part and a short hash of the exact id) and the same on every
    run of the same event."""
    domain = _readable(event_name, 40).lower() or "summit"
    return f"{_readable(item_id)}-{_digest(item_id)}@{domain}"


def calendar_owners(
    s: Scenario, schedule: Schedule
) -> dict[str, tuple[str, str, list[Assignment]]]:
    """File stem -> (kind, id, the items of that calendar in time order):
    one per delegation with any item (every item one of its people is
    busy in) and one per principal (People)."""
    principals = {p.person_id for p in s.people}
    owners: dict[tuple[str, str], list[Assignment]] = defaultdict(list)
    for a in schedule.assignments:
        keys = set()
        for pid in a.participants:
            if pid not in s.persons:
                continue
            if pid in principals:
                keys.add(("person", pid))
            d = s.delegation_of(pid)
            if d:
                keys.add(("delegation", d))
        for key in keys:
            owners[key].append(a)
    out = {}
    for (kind, ident), items in sorted(owners.items()):
        items = sorted(items, key=lambda a: (a.start, a.item_id))
        out[file_stem(kind, ident)] = (kind, ident, items)
    return out


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
    (``participants_minutes``). Names and titles may hold line breaks:
    single-line fields get them as spaces."""
    tz = ZoneInfo(s.settings.timezone)
    # DTSTAMP is when the file was made, in UTC (a naive time is this
    # machine's local time).
    stamp = (stamp or datetime.now()).astimezone(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", one_line(f"{s.settings.event_name}: {name}"))
    cal.add("x-wr-timezone", s.settings.timezone)
    for a in items:
        ev = Event()
        ev.add("uid", item_uid(a.item_id, s.settings.event_name or ""))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", a.start.replace(tzinfo=tz))
        end = busy_end(s, a, person) if person else a.end
        ev.add("dtend", end.replace(tzinfo=tz))
        ev.add("summary", one_line(a.title))
        ev.add("location", one_line(_location(s, a)))
        ev.add("description", _description(s, a))
        ev.add("categories", [a.kind])
        if a.item_id in hidden or a.kind in ("bilateral", "arrival"):
            ev.add("class", "CONFIDENTIAL")
        cal.add_component(ev)
    cal.add_missing_timezones()
    return cal


class ForeignCalendars(Exception):
    """The calendar folder holds ``.ics`` files this program did not
    write there (``names``): they are never overwritten or left beside
    ours."""

    def __init__(self, folder: Path, names: list[str]):
        self.folder, self.names = folder, names
        super().__init__(f"{folder}: {', '.join(names)}")


def foreign_calendars(folder) -> list[str]:
    """The ``.ics`` files in ``folder`` that its manifest (the files this
    program wrote there) does not list; none for a missing folder."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    ours = set(_manifest(folder))
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.suffix.lower() == ".ics" and p.name not in ours
    )


def write_calendars(
    s: Scenario, schedule: Schedule, folder, audience: str = "full"
) -> list[Path]:
    """Write the calendars of :func:`calendar_owners` into ``folder``
    (created if missing), each file atomically; return their paths. The
    public audience gets the public copy's items only (see
    ``models.audience``).

    The folder never keeps a calendar of another run beside these: the
    manifest :data:`MANIFEST` lists the files this program wrote there,
    and those of an earlier run that this one does not write again are
    removed (a public export into the folder of the full calendars leaves
    no confidential file there). A folder holding ``.ics`` files this
    program did not write is refused (:class:`ForeignCalendars`) before
    anything is written."""
    folder = Path(folder)
    foreign = foreign_calendars(folder)
    if foreign:
        raise ForeignCalendars(folder, foreign)
    folder.mkdir(parents=True, exist_ok=True)
    earlier = _manifest(folder)
    schedule = for_audience(s, schedule, audience)
    hidden = restricted_item_ids(s)
    owners = calendar_owners(s, schedule)
    names = [f"{stem}.ics" for stem in owners]
    # list every file before writing it, so that an interrupted run never
    # leaves a calendar the manifest does not know
    _write_manifest(folder, sorted(set(earlier) | set(names)), audience)
    paths = []
    for stem, (kind, ident, items) in owners.items():
        name = _owner_name(s, kind, ident)
        person = ident if kind == "person" else None
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
    for old in set(earlier) - set(names):
        (folder / old).unlink(missing_ok=True)
    _write_manifest(folder, names, audience)
    return paths


def _manifest(folder: Path) -> list[str]:
    """The calendar files the manifest of ``folder`` lists (plain names,
    no folders)."""
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    if not isinstance(files, list):
        return []
    return [
        f
        for f in files
        if isinstance(f, str) and f.endswith(".ics") and Path(f).name == f
    ]


def _write_manifest(folder: Path, names: list[str], audience: str) -> None:
    text = json.dumps(
        {
            "written_by": "summit-scheduler",
            "audience": audience,
            "files": names,
        },
        indent=1,
    )
    atomic_write(
        folder / MANIFEST,
        lambda tmp: Path(tmp).write_text(text, encoding="utf-8"),
    )


def _owner_name(s: Scenario, kind: str, ident: str) -> str:
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


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and runs of spaces become one
    space."""
    return " ".join(str(text).split())


def _readable(text: str, limit: int = 24) -> str:
    """The readable part of a file name or UID: ``text`` in ASCII
    letters, digits, ``-`` and ``_`` (accents dropped, anything else
    ``_``), at most ``limit`` characters."""
    plain = unicodedata.normalize("NFKD", text)
    plain = plain.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9_-]", "_", plain).strip("_")[:limit]


def _digest(text: str) -> str:
    """A short hash of the exact ``text`` (8 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
