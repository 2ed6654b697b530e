"""Mẫu 01/02/03 PDFs checked for real: extracted text, page size, decoded QR/Code128, embedded fonts."""

from __future__ import annotations

import dataclasses
import io
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ holds the shared pdf_tools

from pdf_tools import decode_codes, pdf_fonts, pdf_page_images, pdf_text  # noqa: E402

from counter_app.paths import resource_path  # noqa: E402
from counter_app.printing import fonts  # noqa: E402
from counter_app.printing.documents import (  # noqa: E402
    ApplicantBlock,
    DocumentLine,
    FormHeader,
    FormTitle,
    ReceiptData,
    RefusalData,
    SupplementData,
)
from counter_app.printing.form_layout import vn_date_line, vn_datetime  # noqa: E402
from counter_app.printing.receipt_template import render_receipt  # noqa: E402
from counter_app.printing.refusal_template import render_refusal  # noqa: E402
from counter_app.printing.supplement_template import render_supplement  # noqa: E402

A5_PT = (419.5, 595.3)
DOSSIER_CODE = "000.00.06.H56-261126-0001"
TRACKING_URL = f"https://dichvucong.daklak.gov.vn/tra-cuu-ho-so?ma={DOSSIER_CODE}"
PROCEDURE = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"
ADDRESS = "Số 12, đường Lê Duẩn, phường Tân Lợi, TP. Buôn Ma Thuột, tỉnh Đắk Lắk"
ALLOWED_FONTS = {fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC}

HEADER = FormHeader(
    parent_body="UBND TỈNH ĐẮK LẮK",
    unit_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    document_number="125/TNHS",
    place="Đắk Lắk",
    issued_at=datetime(2026, 2, 13, 10, 5),
)
APPLICANT = ApplicantBlock(
    kind="individual",
    name="Nguyễn Thị Ánh Tuyết",
    id_label="Số định danh cá nhân",
    id_number="066186001234",
    address=ADDRESS,
    phone="0905 123 456",
    email="anhtuyet.nguyen@gmail.com",
    representative_name="Trần Văn Bình",
    representative_id="066089004321",
    authorisation_document="Giấy ủy quyền số 12/GUQ ngày 20/01/2026",
)
DOCUMENTS = (
    DocumentLine("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", originals=1),
    DocumentLine("Bản chụp Căn cước của người được cấp Phiếu lý lịch tư pháp", certified_copies=1),
    DocumentLine("Giấy tờ chứng minh nơi thường trú hoặc tạm trú", photocopies=2),
)
RECEIPT = ReceiptData(
    form=FormTitle("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    header=HEADER,
    dossier_code=DOSSIER_CODE,
    receiving_unit="Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk",
    applicant=APPLICANT,
    procedure_code="2.000488",
    procedure_name=PROCEDURE,
    documents=DOCUMENTS,
    sets=1,
    limit_text="10 ngày làm việc",
    received_at=datetime(2026, 2, 13, 10, 5),
    due_at=datetime(2026, 3, 2, 10, 5),
    return_method="Tại Bộ phận Tiếp nhận và Trả kết quả",
    ledger_book="01",
    ledger_entry="125",
    officer_name="Lê Hoàng Phúc",
    tracking_url=TRACKING_URL,
    fee_text="200.000 đồng",
)
SUPPLEMENT = SupplementData(
    form=FormTitle("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    header=dataclasses.replace(HEADER, document_number="37/PYCBS"),
    applicant=APPLICANT,
    procedure_name=PROCEDURE,
    items=(
        DocumentLine("Giấy khai sinh", certified_copies=1),
        DocumentLine("Xác nhận thông tin về cư trú", originals=1),
    ),
    item_notes=("Tờ khai thiếu chữ ký của người yêu cầu",),
    reason="Hồ sơ chưa đủ thành phần theo quy định tại Điều 45 Luật Lý lịch tư pháp",
    officer_name="Lê Hoàng Phúc",
    officer_phone="0262 3 852 123",
)
REFUSAL = RefusalData(
    form=FormTitle("Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    header=dataclasses.replace(HEADER, document_number="08/PTC"),
    applicant=APPLICANT,
    procedure_name=PROCEDURE,
    reasons=(
        "Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp tỉnh Đắk Lắk",
        "Người yêu cầu không xuất trình được giấy tờ tùy thân bản chính",
    ),
    officer_name="Lê Hoàng Phúc",
    dossier_code="000.00.06.H56-261126-0002",
    receiving_unit="Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk",
)

COMMON_HEADINGS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "UBND TỈNH ĐẮK LẮK",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "Đắk Lắk, ngày 13 tháng 02 năm 2026",
    "Nguyễn Thị Ánh Tuyết",
    "Số định danh cá nhân: 066186001234",
    f"Địa chỉ: {ADDRESS}",
    "Số điện thoại: 0905 123 456",
    "Email: anhtuyet.nguyen@gmail.com",
    "Trần Văn Bình",
    "066089004321",
    "Giấy ủy quyền số 12/GUQ ngày 20/01/2026",
    f"Nội dung yêu cầu giải quyết: {PROCEDURE}",
    "(Ký và ghi rõ họ tên)",
    "Lê Hoàng Phúc",
]
EXPECTED_TEXT = {
    "receipt": COMMON_HEADINGS
    + [
        "Mẫu số 01",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Số: 125/TNHS",
        f"Mã hồ sơ: {DOSSIER_CODE}",
        "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk",
        "Tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết",
        "1. Thành phần hồ sơ nộp gồm:",
        "Bản chính",
        "Bản sao chứng thực",
        "Bản photo",
        *(d.name for d in DOCUMENTS),
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 10 giờ 05 phút, ngày 13 tháng 02 năm 2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 05 phút, ngày 02 tháng 03 năm 2026",
        "6. Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 01",
        "Số thứ tự: 125",
        "200.000 đồng",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Quét mã để tra cứu hồ sơ",
        "(Bản lưu)",
        "(Bản giao người nộp hồ sơ)",
    ],
    "supplement": COMMON_HEADINGS
    + [
        "Mẫu số 02",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Số: 37/PYCBS",
        "Kính gửi: Nguyễn Thị Ánh Tuyết",
        "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
        "1. Giấy khai sinh: 01 bản sao chứng thực",
        "2. Xác nhận thông tin về cư trú: 01 bản chính",
        "3. Tờ khai thiếu chữ ký của người yêu cầu",
        "Lý do: Hồ sơ chưa đủ thành phần theo quy định tại Điều 45 Luật Lý lịch tư pháp",
        "0262 3 852 123",
        "NGƯỜI HƯỚNG DẪN",
    ],
    "refusal": COMMON_HEADINGS
    + [
        "Mẫu số 03",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Số: 08/PTC",
        "Kính gửi: Nguyễn Thị Ánh Tuyết",
        "Mã hồ sơ: 000.00.06.H56-261126-0002",
        "Lý do từ chối:",
        "1. Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp tỉnh Đắk Lắk",
        "2. Người yêu cầu không xuất trình được giấy tờ tùy thân bản chính",
        "Xin trân trọng thông báo!",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ],
}
RENDERERS = {
    "receipt": (render_receipt, RECEIPT),
    "supplement": (render_supplement, SUPPLEMENT),
    "refusal": (render_refusal, REFUSAL),
}
FORMS = sorted(RENDERERS)


def flat(text: str) -> str:
    """Collapse every run of whitespace (line wraps, table cells, nbsp) to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def render(kind: str, data: object | None = None) -> bytes:
    renderer, sample = RENDERERS[kind]
    return renderer(data if data is not None else sample)


def long_variant(kind: str) -> object:
    """The sample with 40 listed entries and a 300-character address."""
    address = (ADDRESS + "; ") * 5
    address = address[:300]
    applicant = dataclasses.replace(APPLICANT, address=address)
    lines = tuple(
        DocumentLine(f"Giấy tờ số {i:02d}: bản kê khai chi tiết tài sản, thu nhập của người yêu cầu", 1, i % 2, 0)
        for i in range(1, 41)
    )
    _, sample = RENDERERS[kind]
    if kind == "receipt":
        return dataclasses.replace(sample, applicant=applicant, documents=lines)
    if kind == "supplement":
        return dataclasses.replace(sample, applicant=applicant, items=lines)
    return dataclasses.replace(sample, applicant=applicant, reasons=tuple(line.name for line in lines))


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {kind: render(kind) for kind in FORMS}


@pytest.mark.parametrize("kind", FORMS)
def test_text_contains_every_field_and_heading(rendered: dict[str, bytes], kind: str) -> None:
    """Every field value and legal heading appears in the extracted text with correct diacritics."""
    text = flat(pdf_text(rendered[kind]))
    missing = [expected for expected in EXPECTED_TEXT[kind] if flat(expected) not in text]
    assert not missing, f"missing from {kind}: {missing}"


@pytest.mark.parametrize("kind", FORMS)
def test_extracted_text_is_nfc(rendered: dict[str, bytes], kind: str) -> None:
    """Printed text round-trips as NFC Vietnamese (no decomposed marks, no replacement glyphs)."""
    raw = "".join(
        page.get_textpage().get_text_bounded() for page in pdfium.PdfDocument(rendered[kind])
    )
    assert unicodedata.is_normalized("NFC", raw)
    assert "\ufffd" not in raw


@pytest.mark.parametrize("kind", FORMS)
def test_pages_are_a5_portrait(rendered: dict[str, bytes], kind: str) -> None:
    """Every page is A5 portrait (419.5 × 595.3 pt)."""
    reader = PdfReader(io.BytesIO(rendered[kind]))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A5_PT[0], abs=0.1)
        assert float(page.mediabox.height) == pytest.approx(A5_PT[1], abs=0.1)


@pytest.mark.parametrize("kind, pages", [("receipt", 2), ("supplement", 1), ("refusal", 1)])
def test_page_count(rendered: dict[str, bytes], kind: str, pages: int) -> None:
    """Mẫu 01 prints two copies on two pages; Mẫu 02 and 03 fit one page with sample data."""
    assert len(PdfReader(io.BytesIO(rendered[kind])).pages) == pages


@pytest.mark.parametrize("page_index, mark", [(0, "(Bản lưu)"), (1, "(Bản giao người nộp hồ sơ)")])
def test_receipt_copy_marks(rendered: dict[str, bytes], page_index: int, mark: str) -> None:
    """Page 1 is the kept copy and page 2 the applicant's copy, each a complete receipt."""
    pages = pdf_text(rendered["receipt"]).split("\f")
    assert mark in pages[page_index]
    other = "(Bản giao người nộp hồ sơ)" if page_index == 0 else "(Bản lưu)"
    assert other not in pages[page_index]
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in pages[page_index]
    assert DOSSIER_CODE in pages[page_index]


@pytest.mark.parametrize("page_index", [0, 1])
def test_receipt_qr_and_barcode_decode(rendered: dict[str, bytes], page_index: int) -> None:
    """The QR decoded from each rendered copy is the tracking URL and the Code128 is the dossier code."""
    image = pdf_page_images(rendered["receipt"], dpi=200)[page_index]
    codes = decode_codes(image)
    qr = [text for fmt, text in codes if "QR" in fmt.upper()]
    linear = [text for fmt, text in codes if "128" in fmt]
    assert qr == [TRACKING_URL]
    assert linear == [DOSSIER_CODE]


@pytest.mark.parametrize("kind", FORMS)
def test_only_bundled_font_embedded(rendered: dict[str, bytes], kind: str) -> None:
    """Only the bundled Liberation Serif faces are referenced, all embedded; no Helvetica/standard-14."""
    found = pdf_fonts(rendered[kind])
    assert found
    for base_name, embedded in found:
        assert base_name.split("+", 1)[-1] in ALLOWED_FONTS, base_name
        assert embedded, base_name
    assert b"Helvetica" not in rendered[kind]
    assert b"Times-Roman" not in rendered[kind]


@pytest.mark.parametrize("kind", FORMS)
def test_long_content_flows_to_continuation_pages(kind: str) -> None:
    """A 40-entry list and a 300-character address give a valid PDF with all text, on more pages."""
    data = long_variant(kind)
    pdf = render(kind, data)
    reader = PdfReader(io.BytesIO(pdf))
    minimum = 4 if kind == "receipt" else 2
    assert len(reader.pages) >= minimum
    text = flat(pdf_text(pdf))
    assert flat(data.applicant.address) in text
    for i in range(1, 41):
        assert f"Giấy tờ số {i:02d}: bản kê khai chi tiết tài sản, thu nhập của người yêu cầu" in text
    assert "tiếp theo" in text  # running head on continuation pages
    assert "Lê Hoàng Phúc" in text
    if kind == "receipt":
        pages = pdf_text(pdf).split("\f")
        kept = [i for i, page in enumerate(pages) if "(Bản lưu)" in page]
        given = [i for i, page in enumerate(pages) if "(Bản giao người nộp hồ sơ)" in page]
        assert kept and given and max(kept) < min(given)


def test_long_applicant_name_wraps_inside_page() -> None:
    """A very long organisation name wraps instead of running off the page."""
    name = "CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN DỊCH VỤ THƯƠNG MẠI VÀ ĐẦU TƯ XÂY DỰNG TÂY NGUYÊN ĐẮK LẮK"
    applicant = dataclasses.replace(
        APPLICANT, kind="organisation", name=name, id_label="Mã số doanh nghiệp/Mã số thuế", id_number="6001234567"
    )
    pdf = render_receipt(dataclasses.replace(RECEIPT, applicant=applicant))
    text = flat(pdf_text(pdf))
    assert f"Tiếp nhận hồ sơ của: {name}" in text
    assert "Mã số doanh nghiệp/Mã số thuế: 6001234567" in text


def test_decomposed_input_is_printed_nfc() -> None:
    """Decomposed (NFD) input still prints as composed Vietnamese."""
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    pdf = render_refusal(dataclasses.replace(REFUSAL, applicant=dataclasses.replace(APPLICANT, name=nfd)))
    raw = pdf_text(pdf)
    assert "Nguyễn Thị Ánh Tuyết" in raw


def test_markup_characters_are_escaped() -> None:
    """Values containing &, < and > print literally instead of breaking the layout."""
    pdf = render_supplement(dataclasses.replace(SUPPLEMENT, reason="Thiếu bản vẽ <mặt bằng> & sơ đồ"))
    assert "Thiếu bản vẽ <mặt bằng> & sơ đồ" in flat(pdf_text(pdf))


@pytest.mark.parametrize(
    "moment, expected",
    [
        (datetime(2026, 2, 13, 10, 5), "10 giờ 05 phút, ngày 13 tháng 02 năm 2026"),
        (datetime(2026, 11, 3, 7, 0), "07 giờ 00 phút, ngày 03 tháng 11 năm 2026"),
    ],
)
def test_vietnamese_datetime_format(moment: datetime, expected: str) -> None:
    """Times print as "hh giờ mm phút, ngày dd tháng mm năm yyyy"."""
    assert vn_datetime(moment) == expected
    assert vn_date_line("Đắk Lắk", moment) == "Đắk Lắk, " + expected.split(", ", 1)[1]


@pytest.mark.parametrize("face", sorted(ALLOWED_FONTS))
def test_bundled_font_covers_vietnamese(face: str) -> None:
    """Each bundled face has a glyph for every Vietnamese letter with every tone mark."""
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    cmap = pdfmetrics.getFont(face).face.charToGlyph
    bases = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = {unicodedata.normalize("NFC", b + t) for b in bases for t in tones} | {"đ"}
    letters |= {ch.upper() for ch in letters}
    missing = sorted(ch for ch in letters if ord(ch) not in cmap)
    assert not missing


def test_bundled_font_files_and_licence_exist() -> None:
    """The four TTF faces and the SIL OFL licence text are bundled under resources/fonts."""
    folder = resource_path("fonts")
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (folder / f"LiberationSerif-{name}.ttf").is_file()
    licences = list(folder.glob("LICENSE*"))
    assert licences and "SIL Open Font License" in licences[0].read_text(encoding="utf-8")


def test_resource_path_honours_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Frozen builds resolve resources under sys._MEIPASS, source checkouts beside the package."""
    assert resource_path("fonts") == Path(__file__).resolve().parents[2] / "resources" / "fonts"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_concurrent_rendering_is_safe() -> None:
    """Receipts rendered on several worker threads at once each carry their own data."""
    from concurrent.futures import ThreadPoolExecutor

    codes = [f"000.00.06.H56-261126-{i:04d}" for i in range(1, 13)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        pdfs = list(pool.map(lambda code: render_receipt(dataclasses.replace(RECEIPT, dossier_code=code)), codes))
    for code, pdf in zip(codes, pdfs, strict=True):
        text = pdf_text(pdf)
        assert text.count(f"Mã hồ sơ: {code}") == 2
        assert "Nguyễn Thị Ánh Tuyết" in text


def test_printing_sources_are_nfc() -> None:
    """Every Vietnamese literal in the templates is stored composed (NFC)."""
    folder = Path(__file__).resolve().parents[2] / "counter_app" / "printing"
    for source in folder.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), source.name
