"""Pure ordering rules of the walk-in queue (`services.queue_order`)."""

from datetime import datetime, timedelta

from counter_app.services.queue_order import OrderRules, Waiting, candidates, next_streak, order, pick_next

T0 = datetime(2026, 11, 26, 8, 0)


def w(tid, minute, priority=False, group="A", target=None):
    return Waiting(tid, group, priority, T0 + timedelta(minutes=minute), target)


def test_oldest_first_within_one_kind():
    pool = [w("n2", 2), w("n1", 1), w("n3", 3)]
    assert [x.ticket_id for x in order(pool, counter=1, groups=["A"], streak=0, now=T0)] == ["n1", "n2", "n3"]


def test_one_priority_after_every_two_normal_while_both_wait():
    pool = [w(f"n{i}", i) for i in range(6)] + [w(f"p{i}", 10 + i, priority=True) for i in range(3)]
    got = [x.ticket_id for x in order(pool, counter=1, groups=["A"], streak=0, now=T0 + timedelta(minutes=15))]
    assert got == ["n0", "n1", "p0", "n2", "n3", "p1", "n4", "n5", "p2"]


def test_configurable_ratio_and_zero_means_priority_first():
    pool = [w("n0", 0), w("n1", 1), w("n2", 2), w("p0", 5, True)]
    now = T0 + timedelta(minutes=6)
    three = [x.ticket_id for x in order(pool, counter=1, groups=["A"], streak=0, now=now, rules=OrderRules(3, 60))]
    assert three == ["n0", "n1", "n2", "p0"]
    zero = [x.ticket_id for x in order(pool, counter=1, groups=["A"], streak=0, now=now, rules=OrderRules(0, 60))]
    assert zero[0] == "p0"


def test_priority_arriving_after_a_long_normal_run_goes_next():
    streak = 0
    for _ in range(5):
        streak = next_streak(w("n", 0), streak)
    assert streak == 2
    pool = [w("n9", 0), w("p", 1, True)]
    assert pick_next(pool, counter=1, groups=["A"], streak=streak, now=T0).ticket_id == "p"
    assert next_streak(w("p", 0, True), streak) == 0


def test_only_one_kind_waiting_calls_its_oldest():
    assert pick_next([w("p1", 3, True), w("p0", 1, True)], counter=1, groups=["A"], streak=0, now=T0).ticket_id == "p0"
    assert pick_next([w("n0", 1)], counter=1, groups=["A"], streak=2, now=T0).ticket_id == "n0"
    assert pick_next([], counter=1, groups=["A"], streak=0, now=T0) is None


def test_ageing_cap_puts_the_oldest_over_the_cap_first():
    rules = OrderRules(priority_every=2, ageing_minutes=30)
    pool = [w("n_old", 0), w("p", 20, True)]
    # streak says priority, but the normal ticket has waited 31 minutes
    now = T0 + timedelta(minutes=31)
    assert pick_next(pool, counter=1, groups=["A"], streak=2, now=now, rules=rules).ticket_id == "n_old"
    # not yet over the cap: interleave decides
    assert pick_next(pool, counter=1, groups=["A"], streak=2, now=T0 + timedelta(minutes=29), rules=rules).ticket_id == "p"


def test_ageing_across_midnight():
    late = Waiting("late", "A", False, datetime(2026, 11, 26, 23, 50))
    fresh = Waiting("fresh", "A", True, datetime(2026, 11, 27, 0, 10))
    now = datetime(2026, 11, 27, 0, 21)
    assert pick_next([late, fresh], counter=1, groups=["A"], streak=2, now=now).ticket_id == "late"


def test_targeted_tickets_first_and_only_at_their_counter():
    pool = [w("n0", 0), w("t5", 9, target=5, group="C"), w("t6", 1, target=6)]
    assert pick_next(pool, counter=5, groups=["A"], streak=0, now=T0).ticket_id == "t5"
    assert [x.ticket_id for x in candidates(pool, 5, ["A"])] == ["n0", "t5"]
    assert pick_next(pool, counter=7, groups=["A"], streak=0, now=T0).ticket_id == "n0"


def test_other_groups_are_not_called():
    assert pick_next([w("b", 0, group="B")], counter=1, groups=["A"], streak=0, now=T0) is None


def test_ties_broken_by_id():
    pool = [w("b", 0), w("a", 0)]
    assert pick_next(pool, counter=1, groups=["A"], streak=0, now=T0).ticket_id == "a"


def test_default_rules_are_one_priority_after_two_normal_and_a_thirty_minute_cap():
    assert OrderRules() == OrderRules(priority_every=2, ageing_minutes=30)
    pool = [w("n0", 0), w("n1", 1), w("n2", 2), w("p0", 3, True)]
    got = [x.ticket_id for x in order(pool, counter=1, groups=["A"], streak=0, now=T0 + timedelta(minutes=4))]
    assert got == ["n0", "n1", "p0", "n2"]


def test_an_aged_priority_ticket_goes_first_even_when_a_normal_one_is_due():
    pool = [w("n", 10), w("p_old", 0, True)]
    now = T0 + timedelta(minutes=30)  # p_old has waited exactly the cap
    assert pick_next(pool, counter=1, groups=["A"], streak=0, now=now).ticket_id == "p_old"


def test_among_aged_tickets_the_oldest_goes_whatever_its_kind():
    pool = [w("p", 5, True), w("n", 2)]
    now = T0 + timedelta(minutes=50)
    assert pick_next(pool, counter=1, groups=["A"], streak=2, now=now).ticket_id == "n"


def test_a_ticket_sent_to_this_counter_goes_before_aged_ones():
    pool = [w("aged", 0), w("sent", 40, target=1)]
    now = T0 + timedelta(minutes=45)
    assert pick_next(pool, counter=1, groups=["A"], streak=0, now=now).ticket_id == "sent"
    assert pick_next(pool, counter=2, groups=["A"], streak=0, now=now).ticket_id == "aged"


def test_ties_within_one_second_go_by_ticket_number_first():
    pool = [Waiting("a", "A", False, T0, None, 7), Waiting("b", "A", False, T0, None, 3)]
    assert pick_next(pool, counter=1, groups=["A"], streak=0, now=T0).ticket_id == "b"
