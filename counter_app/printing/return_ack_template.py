"""PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ: the slip signed when the result is handed back.

Records who collected (the applicant, or someone authorised, with the authorisation document),
the identity document checked, when and how the result was returned and whether that was early,
on time or late against the original appointment. A5 portrait, with the dossier code as Code128;
signatures of the collector and the returning officer.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from counter_app.printing.form_layout import (
    SignatureColumn,
    applicant_lines,
    build_pdf,
    code_banner,
    dossier_running,
    field,
    form_opening,
    nfc,
    paragraph,
    signature_block,
    styles,
    vn_datetime,
)
from counter_app.printing.tracking_documents import ReturnAckData


def _collector_lines(data: ReturnAckData) -> list[Flowable]:
    st = styles(loose=True)
    lines: list[Flowable] = [field("Người nhận kết quả:", data.collector_name, bold_value=True, style=st.body)]
    if nfc(data.collector_id_number).strip():
        lines.append(field(f"{nfc(data.collector_id_label)}:", data.collector_id_number, style=st.body_indent))
    if nfc(data.authorisation_document).strip():
        lines.append(field("Văn bản ủy quyền:", data.authorisation_document, style=st.body_indent))
    return lines


def render_return_ack(data: ReturnAckData) -> bytes:
    """The return slip as PDF bytes (A5 portrait)."""
    st = styles(loose=True)
    story = form_opening(data.form, data.header, dossier_running(data.form, data.dossier_code), title_space=7)
    story += code_banner("Mã hồ sơ:", data.dossier_code)
    story.append(field("Hồ sơ của:", data.applicant.name, bold_value=True, style=st.body))
    story += applicant_lines(data.applicant, st)
    story.append(field("Nội dung yêu cầu giải quyết:", data.procedure_name, bold_value=True, style=st.body_justify))
    story += [
        Spacer(0, 4),
        field("Thời gian nhận hồ sơ:", vn_datetime(data.received_at), style=st.body),
        field("Thời gian hẹn trả kết quả:", vn_datetime(data.due_at), style=st.body),
        field("Thời gian trả kết quả:", vn_datetime(data.returned_at), bold_value=True, style=st.body),
        field("Hình thức trả kết quả:", data.method, style=st.body),
        field("Giải quyết hồ sơ:", data.mark, bold_value=True, style=st.body),
        Spacer(0, 4),
    ]
    story += _collector_lines(data)
    if nfc(data.note).strip():
        story.append(field("Ghi chú:", data.note, style=st.body_justify))
    story.append(
        paragraph(
            "<i>Người nhận kết quả đã kiểm tra kết quả giải quyết hồ sơ và ký nhận dưới đây.</i>", st.body_justify
        )
    )
    story.append(
        signature_block(
            [SignatureColumn("NGƯỜI NHẬN KẾT QUẢ", data.collector_name), SignatureColumn("NGƯỜI TRẢ KẾT QUẢ", data.officer_name)],
            sign_space=16 * mm,
            space_before=8,
        )
    )
    title = f"{nfc(data.form.title)} – {nfc(data.dossier_code)}"
    return build_pdf(story, title=title, subject=nfc(data.form.number))
