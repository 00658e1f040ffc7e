"""Readers of scenario and schedule workbooks, the template, and the
bundled Hanoi 2025 sample."""

from .scenario_reader import ReadResult, load_scenario, read_scenario

__all__ = ["ReadResult", "load_scenario", "read_scenario"]
