"""Why there is no schedule (:mod:`~scheduler.diagnosis.explain`) and why
an item was left out (:mod:`~scheduler.diagnosis.diagnose`), from
infeasibility cores over assumption-guarded models."""
