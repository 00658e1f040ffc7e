"""Reading a running ``scheduler solve --log`` from the tests."""

from __future__ import annotations

import re
import subprocess
import time

#: A CP-SAT log line announcing a solution ("#1   0.45s best:...").
SOLUTION_LINE = re.compile(r"#\d+\s")


def until_first_solution(proc: subprocess.Popen, seconds: float = 90) -> str:
    """Read ``proc``'s stderr (the CP-SAT log, ``--log``) until its first
    solution line and return what was read: the search is running then
    and far from its proof on any machine (a fixed sleep let a fast
    machine finish before a signal was sent)."""
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        if SOLUTION_LINE.match(line):
            return "".join(seen)
    raise AssertionError("no solution logged:\n" + "".join(seen[-20:]))
