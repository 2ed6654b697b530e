"""Hand-over, processing, supplements, apology, explanation and return on a real embedded database."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from counter_app.models import DossierEvent
from counter_app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from counter_app.services.intake_input import DocumentInput
from counter_app.services.lifecycle import IllegalTransition
from counter_app.services.status import Status
from counter_app.services.tracking import Collector
from tests.factories import APPLICANT, intake


def _received(ctx, officer):
    return ctx.intake.receive(intake(ctx), officer, counter_number=1).code


def _kinds(ctx, code):
    return [(e.kind, e.from_status, e.to_status) for e in ctx.dossiers.dossier(code).events]


def test_full_life_handover_accept_ready_return(ctx, officer, dept, clock):
    code = _received(ctx, officer)
    listed = ctx.tracking.hand_over([code], officer)
    assert listed.list_number.endswith("-BG0001") and listed.department_name == "Sở Tư pháp"
    assert listed.late_codes == ()
    clock.now = datetime(2026, 11, 26, 14, 0)
    accepted = ctx.tracking.accept(code, dept)
    assert accepted.status == Status.PROCESSING and accepted.mark == "on_time"
    clock.now = datetime(2026, 12, 3, 10, 0)
    ready = ctx.tracking.ready(code, dept)
    assert ready.status == Status.RESULT_READY and ready.mark == "early"
    returned = ctx.tracking.return_result(code, officer, Collector(id_number=APPLICANT.id_number))
    assert returned.status == Status.RETURNED
    assert _kinds(ctx, code) == [("received", None, 2), ("handover", 2, None), ("accept", 2, 4), ("ready", 4, 9),
                                 ("notified", None, None), ("return", 9, 10)]
    outbox = (ctx.data_dir / "notices" / "outbox.jsonl").read_text(encoding="utf-8")
    assert code in outbox and "đã có kết quả" in outbox


def test_department_sees_only_its_own_and_cannot_act_on_others(ctx, officer, dept, other_dept):
    code = _received(ctx, officer)
    ctx.tracking.hand_over([code], officer)
    assert [r.code for r in ctx.tracking_reads.inbox(dept)] == [code]
    assert ctx.tracking_reads.inbox(other_dept) == []
    with pytest.raises(PermissionDenied):
        ctx.tracking.accept(code, other_dept)
    with pytest.raises(PermissionDenied):
        ctx.tracking.accept(code, officer)  # reception cannot act as the department


def test_apology_moves_due_once_only_and_lateness_uses_original(ctx, officer, dept, clock):
    code = _received(ctx, officer)
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    original = ctx.dossiers.dossier(code).due_at
    clock.now = datetime(2026, 12, 9, 10, 0)  # one working day before the due time
    row = ctx.tracking_reads.inbox(dept)[0]
    assert row.needs_apology and row.near_due and not row.overdue
    result = ctx.tracking.apologize(code, dept, "Cần xác minh thêm thông tin tại địa phương", date(2026, 12, 17))
    assert result.reference == "1/PXL" and result.due_at == datetime(2026, 12, 17, 17, 0)
    with pytest.raises(ServiceError, match="already moved once"):
        ctx.tracking.apologize(code, dept, "Lần hai", date(2026, 12, 24))
    clock.now = datetime(2026, 12, 15, 9, 0)
    row = ctx.tracking_reads.inbox(dept)[0]
    assert row.overdue and row.rescheduled and not row.needs_apology
    detail = ctx.dossiers.dossier(code)
    assert detail.original_due_at == original
    ready = ctx.tracking.ready(code, dept)
    assert ready.mark == "late"
    assert [r.code for r in ctx.tracking_reads.late_without_explanation()] == [code]
    ctx.tracking.explain(code, dept, "Chờ kết quả xác minh của Công an tỉnh.")
    assert ctx.tracking_reads.late_without_explanation() == []


def test_supplement_restarts_the_clock(ctx, officer, dept, clock):
    code = _received(ctx, officer)
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    clock.now = datetime(2026, 11, 27, 9, 0)
    asked = ctx.tracking.request_supplement(code, dept, (DocumentInput("Bản sao giấy khai sinh", certified_copies=1),))
    assert asked.status == Status.SUPPLEMENT_REQUESTED and asked.reference.endswith("-BS0001")
    clock.now = datetime(2026, 12, 2, 8, 0)
    back = ctx.tracking.supplement_received(code, officer)
    assert back.status == Status.PROCESSING and back.due_at == datetime(2026, 12, 16, 8, 0)


def test_illegal_moves_are_refused_and_write_nothing(ctx, officer, dept):
    code = _received(ctx, officer)
    before = _kinds(ctx, code)
    with pytest.raises(IllegalTransition):
        ctx.tracking.ready(code, dept)
    with pytest.raises(ServiceError):
        ctx.tracking.accept(code, dept)  # not handed over yet
    with pytest.raises(ValidationFailed):
        ctx.tracking.withdraw(code, officer, "   ")
    assert _kinds(ctx, code) == before
    with ctx.db.reader() as session:
        assert session.scalar(select(DossierEvent).where(DossierEvent.kind == "ready")) is None


def test_inbox_reads_the_partial_index_and_counts_every_filter(ctx, officer, dept, clock):
    codes = [_received(ctx, officer) for _ in range(3)]
    ctx.tracking.hand_over(codes, officer)
    ctx.tracking.accept(codes[0], dept)
    clock.now = datetime(2026, 12, 9, 10, 0)  # one working day before the first two are due
    view = ctx.tracking_reads.inbox_view(dept, filter="transit", limit=1)
    assert (view.counts.all, view.counts.transit, view.counts.needs_apology, view.counts.near_due) == (3, 2, 3, 3)
    assert [r.code for r in view.rows] == [codes[1]] and view.rows[0].location == "transit"
    assert [r.code for r in ctx.tracking_reads.inbox_view(dept, filter="overdue").rows] == []
    with ctx.db.reader() as session:
        plan = " ".join(str(row[-1]) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT code FROM dossier WHERE department_id = :d AND "
            "dossier.status IN (2, 4, 5, 6) AND dossier.location <> 'centre' ORDER BY due_at, code"), {"d": dept.department_id}))
    assert "ix_dossier_inbox" in plan and "TEMP B-TREE" not in plan
