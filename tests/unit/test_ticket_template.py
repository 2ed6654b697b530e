"""The kiosk's 80 mm queue ticket checked for real: page size, extracted text, decoded QR, fonts, wrapping."""

from __future__ import annotations

import dataclasses
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ holds the shared pdf_tools

from pdf_tools import decode_codes, pdf_fonts, pdf_page_images, pdf_text  # noqa: E402

from counter_app.printing import fonts  # noqa: E402
from counter_app.printing.documents import TicketData  # noqa: E402
from counter_app.printing.ticket_template import render_ticket  # noqa: E402

MM = 72 / 25.4
ALLOWED_FONTS = {fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC}
STATUS_URL = "https://dichvucong.daklak.gov.vn/hang-cho/ve?ma=3f2b9c1e-7a4d-4e2b-9a51-0c8d2f6e1b77"
FOOTER = "Vui lòng chờ đến lượt. Số của quý khách sẽ được gọi trên màn hình và loa."

TICKET = TicketData(
    centre_name="Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk",
    ticket_number="A1023",
    group_name="Tư pháp – Hộ tịch",
    issued_at=datetime(2026, 2, 13, 9, 5),
    waiting_ahead=12,
    estimated_wait_minutes=35,
    status_url=STATUS_URL,
)
PRIORITY_TICKET = dataclasses.replace(TICKET, ticket_number="A1024", priority=True, priority_reason="Người cao tuổi")
LONG_CENTRE = "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk – Chi nhánh Bộ phận Tiếp nhận và Trả kết quả huyện Krông Pắc"
LONG_GROUP = "Đất đai, tài nguyên và môi trường – Đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở và tài sản gắn liền"


def flat(text: str) -> str:
    """Collapse every run of whitespace (line wraps, nbsp) to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return [tuple(page.get_size()) for page in doc]
    finally:
        doc.close()


def char_boxes(pdf: bytes) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of every non-space character on the first page."""
    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[0].get_textpage()
        text = textpage.get_text_range()
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars()) if not text[i].isspace()]
        textpage.close()
        return boxes
    finally:
        doc.close()


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """The normal and the priority ticket, rendered once."""
    return {"normal": render_ticket(TICKET), "priority": render_ticket(PRIORITY_TICKET)}


@pytest.mark.parametrize("kind", ["normal", "priority"])
def test_one_page_80_mm_wide_fitted_height(rendered: dict[str, bytes], kind: str) -> None:
    """One page exactly 80 mm wide, shorter than 200 mm (fitted to the content, not A4)."""
    sizes = page_sizes(rendered[kind])
    assert len(sizes) == 1
    width, height = sizes[0]
    assert width == pytest.approx(80 * MM, abs=0.1)
    assert 60 * MM < height < 200 * MM


def test_text_holds_every_field_with_diacritics(rendered: dict[str, bytes]) -> None:
    """Centre, heading, number, group, time, people ahead, wait, QR caption and footer print exactly."""
    text = flat(pdf_text(rendered["normal"]))
    for expected in (
        "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk",
        "PHIẾU SỐ THỨ TỰ",
        "A1023",
        "Tư pháp – Hộ tịch",
        "Thời gian lấy số: 09:05, ngày 13/02/2026",
        "Số người đang chờ trước quý khách: 12",
        "Thời gian chờ dự kiến: khoảng 35 phút",
        "Quét mã để xem lượt chờ",
        FOOTER,
    ):
        assert expected in text, expected
    assert unicodedata.is_normalized("NFC", pdf_text(rendered["normal"]))


def test_unknown_wait_prints_updating() -> None:
    """Without an estimate the wait line reads "đang cập nhật" and no minute count."""
    text = flat(pdf_text(render_ticket(dataclasses.replace(TICKET, estimated_wait_minutes=None))))
    assert "Thời gian chờ dự kiến: đang cập nhật" in text
    assert "phút" not in text


@pytest.mark.parametrize("kind", ["normal", "priority"])
def test_qr_decodes_to_status_url(rendered: dict[str, bytes], kind: str) -> None:
    """The QR code read back from a 200 dpi image of the page is the ticket's status URL."""
    (image,) = pdf_page_images(rendered[kind], dpi=200)
    codes = decode_codes(image)
    assert [text for fmt, text in codes if "QR" in fmt.upper()] == [STATUS_URL]


@pytest.mark.parametrize("kind", ["normal", "priority"])
def test_only_bundled_font_embedded(rendered: dict[str, bytes], kind: str) -> None:
    """Only the bundled Liberation Serif faces are referenced, all embedded; no Helvetica/standard-14."""
    found = pdf_fonts(rendered[kind])
    assert found
    for base_name, embedded in found:
        assert base_name.split("+", 1)[-1] in ALLOWED_FONTS, base_name
        assert embedded, base_name
    assert b"Helvetica" not in rendered[kind]
    assert b"Times-Roman" not in rendered[kind]


def test_priority_line_only_on_priority_tickets(rendered: dict[str, bytes]) -> None:
    """"Ưu tiên: <reason>" prints on a priority ticket and nothing of it on a normal one."""
    assert "Ưu tiên: Người cao tuổi" in flat(pdf_text(rendered["priority"]))
    assert "Ưu tiên" not in pdf_text(rendered["normal"])


def test_priority_without_reason_prints_bare_label() -> None:
    """A priority ticket with no reason still says "Ưu tiên", without a dangling colon."""
    text = flat(pdf_text(render_ticket(dataclasses.replace(TICKET, priority=True, priority_reason=""))))
    assert "Ưu tiên" in text
    assert "Ưu tiên:" not in text


def test_long_names_wrap_inside_printable_width(rendered: dict[str, bytes]) -> None:
    """Long centre and group names and a long number stay inside the 72 mm print area, on one taller page."""
    data = dataclasses.replace(TICKET, centre_name=LONG_CENTRE, group_name=LONG_GROUP, ticket_number="DD-10234")
    pdf = render_ticket(data)
    sizes = page_sizes(pdf)
    assert len(sizes) == 1
    assert sizes[0][1] > page_sizes(rendered["normal"])[0][1]  # the wrapped lines made it taller
    assert sizes[0][1] < 200 * MM
    text = flat(pdf_text(pdf))
    assert LONG_CENTRE in text
    assert LONG_GROUP in text
    assert "DD-10234" in text
    left, right = 4 * MM - 0.5, 76 * MM + 0.5
    for box in char_boxes(pdf):
        assert left <= box[0] and box[2] <= right, box
        assert 0 <= box[1] and box[3] <= sizes[0][1], box


def test_decomposed_input_is_printed_nfc() -> None:
    """Decomposed (NFD) centre and group names still print as composed Vietnamese."""
    data = dataclasses.replace(
        TICKET,
        centre_name=unicodedata.normalize("NFD", TICKET.centre_name),
        group_name=unicodedata.normalize("NFD", TICKET.group_name),
    )
    text = flat(pdf_text(render_ticket(data)))
    assert "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk" in text
    assert "Tư pháp – Hộ tịch" in text


def test_markup_characters_are_escaped() -> None:
    """Names containing &, < and > print literally instead of breaking the layout."""
    text = flat(pdf_text(render_ticket(dataclasses.replace(TICKET, group_name="Đất đai <cấp sổ> & biến động"))))
    assert "Đất đai <cấp sổ> & biến động" in text
