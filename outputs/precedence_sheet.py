"""The Precedence sheet: the order of precedence as a deliverable.

A protocol officer checks every list against it before the day. Three
parts, one table (filter on ``list``), each opened by a heading row that
names its rule:

- the **master order** (``MASTER``) of every head present, and every
  co-chair, with the setting's tie-break: rank, role, the value the
  tie-break reads, and what decided each place against the one before;
- each **list** (welcome line, order of signature, speakers list, by its
  sequence id) in the order the engine must follow, its rule named
  (order, tie-break, late policy); members who stand with the host are
  shown as not queued;
- the **flag order** (``FLAGS``): the host first, then English
  alphabetical order, from the lot letter when the setting draws one.

:func:`precedence_rows` gives the rows (pure); :func:`add_precedence_sheet`
writes them with the workbook's table writer, printed like every table
(the scenario's paper, 100 %, the header on every page).
"""

from __future__ import annotations

from models import Scenario
from models.precedence import (
    GUEST_OF_HONOUR,
    HOST_SIDE,
    alphabetical_key,
    deciding,
    parse_tiebreak,
)

PRECEDENCE_COLUMNS = [
    "list",
    "position",
    "delegation_id",
    "delegation",
    "person",
    "rank",
    "role",
    "tiebreak_value",
    "decided_by",
]
#: The column a heading row writes its text in (it runs on to the right).
HEADING_COLUMN = "delegation"

MASTER = "MASTER"
FLAGS = "FLAGS"


def _role(s: Scenario, pid: str) -> str:
    p = s.persons[pid]
    d = s.delegation_by_id.get(p.delegation_id)
    if p.role:
        return p.role
    if d is not None and d.role:
        return d.role
    return "host" if d is not None and d.kind == "host" else ""


def _delegation(s: Scenario, pid: str):
    return s.delegation_by_id.get(s.persons[pid].delegation_id)


def _tie_value(s: Scenario, pid: str, tiebreak: str) -> str:
    """The value the tie-break reads for ``pid``."""
    kind, lot = parse_tiebreak(tiebreak)
    d = _delegation(s, pid)
    name = d.name if d else s.persons[pid].name
    if kind == "seniority":
        p = s.persons[pid]
        since = d.head_since if (d and p.is_head) else None
        return f"in office since {since:%Y-%m-%d}" if since else "no date"
    if kind == "registration":
        on = d.confirmed_on if d else None
        return f"registered {on:%Y-%m-%d}" if on else "no date"
    if kind == "lot":
        return f"{name} (from {lot})"
    return name


def _rule_text(tiebreak: str, order: str) -> str:
    text = (
        "host side, then guests of honour, then other guests; within "
        f"each, rank, then {tiebreak}"
    )
    if order == "reverse_precedence":
        return f"the reverse of: {text} (the most senior last)"
    return text


def heading(list_id: str, text: str) -> dict:
    """The row that opens one part of the sheet."""
    row = dict.fromkeys(PRECEDENCE_COLUMNS)
    row["list"] = list_id
    row[HEADING_COLUMN] = text
    return row


def _person_row(s, list_id, position, pid, tiebreak, decided) -> dict:
    d = _delegation(s, pid)
    p = s.persons[pid]
    return {
        "list": list_id,
        "position": position,
        "delegation_id": p.delegation_id,
        "delegation": d.name if d else "",
        "person": p.name,
        "rank": p.rank,
        "role": _role(s, pid),
        "tiebreak_value": _tie_value(s, pid, tiebreak),
        "decided_by": decided,
    }


def _decided(
    s: Scenario, tiebreak: str, prev: str | None, pid: str, reverse=False
) -> str:
    """What puts ``prev`` before ``pid`` in the list, in words: what makes
    ``prev`` more senior (a precedence list) or ``pid`` more senior
    (``reverse``: the most senior last)."""
    if prev is None:
        return "first"
    senior, junior = (pid, prev) if reverse else (prev, pid)
    key = s.key_for(tiebreak)
    what = deciding(tiebreak, key(senior), key(junior))
    where = "last" if reverse else "first"
    if what == "side":
        side = s.side(senior)
        return {
            HOST_SIDE: f"side: host side {where}",
            GUEST_OF_HONOUR: f"side: guest of honour {where}",
        }.get(side, "side")
    return f"{what}, the more senior {'later' if reverse else 'first'}"


def master_rows(s: Scenario) -> list[dict]:
    """Every head of a confirmed delegation, and every co-chair, in the
    order of precedence with the setting's tie-break."""
    tiebreak = s.settings.precedence_tiebreak
    pids = list(s.heads) + [
        p.person_id
        for p in s.people
        if p.role == "co_chair" and s.is_active(p.person_id)
    ]
    pids.sort(key=s.key_for(tiebreak))
    rows = [
        heading(
            MASTER,
            "Master order of precedence: "
            + _rule_text(tiebreak, "precedence"),
        )
    ]
    prev = None
    for k, pid in enumerate(pids, start=1):
        decided = _decided(s, tiebreak, prev, pid)
        rows.append(_person_row(s, MASTER, k, pid, tiebreak, decided))
        prev = pid
    return rows


def list_rows(s: Scenario, sequence_id: str) -> list[dict]:
    """One list in the order the engine must follow (no member late)."""
    seq = s.sequence_by_id[sequence_id]
    tiebreak = s.tiebreak_of(sequence_id)
    late = seq.late_policy or "end"
    rows = [
        heading(
            sequence_id,
            f"{seq.title} ({seq.order}): {_rule_text(tiebreak, seq.order)}"
            f"; fixed positions first; late policy {late}",
        )
    ]
    fixed = {
        s.resolve(m.member): m.position
        for m in s.members_of(sequence_id)
        if m.position is not None
    }
    order = s.queue_order(sequence_id)
    reverse = seq.order == "reverse_precedence"
    prev = None
    for k, pid in enumerate(order, start=1):
        if pid in fixed:
            decided = f"fixed position {fixed[pid]}"
        elif prev is not None and prev in fixed:
            decided = "first after the fixed positions"
        else:
            decided = _decided(s, tiebreak, prev, pid, reverse)
        rows.append(_person_row(s, sequence_id, k, pid, tiebreak, decided))
        prev = pid
    for m in s.members_of(sequence_id):
        pid = s.resolve(m.member)
        if pid is None or not s.is_active(pid) or pid in order:
            continue
        rows.append(
            _person_row(
                s,
                sequence_id,
                None,
                pid,
                tiebreak,
                "not queued: stands with the host",
            )
        )
    return rows


def flag_rows(s: Scenario) -> list[dict]:
    """Every confirmed delegation's flag: the host's first, then English
    alphabetical order, from the setting's lot letter when it draws one."""
    kind, lot = parse_tiebreak(s.settings.precedence_tiebreak)
    lot = lot if kind == "lot" else None
    dels = [d for d in s.delegations if d.confirmed]
    dels.sort(
        key=lambda d: (
            d.kind != "host",
            alphabetical_key(d.name, lot),
            d.delegation_id,
        )
    )
    rows = [
        heading(
            FLAGS,
            "Flag order: the host first, then English alphabetical order"
            + (f" from the lot letter {lot}" if lot else ""),
        )
    ]
    for k, d in enumerate(dels, start=1):
        rows.append(
            {
                "list": FLAGS,
                "position": k,
                "delegation_id": d.delegation_id,
                "delegation": d.name,
                "person": "",
                "rank": "",
                "role": d.role or ("host" if d.kind == "host" else ""),
                "tiebreak_value": d.name,
                "decided_by": "host" if d.kind == "host" else "alphabetical",
            }
        )
    return rows


def precedence_rows(s: Scenario) -> list[dict]:
    """The whole sheet: master order, each list, flag order, each part
    opened by its heading row (:func:`heading`)."""
    rows = master_rows(s)
    for seq in s.sequences:
        rows += list_rows(s, seq.sequence_id)
    return rows + flag_rows(s)


def is_heading(row: dict) -> bool:
    return row["position"] is None and row["delegation_id"] is None


def add_precedence_sheet(wb, s: Scenario, add_table) -> None:
    """Write the Precedence sheet with ``add_table`` (the workbook's
    table writer), headings in bold."""
    rows = precedence_rows(s)
    add_table(
        wb,
        "Precedence",
        PRECEDENCE_COLUMNS,
        rows,
        widths={
            "list": 10,
            "position": 9,
            "delegation_id": 12,
            "delegation": 32,
            "person": 46,
            "rank": 7,
            "role": 16,
            "tiebreak_value": 26,
            "decided_by": 34,
        },
        bold_rows=lambda values: is_heading(
            dict(zip(PRECEDENCE_COLUMNS, values, strict=True))
        ),
    )
