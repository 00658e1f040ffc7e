"""The bundled Hanoi 2025 sample: what the facts say it holds."""

from __future__ import annotations

from collections import Counter

import pytest

from inputs import load_scenario
from inputs.sample import sample_path
from inputs.sample.hanoi2025 import NOTES, build_hanoi_scenario
from models import validate_scenario


@pytest.fixture(scope="module")
def hanoi():
    return build_hanoi_scenario()


def test_validates_with_zero_problems(hanoi):
    assert validate_scenario(hanoi) == []


def test_shipped_workbook_is_the_built_scenario(hanoi):
    assert load_scenario(sample_path()) == hanoi


def test_counts_match_the_facts(hanoi):
    kinds = Counter(d.kind for d in hanoi.delegations)
    assert 105 <= kinds["state"] <= 120
    assert kinds["organization"] >= 15
    ev = Counter(e.kind for e in hanoi.events)
    assert ev["discussion"] == 8 and ev["workshop"] == 32
    assert ev["exhibition"] >= 20
    assert 130 <= len(hanoi.bilaterals) <= 170
    sig = Counter(m.sequence_id for m in hanoi.members)
    assert sig["SIGN1"] == 64 and sig["SIGN1"] + sig["SIGN2"] == 72


def test_host_signs_first_and_sg_leaves_on_day_one(hanoi):
    first = [
        m
        for m in hanoi.members
        if m.sequence_id == "SIGN1" and m.position == 1
    ]
    assert [m.member for m in first] == ["VNM"]
    un = hanoi.delegation_by_id["UN"]
    assert un.available_to.date().isoformat() == "2025-10-25"


def test_ids_names_and_notes(hanoi):
    states = [d for d in hanoi.delegations if d.kind == "state"]
    assert all(
        len(d.delegation_id) == 3 and d.delegation_id.isupper() for d in states
    )
    assert len({d.name for d in hanoi.delegations}) == len(hanoi.delegations)
    assert any(tag.startswith("[S]") for _, _, tag, _ in NOTES)
    assert any("[A]" in tag for _, _, tag, _ in NOTES)
