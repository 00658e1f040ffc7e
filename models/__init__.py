"""Domain model of the summit scheduling engine (pure Python).

Records for every sheet of the scenario workbook, the :class:`Scenario`
that holds them with lookups, the time grid, protocol precedence, the
derived schedulable items, schedules, and the independent checker.
"""

from .arrivals import Arrival
from .bilaterals import BilateralRequest
from .delegations import Delegation, Person
from .events import Event, Slot
from .items import Item, build_items, item_id_for
from .problems import Problem, ScenarioError
from .scenario import Scenario
from .security import Scope, SecurityWindow, parse_scope
from .sequences import Sequence, SequenceMember
from .settings import DEFAULT_RANKS, Rank, Settings
from .time_grid import TimeGrid
from .validation import validate_scenario
from .venues import Room, Travel, Venue

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
