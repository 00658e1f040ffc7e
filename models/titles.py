"""How people and items are named in titles, as a protocol officer
writes them: the senior party first, each party named once, the name as
the scenario gives it (honorifics included), the delegation added only
when the name does not already say it.

Scenarios often give a role instead of a name, with the country in
brackets ("President (Angola)"); the bracket is not repeated after the
delegation ("Angola (President)", never "Angola (President (Angola))").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import precedence
from .precedence import fold

if TYPE_CHECKING:
    from .records.scenario import Scenario
    from .records.sequences import Sequence

#: Between the two parties of a bilateral.
DASH = " – "


def _says(name: str, words: str) -> bool:
    """Whether ``name`` contains ``words`` as whole words (any case,
    any accents)."""
    if not words.strip():
        return True
    pattern = r"(?<!\w)" + re.escape(fold(words)) + r"(?!\w)"
    return re.search(pattern, fold(name)) is not None


def _without_suffix(name: str, delegation: str) -> str:
    """``name`` without a trailing ``(delegation)``."""
    tail = f"({delegation})"
    stripped = name.rstrip()
    if fold(stripped).endswith(fold(tail)):
        return stripped[: -len(tail)].rstrip(" ,")
    return name


def person_label(s: Scenario, pid: str) -> str:
    """A person as titles name them: ``Angola (President)``, ``Viet Nam
    (Pham Minh Chinh, Prime Minister)``, or the name alone when it
    already names the delegation (``Deputy Executive Director of
    UNICEF``). An unknown id is returned as it is."""
    p = s.persons.get(pid)
    if p is None:
        return pid
    d = s.delegation_by_id.get(p.delegation_id)
    name = " ".join(p.name.split())
    if d is None or not d.name.strip():
        return name
    dname = " ".join(d.name.split())
    role = _without_suffix(name, dname)
    if not role or fold(role) == fold(dname):
        return dname
    if _says(role, dname):
        return role
    return f"{dname} ({role})"


def senior_first(s: Scenario, pids: Iterable[str]) -> list[str]:
    """Known person ids most senior first (:func:`models.precedence.
    senior_first`: host side, guests of honour, rank, the tie-break),
    unknown ids after them in the given order."""
    pids = list(pids)
    known = [p for p in pids if p in s.persons]
    unknown = [p for p in pids if p not in s.persons]
    return precedence.senior_first(s, known) + unknown


def bilateral_parties(s: Scenario, party_a: str, party_b: str) -> list[str]:
    """The two parties of a request (person ids where known, else the
    reference as written), the senior first."""
    refs = []
    for ref in (party_a, party_b):
        pid = s.resolve(ref)
        refs.append(pid if pid is not None else ref.strip())
    return senior_first(s, refs)


def bilateral_title(s: Scenario, party_a: str, party_b: str) -> str:
    """``Bilateral: Viet Nam (Luong Cuong, President) – Angola
    (Minister of Foreign Affairs)``: the senior party first."""
    parties = bilateral_parties(s, party_a, party_b)
    return "Bilateral: " + DASH.join(person_label(s, p) for p in parties)


def bilateral_short(s: Scenario, party_a: str, party_b: str) -> str:
    """``VNM – AGO``: the ids of the two parties (a head's id is its
    delegation's), senior first."""
    return DASH.join(bilateral_parties(s, party_a, party_b))


def arrival_title(s: Scenario, delegation_id: str) -> str:
    """``Arrival: Angola (President)`` (the head of the delegation)."""
    if delegation_id in s.persons:
        return f"Arrival: {person_label(s, delegation_id)}"
    d = s.delegation_by_id.get(delegation_id)
    return f"Arrival: {d.name if d else delegation_id}"


def queue_slot_title(s: Scenario, seq: Sequence, pid: str) -> str:
    """``Welcome line: Costa Rica (Ambassador)``."""
    return f"{seq.title}: {person_label(s, pid)}"
