"""Writing files so that a failed or interrupted write never leaves half a
file behind nor damages the previous one (standard library only)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(
    path: str | os.PathLike[str], save: Callable[[str], object]
) -> Path:
    """Call ``save(tmp)`` on a temporary file beside ``path``, then rename
    it over ``path``; on any failure (an interruption included) the
    temporary file is removed and ``path`` is untouched.

    The file keeps the permissions of the file it replaces (a private
    schedule of mode 600 stays 600); a new file gets the usual ones (0666
    less the umask), not the private ones of a temporary file. A link at
    ``path`` is replaced by the file, never followed into another folder.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    mode = _mode_to_keep(target)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=folder
    )
    os.close(fd)
    try:
        save(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _mode_to_keep(path: Path) -> int:
    """The permission bits of the file at ``path``, or those of a new
    file (0666 less the umask)."""
    try:
        st = os.stat(path)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    return stat.S_IMODE(st.st_mode)
