"""Mẫu 04 PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ: the department's written apology and new date.

Issued in the processing department's name (its header, its "…/PXL" number, signed by its head)
no later than one working day before the missed appointment. The wording follows the legal form:
what was received and when, the appointment that will not be met, the reason, the apology and the
new return time. The dossier code is printed as Code128 (the counter scans it) and the tracking URL
as a QR code, as on the receipt. A5 portrait; a very long reason flows onto a continuation page
with a running head, and the signature never splits from the recipients list.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from counter_app.printing import fonts
from counter_app.printing.codes import Code128Flowable, QrFlowable
from counter_app.printing.form_layout import (
    CONTENT_WIDTH,
    applicant_lines,
    build_pdf,
    dossier_running,
    esc,
    field,
    form_opening,
    nfc,
    paragraph,
    styles,
    vn_datetime,
)
from counter_app.printing.tracking_documents import ApologyData

QR_CAPTION = "Quét mã để tra cứu hồ sơ"
HEAD_NOTE = "(Ký, ghi rõ họ tên và đóng dấu)"
CLOSING = "Mong nhận được sự thông cảm của {you}./."


def _you(data: ApologyData) -> str:
    """How the letter addresses the applicant inside a sentence."""
    return "quý tổ chức" if data.applicant.kind == "organisation" else "ông/bà"


def _code_row(data: ApologyData) -> Table:
    """The dossier code as Code128 on the left, the tracking QR on the right."""
    qr_w = 25 * mm
    # The code is printed under the bars and again in the letter's text: no label here.
    left: list[Flowable] = [Code128Flowable(data.dossier_code)]
    table = Table(
        [[left, QrFlowable(data.tracking_url, size=21 * mm, caption=QR_CAPTION)]],
        colWidths=[CONTENT_WIDTH - qr_w, qr_w],
        hAlign="CENTER",
    )
    table.setStyle(TableStyle(_plain_table(valign="MIDDLE") + [("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return table


def _plain_table(valign: str = "TOP") -> list[tuple]:
    """Commands of a borderless layout table (no padding, bundled font)."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]


def _closing_block(data: ApologyData) -> Flowable:
    """"Nơi nhận:" list on the left, the head's signature on the right, kept on one page."""
    st = styles()
    recipients: list[Flowable] = [Paragraph("<b><i>Nơi nhận:</i></b>", st.body)]
    # Decree 30: "Nơi nhận:" bold italic, the recipients upright and smaller.
    item = st.body.clone("recipient", fontSize=8.5, leading=10.5, spaceAfter=0)
    recipients += [Paragraph(f"- {esc(line)}", item) for line in data.recipients if nfc(line).strip()]
    titles = [line for line in nfc(data.head_title).splitlines() if line.strip()]
    signature: list[Flowable] = [Paragraph(esc(line), st.sig_title) for line in titles]
    signature += [Paragraph(HEAD_NOTE, st.sig_note), Spacer(0, 16 * mm)]
    if data.head_name:
        signature.append(Paragraph(esc(data.head_name), st.sig_name))
    left_w = CONTENT_WIDTH * 0.45
    table = Table([[recipients, signature]], colWidths=[left_w, CONTENT_WIDTH - left_w], hAlign="CENTER")
    table.setStyle(TableStyle(_plain_table()))
    return KeepTogether([Spacer(0, 6), table])


def render_apology(data: ApologyData) -> bytes:
    """Mẫu 04 as PDF bytes (A5 portrait, one page unless the reason is very long)."""
    st = styles(loose=True)
    a = data.applicant
    dept = esc(data.department_name)
    story = form_opening(data.form, data.header, dossier_running(data.form, data.dossier_code), title_space=7)
    story += [Spacer(0, 4), _code_row(data), Spacer(0, 6)]
    story += [Paragraph(f"Kính gửi: <b>{esc(a.name)}</b>", st.centre), Spacer(0, 5)]
    story.append(
        paragraph(
            f"{dept} tiếp nhận hồ sơ của {_you(data)} <b>{esc(a.name)}</b> vào lúc {esc(vn_datetime(data.received_at))}.",
            st.body_justify,
        )
    )
    story += applicant_lines(a, st)
    story.append(field("Nội dung yêu cầu giải quyết:", data.procedure_name, bold_value=True, style=st.body_justify))
    story.append(field("Mã hồ sơ:", data.dossier_code, bold_value=True, style=st.body))
    story.append(
        field("Thời gian hẹn trả kết quả giải quyết hồ sơ:", vn_datetime(data.original_due_at), style=st.body)
    )
    story.append(
        paragraph(
            f"Tuy nhiên đến nay, {dept} chưa trả kết quả giải quyết hồ sơ của {_you(data)} đúng hẹn. "
            f"Lý do: {esc(data.reason)}",
            st.body_justify,
        )
    )
    story.append(
        paragraph(
            f"Sự chậm trễ này đã gây phiền hà cho {_you(data)}. {dept} xin lỗi {_you(data)} và sẽ trả kết quả "
            f"giải quyết hồ sơ cho {_you(data)} vào <b>{esc(vn_datetime(data.new_due_at))}</b>.",
            st.body_justify,
        )
    )
    story.append(paragraph(esc(CLOSING.format(you=_you(data))), st.body_justify))
    story.append(_closing_block(data))
    title = f"{nfc(data.form.title)} – {nfc(data.dossier_code)}"
    return build_pdf(story, title=title, subject=nfc(data.form.number))
