"""The outcome of a solve."""

from __future__ import annotations

from dataclasses import dataclass

from models.records.schedule import Schedule


@dataclass(frozen=True)
class Result:
    """``status`` is OPTIMAL only when proven; FEASIBLE carries the bound
    and gap; INFEASIBLE and UNKNOWN have no schedule."""

    status: str
    schedule: Schedule | None
    objective: float | None
    best_bound: float | None
    seconds: float
    solutions: int = 0
    first_solution_s: float | None = None
    #: the search stopped before its limit without proof (Ctrl-C)
    interrupted: bool = False
    #: seconds the full model took to build (the explanation of a
    #: scenario with no schedule builds one as large)
    model_seconds: float | None = None

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.best_bound is None:
            return None
        if self.objective == self.best_bound:
            return 0.0
        return abs(self.objective - self.best_bound) / max(
            1.0, abs(self.objective)
        )

    def summary(self) -> str:
        lines = [f"status      {self.status}"]
        if self.objective is not None:
            lines.append(f"objective   {self.objective:,.0f}")
            if self.best_bound is None:
                lines.append("best bound  none proven")
            else:
                lines.append(f"best bound  {self.best_bound:,.0f}")
                lines.append(f"gap         {100 * (self.gap or 0):.2f}%")
        lines.append(f"seconds     {self.seconds:.1f}")
        return "\n".join(lines)
