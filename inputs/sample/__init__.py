"""The bundled Hanoi 2025 sample scenario (package data)."""

from __future__ import annotations

from pathlib import Path

SAMPLE_FILE = "hanoi2025.xlsx"


def sample_path() -> Path:
    """Path of the bundled sample workbook."""
    return Path(__file__).resolve().parent / SAMPLE_FILE
