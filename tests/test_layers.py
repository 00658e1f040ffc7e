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
    mods = _loaded("models, models.checker, models.objective, models.titles")
    assert not mods & {"ortools", "pandas", "openpyxl"}


def test_inputs_and_outputs_do_not_import_ortools():
    assert "ortools" not in _loaded("inputs, inputs.schedule_reader")
    assert "ortools" not in _loaded("outputs.xlsx_writer")


def _imports(root: str) -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere in its body)."""
    import ast
    from pathlib import Path

    base = Path(__file__).resolve().parent.parent
    graph: dict[str, set[str]] = {}
    files = sorted((base / root).rglob("*.py"))
    names = {}
    for f in files:
        parts = list(f.relative_to(base).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        names[f] = (".".join(parts), is_pkg)
    known = {n for n, _ in names.values()}
    for f, (mod, is_pkg) in names.items():
        package = mod if is_pkg else mod.rsplit(".", 1)[0]
        out = graph.setdefault(mod, set())
        for node in ast.walk(ast.parse(f.read_text())):
            targets = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    up = package.split(".")
                    up = up[: len(up) - (node.level - 1)]
                    stem = ".".join([*up, node.module] if node.module else up)
                else:
                    stem = node.module or ""
                targets = [stem] + [f"{stem}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for t in targets:
                if t in known and t != mod:
                    out.add(t)
    return graph


def test_scheduler_imports_have_no_cycle():
    """No module of ``scheduler`` imports, directly or not, a module that
    imports it back (package ``__init__`` re-exports aside)."""
    graph = _imports("scheduler")
    inits = {m for m in graph if m.count(".") <= 1 and m == "scheduler"}
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        seen[m] = 1
        stack.append(m)
        for n in graph.get(m, ()):
            if n in inits:
                continue
            if seen.get(n) == 1:
                raise AssertionError(" -> ".join([*stack, n]))
            if n not in seen:
                visit(n)
        stack.pop()
        seen[m] = 2

    for m in graph:
        if m not in seen:
            visit(m)


def test_the_command_line_only_parses_calls_and_prints():
    """``scheduler/cli`` reaches the engine through ``scheduler.pipeline``
    (and the parameter and error records), never its parts."""
    allowed = {
        "scheduler.pipeline",
        "scheduler.errors",
        "scheduler.interrupts",
        "scheduler.launch",  # when the program began (--time-limit)
        "scheduler.search.params",
    }
    for mod, deps in _imports("scheduler").items():
        if not mod.startswith("scheduler.cli"):
            continue
        engine = {
            d
            for d in deps
            if d.startswith("scheduler.") and not d.startswith("scheduler.cli")
        }
        assert engine <= allowed, (mod, engine - allowed)
