"""What the blank template holds besides headers: how to fill it in, and
one example row per sheet (two where a row needs another: a bilateral
needs two delegations). The examples make a small scenario that
``scheduler validate`` accepts as it is, so a new user can solve it
before replacing it with their own."""

from __future__ import annotations

from datetime import datetime

from models.records.settings import DEFAULT_RANKS

#: Said in a comment on the first cell of each example row.
EXAMPLE_NOTE = "Example row: type over it or delete the row."


def _at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


#: Example rows by sheet, as column -> value (empty columns left out).
EXAMPLES: dict[str, list[dict[str, object]]] = {
    "Ranks": [
        {"rank": r.rank, "label": r.label, "precedence": r.precedence}
        for r in DEFAULT_RANKS
    ],
    "Venues": [
        {"venue_id": "CC", "name": "Convention Centre"},
        {"venue_id": "PAL", "name": "Presidential Palace"},
    ],
    "Travel": [{"from_venue": "CC", "to_venue": "PAL", "minutes": 20}],
    "Rooms": [
        {
            "room_id": "PLEN",
            "name": "Plenary hall",
            "venue_id": "CC",
            "kind": "plenary",
            "capacity": 500,
            "features": "interpretation; flags; signing",
        },
        {
            "room_id": "BIL1",
            "name": "Bilateral room 1",
            "venue_id": "CC",
            "kind": "bilateral",
            "capacity": 20,
            "features": "flags",
        },
        {
            "room_id": "VIP",
            "name": "Palace entrance",
            "venue_id": "PAL",
            "kind": "arrival",
            "capacity": 30,
        },
    ],
    "Delegations": [
        {
            "delegation_id": "HST",
            "name": "Host Country",
            "kind": "host",
            "head_name": "H.E. Ms Jane Doe, President",
            "head_rank": "HOS",
            "size": 10,
        },
        {
            "delegation_id": "GST",
            "name": "Guest Country",
            "kind": "state",
            "head_name": "H.E. Mr John Roe, Minister of Justice",
            "head_rank": "MIN",
            "size": 4,
            "confirmed": "yes",
            "available_from": _at("2025-10-25 07:00"),
        },
    ],
    "People": [
        {
            "person_id": "HST-PM",
            "name": "H.E. Mr Alex Poe, Prime Minister",
            "delegation_id": "HST",
            "rank": "HOG",
            "max_items_per_day": 8,
        }
    ],
    "Events": [
        {
            "event_id": "OPEN",
            "title": "Opening ceremony",
            "kind": "ceremony",
            "duration_minutes": 60,
            "attendance": 300,
            "organizer": "HST",
            "earliest": _at("2025-10-25 09:00"),
            "all_heads": "yes",
        }
    ],
    "Slots": [
        {
            "slot_set": "SIDE",
            "start": _at("2025-10-25 14:00"),
            "end": _at("2025-10-25 15:15"),
        }
    ],
    "Bilaterals": [
        {
            "request_id": "B1",
            "party_a": "HST-PM",
            "party_b": "GST",
            "duration_minutes": 30,
            "priority": 4,
        }
    ],
    "Arrivals": [
        {
            "delegation_id": "GST",
            "earliest": _at("2025-10-25 07:00"),
            "latest": _at("2025-10-25 08:30"),
            "point": "VIP",
            "greeter": "HST-PM",
        }
    ],
    "Sequences": [
        {
            "sequence_id": "SIGN",
            "title": "Order of signature",
            "room_id": "PLEN",
            "within_event": "OPEN",
            "order": "precedence",
            "slot_seconds": 90,
        }
    ],
    "SequenceMembers": [
        {"sequence_id": "SIGN", "member": "HST", "position": 1},
        {"sequence_id": "SIGN", "member": "GST"},
    ],
    "SecurityWindows": [
        {
            "window_id": "W1",
            "start": _at("2025-10-25 07:00"),
            "end": _at("2025-10-25 08:00"),
            "scope": "room:PLEN",
            "effect": "closed",
            "reason": "Sweep of the plenary hall",
        }
    ],
}

#: The Instructions sheet, one paragraph a row; a row starting with
#: "# " is a heading.
INSTRUCTIONS: list[str] = [
    "# How to fill in this scenario workbook",
    "Each sheet is one table: row 1 holds the column names (do not rename "
    "them), every other row is one record. Empty rows are skipped. Hover a "
    "column name for what it means; columns in dark blue are required, "
    "light blue ones may stay empty.",
    "Every sheet holds an example row (a comment on its first cell says "
    "so). Together they make a small scenario that can be checked and "
    "scheduled as it is. Type over them or delete them.",
    "Check your workbook at any time with:  scheduler validate FILE.xlsx  "
    "(every problem is listed with its sheet, row and column). Then:  "
    "scheduler solve FILE.xlsx -o schedule.xlsx",
    "# Values",
    "Ids are short codes without ';' or ':' (FRA, WS07, BL03), unique in "
    "their sheet. Delegations use ISO alpha-3 codes for states.",
    "Date-times are real date-times or text like 2025-10-25 09:00, in the "
    "local time of the event (Settings: timezone).",
    "Durations are whole minutes unless the column says seconds.",
    "Lists in one cell are separated by ';' (HST-PM; GST).",
    "Yes/no columns take yes or no (also y/n, true/false, 1/0); empty "
    "means the default said in the column's note.",
    "A person is a person id of the People sheet, or a delegation id "
    "(its head).",
    "Drop-down columns refuse anything not in their list: kinds, yes/no, "
    "ranks (from the Ranks sheet: add a rank there first), and ids of "
    "venues, rooms, delegations, events and sequences already entered.",
    "# Sheets",
    "Settings: the event's name, days and hours, and the settings below.",
    "Ranks: the order of precedence (1 = highest). Edit it to match your "
    "protocol; the rank drop-downs use this list.",
    "Venues, Travel, Rooms: where things happen and how long it takes to "
    "go from one venue to another.",
    "Delegations, People: who comes (each delegation's head is a person "
    "whose id is the delegation id) and other principals.",
    "Events, Slots: ceremonies, sessions, side events, and fixed time "
    "slots some events must fill.",
    "Bilaterals: meeting requests between two people.",
    "Arrivals: receptions at an airport or a venue entrance.",
    "Sequences, SequenceMembers: protocol lists (welcome line, order of "
    "signature, speakers list) and who is in them.",
    "SecurityWindows: times a room, venue or person is closed, and "
    "motorcade windows with no arrivals.",
    "# Settings",
]
