"""Where a file may be written: :func:`models.files.write_refusal`."""

from __future__ import annotations

import os

from models.files import TEMPORARY_EXTRA, atomic_write, write_refusal


def test_a_new_file_in_an_existing_folder_may_be_written(tmp_path):
    assert write_refusal(tmp_path / "schedule.xlsx") is None
    assert list(tmp_path.iterdir()) == []  # the probe left nothing behind


def test_an_existing_file_and_a_link_may_be_replaced(tmp_path):
    (tmp_path / "old.xlsx").write_bytes(b"x")
    (tmp_path / "link.xlsx").symlink_to(tmp_path / "old.xlsx")
    assert write_refusal(tmp_path / "old.xlsx") is None
    assert write_refusal(tmp_path / "link.xlsx") is None


def test_a_missing_folder_is_refused(tmp_path):
    said = write_refusal(tmp_path / "nowhere" / "schedule.xlsx")
    assert said is not None and "does not exist" in said


def test_a_folder_is_refused(tmp_path):
    said = write_refusal(tmp_path)
    assert said is not None and "folder" in said


def test_a_pipe_is_refused_and_left_a_pipe(tmp_path):
    """Renaming a file over a pipe or a device (``/dev/null``, for a
    user allowed to) replaces the node itself: never done."""
    pipe = tmp_path / "out.xlsx"
    os.mkfifo(pipe)
    said = write_refusal(pipe)
    assert said is not None and "device, pipe or socket" in said
    assert not pipe.is_file()


def test_a_device_is_refused():
    said = write_refusal("/dev/null")
    assert said is not None and "device, pipe or socket" in said


def test_a_name_too_long_for_the_temporary_file_is_refused(tmp_path):
    longest = os.pathconf(tmp_path, "PC_NAME_MAX")
    fits = "a" * (longest - TEMPORARY_EXTRA - 5) + ".xlsx"
    assert write_refusal(tmp_path / fits) is None
    atomic_write(tmp_path / fits, lambda tmp: open(tmp, "wb").close())
    said = write_refusal(tmp_path / ("a" + fits))
    assert said is not None and "bytes long" in said


def test_a_folder_that_takes_no_file_is_refused_before_any_work():
    # /proc refuses every new file, even to root (no permission bits say so)
    said = write_refusal("/proc/schedule.xlsx")
    assert said is not None and "takes no new file" in said
