"""Domain model of the summit scheduling engine (pure Python).

Records for every sheet of the scenario workbook, the :class:`Scenario`
that holds them with lookups, the time grid, protocol precedence, the
derived schedulable items, schedules, and the independent checker.
"""

from .records.arrivals import Arrival
from .records.bilaterals import BilateralRequest
from .records.delegations import Delegation, Person
from .records.events import Event, Slot
from .records.items import Item, build_items, item_id_for
from .records.problems import Problem, ScenarioError
from .records.scenario import Scenario
from .records.security import Scope, SecurityWindow, parse_scope
from .records.sequences import Sequence, SequenceMember
from .records.settings import DEFAULT_RANKS, Rank, Settings
from .records.time_grid import TimeGrid
from .records.venues import Room, Travel, Venue
from .validation import validate_scenario

__all__ = [
    "DEFAULT_RANKS",
    "Arrival",
    "BilateralRequest",
    "Delegation",
    "Event",
    "Item",
    "Person",
    "Problem",
    "Rank",
    "Room",
    "Scenario",
    "ScenarioError",
    "Scope",
    "SecurityWindow",
    "Sequence",
    "SequenceMember",
    "Settings",
    "Slot",
    "TimeGrid",
    "Travel",
    "Venue",
    "build_items",
    "item_id_for",
    "parse_scope",
    "validate_scenario",
]
