"""Data flows one way: only ``scheduler`` imports ortools; ``models`` is
pure Python."""

from __future__ import annotations

import subprocess
import sys


def _loaded(module: str) -> set[str]:
    code = (
        f"import sys, {module}; "
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_models_is_pure_python():
    mods = _loaded("models, models.checker, models.objective")
    assert not mods & {"ortools", "pandas", "openpyxl"}


def test_inputs_and_outputs_do_not_import_ortools():
    assert "ortools" not in _loaded("inputs, inputs.schedule_reader")
    assert "ortools" not in _loaded("outputs.xlsx_writer")
