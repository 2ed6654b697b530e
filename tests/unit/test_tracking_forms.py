"""Mẫu 04/05/06, the hand-over list and the return slip checked for real: extracted text, page size,
embedded fonts, decoded QR/Code128, paging of long content, and a PNG of each in test-artifacts/."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from counter_app.printing import fonts
from counter_app.printing.apology_template import render_apology
from counter_app.printing.control_sheet_template import render_control_sheet
from counter_app.printing.documents import ApplicantBlock, FormHeader, FormTitle
from counter_app.printing.handover_list_template import render_handover_list
from counter_app.printing.ledger_template import render_ledger
from counter_app.printing.return_ack_template import render_return_ack
from counter_app.printing.tracking_documents import (
    ApologyData,
    ControlRow,
    ControlSheetData,
    HandoverListData,
    HandoverRow,
    LedgerData,
    LedgerRow,
    ReturnAckData,
)
from tests.pdf_tools import decode_codes, pdf_fonts, pdf_page_images, pdf_text

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ALLOWED_FONTS = {fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC}
A5 = (419.53, 595.28)
A4 = (595.28, 841.89)
CODE = "000.00.06.H56-261126-0001"
URL = f"https://dichvucong.daklak.gov.vn/tra-cuu-ho-so?ma={CODE}"
PROCEDURE = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"
DEPT = "Sở Tư pháp tỉnh Đắk Lắk"
CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk"
LIST_NUMBER = "000.00.06.H56-261126-BG0003"
RECEIVED = datetime(2026, 11, 26, 9, 30)
DUE = datetime(2026, 12, 10, 9, 30)
NEW_DUE = datetime(2026, 12, 15, 14, 0)

CENTRE_HEADER = FormHeader("UBND TỈNH ĐẮK LẮK", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "125/KS", "Đắk Lắk", RECEIVED)
APPLICANT = ApplicantBlock(
    kind="individual", name="Nguyễn Thị Ánh Tuyết", id_label="Số định danh cá nhân", id_number="066186001234",
    address="Số 12, đường Lê Duẩn, phường Tân Lợi, tỉnh Đắk Lắk", phone="0905 123 456", email="anhtuyet@gmail.com",
    representative_name="Trần Văn Bình", representative_id="066089004321",
    authorisation_document="Giấy ủy quyền số 12/GUQ ngày 20/11/2026",
)
APOLOGY = ApologyData(
    form=FormTitle("Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
    header=FormHeader("UBND TỈNH ĐẮK LẮK", "SỞ TƯ PHÁP", "12/PXL", "Đắk Lắk", datetime(2026, 12, 8, 8, 0)),
    department_name=DEPT, applicant=APPLICANT, dossier_code=CODE, procedure_name=PROCEDURE, received_at=RECEIVED,
    original_due_at=DUE, new_due_at=NEW_DUE, reason="Cần xác minh thông tin án tích tại Công an tỉnh Lâm Đồng",
    head_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", head_name="Phạm Quốc Hùng",
    recipients=("Như trên;", "Bộ phận Tiếp nhận và Trả kết quả;", "Lưu: VT."), tracking_url=URL,
)
STEPS = (
    ControlRow(1, "Bộ phận Tiếp nhận và Trả kết quả", "Lê Hoàng Phúc", "Sở Tư pháp", "Đỗ Thị Mai",
               datetime(2026, 11, 26, 14, 0), "Đúng hạn", ""),
    ControlRow(2, "Sở Tư pháp", "Đỗ Thị Mai", "Phòng Hành chính tư pháp", "Võ Minh Quân",
               datetime(2026, 11, 27, 8, 15), "Trước hạn", "Chuyển xử lý"),
    ControlRow(3, "Phòng Hành chính tư pháp", "Võ Minh Quân", "Bộ phận Tiếp nhận và Trả kết quả", "",
               datetime(2026, 12, 11, 16, 40), "Quá hạn", "Đã có Phiếu xin lỗi số 12/PXL"),
)
CONTROL = ControlSheetData(
    form=FormTitle("Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), header=CENTRE_HEADER, dossier_code=CODE,
    procedure_name=PROCEDURE, applicant_name="Nguyễn Thị Ánh Tuyết", processing_unit=DEPT,
    cooperating_units=("Công an tỉnh Đắk Lắk", "Công an tỉnh Lâm Đồng"), received_at=RECEIVED, due_at=NEW_DUE,
    original_due_at=DUE, rows=STEPS,
)


def ledger_row(i: int) -> LedgerRow:
    returned = i % 3 != 0
    return LedgerRow(
        number=i, dossier_code=f"000.00.06.H56-261126-{i:04d}", procedure_name=f"{PROCEDURE} (hồ sơ {i})",
        applicant_name=f"Nguyễn Văn Ấn {i}", address_phone=f"Số {i} Lê Duẩn, Buôn Ma Thuột; 0905 000 {i:03d}",
        department_name="Sở Tư pháp", received_at=RECEIVED + timedelta(minutes=i),
        due_at=DUE + timedelta(minutes=i), returned_at=DUE + timedelta(days=1, minutes=i) if returned else None,
        return_method=("Trực tiếp" if i % 2 else "Bưu chính") if returned else "", note="Quá hạn" if returned else "",
    )


LEDGER = LedgerData(
    form=FormTitle("Mẫu số 06", "SỔ THEO DÕI HỒ SƠ"), header=dataclasses.replace(CENTRE_HEADER, document_number="01/STD"),
    field_name="Lý lịch tư pháp", period_from=date(2026, 11, 1), period_to=date(2026, 11, 30),
    rows=tuple(ledger_row(i) for i in range(1, 4)),
)
HANDOVER = HandoverListData(
    form=FormTitle("", "DANH SÁCH BÀN GIAO HỒ SƠ"), header=dataclasses.replace(CENTRE_HEADER, document_number=LIST_NUMBER),
    list_number=LIST_NUMBER, from_unit="Bộ phận Tiếp nhận và Trả kết quả", from_person="Lê Hoàng Phúc",
    to_unit=DEPT, to_person="Đỗ Thị Mai", handed_at=datetime(2026, 11, 26, 14, 0),
    rows=(
        HandoverRow(1, CODE, PROCEDURE, "Nguyễn Thị Ánh Tuyết", RECEIVED, DUE, 1, ""),
        HandoverRow(2, "000.00.06.H56-261126-0002", "Đăng ký khai sinh có yếu tố nước ngoài", "Lý Thị Hoa",
                    datetime(2026, 11, 26, 10, 5), datetime(2026, 12, 3, 10, 5), 2, "Hồ sơ giấy kèm đĩa CD"),
    ),
)
RETURN_ACK = ReturnAckData(
    form=FormTitle("", "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ"),
    header=dataclasses.replace(CENTRE_HEADER, document_number="88/PTKQ"), dossier_code=CODE, procedure_name=PROCEDURE,
    applicant=APPLICANT, collector_name="Trần Văn Bình",
    collector_id_label="Số định danh cá nhân", collector_id_number="066089004321",
    authorisation_document="Giấy ủy quyền số 12/GUQ ngày 20/11/2026", received_at=RECEIVED, due_at=DUE,
    returned_at=datetime(2026, 12, 9, 15, 20), method="Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả",
    mark="Trước hạn", officer_name="Lê Hoàng Phúc", note="Đã thu lại Giấy tiếp nhận hồ sơ",
)

APPLICANT_TEXT = ["Số định danh cá nhân: 066186001234", f"Địa chỉ: {APPLICANT.address}", "Số điện thoại: 0905 123 456",
                  "Email: anhtuyet@gmail.com", "Người được ủy quyền: Trần Văn Bình", "066089004321",
                  "Văn bản ủy quyền: Giấy ủy quyền số 12/GUQ ngày 20/11/2026"]
HEADER_TEXT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH ĐẮK LẮK"]
EXPECTED = {
    "apology": HEADER_TEXT + APPLICANT_TEXT + [
        "Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "SỞ TƯ PHÁP", "Số: 12/PXL",
        "Đắk Lắk, ngày 08 tháng 12 năm 2026", "Kính gửi: Nguyễn Thị Ánh Tuyết",
        f"{DEPT} tiếp nhận hồ sơ của ông/bà Nguyễn Thị Ánh Tuyết vào lúc 09 giờ 30 phút, ngày 26 tháng 11 năm 2026.",
        f"Nội dung yêu cầu giải quyết: {PROCEDURE}", f"Mã hồ sơ: {CODE}",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 30 phút, ngày 10 tháng 12 năm 2026",
        f"Tuy nhiên đến nay, {DEPT} chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn. Lý do: {APOLOGY.reason}",
        f"Sự chậm trễ này đã gây phiền hà cho ông/bà. {DEPT} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho "
        "ông/bà vào 14 giờ 00 phút, ngày 15 tháng 12 năm 2026.",
        "Mong nhận được sự thông cảm của ông/bà./.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Quốc Hùng", "Nơi nhận:",
        "- Như trên;", "- Bộ phận Tiếp nhận và Trả kết quả;", "- Lưu: VT.",
    ],
    "control": HEADER_TEXT + [
        "Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: 125/KS",
        f"Mã hồ sơ: {CODE}", f"Nội dung yêu cầu giải quyết: {PROCEDURE}", "Người nộp hồ sơ: Nguyễn Thị Ánh Tuyết",
        f"Cơ quan, đơn vị chủ trì giải quyết: {DEPT}",
        "Cơ quan, đơn vị phối hợp giải quyết: Công an tỉnh Đắk Lắk; Công an tỉnh Lâm Đồng",
        "Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 26 tháng 11 năm 2026",
        "Thời gian hẹn trả kết quả: 14 giờ 00 phút, ngày 15 tháng 12 năm 2026 "
        "(hẹn lại từ 09 giờ 30 phút, ngày 10 tháng 12 năm 2026)",
        "TÊN CƠ QUAN, ĐƠN VỊ", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "GHI CHÚ",
        "1. Giao: Bộ phận Tiếp nhận và Trả kết quả – Lê Hoàng Phúc", "2. Nhận: Sở Tư pháp – Đỗ Thị Mai",
        "1. Giao: Sở Tư pháp – Đỗ Thị Mai", "2. Nhận: Phòng Hành chính tư pháp – Võ Minh Quân",
        "1. Giao: Phòng Hành chính tư pháp – Võ Minh Quân", "2. Nhận: Bộ phận Tiếp nhận và Trả kết quả",
        "14 giờ 00 phút, ngày 26/11/2026", "08 giờ 15 phút, ngày 27/11/2026", "16 giờ 40 phút, ngày 11/12/2026",
        "(Trước hạn/ Đúng hạn/ Quá hạn)", "Đúng hạn", "Trước hạn", "Quá hạn", "Chuyển xử lý",
        "Đã có Phiếu xin lỗi số 12/PXL",
    ],
    "ledger": HEADER_TEXT + [
        "Mẫu số 06", "SỔ THEO DÕI HỒ SƠ", "Số: 01/STD", "Lĩnh vực: Lý lịch tư pháp", "Từ ngày 01/11/2026 đến ngày 30/11/2026",
        "STT", "Mã hồ sơ", "Tên TTHC", "Tên tổ chức/cá nhân", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết",
        "Ngày, tháng, năm nhận hồ sơ", "Ngày, tháng, năm hẹn trả kết quả", "Ngày, tháng, năm trả kết quả",
        "Trả kết quả (hình thức)", "Ký nhận", "Ghi chú", "Tổng số: 3 hồ sơ", "Trang 1/1",
        *[v for r in LEDGER.rows for v in (r.dossier_code, r.procedure_name, r.applicant_name, r.address_phone)],
        "26/11/2026 09:31", "10/12/2026 09:32", "11/12/2026 09:31", "Trực tiếp", "Bưu chính", "Quá hạn", "Sở Tư pháp",
    ],
    "handover": HEADER_TEXT + [
        "DANH SÁCH BÀN GIAO HỒ SƠ", f"Số: {LIST_NUMBER}", f"Số danh sách: {LIST_NUMBER}",
        "Bên giao: Bộ phận Tiếp nhận và Trả kết quả; người giao: Lê Hoàng Phúc", f"Bên nhận: {DEPT}; người nhận: Đỗ Thị Mai",
        "Thời gian bàn giao: 14 giờ 00 phút, ngày 26 tháng 11 năm 2026", CODE, "000.00.06.H56-261126-0002", PROCEDURE,
        "Đăng ký khai sinh có yếu tố nước ngoài", "Nguyễn Thị Ánh Tuyết", "Lý Thị Hoa", "26/11/2026 09:30",
        "10/12/2026 09:30", "26/11/2026 10:05", "03/12/2026 10:05", "01", "02", "Hồ sơ giấy kèm đĩa CD",
        "Tổng số: 2 hồ sơ (3 bộ)", "BÊN GIAO", "BÊN NHẬN",
    ],
    "return": HEADER_TEXT + APPLICANT_TEXT + [
        "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "Số: 88/PTKQ", f"Mã hồ sơ: {CODE}", "Hồ sơ của: Nguyễn Thị Ánh Tuyết",
        f"Nội dung yêu cầu giải quyết: {PROCEDURE}", "Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 26 tháng 11 năm 2026",
        "Thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 10 tháng 12 năm 2026",
        "Thời gian trả kết quả: 15 giờ 20 phút, ngày 09 tháng 12 năm 2026",
        "Hình thức trả kết quả: Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả", "Giải quyết hồ sơ: Trước hạn",
        "Người nhận kết quả: Trần Văn Bình", "Số định danh cá nhân: 066089004321",
        "Văn bản ủy quyền: Giấy ủy quyền số 12/GUQ ngày 20/11/2026", "Ghi chú: Đã thu lại Giấy tiếp nhận hồ sơ",
        "NGƯỜI NHẬN KẾT QUẢ", "NGƯỜI TRẢ KẾT QUẢ", "Lê Hoàng Phúc",
    ],
}
RENDERERS = {
    "apology": (render_apology, APOLOGY), "control": (render_control_sheet, CONTROL), "ledger": (render_ledger, LEDGER),
    "handover": (render_handover_list, HANDOVER), "return": (render_return_ack, RETURN_ACK),
}
PAGE = {"apology": A5, "control": A5, "ledger": (A4[1], A4[0]), "handover": A4, "return": A5}
# (QR text or None, Code128 text) that page 1 must carry.
CODES = {"apology": (URL, CODE), "control": (None, CODE), "ledger": None, "handover": (None, LIST_NUMBER),
         "return": (None, CODE)}
FORMS = sorted(RENDERERS)


def flat(text: str) -> str:
    """Whitespace runs (line wraps, table cells) collapsed to one space, NFC."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def squeezed(text: str) -> str:
    """NFC text without any whitespace: pdfium sometimes joins a wrapped table-cell line to the next
    without a space, so values in cells are compared character for character, spaces aside."""
    return "".join(unicodedata.normalize("NFC", text).split())


def missing(pdf: bytes, expected: list[str]) -> list[str]:
    text = squeezed(pdf_text(pdf))
    return [e for e in expected if squeezed(e) not in text]


def pages(pdf: bytes) -> list[str]:
    return [flat(p) for p in pdf_text(pdf).split("\f")]


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {kind: renderer(sample) for kind, (renderer, sample) in RENDERERS.items()}


@pytest.mark.parametrize("kind", FORMS)
def test_every_field_is_printed(rendered: dict[str, bytes], kind: str) -> None:
    """Every value and heading of the form appears in the extracted text, with its Vietnamese marks."""
    assert not missing(rendered[kind], EXPECTED[kind])


@pytest.mark.parametrize("kind", FORMS)
def test_page_size_and_count(rendered: dict[str, bytes], kind: str) -> None:
    """A5 portrait (Mẫu 04/05, return slip), A4 landscape (ledger), A4 portrait (hand-over); one page each."""
    reader = PdfReader(io.BytesIO(rendered[kind]))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAGE[kind], abs=0.1)


@pytest.mark.parametrize("kind", FORMS)
def test_only_bundled_fonts_embedded(rendered: dict[str, bytes], kind: str) -> None:
    """Only the bundled Liberation Serif faces, all embedded; no standard-14 font; text round-trips NFC."""
    found = pdf_fonts(rendered[kind])
    assert found and all(name.split("+", 1)[-1] in ALLOWED_FONTS and embedded for name, embedded in found), found
    assert b"Helvetica" not in rendered[kind] and b"Times-Roman" not in rendered[kind]
    raw = "".join(p.get_textpage().get_text_bounded() for p in pdfium.PdfDocument(rendered[kind]))
    assert unicodedata.is_normalized("NFC", raw) and "\ufffd" not in raw


@pytest.mark.parametrize("kind", [k for k in FORMS if CODES[k]])
def test_codes_decode(rendered: dict[str, bytes], kind: str) -> None:
    """The QR (tracking URL) and Code128 (dossier code or list number) decode from the rendered page."""
    qr_text, linear_text = CODES[kind]
    codes = decode_codes(pdf_page_images(rendered[kind], dpi=200)[0])
    assert [t for f, t in codes if "128" in f] == [linear_text]
    assert [t for f, t in codes if "QR" in f.upper()] == ([qr_text] if qr_text else [])


@pytest.mark.parametrize("kind", FORMS)
def test_png_artifact(rendered: dict[str, bytes], kind: str) -> None:
    """Page 1 of each form is saved as test-artifacts/tracking-<kind>.png for a visual check (and is not blank)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image = pdf_page_images(rendered[kind], dpi=110)[0]
    path = ARTIFACTS / f"tracking-{kind}.png"
    image.save(path)
    histogram = image.convert("L").histogram()
    dark = sum(histogram[:128]) / (image.width * image.height)
    assert 0.005 < dark < 0.5


def test_apology_long_reason_flows_with_signature_intact() -> None:
    """A 1,500-character reason flows onto a second A5 page; the signature and recipients stay together."""
    reason = " ".join(f"Lý do thứ {i}: cơ quan phối hợp chưa có văn bản trả lời về nội dung xác minh." for i in range(20))
    pdf = render_apology(dataclasses.replace(APOLOGY, reason=reason))
    texts = pages(pdf)
    assert len(texts) >= 2
    assert flat(f"Lý do: {reason}") in " ".join(texts)
    assert "tiếp theo" in texts[-1]
    assert "Nơi nhận:" in texts[-1] and "Phạm Quốc Hùng" in texts[-1]


def test_apology_to_an_organisation() -> None:
    """An organisation is addressed as "quý tổ chức"."""
    applicant = dataclasses.replace(APPLICANT, kind="organisation", name="Công ty TNHH Cà phê Buôn Ma Thuột")
    text = flat(pdf_text(render_apology(dataclasses.replace(APOLOGY, applicant=applicant))))
    assert "xin lỗi quý tổ chức" in text and "ông/bà" not in text


def test_control_sheet_sixty_rows_flow_in_order() -> None:
    """60 hand-overs (given out of order) flow over several A5 pages, the header row on each, every row
    once, in step order."""
    rows = tuple(
        ControlRow(i, f"Đơn vị giao số {i}", f"Người giao {i}", f"Đơn vị nhận số {i}", f"Người nhận {i}",
                   RECEIVED + timedelta(hours=i), ("Trước hạn", "Đúng hạn", "Quá hạn", "")[i % 4], f"Ghi chú bước {i}")
        for i in range(1, 61)
    )
    long_name = "Thủ tục " + "cấp, cấp lại, điều chỉnh giấy phép hoạt động " * 8
    pdf = render_control_sheet(dataclasses.replace(CONTROL, rows=rows[30:] + rows[:30], procedure_name=long_name))
    texts = pages(pdf)
    assert len(texts) >= 3
    assert all("TÊN CƠ QUAN, ĐƠN VỊ" in t for t in texts)
    whole = " ".join(texts)
    assert flat(long_name) in whole
    positions = [whole.index(f"Ghi chú bước {i} ") for i in range(1, 60)] + [whole.index("Ghi chú bước 60")]
    assert positions == sorted(positions)
    for i in (1, 30, 60):
        assert f"1. Giao: Đơn vị giao số {i} – Người giao {i}" in whole


def test_control_sheet_empty_history_and_same_due() -> None:
    """No hand-over yet: one blank row to fill in by hand; an unchanged due date is not called rescheduled."""
    pdf = render_control_sheet(dataclasses.replace(CONTROL, rows=(), cooperating_units=(), due_at=DUE))
    text = flat(pdf_text(pdf))
    assert "1. Giao: 2. Nhận:" in text and "hẹn lại" not in text
    assert "Cơ quan, đơn vị phối hợp giải quyết: Không" in text


def test_ledger_500_rows_page_with_headers_and_numbers() -> None:
    """500 rows: every page repeats the column header and says "Trang x/y"; all rows and the total are printed."""
    pdf = render_ledger(dataclasses.replace(LEDGER, rows=tuple(ledger_row(i) for i in range(1, 501))))
    texts = pages(pdf)
    total = len(texts)
    assert total >= 10
    for number, text in enumerate(texts, start=1):
        assert "Ngày, tháng, năm hẹn trả kết quả" in text and "Ký nhận" in text
        assert f"Trang {number}/{total}" in text
    whole = " ".join(texts)
    codes = re.findall(r"000\.00\.06\.H56-261126-(\d{4})", whole)
    assert [int(c) for c in codes] == list(range(1, 501))
    assert "Tổng số: 500 hồ sơ" in texts[-1] and "Tổng số" not in " ".join(texts[:-1])


def test_ledger_empty_and_unreturned() -> None:
    """No rows: a note and "Tổng số: 0 hồ sơ"; an unreturned row leaves its return cells blank."""
    text = flat(pdf_text(render_ledger(dataclasses.replace(LEDGER, rows=()))))
    assert "(Không có hồ sơ trong kỳ)" in text and "Tổng số: 0 hồ sơ" in text
    open_row = ledger_row(3)  # i % 3 == 0: not returned yet
    text = flat(pdf_text(render_ledger(dataclasses.replace(LEDGER, rows=(open_row,)))))
    assert "10/12/2026 09:33" in text and "11/12/2026" not in text and "Trực tiếp" not in text


def test_handover_not_yet_received_and_long_list() -> None:
    """Before the department receives, the receiver is left blank; 80 rows flow with the header repeated."""
    rows = tuple(
        HandoverRow(i, f"000.00.06.H56-261126-{i:04d}", "Thủ tục " + "rất dài về đất đai " * 6, f"Người nộp {i}",
                    RECEIVED, DUE, 1, "")
        for i in range(1, 81)
    )
    pdf = render_handover_list(dataclasses.replace(HANDOVER, to_person="", rows=rows))
    texts = pages(pdf)
    with_rows = [t for t in texts if "000.00.06.H56-261126-" in t.replace(LIST_NUMBER, "")]
    assert len(with_rows) >= 3 and all("Tên thủ tục hành chính" in t for t in with_rows)
    assert all("tiếp theo" in t for t in texts[1:])
    assert f"người nhận: {'…' * 24}" in texts[0]
    last = texts[-1]
    assert "Tổng số: 80 hồ sơ (80 bộ)" in last and "BÊN GIAO" in last and "BÊN NHẬN" in last
    whole = " ".join(texts)
    assert [int(c) for c in re.findall(r"000\.00\.06\.H56-261126-(\d{4})", whole)] == list(range(1, 81))
    codes = decode_codes(pdf_page_images(pdf, dpi=200)[0])
    assert [t for f, t in codes if "128" in f] == [LIST_NUMBER]


def test_return_ack_applicant_collects_in_person() -> None:
    """Without authorisation or note, those lines are left out."""
    applicant = dataclasses.replace(APPLICANT, representative_name="", representative_id="", authorisation_document="")
    data = dataclasses.replace(
        RETURN_ACK, applicant=applicant, collector_name=APPLICANT.name, collector_id_number="066186001234",
        authorisation_document="", note="", mark="Quá hạn",
    )
    text = flat(pdf_text(render_return_ack(data)))
    assert "Người nhận kết quả: Nguyễn Thị Ánh Tuyết" in text and "Giải quyết hồ sơ: Quá hạn" in text
    assert "ủy quyền" not in text and "Ghi chú" not in text


@pytest.mark.parametrize("kind", FORMS)
def test_decomposed_and_markup_input(kind: str) -> None:
    """Decomposed (NFD) names print composed, and <, > and & print literally."""
    renderer, sample = RENDERERS[kind]
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Ấn <Đắk> & Lắk")
    if kind in ("apology", "return"):
        data = dataclasses.replace(sample, applicant=dataclasses.replace(APPLICANT, name=nfd))
    elif kind == "control":
        data = dataclasses.replace(sample, applicant_name=nfd)
    else:  # ledger and hand-over list: a row's applicant
        data = dataclasses.replace(sample, rows=(dataclasses.replace(sample.rows[0], applicant_name=nfd),))
    raw = "".join(p.get_textpage().get_text_bounded() for p in pdfium.PdfDocument(renderer(data)))
    assert "Nguyễn Văn Ấn <Đắk> & Lắk" in flat(raw)
    assert unicodedata.is_normalized("NFC", raw)


def test_ledger_long_cells_wrap_inside_columns() -> None:
    """A long procedure name, a code too wide for its column and a 3,000-character note still print,
    within their cells (a note too long for one page ends in "…" instead of failing the ledger)."""
    long_code = "000.00.06.H56-261126-QG000000000123456"
    procedure = "Thủ tục " + "đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất " * 3
    row = dataclasses.replace(ledger_row(1), dossier_code=long_code, procedure_name=procedure, note="Ghi chú dài " * 250)
    pdf = render_ledger(dataclasses.replace(LEDGER, rows=(row, ledger_row(2))))
    text = squeezed(pdf_text(pdf))
    assert squeezed(long_code) in text and squeezed(procedure) in text and "…" in text
    assert "000.00.06.H56-261126-0002" in text


@pytest.mark.parametrize("width_mm", [9, 16, 36])
def test_fit_lines_never_exceeds_the_cell(width_mm: float) -> None:
    """Every line fits the width, and nothing but spaces is lost or added, whatever the text."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from counter_app.printing.ledger_template import CELL_SIZE, fit_lines

    fonts.register_fonts()
    text = f"{CODE} https://dichvucong.daklak.gov.vn/tra-cuu-ho-so/rat-dai Nguyễn Thị Ánh Tuyết 0905123456789"
    lines = fit_lines(unicodedata.normalize("NFD", text), width_mm * mm)
    assert all(stringWidth(line, fonts.REGULAR, CELL_SIZE) <= width_mm * mm for line in lines)
    assert squeezed("".join(lines)) == squeezed(text)
