"""The Changes sheet of a what-if run, and the ``diff`` workbook."""

from __future__ import annotations

from models.changes import Change

CHANGE_COLUMNS = [
    "change",
    "item_id",
    "kind",
    "title",
    "old_start",
    "old_end",
    "old_room",
    "new_start",
    "new_end",
    "new_room",
    "shift_minutes",
    "tell",
    "reason",
]


def change_rows(changes: list[Change]) -> list[list]:
    return [
        [
            c.change,
            c.item_id,
            c.kind,
            c.title,
            c.old_start,
            c.old_end,
            c.old_room,
            c.new_start,
            c.new_end,
            c.new_room,
            c.shift_minutes,
            "; ".join(c.tell),
            c.reason,
        ]
        for c in changes
    ]


def change_lines(changes: list[Change]) -> list[str]:
    """One line per change, for the terminal."""
    out = []
    for c in changes:
        who = f" — tell {', '.join(c.tell)}" if c.tell else ""
        if c.change == "moved":
            out.append(
                f"moved     {c.item_id}: {c.old_start:%d %b %H:%M} "
                f"{c.old_room} -> {c.new_start:%d %b %H:%M} "
                f"{c.new_room}{who}"
            )
        elif c.change == "added":
            out.append(
                f"added     {c.item_id}: {c.new_start:%d %b %H:%M} "
                f"{c.new_room}{who}"
            )
        else:
            out.append(
                f"{c.change:<9} {c.item_id}: was "
                f"{c.old_start:%d %b %H:%M} {c.old_room} "
                f"({c.reason}){who}"
            )
    return out
