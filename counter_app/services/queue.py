"""The walk-in queue: issue tickets, call them to counters, serve, transfer, close the day.

Guarantees:
- ONE arbiter decides who is called: on PostgreSQL each call picks and locks its ticket's
  `queue_waiting` row with `SELECT … ORDER BY … LIMIT 1 FOR UPDATE SKIP LOCKED` (a row another
  counter is taking is skipped, never waited on) and deletes it in the same statement; on SQLite
  every write transaction holds the database's write lock from `BEGIN IMMEDIATE`. No ticket is
  ever called by two counters.
- Ticket numbers come from `codes.next_number` with scope `ticket:<group>`, so they restart per
  group each day and are never issued twice (same upsert as dossier codes).
- Calling again while the counter's called ticket is not started returns that ticket (a
  double-click on Call next calls one ticket): the counter's `counter_state` row is locked first.
- Every action appends a `queue_event` (time, actor, counter, `seq`) in the action's transaction.
- Days are the centre's local days: the clock gives naive Asia/Ho_Chi_Minh wall-clock time. The
  first `issue` or `call_next` of a day (per service instance) closes earlier days' open tickets
  (`close_stale_days`): closed, or carried to today with priority (`queue_carry_over`); tickets
  being served are left to their officer. `close_day` does it at closing time (CLI).
- `user=None` is the CLI / outside hardware acting without a login (recorded as no actor).
Ordering rules: `queue_order` (mirrored in SQL by `queue_sql.next_row`). Statements and row
helpers: `queue_sql`, `queue_store`. Read-only views (board, supervisor): `queue_views`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time

from sqlalchemy import func, select

from counter_app.models import QueueEvent, QueueTicket, QueueWaiting, ServiceGroup, TicketDossier, now_local
from counter_app.services import calendar_store, centre_settings, queue_views
from counter_app.services.auth import Role, UserInfo, require_role
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound
from counter_app.services import queue_store as store
from counter_app.services.queue_order import next_streak
from counter_app.services.queue_types import (
    CALLED,
    CANCELLED,
    IDLE,
    NO_SHOW,
    PAUSED,
    SERVING,
    TRANSFERRED,
    WAITING,
    GroupInfo,
    TicketInfo,
    error,
)

DEFAULT_SERVICE_MINUTES = 5.0


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise error(QT_TRANSLATE_NOOP("Messages", "A reason is required."))
    return reason


def _staff(user: UserInfo | None) -> None:
    if user is not None:
        require_role(user, Role.RECEPTION, Role.SUPERVISOR)


class QueueService:
    """Thread-safe: every call opens its own transaction (on PostgreSQL call, start and finish
    first try one statement on a connection each thread keeps: `close()` gives the calling
    thread's back). `clock` is injectable for tests."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock
        self._day_checked: date | None = None  # stale days are closed up to this day
        self._one = store.OneStatementActions(db) if db.dialect == "postgresql" else None

    def close(self) -> None:
        if self._one is not None:
            self._one.close()

    # ---- reading -------------------------------------------------------------------------
    def groups(self, *, active_only: bool = True) -> list[GroupInfo]:
        with self.db.reader() as s:
            stmt = select(ServiceGroup).order_by(ServiceGroup.position, ServiceGroup.code)
            if active_only:
                stmt = stmt.where(ServiceGroup.active.is_(True))
            return [GroupInfo(g.code, g.name, tuple(c for c in g.field_codes.split(",") if c), g.active)
                    for g in s.scalars(stmt)]

    def get(self, ticket_id: str) -> TicketInfo:
        with self.db.reader() as s:
            return store.info(s, store.load_ticket(s, ticket_id, lock=False))

    def find(self, display: str, day: date | None = None) -> TicketInfo:
        """Today's (or `day`'s) ticket by its printed number, e.g. "A1023"."""
        day = day or self.clock().date()
        with self.db.reader() as s:
            ticket = s.scalar(select(QueueTicket).where(QueueTicket.day == day,
                                                        QueueTicket.display == display.strip().upper()))
            if ticket is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "There is no ticket {ticket}."), {"ticket": display}))
            return store.info(s, ticket)

    def events(self, ticket_id: str | None = None) -> list[dict]:
        """The event log (of one ticket), oldest first."""
        with self.db.reader() as s:
            stmt = select(QueueEvent).order_by(QueueEvent.at, QueueEvent.seq, QueueEvent.id)
            if ticket_id is not None:
                stmt = stmt.where(QueueEvent.ticket_id == ticket_id)
            return [{"ticket_id": e.ticket_id, "at": e.at, "actor_id": e.actor_id, "counter": e.counter_number,
                     "kind": e.kind, "detail": dict(e.detail)} for e in s.scalars(stmt)]

    def board(self, last: int = 10) -> dict:
        with self.db.reader() as s:
            return queue_views.board(s, self.clock().date(), last)

    def supervisor_view(self) -> dict:
        with self.db.reader() as s:
            return queue_views.supervisor_view(s, self.clock().date(), self.clock())

    # ---- issuing -------------------------------------------------------------------------
    def issue(self, group_code: str, priority: bool = False, priority_reason: str = "") -> TicketInfo:
        now = self.clock()
        self._roll_day(now)
        with self.db.transaction() as s:
            group = s.get(ServiceGroup, group_code.strip().upper())
            if group is None or not group.active:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "There is no service group {code}."),
                                       {"code": group_code}))
            agency = centre_settings.load(s).agency_id
            ticket = store.new_ticket(s, agency, group.code, now.date(), now, priority, priority_reason.strip())
            store.event(s, ticket.id, "issued", now, None, None, priority=priority)
            ahead = s.scalar(select(func.count()).select_from(QueueWaiting).where(
                QueueWaiting.group_code == group.code, QueueWaiting.ticket_id != ticket.id,
                QueueWaiting.target_counter.is_(None),
                *([QueueWaiting.priority.is_(True)] if priority else []))) or 0
            minutes = queue_views.average_service_minutes(s, group.code, now.date()) or DEFAULT_SERVICE_MINUTES
            counters = max(1, queue_views.open_counters(s))
            estimate = math.ceil(ahead * minutes / counters)
            return store.info(s, ticket, ahead=ahead, estimate=estimate)

    # ---- calling -------------------------------------------------------------------------
    def call_next(self, counter_number: int, user: UserInfo | None, groups: list[str] | None = None) -> TicketInfo | None:
        """Call the next ticket of `groups` (default: every active group) to the counter.

        On PostgreSQL the usual case is one statement in one round trip
        (`store.OneStatementActions`). Otherwise, and whenever that one calls nobody (new
        counter, paused, double-click, serving, nobody waiting), five statements in a transaction
        and no ORM objects: lock the counter row (the ordering rules read beside it), take the
        next waiting row (`store.take_next`), mark the ticket called, update the counter, append
        the event."""
        _staff(user)
        now = self.clock()
        self._roll_day(now)
        if self._one is not None:
            called = self._one.call(counter_number, groups or None, now, user)
            if called is not None:
                return called
        with self.db.transaction() as s:
            state, rules = store.lock_counter(s, counter_number, now)
            if state.status == PAUSED:
                raise store.paused(counter_number)
            officer_changes = user is not None and state.user_id != user.id
            if state.ticket_id is not None:
                current = store.ticket_info(s, state.ticket_id)
                if current is not None and current.status == SERVING:
                    raise store.serving(counter_number, current.display)
                if current is not None and current.status == CALLED:
                    if officer_changes:
                        store.counter_officer(s, counter_number, user)
                    return current  # double-click: the same ticket, not another
            picked = store.take_next(s, counter_number, groups or None, state.normal_streak, now, rules)
            if picked is None:
                if officer_changes:
                    store.counter_officer(s, counter_number, user)
                return None
            ticket = store.mark_called(s, picked.ticket_id, counter_number, now)
            store.counter_called(s, counter_number, ticket.id, next_streak(picked, state.normal_streak, rules), now, user)
            store.event(s, ticket.id, "called", now, user, counter_number)
            return ticket

    def call_specific(self, ticket_id: str, counter_number: int, user: UserInfo | None, reason: str) -> TicketInfo:
        """Call a waiting ticket out of order; the reason is recorded for supervisors."""
        _staff(user)
        reason = _reason(reason)
        now = self.clock()
        with self.db.transaction() as s:
            state = store.counter_state(s, counter_number, now, user)
            earlier = store.current(s, state)
            ticket = store.load_ticket(s, ticket_id)
            if not store.claim(s, ticket.id):
                raise store.wrong_status(ticket)
            if earlier is not None:
                # The ticket called before (its holder has not come forward yet) goes back to its
                # place in the queue instead of being left "called" at no counter.
                earlier.status, earlier.counter_number = WAITING, None
                s.add(QueueWaiting(ticket_id=earlier.id, group_code=earlier.group_code, priority=earlier.priority,
                                   issued_at=earlier.issued_at, number=earlier.number))
                store.event(s, earlier.id, "returned_to_queue", now, user, counter_number)
            called = store.mark_called(s, ticket.id, counter_number, now)
            state.ticket_id, state.status, state.since = ticket.id, IDLE, now
            store.event(s, ticket.id, "called", now, user, counter_number, out_of_order=True, reason=reason)
            return called

    def recall(self, ticket_id: str, counter_number: int, user: UserInfo | None) -> TicketInfo:
        _staff(user)
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.at_counter(s, ticket_id, counter_number, CALLED)
            ticket.calls += 1
            ticket.called_at = now
            store.event(s, ticket.id, "recalled", now, user, counter_number, calls=ticket.calls)
            return store.info(s, ticket)

    def no_show(self, ticket_id: str, counter_number: int, user: UserInfo | None) -> TicketInfo:
        _staff(user)
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.at_counter(s, ticket_id, counter_number, CALLED)
            needed = int(centre_settings.load(s).queue_no_show_after_calls)
            if ticket.calls < needed:
                raise error(QT_TRANSLATE_NOOP("Messages", "Ticket {number} may be marked as a no-show only after {n} calls."),
                             number=ticket.display, n=needed)
            ticket.status, ticket.finished_at = NO_SHOW, now
            store.release(s, counter_number, now)
            store.event(s, ticket.id, "no_show", now, user, counter_number, calls=ticket.calls)
            return store.info(s, ticket)

    def start(self, ticket_id: str, counter_number: int, user: UserInfo | None) -> TicketInfo:
        _staff(user)
        now = self.clock()
        if self._one is not None:
            started = self._one.start(ticket_id, counter_number, now, user)
            if started is not None:
                return started
        with self.db.transaction() as s:
            state, _rules = store.lock_counter(s, counter_number, now)  # the counter first, as every call
            if state.status == PAUSED:
                raise store.paused(counter_number)
            ticket = store.to_serving(s, ticket_id, counter_number, now)
            store.counter_serving(s, counter_number, ticket.id, now, user)
            store.event(s, ticket.id, "started", now, user, counter_number)
            return ticket

    def finish(self, ticket_id: str, counter_number: int, user: UserInfo | None, outcome: str = "") -> TicketInfo:
        _staff(user)
        now = self.clock()
        outcome = outcome.strip()[:200]
        if self._one is not None:
            finished = self._one.finish(ticket_id, counter_number, now, user, outcome)
            if finished is not None:
                return finished
        with self.db.transaction() as s:
            ticket = store.to_finished(s, ticket_id, counter_number, now, outcome)
            store.release(s, counter_number, now)
            store.event(s, ticket.id, "finished", now, user, counter_number, outcome=outcome)
            return ticket

    def transfer(self, ticket_id: str, counter_number: int, user: UserInfo | None, *, to_group: str | None = None,
                 to_counter: int | None = None, note: str = "") -> TicketInfo:
        """Send a called or served ticket to another group's queue or to one counter (it goes first there)."""
        _staff(user)
        if not to_group and to_counter is None:
            raise error(QT_TRANSLATE_NOOP("Messages", "Choose a group or a counter to transfer to."))
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.at_counter(s, ticket_id, counter_number, CALLED, SERVING)
            group_code = ticket.group_code  # the ticket keeps its number; it waits in the new group
            if to_group:
                group = s.get(ServiceGroup, to_group.strip().upper())
                if group is None:
                    raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "There is no service group {code}."),
                                           {"code": to_group}))
                group_code = group.code
            ticket.status, ticket.counter_number = TRANSFERRED, None
            s.add(QueueWaiting(ticket_id=ticket.id, group_code=group_code, priority=ticket.priority,
                               issued_at=ticket.issued_at, number=ticket.number, target_counter=to_counter))
            store.release(s, counter_number, now)
            store.event(s, ticket.id, "transferred", now, user, counter_number, to_group=group_code,
                        to_counter=to_counter, note=note.strip())
            return store.info(s, ticket)

    # ---- counters ------------------------------------------------------------------------
    def pause(self, counter_number: int, user: UserInfo | None, reason: str) -> None:
        _staff(user)
        reason = _reason(reason)
        now = self.clock()
        with self.db.transaction() as s:
            state = store.counter_state(s, counter_number, now, user)
            store.current(s, state)
            state.status, state.since, state.reason = PAUSED, now, reason
            store.event(s, None, "paused", now, user, counter_number, reason=reason)

    def resume(self, counter_number: int, user: UserInfo | None) -> None:
        _staff(user)
        now = self.clock()
        with self.db.transaction() as s:
            state = store.counter_state(s, counter_number, now, user, allow_paused=True)
            if state.status == PAUSED:
                state.status, state.since, state.reason = IDLE, now, ""
                store.event(s, None, "resumed", now, user, counter_number)

    # ---- supervisor ----------------------------------------------------------------------
    def cancel(self, ticket_id: str, user: UserInfo, reason: str) -> TicketInfo:
        require_role(user, Role.SUPERVISOR)
        reason = _reason(reason)
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.load_ticket(s, ticket_id)
            if not store.claim(s, ticket.id):
                raise store.wrong_status(ticket)
            ticket.status, ticket.finished_at = CANCELLED, now
            store.event(s, ticket.id, "cancelled", now, user, None, reason=reason)
            return store.info(s, ticket)

    def reassign(self, ticket_id: str, to_counter: int, user: UserInfo, reason: str) -> TicketInfo:
        require_role(user, Role.SUPERVISOR)
        reason = _reason(reason)
        now = self.clock()
        with self.db.transaction() as s:
            row = store.lock_waiting(s, ticket_id, skip_locked=False)  # before the ticket: see `_close`
            ticket = store.load_ticket(s, ticket_id)
            if row is None:
                raise store.wrong_status(ticket)
            store.touch(s, ticket.id)  # even when the target stays the same: see `store.touch`
            row.target_counter = to_counter
            store.event(s, ticket.id, "reassigned", now, user, to_counter, reason=reason)
            return store.info(s, ticket)

    def link_dossier(self, ticket_id: str, dossier_id: str, user: UserInfo | None = None) -> None:
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.load_ticket(s, ticket_id)
            if s.get(TicketDossier, (ticket.id, dossier_id)) is None:
                store.touch(s, ticket.id)  # see `store.touch`
                s.add(TicketDossier(ticket_id=ticket.id, dossier_id=dossier_id))
                store.event(s, ticket.id, "dossier_linked", now, user, ticket.counter_number, dossier_id=dossier_id)

    # ---- day boundary --------------------------------------------------------------------
    def close_day(self, day: date | None = None, carry_over: bool | None = None,
                  next_day: date | None = None) -> dict:
        """Close `day`'s (default: today's) tickets still waiting, transferred or called — for
        `counter-app queue close-day` at closing time. Closed with status `closed`, or, with
        carry-over (default: the centre's `queue_carry_over`), re-issued on `next_day` (default:
        the centre's next working day after `day`) as priority tickets keeping their issue time,
        so the ageing cap puts them first. Tickets being served are left to their officer.
        Idempotent; returns {"closed": n, "carried_over": m}."""
        day = day or self.clock().date()
        if next_day is None:
            with self.db.reader() as s:
                next_day = calendar_store.load_calendar(s, centre_settings.load(s)).next_working_day(day)
        return self._close(QueueTicket.day == day, self.clock(), carry_over, next_day)

    def close_stale_days(self, today: date | None = None, carry_over: bool | None = None) -> dict:
        """Close every day before `today` (default: the clock's) that still has open tickets, as
        `close_day` does, carrying to `today` — the day they will now be served. Tickets called
        today or being served are left alone. Cheap when there is nothing to close (one indexed
        read, no write lock); `issue` and `call_next` run it on their first call of each day."""
        now = self.clock()
        today = today or now.date()
        stale = QueueTicket.day < today
        called_before = datetime.combine(today, time.min)
        with self.db.reader() as s:
            if s.scalar(select(QueueTicket.id).where(stale, store.open_at_closing(called_before)).limit(1)) is None:
                return {"closed": 0, "carried_over": 0}
        return self._close(stale, now, carry_over, today, called_before=called_before)

    def _roll_day(self, now: datetime) -> None:
        if self._day_checked != now.date():
            self.close_stale_days(now.date())
            self._day_checked = now.date()

    def _close(self, which, now: datetime, carry_over: bool | None, to_day: date, *,
               called_before: datetime | None = None) -> dict:
        with self.db.transaction() as s:
            carry = centre_settings.load(s).queue_carry_over if carry_over is None else carry_over
            return store.close_tickets(s, which, now, carry=carry, to_day=to_day, called_before=called_before)
