"""Mẫu 02 PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ: everything the applicant must add or fix, once.

Wording follows Circular 01/2018/TT-VPCP. The list numbers the missing/defective documents (with
how many of each kind) first, then the free notes, in one sequence. Flows onto further A5 pages
when long, with a running head.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from counter_app.printing.documents import DocumentLine, SupplementData
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
    two_digits,
)

ITEMS_HEADING = "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"


def counts_phrase(line: DocumentLine) -> str:
    """"01 bản chính, 01 bản sao chứng thực" (kinds with a zero count are left out)."""
    parts = [
        f"{two_digits(n)} {kind}"
        for n, kind in (
            (line.originals, "bản chính"),
            (line.certified_copies, "bản sao chứng thực"),
            (line.photocopies, "bản photo"),
        )
        if n
    ]
    return ", ".join(parts)


def numbered_items(items: tuple[DocumentLine, ...], notes: tuple[str, ...]) -> list[Flowable]:
    """Documents (with counts) then free notes, numbered 1, 2, … with a hanging indent."""
    st = styles(loose=True)
    texts: list[str] = []
    for line in items:
        counts = counts_phrase(line)
        texts.append(f"{esc(line.name)}: {esc(counts)}" if counts else esc(line.name))
    texts += [esc(note) for note in notes]
    return [Paragraph(text, st.numbered, bulletText=f"{i}.") for i, text in enumerate(texts, start=1)]


def render_supplement(data: SupplementData) -> bytes:
    """Mẫu 02 as PDF bytes (A5 portrait, one page unless the list is long)."""
    st = styles(loose=True)
    a = data.applicant
    running = nfc(data.form.number) + (f" – Mã hồ sơ {nfc(data.dossier_code)}" if data.dossier_code else "")
    story = form_opening(data.form, data.header, running)
    if data.dossier_code:
        story += [Spacer(0, 2), Paragraph(f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>", st.centre)]
    story += [Spacer(0, 8), Paragraph(f"Kính gửi: <b>{esc(a.name)}</b>", st.centre), Spacer(0, 6)]
    story.append(field("Hồ sơ của:", a.name, style=st.body))
    story.append(field("Nội dung yêu cầu giải quyết:", data.procedure_name, bold_value=True, style=st.body))
    story += applicant_lines(a, st)
    story += [Spacer(0, 2), paragraph(f"<b>{ITEMS_HEADING}</b>", st.body)]
    story += numbered_items(data.items, data.item_notes)
    if data.reason:
        story += [Spacer(0, 2), field("Lý do:", data.reason, style=st.body_justify)]
    who = f"<b>{esc(data.officer_name)}</b>" if data.officer_name else "Bộ phận Tiếp nhận và Trả kết quả"
    phone = f", số điện thoại <b>{esc(data.officer_phone)}</b>" if data.officer_phone else ""
    story += [
        Spacer(0, 2),
        paragraph(
            "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với "
            f"{who}{phone} để được hướng dẫn./.",
            st.body_justify,
        ),
        signature_block([None, SignatureColumn("NGƯỜI HƯỚNG DẪN", data.officer_name)], sign_space=18 * mm, space_before=10),
    ]
    return build_pdf(story, title=nfc(data.form.title), subject=nfc(data.form.number))
