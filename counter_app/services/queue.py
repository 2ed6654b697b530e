"""The walk-in queue: issue tickets, call them to counters, serve, transfer, close the day.

Guarantees:
- ONE arbiter decides who is called: on PostgreSQL each call locks its chosen `queue_waiting` row
  with `SELECT … FOR UPDATE SKIP LOCKED` (a row another counter is taking is skipped, never
  waited on) and deletes it in the same transaction; on SQLite every write transaction holds the
  database's write lock from `BEGIN IMMEDIATE`. No ticket is ever called by two counters.
- Ticket numbers come from `codes.next_number` with scope `ticket:<group>`, so they restart per
  group each day and are never issued twice (same upsert as dossier codes).
- Calling again while the counter's called ticket is not started returns that ticket (a
  double-click on Call next calls one ticket): the counter's `counter_state` row is locked first.
- Every action appends a `queue_event` (time, actor, counter) in the action's transaction.
- Days are the centre's local days: the clock gives naive Asia/Ho_Chi_Minh wall-clock time.
- `user=None` is the CLI / outside hardware acting without a login (recorded as no actor).
Ordering rules: `queue_order`. Read-only views (board, supervisor): `queue_views`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from counter_app.models import QueueEvent, QueueTicket, QueueWaiting, ServiceGroup, TicketDossier, now_local
from counter_app.services import centre_settings, codes, queue_views
from counter_app.services.auth import Role, UserInfo, require_role
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound
from counter_app.services import queue_store as store
from counter_app.services.queue_order import Waiting, next_streak, pick_next
from counter_app.services.queue_types import (
    CALLED,
    CANCELLED,
    CLOSED,
    FINISHED,
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


# Every choice `pick_next` makes is "the oldest of a class" (targeted at this counter, priority,
# normal — the aged rule takes the oldest of both), so the oldest few of each class are enough:
# a call reads ~75 rows instead of the whole waiting set.
CANDIDATES = 25


def _candidates(s, counter_number: int, groups: list[str], limit: int,
                exclude: set[str] = frozenset()) -> tuple[list[Waiting], bool]:
    """The oldest `limit` waiting tickets of each class this counter may call; `complete` is True
    when no class was cut short (nothing else waits for it)."""
    columns = select(QueueWaiting.ticket_id, QueueWaiting.group_code, QueueWaiting.priority, QueueWaiting.issued_at,
                     QueueWaiting.target_counter, QueueWaiting.number)
    oldest_first = (QueueWaiting.issued_at, QueueWaiting.number, QueueWaiting.ticket_id)
    untargeted = and_(QueueWaiting.target_counter.is_(None), QueueWaiting.group_code.in_(groups))
    pool: list[Waiting] = []
    complete = True
    for where in (QueueWaiting.target_counter == counter_number,
                  and_(untargeted, QueueWaiting.priority.is_(True)),
                  and_(untargeted, QueueWaiting.priority.is_(False))):
        rows = s.execute(columns.where(where).order_by(*oldest_first).limit(limit)).all()
        complete = complete and len(rows) < limit
        pool += [Waiting(*row) for row in rows if row[0] not in exclude]
    return pool, complete


class QueueService:
    """Thread-safe: every call opens its own transaction. `clock` is injectable for tests."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock

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
        with self.db.transaction() as s:
            group = s.get(ServiceGroup, group_code.strip().upper())
            if group is None or not group.active:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "There is no service group {code}."),
                                       {"code": group_code}))
            agency = centre_settings.load(s).agency_id
            ticket = self._new_ticket(s, agency, group.code, now.date(), now, priority, priority_reason.strip())
            store.event(s, ticket.id, "issued", now, None, None, priority=priority)
            ahead = s.scalar(select(func.count()).select_from(QueueWaiting).where(
                QueueWaiting.group_code == group.code, QueueWaiting.ticket_id != ticket.id,
                QueueWaiting.target_counter.is_(None),
                *([QueueWaiting.priority.is_(True)] if priority else []))) or 0
            minutes = queue_views.average_service_minutes(s, group.code, now.date()) or DEFAULT_SERVICE_MINUTES
            counters = max(1, queue_views.open_counters(s))
            estimate = math.ceil(ahead * minutes / counters)
            return store.info(s, ticket, ahead=ahead, estimate=estimate)

    def _new_ticket(self, s: Session, agency: str, group: str, day: date, issued_at: datetime, priority: bool,
                    reason: str, *, carried: bool = False) -> QueueTicket:
        number = codes.next_number(s, agency, f"ticket:{group}", day)
        ticket = QueueTicket(agency=agency, day=day, group_code=group, number=number, display=f"{group}{number:03d}",
                             priority=priority, priority_reason=reason, status=WAITING, calls=0,
                             issued_at=issued_at, outcome="", carried_over=carried)
        s.add(ticket)
        s.flush()
        s.add(QueueWaiting(ticket_id=ticket.id, group_code=group, priority=priority, issued_at=issued_at,
                            number=number))
        return ticket

    # ---- calling -------------------------------------------------------------------------
    def call_next(self, counter_number: int, user: UserInfo | None, groups: list[str] | None = None) -> TicketInfo | None:
        """Call the next ticket of `groups` (default: every active group) to the counter."""
        _staff(user)
        now = self.clock()
        with self.db.transaction() as s:
            state = store.counter_state(s, counter_number, now, user)
            current = store.current(s, state)
            if current is not None and current.status == CALLED:
                return store.info(s, current)  # double-click: the same ticket, not another
            if not groups:
                groups = list(s.scalars(select(ServiceGroup.code).where(ServiceGroup.active.is_(True))))
            rules = store.rules(s)
            taken: set[str] = set()
            limit = CANDIDATES
            pool, complete = _candidates(s, counter_number, groups, limit)
            while True:
                picked = pick_next(pool, counter=counter_number, groups=groups, streak=state.normal_streak,
                                   now=now, rules=rules)
                if picked is None:
                    if complete:
                        return None
                    # Every candidate was taken by other counters meanwhile: look further.
                    limit *= 4
                    pool, complete = _candidates(s, counter_number, groups, limit, exclude=taken)
                    continue
                if store.claim(s, picked.ticket_id):
                    break
                pool.remove(picked)  # another counter is taking it right now
                taken.add(picked.ticket_id)
            state.normal_streak = next_streak(picked, state.normal_streak, rules)
            ticket = store.load_ticket(s, picked.ticket_id)
            store.mark_called(s, ticket, state, now, user)
            store.event(s, ticket.id, "called", now, user, counter_number)
            return store.info(s, ticket)

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
            store.mark_called(s, ticket, state, now, user)
            store.event(s, ticket.id, "called", now, user, counter_number, out_of_order=True, reason=reason)
            return store.info(s, ticket)

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
        with self.db.transaction() as s:
            ticket = store.at_counter(s, ticket_id, counter_number, CALLED)
            ticket.status, ticket.started_at = SERVING, now
            state = store.counter_state(s, counter_number, now, user)
            state.status, state.since, state.ticket_id = SERVING, now, ticket.id
            store.event(s, ticket.id, "started", now, user, counter_number)
            return store.info(s, ticket)

    def finish(self, ticket_id: str, counter_number: int, user: UserInfo | None, outcome: str = "") -> TicketInfo:
        _staff(user)
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.at_counter(s, ticket_id, counter_number, SERVING)
            ticket.status, ticket.finished_at, ticket.outcome = FINISHED, now, outcome.strip()[:200]
            store.release(s, counter_number, now)
            store.event(s, ticket.id, "finished", now, user, counter_number, outcome=ticket.outcome)
            return store.info(s, ticket)

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
            ticket = store.load_ticket(s, ticket_id)
            row = store.lock_waiting(s, ticket.id, skip_locked=False)
            if row is None:
                raise store.wrong_status(ticket)
            row.target_counter = to_counter
            store.event(s, ticket.id, "reassigned", now, user, to_counter, reason=reason)
            return store.info(s, ticket)

    def link_dossier(self, ticket_id: str, dossier_id: str, user: UserInfo | None = None) -> None:
        now = self.clock()
        with self.db.transaction() as s:
            ticket = store.load_ticket(s, ticket_id)
            if s.get(TicketDossier, (ticket.id, dossier_id)) is None:
                s.add(TicketDossier(ticket_id=ticket.id, dossier_id=dossier_id))
                store.event(s, ticket.id, "dossier_linked", now, user, ticket.counter_number, dossier_id=dossier_id)

    def close_day(self, day: date, carry_over: bool | None = None, next_day: date | None = None) -> dict:
        """Close `day`'s tickets still waiting or called: status `closed`, or (carry-over) closed here
        and re-issued on `next_day` (default the day after) as priority tickets keeping their issue
        time, so the ageing cap puts them first."""
        now = self.clock()
        next_day = next_day or day + timedelta(days=1)
        closed = carried = 0
        with self.db.transaction() as s:
            settings = centre_settings.load(s)
            carry = settings.queue_carry_over if carry_over is None else carry_over
            tickets = list(s.scalars(select(QueueTicket).where(
                QueueTicket.day == day, QueueTicket.status.in_((WAITING, TRANSFERRED, CALLED))).order_by(QueueTicket.issued_at)))
            for ticket in tickets:
                was_waiting = ticket.status != CALLED
                s.execute(delete(QueueWaiting).where(QueueWaiting.ticket_id == ticket.id))
                if ticket.counter_number is not None and not was_waiting:
                    store.release(s, ticket.counter_number, now)
                ticket.status, ticket.finished_at = CLOSED, now
                if carry and was_waiting:
                    new = self._new_ticket(s, ticket.agency, ticket.group_code, next_day, ticket.issued_at, True,
                                           "carried over", carried=True)
                    store.event(s, ticket.id, "carried_over", now, None, None, to_ticket=new.id, display=new.display)
                    store.event(s, new.id, "issued", now, None, None, priority=True, from_ticket=ticket.id)
                    carried += 1
                else:
                    store.event(s, ticket.id, "closed", now, None, None)
                    closed += 1
        return {"closed": closed, "carried_over": carried}
