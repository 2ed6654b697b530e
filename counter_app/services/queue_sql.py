"""The walk-in queue's hot statements, built once per dialect with bind parameters (a call
neither rebuilds SQL expressions nor recomputes their cache keys); used by `queue_store`.
Bind parameters are named `p_…` (`queue_store` adds the prefix), never like a column:
SQLAlchemy turns an execution parameter named like a column into one more SET (or VALUES) entry
of an UPDATE (INSERT).

`next_row` is `queue_order.pick_next` in SQL (the tests check the two agree on random waiting
sets); `one_statement_call` and `one_statement_move` are a whole call, start or finish as one
PostgreSQL statement, each falling back to the caller's general path when it cannot decide.
"""

from __future__ import annotations

import functools

from sqlalchemy import (JSON, Boolean, DateTime, Integer, String, and_, bindparam, case, cast, delete, exists, func,
                        insert, literal, literal_column, select, update)
from sqlalchemy.dialects import postgresql, sqlite

from counter_app.models import CounterState, QueueEvent, QueueTicket, QueueWaiting, ServiceGroup, Setting
from counter_app.services import centre_settings
from counter_app.services.queue_types import CALLED, FINISHED, IDLE, PAUSED, SERVING

T, W, E, C = QueueTicket.__table__, QueueWaiting.__table__, QueueEvent.__table__, CounterState.__table__
G, S = ServiceGroup.__table__, Setting.__table__
DEFAULTS = centre_settings.CentreSettings()

N = bindparam("p_n", type_=Integer)  # the counter
NOW = bindparam("p_now", type_=DateTime)
USER = bindparam("p_user", type_=String)  # the acting officer's id, or None (the officer stays)
TICKET = bindparam("p_ticket", type_=String)


def setting(key: str):
    """The stored JSON text of one centre setting, as a scalar subquery (NULL when unset)."""
    return select(S.c.value).where(S.c.key == key).scalar_subquery()


# The columns of `TicketInfo`, in order (the group's name by a correlated subquery).
def info_columns(t):
    name = select(G.c.name).where(G.c.code == t.c.group_code).scalar_subquery()
    return (t.c.id, t.c.display, t.c.group_code, name, t.c.day, t.c.priority, t.c.status, t.c.counter_number,
            t.c.calls, t.c.issued_at, t.c.called_at)


INFO = info_columns(T)


# ---- counters ------------------------------------------------------------------------------

@functools.cache
def lock_counter(pg: bool):
    """The counter's row, locked (PostgreSQL), with the two ordering settings beside it."""
    stmt = select(C.c.counter_number, C.c.status, C.c.ticket_id, C.c.user_id, C.c.normal_streak,
                  setting("queue_priority_every"), setting("queue_ageing_minutes")).where(C.c.counter_number == N)
    return stmt.with_for_update(of=C) if pg else stmt


@functools.cache
def new_counter(pg: bool):
    insert_ = postgresql.insert if pg else sqlite.insert
    return (insert_(C).values(counter_number=N, status=IDLE, since=NOW, reason="", normal_streak=0)
            .on_conflict_do_nothing(index_elements=["counter_number"]))


def _counter_update(**values):
    return update(C).where(C.c.counter_number == N).values(user_id=func.coalesce(USER, C.c.user_id), **values)


COUNTER_CALLED = _counter_update(ticket_id=TICKET, status=IDLE, since=NOW,
                                 normal_streak=bindparam("p_streak", type_=Integer))
COUNTER_SERVING = _counter_update(ticket_id=TICKET, status=SERVING, since=NOW)
COUNTER_OFFICER = _counter_update()
COUNTER_RELEASE = update(C).where(C.c.counter_number == N).values(ticket_id=None, status=IDLE, since=NOW)
COUNTER_RELEASE_IF_HOLDING = COUNTER_RELEASE.where(C.c.ticket_id == TICKET)

# ---- tickets -------------------------------------------------------------------------------

TICKET_INFO = select(*INFO).where(T.c.id == TICKET)
GROUP_NAME = select(G.c.name).where(G.c.code == bindparam("p_group", type_=String))
MARK_CALLED = (update(T).where(T.c.id == TICKET).values(status=CALLED, counter_number=N, called_at=NOW, calls=1)
               .returning(*INFO))


def _advance(from_status: str, **values):
    """The ticket at the counter in `from_status` moves on (no row: it is not there so)."""
    return (update(T).where(T.c.id == TICKET, T.c.counter_number == N, T.c.status == from_status)
            .values(**values).returning(*INFO))


START = _advance(CALLED, status=SERVING, started_at=NOW)
FINISH = _advance(SERVING, status=FINISHED, finished_at=NOW, outcome=bindparam("p_outcome", type_=String))

# ---- events --------------------------------------------------------------------------------


def _event(scope):
    seq = select(func.coalesce(func.max(E.c.seq), 0) + 1).where(scope).scalar_subquery()
    return insert(E).values(id=bindparam("p_id", type_=String), ticket_id=bindparam("p_ticket_id", type_=String),
                            at=bindparam("p_at", type_=DateTime), seq=seq, actor_id=bindparam("p_actor", type_=String),
                            counter_number=bindparam("p_counter", type_=Integer), kind=bindparam("p_kind", type_=String),
                            detail=bindparam("p_detail", type_=JSON))


TICKET_EVENT = _event(E.c.ticket_id == bindparam("p_ticket_id", type_=String))
COUNTER_EVENT = _event(and_(E.c.ticket_id.is_(None), E.c.counter_number == bindparam("p_counter", type_=Integer)))

# ---- the waiting set -----------------------------------------------------------------------


def next_row(prefer_priority, cap, *, pg: bool, all_groups: bool, only_if=None):
    """SELECT the ticket id of the waiting row counter `n` calls next — `queue_order.pick_next` in
    SQL: the oldest row targeted at the counter, else the oldest that waited since `cap` or
    longer, else the oldest of the kind the interleave wants (`prefer_priority`), else the oldest
    of the other kind; among rows targeted at the counter or untargeted in `groups`
    (`all_groups`: every active group). Each is one short scan of `ix_queue_waiting_age`
    (migration 0006), and COALESCE runs the next only when one finds nothing. On PostgreSQL each
    locks its row and skips rows other calls hold, so the first free row in that order is taken.
    `only_if`: a condition checked before anything is looked at or locked."""
    w = W.alias("w")
    if all_groups:
        groups = w.c.group_code.in_(select(G.c.code).where(G.c.active.is_(True)))
    elif pg:  # one array parameter: the statement's text does not depend on how many groups
        groups = w.c.group_code == func.any(bindparam("p_groups", type_=postgresql.ARRAY(String)))
    else:
        groups = w.c.group_code.in_(bindparam("p_groups", expanding=True, type_=String))
    untargeted = and_(w.c.target_counter.is_(None), groups)
    # Ties as `queue_order._key`: code-point order of ids on every server (not a locale's).
    order = (w.c.issued_at, w.c.number, w.c.ticket_id.collate("C") if pg else w.c.ticket_id)

    def oldest(*where):
        stmt = (select(w.c.ticket_id).where(*where, *([only_if] if only_if is not None else []))
                .order_by(*order).limit(literal_column("1")))
        return (stmt.with_for_update(skip_locked=True) if pg else stmt).scalar_subquery()

    return select(func.coalesce(oldest(w.c.target_counter == N),
                                oldest(untargeted, w.c.issued_at <= cap),
                                oldest(untargeted, w.c.priority == prefer_priority),
                                oldest(untargeted, w.c.priority != prefer_priority)).label("ticket_id"))


@functools.cache
def take_next(pg: bool, all_groups: bool):
    """Delete the waiting row `next_row` picks and return it (`Waiting`'s fields)."""
    chosen = next_row(bindparam("p_prefer", type_=Boolean), bindparam("p_cap", type_=DateTime), pg=pg,
                      all_groups=all_groups)
    return (delete(W).where(W.c.ticket_id == chosen.scalar_subquery())
            .returning(W.c.ticket_id, W.c.group_code, W.c.priority, W.c.issued_at, W.c.target_counter, W.c.number))


# A new row version, no change: for writers of an event that change nothing else (see the
# one-statement actions below).
TOUCH_WAITING = update(W).where(W.c.ticket_id == TICKET).values(number=W.c.number)
TOUCH_TICKET = update(T).where(T.c.id == TICKET).values(number=T.c.number)

# ---- PostgreSQL: actions in one statement ---------------------------------------------------
# Each is ONE statement (data-modifying CTEs) run in autocommit, so the action costs one round
# trip; it returns the ticket (`INFO` columns) or no row — then nothing was changed and the
# caller takes its general path (which also explains refusals). The event's `seq` is read with
# the statement's snapshot, so a row is changed only if no other transaction changed it since
# (`xmin` as seen = as locked, else READ COMMITTED's recheck drops it): every writer of a
# ticket's event changes the ticket's row, or its waiting row while it waits (`TOUCH_*`).

def _event_from(t, kind: str, detail: dict | None = None):
    """INSERT the event `kind` of the ticket `t` returns (a CTE), actor USER at counter N."""
    seq = select(func.coalesce(func.max(E.c.seq), 0) + 1).where(E.c.ticket_id == t.c.id).scalar_subquery()
    return (insert(E).from_select(
        ["id", "ticket_id", "at", "seq", "actor_id", "counter_number", "kind", "detail"],
        select(bindparam("p_event_id", type_=String), t.c.id, NOW, seq, USER, N, literal(kind),
               detail if detail is not None else literal({}, JSON)))
            .returning(E.c.id).cte("event"))


@functools.cache
def one_statement_move(kind: str):
    """`start` ("started") or `finish` ("finished") of ticket `ticket` at counter `n`."""
    seen = T.alias("seen")
    seen_xmin = select(literal_column("seen.xmin")).select_from(seen).where(seen.c.id == TICKET).scalar_subquery()
    guard = [T.c.id == TICKET, T.c.counter_number == N, literal_column("queue_ticket.xmin") == seen_xmin]
    ctes = []
    if kind == "started":
        # The counter row first, as every call; a paused counter is refused by the general path.
        st = select(C.c.status).where(C.c.counter_number == N).with_for_update(of=C).cte("st")
        ctes.append(st)
        guard += [T.c.status == CALLED, exists(select(st.c.status).where(st.c.status != PAUSED))]
        values, counter_values = {"status": SERVING, "started_at": NOW}, {"status": SERVING, "ticket_id": TICKET}
        detail = None
    else:
        guard.append(T.c.status == SERVING)
        values = {"status": FINISHED, "finished_at": NOW, "outcome": bindparam("p_outcome", type_=String)}
        counter_values, detail = {"status": IDLE, "ticket_id": None}, func.json_build_object(
            "outcome", bindparam("p_outcome", type_=String))
    t = update(T).where(*guard).values(**values).returning(*T.c).cte("t")
    counter = (update(C).where(C.c.counter_number == N, exists(select(t.c.id)))
               .values(since=NOW, user_id=func.coalesce(USER, C.c.user_id), **counter_values)
               .returning(C.c.counter_number).cte("counter"))
    return select(*info_columns(t)).add_cte(*ctes, counter, _event_from(t, kind, detail))




@functools.cache
def one_statement_call(all_groups: bool):
    """`call_next`'s usual case: lock the counter row; if it is open and holds no ticket (as read
    after the lock), take the next waiting row (`next_row`, SKIP LOCKED) and delete it, mark its
    ticket called, update the counter (ticket, streak, officer), append the `called` event. No
    row: new counter, paused, double-click, serving, nobody waiting — the general path decides.
    (Kept under psycopg's 4 kB limit for caching a statement's parsed form.)"""
    every = func.coalesce(cast(setting("queue_priority_every"), Integer), DEFAULTS.queue_priority_every)
    ageing = func.coalesce(cast(setting("queue_ageing_minutes"), Integer), DEFAULTS.queue_ageing_minutes)
    # The counter row, only if open and free (checked after the lock), with the ordering rules.
    st = (select(C.c.normal_streak.label("streak"), every.label("every"),
                 (NOW - ageing * literal_column("interval '1 minute'")).label("cap"))
          .where(C.c.counter_number == N, C.c.status != PAUSED, C.c.ticket_id.is_(None)).with_for_update(of=C).cte("st"))
    chosen = next_row(select(st.c.streak >= st.c.every).scalar_subquery(), select(st.c.cap).scalar_subquery(),
                      pg=True, all_groups=all_groups, only_if=exists(select(st.c.streak)))
    pick = chosen.cte("pick").prefix_with("MATERIALIZED")
    picked_id = select(pick.c.ticket_id).scalar_subquery()
    # Taken only if unchanged since this statement's snapshot (see above).
    seen = W.alias("seen")
    seen_xmin = select(literal_column("seen.xmin")).select_from(seen).where(seen.c.ticket_id == picked_id).scalar_subquery()
    picked = (delete(W).where(W.c.ticket_id == picked_id, literal_column("queue_waiting.xmin") == seen_xmin)
              .returning(W.c.ticket_id).cte("picked"))
    t = (update(T).where(T.c.id == picked.c.ticket_id).values(status=CALLED, counter_number=N, called_at=NOW, calls=1)
         .returning(T.c.id, T.c.display, T.c.group_code, T.c.day, T.c.priority, T.c.status, T.c.counter_number,
                    T.c.calls, T.c.issued_at, T.c.called_at).cte("t"))
    streak = case((select(t.c.priority).scalar_subquery(), 0),
                  else_=func.least(select(st.c.streak + 1).scalar_subquery(), select(st.c.every).scalar_subquery()))
    counter = (update(C).where(C.c.counter_number == N, exists(select(t.c.id)))
               .values(ticket_id=select(t.c.id).scalar_subquery(), status=IDLE, since=NOW, normal_streak=streak,
                       user_id=func.coalesce(USER, C.c.user_id))
               .returning(C.c.counter_number).cte("counter"))
    return select(*info_columns(t)).add_cte(counter, _event_from(t, "called"))
