"""The Precedence sheet: master order, every list with its rule, the flag
order; printable on A4 (issue 18). In the public copy, only the public
lists, and the master and flag orders of whom the public items name: no
sheet of that copy names a list it leaves out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from openpyxl import load_workbook

from models import Person, Sequence, SequenceMember
from models.checker import check
from models.records.schedule import Assignment, Schedule
from outputs.precedence_sheet import (
    FLAGS,
    MASTER,
    PRECEDENCE_COLUMNS,
    is_heading,
    precedence_rows,
)
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at, delegation, settings, tiny
from tests.leaks import leaks, secrets, workbook_texts

from .schedules import sec
from .secret_queues import (
    SECRET_WORDS,
    secret_queue_scenario,
    secret_queue_schedule,
)


def _scenario():
    host = replace(delegation("VNM", "HOS", name="Viet Nam"), kind="host")
    dels = (
        host,
        delegation("AGO", "HOS", name="Angola", head_since=date(2017, 9, 26)),
        replace(
            delegation(
                "LAO", "HOS", name="Lao PDR", head_since=date(2021, 3, 22)
            ),
            role="guest_of_honour",
        ),
        delegation("CIV", "FM", name="Côte d'Ivoire"),
        delegation("CRI", "FM", name="Costa Rica"),
        delegation("HRV", "FM", name="Croatia"),
        replace(
            delegation("UN", "IOH", name="United Nations"),
            kind="organization",
        ),
    )
    sg = Person("UNSG", "António Guterres", "UN", "VP", role="co_chair")
    win = {"earliest": at("09:00"), "latest": at("11:00")}
    seqs = (
        Sequence(
            "WL",
            "Welcome line",
            "HALL",
            "reverse_precedence",
            30,
            tiebreak="seniority",
            **win,
        ),
        Sequence(
            "SIGN",
            "Signature",
            "HALL",
            "precedence",
            90,
            tiebreak="lot:D",
            **win,
        ),
    )
    members = (
        *(
            SequenceMember("WL", d)
            for d in ("AGO", "LAO", "CIV", "CRI", "HRV")
        ),
        SequenceMember("WL", "UNSG"),
        SequenceMember("SIGN", "VNM", position=1),
        *(
            SequenceMember("SIGN", d)
            for d in ("AGO", "LAO", "CIV", "CRI", "HRV")
        ),
    )
    return tiny(
        settings=settings(precedence_tiebreak="lot:C"),
        delegations=dels,
        people=(sg,),
        sequences=seqs,
        members=members,
    )


def _part(rows, name):
    """The rows of one part, its heading first."""
    part = [r for r in rows if r["list"] == name]
    assert is_heading(part[0])
    return part[1:]


def _heading(rows, name):
    return next(r for r in rows if r["list"] == name)["delegation"]


def test_master_order_of_every_head_present():
    rows = _part(precedence_rows(_scenario()), MASTER)
    assert [(r["delegation_id"], r["decided_by"]) for r in rows] == [
        ("VNM", "first"),
        ("UN", "rank, the more senior first"),  # the co-chair, rank VP
        ("LAO", "side: host side first"),  # guest of honour
        ("AGO", "side: guest of honour first"),
        ("CRI", "rank, the more senior first"),
        ("CIV", "alphabetical from lot letter C, the more senior first"),
        ("HRV", "alphabetical from lot letter C, the more senior first"),
        ("UN", "rank, the more senior first"),  # the UN's own head, IOH
    ]
    assert rows[1]["person"] == "António Guterres"
    assert (
        rows[1]["role"] == "co_chair" and rows[2]["role"] == "guest_of_honour"
    )
    assert [r["position"] for r in rows] == list(range(1, 9))
    assert rows[5]["tiebreak_value"] == "Côte d'Ivoire (from C)"


def test_each_list_with_its_rule():
    rows = precedence_rows(_scenario())
    wl = _part(rows, "WL")
    assert [(r["delegation_id"], r["decided_by"]) for r in wl] == [
        ("HRV", "first"),
        ("CIV", "alphabetical, the more senior later"),
        ("CRI", "alphabetical, the more senior later"),
        ("AGO", "rank, the more senior later"),
        ("LAO", "side: guest of honour last"),
        ("UN", "not queued: stands with the host"),  # the co-chair
    ]
    assert wl[-1]["person"] == "António Guterres"
    assert wl[-1]["position"] is None
    assert wl[3]["tiebreak_value"] == "in office since 2017-09-26"
    rule = _heading(rows, "WL")
    assert rule.startswith("Welcome line (reverse_precedence): the reverse")
    assert "seniority" in rule
    sign = _part(rows, "SIGN")
    assert [(r["delegation_id"], r["decided_by"]) for r in sign][:3] == [
        ("VNM", "fixed position 1"),
        ("LAO", "first after the fixed positions"),
        ("AGO", "side: guest of honour first"),
    ]
    rule = _heading(rows, "SIGN")
    assert "lot:D" in rule and rule.endswith("late policy end")


def test_flag_order_host_first_then_alphabetical_from_the_lot():
    flags = _part(precedence_rows(_scenario()), FLAGS)
    assert [r["delegation"] for r in flags] == [
        "Viet Nam",
        "Costa Rica",
        "Côte d'Ivoire",
        "Croatia",
        "Lao PDR",
        "United Nations",
        "Angola",
    ]
    assert _heading(precedence_rows(_scenario()), FLAGS).endswith(
        "from the lot letter C"
    )


def test_sheet_prints_on_a4(tmp_path):
    s = _scenario()
    path = write_schedule_workbook(s, Schedule(()), tmp_path / "s.xlsx")
    ws = load_workbook(path)["Precedence"]
    assert [c.value for c in ws[1]] == PRECEDENCE_COLUMNS
    # printed like every table: the scenario's paper (A4 by default) at
    # 100 %, the header row on every page, page x of y
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert int(ws.page_setup.scale) == 100
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows in ("1:1", "$1:$1")
    assert ws.oddFooter.center.text.startswith("Page &P of ")
    # heading rows in bold, in the font every style names
    bold = [r for r in ws.iter_rows(min_row=2) if r[0].font.b]
    assert bold and all(c.font.name == "Arial" for c in bold[0])


def _words_in(path, words=SECRET_WORDS) -> set[str]:
    """Which of ``words`` some text of the workbook at ``path`` holds
    (any cell of any sheet, sheet names, headers and footers)."""
    return {w for _, text in workbook_texts(path) for w in words if w in text}


def test_the_public_copy_names_no_list_it_does_not_show(tmp_path):
    # a list held inside a restricted event and one held inside no event:
    # neither id, title nor member may be read in any sheet
    s = secret_queue_scenario()
    sched = secret_queue_schedule(s)
    full = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    pub = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    # the full copy names them all: the check can fail
    assert _words_in(full) == set(SECRET_WORDS)
    assert _words_in(pub) == set()


def _parts(rows) -> list[str]:
    return [r["list"] for r in rows if is_heading(r)]


def test_public_rows_are_the_public_lists_and_the_people_they_name():
    s = secret_queue_scenario()
    sched = secret_queue_schedule(s)
    assert _parts(precedence_rows(s)) == [MASTER, "Q", "SECQ", "SECQ2", FLAGS]
    rows = precedence_rows(s, sched, audience="public")
    assert _parts(rows) == [MASTER, "Q", FLAGS]
    # the master order and the flags: only who the public copy names
    # (the opening's heads, the list's members), not everyone present
    assert [r["delegation_id"] for r in _part(rows, MASTER)] == ["FRA", "DEU"]
    assert [r["delegation"] for r in _part(rows, FLAGS)] == [
        "France",
        "Germany",
    ]
    assert "named in this copy" in _heading(rows, MASTER)
    assert "named in this copy" in _heading(rows, FLAGS)
    # a public list reads as in the full copy
    full = precedence_rows(s)
    assert _part(rows, "Q") == _part(full, "Q")
    assert _heading(rows, "Q") == _heading(full, "Q")


def test_a_public_list_does_not_name_the_list_its_late_members_join():
    s = secret_queue_scenario()
    s = replace(
        s,
        sequences=tuple(
            replace(q, late_policy="move:SECQ2") if q.sequence_id == "Q" else q
            for q in s.sequences
        ),
    )
    full = precedence_rows(s)
    assert _heading(full, "Q").endswith("late policy move:SECQ2")
    rows = precedence_rows(s, secret_queue_schedule(s), audience="public")
    assert _heading(rows, "Q").endswith("late policy move")
    assert not any("SECQ" in str(v) for r in rows for v in r.values())


def test_the_public_copy_fails_closed_without_a_schedule():
    # no schedule: only the public lists' members are named
    s = secret_queue_scenario()
    rows = precedence_rows(s, None, audience="public")
    assert _parts(rows) == [MASTER, "Q", FLAGS]
    assert {r["delegation_id"] for r in _part(rows, MASTER)} == {"FRA", "DEU"}


def test_a_member_moved_from_a_list_left_out_is_not_told_of(tmp_path):
    # FRA-SEC leaves at 10:45, before his turn in the restricted list
    # SECQ, whose late members move to the public list Q: his slot in Q
    # is public, the list and the turn he missed are not
    s = secret_queue_scenario()
    s = replace(
        s,
        sequences=tuple(
            replace(q, late_policy="move:Q") if q.sequence_id == "SECQ" else q
            for q in s.sequences
        ),
        people=tuple(
            replace(p, available_to=at("10:45"))
            if p.person_id == "FRA-SEC"
            else p
            for p in s.people
        ),
    )
    moved = s.item_by_id["S:Q:FRA-SEC"]
    rows = [
        replace(a, start=sec("09:33:00"), end=sec("09:33:45"), position=3)
        if a.item_id == "S:Q:DEU"
        else a
        for a in secret_queue_schedule(s).assignments
        if a.item_id != "S:SECQ:FRA-SEC"
    ]
    rows.append(
        Assignment(
            moved.item_id,
            "sequence",
            "Q",
            moved.title,
            sec("09:31:30"),
            sec("09:33:00"),
            "HALL",
            "NCC",
            ("FRA-SEC",),
            position=2,
            note="moved from SECQ",
        )
    )
    sched = replace(secret_queue_schedule(s), assignments=tuple(rows))
    assert check(s, sched) == []
    secret = secrets(s, sched)
    full = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    protocol = [f for f in leaks(workbook_texts(full), secret) if "SECQ" in f]
    assert any(f.startswith("Protocol!M") for f in protocol)  # can fail
    pub = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    assert leaks(workbook_texts(pub), secret) == []
    ws = load_workbook(pub)["Protocol"]
    names = [r[7] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert "Jean-Luc Vautrin" in names  # his slot in Q is public
