"""Titles as a protocol officer writes them."""

from __future__ import annotations

from dataclasses import replace

from models import BilateralRequest, Delegation, Person
from models.titles import (
    arrival_title,
    bilateral_short,
    bilateral_title,
    person_label,
    queue_slot_title,
)
from tests.factory import tiny
from tests.outputs.schedules import full_scenario


def _scenario():
    return tiny(
        delegations=(
            Delegation("AGO", "Angola", "state", "President (Angola)", "HOS"),
            Delegation("BEN", "Benin", "state", "President (Benin)", "HOS"),
            Delegation(
                "BOL",
                "Bolivia (Plurinational State of)",
                "state",
                "Minister of Foreign Affairs (Bolivia (Plurinational "
                "State of))",
                "FM",
            ),
            Delegation(
                "UNICEF",
                "UNICEF",
                "organization",
                "Deputy Executive Director of UNICEF (UNICEF)",
                "IOH",
            ),
            Delegation(
                "CRI", "Costa Rica", "state", "Ambassador (Costa Rica)", "AMB"
            ),
            Delegation(
                "VNM", "Viet Nam", "host", "Luong Cuong, President", "HOS"
            ),
            Delegation(
                "CIV",
                "Côte d'Ivoire",
                "state",
                "Minister (Cote d'Ivoire)",
                "MIN",
            ),
        ),
        people=(
            Person(
                "VNM-PM", "H.E. Pham Minh Chinh, Prime Minister", "VNM", "HOG"
            ),
        ),
    )


def test_each_party_is_named_once():
    s = _scenario()
    assert person_label(s, "AGO") == "Angola (President)"
    assert person_label(s, "CRI") == "Costa Rica (Ambassador)"
    assert (
        person_label(s, "BOL")
        == "Bolivia (Plurinational State of) (Minister of Foreign Affairs)"
    )
    # the name already says who: it is enough
    assert person_label(s, "UNICEF") == "Deputy Executive Director of UNICEF"
    # accents and case do not make a country a second one
    assert person_label(s, "CIV") == "Côte d'Ivoire (Minister)"
    # a real name keeps its honorific, with the delegation added
    assert (
        person_label(s, "VNM-PM")
        == "Viet Nam (H.E. Pham Minh Chinh, Prime Minister)"
    )
    assert person_label(s, "XYZ") == "XYZ"


def test_the_senior_party_comes_first():
    s = _scenario()
    # an ambassador asked to meet a president: the president is named
    # first whatever the order of the request
    assert bilateral_title(s, "CRI", "AGO") == (
        "Bilateral: Angola (President) – Costa Rica (Ambassador)"
    )
    assert bilateral_short(s, "CRI", "AGO") == "AGO – CRI"
    # the host side first
    assert bilateral_short(s, "AGO", "VNM") == "VNM – AGO"
    # same rank: the scenario's tie-break (English alphabetical order)
    assert bilateral_title(s, "BEN", "AGO").startswith("Bilateral: Angola")
    lot = replace(s, settings=replace(s.settings, precedence_tiebreak="lot:B"))
    assert bilateral_short(lot, "AGO", "BEN") == "BEN – AGO"


def test_item_titles_use_the_labels():
    s = full_scenario()
    assert arrival_title(s, "FRA") == "Arrival: France (Head of FRA)"
    seq = s.sequence_by_id["Q"]
    assert queue_slot_title(s, seq, "DEU") == (
        "Order of signature: Germany (Head of DEU)"
    )
    s2 = replace(s, bilaterals=(BilateralRequest("BL01", "DEU", "FRA"),))
    assert s2.item_by_id["B:BL01"].title == (
        "Bilateral: France (Head of FRA) – Germany (Head of DEU)"
    )
