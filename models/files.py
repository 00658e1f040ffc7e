"""Writing files so that a failed or interrupted write never leaves half a
file behind nor damages the previous one (standard library only)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(path, save: Callable[[str], None]) -> Path:
    """Call ``save(tmp)`` on a temporary file beside ``path``, then rename
    it over ``path``; on any failure the temporary file is removed and
    ``path`` is untouched. The file gets the usual permissions (0666 less
    the umask), not the private ones of a temporary file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=folder
    )
    os.close(fd)
    try:
        save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
