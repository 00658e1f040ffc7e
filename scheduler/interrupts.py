"""Ctrl-C and SIGTERM, the same at every step of a command.

A supervisor's SIGTERM is taken as a Ctrl-C: a thread waits for it and
sends this process SIGINT, which stops CP-SAT cleanly when a search is
running (CP-SAT catches it and returns its best so far) and raises
:class:`KeyboardInterrupt` in Python code otherwise. While files are
being written (:func:`deferred`), a signal only is noted: the writing
finishes (a file is never left half written, and no temporary file is
left), then the command ends as the README says. What the command line
makes of an interruption (exit 4 with nothing written, or exit 0 with
the best schedule so far written and said so) is in
:mod:`scheduler.cli.common`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

#: Set when a signal arrived while files were being written.
_noted = threading.Event()
#: Set when Python code saw a signal (CP-SAT catches a Ctrl-C itself
#: while it searches; a SIGTERM is always seen).
_received = threading.Event()
_writing = threading.Event()
_watcher: threading.Thread | None = None


def install() -> None:
    """Take SIGTERM as Ctrl-C for the rest of this process, and forget
    the signals of an earlier command (the command line calls this at the
    start of each command). Only in the main thread; elsewhere nothing is
    done."""
    global _watcher
    if threading.current_thread() is not threading.main_thread():
        return
    _noted.clear()
    _received.clear()
    signal.signal(signal.SIGINT, _on_sigint)
    if _watcher is not None:
        return
    # SIGTERM is blocked in every thread (the mask is inherited by the
    # threads started from now on, CP-SAT's included) and waited for by
    # one thread, which turns it into SIGINT for the main thread
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    _watcher = threading.Thread(
        target=_watch, name="sigterm-as-sigint", daemon=True
    )
    _watcher.start()


def _watch() -> None:
    while True:
        signal.sigwait({signal.SIGTERM})
        if _writing.is_set():
            _noted.set()
            continue
        _received.set()
        os.kill(os.getpid(), signal.SIGINT)


def _on_sigint(signum, frame) -> None:
    if _writing.is_set():
        _noted.set()  # finish the files first
        return
    _received.set()
    raise KeyboardInterrupt


def received() -> bool:
    """Whether a signal came since the command began (a Ctrl-C that
    CP-SAT caught while searching is not seen here: the search says)."""
    return _received.is_set()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Files are being written: a signal is noted, not acted on, until
    the block ends (:func:`noted` then says one came)."""
    _writing.set()
    try:
        yield
    finally:
        _writing.clear()


def noted() -> bool:
    """Whether a signal arrived while files were being written."""
    return _noted.is_set()
