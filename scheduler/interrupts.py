"""Ctrl-C and SIGTERM, the same at every step of a command.

:func:`install` (the program's entry point and each command call it)
blocks SIGINT and SIGTERM in every thread and waits for them in one
thread of its own, which decides what a signal means where the command
is:

- while files are written (:func:`deferred`): nothing yet; the files
  finish, then :func:`noted` says a signal came;
- while a stage that looks for it runs (:func:`polled`: the search, the
  insertion pass, the diagnosis): the CP-SAT searches running now stop
  (:func:`solving` registers them), and the stages, which ask
  :func:`stopped` between steps, end with their best so far;
- anywhere else (reading the scenario, say): :class:`KeyboardInterrupt`
  in the main thread.

CP-SAT's own Ctrl-C handler is never reached (the signal is blocked in
its threads too): it is not safe between two searches, which the
neighbourhood moves run by the hundred (it once aborted the process with
``std::bad_function_call``). Without :func:`install` (the library used
from Python) nothing here changes how a signal acts.
"""

from __future__ import annotations

import _thread
import contextlib
import signal
import threading
from collections.abc import Iterator

_SIGNALS = {signal.SIGINT, signal.SIGTERM}
#: a signal came while files were being written
_noted = threading.Event()
#: a signal came since the command began
_received = threading.Event()
_writing = threading.Event()
_polled = threading.Event()
#: the program has begun and its command not yet (:func:`until_command`)
_waiting = threading.Event()
_lock = threading.Lock()
_solvers: set = set()
_watcher: threading.Thread | None = None


def install() -> None:
    """Handle SIGINT and SIGTERM as this module says, and forget the
    signals of an earlier command. Only in the main thread; elsewhere
    nothing is done."""
    global _watcher
    if threading.current_thread() is not threading.main_thread():
        return
    _noted.clear()
    _received.clear()
    if _watcher is not None:
        return
    # the main thread is interrupted through SIGTERM's Python handler
    # (:func:`_raise_interrupt`), never SIGINT's: a program started in
    # the background by a shell (`scheduler solve ... &`, a script)
    # begins with SIGINT ignored, and interrupting through it did
    # nothing: a SIGTERM while the files were read went unheard
    signal.signal(signal.SIGTERM, _raise_interrupt)
    # blocked here, so in every thread started from now on (CP-SAT's
    # included), and waited for by one thread
    signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    _watcher = threading.Thread(
        target=_watch, name="scheduler-signals", daemon=True
    )
    _watcher.start()


def _raise_interrupt(signum: int, frame: object) -> None:
    """In the main thread, at the watcher's word (never the signal
    itself, which is blocked there): stop what runs."""
    raise KeyboardInterrupt


def installed() -> bool:
    return _watcher is not None


def _watch() -> None:
    while True:
        signal.sigwait(_SIGNALS)
        _on_signal()


def _on_signal() -> None:
    if _writing.is_set():
        _noted.set()  # finish the files first
        return
    _received.set()
    with _lock:
        for solver in list(_solvers):
            solver.stop_search()
    if not _polled.is_set():
        _thread.interrupt_main(signal.SIGTERM)


def stopped() -> bool:
    """Whether a signal came since the command began: a stage that
    looks for it ends with its best so far."""
    return _received.is_set()


@contextlib.contextmanager
def polled() -> Iterator[None]:
    """The stages inside ask :func:`stopped` between steps: a signal
    stops the CP-SAT searches running, raises nothing."""
    was = _polled.is_set()
    _polled.set()
    try:
        yield
    finally:
        if not was:
            _polled.clear()


@contextlib.contextmanager
def solving(solver) -> Iterator[None]:
    """``solver`` (a CP-SAT solver) searches inside: a signal stops it.
    One that came before gives it no time at all."""
    if _received.is_set():
        solver.parameters.max_time_in_seconds = 0.0
    with _lock:
        _solvers.add(solver)
    try:
        yield
    finally:
        with _lock:
            _solvers.discard(solver)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Files are being written: a signal is noted, not acted on, until
    the block ends (:func:`noted` then says one came)."""
    _writing.set()
    try:
        yield
    finally:
        _writing.clear()


def caused_by_signal(exc: BaseException) -> bool:
    """Whether ``exc`` is :class:`KeyboardInterrupt` or was raised
    because of one: an extension module whose import a signal stopped
    fails with ``ImportError: initialization failed``, caused by it."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False


def noted() -> bool:
    """Whether a signal arrived while files were being written."""
    return _noted.is_set()


def until_command() -> None:
    """From now until a command begins (:func:`command_begins`) a signal
    is kept, not raised: raised while click parses the command line, it
    would end the program with click's "Aborted!" and exit code 1."""
    _polled.set()
    _waiting.set()


def command_begins() -> bool:
    """A command's own handling of signals begins: whether one came since
    :func:`until_command` (never, without it: a signal of an earlier
    command in the same process is not this one's)."""
    if not _waiting.is_set():
        return False
    _waiting.clear()
    _polled.clear()
    return _received.is_set()
