"""Ctrl-C during a search: stop the running CP-SAT solve, and know it.

CP-SAT catches Ctrl-C itself and stops as if its time were up, which a
caller can only guess at afterwards (a solve that ended early); under
load CP-SAT also ends a little early on its own, and the guess was
wrong. Inside :class:`Interrupts` the engine's solves leave SIGINT to
Python (``catch_sigint_signal`` off): the signal's byte goes to a
wake-up pipe (written by Python's C-level handler at once, whatever the
main thread is doing), a watcher thread reads it and stops the solve
that is running, and :attr:`Interrupts.seen` says so for certain.

Outside the main thread (where signals cannot be handled) it does
nothing and CP-SAT keeps its own handling. Under the ``scheduler``
command, :mod:`scheduler.interrupts` has taken SIGINT and SIGTERM for
the whole process (their own thread; CP-SAT's handler is never
reached): the solves here are then stopped by it, and :attr:`seen`
follows it.
"""

from __future__ import annotations

import os
import signal
import threading
from types import SimpleNamespace

from ortools.sat.python import cp_model

from .. import interrupts as process_signals


class Interrupts:
    """Context manager: Ctrl-C stops the solve passed to :meth:`solve`
    and sets :attr:`seen`."""

    def __init__(self) -> None:
        self._seen = False
        self.active = False
        #: the solves running now (the time-indexed programs of a bound
        #: may run side by side, one per thread): Ctrl-C stops them all
        self._running: set = set()
        self._lock = threading.Lock()

    @property
    def seen(self) -> bool:
        """Ctrl-C (or, under the command, SIGTERM) came."""
        return self._seen or process_signals.stopped()

    def __enter__(self) -> Interrupts:
        if (
            threading.current_thread() is not threading.main_thread()
            or process_signals.installed()
        ):
            return self
        try:
            self._read, self._write = os.pipe()
            os.set_blocking(self._write, False)
            self._old_fd = signal.set_wakeup_fd(self._write)
            self._old = signal.signal(signal.SIGINT, self._handler)
        except (ValueError, OSError):  # not allowed here: do without
            return self
        self.active = True
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if not self.active:
            return
        signal.signal(signal.SIGINT, self._old)
        signal.set_wakeup_fd(self._old_fd)
        self.active = False
        os.close(self._write)  # the watcher reads end of file and stops
        self._thread.join(timeout=1.0)
        os.close(self._read)

    def _handler(self, signum, frame) -> None:
        self._stop()

    def _watch(self) -> None:
        while True:
            try:
                data = os.read(self._read, 64)
            except OSError:
                return
            if not data:
                return
            if signal.SIGINT in data:
                self._stop()

    def _stop(self) -> None:
        with self._lock:
            self._seen = True
            for running in self._running:
                running.stop_search()

    def solve(
        self, solver: cp_model.CpSolver, model, callback=None
    ) -> cp_model.CpSolverStatus:
        """``solver.solve(model, callback)``, stopped at Ctrl-C; once
        Ctrl-C was seen, later solves return UNKNOWN at once."""
        if self.active:
            solver.parameters.catch_sigint_signal = False
        code = self._run(
            solver,
            lambda: (
                solver.solve(model)
                if callback is None
                else solver.solve(model, callback)
            ),
        )
        if code is None:
            _unsolved(solver, model)
            return cp_model.UNKNOWN
        return code

    def solve_linear(self, lp):
        """``lp.Solve()`` (a linear solver of ``pywraplp``), stopped at
        Ctrl-C like :meth:`solve`; ``None`` once Ctrl-C was seen."""
        return self._run(_LinearStop(lp), lp.Solve)

    def _run(self, stoppable, call):
        """``call()`` with ``stoppable`` stopped at Ctrl-C (by its
        ``stop_search``); ``None`` without calling once it was seen."""
        with self._lock:
            if self.seen:
                return None
            self._running.add(stoppable)
        try:
            with process_signals.solving(stoppable):
                if process_signals.stopped():
                    return None  # came in between: stopped, not started
                return call()
        finally:
            with self._lock:
                self._running.discard(stoppable)


def _unsolved(solver: cp_model.CpSolver, model) -> None:
    """Give ``solver``, whose search a signal stopped before it began,
    the response of a search given no time (UNKNOWN, no schedule, a
    trivial bound: hundredths of a second): what follows reads its
    bound and solution as after any stopped search. Without one,
    reading them raised "solve() has not been called": a SIGTERM that
    came between the model's building and the search ended ``scheduler
    solve`` with a traceback and exit 1."""
    p = solver.parameters
    p.max_time_in_seconds = 0.0
    p.max_deterministic_time = 0.0
    solver.solve(model)


class _LinearStop:
    """What a signal handler stops a CP-SAT solver with, for a linear
    solver: ``stop_search`` interrupts it (``parameters`` takes the zero
    time limit a signal that came first would set, and is not read)."""

    def __init__(self, lp) -> None:
        self.lp = lp
        self.parameters = SimpleNamespace(max_time_in_seconds=None)

    def stop_search(self) -> None:
        self.lp.InterruptSolve()
