"""Row-level helpers of `services.queue`: locking, claiming, counter states, events, views of a row.

`take_next()` is the arbiter's core: ONE statement picks the counter's next ticket in the order
of `queue_order.pick_next` and deletes its `queue_waiting` row — on PostgreSQL the pick is
`ORDER BY … LIMIT 1 FOR UPDATE SKIP LOCKED`, so concurrent counters each take the first row
nobody else is taking instead of all trying the same one; on SQLite the caller already holds the
write lock (`BEGIN IMMEDIATE`). The hot path (call, start, finish, events) runs the prebuilt
statements of `queue_sql` on the session's connection, one round trip each, and loads no ORM
objects. Lock order everywhere: counter row, waiting row, ticket row.
"""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from counter_app.models import CounterState, QueueTicket, QueueWaiting
from counter_app.models.base import new_id
from counter_app.services import codes
from counter_app.services.auth import UserInfo
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound, ServiceError
from counter_app.services import queue_sql as sql
from counter_app.services.queue_order import OrderRules, Waiting
from counter_app.services.queue_sql import C, T, W
from counter_app.services.queue_types import (CALLED, CLOSED, PAUSED, SERVING, TRANSFERRED, WAITING, TicketInfo, error,
                                              status_word)


def _pg(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _params(params: dict) -> dict:
    return {f"p_{name}": value for name, value in params.items()}  # see `queue_sql`


def _run(s: Session, stmt, **params):
    """A `queue_sql` statement on the session's connection (no ORM round of its own)."""
    return s.connection().execute(stmt, _params(params))


def _user(user: UserInfo | None) -> str | None:
    return user.id if user is not None else None


def _decode(stored: str | None, key: str) -> Any:
    return getattr(sql.DEFAULTS, key) if stored is None else json.loads(stored)


# ---- counters ------------------------------------------------------------------------------

def lock_counter(s: Session, number: int, now: datetime) -> tuple[Row, OrderRules]:
    """The counter's state row (created if new, locked on PostgreSQL) and the ordering rules,
    read in the same round trip (the settings as scalar subqueries beside the locked row)."""
    pg = _pg(s)
    row = _run(s, sql.lock_counter(pg), n=number).first()
    if row is None:
        _run(s, sql.new_counter(pg), n=number, now=now)
        row = _run(s, sql.lock_counter(pg), n=number).one()
    rules = OrderRules(priority_every=int(_decode(row[5], "queue_priority_every")),
                       ageing_minutes=int(_decode(row[6], "queue_ageing_minutes")))
    return row, rules


def paused(number: int) -> ServiceError:
    return error(QT_TRANSLATE_NOOP("Messages", "Counter {counter} is paused; resume it first."), counter=number)


def serving(number: int, display: str) -> ServiceError:
    return error(QT_TRANSLATE_NOOP("Messages", "Counter {counter} is serving ticket {number}; finish or transfer it first."),
                 counter=number, number=display)


def counter_called(s: Session, number: int, ticket_id: str, streak: int, now: datetime, user: UserInfo | None) -> None:
    _run(s, sql.COUNTER_CALLED, n=number, ticket=ticket_id, streak=streak, now=now, user=_user(user))


def counter_serving(s: Session, number: int, ticket_id: str, now: datetime, user: UserInfo | None) -> None:
    _run(s, sql.COUNTER_SERVING, n=number, ticket=ticket_id, now=now, user=_user(user))


def counter_officer(s: Session, number: int, user: UserInfo) -> None:
    _run(s, sql.COUNTER_OFFICER, n=number, user=user.id)


def counter_state(s: Session, number: int, now: datetime, user: UserInfo | None, *,
                  allow_paused: bool = False) -> CounterState:
    """The counter's state row as an ORM object, created if new and locked (PostgreSQL)."""
    stmt = select(CounterState).where(CounterState.counter_number == number)
    if _pg(s):
        stmt = stmt.with_for_update()
    stmt = stmt.execution_options(populate_existing=True)
    state = s.scalar(stmt)
    if state is None:
        _run(s, sql.new_counter(_pg(s)), n=number, now=now)
        state = s.scalar(stmt)
    if state.status == PAUSED and not allow_paused:
        raise paused(number)
    if user is not None:
        state.user_id = user.id
    return state


def current(s: Session, state: CounterState) -> QueueTicket | None:
    """The counter's called ticket (None when free); refuses while it serves one."""
    if state.ticket_id is None:
        return None
    ticket = s.get(QueueTicket, state.ticket_id)
    if ticket is not None and ticket.status == SERVING:
        raise serving(state.counter_number, ticket.display)
    return ticket if ticket is not None and ticket.status == CALLED else None


def release(s: Session, counter_number: int, now: datetime, *, only: str | None = None) -> None:
    """The counter is free again (`only`: if it still holds that ticket)."""
    s.flush()
    if only is None:
        _run(s, sql.COUNTER_RELEASE, n=counter_number, now=now)
    else:
        _run(s, sql.COUNTER_RELEASE_IF_HOLDING, n=counter_number, now=now, ticket=only)


def lock_counters_holding(s: Session, *where) -> None:
    """Lock (PostgreSQL) the counter rows holding the tickets matching `where`, in counter order."""
    if _pg(s):
        held = select(T.c.id).where(*where)
        s.execute(select(C.c.counter_number).where(C.c.ticket_id.in_(held)).order_by(C.c.counter_number)
                  .with_for_update())


# ---- the waiting set -----------------------------------------------------------------------

def take_next(s: Session, counter: int, groups: list[str] | None, streak: int, now: datetime,
              rules: OrderRules) -> Waiting | None:
    """Delete and return the waiting row `counter` calls next (`queue_sql.next_row`); `groups`
    None: every active group."""
    params = {"n": counter, "prefer": streak >= rules.priority_every,
              "cap": now - timedelta(minutes=rules.ageing_minutes)}
    if groups is not None:
        params["groups"] = list(groups)
    row = _run(s, sql.take_next(_pg(s), groups is None), **params).first()
    return Waiting(*row) if row is not None else None


class OneStatementActions:
    """PostgreSQL: `queue_sql`'s one-statement actions, in autocommit on a connection each thread
    keeps (one round trip per action: no pool check-out with its liveness ping). Each returns
    the ticket, or None when the caller's general path must decide — also when the connection
    has died: that path locks the counter row first, so it sees whatever a statement that did
    reach the server did (a call then returns that ticket, as on a double-click)."""

    def __init__(self, db):
        self.db = db
        self._local = threading.local()

    def _run(self, stmt, **params) -> TicketInfo | None:
        connection = getattr(self._local, "connection", None)
        try:
            if connection is None or connection.closed or connection.invalidated:
                connection = self._local.connection = self._connect()
            row = connection.execute(stmt, _params(params)).first()
        except DataError:
            return None  # e.g. a queue setting stored as other than a whole number: the general path reads it
        except DBAPIError as failure:
            if not failure.connection_invalidated:
                raise
            self.close()
            return None
        return info_row(row) if row is not None else None

    def _connect(self):
        connection = self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        # Prepared from the first call: these few statements run all day on this connection, and
        # psycopg would otherwise parse and plan them afresh for its first five executions.
        connection.connection.dbapi_connection.prepare_threshold = 0
        return connection

    def close(self) -> None:
        """Give this thread's connection back (other threads' go back when they end)."""
        connection, self._local.connection = getattr(self._local, "connection", None), None
        if connection is not None:
            connection.close()

    def call(self, counter: int, groups: list[str] | None, now: datetime, user: UserInfo | None) -> TicketInfo | None:
        params = {"n": counter, "now": now, "user": _user(user), "event_id": new_id()}
        if groups is not None:
            params["groups"] = list(groups)
        return self._run(sql.one_statement_call(groups is None), **params)

    def start(self, ticket_id: str, counter: int, now: datetime, user: UserInfo | None) -> TicketInfo | None:
        return self._run(sql.one_statement_move("started"), ticket=ticket_id, n=counter, now=now, user=_user(user),
                         event_id=new_id())

    def finish(self, ticket_id: str, counter: int, now: datetime, user: UserInfo | None,
               outcome: str) -> TicketInfo | None:
        return self._run(sql.one_statement_move("finished"), ticket=ticket_id, n=counter, now=now, user=_user(user),
                         event_id=new_id(), outcome=outcome)


def touch(s: Session, ticket_id: str) -> None:
    """New row versions of the ticket and its waiting row (if any), changing nothing, for an
    event that changes nothing else: a one-statement action on the ticket at the same moment
    then backs off (see `queue_sql`)."""
    _run(s, sql.TOUCH_TICKET, ticket=ticket_id)
    _run(s, sql.TOUCH_WAITING, ticket=ticket_id)


def lock_waiting(s: Session, ticket_id: str, *, skip_locked: bool = True) -> QueueWaiting | None:
    stmt = select(QueueWaiting).where(QueueWaiting.ticket_id == ticket_id)
    if _pg(s):
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


# ---- tickets -------------------------------------------------------------------------------

def new_ticket(s: Session, agency: str, group: str, day: date, issued_at: datetime, priority: bool, reason: str, *,
               carried: bool = False) -> QueueTicket:
    """A waiting ticket with the group's next number of `day` (`codes.next_number`)."""
    number = codes.next_number(s, agency, f"ticket:{group}", day)
    ticket = QueueTicket(agency=agency, day=day, group_code=group, number=number, display=f"{group}{number:03d}",
                         priority=priority, priority_reason=reason, status=WAITING, calls=0,
                         issued_at=issued_at, outcome="", carried_over=carried)
    s.add(ticket)
    s.flush()
    s.add(QueueWaiting(ticket_id=ticket.id, group_code=group, priority=priority, issued_at=issued_at, number=number))
    return ticket


def info_row(row) -> TicketInfo:
    return TicketInfo(*row[:3], row[3] or "", *row[4:])


def ticket_info(s: Session, ticket_id: str) -> TicketInfo | None:
    row = _run(s, sql.TICKET_INFO, ticket=ticket_id).first()
    return info_row(row) if row is not None else None


def mark_called(s: Session, ticket_id: str, counter: int, now: datetime) -> TicketInfo:
    """The claimed ticket becomes `called` at `counter` (its row is locked until commit)."""
    return info_row(_run(s, sql.MARK_CALLED, ticket=ticket_id, n=counter, now=now).one())


def advance(s: Session, stmt, ticket_id: str, counter: int, from_status: str, **params) -> TicketInfo:
    """Move the ticket that is at `counter` in `from_status` on with `stmt` (`queue_sql.START`,
    `FINISH`): one UPDATE … RETURNING, which also locks its row. Refused (the reason read back)
    when it is not there in that status."""
    params.update(ticket=ticket_id, n=counter)
    row = _run(s, stmt, **params).first()
    if row is None:
        at_counter(s, ticket_id, counter, from_status)  # raises: why not (it may just have changed)…
        row = _run(s, stmt, **params).first()  # …or it got there meanwhile (locked now): try once more
        if row is None:
            raise wrong_status(load_ticket(s, ticket_id))
    return info_row(row)


def to_serving(s: Session, ticket_id: str, counter: int, now: datetime) -> TicketInfo:
    return advance(s, sql.START, ticket_id, counter, CALLED, now=now)


def to_finished(s: Session, ticket_id: str, counter: int, now: datetime, outcome: str) -> TicketInfo:
    return advance(s, sql.FINISH, ticket_id, counter, SERVING, now=now, outcome=outcome)


def load_ticket(s: Session, ticket_id: str, *, lock: bool = True) -> QueueTicket:
    stmt = select(QueueTicket).where(QueueTicket.id == ticket_id)
    if lock and _pg(s):
        stmt = stmt.with_for_update()
    ticket = s.scalar(stmt)
    if ticket is None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "There is no ticket {ticket}."), {"ticket": ticket_id}))
    return ticket


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
                  number=ticket.display, status=status_word(ticket.status))


def info(s: Session, t: QueueTicket, *, ahead: int = 0, estimate: int = 0) -> TicketInfo:
    name = _run(s, sql.GROUP_NAME, group=t.group_code).scalar() or ""
    return TicketInfo(t.id, t.display, t.group_code, name, t.day, t.priority, t.status, t.counter_number, t.calls,
                      t.issued_at, t.called_at, ahead, estimate)


# ---- events --------------------------------------------------------------------------------

def event(s: Session, ticket_id: str | None, kind: str, at: datetime, user: UserInfo | None,
          counter: int | None, **detail) -> None:
    """Append an event in one INSERT; `seq` orders the events of one ticket (or a counter's own)
    within one second. The caller has locked the ticket row (or counter row) in this transaction
    and the INSERT reads max(seq) with a fresh snapshot after that lock, so seqs never collide."""
    s.flush()  # pending ORM changes first (they may create the ticket this event names)
    _run(s, sql.TICKET_EVENT if ticket_id is not None else sql.COUNTER_EVENT, id=new_id(), ticket_id=ticket_id,
         at=at, actor=_user(user), counter=counter, kind=kind, detail=detail)


# ---- closing a day -------------------------------------------------------------------------

def open_at_closing(called_before: datetime):
    """Tickets a day's closing closes: waiting or transferred, or called before `called_before`
    and not come forward (one called since is being dealt with now). Being served: left alone."""
    return or_(T.c.status.in_((WAITING, TRANSFERRED)), and_(T.c.status == CALLED, T.c.called_at < called_before))


def take_waiting(s: Session, which) -> dict[str, str]:
    """Delete the waiting rows of the tickets `which` selects: {ticket id: group it waited in}.
    On PostgreSQL a row another transaction holds is waited for, then skipped if it is gone."""
    tickets = select(T.c.id).where(which)
    return dict(s.execute(delete(W).where(W.c.ticket_id.in_(tickets)).returning(W.c.ticket_id, W.c.group_code)).all())


def lock_tickets(s: Session, *where) -> list[QueueTicket]:
    """The tickets matching `where`, locked; a row changed meanwhile by another transaction is
    checked again once that one ends (PostgreSQL), so a ticket no longer matching is left out."""
    stmt = select(QueueTicket).where(*where)
    if _pg(s):
        stmt = stmt.with_for_update()
    return list(s.scalars(stmt))


def close_tickets(s: Session, which, now: datetime, *, carry: bool, to_day: date,
                  called_before: datetime | None = None) -> dict:
    """Close the open tickets `which` selects (see `open_at_closing`; `called_before` None: every
    called one): status `closed`, and with `carry` re-issued on `to_day` as priority tickets
    keeping their issue time, so the ageing cap puts them first. Exactly once under concurrency:
    a waiting ticket is closed by whoever deletes its waiting row (PostgreSQL: a second closer
    waits for the first's row locks, then finds the rows gone; SQLite: one writer at a time), a
    called one by whoever locks it while it is still `called`. Lock order: waiting rows,
    counters, tickets — counter actions take counter before ticket and never wait for a waiting
    row (SKIP LOCKED); `reassign` takes the waiting row before the ticket."""
    closed = carried = 0
    groups = take_waiting(s, which)  # ticket id -> the group it waited in
    called = [QueueTicket.status == CALLED]
    if called_before is not None:
        called.append(QueueTicket.called_at < called_before)
    lock_counters_holding(s, which, *called)
    tickets = lock_tickets(s, QueueTicket.id.in_(list(groups)), QueueTicket.status.in_((WAITING, TRANSFERRED)))
    tickets += lock_tickets(s, which, *called)
    for ticket in sorted(tickets, key=lambda t: (t.issued_at, t.number, t.id)):
        if ticket.status == CALLED and ticket.counter_number is not None:
            release(s, ticket.counter_number, now, only=ticket.id)
        ticket.status, ticket.finished_at = CLOSED, now
        if carry:
            # A transferred ticket goes on in the group it was waiting in, without its target
            # counter (that officer may not be there the next day).
            new = new_ticket(s, ticket.agency, groups.get(ticket.id, ticket.group_code), to_day, ticket.issued_at,
                             True, "carried over", carried=True)
            event(s, ticket.id, "carried_over", now, None, None, to_ticket=new.id, display=new.display)
            event(s, new.id, "issued", now, None, None, priority=True, from_ticket=ticket.id)
            carried += 1
        else:
            event(s, ticket.id, "closed", now, None, None)
            closed += 1
    return {"closed": closed, "carried_over": carried}
