"""The ``scheduler`` program: Ctrl-C and SIGTERM are handled
(:mod:`scheduler.interrupts`) before the command line is even imported,
so a signal at any moment ends with the README's exit codes and words,
never a traceback. While the command line is imported a signal is held
until the import is whole."""

from __future__ import annotations

import sys


def main() -> None:
    from . import launch

    launch.mark()
    from . import interrupts

    interrupts.install()
    try:
        # a signal now waits for the import to finish: one raised inside
        # an extension module's initialisation (ortools') would come out
        # as "ImportError: initialization failed", with a traceback
        with interrupts.deferred():
            from .cli import cli

            # and from the end of the import to the command's own
            # handling (click's parsing of the command line between): a
            # signal is kept for the command, which ends with exit 4
            interrupts.until_command()
    except KeyboardInterrupt:
        # (a program that could not install the handlers)
        interrupted = True
    else:
        interrupted = interrupts.noted()
    if interrupted:
        print("Interrupted; nothing was written.", file=sys.stderr)
        sys.exit(4)
    cli(prog_name="scheduler")
