"""The type check CI runs (``mypy``, configured in pyproject.toml), run
with the tests too, so that a change that breaks it is seen before it
lands. Skipped where mypy is not installed (it comes with the ``test``
extra)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_nothing():
    run = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
