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

The public copy (``audience`` = ``public``, the press copy) shows what
the rest of that copy shows, and no more (:mod:`models.audience`):

- only the **lists** held inside an event the scenario marks
  ``restricted`` = no and the schedule workbook does not mark
  (:func:`models.audience.shown_sequence_ids`), the lists whose queue
  slots its Schedule shows: a list inside a restricted event or inside
  no event (a motorcade, a closed receiving line) is left out, its id,
  title and members with it; a public list whose late
  members move to a list left out says ``late policy move`` without
  naming it;
- the **master order** and the **flag order** only of the people, and
  their delegations, that the public items name anyway
  (:func:`models.audience.public_person_ids`: the participants of its
  public rows, the members of its public lists). Both parts list
  everyone present in the full copy, and who came, and when, is not
  public (arrivals are restricted): a head who attends nothing public
  is no more in the press copy's order of precedence than on its
  Schedule. Each part's heading says so.
"""

from __future__ import annotations

from collections.abc import Collection

from models import Scenario
from models.audience import (
    AUDIENCES,
    public_person_ids,
    shown_sequence_ids,
)
from models.precedence import (
    GUEST_OF_HONOUR,
    HOST_SIDE,
    alphabetical_key,
    deciding,
    parse_tiebreak,
)
from models.records.schedule import Schedule

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
#: What the public copy's master order and flag order say they cover.
NAMED_ONLY = ", of those named in this copy"

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


def master_rows(
    s: Scenario, people: Collection[str] | None = None
) -> list[dict]:
    """Every head of a confirmed delegation, and every co-chair, in the
    order of precedence with the setting's tie-break; with ``people``
    (the public copy), only those among them."""
    tiebreak = s.settings.precedence_tiebreak
    pids = list(s.heads) + [
        p.person_id
        for p in s.people
        if p.role == "co_chair" and s.is_active(p.person_id)
    ]
    if people is not None:
        pids = [p for p in pids if p in people]
    pids.sort(key=s.key_for(tiebreak))
    rows = [
        heading(
            MASTER,
            "Master order of precedence"
            + (NAMED_ONLY if people is not None else "")
            + ": "
            + _rule_text(tiebreak, "precedence"),
        )
    ]
    prev = None
    for k, pid in enumerate(pids, start=1):
        decided = _decided(s, tiebreak, prev, pid)
        rows.append(_person_row(s, MASTER, k, pid, tiebreak, decided))
        prev = pid
    return rows


def list_rows(
    s: Scenario, sequence_id: str, shown: Collection[str] | None = None
) -> list[dict]:
    """One list in the order the engine must follow (no member late).
    ``shown``: the lists of this copy (``None``: all); the list late
    members move to is named only if it is one of them."""
    seq = s.sequence_by_id[sequence_id]
    tiebreak = s.tiebreak_of(sequence_id)
    late = seq.late_policy or "end"
    if shown is not None and seq.late == "move" and seq.move_to not in shown:
        late = "move"
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


def flag_rows(
    s: Scenario, delegations: Collection[str] | None = None
) -> list[dict]:
    """Every confirmed delegation's flag: the host's first, then English
    alphabetical order, from the setting's lot letter when it draws one;
    with ``delegations`` (the public copy), only those among them."""
    kind, lot = parse_tiebreak(s.settings.precedence_tiebreak)
    lot = lot if kind == "lot" else None
    dels = [
        d
        for d in s.delegations
        if d.confirmed
        and (delegations is None or d.delegation_id in delegations)
    ]
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
            "Flag order"
            + (NAMED_ONLY if delegations is not None else "")
            + ": the host first, then English alphabetical order"
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


def precedence_rows(
    s: Scenario, schedule: Schedule | None = None, audience: str = "full"
) -> list[dict]:
    """The whole sheet: master order, each list, flag order, each part
    opened by its heading row (:func:`heading`). The ``public`` audience
    gets the public lists only, and the master and flag orders of the
    people its items name (see the module's docstring); ``schedule``
    (the full one: :func:`models.audience.public_person_ids`) gives
    those items' participants, and is read for the public audience
    only."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    if audience == "full":
        rows = master_rows(s)
        for seq in s.sequences:
            rows += list_rows(s, seq.sequence_id)
        return rows + flag_rows(s)
    lists = shown_sequence_ids(s, schedule)
    people = public_person_ids(s, schedule)
    rows = master_rows(s, people)
    for seq in s.sequences:
        if seq.sequence_id in lists:
            rows += list_rows(s, seq.sequence_id, lists)
    named = {s.persons[pid].delegation_id for pid in people}
    return rows + flag_rows(s, named)


def is_heading(row: dict) -> bool:
    return row["position"] is None and row["delegation_id"] is None


def add_precedence_sheet(
    wb,
    s: Scenario,
    add_table,
    schedule: Schedule | None = None,
    audience: str = "full",
) -> None:
    """Write the Precedence sheet for ``audience`` with ``add_table``
    (the workbook's table writer), headings in bold (see
    :func:`precedence_rows`)."""
    rows = precedence_rows(s, schedule, audience)
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
