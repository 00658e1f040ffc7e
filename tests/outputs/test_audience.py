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
