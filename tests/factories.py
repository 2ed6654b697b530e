"""Builders of realistic intake input for tests (valid unless a test changes a field)."""

from __future__ import annotations

from dataclasses import replace

from counter_app.services.intake_input import ApplicantInput, DocumentInput, IntakeInput

# "Cấp Phiếu lý lịch tư pháp…" from the demo catalogue: 10 working days.
PROCEDURE = "2.000488"

APPLICANT = ApplicantInput(
    kind="individual",
    name="Nguyễn Thị Ánh Tuyết",
    id_number="066190001234",  # Đắk Lắk, born 1990, female
    date_of_birth="12/05/1990",
    sex="female",
    address="Số 12, đường Lê Duẩn, phường Tân Lợi, tỉnh Đắk Lắk",
    phone="0905 123 456",
    email="tuyet@example.vn",
)


def all_documents(ctx, code: str = PROCEDURE) -> tuple[DocumentInput, ...]:
    return tuple(DocumentInput(d.name) for d in ctx.catalogue.get(code).documents)


def intake(ctx, code: str = PROCEDURE, **changes) -> IntakeInput:
    applicant_changes = changes.pop("applicant", {})
    base = IntakeInput(procedure_code=code, applicant=replace(APPLICANT, **applicant_changes),
                       documents=all_documents(ctx, code))
    return replace(base, **changes)
