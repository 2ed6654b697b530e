"""Every department's timeliness for supervisors, on the demo centre under the test clock:
open / paused / near due / overdue / without apology now, and this month's results early /
on time / late against the ORIGINAL due time."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counter_app.services.errors import PermissionDenied, ValidationFailed
from tests.factories import intake


def _accepted(ctx, officer, dept, count: int) -> list[str]:
    """Received Thu 26/11/2026 09:30 with 10 working days: due Thu 10/12 09:30."""
    codes = [ctx.intake.receive(intake(ctx), officer, counter_number=1).code for _ in range(count)]
    ctx.tracking.hand_over(codes, officer)
    for code in codes:
        ctx.tracking.accept(code, dept)
    return codes


def _row(view, name: str):
    return next(r for r in view.departments if r.department_name == name)


def test_each_department_counts_what_its_inbox_and_the_late_list_show(ctx, officer, dept, supervisor, clock):
    early, on_time, late, paused, overdue, apologised, forgotten = _accepted(ctx, officer, dept, 7)
    clock.now = datetime(2026, 12, 8, 10, 0)
    ctx.tracking.ready(early, dept)  # two days before the due day
    ctx.tracking.await_fees(paused, dept)
    clock.now = datetime(2026, 12, 10, 9, 0)
    ctx.tracking.ready(on_time, dept)  # on the due day, before the time
    ctx.tracking.apologize(apologised, dept, "Cần xác minh", date(2026, 12, 17))
    clock.now = datetime(2026, 12, 11, 8, 0)
    ctx.tracking.ready(late, dept)
    clock.now = datetime(2026, 12, 11, 10, 0)  # `overdue`, `apologised` and `forgotten` are past 10/12 09:30

    view = ctx.timeliness.department_timeliness(supervisor)
    assert (view.since, view.until) == (date(2026, 12, 1), date(2026, 12, 11))
    stp = _row(view, "Sở Tư pháp")
    assert (stp.open, stp.paused, stp.near_due, stp.overdue, stp.overdue_without_apology) == (4, 1, 0, 3, 2)
    assert (stp.completed, stp.early, stp.on_time, stp.late) == (3, 1, 1, 1)
    assert stp.on_time_ratio == pytest.approx(2 / 3)
    late_codes = {r.code for r in ctx.tracking_reads.late_without_apology()}
    assert late_codes == {overdue, forgotten}  # the same two the supervisor's list shows
    inbox = ctx.tracking_reads.inbox_view(supervisor, stp.department_id)
    assert (inbox.counts.overdue, inbox.counts.near_due) == (stp.overdue, stp.near_due)
    others = [r for r in view.departments if r.department_name != "Sở Tư pháp"]
    assert others and all(r.open == r.completed == 0 and r.on_time_ratio is None for r in others)
    assert view.departments[0] is stp  # what most needs chasing comes first; the idle ones by name
    assert [r.department_name for r in others] == sorted(r.department_name for r in others)


def test_the_period_limits_the_completed_not_the_open(ctx, officer, dept, supervisor, clock):
    code, other = _accepted(ctx, officer, dept, 2)
    clock.now = datetime(2026, 11, 30, 10, 0)
    ctx.tracking.ready(code, dept)
    clock.now = datetime(2026, 12, 2, 10, 0)
    december = _row(ctx.timeliness.department_timeliness(supervisor), "Sở Tư pháp")
    assert (december.open, december.completed) == (1, 0)
    november = _row(ctx.timeliness.department_timeliness(supervisor, date(2026, 11, 1), date(2026, 11, 30)), "Sở Tư pháp")
    assert (november.open, november.completed, november.early) == (1, 1, 1)


def test_who_may_read_it(ctx, officer, dept, supervisor):
    with pytest.raises(PermissionDenied):
        ctx.timeliness.department_timeliness(officer)  # reception
    own = ctx.timeliness.department_timeliness(dept)
    assert [r.department_name for r in own.departments] == ["Sở Tư pháp"]
    with pytest.raises(ValidationFailed) as refused:
        ctx.timeliness.department_timeliness(supervisor, date(2026, 12, 1), date(2026, 11, 30))
    assert "period" in refused.value.by_field()
