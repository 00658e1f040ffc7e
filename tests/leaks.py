"""A leak scanner for the public copy, as a journalist would read it.

:func:`secrets` lists what the public may never read, worked out from the
scenario and the full schedule (not from the code under test):

- the id and title of every item the scenario does not mark public;
- the id and title of every list (sequence) not held inside an event the
  scenario marks public: a list inside a restricted event or inside no
  event (its title only when no public item or list has it);
- every arrival point (room id and name, when no public item uses that
  room) and every arrival time as the engine writes times;
- every person's availability bounds and personal closed windows, as
  the engine writes times;
- the folders of the input files (any path).

:func:`leaks` finds them in the texts of a workbook or a calendar
folder; :func:`structural_leaks` checks what the public copy must look
like (only public item ids, reasons from the fixed public sentences, no
figures of value in the Summary). Both return lists of findings: empty
means clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from models import Scenario
from models.audience import PUBLIC_REASON_TEXTS, public_item_ids
from models.records.schedule import Schedule

#: How the engine writes a time in words, anywhere.
TIME_FORMATS = ("%d %b %H:%M", "%H:%M (%d %b)", "%Y-%m-%d %H:%M")


def _times(t: datetime) -> set[str]:
    return {t.strftime(f) for f in TIME_FORMATS}


def secrets(
    s: Scenario, full: Schedule, folders: Iterable[Path] = ()
) -> dict[str, str]:
    """Text -> why it is secret."""
    public = public_item_ids(s)
    open_titles = {it.title for it in s.items if it.item_id in public}
    out: dict[str, str] = {}
    for it in s.items:
        if it.item_id in public:
            continue
        out[it.item_id] = f"id of restricted {it.item_id}"
        if it.title not in open_titles:
            out[it.title] = f"title of restricted {it.item_id}"
    # the spec's rule, not the code's: a list is public when held inside
    # an event the scenario marks restricted = no
    open_events = {e.event_id for e in s.events if not e.restricted}
    open_lists = [q for q in s.sequences if q.within_event in open_events]
    open_titles |= {q.title for q in open_lists}
    for q in s.sequences:
        if q in open_lists:
            continue
        out[q.sequence_id] = f"id of restricted list {q.sequence_id}"
        if not any(q.title in title for title in open_titles):
            out[q.title] = f"title of restricted list {q.sequence_id}"
    for b in s.bilaterals:
        out[b.request_id] = "bilateral request id"
    for e in s.events:
        if e.restricted:
            out[e.event_id] = "restricted event id"
    public_rooms = {a.room_id for a in full.assignments if a.item_id in public}
    for a in full.assignments:
        if a.kind != "arrival":
            continue
        if a.room_id not in public_rooms:
            out[a.room_id] = f"arrival point of {a.item_id}"
            room = s.room_by_id.get(a.room_id)
            if room is not None:
                out[room.name] = f"arrival point of {a.item_id}"
        for t in (a.start, a.end):
            for text in _times(t):
                out[text] = f"arrival time of {a.item_id}"
    for p in s.persons.values():
        for t in (p.available_from, p.available_to):
            if t is not None:
                for text in _times(t):
                    out[text] = f"availability of {p.person_id}"
    for w in s.windows:
        if w.scope.kind in ("person", "delegation"):
            for t in (w.start, w.end):
                for text in _times(t):
                    out[text] = f"closed window {w.window_id}"
    for folder in folders:
        folder = Path(folder).resolve()
        out[str(folder)] = "a folder of an input"
        out[folder.name] = "a folder of an input"
    for word in ("lands at", "not in town", "not available", "ilateral"):
        out[word] = "words of a full reason"
    return out


def _pattern(words: Iterable[str]) -> re.Pattern:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    # one lookbehind for all: the same matches as one per word (the
    # alternation still backtracks word by word), tried only where a
    # word can begin, ten times faster on the sample
    return re.compile(
        r"(?<![\w:-])(?:"
        + "|".join(rf"{re.escape(w)}(?![\w-])" for w in ordered)
        + ")"
    )


def workbook_texts(path: Path) -> Iterator[tuple[str, str]]:
    """(place, text) of every text cell of every sheet, the sheet
    names, the header and footer of each sheet, and the document
    properties."""
    wb = load_workbook(path)
    props = wb.properties
    for name in ("title", "subject", "creator", "description", "keywords"):
        value = getattr(props, name, None)
        if value:
            yield f"properties.{name}", str(value)
    for ws in wb.worksheets:
        yield "sheet name", ws.title
        for hf in (ws.oddHeader, ws.oddFooter):
            for part in (hf.left, hf.center, hf.right):
                if part.text:
                    yield f"{ws.title} header/footer", part.text
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):  # dates are the rows' own
                    yield f"{ws.title}!{cell.coordinate}", cell.value


def calendar_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """(file, unfolded text) of every file in a calendar folder, and the
    file names."""
    for path in sorted(Path(folder).iterdir()):
        yield "file name", path.name
        text = path.read_text(encoding="utf-8").replace("\r\n ", "")
        yield path.name, text.replace("\\,", ",").replace("\\;", ";")


def leaks(
    texts: Iterable[tuple[str, str]], secret: dict[str, str]
) -> list[str]:
    """Every secret found in ``texts``: ``place: text (why)``."""
    pattern = _pattern(secret)
    found = []
    for place, text in texts:
        for m in pattern.finditer(text):
            found.append(f"{place}: {m.group(0)!r} ({secret[m.group(0)]})")
    return found


def structural_leaks(s: Scenario, path: Path) -> list[str]:
    """What the public workbook at ``path`` holds that the public copy
    may not: a row of an item the scenario does not mark public, a reason
    that is not one of the public sentences, a figure of value."""
    public = public_item_ids(s)
    wb = load_workbook(path)
    found = []
    for name in ("Schedule", "Unscheduled", "Changes"):
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        head = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2, values_only=True):
            rec = dict(zip(head, row, strict=False))
            if rec.get("item_id") not in public:
                found.append(f"{name}: row of {rec.get('item_id')!r}")
            reason = rec.get("reason")
            if (
                name != "Schedule"
                and reason
                and reason not in (PUBLIC_REASON_TEXTS)
            ):
                found.append(f"{name}: reason {reason!r}")
    for key, value, *_ in wb["Summary"].iter_rows(
        min_row=2, values_only=True
    ):
        if key in ("objective", "best_bound", "gap") and value is not None:
            found.append(f"Summary: {key} = {value}")
        if str(key).startswith("penalty:"):
            found.append(f"Summary: {key}")
    for sheet in ("Arrivals", "Bilaterals", "Rooms"):
        if sheet in wb.sheetnames:
            found.append(f"sheet {sheet}")
    return found
