"""Mẫu 01 as the counter prints it: one A5 page per copy for an ordinary dossier."""

from __future__ import annotations

import pypdfium2

from tests.factories import intake
from tests.pdf_tools import pdf_text


def test_receipt_with_representative_fits_one_page_per_copy(ctx, officer):
    """Representative, three documents, two sets and a fee: still two pages (kept + applicant's copy)."""
    raw = intake(ctx, sets=2, return_method="post", applicant={
        "representative_name": "Trần Văn Bình", "representative_id": "066085001234",
        "authorisation_document": "Giấy ủy quyền số 12/GUQ ngày 20/11/2026"})
    code = ctx.intake.receive(raw, officer).code
    pdf = ctx.printing.receipt(code)
    assert len(pypdfium2.PdfDocument(pdf)) == 2
    text = pdf_text(pdf)
    assert "Trần Văn Bình" in text and "Giấy ủy quyền số 12/GUQ" in text
    assert text.count("NGƯỜI TIẾP NHẬN HỒ SƠ") == 2 and "200.000 đồng" in text
