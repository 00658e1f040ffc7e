"""Writing files so that a failed or interrupted write never leaves half a
file behind nor damages the previous one (standard library only)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(
    path: str | os.PathLike[str], save: Callable[[str], object]
) -> Path:
    """Call ``save(tmp)`` on a temporary file beside ``path``, then rename
    it over ``path``; on any failure the temporary file is removed and
    ``path`` is untouched. The file gets the usual permissions (0666 less
    the umask), not the private ones of a temporary file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=folder
    )
    os.close(fd)
    try:
        save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
