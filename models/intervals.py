"""Sets of half-open integer intervals, used for windows and availability."""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]


def normalize(spans: Iterable[Span]) -> list[Span]:
    """Sorted, merged, non-empty half-open spans."""
    out: list[Span] = []
    for lo, hi in sorted(s for s in spans if s[0] < s[1]):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def subtract(spans: Iterable[Span], holes: Iterable[Span]) -> list[Span]:
    """``spans`` minus ``holes`` (both half-open)."""
    result = normalize(spans)
    for hlo, hhi in normalize(holes):
        nxt: list[Span] = []
        for lo, hi in result:
            if hhi <= lo or hi <= hlo:
                nxt.append((lo, hi))
                continue
            if lo < hlo:
                nxt.append((lo, hlo))
            if hhi < hi:
                nxt.append((hhi, hi))
        result = nxt
    return result


def intersect(a: Iterable[Span], b: Iterable[Span]) -> list[Span]:
    a, b = normalize(a), normalize(b)
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo < hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def contains(spans: Iterable[Span], lo: int, hi: int) -> bool:
    """True if ``[lo, hi)`` lies inside one of ``spans``."""
    return any(s <= lo and hi <= e for s, e in spans)


def overlaps(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> bool:
    """True if half-open ``[a_lo, a_hi)`` and ``[b_lo, b_hi)`` share time."""
    return a_lo < b_hi and b_lo < a_hi


def starts_inside(
    spans: Iterable[Span], duration: int
) -> list[tuple[int, int]]:
    """Closed ranges of start values ``s`` with ``[s, s+duration)`` inside
    one of ``spans``."""
    return [
        (lo, hi - duration)
        for lo, hi in normalize(spans)
        if hi - lo >= duration
    ]
