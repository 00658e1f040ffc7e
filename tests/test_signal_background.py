"""SIGTERM reaches a program started in the background, where a shell
starts it with SIGINT ignored (`scheduler solve ... &` in a script)."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import os, signal, time
signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell's background job
from scheduler import interrupts
interrupts.install()
os.kill(os.getpid(), signal.SIGTERM)
try:
    began = time.monotonic()
    while time.monotonic() - began < 5:  # reading a workbook, say
        pass
    print("unheard")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_sigterm_interrupts_a_program_that_ignores_sigint():
    # the watcher interrupted the main thread through SIGINT's handler,
    # which such a program does not have: a SIGTERM while `scheduler
    # check` or `export` read their files went unheard (exit 0, files
    # written)
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "interrupted", done.stdout + done.stderr
