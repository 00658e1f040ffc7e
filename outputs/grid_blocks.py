"""What a day grid draws: one block per item, per protocol list or per
cluster of items sharing a room at once, and (full copy) the security
windows and sweeps that keep a room empty.

Each block knows its texts from the richest to the shortest, so the
grid can print the richest that fits the block and put the whole text
in a cell comment when it had to shorten it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from models import Scenario
from models import intervals as iv
from models.audience import is_public, public_item_ids, restricted_item_ids
from models.checker.rooms import room_uses
from models.records.items import event_item_id
from models.records.schedule import Assignment, Schedule
from models.titles import DASH, bilateral_parties, person_label


@dataclass(frozen=True)
class Kind:
    """How a kind of block looks: a letter printed in the block (kinds
    stay apart on a black-and-white printer), its legend and a fill."""

    code: str
    name: str
    fill: str


#: Every kind of block: event kinds, the other item kinds, then what the
#: security services keep empty.
KINDS: dict[str, Kind] = {
    "ceremony": Kind("C", "ceremony", "F4B183"),
    "plenary": Kind("P", "plenary", "F8CBAD"),
    "discussion": Kind("D", "discussion", "9DC3E6"),
    "workshop": Kind("W", "workshop", "DDEBF7"),
    "exhibition": Kind("E", "exhibition", "C5E0B4"),
    "press": Kind("M", "press, media", "FFE699"),
    "reception": Kind("R", "reception", "E4CCFF"),
    "other": Kind("O", "other", "F2F2F2"),
    "bilateral": Kind("B", "bilateral", "FFC7CE"),
    "arrival": Kind("A", "arrival", "B4C7E7"),
    "sequence": Kind("Q", "protocol list", "FFD966"),
    "closed": Kind("X", "closed", "A6A6A6"),
    "no_arrivals": Kind("N", "no arrivals", "A6A6A6"),
    "sweep": Kind("S", "sweep before a VIP item", "D0D0D0"),
}
#: Kinds drawn for the security services, not items.
SECURITY_KINDS = ("closed", "no_arrivals", "sweep")
#: Printed after the times of a restricted item.
RESTRICTED_MARK = "●"


@dataclass
class Block:
    """One merged cell of a grid: a room, a span and its texts.

    ``texts`` are the variants of the body, richest first, each a list
    of lines; the last is the shortest and always short enough for the
    block (the grid makes its rows tall enough). ``full`` is everything
    known about the block (the cell comment when a shorter text is
    shown).
    """

    room_id: str
    start: datetime
    end: datetime
    kind: str
    texts: list[list[str]]
    full: list[str]
    item_ids: set[str] = field(default_factory=set)
    restricted: bool = False
    continued: bool = False
    #: protocol lists named in the block (their member counts)
    lists: int = 0

    @property
    def head(self) -> str:
        """``B 10:05–10:25 ●``: the kind's letter, the times, the
        restricted mark; ``B cont. to 10:25 ●`` on the part of a block
        carried over to the next page."""
        code = KINDS[self.kind].code
        if self.continued:
            text = f"{code} cont. to {hm(self.end)}"
        else:
            text = f"{code} {hm(self.start)}–{hm(self.end)}"
        if self.restricted:
            text += f" {RESTRICTED_MARK}"
        return text

    def variants(self) -> list[str]:
        """The cell texts to try, richest first (head line included)."""
        return ["\n".join([self.head, *lines]) for lines in self.texts]

    def comment(self) -> str:
        """The whole text: head, then everything known."""
        return "\n".join([self.head, *self.full])


def hm(t: datetime) -> str:
    return t.strftime("%H:%M")


def block_kind(s: Scenario, a: Assignment) -> str:
    """The kind of an item's block: the event's kind for events."""
    if a.kind == "event":
        e = s.event_by_id.get(a.ref_id)
        if e is not None and e.kind in KINDS:
            return e.kind
        return "other"
    return a.kind if a.kind in KINDS else "other"


def day_blocks(
    s: Scenario,
    schedule: Schedule,
    day: date,
    full_copy: bool = False,
) -> list[Block]:
    """The blocks of one day: one per item, queue or room cluster. In
    the full copy, restricted items are marked and the closed windows,
    no-arrival windows and VIP sweeps of the rooms in use are drawn
    where no item is."""
    hidden = restricted_item_ids(s) if full_copy else frozenset()
    public = public_item_ids(s)
    items = [a for a in schedule.assignments if a.start.date() == day]
    queues: dict[tuple[str, str], list[Assignment]] = defaultdict(list)
    blocks: list[Block] = []
    for a in items:
        if a.kind == "sequence":
            queues[(a.ref_id, a.room_id)].append(a)
            continue
        b = _item_block(s, a)
        b.restricted = full_copy and not is_public(s, public, a)
        blocks.append(b)
    for (seq_id, room_id), slots in queues.items():
        _add_queue(s, blocks, seq_id, room_id, slots, hidden)
    blocks = _clusters(blocks)
    if full_copy:
        blocks += security_blocks(s, schedule, day, blocks)
    return blocks


def _item_block(s: Scenario, a: Assignment) -> Block:
    """The block of one event, bilateral or arrival."""
    kind = block_kind(s, a)
    full = [a.title]
    if a.kind == "bilateral" and a.ref_id in s.bilateral_by_id:
        b = s.bilateral_by_id[a.ref_id]
        parties = bilateral_parties(s, b.party_a, b.party_b)
        names = DASH.join(person_label(s, p) for p in parties)
        countries = DASH.join(_delegation_name(s, p) for p in parties)
        texts = [[names], [countries], [DASH.join(parties)]]
        full = [f"Bilateral: {names}"]
    elif a.kind == "arrival":
        head = a.ref_id
        who = person_label(s, head) if head in s.persons else a.title
        greeters = [
            person_label(s, p) for p in a.participants if p != a.ref_id
        ]
        met = f"met by {'; '.join(greeters)}" if greeters else ""
        texts = [[who, met] if met else [who], [who], [head]]
        full = [f"Arrival: {who}", *([met] if met else [])]
    else:
        texts = [[a.title], [a.title]]
    return Block(a.room_id, a.start, a.end, kind, texts, full, {a.item_id})


def _delegation_name(s: Scenario, pid: str) -> str:
    p = s.persons.get(pid)
    if p is None:
        return pid
    d = s.delegation_by_id.get(p.delegation_id)
    return d.name if d else p.name


def _add_queue(s, blocks, seq_id, room_id, slots, hidden) -> None:
    """A protocol list: named in the block of the event it runs inside
    (same room), else a block of its own."""
    start = min(a.start for a in slots)
    end = max(a.end for a in slots)
    seq = s.sequence_by_id.get(seq_id)
    title = seq.title if seq else seq_id
    count = f"{len(slots)} {'person' if len(slots) == 1 else 'people'}"
    long = f"incl. {hm(start)}–{hm(end)} {title}: {count} in the list"
    host = _holding_event(blocks, seq, room_id, start, end)
    if host is not None:
        for lines in host.texts[:-1]:
            lines.append(long)
        host.texts[-1].append(f"incl. {title} ({count})")
        host.full.append(long)
        host.lists += 1
        return
    restricted = any(a.item_id in hidden for a in slots)
    blocks.append(
        Block(
            room_id,
            start,
            end,
            "sequence",
            [[f"{title}: {count} in the list"], [f"{title} ({count})"]],
            [f"{title}: {count} in the list (see Run of show)"],
            {a.item_id for a in slots},
            restricted,
            lists=1,
        )
    )


def _holding_event(blocks, seq, room_id, start, end) -> Block | None:
    """The block of the event a queue runs inside, in the same room."""
    if seq is None or seq.within_event is None:
        return None
    event_item = event_item_id(seq.within_event)
    for b in blocks:
        if (
            event_item in b.item_ids
            and b.room_id == room_id
            and b.start <= start
            and end <= b.end
        ):
            return b
    return None


def _clusters(blocks: list[Block]) -> list[Block]:
    """Blocks of one room that overlap in time merged into one."""
    out: list[Block] = []
    by_room: dict[str, list[Block]] = defaultdict(list)
    for b in blocks:
        by_room[b.room_id].append(b)
    for room_blocks in by_room.values():
        room_blocks.sort(key=lambda b: (b.start, b.end))
        group: list[Block] = []
        for b in room_blocks:
            # Rows are whole minutes: blocks that meet inside one minute
            # would share a row, so they count as overlapping.
            if group and minute(b.start) < minute_up(
                max(g.end for g in group)
            ):
                group.append(b)
                continue
            if group:
                out.append(_merged(group))
            group = [b]
        if group:
            out.append(_merged(group))
    return out


def _merged(group: list[Block]) -> Block:
    """One block listing the items of ``group`` (a single block as it
    is)."""
    if len(group) == 1:
        return group[0]
    kinds = {b.kind for b in group}
    kind = kinds.pop() if len(kinds) == 1 else "other"
    noun = f"{KINDS[kind].name}s" if kind != "other" else "items"
    n = len(group)
    lines = [f"{hm(b.start)}–{hm(b.end)} {b.texts[0][0]}" for b in group]
    shorts = "; ".join(b.texts[-1][0] for b in group)
    return Block(
        group[0].room_id,
        min(b.start for b in group),
        max(b.end for b in group),
        kind,
        [
            [f"{n} {noun} at once:", *lines],
            [f"{n} {noun} at once: {shorts}"],
            [f"{n} {noun} at once"],
        ],
        [f"{n} {noun} at once:", *lines],
        set().union(*(b.item_ids for b in group)),
        any(b.restricted for b in group),
        lists=sum(b.lists for b in group),
    )


def security_blocks(
    s: Scenario, schedule: Schedule, day: date, blocks: list[Block]
) -> list[Block]:
    """Closed windows, no-arrival windows (arrival rooms) and VIP sweeps
    of the rooms that have blocks on ``day``, where no block is; a
    closed window hides a sweep inside it."""
    g = s.grid
    k = g.days.index(day) if day in g.days else None
    if k is None:
        return []
    day_span = s.day_spans[k]
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for b in blocks:
        taken[b.room_id].append(
            (g.to_index(minute(b.start)), g.to_index(minute_up(b.end)))
        )
    sweeps = _sweeps(s, schedule)
    out: list[Block] = []
    for room_id in sorted(taken):
        room = s.room_by_id.get(room_id)
        if room is None:
            continue
        layers = [
            (
                "closed",
                [
                    (s.window_span(w), f"Closed: {w.reason or w.window_id}")
                    for w in s.windows_for("closed", room=room_id)
                ],
            ),
            (
                "no_arrivals",
                [
                    (
                        s.window_span(w),
                        f"No arrivals: {w.reason or w.window_id}",
                    )
                    for w in s.windows_for("no_arrivals", room=room_id)
                ]
                if room.kind == "arrival"
                else [],
            ),
            ("sweep", sweeps.get(room_id, [])),
        ]
        for kind, spans in layers:
            for span, text in spans:
                free = iv.subtract(
                    iv.intersect([span], [day_span]), taken[room_id]
                )
                for lo, hi in free:
                    if hi - lo < 60:
                        continue
                    taken[room_id].append((lo, hi))
                    short = text.split(":")[0]
                    out.append(
                        Block(
                            room_id,
                            g.to_datetime(lo),
                            g.to_datetime(hi),
                            kind,
                            [[text], [short]],
                            [text],
                        )
                    )
    return out


def _sweeps(s: Scenario, schedule: Schedule):
    """Room id -> the sweep spans before its VIP items (grid seconds)."""
    sweep = s.sweep_seconds
    out: dict[str, list] = defaultdict(list)
    if sweep <= 0:
        return out
    for room_id, uses in room_uses(s, schedule).items():
        for u in uses:
            if u.vip:
                out[room_id].append(
                    ((u.lo - sweep, u.lo), "Sweep before a VIP item")
                )
    return out


def minute(t: datetime) -> datetime:
    return t.replace(second=0, microsecond=0)


def minute_up(t: datetime) -> datetime:
    down = minute(t)
    return down if down == t else down + timedelta(minutes=1)
