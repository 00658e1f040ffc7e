"""Programmes per delegation and principal, and runs of show."""

from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook

from models import Person
from outputs.programmes import owners, programme_rows
from outputs.run_of_show import queues
from outputs.xlsx_writer import write_schedule_workbook

from .schedules import full_scenario, full_schedule


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value]


def test_one_programme_per_delegation_and_principal_in_name_order():
    s = full_scenario()
    s = replace(s, people=(Person("FRA-FM", "Jean Dupont", "FRA", "FM"),))
    sched = full_schedule(s)
    sched = replace(
        sched,
        assignments=tuple(
            replace(a, participants=(*a.participants, "FRA-FM"))
            if a.item_id == "E:OPEN"
            else a
            for a in sched.assignments
        ),
    )
    order = owners(s, sched)
    # English alphabetical order of delegations (France, Germany), each
    # followed by its principals
    assert order == [
        ("delegation", "FRA"),
        ("person", "FRA-FM"),
        ("delegation", "DEU"),
    ]


def test_queue_places_inside_an_event_are_named_in_its_row():
    s = full_scenario()
    sched = full_schedule(s)
    rows = programme_rows(s, sched, {"FRA"})
    ids = [a.item_id for a, _ in rows]
    assert ids == ["A:FRA", "E:OPEN", "B:BL01"]
    extra = dict((a.item_id, lines) for a, lines in rows)["E:OPEN"]
    assert extra == ["Order of signature: Head of FRA, 1st of 2, at 09:30:00"]


def test_programmes_sheet_pages_and_names(tmp_path):
    s = full_scenario()
    path = write_schedule_workbook(s, full_schedule(s), tmp_path / "p.xlsx")
    ws = load_workbook(path)["Programmes"]
    texts = _texts(ws)
    heads = [t for t in texts if t.startswith("Programme: ")]
    assert heads == ["Programme: France", "Programme: Germany"]
    # each programme starts on a page of its own
    breaks = [b.id for b in ws.row_breaks.brk]
    second = next(c.row for c in ws["A"] if c.value == "Programme: Germany")
    assert breaks == [second - 1]
    assert ws.oddFooter.center.text == "Page &P of 2"
    # rooms, venues and counterparts by name, restricted items marked
    assert "Room BL1, Convention Centre" in texts
    assert "Germany (Head of DEU)" in texts
    assert "received by" not in " ".join(texts)  # no greeter in this one
    assert any(t.endswith("(restricted)") for t in texts)
    assert not any(t.startswith(("B:", "E:", "A:", "S:")) for t in texts)
    pub = write_schedule_workbook(
        s, full_schedule(s), tmp_path / "q.xlsx", audience="public"
    )
    pub_texts = _texts(load_workbook(pub)["Programmes"])
    assert not any("Bilateral" in t or "Arrival" in t for t in pub_texts)
    assert not any("(restricted)" in t for t in pub_texts)


def test_run_of_show_lists_each_queue_to_the_second(tmp_path):
    s = full_scenario()
    sched = full_schedule(s)
    sched = replace(
        sched,
        assignments=tuple(
            replace(a, note="late: after the list")
            if a.item_id == "S:Q:DEU"
            else a
            for a in sched.assignments
        ),
    )
    assert list(queues(sched)) == ["Q"]
    path = write_schedule_workbook(s, sched, tmp_path / "r.xlsx")
    ws = load_workbook(path)["Run of show"]
    rows = [
        [c.value for c in row]
        for row in ws.iter_rows()
        if isinstance(row[0].value, int)
    ]
    assert [r[0] for r in rows] == [1, 2]
    assert rows[0][1].strftime("%H:%M:%S") == "09:30:00"
    assert rows[1][2].strftime("%H:%M:%S") == "09:32:15"
    assert rows[0][3:5] == ["Head of FRA", "France"]
    assert rows[1][3] == "Head of DEU\n(late: after the list)"
    assert ws.cell(row=2, column=1).value.startswith(
        "Saturday 25 October 2025, 09:30:00 to 09:32:15"
    )
