"""Fixed vocabularies of the workbook format (kinds, orders, effects)."""

from enum import StrEnum

ROOM_KINDS = (
    "plenary",
    "hall",
    "meeting",
    "bilateral",
    "exhibition",
    "press",
    "banquet",
    "hold",
    "arrival",
    "signing",
)
EVENT_KINDS = (
    "ceremony",
    "plenary",
    "discussion",
    "workshop",
    "exhibition",
    "press",
    "reception",
    "other",
)
DELEGATION_KINDS = ("state", "observer", "organization", "host")
SEQUENCE_ORDERS = ("precedence", "reverse_precedence")
#: Sequences ``late_policy``: ``end`` (default), ``drop``, or
#: ``move:<sequence_id>`` (written with the prefix below).
LATE_POLICIES = ("end", "drop")
LATE_MOVE_PREFIX = "move:"
#: Delegations ``role`` (empty: an ordinary guest).
DELEGATION_ROLES = ("guest_of_honour", "co_host")
#: People ``role`` (empty: none).
PERSON_ROLES = ("co_chair",)
WINDOW_EFFECTS = ("closed", "no_arrivals")
SCOPE_KINDS = ("all", "venue", "room", "room_kind", "person", "delegation")


class ItemKind(StrEnum):
    """What a schedulable item is (a member equals its text: ``"event"``)."""

    EVENT = "event"
    BILATERAL = "bilateral"
    ARRIVAL = "arrival"
    #: a queue slot: one member's turn in a list
    SEQUENCE = "sequence"


ITEM_KINDS: tuple[str, ...] = tuple(ItemKind)
#: The letter that starts each kind's item ids (``E:OPEN``).
ID_PREFIX: dict[str, str] = {
    ItemKind.EVENT: "E",
    ItemKind.BILATERAL: "B",
    ItemKind.ARRIVAL: "A",
    ItemKind.SEQUENCE: "S",
}
#: Paper the printed sheets are set up for (Settings ``paper_size``).
PAPER_SIZES = ("A4", "A3", "Letter")

#: Room kinds an event may use when its ``room_kinds`` cell is empty.
DEFAULT_ROOM_KINDS: dict[str, tuple[str, ...]] = {
    "ceremony": ("plenary",),
    "plenary": ("plenary",),
    "discussion": ("hall",),
    "workshop": ("meeting", "hall"),
    "exhibition": ("exhibition",),
    "press": ("press",),
    "reception": ("banquet",),
    "other": ROOM_KINDS,
}

#: Event kinds that are mandatory when the ``mandatory`` cell is empty.
MANDATORY_EVENT_KINDS = ("ceremony", "plenary")
