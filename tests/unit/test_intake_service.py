"""The intake service on a real embedded database: receive, supplement, refuse, all-or-nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.models import Dossier, DossierDocument, DossierEvent, ReceptionSlip
from counter_app.services.errors import PermissionDenied, ValidationFailed
from counter_app.services.intake_input import DocumentInput
from counter_app.services.status import Status
from tests.factories import PROCEDURE, intake


def _count(ctx, table) -> int:
    with ctx.db.reader() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_receive_issues_code_due_time_and_first_event(ctx, officer, clock):
    """A complete dossier gets today's first code, the 10-working-day due time and a 'received' event."""
    received = ctx.intake.receive(intake(ctx), officer, counter_number=3)
    assert received.code == "000.00.06.H15-261126-0001"
    assert received.received_at == datetime(2026, 11, 26, 9, 30)
    assert received.due_at == datetime(2026, 12, 10, 9, 30)
    detail = ctx.dossiers.dossier(received.code)
    assert detail.status == Status.RECEIVED
    assert detail.original_due_at == detail.due_at
    assert detail.officer_username == "tiepnhan1" and detail.counter_number == 3
    assert detail.applicant_name == "Nguyễn Thị Ánh Tuyết" and detail.phone == "0905123456"
    assert [(e.kind, e.from_status, e.to_status) for e in detail.events] == [("received", None, 2)]
    assert detail.ledger_book == "2026" and detail.ledger_entry == 1


def test_codes_follow_in_sequence_and_restart_next_day(ctx, officer, clock):
    """The daily sequence counts up within a day and restarts at 0001 the next day."""
    first = ctx.intake.receive(intake(ctx), officer).code
    second = ctx.intake.receive(intake(ctx), officer).code
    clock.now = datetime(2026, 11, 27, 8, 0)
    third = ctx.intake.receive(intake(ctx), officer).code
    assert (first[-4:], second[-4:]) == ("0001", "0002")
    assert third.endswith("-261127-0001")


def test_incomplete_dossier_is_refused_and_nothing_saved(ctx, officer):
    """Receive with a required document unticked says so and writes nothing."""
    docs = intake(ctx).documents[1:]
    with pytest.raises(ValidationFailed) as caught:
        ctx.intake.receive(intake(ctx, documents=docs), officer)
    assert "documents" in caught.value.by_field()
    assert _count(ctx, Dossier) == 0


def test_every_invalid_field_is_reported_at_once(ctx, officer):
    """All problems come back together, each under its field name, and nothing is saved."""
    bad = intake(ctx, sets=0, return_method="fax",
                 applicant={"name": "", "id_number": "12345", "phone": "123", "email": "a@", "address": ""})
    with pytest.raises(ValidationFailed) as caught:
        ctx.intake.receive(bad, officer)
    fields = set(caught.value.by_field())
    assert {"applicant.name", "applicant.id_number", "applicant.phone", "applicant.email",
            "applicant.address", "sets", "return_method"} <= fields
    assert _count(ctx, Dossier) == 0


def test_exception_mid_save_leaves_no_trace(ctx, officer, monkeypatch):
    """A failure after the dossier row is written rolls back everything, including its code."""
    import counter_app.services.intake as intake_module

    original = intake_module.append_event

    def exploding(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(intake_module, "append_event", exploding)
    with pytest.raises(RuntimeError):
        ctx.intake.receive(intake(ctx), officer)
    monkeypatch.setattr(intake_module, "append_event", original)
    assert (_count(ctx, Dossier), _count(ctx, DossierDocument), _count(ctx, DossierEvent)) == (0, 0, 0)
    assert ctx.intake.receive(intake(ctx), officer).code.endswith("-0001")  # the code was given back


def test_nfd_input_is_stored_as_nfc(ctx, officer):
    """Decomposed Vietnamese typed or pasted is stored composed (NFC)."""
    import unicodedata

    name = unicodedata.normalize("NFD", "Trần Thị Ngọc Ánh")
    code = ctx.intake.receive(intake(ctx, applicant={"name": name}), officer).code
    stored = ctx.dossiers.dossier(code).applicant_name
    assert stored == unicodedata.normalize("NFC", name) and stored != name


def test_supplement_request_records_guidance_without_a_dossier(ctx, officer):
    """Mẫu 02 at reception writes a slip with the missing documents and notes, and no dossier."""
    raw = intake(ctx, documents=intake(ctx).documents[1:])
    slip = ctx.intake.request_supplement(raw, officer, notes="Tờ khai chưa ký\nThiếu ảnh")
    assert slip.number.startswith("000.00.06.H15-261126-BS")
    assert _count(ctx, Dossier) == 0
    detail = ctx.dossiers.slip(slip.number)
    assert [i.name for i in detail.items] == [ctx.catalogue.get(PROCEDURE).documents[0].name]
    assert detail.notes == ("Tờ khai chưa ký", "Thiếu ảnh")
    again = ctx.dossiers.guidance_for(id_number="066190001234")
    assert [g.number for g in again] == [slip.number]


def test_supplement_with_nothing_listed_is_refused(ctx, officer):
    """A supplement request must list something to add or fix."""
    with pytest.raises(ValidationFailed) as caught:
        ctx.intake.request_supplement(intake(ctx), officer)
    assert "supplement.items" in caught.value.by_field()
    assert _count(ctx, ReceptionSlip) == 0


def test_refusal_needs_reasons_and_records_them(ctx, officer):
    """Mẫu 03 needs at least one reason; the reasons are kept one per line."""
    with pytest.raises(ValidationFailed):
        ctx.intake.refuse(intake(ctx), officer, "   ")
    slip = ctx.intake.refuse(intake(ctx), officer, "Không thuộc thẩm quyền\nĐã nộp tại nơi khác")
    assert ctx.dossiers.slip(slip.number).notes == ("Không thuộc thẩm quyền", "Đã nộp tại nơi khác")
    assert "-TC0001" in slip.number


def test_department_officer_may_not_receive(ctx, passwords):
    """Roles are checked in the service: a department officer cannot receive at the counter."""
    dept = ctx.auth.login("chuyenvien", passwords["chuyenvien"])
    with pytest.raises(PermissionDenied):
        ctx.intake.receive(intake(ctx), dept)


def test_documents_by_name_are_matched_accent_insensitively(ctx, officer):
    """CLI-style document names without accents map onto the checklist; unknown names are errors."""
    from counter_app.services.text import fold

    names = [fold(d.name) for d in ctx.catalogue.get(PROCEDURE).documents]
    code = ctx.intake.receive(intake(ctx, documents=tuple(DocumentInput(n) for n in names)), officer).code
    assert len(ctx.dossiers.dossier(code).documents) == len(names)
    with pytest.raises(ValidationFailed):
        ctx.intake.receive(intake(ctx, documents=(DocumentInput("Giấy khai sinh của mèo"),)), officer)


def test_received_at_in_the_future_or_malformed_is_rejected(ctx, officer):
    """Back-dating is allowed; a future or impossible receipt time is not."""
    for value in ("2026-11-27 09:00", "2026-02-30 10:00", "yesterday"):
        with pytest.raises(ValidationFailed) as caught:
            ctx.intake.receive(intake(ctx, received_at=value), officer)
        assert "received_at" in caught.value.by_field()
    code = ctx.intake.receive(intake(ctx, received_at="2026-02-13 10:00"), officer).code
    assert code.endswith("-260213-0001")


def test_preview_due_matches_the_saved_due_time(ctx, officer):
    """The due time shown when a procedure is picked equals the one then saved."""
    procedure = ctx.catalogue.get(PROCEDURE)
    shown = ctx.intake.preview_due(procedure)
    assert ctx.intake.receive(intake(ctx), officer).due_at == shown


def test_history_cannot_be_rewritten(ctx, officer):
    """The event log refuses UPDATE and DELETE at the database level."""
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    ctx.intake.receive(intake(ctx), officer)
    for statement in ("UPDATE dossier_event SET kind = 'x'", "DELETE FROM dossier_event"):
        with pytest.raises(DatabaseError, match="append-only"):
            with ctx.db.transaction() as session:
                session.execute(text(statement))
    assert _count(ctx, DossierEvent) == 1


def test_history_reads_in_the_order_it_happened(ctx, officer):
    """Events within the same minute keep their order (received, then each print)."""
    code = ctx.intake.receive(intake(ctx), officer).code
    for target in ("a.pdf", "b.pdf", "c.pdf"):
        ctx.printing.log("receipt", code, target, ok=target != "b.pdf", error="" if target != "b.pdf" else "jam")
    events = ctx.dossiers.dossier(code).events
    assert [e.kind for e in events] == ["received", "printed", "print_failed", "printed"]
    assert [e.detail.get("target") for e in events[1:]] == ["a.pdf", "b.pdf", "c.pdf"]
