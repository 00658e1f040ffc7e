"""The package's public entry points, in a fresh interpreter each, so that
no other test file's imports can hide an import-order trap."""

from __future__ import annotations

import subprocess
import sys

_TWICE = """
import scheduler
from tests.factory import tiny
s = tiny()
p = scheduler.SolveParams(time_limit=5, workers=1)
a = scheduler.solve(s, p)
import scheduler.search.solve  # the submodule must not rebind the name
b = scheduler.solve(s, p)
print(a.status, b.status)
"""


def test_public_solve_works_twice_whatever_was_imported_before():
    out = subprocess.run(
        [sys.executable, "-c", _TWICE],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out == ["OPTIMAL", "OPTIMAL"]
