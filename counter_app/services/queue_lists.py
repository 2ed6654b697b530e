"""Read-only lists of the walk-in queue for the supervisor's board (who waits, the day's totals,
the day's audited actions, the counters' names) and the one-counter view of a counter's panel.

Guarantees:
- Every function only reads (`db.reader()`), returns frozen dataclasses, and reads little: the
  waiting set is the small `queue_waiting` table; the day's events are found through the index
  on `queue_event.at`; nothing scans the history of earlier days.
- Times are the centre's local wall-clock times, as stored (see `services.queue`).
- Waiting and service times derive from the event log, as in `queue_views`: wait = the ticket's
  first `called` event − its issue time; service = `finished` − `started`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from counter_app.models import Counter, CounterState, QueueEvent, QueueTicket, QueueWaiting, ServiceGroup, User
from counter_app.services.db import Database
from counter_app.services.queue_types import CALLED, IDLE, SERVING, TicketInfo

# What the supervisor's audit shows: decisions someone may have to answer for. Ordinary calls,
# starts and finishes are not listed (the counters table shows them); out-of-order calls are
# (`called` events whose detail has out_of_order=True, filtered in SQL so a busy day's hundreds
# of ordinary calls are never read).
AUDITED_KINDS = ("cancelled", "reassigned", "paused", "resumed", "transferred", "no_show", "returned_to_queue")
AUDIT_LIMIT = 300  # newest first; a day with more audited actions shows its latest 300


@dataclass(frozen=True)
class WaitingTicket:
    """A ticket in the waiting set. `status` is "waiting" or "transferred"; `target_counter` is
    set when only that counter may call it (transfer or the supervisor's reassignment)."""

    ticket_id: str
    display: str
    group_code: str
    group_name: str
    priority: bool
    priority_reason: str
    issued_at: datetime
    waited_seconds: int
    target_counter: int | None
    status: str


@dataclass(frozen=True)
class AuditRow:
    """One audited action of the day. `counter` is where it happened (for a reassignment: the
    counter the ticket was sent to); `actor` is the full name ("" when no one logged in acted);
    `reason` is the reason or note given; `to_group` / `to_counter` describe a transfer."""

    at: datetime
    ticket: str
    kind: str
    counter: int | None
    actor: str
    reason: str
    out_of_order: bool = False
    to_group: str = ""
    to_counter: int | None = None


@dataclass(frozen=True)
class DayTotals:
    """The whole centre's day: tickets issued and served, average wait and service (None: none yet)."""

    issued: int
    served: int
    average_wait_seconds: int | None
    average_service_seconds: int | None


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    return datetime.combine(day, time.min), datetime.combine(day, time.max)


def waiting_tickets(db: Database, now: datetime) -> list[WaitingTicket]:
    """Everyone waiting now, roughly in the order they will be called: tickets sent to one counter
    first, then priority tickets, then the rest, oldest first. (The exact order depends on the
    calling counter's groups and the interleave; see `queue_order`.)"""
    with db.reader() as s:
        rows = s.execute(
            select(QueueWaiting.ticket_id, QueueTicket.display, QueueWaiting.group_code, ServiceGroup.name,
                   QueueWaiting.priority, QueueTicket.priority_reason, QueueWaiting.issued_at,
                   QueueWaiting.target_counter, QueueTicket.status)
            .join(QueueTicket, QueueTicket.id == QueueWaiting.ticket_id)
            .outerjoin(ServiceGroup, ServiceGroup.code == QueueWaiting.group_code)
            .order_by(QueueWaiting.target_counter.is_(None), QueueWaiting.priority.desc(),
                      QueueWaiting.issued_at, QueueWaiting.number, QueueWaiting.ticket_id)).all()
    return [WaitingTicket(ticket_id, display, group, name or "", bool(priority), reason or "", issued,
                          max(0, int((now - issued).total_seconds())), target, status)
            for ticket_id, display, group, name, priority, reason, issued, target, status in rows]


def day_totals(db: Database, day: date) -> DayTotals:
    """Issued, served (finished), average wait (first call per ticket) and service time of `day`."""
    lo, hi = _day_bounds(day)
    started, finished = aliased(QueueEvent), aliased(QueueEvent)
    with db.reader() as s:
        issued = s.scalar(select(func.count()).select_from(QueueTicket).where(QueueTicket.day == day)) or 0
        services = s.execute(
            select(started.at, finished.at)
            .join(started, (started.ticket_id == finished.ticket_id) & (started.kind == "started"))
            .where(finished.kind == "finished", finished.at.between(lo, hi))).all()
        first_calls = (select(QueueEvent.ticket_id, func.min(QueueEvent.at).label("at"))
                       .where(QueueEvent.kind == "called", QueueEvent.at.between(lo, hi))
                       .group_by(QueueEvent.ticket_id).subquery())
        waits = s.execute(select(first_calls.c.at, QueueTicket.issued_at)
                          .join(QueueTicket, QueueTicket.id == first_calls.c.ticket_id)).all()
    return DayTotals(issued, len(services), average_wait_seconds=_mean(called - at for called, at in waits),
                     average_service_seconds=_mean(end - begin for begin, end in services))


def _mean(deltas) -> int | None:
    seconds = [d.total_seconds() for d in deltas]
    return round(sum(seconds) / len(seconds)) if seconds else None


def audit_today(db: Database, day: date, limit: int = AUDIT_LIMIT) -> list[AuditRow]:
    """The day's audited actions, newest first: out-of-order calls (with their reason),
    cancellations, reassignments, pauses and resumes, transfers, no-shows, tickets sent back to
    the queue. Ordinary calls are left out."""
    lo, hi = _day_bounds(day)
    with db.reader() as s:
        rows = s.execute(
            select(QueueEvent.at, QueueTicket.display, QueueEvent.kind, QueueEvent.counter_number, User.full_name,
                   QueueEvent.detail)
            .outerjoin(QueueTicket, QueueTicket.id == QueueEvent.ticket_id)
            .outerjoin(User, User.id == QueueEvent.actor_id)
            .where(QueueEvent.at.between(lo, hi),
                   or_(QueueEvent.kind.in_(AUDITED_KINDS),
                       (QueueEvent.kind == "called") & QueueEvent.detail["out_of_order"].as_boolean().is_(True)))
            .order_by(QueueEvent.at.desc(), QueueEvent.seq.desc(), QueueEvent.id)
            .limit(limit)).all()
    out: list[AuditRow] = []
    for at, display, kind, counter, actor, detail in rows:
        detail = detail or {}
        out.append(AuditRow(at, display or "", kind, counter, actor or "",
                            str(detail.get("reason") or detail.get("note") or ""), bool(detail.get("out_of_order")),
                            str(detail.get("to_group") or ""), detail.get("to_counter")))
    return out


def counter_names(db: Database) -> dict[int, str]:
    """The centre's numbered counters and their names (may be empty: counters need no record)."""
    with db.reader() as s:
        return dict(s.execute(select(Counter.number, Counter.name).order_by(Counter.number)).all())


@dataclass(frozen=True)
class CounterView:
    """One reading of one counter: its state (a called ticket leaves it "idle"), for how long, the
    pause reason, the called or served ticket, and the waiting counts of its groups (tickets sent
    to this counter count in their group too)."""

    status: str = IDLE
    for_seconds: int = 0
    since: datetime | None = None
    reason: str = ""
    ticket: TicketInfo | None = None
    waiting: tuple[tuple[str, int], ...] = ()


def counter_view(db: Database, counter_number: int, groups: list[str], now: datetime) -> CounterView:
    """What a counter's panel shows each second: three indexed reads (its state row, its ticket,
    the waiting counts), never the day's history — twenty counters polling stay cheap."""
    with db.reader() as s:
        counts = s.execute(
            select(QueueWaiting.group_code, func.count()).where(
                or_(QueueWaiting.target_counter.is_(None), QueueWaiting.target_counter == counter_number))
            .group_by(QueueWaiting.group_code)).all()
        active = list(s.scalars(select(ServiceGroup.code).where(ServiceGroup.active.is_(True))
                                .order_by(ServiceGroup.position, ServiceGroup.code)))
        by_group = dict(counts)
        waiting = tuple((code, by_group.get(code, 0)) for code in active if not groups or code in groups)
        state = s.get(CounterState, counter_number)
        if state is None:
            return CounterView(waiting=waiting)  # this counter has never called: free
        ticket = None
        if state.ticket_id is not None:
            row = s.execute(select(QueueTicket, ServiceGroup.name).outerjoin(
                ServiceGroup, ServiceGroup.code == QueueTicket.group_code).where(QueueTicket.id == state.ticket_id)).first()
            if row is not None and row[0].status in (CALLED, SERVING) and row[0].counter_number == counter_number:
                t = row[0]
                ticket = TicketInfo(t.id, t.display, t.group_code, row[1] or "", t.day, t.priority, t.status,
                                    t.counter_number, t.calls, t.issued_at, t.called_at)
        return CounterView(state.status, max(0, int((now - state.since).total_seconds())), state.since, state.reason,
                           ticket, waiting)
