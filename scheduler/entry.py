"""The ``scheduler`` program: Ctrl-C and SIGTERM are handled
(:mod:`scheduler.interrupts`) before the command line is even imported,
so a signal at any moment ends with the README's exit codes and words,
never a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    from . import interrupts

    interrupts.install()
    try:
        from .cli import cli
    except KeyboardInterrupt:
        print("Interrupted; nothing was written.", file=sys.stderr)
        sys.exit(4)
    cli(prog_name="scheduler")
