"""The public copy is built from what the scenario marks public, and
leaks nothing (issues 8 and 14): in the workbook and in the calendars,
for hand-edited and hostile schedules too."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook

from models.audience import (
    PUBLIC_REASON_TEXTS,
    PUBLIC_REASONS,
    public_changes,
    public_item_ids,
    public_person_ids,
    public_schedule,
    restricted_item_ids,
)
from models.changes import diff_schedules
from models.records.schedule import Unscheduled
from outputs.calendars import (
    ForeignCalendars,
    file_stem,
    item_uid,
    write_calendars,
)
from outputs.precedence_sheet import precedence_rows
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at
from tests.leaks import (
    calendar_texts,
    leaks,
    secrets,
    structural_leaks,
    workbook_texts,
)

from .schedules import (
    full_scenario,
    full_schedule,
    placed,
    security_meeting,
)
from .secret_queues import secret_queue_scenario, secret_queue_schedule


def _with_restricted_event():
    """The writer's scenario plus a restricted security meeting, placed,
    and a left-out workshop whose reason names the bilateral and the
    landing time."""
    s = full_scenario()
    s = replace(s, events=(*s.events, security_meeting()))
    sched = full_schedule(s)
    row = placed(s, "E:SECMEET", at("11:00"), at("11:30"), "R2", "NCC", ())
    out = replace(
        sched.unscheduled[0],
        reason="Head of DEU is in B:BL01 (bilateral BL01) then; FRA lands "
        "at VIP at 08:10 (25 Oct)",
    )
    return s, replace(
        sched,
        assignments=(*sched.assignments, row),
        unscheduled=(out,),
    )


def test_public_items_are_the_open_events_and_their_queues():
    s, _ = _with_restricted_event()
    assert public_item_ids(s) == {"E:OPEN", "E:WS1", "S:Q:FRA", "S:Q:DEU"}
    assert restricted_item_ids(s) == {"A:FRA", "B:BL01", "E:SECMEET"}


def test_public_schedule_keeps_public_items_with_public_reasons():
    s, sched = _with_restricted_event()
    pub = public_schedule(s, sched)
    ids = {a.item_id for a in pub.assignments}
    assert ids == {"E:OPEN", "S:Q:FRA", "S:Q:DEU"}
    (u,) = pub.unscheduled
    assert u.item_id == "E:WS1" and u.reason in PUBLIC_REASONS.values()
    assert pub.info.objective is None and pub.info.best_bound is None
    assert pub.info.penalties == {}


@pytest.mark.parametrize(
    "hostile",
    [
        # a hand-added row the scenario does not know
        dict(item_id="M:PRIVATE", kind="meeting", ref_id="PRIVATE"),
        # a known public id with the kind of a bilateral
        dict(kind="bilateral"),
        # the schedule workbook marks the row restricted
        dict(restricted=True),
    ],
    ids=["unknown-row", "kind-mismatch", "marked-restricted"],
)
def test_the_filter_fails_closed(hostile):
    s, sched = _with_restricted_event()
    opening = sched.by_item()["E:OPEN"]
    row = replace(opening, title="Secret dinner with FRA", **hostile)
    rows = tuple(a for a in sched.assignments if a.item_id != "E:OPEN")
    pub = public_schedule(s, replace(sched, assignments=(*rows, row)))
    assert "Secret dinner" not in str(pub)
    assert row.item_id not in pub.by_item() or hostile == {}


def test_a_public_row_takes_title_and_people_from_the_scenario():
    s, sched = _with_restricted_event()
    rows = tuple(
        replace(a, title="Opening; FRA lands 08:10", participants=("X",))
        if a.item_id == "E:OPEN"
        else a
        for a in sched.assignments
    )
    pub = public_schedule(s, replace(sched, assignments=rows))
    opening = pub.by_item()["E:OPEN"]
    assert opening.title == "Opening" and opening.participants == ()


def test_an_unscheduled_row_without_its_item_id_is_left_out():
    s, sched = _with_restricted_event()
    # as the reader rebuilds a queue slot's row from an Unscheduled sheet
    # with no item_id column: the sequence id is not an item id
    slot = Unscheduled("Q", "Q", "sequence", "Order of signature", 3, "x")
    pub = public_schedule(s, replace(sched, unscheduled=(slot,)))
    assert pub.unscheduled == ()


def test_public_changes_name_nothing_restricted():
    s, sched = _with_restricted_event()
    new = replace(
        sched,
        assignments=tuple(
            a for a in sched.assignments if a.item_id != "S:Q:DEU"
        ),
    )
    changes = diff_schedules(sched, new, set(s.item_by_id))
    pub = public_changes(s, changes, new)
    assert {c.item_id for c in pub} <= public_item_ids(s)
    assert all(c.reason in PUBLIC_REASON_TEXTS | {""} for c in pub)


def _scan(s, sched, path, folders=()):
    return leaks(workbook_texts(path), secrets(s, sched, folders))


def test_public_workbook_has_no_restricted_item(tmp_path):
    s, sched = _with_restricted_event()
    folder = tmp_path / "secret-plans"
    sched = replace(sched, scenario_source=str(folder / "s.xlsx"))
    full = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    pub = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    # the full copy does hold them: the scan can fail
    assert _scan(s, sched, full)
    assert _scan(s, sched, pub, [folder]) == []
    assert structural_leaks(s, pub) == []
    names = load_workbook(pub).sheetnames
    assert "Arrivals" not in names and "Bilaterals" not in names
    assert {"Summary", "Schedule", "Unscheduled"} <= set(names)


def test_no_copy_names_a_folder(tmp_path):
    s, sched = _with_restricted_event()
    sched = replace(sched, scenario_source="/home/secret/plans/s.xlsx")
    for audience in ("full", "public"):
        path = write_schedule_workbook(
            s, sched, tmp_path / f"{audience}.xlsx", audience=audience
        )
        texts = [t for _, t in workbook_texts(path)]
        assert "s.xlsx" in texts
        assert not any("secret" in t for t in texts)


def test_public_calendars_have_no_restricted_item(tmp_path):
    s, sched = _with_restricted_event()
    write_calendars(s, sched, tmp_path / "full")
    write_calendars(s, sched, tmp_path / "pub", audience="public")
    secret = secrets(s, sched)
    assert leaks(calendar_texts(tmp_path / "full"), secret)
    assert leaks(calendar_texts(tmp_path / "pub"), secret) == []


def test_a_public_export_over_the_full_calendars_leaves_none_of_them(
    tmp_path,
):
    s, sched = _with_restricted_event()
    folder = tmp_path / "ics"
    full = write_calendars(s, sched, folder)
    pub = write_calendars(s, sched, folder, audience="public")
    on_disk = {p.name for p in folder.glob("*.ics")}
    assert on_disk == {p.name for p in pub} and len(full) >= len(pub)
    assert leaks(calendar_texts(folder), secrets(s, sched)) == []


def test_a_folder_of_calendars_written_by_someone_else_is_refused(tmp_path):
    s, sched = _with_restricted_event()
    folder = tmp_path / "ics"
    folder.mkdir()
    (folder / "delegation-FRA.ics").write_text("BEGIN:VCALENDAR\r\n")
    with pytest.raises(ForeignCalendars):
        write_calendars(s, sched, folder, audience="public")
    assert [p.name for p in folder.iterdir()] == ["delegation-FRA.ics"]


def test_file_names_and_uids_are_unique_for_any_id():
    ids = [
        "日本",
        "中国",
        "FRA",
        "fra",
        "A B",
        "A_B",
        "x" * 64,
        "x" * 63 + "y",
    ]
    stems = {file_stem("delegation", i) for i in ids}
    uids = {item_uid(f"E:{i}", "Summit") for i in ids}
    assert len(stems) == len(ids) and len(uids) == len(ids)
    assert file_stem("delegation", "日本") == file_stem("delegation", "日本")
    assert all(st.isascii() for st in stems)
    assert file_stem("delegation", "FRA").startswith("delegation-FRA-")


def test_line_breaks_in_names_become_spaces_in_calendars(tmp_path):
    s, sched = _with_restricted_event()
    s = replace(
        s,
        settings=replace(s.settings, event_name="Hanoi\nSigning"),
        delegations=tuple(
            replace(d, name=f"{d.name}\nRepublic") for d in s.delegations
        ),
    )
    rows = tuple(
        replace(a, title="Opening\r\nceremony") for a in sched.assignments
    )
    paths = write_calendars(s, replace(sched, assignments=rows), tmp_path)
    text = "".join(p.read_text() for p in paths)
    assert "SUMMARY:Opening ceremony" in text
    assert "Hanoi Signing" in text


@pytest.mark.slow
def test_public_copy_of_the_sample_has_no_restricted_item(
    solved_sample, tmp_path
):
    s, sched = solved_sample
    assert any(e.restricted for e in s.events)  # the proof means something
    pub = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    write_calendars(s, sched, tmp_path / "ics", "public")
    secret = secrets(s, sched)
    texts = [*workbook_texts(pub), *calendar_texts(tmp_path / "ics")]
    assert leaks(texts, secret) == []
    assert structural_leaks(s, pub) == []


def _hand_edited(s, sched, item_id, **changes):
    """``sched`` with the row of ``item_id`` edited as by hand in the
    schedule workbook."""
    rows = tuple(
        replace(a, **changes) if a.item_id == item_id else a
        for a in sched.assignments
    )
    return replace(sched, assignments=rows)


def _named(path, words) -> set[str]:
    texts = [t for _, t in workbook_texts(path)]
    return {w for w in words if any(w in t for t in texts)}


def test_names_hand_added_to_a_public_row_are_not_published(tmp_path):
    # the opening's row lists France's head of security (in no public
    # item) and the Lao head (in town only after the opening): the
    # public copy names the people the scenario puts there, no others,
    # in no sheet, no calendar and no calendar's file name
    s = secret_queue_scenario()
    sched = _hand_edited(
        s,
        secret_queue_schedule(s),
        "E:OPEN",
        participants=("DEU", "FRA", "FRA-SEC", "LAO"),
    )
    pub = public_schedule(s, sched)
    assert pub.by_item()["E:OPEN"].participants == ("DEU", "FRA")
    assert public_person_ids(s, sched) == {"FRA", "DEU"}
    secret = ("Jean-Luc Vautrin", "Thongloun Sisoulith", "FRA-SEC")
    _only_in_the_full_copy(tmp_path, s, sched, secret)


def _only_in_the_full_copy(tmp_path, s, sched, words) -> None:
    """Every one of ``words`` is in the full workbook of ``sched`` (so
    the check can fail), and none in its public workbook or calendars
    (nor their file names)."""
    full = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    assert _named(full, words) == set(words)
    path = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    assert _named(path, words) == set()
    write_calendars(s, sched, tmp_path / "ics", audience="public")
    assert not [
        (place, w)
        for place, text in calendar_texts(tmp_path / "ics")
        for w in words
        if w in text
    ]


def _marked_signing(s, sched):
    """The schedule workbook marks the opening, which holds the order
    of signature, restricted: neither its row nor its list's slots (their
    times and room are the opening's) are public."""
    return _hand_edited(s, sched, "E:OPEN", restricted=True)


def test_the_lists_of_an_event_the_workbook_withholds_are_withheld():
    s, sched = _with_restricted_event()
    sched = _marked_signing(s, sched)
    assert public_schedule(s, sched).assignments == ()
    # nor are they in the Changes of a what-if run
    moved = replace(
        sched,
        assignments=tuple(replace(a, room_id="R1") for a in sched.assignments),
    )
    changes = diff_schedules(sched, moved, set(s.item_by_id))
    assert {c.item_id for c in changes} >= {"E:OPEN", "S:Q:FRA"}
    assert public_changes(s, changes, moved) == []


def test_a_list_slot_without_its_event_is_withheld():
    # the opening's row taken out of the workbook by hand: its list's
    # slots would still show when and where it is held
    s, sched = _with_restricted_event()
    sched = replace(
        sched,
        assignments=tuple(
            a for a in sched.assignments if a.item_id != "E:OPEN"
        ),
    )
    assert public_schedule(s, sched).assignments == ()


def test_the_public_summary_counts_nothing_the_workbook_withholds(tmp_path):
    # the workshop is left out (Unscheduled), the opening and its list
    # withheld: the Summary's counts are those of the rows shown, and no
    # count of events left out tells of a withheld one
    s, sched = _with_restricted_event()
    sched = _marked_signing(s, sched)
    path = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    wb = load_workbook(path)
    summary = {
        k: v for k, v, *_ in wb["Summary"].iter_rows(values_only=True) if k
    }
    assert wb["Schedule"].max_row == 1
    assert summary["items_scheduled"] == 0
    assert summary["count:event:scheduled"] == 0
    assert summary["count:event:left_out"] == 1  # the workshop, listed
    assert summary.get("count:sequence:left_out", 0) == 0
    assert [r[0] for r in wb["Unscheduled"].iter_rows(values_only=True)][
        1:
    ] == ["WS1"]


def test_the_precedence_of_a_list_whose_event_is_withheld_is_withheld():
    # the Precedence sheet names the event a list is read at: a list of
    # an event the workbook marks restricted is not on the public sheet,
    # nor are its members in the master order for being in it
    s, sched = _with_restricted_event()
    lists = {r["list"] for r in precedence_rows(s, sched, "public")}
    marked = _marked_signing(s, sched)
    hidden = {r["list"] for r in precedence_rows(s, marked, "public")}
    assert lists - hidden == {"Q"}  # (it was there before the mark)


def test_a_room_typed_by_hand_on_a_public_row_is_not_published(tmp_path):
    # a room the scenario does not know, typed into a public row: the
    # public copy shows the event without it (the checker reports it)
    s, sched = _with_restricted_event()
    sched = _hand_edited(
        s, sched, "E:OPEN", room_id="SAFEHOUSE-B", venue_id="ZZHIDDEN"
    )
    _only_in_the_full_copy(tmp_path, s, sched, ("SAFEHOUSE-B", "ZZHIDDEN"))
