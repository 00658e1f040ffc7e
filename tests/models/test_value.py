"""The value of an optional item: 10 × priority plus the rank bonus of
its most senior guest; the host side's people do not count (issue 18)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models import BilateralRequest, Event, Person
from models.objective import __doc__ as OBJECTIVE_DOC
from models.records.items import rank_bonus, valued_guest
from models.records.schedule import Schedule
from outputs.views import BILATERAL_COLUMNS, bilateral_rows
from tests.factory import delegation, tiny


def _scenario():
    host = replace(delegation("VNM", "HOS", name="Viet Nam"), kind="host")
    un = replace(
        delegation("UN", "IOH", name="United Nations"), kind="organization"
    )
    people = (
        Person("PRES", "President", "VNM", "HOS"),
        Person("UNSG", "Secretary-General", "UN", "VP", role="co_chair"),
    )
    guests = (
        delegation("KEN", "VP", name="Kenya"),
        delegation("UGA", "HOG", name="Uganda"),
        delegation("BOL", "FM", name="Bolivia"),
        delegation("BGR", "VMIN", name="Bulgaria"),
    )
    bils = tuple(
        BilateralRequest(f"{a}-{b}", a, b, priority=4)
        for a, b in (
            ("PRES", "KEN"),
            ("PRES", "BGR"),
            ("UNSG", "KEN"),
            ("UNSG", "UGA"),
            ("UNSG", "BOL"),
            ("BOL", "BGR"),
        )
    )
    ev = Event(
        "HOST",
        "Host meeting",
        "other",
        30,
        10,
        participants=("PRES", "VNM"),
        priority=2,
    )
    return tiny(
        delegations=(host, un, *guests),
        people=people,
        bilaterals=bils,
        events=(ev,),
    )


@pytest.mark.parametrize(
    ("request_id", "value"),
    [
        ("PRES-KEN", 49),  # 40 + VP bonus 9: the President's rank ignored
        ("PRES-BGR", 44),  # 40 + VMIN 4
        ("UNSG-KEN", 49),  # the co-chair stands with the host
        ("UNSG-UGA", 48),  # HOG 8
        ("UNSG-BOL", 46),  # FM 6: less than the heads of government
        ("BOL-BGR", 46),  # two guests: the more senior one
    ],
)
def test_value_by_the_guests_rank(request_id, value):
    s = _scenario()
    assert s.item_by_id[f"B:{request_id}"].value == value


def test_an_item_with_no_guest_has_no_bonus():
    s = _scenario()
    assert s.item_by_id["E:HOST"].value == 20


def test_the_bonus_per_rank_is_documented():
    for code, bonus in (("HOS", 10), ("VP", 9), ("HOG", 8), ("OFF", 1)):
        assert f"{code}" in OBJECTIVE_DOC
        line = next(
            x for x in OBJECTIVE_DOC.splitlines() if x.strip().startswith(code)
        )
        assert line.split()[-1] == str(bonus)
    assert rank_bonus(1) == 10 and rank_bonus(11) == 0 and rank_bonus(0) == 10


def test_the_bilaterals_sheet_shows_each_value():
    s = _scenario()
    rows = bilateral_rows(s, Schedule(()))
    value = BILATERAL_COLUMNS.index("value")
    guest = BILATERAL_COLUMNS.index("valued_guest")
    by_id = {r[0]: r for r in rows}
    assert by_id["UNSG-UGA"][value] == 48
    assert by_id["UNSG-UGA"][guest] == "UGA (HOG)"
    assert valued_guest(s, ("PRES", "UNSG")) is None
