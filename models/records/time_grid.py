"""The time grid: local date-times to integer seconds and back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

MINUTE = 60
HOUR = 3600
DAY = 86400


@dataclass(frozen=True, slots=True)
class TimeGrid:
    """Integer time for the solver: seconds since midnight of the first day.

    Every date-time in a scenario is local time of the event; the grid only
    shifts and scales it. ``day_spans`` gives, per event day, the span
    ``[day_start, day_end]`` in grid seconds: nothing may be scheduled
    outside these spans.
    """

    days: tuple[date, ...]
    day_start: time
    day_end: time
    #: made once (:meth:`__post_init__`): asked for every item and day
    #: while the model is built, they took 10 s of a 63-day event's 20 s
    _origin: datetime = field(init=False, repr=False, compare=False)
    _spans: tuple[tuple[int, int], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        first = self.days[0] if self.days else date.min  # refused later
        origin = datetime.combine(first, time(0, 0))
        object.__setattr__(self, "_origin", origin)
        object.__setattr__(
            self, "_spans", tuple(self.day_span(d) for d in self.days)
        )

    @property
    def origin(self) -> datetime:
        return self._origin

    def to_index(self, moment: datetime) -> int:
        """Seconds from the origin to ``moment`` (rounded down)."""
        return int((moment - self.origin).total_seconds() // 1)

    def to_datetime(self, index: int) -> datetime:
        return self.origin + timedelta(seconds=int(index))

    def day_span(self, day: date) -> tuple[int, int]:
        start = datetime.combine(day, self.day_start)
        end = datetime.combine(day, self.day_end)
        return self.to_index(start), self.to_index(end)

    @property
    def day_spans(self) -> tuple[tuple[int, int], ...]:
        return self._spans

    @property
    def horizon(self) -> int:
        return max(end for _, end in self.day_spans)

    def day_of(self, index: int) -> date | None:
        """The event day whose span holds ``index``, or ``None``."""
        for day, (lo, hi) in zip(self.days, self.day_spans, strict=True):
            if lo <= index <= hi:
                return day
        return None

    def day_index(self, index: int) -> int | None:
        for k, (lo, hi) in enumerate(self.day_spans):
            if lo <= index <= hi:
                return k
        return None
