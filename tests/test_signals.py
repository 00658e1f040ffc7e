"""Ctrl-C and SIGTERM at any step of ``scheduler solve`` (issue 14): no
temporary file left, never a traceback, and the README's exit codes:
4 when nothing was written, 0 with the best schedule so far written and
said so."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cpsat_log import until_first_solution

pytestmark = pytest.mark.slow


def _start(tmp_path: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scheduler",
            "solve",
            "-o",
            str(tmp_path / "s.xlsx"),
            "--time-limit",
            "60",
            "--workers",
            "1",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _end(proc: subprocess.Popen, tmp_path: Path) -> tuple[int, str]:
    out, err = proc.communicate(timeout=120)
    text = out + err
    assert "Traceback" not in text and "Aborted" not in text, text
    left = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert left == [], left
    return proc.returncode, text


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_loading_writes_nothing(sig, tmp_path):
    proc = _start(tmp_path)
    time.sleep(0.4)  # importing and reading the sample
    proc.send_signal(sig)
    code, text = _end(proc, tmp_path)
    if code == 0:  # the machine was quick: it was already searching
        assert "best schedule found so far" in text
    else:
        assert code == 4, text
        assert "nothing was written" in text
        assert not (tmp_path / "s.xlsx").exists()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_searching_writes_the_best_so_far(sig, tmp_path):
    # two workers search on the clock (one stops early, on work done)
    proc = _start(tmp_path, "--workers", "2", "--log")
    assert proc.stderr.readline().startswith("Solving")
    seen = until_first_solution(proc)
    proc.send_signal(sig)
    code, text = _end(proc, tmp_path)
    text = seen + text
    assert code == 0, text
    assert "best schedule found so far" in text
    load_workbook(tmp_path / "s.xlsx")  # whole


def test_sigterm_while_writing_finishes_the_files_first(tmp_path):
    proc = _start(
        tmp_path, "--time-limit", "15", "--ics", str(tmp_path / "ics")
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            proc.send_signal(signal.SIGTERM)
            break
        time.sleep(0.01)
    code, text = _end(proc, tmp_path)
    assert code == 0, text
    load_workbook(tmp_path / "s.xlsx")
    assert not list((tmp_path / "ics").glob(".*.tmp"))


#: ``scheduler solve`` whose command line takes 3 s to import (a finder
#: that sleeps before the import of ``scheduler.cli``, then says so): as
#: slow as a fresh install that compiles every module first.
_SLOW_IMPORT = """
import sys, time
class Slow:
    def find_spec(self, name, path, target=None):
        if name == "scheduler.cli":
            time.sleep(3)
            print("import went on", file=sys.stderr, flush=True)
        return None
sys.meta_path.insert(0, Slow())
sys.argv = ["scheduler", "solve", "-o", sys.argv[1]]
from scheduler.entry import main
main()
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_importing_waits_for_the_import(sig, tmp_path):
    """A signal while the program is still importing ends it with exit
    4 and no traceback once the import is whole: one raised inside
    ortools' initialisation came out as "ImportError: initialization
    failed" (seen on a fresh install)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_IMPORT, str(tmp_path / "s.xlsx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    proc.send_signal(sig)
    code, text = _end(proc, tmp_path)
    assert code == 4, text
    assert "import went on" in text
    assert "Interrupted; nothing was written." in text
    assert not (tmp_path / "s.xlsx").exists()


def test_an_import_stopped_by_a_signal_counts_as_the_signal():
    from scheduler.interrupts import caused_by_signal

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as stop:
            raise ImportError("initialization failed") from stop
    except ImportError as exc:
        assert caused_by_signal(exc)
    assert not caused_by_signal(ImportError("no module named x"))
    assert caused_by_signal(KeyboardInterrupt())
