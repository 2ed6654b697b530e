"""The forms of a dossier's life printed from stored data: Mẫu 02 (department's request), 04, 05, 06,
the hand-over list and the return acknowledgement, checked by extracted text and decoded codes."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pdf_tools import decode_codes, pdf_page_images, pdf_text  # noqa: E402

from counter_app.services.errors import NotFound, ValidationFailed  # noqa: E402
from counter_app.services.intake_input import DocumentInput  # noqa: E402
from counter_app.services.tracking import Collector  # noqa: E402
from counter_app.services.tracking_print import ledger_reference  # noqa: E402
from tests.factories import APPLICANT, intake  # noqa: E402


@pytest.fixture
def lived(ctx, officer, dept, clock):
    """A dossier handed over, supplemented, apologised for, finished late and returned to an authorised person."""
    code = ctx.intake.receive(intake(ctx), officer, counter_number=1).code
    handed = ctx.tracking.hand_over([code], officer, note="Bản giấy 01 bộ")
    clock.now = datetime(2026, 11, 26, 14, 5)
    ctx.tracking.accept(code, dept)
    clock.now = datetime(2026, 11, 27, 8, 15)
    slip = ctx.tracking.request_supplement(code, dept, (DocumentInput("Bản sao trích lục khai sinh", certified_copies=1),),
                                           "Ghi rõ nơi cư trú trước năm 2000").reference
    clock.now = datetime(2026, 12, 1, 9, 0)
    ctx.tracking.supplement_received(code, officer)
    clock.now = datetime(2026, 12, 14, 10, 0)
    ctx.tracking.apologize(code, dept, "Chờ kết quả xác minh từ Công an tỉnh", date(2026, 12, 18))
    clock.now = datetime(2026, 12, 17, 15, 30)
    ctx.tracking.ready(code, dept)
    clock.now = datetime(2026, 12, 18, 8, 10)
    ctx.tracking.return_result(code, officer, Collector(True, "Trần Văn Bình", "066089004321", "Giấy ủy quyền số 12/GUQ"))
    return code, handed.list_number, slip


def _codes(pdf: bytes) -> set[str]:
    return {text for image in pdf_page_images(pdf, dpi=200) for _fmt, text in decode_codes(image)}


def test_apology_form_04(ctx, lived):
    code, _, _ = lived
    pdf = ctx.printing.render("apology", code)
    text = " ".join(pdf_text(pdf).split())
    for part in ("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "SỞ TƯ PHÁP", "1/PXL", APPLICANT.name, code,
                 "Chờ kết quả xác minh từ Công an tỉnh", "GIÁM ĐỐC", "Hoàng Văn Minh", "17 giờ 00 phút, ngày 18 tháng 12 năm 2026",
                 "15 tháng 12 năm 2026"):
        assert part in text, part
    assert code in _codes(pdf)


def test_control_sheet_form_05_lists_every_hand_over_with_marks(ctx, lived):
    code, list_number, _ = lived
    pdf = ctx.printing.render("control_sheet", code)
    text = " ".join(pdf_text(pdf).split())
    for part in ("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code, "Sở Tư pháp", "Nguyễn Văn An", "Phạm Quốc Bảo",
                 "Đúng hạn", "Quá hạn", "Yêu cầu bổ sung", "Trần Văn Bình"):
        assert part in text, part
    assert code in _codes(pdf)


def test_handover_list_names_receiver_and_decodes(ctx, lived):
    code, list_number, _ = lived
    pdf = ctx.printing.render("handover", list_number)
    text = " ".join(pdf_text(pdf).split())
    for part in ("DANH SÁCH BÀN GIAO HỒ SƠ", list_number, code, APPLICANT.name, "Sở Tư pháp", "Nguyễn Văn An", "Phạm Quốc Bảo"):
        assert part in text, part
    assert list_number in _codes(pdf)


def test_return_acknowledgement(ctx, lived):
    code, _, _ = lived
    pdf = ctx.printing.render("return", code)
    text = " ".join(pdf_text(pdf).split())
    for part in ("PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ", code, "Trần Văn Bình", "066089004321", "Giấy ủy quyền số 12/GUQ",
                 "Quá hạn", "Nguyễn Văn An", "18 tháng 12 năm 2026"):
        assert part in text, part
    assert code in _codes(pdf)


def test_department_supplement_request_is_form_02_with_the_dossier_code(ctx, lived):
    code, _, slip = lived
    text = " ".join(pdf_text(ctx.printing.render("supplement", slip)).split())
    for part in ("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", code, "Bản sao trích lục khai sinh", "Phạm Quốc Bảo",
                 "Ghi rõ nơi cư trú trước năm 2000"):
        assert part in text, part


def test_ledger_form_06_for_a_field_and_period(ctx, lived, clock):
    code, _, _ = lived
    pdf = ctx.printing.render("ledger", ledger_reference("TP-LLTP", date(2026, 11, 1), date(2026, 11, 30)))
    text = " ".join(pdf_text(pdf).split())
    for part in ("SỔ THEO DÕI HỒ SƠ", "Lý lịch tư pháp", code, APPLICANT.name, "0905123456", "Sở Tư pháp", "Quá hạn"):
        assert part in text, part
    empty = pdf_text(ctx.printing.render("ledger", ledger_reference("TP-LLTP", date(2026, 10, 1), date(2026, 10, 31))))
    assert code not in empty


def test_forms_that_do_not_exist_yet_are_refused(ctx, officer):
    code = ctx.intake.receive(intake(ctx), officer).code
    with pytest.raises(NotFound):
        ctx.printing.render("apology", code)
    with pytest.raises(NotFound):
        ctx.printing.render("return", code)
    with pytest.raises(NotFound):
        ctx.printing.render("ledger", ledger_reference("NO-SUCH", date(2026, 1, 1), date(2026, 1, 31)))


def test_the_apology_is_signed_by_the_head_the_admin_set(ctx, lived):
    code, _, _ = lived
    with pytest.raises(ValidationFailed):
        ctx.catalogue.set_department_head("STP", "", "")
    ctx.catalogue.set_department_head("stp", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Văn Tám")
    text = " ".join(pdf_text(ctx.printing.render("apology", code)).split())
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text and "Lê Văn Tám" in text and "Hoàng Văn Minh" not in text


def test_extend_clock_per_procedure_moves_the_due_date_by_the_paused_time(ctx, officer, dept, clock):
    assert ctx.catalogue.set_supplement_clock("2.000488", "extend") == 1
    code = ctx.intake.receive(intake(ctx), officer).code
    ctx.tracking.hand_over([code], officer)
    ctx.tracking.accept(code, dept)
    due = ctx.dossiers.dossier(code).due_at
    clock.now = datetime(2026, 11, 27, 9, 0)
    ctx.tracking.request_supplement(code, dept, notes="Bổ sung ảnh 4x6")
    clock.now = datetime(2026, 11, 30, 9, 0)  # Friday 9:00 → Monday 9:00: one working day paused
    back = ctx.tracking.supplement_received(code, officer)
    assert back.due_at == datetime(2026, 12, 11, 9, 30) and due == datetime(2026, 12, 10, 9, 30)
    with pytest.raises(ValueError):
        ctx.catalogue.set_supplement_clock("2.000488", "sometimes")
