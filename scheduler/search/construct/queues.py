"""Protocol queues for the greedy peer: the members in queue order, back
to back from the start of the queue's event (or window), each member
skipped when they cannot be there then. A member who is not there at
their turn (not arrived, not available) is placed after the list when its
late policy is ``end``, or marked to join the list its policy ``move:``
names if that list is placed later."""

from __future__ import annotations

from models import intervals as iv
from models.records.items import event_item_id
from models.records.schedule import LATE_NOTE, moved_note

from .board import Board
from .static import day_of


def place_queue(board: Board, sequence_id: str) -> int:
    """Place what fits of one queue; returns the number of members
    placed. A member with a fixed position is skipped unless the members
    before it leave that position to it; if the queue's room (outside
    its event's room) is taken, the whole queue is left out."""
    s = board.s
    seq = s.sequence_by_id[sequence_id]
    members = sorted(
        (it for it in s.items if it.sequence_id == sequence_id),
        key=lambda it: it.queue_index,
    )
    inside = False
    if seq.within_event is not None:
        ev = board.placed.get(event_item_id(seq.within_event))
        if ev is None:
            return 0
        w_lo, w_hi = ev.lo, ev.hi
        inside = ev.room == seq.room_id
        # after the lists already held in this room during the event
        w_lo = max(
            [w_lo]
            + [
                hi
                for lo, hi in board.lists[seq.room_id]
                if lo < w_hi and w_lo < hi
            ]
        )
    else:
        w_lo = s.grid.to_index(seq.earliest)
        w_hi = s.grid.to_index(seq.latest)
    venue = board.venue(seq.room_id)
    t, chosen, late = w_lo, [], []
    for it in members:
        if it.is_alternative and it.own_item_id not in board.moved:
            continue
        if (
            it.fixed_position is not None
            and it.fixed_position != len(chosen) + 1
        ):
            continue
        lo, hi = t, t + it.duration
        if all(board.person_ok(p, it, lo, hi, venue) for p in it.participants):
            if hi <= w_hi:
                chosen.append((it, lo))
                t = hi + seq.gap_seconds
        elif not board.there(
            it.participants[0], lo, hi, venue
        ) or board.in_other_list(it, lo, hi):
            if it.late_ok:
                late.append(it)
            elif seq.late == "move" and not it.is_alternative:
                board.moved.add(it.item_id)
    for it in late if chosen else ():
        lo = board.ready(it.participants[0], t, it.duration, venue)
        if lo is None or lo + it.duration > w_hi:
            continue
        if board.person_ok(
            it.participants[0], it, lo, lo + it.duration, venue
        ):
            chosen.append((it, lo))
            board.notes[it.item_id] = LATE_NOTE
            t = lo + it.duration + seq.gap_seconds
    if not chosen:
        return 0
    q_lo = chosen[0][1]
    q_hi = chosen[-1][1] + chosen[-1][0].duration
    people = [p for it, _ in chosen for p in it.participants]
    vip = board.is_vip(people)
    room = s.room_by_id[seq.room_id]
    if not inside:
        if day_of(s, q_lo, q_hi) is None or not iv.contains(
            s.room_open(seq.room_id), q_lo, q_hi
        ):
            return 0
        if not board.room_free(seq.room_id, q_lo, q_hi, vip, room.capacity):
            return 0
        board.add_use(seq.room_id, q_lo, q_hi, vip, room.capacity)
    board.lists[seq.room_id].append((q_lo, q_hi))
    for it, lo in chosen:
        board.add(it, lo, seq.room_id, it.participants, use=False)
        if it.is_alternative:
            board.notes[it.item_id] = moved_note(it.moved_from)
    return len(chosen)
