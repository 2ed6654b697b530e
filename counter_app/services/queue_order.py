"""Who is called next: pure functions over the waiting set, no database, no clock of their own.

Rules, in order, for one counter serving some groups:
1. Tickets transferred or reassigned to this counter (`target_counter`) go first, oldest first.
   Tickets targeted at another counter are never called here.
2. Ageing cap: when a ticket of the counter's groups has waited `ageing_minutes` or more, the
   oldest such ticket goes first (priority or not) — nobody waits beyond the cap.
3. Interleave: while both priority and normal tickets wait, the counter calls one priority ticket
   after every `priority_every` normal ones (`streak` = normal tickets it called since its last
   priority one; `priority_every == 0` = priority always first). When only one kind waits, its
   oldest goes.
Ties are broken by issue time, then ticket number, then ticket id, so every node orders alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Waiting:
    ticket_id: str
    group_code: str
    priority: bool
    issued_at: datetime
    target_counter: int | None = None
    number: int = 0  # the ticket's number: issue order within one second


@dataclass(frozen=True)
class OrderRules:
    priority_every: int = 2
    ageing_minutes: int = 30


def _key(w: Waiting) -> tuple:
    return (w.issued_at, w.number, w.ticket_id)


def _oldest(items: Iterable[Waiting]) -> Waiting | None:
    return min(items, key=_key, default=None)


def candidates(waiting: Iterable[Waiting], counter: int, groups: Iterable[str]) -> list[Waiting]:
    """The tickets this counter may call: targeted at it, or untargeted in one of its groups."""
    wanted = set(groups)
    return [w for w in waiting
            if w.target_counter == counter or (w.target_counter is None and w.group_code in wanted)]


def pick_next(waiting: Sequence[Waiting], *, counter: int, groups: Iterable[str], streak: int,
              now: datetime, rules: OrderRules = OrderRules()) -> Waiting | None:
    """The ticket `counter` calls next, or None when none of its tickets waits."""
    pool = candidates(waiting, counter, groups)
    if not pool:
        return None
    targeted = _oldest(w for w in pool if w.target_counter == counter)
    if targeted is not None:
        return targeted
    cap = now - timedelta(minutes=rules.ageing_minutes)
    aged = _oldest(w for w in pool if w.issued_at <= cap)
    if aged is not None:
        return aged
    priority = _oldest(w for w in pool if w.priority)
    normal = _oldest(w for w in pool if not w.priority)
    if priority is None or normal is None:
        return priority or normal
    return priority if streak >= rules.priority_every else normal


def next_streak(picked: Waiting, streak: int, rules: OrderRules = OrderRules()) -> int:
    """The counter's streak after calling `picked`: reset by a priority ticket, otherwise one more
    normal ticket (capped, so a priority ticket arriving after a long normal run goes next)."""
    if picked.priority:
        return 0
    return min(streak + 1, rules.priority_every)


def order(waiting: Sequence[Waiting], *, counter: int, groups: Iterable[str], streak: int, now: datetime,
          rules: OrderRules = OrderRules()) -> list[Waiting]:
    """The whole queue as this counter would call it if nobody else called or arrived (boards,
    tests). Quadratic; the call path uses `pick_next` once."""
    groups = list(groups)
    pool = candidates(waiting, counter, groups)
    out: list[Waiting] = []
    while pool:
        picked = pick_next(pool, counter=counter, groups=groups, streak=streak, now=now, rules=rules)
        assert picked is not None
        out.append(picked)
        pool.remove(picked)
        streak = next_streak(picked, streak, rules)
    return out
