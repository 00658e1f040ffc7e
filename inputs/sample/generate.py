"""Regenerate the bundled sample workbook:
``python -m inputs.sample.generate [PATH]``."""

from __future__ import annotations

import sys
from pathlib import Path

from inputs.sample import sample_path
from inputs.sample.hanoi2025 import NOTES, build_hanoi_scenario
from inputs.scenario_writer import write_scenario


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else sample_path()
    write_scenario(build_hanoi_scenario(), path, notes=NOTES)
    print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
