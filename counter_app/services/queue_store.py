"""Row-level helpers of `services.queue`: locking, claiming, counter states, events, views of a row.

`claim()` is the arbiter's core: on PostgreSQL `SELECT … FOR UPDATE SKIP LOCKED` on one
`queue_waiting` row, then DELETE in the caller's transaction; on SQLite the caller already holds
the write lock (`BEGIN IMMEDIATE`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.models import CounterState, QueueEvent, QueueTicket, QueueWaiting, ServiceGroup
from counter_app.services import centre_settings
from counter_app.services.auth import UserInfo
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound, ServiceError
from counter_app.services.queue_order import OrderRules
from counter_app.services.queue_types import CALLED, IDLE, PAUSED, SERVING, TicketInfo, error


def rules(s: Session) -> OrderRules:
    settings = centre_settings.load(s)
    return OrderRules(priority_every=int(settings.queue_priority_every), ageing_minutes=int(settings.queue_ageing_minutes))


def event(s: Session, ticket_id: str | None, kind: str, at: datetime, user: UserInfo | None,
           counter: int | None, **detail) -> None:
    """Append an event; `seq` orders the events of one ticket (or a counter's own) within one second
    (the ticket row, waiting row or counter row is locked by the caller, so seqs never collide)."""
    scope = (QueueEvent.ticket_id == ticket_id if ticket_id is not None
             else (QueueEvent.ticket_id.is_(None)) & (QueueEvent.counter_number == counter))
    s.flush()
    seq = (s.scalar(select(func.max(QueueEvent.seq)).where(scope)) or 0) + 1
    s.add(QueueEvent(ticket_id=ticket_id, at=at, seq=seq, actor_id=user.id if user else None, counter_number=counter,
                     kind=kind, detail=detail))


def load_ticket(s: Session, ticket_id: str, *, lock: bool = True) -> QueueTicket:
    stmt = select(QueueTicket).where(QueueTicket.id == ticket_id)
    if lock and s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    ticket = s.scalar(stmt)
    if ticket is None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "There is no ticket {ticket}."), {"ticket": ticket_id}))
    return ticket


def lock_waiting(s: Session, ticket_id: str, *, skip_locked: bool = True) -> QueueWaiting | None:
    stmt = select(QueueWaiting).where(QueueWaiting.ticket_id == ticket_id)
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=skip_locked)
    return s.scalar(stmt)


def claim(s: Session, ticket_id: str) -> bool:
    """Take `ticket_id` out of the waiting set; False when it is gone or being taken."""
    row = lock_waiting(s, ticket_id)
    if row is None:
        return False
    s.delete(row)
    s.flush()
    return True


def counter_state(s: Session, number: int, now: datetime, user: UserInfo | None, *,
             allow_paused: bool = False) -> CounterState:
    """The counter's state row, created if new and locked (PostgreSQL) for this transaction."""
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    s.execute(insert(CounterState).values(counter_number=number, status=IDLE, since=now, reason="",
                                          normal_streak=0).on_conflict_do_nothing(index_elements=["counter_number"]))
    stmt = select(CounterState).where(CounterState.counter_number == number)
    if dialect == "postgresql":
        stmt = stmt.with_for_update()
    state = s.scalar(stmt.execution_options(populate_existing=True))
    if state.status == PAUSED and not allow_paused:
        raise error(QT_TRANSLATE_NOOP("Messages", "Counter {counter} is paused; resume it first."), counter=number)
    if user is not None:
        state.user_id = user.id
    return state


def current(s: Session, state: CounterState) -> QueueTicket | None:
    """The counter's called ticket (None when free); refuses while it serves one."""
    if state.ticket_id is None:
        return None
    ticket = s.get(QueueTicket, state.ticket_id)
    if ticket is not None and ticket.status == SERVING:
        raise error(QT_TRANSLATE_NOOP("Messages", "Counter {counter} is serving ticket {number}; finish or transfer it first."),
                     counter=state.counter_number, number=ticket.display)
    return ticket if ticket is not None and ticket.status == CALLED else None


def mark_called(s: Session, ticket: QueueTicket, state: CounterState, now: datetime,
                 user: UserInfo | None) -> None:
    ticket.status, ticket.counter_number, ticket.called_at = CALLED, state.counter_number, now
    ticket.calls = 1
    state.ticket_id, state.status, state.since = ticket.id, IDLE, now


def release(s: Session, counter_number: int, now: datetime) -> None:
    state = s.get(CounterState, counter_number)
    if state is not None:
        state.ticket_id, state.status, state.since = None, IDLE, now


def at_counter(s: Session, ticket_id: str, counter_number: int, *statuses: str) -> QueueTicket:
    ticket = load_ticket(s, ticket_id)
    if ticket.status not in statuses:
        raise wrong_status(ticket)
    if ticket.counter_number != counter_number:
        raise error(QT_TRANSLATE_NOOP("Messages", "Ticket {number} is not at counter {counter}."),
                     number=ticket.display, counter=counter_number)
    return ticket


def wrong_status(ticket: QueueTicket) -> ServiceError:
    return error(QT_TRANSLATE_NOOP("Messages", "Ticket {number} is {status}; this is not possible now."),
                  number=ticket.display, status=ticket.status)


def info(s: Session, t: QueueTicket, *, ahead: int = 0, estimate: int = 0) -> TicketInfo:
    name = s.scalar(select(ServiceGroup.name).where(ServiceGroup.code == t.group_code)) or ""
    return TicketInfo(t.id, t.display, t.group_code, name, t.day, t.priority, t.status, t.counter_number, t.calls,
                      t.issued_at, t.called_at, ahead, estimate)
