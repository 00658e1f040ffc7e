"""Scenario settings and protocol ranks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


@dataclass(frozen=True, slots=True)
class Settings:
    """The Settings sheet, spec defaults applied."""

    event_name: str
    days: tuple[date, ...]
    day_start: time = time(7, 0)
    day_end: time = time(21, 30)
    timezone: str = "Asia/Ho_Chi_Minh"
    time_step_minutes: int = 5
    room_changeover_minutes: int = 10
    same_venue_buffer_minutes: int = 5
    vip_rank: str = "HOG"
    vip_sweep_minutes: int = 30
    precedence_tiebreak: str = "alphabetical"
    paper_size: str = "A4"

    def __post_init__(self) -> None:
        # the days may be listed in any order; the engine works in order
        object.__setattr__(self, "days", tuple(sorted(self.days)))


@dataclass(frozen=True, slots=True)
class Rank:
    rank: str
    label: str
    precedence: int
    welcome_seconds: int | None = None
    row: int | None = field(default=None, compare=False)


DEFAULT_RANKS: tuple[Rank, ...] = (
    Rank("HOS", "Head of State", 1),
    Rank("VP", "Vice-President / Crown Prince", 2),
    Rank("HOG", "Head of Government", 3),
    Rank("DPM", "Deputy Prime Minister", 4),
    Rank("FM", "Foreign Minister", 5),
    Rank("MIN", "Minister", 6),
    Rank("VMIN", "Vice-Minister", 7),
    Rank("AMB", "Ambassador / Permanent Representative", 8),
    Rank("IOH", "Head of an International Organisation", 9),
    Rank("OFF", "Senior Official", 10),
)

#: Setting keys, in the order the Settings sheet lists them.
SETTING_KEYS = (
    "event_name",
    "days",
    "day_start",
    "day_end",
    "timezone",
    "time_step_minutes",
    "room_changeover_minutes",
    "same_venue_buffer_minutes",
    "vip_rank",
    "vip_sweep_minutes",
    "precedence_tiebreak",
    "paper_size",
)
