"""The order of each list (pure: no solver): English alphabetical order
without case or diacritics, a tie-break per list, the exact reverse,
guests of honour, co-hosts and co-chairs (issue 18)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from models import Person, Sequence, SequenceMember
from models.precedence import (
    alphabetical_key,
    deciding,
    fold,
    parse_tiebreak,
    senior_first,
)
from tests.factory import at, delegation, tiny


def test_fold_drops_case_and_diacritics():
    assert fold("Côte d'Ivoire") == "cote d'ivoire"
    assert fold("TÜRKIYE") == "turkiye"
    assert fold("Đà Nẵng") == "da nang"
    assert fold("Ålesund Øy") == "alesund oy"


def test_english_order_of_the_un_list():
    names = [
        "Czechia",
        "Croatia",
        "Côte d'Ivoire",
        "Costa Rica",
        "Tuvalu",
        "Turkmenistan",
        "Türkiye",
        "Tunisia",
        "côte d'ivoire (lower case)",
    ]
    assert sorted(names, key=alphabetical_key) == [
        "Costa Rica",
        "Côte d'Ivoire",
        "côte d'ivoire (lower case)",
        "Croatia",
        "Czechia",
        "Tunisia",
        "Türkiye",
        "Turkmenistan",
        "Tuvalu",
    ]


def test_lot_letter_starts_the_alphabet_and_wraps():
    names = ["Angola", "Égypte", "Brazil", "Estonia", "Zambia", "Denmark"]
    got = sorted(names, key=lambda n: alphabetical_key(n, "E"))
    assert got == [
        "Égypte",
        "Estonia",
        "Zambia",
        "Angola",
        "Brazil",
        "Denmark",
    ]


def test_a_lot_letter_with_a_diacritic_is_its_base_letter():
    assert parse_tiebreak("lot: É") == ("lot", "E")


# ------------------------------------------------------------- lists
#: Four heads of state: alphabetical A-B-C-D, in office D-C-B-A (D the
#: longest), registered B-D-A-C.
HEADS = (
    delegation(
        "AAA",
        "HOS",
        name="Ängland",
        head_since=date(2020, 1, 1),
        confirmed_on=date(2025, 9, 3),
    ),
    delegation(
        "BBB",
        "HOS",
        name="Borduria",
        head_since=date(2015, 1, 1),
        confirmed_on=date(2025, 9, 1),
    ),
    delegation(
        "CCC",
        "HOS",
        name="Côte Verte",
        head_since=date(2010, 1, 1),
        confirmed_on=date(2025, 9, 4),
    ),
    delegation(
        "DDD",
        "HOS",
        name="Dôme",
        head_since=date(2005, 1, 1),
        confirmed_on=date(2025, 9, 2),
    ),
    delegation("EEE", "FM", name="Estonia"),
)


def _lists(delegations=HEADS, people=(), members=None, **seq_kw):
    """One list per tie-break (and one welcome line), each with every
    head (and person) as member."""
    seqs = (
        Sequence("ALPHA", "A", "HALL", "precedence", 60, **_win()),
        Sequence(
            "SEN",
            "S",
            "HALL",
            "precedence",
            60,
            tiebreak="seniority",
            **_win(),
        ),
        Sequence(
            "REG",
            "R",
            "HALL",
            "precedence",
            60,
            tiebreak="registration",
            **_win(),
        ),
        Sequence(
            "LOT", "L", "HALL", "precedence", 60, tiebreak="lot:C", **_win()
        ),
        Sequence(
            "WL",
            "W",
            "HALL",
            "reverse_precedence",
            30,
            tiebreak="seniority",
            **_win(),
        ),
    )
    refs = [d.delegation_id for d in delegations] + [
        p.person_id for p in people
    ]
    if members is None:
        members = tuple(
            SequenceMember(q.sequence_id, ref) for q in seqs for ref in refs
        )
    return tiny(
        delegations=delegations, people=people, sequences=seqs, members=members
    )


def _win():
    return {"earliest": at("09:00"), "latest": at("11:00")}


def test_each_list_follows_its_own_tiebreak():
    s = _lists()
    assert s.queue_order("ALPHA") == ["AAA", "BBB", "CCC", "DDD", "EEE"]
    assert s.queue_order("SEN") == ["DDD", "CCC", "BBB", "AAA", "EEE"]
    assert s.queue_order("REG") == ["BBB", "DDD", "AAA", "CCC", "EEE"]
    assert s.queue_order("LOT") == ["CCC", "DDD", "AAA", "BBB", "EEE"]
    # the welcome line: the least senior first, the longest in office last
    assert s.queue_order("WL") == ["EEE", "AAA", "BBB", "CCC", "DDD"]


def test_the_setting_stays_the_default():
    s = _lists()
    s = replace(s, settings=replace(s.settings, precedence_tiebreak="lot:D"))
    assert s.queue_order("ALPHA") == ["DDD", "AAA", "BBB", "CCC", "EEE"]
    assert s.queue_order("SEN") == ["DDD", "CCC", "BBB", "AAA", "EEE"]


@pytest.mark.parametrize(
    "tiebreak", ["alphabetical", "seniority", "registration", "lot:C"]
)
def test_reverse_precedence_is_the_exact_reverse(tiebreak):
    base = _lists()
    seqs = (
        Sequence(
            "P", "P", "HALL", "precedence", 60, tiebreak=tiebreak, **_win()
        ),
        Sequence(
            "R",
            "R",
            "HALL",
            "reverse_precedence",
            60,
            tiebreak=tiebreak,
            **_win(),
        ),
    )
    members = tuple(
        SequenceMember(q, d.delegation_id) for q in "PR" for d in HEADS
    )
    s = tiny(delegations=base.delegations, sequences=seqs, members=members)
    assert s.queue_order("R") == list(reversed(s.queue_order("P")))


def test_guest_of_honour_most_senior_guest_in_every_list():
    dels = (
        replace(HEADS[4], role="guest_of_honour"),  # a foreign minister
        *HEADS[:4],
    )
    s = _lists(dels)
    for q in ("ALPHA", "SEN", "REG", "LOT"):
        assert s.queue_order(q)[0] == "EEE", q
    assert s.queue_order("WL")[-1] == "EEE"


def test_several_guests_of_honour_follow_the_list_rule():
    dels = tuple(
        replace(d, role="guest_of_honour")
        if d.delegation_id in ("AAA", "DDD")
        else d
        for d in HEADS
    )
    s = _lists(dels)
    assert s.queue_order("ALPHA")[:2] == ["AAA", "DDD"]
    assert s.queue_order("SEN")[:2] == ["DDD", "AAA"]
    assert s.queue_order("WL")[-2:] == ["AAA", "DDD"]


def test_fixed_positions_come_before_the_guest_of_honour():
    dels = (replace(HEADS[4], role="guest_of_honour"), *HEADS[:4])
    members = tuple(
        SequenceMember(
            "ALPHA", d.delegation_id, position=1 if d is HEADS[2] else None
        )
        for d in dels
    )
    s = _lists(dels, members=members)
    assert s.queue_order("ALPHA")[:2] == ["CCC", "EEE"]


def test_host_side_first_and_never_queued_as_a_guest_in_a_welcome_line():
    un = replace(
        delegation("UN", "IOH", name="United Nations"), kind="organization"
    )
    host = replace(delegation("VNM", "HOS", name="Viet Nam"), kind="host")
    sg = Person("UNSG", "Secretary-General", "UN", "IOH", role="co_chair")
    co = replace(delegation("ASE", "IOH", name="ASEAN"), role="co_host")
    s = _lists((*HEADS, un, host, co), people=(sg,))
    alpha = s.queue_order("ALPHA")
    # the host side (host, co-host, co-chair) first, by rank, then guests
    assert alpha[:3] == ["VNM", "ASE", "UNSG"]
    assert alpha[3:] == ["AAA", "BBB", "CCC", "DDD", "EEE", "UN"]
    wl = s.queue_order("WL")
    assert "UNSG" not in wl and "ASE" not in wl
    assert wl[0] == "UN" and wl[-1] == "VNM"  # the host: v1 behaviour


def test_a_co_chair_with_a_fixed_place_in_a_welcome_line_keeps_it():
    sg = Person("UNSG", "Secretary-General", "EEE", "IOH", role="co_chair")
    refs = [d.delegation_id for d in HEADS]
    members = (
        *(SequenceMember("WL", r) for r in refs),
        SequenceMember("WL", "UNSG", position=6),
    )
    s = _lists(people=(sg,), members=members)
    assert s.queue_order("WL")[-1] == "UNSG"


def test_deciding_names_what_puts_one_ahead():
    s = _lists(
        (replace(HEADS[4], role="guest_of_honour"), *HEADS[:4]),
    )
    for tiebreak, a, b, why in (
        ("alphabetical", "EEE", "AAA", "side"),
        ("alphabetical", "AAA", "BBB", "alphabetical"),
        ("seniority", "DDD", "CCC", "seniority"),
        ("registration", "BBB", "DDD", "registration"),
        ("lot:C", "CCC", "AAA", "alphabetical from lot letter C"),
    ):
        key = s.key_for(tiebreak)
        assert deciding(tiebreak, key(a), key(b)) == why
    s2 = _lists()
    key = s2.key_for("alphabetical")
    assert deciding("alphabetical", key("DDD"), key("EEE")) == "rank"


def test_senior_first_names_the_senior_party_first():
    s = _lists()
    assert senior_first(s, ["EEE", "CCC", "AAA"]) == ["AAA", "CCC", "EEE"]
