"""Mẫu 01 GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ: two A5 copies in one PDF.

Copy 1 "(Bản lưu)" is kept with the control sheet (Mẫu 05), copy 2 "(Bản giao người nộp hồ sơ)" goes
to the applicant, who brings it back to collect the result. Each copy starts on a new page; a long
document list or long names flow onto a continuation page of the same copy (the table header
repeats and a running head names the copy). Wording follows Circular 01/2018/TT-VPCP.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from counter_app.printing import fonts
from counter_app.printing.codes import Code128Flowable, QrFlowable
from counter_app.printing.documents import ReceiptData
from counter_app.printing.form_layout import (
    CONTENT_WIDTH,
    SignatureColumn,
    applicant_lines,
    build_pdf,
    count_table,
    dossier_running,
    esc,
    field,
    form_opening,
    nfc,
    paragraph,
    signature_block,
    styles,
    two_digits,
    vn_datetime,
)

COPY_KEPT = "(Bản lưu)"
COPY_APPLICANT = "(Bản giao người nộp hồ sơ)"
QR_CAPTION = "Quét mã để tra cứu hồ sơ"
UNIT_PREFIX = "Bộ phận tiếp nhận và trả kết quả"


def _unit_line(receiving_unit: str) -> Paragraph:
    unit = nfc(receiving_unit)
    if unit.casefold().startswith(UNIT_PREFIX.casefold()):
        return paragraph(esc(unit))
    return field(f"{UNIT_PREFIX}:", unit)


def _without_leading_tai(method: str) -> str:
    """"Tại Bộ phận …" after the label "… nhận kết quả tại:" would read "tại: Tại"; drop the echo."""
    method = nfc(method).strip()
    if method[:4].casefold() == "tại ":
        rest = method[4:].lstrip()
        return rest[:1].upper() + rest[1:]
    return method


def _code_row(data: ReceiptData, copy_mark: str) -> Table:
    """Copy mark, dossier code and its barcode on the left; the tracking QR on the right."""
    st = styles()
    # 21 mm keeps each copy on one A5 page with a representative and three documents; the
    # modules stay above 0.5 mm, which phone cameras and the counter's scanner read easily.
    qr = QrFlowable(data.tracking_url, size=21 * mm, caption=QR_CAPTION)
    qr_w = 25 * mm
    left_w = CONTENT_WIDTH - qr_w
    left: list[Flowable] = [
        Paragraph(esc(copy_mark), st.italic_centre),
        Spacer(0, 3),
        Paragraph(f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>", st.centre),
        Spacer(0, 3),
        Code128Flowable(data.dossier_code),
        Spacer(0, 2),
        # The ledger reference sits beside the QR code, where the row has room anyway: it keeps
        # each copy on one A5 page.
        Paragraph(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: {esc(data.ledger_book)}"
            f"&nbsp;&nbsp;&nbsp;Số thứ tự: {esc(data.ledger_entry)}",
            st.centre,
        ),
    ]
    table = Table([[left, qr]], colWidths=[left_w, qr_w], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _copy_story(data: ReceiptData, copy_mark: str) -> list[Flowable]:
    a = data.applicant
    story = form_opening(data.form, data.header, f"{dossier_running(data.form, data.dossier_code)} {copy_mark}", title_space=5)
    story += [Spacer(0, 1), _code_row(data, copy_mark), Spacer(0, 3)]
    story.append(_unit_line(data.receiving_unit))
    story.append(field("Tiếp nhận hồ sơ của:", a.name, bold_value=True))
    story += applicant_lines(a)
    story.append(field("Nội dung yêu cầu giải quyết:", data.procedure_name, bold_value=True))
    story.append(paragraph("1. Thành phần hồ sơ nộp gồm:"))
    story.append(
        count_table([(d.name, d.originals, d.certified_copies, d.photocopies) for d in data.documents])
    )
    story.append(Spacer(0, 3))
    story.append(paragraph(f"2. Số lượng hồ sơ: {two_digits(data.sets)} (bộ)"))
    story.append(field("3. Thời gian giải quyết hồ sơ theo quy định là:", data.limit_text))
    story.append(field("4. Thời gian nhận hồ sơ:", vn_datetime(data.received_at)))
    story.append(field("5. Thời gian trả kết quả giải quyết hồ sơ:", vn_datetime(data.due_at)))
    story.append(field("6. Đăng ký nhận kết quả tại:", _without_leading_tai(data.return_method)))
    if data.fee_text:
        story.append(field("Phí, lệ phí:", data.fee_text))
    story.append(
        signature_block(
            [SignatureColumn("NGƯỜI NỘP HỒ SƠ"), SignatureColumn("NGƯỜI TIẾP NHẬN HỒ SƠ", data.officer_name)],
            sign_space=11 * mm,
            space_before=2,
        )
    )
    return story


def render_receipt(data: ReceiptData) -> bytes:
    """Mẫu 01 as PDF bytes: the kept copy, then the applicant's copy, each from a new A5 page."""
    story = _copy_story(data, COPY_KEPT) + [PageBreak()] + _copy_story(data, COPY_APPLICANT)
    return build_pdf(story, title=f"{nfc(data.form.title)} – {nfc(data.dossier_code)}", subject=nfc(data.form.number))
