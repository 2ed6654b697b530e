"""Mẫu 03 PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ: the refusal, with every reason numbered.

Wording follows Circular 01/2018/TT-VPCP.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from counter_app.printing.documents import RefusalData
from counter_app.printing.form_layout import (
    SignatureColumn,
    applicant_lines,
    build_pdf,
    esc,
    field,
    form_opening,
    nfc,
    paragraph,
    signature_block,
    styles,
)

DEFAULT_UNIT = "Bộ phận Tiếp nhận và Trả kết quả"
CLOSING = "Xin trân trọng thông báo!"


def render_refusal(data: RefusalData) -> bytes:
    """Mẫu 03 as PDF bytes (A5 portrait)."""
    st = styles(loose=True)
    a = data.applicant
    running = nfc(data.form.number) + (f" – Mã hồ sơ {nfc(data.dossier_code)}" if data.dossier_code else "")
    story = form_opening(data.form, data.header, running)
    story += [Spacer(0, 8), Paragraph(f"Kính gửi: <b>{esc(a.name)}</b>", st.centre), Spacer(0, 6)]
    story.append(field("Tiếp nhận hồ sơ của:", a.name, bold_value=True, style=st.body))
    story += applicant_lines(a, st)
    if data.dossier_code:
        story.append(field("Mã hồ sơ:", data.dossier_code, bold_value=True, style=st.body))
    story.append(field("Nội dung yêu cầu giải quyết:", data.procedure_name, bold_value=True, style=st.body))
    unit = esc(data.receiving_unit) if data.receiving_unit else DEFAULT_UNIT
    story += [
        Spacer(0, 2),
        paragraph(
            f"Sau khi xem xét, đối chiếu với quy định hiện hành, {unit} không tiếp nhận, "
            "giải quyết hồ sơ này.",
            st.body_justify,
        ),
        paragraph("<b>Lý do từ chối:</b>", st.body),
    ]
    story += [
        Paragraph(esc(reason), st.numbered, bulletText=f"{i}.") for i, reason in enumerate(data.reasons, start=1)
    ]
    story += [
        Spacer(0, 3),
        Paragraph(CLOSING, st.body),
        signature_block([None, SignatureColumn("NGƯỜI TIẾP NHẬN HỒ SƠ", data.officer_name)], sign_space=18 * mm, space_before=10),
    ]
    return build_pdf(story, title=nfc(data.form.title), subject=nfc(data.form.number))
