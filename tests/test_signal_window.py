"""A signal between the program's start and its command's own handling
(while click parses the command line) ends like any other before a
file is written: exit 4 and the README's words, never click's
"Aborted!" with exit 1 (seen once in eight runs of
``tests/test_signals.py``, a SIGTERM 0.4 s after the start)."""

from __future__ import annotations

from click.testing import CliRunner

from scheduler import interrupts
from scheduler.cli import cli


def test_a_signal_before_the_command_is_kept_for_it(tmp_path):
    out = tmp_path / "sample.xlsx"
    interrupts.until_command()  # as the program does after its imports
    interrupts._on_signal()  # what the watcher does with a SIGTERM
    result = CliRunner().invoke(cli, ["sample", str(out)])
    assert result.exit_code == 4, result.output
    assert "Interrupted; nothing was written" in result.output
    assert not out.exists()
    # the next command (in this process) does not inherit it
    again = CliRunner().invoke(cli, ["sample", str(out)])
    assert again.exit_code == 0, again.output
    assert out.exists()
