"""The ``scheduler`` command: parses, calls :mod:`scheduler.pipeline`,
prints."""

from .main import cli

__all__ = ["cli"]
