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


#: Characters :func:`atomic_write`'s temporary name adds to the file's
#: own: a dot before it, and a dot, eight random characters and ``.tmp``
#: after it (:func:`tempfile.mkstemp`).
TEMPORARY_EXTRA = 14
#: The longest file name when the file system does not say (most do).
NAME_MAX = 255


def write_refusal(path: str | os.PathLike[str]) -> str | None:
    """Why :func:`atomic_write` cannot or must not write ``path``, in
    words for the person who gave it; ``None`` when it may. Asked
    before a long run, so that it fails at once rather than after it.

    The folder must exist and take a new file (:func:`_takes_files`, the
    one thing written: an empty file, removed at once);
    ``path`` must not be a folder, nor a device, pipe or socket
    (renaming a file over ``/dev/null`` replaces the device itself for a
    user allowed to); the name, with the temporary file's extra
    characters, must fit the file system's longest name."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    name = os.fsencode(target.name)
    try:
        longest = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        longest = NAME_MAX
    if len(name) + TEMPORARY_EXTRA > longest:
        return (
            f"the file name is {len(name)} bytes long; at most "
            f"{longest - TEMPORARY_EXTRA} fit here"
        )
    try:
        if not folder.is_dir():
            return f"folder {folder} does not exist"
        st = os.lstat(target)
    except FileNotFoundError:
        return _takes_files(folder)
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISDIR(st.st_mode):
        return "it is a folder; give a file name"
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        return "it is a device, pipe or socket, not a file; give a file name"
    return _takes_files(folder)


def _takes_files(folder: Path) -> str | None:
    """Why ``folder`` takes no new file (``None``: it does), found by
    making an empty file there and removing it at once: a read-only or
    full file system, a folder the user may not write, ``/proc``; no
    permission bits say all of that. Named unlike :func:`atomic_write`'s
    temporary files, so nothing watching the folder takes it for a
    write under way."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".write-check.", dir=folder)
    except OSError as exc:
        return f"folder {folder} takes no new file ({exc.strerror or exc})"
    os.close(fd)
    Path(tmp).unlink(missing_ok=True)
    return None


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
