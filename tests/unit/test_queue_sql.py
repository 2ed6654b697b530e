"""The SQL that picks the next ticket (`queue_sql.next_row`, run by `queue_store.take_next`) agrees
with the rules in `queue_order.pick_next` — on the real embedded database, over many random
waiting sets: targeted tickets, ageing cap, interleave, other groups, ties in time and number."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, insert, select

from counter_app.models import QueueTicket, QueueWaiting, ServiceGroup
from counter_app.services import queue_store as store
from counter_app.services.queue_order import OrderRules, Waiting, pick_next

T0 = datetime(2026, 11, 26, 8, 0)


class Rollback(Exception):
    pass


def random_case(rng: random.Random, ids: list[str]):
    """A waiting set, a counter, its groups (None: every active group), streak, now and rules."""
    rows = [Waiting(ticket_id, rng.choice("ABC"), rng.random() < 0.35,
                    T0 + timedelta(minutes=rng.choice(range(0, 90, 10))),
                    rng.choice([None, None, None, None, 1, 2]), rng.randint(1, 3))
            for ticket_id in rng.sample(ids, rng.randint(0, 14))]
    groups = rng.choice([None, ["A"], ["B", "C"], ["A", "B", "C", "D"], ["D"]])
    return (rows, rng.choice([1, 2]), groups, rng.randint(0, 3), T0 + timedelta(minutes=rng.randint(0, 120)),
            OrderRules(rng.choice([0, 1, 2, 3]), rng.choice([10, 30, 60])))


def make_tickets(db, n: int) -> list[str]:
    ids = sorted(str(uuid.uuid4()) for _ in range(n))
    with db.transaction() as s:
        s.execute(insert(QueueTicket), [
            {"id": i, "agency": "test", "day": T0.date(), "group_code": "A", "number": k, "display": f"T{k}",
             "priority": False, "priority_reason": "", "status": "waiting", "calls": 0, "issued_at": T0,
             "outcome": "", "carried_over": False} for k, i in enumerate(ids, start=1000)])
    return ids


@pytest.mark.parametrize("seed", range(4))
def test_sql_pick_agrees_with_pick_next(ctx, seed):
    rng = random.Random(seed)
    ids = make_tickets(ctx.db, 20)
    with ctx.db.reader() as s:
        active = list(s.scalars(select(ServiceGroup.code).where(ServiceGroup.active.is_(True))))
    for _ in range(60):
        rows, counter, groups, streak, now, rules = random_case(rng, ids)
        expected = pick_next(rows, counter=counter, groups=groups if groups is not None else active, streak=streak,
                             now=now, rules=rules)
        try:
            with ctx.db.transaction() as s:
                s.execute(delete(QueueWaiting))
                if rows:
                    s.execute(insert(QueueWaiting), [
                        {"ticket_id": r.ticket_id, "group_code": r.group_code, "priority": r.priority,
                         "issued_at": r.issued_at, "target_counter": r.target_counter, "number": r.number}
                        for r in rows])
                got = store.take_next(s, counter, groups, streak, now, rules)
                raise Rollback
        except Rollback:
            pass
        assert got == expected, (rows, counter, groups, streak, now, rules)


def test_no_bind_parameter_is_named_like_a_column():
    """SQLAlchemy makes an execution parameter named like a column one more SET (VALUES) entry
    of an UPDATE (INSERT): a column added later must not silently be written by a queue action."""
    from sqlalchemy.dialects import postgresql, sqlite
    from sqlalchemy.sql.expression import Executable

    from counter_app.services import queue_sql

    pg, lite = postgresql.dialect(), sqlite.dialect()
    shared = [value for value in vars(queue_sql).values() if isinstance(value, Executable)]
    statements = [(stmt, dialect) for stmt in shared for dialect in (pg, lite)]
    statements += [(queue_sql.lock_counter(on_pg), pg if on_pg else lite) for on_pg in (True, False)]
    statements += [(queue_sql.new_counter(on_pg), pg if on_pg else lite) for on_pg in (True, False)]
    statements += [(queue_sql.take_next(on_pg, every), pg if on_pg else lite) for on_pg in (True, False)
                   for every in (True, False)]
    statements += [(queue_sql.one_statement_call(every), pg) for every in (True, False)]
    statements += [(queue_sql.one_statement_move(kind), pg) for kind in ("started", "finished")]
    columns = {c.name for table in (queue_sql.T, queue_sql.W, queue_sql.E, queue_sql.C, queue_sql.G, queue_sql.S)
               for c in table.columns}
    for stmt, dialect in statements:
        names = {bind.key for bind in stmt.compile(dialect=dialect).binds.values()}
        assert not names & columns, sorted(names & columns)
    assert len(statements) > 30
