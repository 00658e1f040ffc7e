"""Peer schedulers, run on the same scenarios as the engine.

- :mod:`bench.peers.greedy`: first come, first served, the way protocol
  offices schedule by hand.
- :mod:`bench.peers.conference_scheduler`: PyCon UK's
  ``conference-scheduler`` (PuLP and CBC) on the part of the problem it
  can express (:mod:`bench.peers.subproblem`).

Every peer returns a :class:`models.records.schedule.Schedule`, so the
independent checker and :func:`models.objective.objective_value` judge
it exactly like the engine's.
"""
