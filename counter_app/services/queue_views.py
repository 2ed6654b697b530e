"""Read-only views of the queue, derived from the waiting set, the tickets and the event log.

Waiting time = first `called` event − ticket's issue time; service time = `finished` event −
`started` event of the same ticket. Both come from `queue_event`, never from edited columns.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from counter_app.models import CounterState, QueueEvent, QueueTicket, QueueWaiting, ServiceGroup, User


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min)
    return start, datetime.combine(day, time.max)


def _service_pairs(s: Session, day: date, group: str | None = None, limit: int | None = None):
    started, finished = aliased(QueueEvent), aliased(QueueEvent)
    lo, hi = _day_bounds(day)
    stmt = (select(started.at, finished.at, finished.counter_number)
            .join(started, (started.ticket_id == finished.ticket_id) & (started.kind == "started"))
            .where(finished.kind == "finished", finished.at.between(lo, hi))
            .order_by(finished.at.desc()))
    if group is not None:
        stmt = stmt.join(QueueTicket, QueueTicket.id == finished.ticket_id).where(QueueTicket.group_code == group)
    if limit:
        stmt = stmt.limit(limit)
    return s.execute(stmt).all()


def average_service_minutes(s: Session, group: str, day: date, recent: int = 20) -> float | None:
    """Mean service time of the group's last `recent` finished tickets of the day (None: none yet)."""
    pairs = _service_pairs(s, day, group, recent)
    if not pairs:
        return None
    return sum((end - begin).total_seconds() for begin, end, _ in pairs) / len(pairs) / 60


def open_counters(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(CounterState).where(CounterState.status != "paused")) or 0


def waiting_counts(s: Session) -> dict[str, int]:
    rows = s.execute(select(QueueWaiting.group_code, func.count()).group_by(QueueWaiting.group_code)).all()
    counts = {code: 0 for code in s.scalars(select(ServiceGroup.code).where(ServiceGroup.active.is_(True)))}
    counts.update({code: n for code, n in rows})
    return counts


def board(s: Session, day: date, last: int = 10) -> dict:
    """Current calls (called, not yet started), the last calls, waiting counts per group."""
    current = s.execute(select(QueueTicket.display, QueueTicket.counter_number, QueueTicket.called_at)
                        .where(QueueTicket.status == "called").order_by(QueueTicket.called_at.desc())).all()
    lo, hi = _day_bounds(day)
    recent = s.execute(select(QueueTicket.display, QueueEvent.counter_number, QueueEvent.at)
                       .join(QueueTicket, QueueTicket.id == QueueEvent.ticket_id)
                       .where(QueueEvent.kind.in_(("called", "recalled")), QueueEvent.at.between(lo, hi))
                       .order_by(QueueEvent.at.desc(), QueueEvent.seq.desc()).limit(last)).all()
    return {
        "current": [{"number": d, "counter": c, "at": a} for d, c, a in current],
        "last": [{"number": d, "counter": c, "at": a} for d, c, a in recent],
        "waiting": waiting_counts(s),
    }


def supervisor_view(s: Session, day: date, now: datetime) -> dict:
    """Every counter: officer, status and since, current ticket, served today, average wait and
    service time today; plus waiting counts per group."""
    lo, hi = _day_bounds(day)
    served: dict[int, list[float]] = {}
    for begin, end, counter in _service_pairs(s, day):
        served.setdefault(counter, []).append((end - begin).total_seconds())
    waits: dict[int, list[float]] = {}
    calls = s.execute(select(QueueEvent.counter_number, QueueEvent.at, QueueTicket.issued_at)
                      .join(QueueTicket, QueueTicket.id == QueueEvent.ticket_id)
                      .where(QueueEvent.kind == "called", QueueEvent.at.between(lo, hi))).all()
    for counter, at, issued in calls:
        waits.setdefault(counter, []).append((at - issued).total_seconds())
    counters = []
    for state, officer, ticket in s.execute(
            select(CounterState, User.full_name, QueueTicket.display)
            .outerjoin(User, User.id == CounterState.user_id)
            .outerjoin(QueueTicket, QueueTicket.id == CounterState.ticket_id)
            .order_by(CounterState.counter_number)).all():
        times, wait = served.get(state.counter_number, []), waits.get(state.counter_number, [])
        counters.append({
            "counter": state.counter_number, "officer": officer or "", "status": state.status,
            "since": state.since, "for_seconds": int((now - state.since).total_seconds()), "reason": state.reason,
            "ticket": ticket, "served_today": len(times),
            "average_service_seconds": round(sum(times) / len(times)) if times else None,
            "average_wait_seconds": round(sum(wait) / len(wait)) if wait else None,
        })
    return {"counters": counters, "waiting": waiting_counts(s)}
