"""The scenario workbook format in one place: sheets, columns, types,
defaults and the help text shown on each header of the template."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.records.limits import (
    MAX_MINUTES,
    MAX_NUMBER,
    MAX_PEOPLE,
    MAX_SLOT_SECONDS,
)
from models.records.settings import SETTING_KEYS
from models.records.vocabulary import (
    DELEGATION_KINDS,
    DELEGATION_ROLES,
    EVENT_KINDS,
    PERSON_ROLES,
    ROOM_KINDS,
    SEQUENCE_ORDERS,
    WINDOW_EFFECTS,
)

# column types: text, id, name, int, bool, datetime, date, list, enum, scope


@dataclass(frozen=True)
class Column:
    """One column: its type (``text``, ``id``, ``name``, ``int``,
    ``bool``, ``datetime``, ``date``, ``list``, ``enum``, ``scope``), and
    for a number its largest value (``high``; the spec's limits, see
    :mod:`models.records.limits`)."""

    name: str
    type: str = "text"
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    high: int | None = None

    @property
    def limit(self) -> int | None:
        """The largest value of a number column (every one has one)."""
        if self.type != "int":
            return None
        return self.high if self.high is not None else MAX_NUMBER


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    required: bool = False

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


def C(
    name: str,
    type: str = "text",
    required: bool = False,
    help: str = "",
    choices: Iterable[str] = (),
    high: int | None = None,
) -> Column:
    """A column of the format (short, for the table below)."""
    return Column(name, type, required, help, tuple(choices), high)


DT = "date-time, e.g. 2025-10-25 09:00 (local time)"
YESNO = ("yes", "no")

SETTINGS_HELP: dict[str, str] = {
    "event_name": "Title used in every output",
    "days": "Event days, ';' separated, e.g. 2025-10-25; 2025-10-26",
    "day_start": "Nothing is scheduled before this time (HH:MM)",
    "day_end": "Nothing is scheduled after this time (HH:MM)",
    "timezone": "IANA time zone for calendar exports",
    "time_step_minutes": "Events and bilaterals start on this grid",
    "room_changeover_minutes": "Default empty time between two uses of a room",
    "same_venue_buffer_minutes": "Least gap for a person between two items "
    "in one venue",
    "vip_rank": "Items with a participant of this rank or higher are VIP",
    "vip_sweep_minutes": "A room stays empty this long before a VIP item",
    "precedence_tiebreak": "Within one rank: alphabetical, lot:X, "
    "seniority or registration",
    "paper_size": "Paper the schedule's sheets print on: A4 (default), "
    "A3 or Letter",
}
SETTINGS_EXAMPLE: dict[str, str | int] = {
    "event_name": "My summit",
    "days": "2025-10-25; 2025-10-26",
    "day_start": "07:00",
    "day_end": "21:30",
    "timezone": "Asia/Ho_Chi_Minh",
    "time_step_minutes": 5,
    "room_changeover_minutes": 10,
    "same_venue_buffer_minutes": 5,
    "vip_rank": "HOG",
    "vip_sweep_minutes": 30,
    "precedence_tiebreak": "alphabetical",
    "paper_size": "A4",
}
assert set(SETTINGS_HELP) == set(SETTING_KEYS)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Settings",
        (
            C("key", required=True, help="Setting name"),
            C("value", help="Setting value"),
        ),
        required=True,
    ),
    Sheet(
        "Ranks",
        (
            C("rank", "id", True, help="Rank code, e.g. HOS"),
            C("label", "name", True, help="Rank name"),
            C("precedence", "int", True, "1 = highest"),
            C(
                "welcome_seconds",
                "int",
                help="Slot length in a welcome line",
                high=MAX_SLOT_SECONDS,
            ),
        ),
    ),
    Sheet(
        "Venues",
        (
            C("venue_id", "id", True, help="Short id"),
            C("name", "name", True, help="Venue name"),
        ),
        required=True,
    ),
    Sheet(
        "Travel",
        (
            C("from_venue", required=True, help="Venue id"),
            C("to_venue", required=True, help="Venue id"),
            C(
                "minutes",
                "int",
                True,
                "Travel minutes (symmetric unless both directions are given)",
                high=MAX_MINUTES,
            ),
        ),
    ),
    Sheet(
        "Rooms",
        (
            C("room_id", "id", True, help="Short id"),
            C("name", "name", True, help="Room name"),
            C("venue_id", required=True, help="Venue id"),
            C("kind", "enum", True, "Room kind", ROOM_KINDS),
            C(
                "capacity",
                "int",
                True,
                "Seats; booth units for exhibition rooms",
                high=MAX_PEOPLE,
            ),
            C("features", "list", help="';' list, e.g. interpretation; flags"),
            C("available_from", "datetime", help="Closed before this " + DT),
            C("available_to", "datetime", help="Closed after this " + DT),
            C(
                "changeover_minutes",
                "int",
                help="Overrides the setting",
                high=MAX_MINUTES,
            ),
        ),
        required=True,
    ),
    Sheet(
        "Delegations",
        (
            C("delegation_id", "id", True, help="ISO alpha-3 or acronym"),
            C("name", "name", True, help="English short name"),
            C("kind", "enum", True, "Delegation kind", DELEGATION_KINDS),
            C("head_name", "name", True, help="Head of delegation"),
            C("head_rank", required=True, help="Rank code of the head"),
            C("head_since", "date", help="Took office (seniority tie-break)"),
            C(
                "size",
                "int",
                help="People travelling with the head (4)",
                high=MAX_PEOPLE,
            ),
            C(
                "confirmed",
                "bool",
                help="yes/no (yes); unconfirmed are ignored",
                choices=YESNO,
            ),
            C("confirmed_on", "date", help="Registration date"),
            C("available_from", "datetime", help="In the city from " + DT),
            C("available_to", "datetime", help="In the city until " + DT),
            C(
                "role",
                "enum",
                help="guest_of_honour (most senior guest in every list) or "
                "co_host (stands with the host; not in welcome lines)",
                choices=DELEGATION_ROLES,
            ),
        ),
        required=True,
    ),
    Sheet(
        "People",
        (
            C("person_id", "id", True, help="Short id, e.g. VNM-PM"),
            C("name", "name", True, help="Name"),
            C("delegation_id", required=True, help="Delegation id"),
            C("rank", required=True, help="Rank code"),
            C("available_from", "datetime", help=DT),
            C("available_to", "datetime", help=DT),
            C(
                "max_items_per_day",
                "int",
                help="Events and bilaterals per day",
            ),
            C(
                "role",
                "enum",
                help="co_chair: stands with the host (not greeted in a "
                "welcome line)",
                choices=PERSON_ROLES,
            ),
        ),
    ),
    Sheet(
        "Events",
        (
            C("event_id", "id", True, help="Short id"),
            C("title", "name", True, help="Title"),
            C("kind", "enum", True, "Event kind", EVENT_KINDS),
            C("duration_minutes", "int", True, "Minutes", high=MAX_MINUTES),
            C(
                "attendance",
                "int",
                True,
                "People (booth units for exhibitions)",
                high=MAX_PEOPLE,
            ),
            C("organizer", help="Delegation id"),
            C(
                "room_kinds",
                "list",
                help="Allowed room kinds (default by kind)",
            ),
            C("rooms", "list", help="Allowed room ids"),
            C("required_features", "list", help="Features the room needs"),
            C("earliest", "datetime", help="Starts no earlier than " + DT),
            C("latest", "datetime", help="Ends no later than " + DT),
            C("fixed_start", "datetime", help="Pinned start " + DT),
            C("slot_set", help="Fill one slot of this set (sheet Slots)"),
            C("participants", "list", help="Person ids or delegation ids"),
            C(
                "all_heads",
                "bool",
                help="Every present head attends",
                choices=YESNO,
            ),
            C("after", "list", help="Event ids that end before this starts"),
            C("track", help="Topic; one track should not run in parallel"),
            C(
                "mandatory",
                "bool",
                help="Default yes for ceremony/plenary",
                choices=YESNO,
            ),
            C("priority", "int", help="1 (low) to 5 (high), default 3"),
            C("preferred_day", "date", help="Preferred date (soft)"),
            C(
                "restricted",
                "bool",
                help="Left out of public exports",
                choices=YESNO,
            ),
            C(
                "participants_minutes",
                "int",
                help="Participants are needed only for the first N minutes "
                "(a chair who opens and hands over); empty: the whole event",
                high=MAX_MINUTES,
            ),
        ),
    ),
    Sheet(
        "Slots",
        (
            C("slot_set", "id", True, help="Slot set name"),
            C("start", "datetime", True, DT),
            C("end", "datetime", True, DT),
        ),
    ),
    Sheet(
        "Bilaterals",
        (
            C("request_id", "id", True, help="Short id"),
            C("party_a", required=True, help="Person or delegation id"),
            C("party_b", required=True, help="Person or delegation id"),
            C(
                "duration_minutes",
                "int",
                help="Minutes (30)",
                high=MAX_MINUTES,
            ),
            C("priority", "int", help="1 to 5 (3)"),
            C("earliest", "datetime", help=DT),
            C("latest", "datetime", help=DT),
            C("venue_id", help="Venue where it must be held"),
            C(
                "required_features",
                "list",
                help="Default flags; 'none' for none",
            ),
            C(
                "attendance",
                "int",
                help="Default: both parties, 8 a side max",
                high=MAX_PEOPLE,
            ),
            C("mandatory", "bool", help="Default no", choices=YESNO),
            C("restricted", "bool", help="Default yes", choices=YESNO),
        ),
    ),
    Sheet(
        "Arrivals",
        (
            C("delegation_id", required=True, help="Delegation id"),
            C("earliest", "datetime", True, "Reception starts from " + DT),
            C("latest", "datetime", True, "Reception starts by " + DT),
            C("point", help="Room id of kind arrival (empty = any)"),
            C(
                "duration_minutes",
                "int",
                help="Default 20 for HOS/VP/HOG, else 10",
                high=MAX_MINUTES,
            ),
            C("greeter", help="Person who receives the delegation"),
        ),
    ),
    Sheet(
        "Sequences",
        (
            C("sequence_id", "id", True, help="Short id"),
            C("title", "name", True, help="Title"),
            C("room_id", required=True, help="Room id"),
            C("within_event", help="Runs inside this event"),
            C("earliest", "datetime", help=DT),
            C("latest", "datetime", help=DT),
            C(
                "order",
                "enum",
                True,
                "precedence or reverse_precedence",
                SEQUENCE_ORDERS,
            ),
            C(
                "slot_seconds",
                "int",
                True,
                "Seconds per member",
                high=MAX_SLOT_SECONDS,
            ),
            C(
                "gap_seconds",
                "int",
                help="Seconds between members (0)",
                high=MAX_SLOT_SECONDS,
            ),
            C(
                "tiebreak",
                help="Within one rank, for this list: alphabetical, lot:X, "
                "seniority or registration (empty: the setting)",
            ),
            C(
                "late_policy",
                help="A member who cannot be there at their turn: end "
                "(default: after the list, marked late), move:<sequence_id> "
                "(joins that list) or drop",
            ),
        ),
    ),
    Sheet(
        "SequenceMembers",
        (
            C("sequence_id", required=True, help="Sequence id"),
            C("member", required=True, help="Person or delegation id"),
            C(
                "slot_seconds",
                "int",
                help="Overrides the sequence",
                high=MAX_SLOT_SECONDS,
            ),
            C(
                "position",
                "int",
                help="Fixed place, e.g. 1 for the host (1 to the number of "
                "members)",
            ),
            C("mandatory", "bool", help="Default no", choices=YESNO),
        ),
    ),
    Sheet(
        "SecurityWindows",
        (
            C("window_id", "id", True, help="Short id"),
            C("start", "datetime", True, DT),
            C("end", "datetime", True, DT),
            C(
                "scope",
                "scope",
                True,
                "all, venue:X, room:X, room_kind:X, person:X, delegation:X",
            ),
            C("effect", "enum", True, "closed or no_arrivals", WINDOW_EFFECTS),
            C("reason", help="Shown in explanations"),
        ),
    ),
)

SHEET_BY_NAME = {s.name: s for s in SHEETS}
