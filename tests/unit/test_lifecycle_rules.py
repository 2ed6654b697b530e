"""The pure rules of a dossier's life (`services.lifecycle`) checked against DOMAIN.md, plus the two
rules that need the database: the supplement clock (restart or extend) and the once-only apology.

The expected status machine below is written out again from DOMAIN.md ("Life of a dossier") on
purpose: a change to `TRANSITIONS` must be a deliberate change to this table too.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from counter_app.models import Dossier, Procedure
from counter_app.services import centre_settings
from counter_app.services.auth import Role, UserInfo
from counter_app.services.calendar import LimitUnit, WorkCalendar
from counter_app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from counter_app.services.intake_input import DocumentInput
from counter_app.services.lifecycle import (
    TRANSITIONS,
    Action,
    IllegalTransition,
    Mark,
    WorkingClock,
    check,
    handover_deadline,
    mark,
)
from counter_app.services.status import Status
from tests.factories import PROCEDURE, intake

S = Status
CAL = WorkCalendar()  # default sessions 07:00–11:30, 13:30–17:00 and the shipped 2026 facts
DAY = 480  # one standard working day, in minutes

CENTRE, DEPT, BOTH = "centre", "department", "both"
OPEN = {S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_FEES}
# action: (statuses it may leave from, status it leads to (None = unchanged), who may take it)
EXPECTED = {
    Action.HANDOVER: ({S.RECEIVED}, None, CENTRE),
    Action.ACCEPT: ({S.RECEIVED}, S.PROCESSING, DEPT),
    Action.REQUEST_SUPPLEMENT: ({S.PROCESSING}, S.SUPPLEMENT_REQUESTED, DEPT),
    Action.SUPPLEMENT_RECEIVED: ({S.SUPPLEMENT_REQUESTED}, S.PROCESSING, CENTRE),
    Action.AWAIT_FEES: ({S.PROCESSING}, S.AWAITING_FEES, DEPT),
    Action.FEES_PAID: ({S.AWAITING_FEES}, S.PROCESSING, BOTH),
    Action.STOP: ({S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.AWAITING_FEES}, S.STOPPED, DEPT),
    Action.REFUSE: ({S.PROCESSING}, S.REFUSED, DEPT),
    Action.READY: ({S.PROCESSING}, S.RESULT_READY, DEPT),
    Action.RETURN: ({S.RESULT_READY}, S.RETURNED, CENTRE),
    Action.WITHDRAW: (OPEN, S.WITHDRAWN, BOTH),
    Action.APOLOGIZE: (OPEN, None, DEPT),
    Action.EXPLAIN: (set(S) - {S.NEW_ONLINE}, None, DEPT),
}

STP, SXD = "dept-stp", "dept-sxd"  # department ids (the pure rules only compare them)


def _user(role: Role, department: str | None = None) -> UserInfo:
    return UserInfo(f"id-{role}-{department}", role.value, "Nguyễn Văn Thử", role, "", False, department)


RECEPTION = _user(Role.RECEPTION)
SUPERVISOR = _user(Role.SUPERVISOR)
ADMIN = _user(Role.ADMIN)
OWN = _user(Role.DEPARTMENT, STP)
OTHER = _user(Role.DEPARTMENT, SXD)


# -- the status machine ---------------------------------------------------------------------------

def test_every_action_has_a_rule() -> None:
    assert set(TRANSITIONS) == set(Action) == set(EXPECTED)


@pytest.mark.parametrize(("action", "status"), list(itertools.product(Action, Status)))
def test_each_action_from_each_status(action: Action, status: Status) -> None:
    """Legal pairs lead to the domain's target; every other pair is refused as illegal (by a user
    entitled to act, so only the status decides)."""
    sources, target, who = EXPECTED[action]
    entitled = [ADMIN] + ([RECEPTION, SUPERVISOR] if who in (CENTRE, BOTH) else []) + ([OWN] if who in (DEPT, BOTH) else [])
    for user in entitled:
        if status in sources:
            assert check(action, status, user, STP) == target
        else:
            with pytest.raises(IllegalTransition):
                check(action, status, user, STP)


@pytest.mark.parametrize("action", list(Action))
def test_roles(action: Action) -> None:
    sources, target, who = EXPECTED[action]
    status = min(sources)
    allowed = {
        RECEPTION: who in (CENTRE, BOTH), SUPERVISOR: who in (CENTRE, BOTH),
        OWN: who in (DEPT, BOTH), OTHER: False, ADMIN: True,  # admins repair data: both sides
    }
    for user, ok in allowed.items():
        if ok:
            assert check(action, status, user, STP) == target
        else:
            with pytest.raises(PermissionDenied):
                check(action, status, user, STP)
    # An admin acts for any department, a department officer never for a dossier with none.
    assert check(action, status, ADMIN, SXD) == target
    if who == DEPT:
        with pytest.raises(PermissionDenied):
            check(action, status, OWN, None)


def test_the_role_is_refused_before_the_status_is_looked_at() -> None:
    with pytest.raises(PermissionDenied):
        check(Action.READY, S.RECEIVED, RECEPTION, STP)  # wrong role AND wrong status
    with pytest.raises(PermissionDenied):
        check(Action.ACCEPT, S.RETURNED, OTHER, STP)
    with pytest.raises(PermissionDenied, match="another department"):
        check(Action.FEES_PAID, S.AWAITING_FEES, OTHER, STP)  # open to the centre, not to another department


# -- early / on time / late -----------------------------------------------------------------------

DEADLINE = datetime(2026, 11, 26, 17, 0)


@pytest.mark.parametrize(("at", "expected"), [
    (datetime(2026, 11, 25, 9, 0), Mark.EARLY),
    (datetime(2026, 11, 25, 23, 59), Mark.EARLY),  # the day before, however late that day
    (datetime(2026, 11, 26, 0, 0), Mark.ON_TIME),  # the deadline's own day is "on time"
    (datetime(2026, 11, 26, 16, 59), Mark.ON_TIME),
    (DEADLINE, Mark.ON_TIME),  # exactly at the deadline
    (DEADLINE + timedelta(seconds=1), Mark.LATE),
    (DEADLINE + timedelta(minutes=1), Mark.LATE),
    (datetime(2026, 11, 27, 7, 0), Mark.LATE),
])
def test_mark(at: datetime, expected: Mark) -> None:
    assert mark(at, DEADLINE) is expected


# -- hand-over deadline ---------------------------------------------------------------------------

@pytest.mark.parametrize(("received", "deadline"), [
    (datetime(2026, 11, 26, 6, 0), datetime(2026, 11, 26, 17, 0)),  # before opening: same day
    (datetime(2026, 11, 26, 14, 59), datetime(2026, 11, 26, 17, 0)),  # before 15:00: same day 17:00
    (datetime(2026, 11, 26, 15, 0), datetime(2026, 11, 27, 11, 30)),  # at the cutoff: next morning
    (datetime(2026, 11, 26, 17, 30), datetime(2026, 11, 27, 11, 30)),  # after closing
    (datetime(2026, 11, 27, 15, 30), datetime(2026, 11, 30, 11, 30)),  # Friday after 15:00: Monday
    (datetime(2026, 11, 29, 9, 0), datetime(2026, 11, 30, 11, 30)),  # on a Sunday
    (datetime(2026, 11, 23, 16, 0), datetime(2026, 11, 25, 11, 30)),  # Monday, then 24/11 off
    (datetime(2026, 4, 29, 10, 0), datetime(2026, 4, 29, 17, 0)),  # eve of 30/4, morning
    (datetime(2026, 4, 29, 16, 0), datetime(2026, 5, 4, 11, 30)),  # 30/4, 1/5 off, then the weekend
    (datetime(2026, 4, 30, 9, 0), datetime(2026, 5, 4, 11, 30)),  # received on the holiday itself
    (datetime(2026, 8, 21, 16, 0), datetime(2026, 8, 22, 11, 30)),  # Saturday 22/8 is worked
    (datetime(2026, 8, 22, 10, 0), datetime(2026, 8, 22, 17, 0)),  # ... with full sessions
    (datetime(2026, 8, 22, 15, 0), datetime(2026, 8, 24, 11, 30)),
    (datetime(2026, 8, 28, 15, 1), datetime(2026, 9, 3, 11, 30)),  # Friday, then 31/8, 1/9, 2/9 off
])
def test_handover_deadline(received: datetime, deadline: datetime) -> None:
    assert handover_deadline(CAL, received) == deadline


# -- the D-1 rule ---------------------------------------------------------------------------------

minutes = st.datetimes(min_value=datetime(2025, 12, 1), max_value=datetime(2027, 1, 31)).map(
    lambda d: d.replace(second=0, microsecond=0))


@settings(max_examples=300, deadline=None)
@given(now=minutes, due=minutes)
def test_minutes_left_is_working_time_and_d_minus_1(now: datetime, due: datetime) -> None:
    clock = WorkingClock(CAL, now)
    left = CAL.working_minutes_between(now, due)
    assert clock.minutes_left(due) == left
    assert clock.needs_apology(due) == (left <= DAY)


@settings(max_examples=150, deadline=None)
@given(due=minutes, a=minutes, b=minutes)
def test_once_the_apology_is_due_it_stays_due(due: datetime, a: datetime, b: datetime) -> None:
    early, later = sorted((a, b))
    if WorkingClock(CAL, early).needs_apology(due):
        assert WorkingClock(CAL, later).needs_apology(due)


@settings(max_examples=100, deadline=None)
@given(now=minutes, dues=st.lists(minutes, min_size=2, max_size=30))
def test_one_clock_for_many_due_times_matches_a_fresh_one(now: datetime, dues: list[datetime]) -> None:
    """The per-day cache of one clock (the inbox's 20,000 rows) gives what a fresh clock gives."""
    shared = WorkingClock(CAL, now)
    assert [shared.minutes_left(d) for d in dues] == [WorkingClock(CAL, now).minutes_left(d) for d in dues]


@pytest.mark.parametrize(("due", "last_calm", "first_due"), [
    # an ordinary week: exactly one working day before
    (datetime(2026, 11, 26, 10, 0), datetime(2026, 11, 25, 9, 59), datetime(2026, 11, 25, 10, 0)),
    # over a weekend
    (datetime(2026, 11, 30, 10, 0), datetime(2026, 11, 27, 9, 59), datetime(2026, 11, 27, 10, 0)),
    # over 30/4 and 1/5 and a weekend
    (datetime(2026, 5, 4, 10, 0), datetime(2026, 4, 29, 9, 59), datetime(2026, 4, 29, 10, 0)),
    # over the weekend, 31/8 (swapped), 1/9 and 2/9: the D-1 moment is Friday 28/8
    (datetime(2026, 9, 3, 8, 0), datetime(2026, 8, 28, 7, 59), datetime(2026, 8, 28, 8, 0)),
    # due at an afternoon's start: the day before from the end of its morning session on
    (datetime(2026, 11, 26, 13, 30), datetime(2026, 11, 25, 11, 29), datetime(2026, 11, 25, 11, 30)),
    # the worked Saturday 22/8 counts as a full day
    (datetime(2026, 8, 24, 10, 0), datetime(2026, 8, 22, 9, 59), datetime(2026, 8, 22, 10, 0)),
])
def test_d_minus_1_examples(due: datetime, last_calm: datetime, first_due: datetime) -> None:
    assert not WorkingClock(CAL, last_calm).needs_apology(due)
    assert WorkingClock(CAL, first_due).needs_apology(due)
    assert WorkingClock(CAL, first_due).minutes_left(due) == DAY


def test_minutes_left_goes_negative_once_overdue() -> None:
    clock = WorkingClock(CAL, datetime(2026, 11, 27, 8, 0))
    assert clock.minutes_left(datetime(2026, 11, 26, 17, 0)) == -60
    assert clock.minutes_left(datetime(2026, 11, 27, 8, 0)) == 0
    assert clock.needs_apology(datetime(2026, 11, 20, 9, 0))


# -- rules that need the database: supplement clock and the once-only apology ----------------------

def _processing(ctx, officer, dept) -> str:
    """A dossier received at the fixed now (Thu 26/11/2026 09:30; 10 working days: due 10/12
    09:30), handed over and accepted."""
    code = ctx.intake.receive(intake(ctx), officer, counter_number=1).code
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    return code


def _supplement_round_trip(ctx, officer, dept, clock, code: str):
    clock.now = datetime(2026, 11, 27, 9, 0)
    ctx.tracking.request_supplement(code, dept, (DocumentInput("Bản sao giấy khai sinh", certified_copies=1),))
    clock.now = datetime(2026, 12, 2, 8, 0)  # 1,380 working minutes later
    return ctx.tracking.supplement_received(code, officer)


def _set_clock_modes(ctx, procedure: str | None, centre: str) -> None:
    with ctx.db.transaction() as session:
        session.execute(update(Procedure).where(Procedure.code == PROCEDURE).values(supplement_clock=procedure))
        centre_settings.save(session, replace(centre_settings.load(session), supplement_clock=centre))


def test_supplement_restarts_the_clock_from_zero(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)
    assert ctx.dossiers.dossier(code).due_at == datetime(2026, 12, 10, 9, 30)
    back = _supplement_round_trip(ctx, officer, dept, clock, code)
    expected = CAL.due(datetime(2026, 12, 2, 8, 0), 10, LimitUnit.WORKING_DAYS, after_cutoff=True)
    detail = ctx.dossiers.dossier(code)
    assert back.due_at == detail.due_at == detail.original_due_at == expected == datetime(2026, 12, 16, 8, 0)
    assert detail.events[-1].detail["clock"] == "restart" and detail.events[-1].detail["paused_minutes"] == 1380


def test_procedure_set_to_extend_moves_the_due_by_the_paused_time(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)
    _set_clock_modes(ctx, procedure="extend", centre="restart")
    back = _supplement_round_trip(ctx, officer, dept, clock, code)
    detail = ctx.dossiers.dossier(code)
    assert CAL.working_minutes_between(datetime(2026, 12, 10, 9, 30), back.due_at) == 1380
    assert back.due_at == detail.due_at == detail.original_due_at == datetime(2026, 12, 15, 8, 30)
    assert detail.events[-1].detail["clock"] == "extend"


def test_the_centre_setting_applies_when_the_procedure_has_none(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)
    _set_clock_modes(ctx, procedure=None, centre="extend")
    assert _supplement_round_trip(ctx, officer, dept, clock, code).due_at == datetime(2026, 12, 15, 8, 30)


def test_the_procedure_setting_wins_over_the_centre(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)
    _set_clock_modes(ctx, procedure="restart", centre="extend")
    assert _supplement_round_trip(ctx, officer, dept, clock, code).due_at == datetime(2026, 12, 16, 8, 0)


def test_the_due_date_moves_once_only(ctx, officer, dept, clock, passwords) -> None:
    code = _processing(ctx, officer, dept)
    clock.now = datetime(2026, 12, 9, 10, 0)
    with pytest.raises(ValidationFailed) as refused:
        ctx.tracking.apologize(code, dept, "Cần xác minh", date(2026, 12, 19))  # a Saturday
    assert "apology.new_due" in refused.value.by_field()
    with pytest.raises(ValidationFailed):
        ctx.tracking.apologize(code, dept, "Cần xác minh", datetime(2026, 12, 10, 9, 30))  # not after the appointment
    first = ctx.tracking.apologize(code, dept, "Cần xác minh thêm tại địa phương", datetime(2026, 12, 17, 15, 0))
    assert first.due_at == datetime(2026, 12, 17, 15, 0)
    events = len(ctx.dossiers.dossier(code).events)
    admin = ctx.auth.login("admin", passwords["admin"])
    for who, new_due in ((dept, date(2026, 12, 24)), (admin, date(2026, 12, 31))):
        with pytest.raises(ServiceError, match="already moved once"):
            ctx.tracking.apologize(code, who, "Lần hai", new_due)
    detail = ctx.dossiers.dossier(code)
    assert len(detail.events) == events
    assert detail.due_at == datetime(2026, 12, 17, 15, 0) and detail.original_due_at == datetime(2026, 12, 10, 9, 30)
    with ctx.db.reader() as session:
        assert session.scalar(select(Dossier.rescheduled_at).where(Dossier.code == code)) == datetime(2026, 12, 9, 10, 0)


# -- the paused clock: a supplement or the fees are awaited from the applicant ---------------------


def _pause(ctx, dept, code: str, kind: str) -> None:
    if kind == "supplement":
        ctx.tracking.request_supplement(code, dept, (DocumentInput("Bản sao giấy khai sinh", certified_copies=1),))
    else:
        ctx.tracking.await_fees(code, dept, "Chờ nộp lệ phí")


def test_waiting_for_fees_pauses_the_clock_and_moves_both_due_times(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)
    clock.now = datetime(2026, 11, 27, 9, 0)
    ctx.tracking.await_fees(code, dept, "Chờ nộp lệ phí trước bạ")
    clock.now = datetime(2026, 12, 2, 8, 0)  # 1,380 working minutes later
    back = ctx.tracking.fees_paid(code, dept)
    detail = ctx.dossiers.dossier(code)
    assert back.status == S.PROCESSING
    assert back.due_at == detail.due_at == detail.original_due_at == datetime(2026, 12, 15, 8, 30)
    assert detail.events[-1].kind == "fees_paid" and detail.events[-1].detail["paused_minutes"] == 1380
    with ctx.db.reader() as session:
        assert session.scalar(select(Dossier.paused_at).where(Dossier.code == code)) is None


@pytest.mark.parametrize("kind", ["supplement", "fees"])
def test_a_paused_dossier_does_not_turn_late_while_the_applicant_has_the_move(ctx, officer, dept, clock, kind) -> None:
    code = _processing(ctx, officer, dept)  # due Thu 10/12 09:30
    clock.now = datetime(2026, 12, 8, 9, 30)  # two working days left
    _pause(ctx, dept, code, kind)
    clock.now = datetime(2026, 12, 21, 10, 0)  # long past the due time, still paused
    view = ctx.tracking_reads.inbox_view(dept)
    (row,) = view.rows
    assert row.paused_at == datetime(2026, 12, 8, 9, 30) and row.minutes_left == 2 * DAY  # frozen
    assert not (row.overdue or row.near_due or row.needs_apology)
    assert (view.counts.all, view.counts.near_due, view.counts.overdue, view.counts.needs_apology) == (1, 0, 0, 0)
    for late_filter in ("near_due", "overdue", "needs_apology"):
        assert ctx.tracking_reads.inbox_view(dept, filter=late_filter).rows == ()
    assert ctx.tracking_reads.late_without_apology() == [] and ctx.tracking_reads.late_without_explanation() == []
    assert not ctx.dossiers.dossier(code).overdue
    assert not ctx.public_status.lookup(code).overdue
    with pytest.raises(ServiceError, match="not late"):
        ctx.tracking.explain(code, dept, "Không có gì để giải trình")


def test_a_dossier_late_before_its_pause_stays_late(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)  # due Thu 10/12 09:30
    clock.now = datetime(2026, 12, 11, 9, 30)  # one working day late
    ctx.tracking.await_fees(code, dept)
    clock.now = datetime(2026, 12, 21, 10, 0)
    (row,) = ctx.tracking_reads.inbox_view(dept, filter="overdue").rows
    assert row.overdue and row.minutes_left == -DAY and not row.needs_apology
    assert [r.code for r in ctx.tracking_reads.late_without_apology()] == [code]
    assert ctx.dossiers.dossier(code).overdue and ctx.public_status.lookup(code).overdue
    back = ctx.tracking.fees_paid(code, dept)  # the paused time moves the due times, not the lateness
    assert back.due_at < clock.now and ctx.dossiers.dossier(code).overdue
    ctx.tracking.explain(code, dept, "Chậm do chờ ý kiến phối hợp")
    assert ctx.tracking_reads.late_without_explanation() == []


def test_stopped_while_paused_is_judged_at_the_pause(ctx, officer, dept, clock) -> None:
    code = _processing(ctx, officer, dept)
    clock.now = datetime(2026, 12, 8, 9, 30)
    ctx.tracking.request_supplement(code, dept, notes="Bổ sung bản sao giấy khai sinh")
    clock.now = datetime(2026, 12, 28, 9, 0)  # the applicant never came back
    ctx.tracking.stop(code, dept, "Quá thời hạn bổ sung hồ sơ")
    assert ctx.tracking_reads.late_without_explanation() == []
