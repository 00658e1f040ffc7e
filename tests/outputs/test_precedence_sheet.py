"""The Precedence sheet: master order, every list with its rule, the flag
order; printable on A4 (issue 18)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from openpyxl import load_workbook

from models import Person, Sequence, SequenceMember
from models.records.schedule import Schedule
from outputs.precedence_sheet import (
    FLAGS,
    MASTER,
    PRECEDENCE_COLUMNS,
    is_heading,
    precedence_rows,
)
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at, delegation, settings, tiny


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
