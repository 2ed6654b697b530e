"""DANH SÁCH BÀN GIAO HỒ SƠ: a batch of paper dossiers handed from the counter to one department.

A4 portrait. The list number is printed with its Code128 barcode at the top: the department scans
it once to confirm receipt of the whole batch. One table row per dossier (the header row repeats
when the list flows over pages, and later pages carry a running head with the list number), then
the totals and the two signatures: BÊN GIAO (the counter officer) and BÊN NHẬN (left for the
department officer to sign; the name prints once known).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

from counter_app.printing import fonts
from counter_app.printing.form_layout import (
    LEFT_MARGIN,
    RIGHT_MARGIN,
    SignatureColumn,
    build_pdf,
    code_banner,
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
from counter_app.printing.ledger_template import code_markup
from counter_app.printing.tracking_documents import HandoverListData, HandoverRow

WIDTH = A4[0] - LEFT_MARGIN - RIGHT_MARGIN
BLANK = "…" * 24  # room to write the receiver's name by hand
TOTALS_HEIGHT = 45 * mm  # the totals line and both signatures with room to sign

CELL_SIZE = 9.0
PAD = 2.0
# (heading, width in mm); the widths add up to the 183 mm between the margins. A dossier code
# fits its column on one line at 9 pt; the dates take two lines (date over time).
COLUMNS = (
    ("STT", 8),
    ("Mã hồ sơ", 41),
    ("Tên thủ tục hành chính", 42),
    ("Tên tổ chức, cá nhân", 26),
    ("Ngày nhận", 19),
    ("Ngày hẹn trả", 19),
    ("Số bộ", 9),
    ("Ghi chú", 19),
)


def _moment(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y}<br/>{moment:%H:%M}"


@lru_cache(maxsize=1)
def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    st = styles()
    return (
        st.table_cell.clone("handover_cell", fontSize=CELL_SIZE, leading=CELL_SIZE * 1.15),
        st.table_num.clone("handover_num", fontSize=CELL_SIZE, leading=CELL_SIZE * 1.15),
    )


def _row(r: HandoverRow) -> list[Paragraph]:
    cell, num = _cell_styles()
    return [
        Paragraph(str(r.number), num),
        Paragraph(code_markup(r.dossier_code, COLUMNS[1][1] * mm, CELL_SIZE, PAD), cell),
        Paragraph(esc(r.procedure_name), cell),
        Paragraph(esc(r.applicant_name), cell),
        Paragraph(_moment(r.received_at), num),
        Paragraph(_moment(r.due_at), num),
        Paragraph(two_digits(r.sets), num),
        Paragraph(esc(r.note), cell),
    ]


def handover_table(rows: tuple[HandoverRow, ...]) -> Table:
    """The dossiers of the batch; the header row repeats on every page."""
    st = styles()
    data: list[list[object]] = [[Paragraph(esc(text), st.table_head) for text, _ in COLUMNS]]
    data += [_row(r) for r in rows]
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if not rows:
        data.append(["", Paragraph("(Không có hồ sơ)", st.table_cell)] + [""] * (len(COLUMNS) - 2))
        commands.append(("SPAN", (1, 1), (-1, 1)))
    table = Table(data, colWidths=[w * mm for _, w in COLUMNS], repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def _party(label: str, unit: str, person_label: str, person: str) -> Paragraph:
    """"Bên giao: <unit>; người giao: <person>" (dots to write on while nobody has received)."""
    who = esc(person) if nfc(person).strip() else BLANK
    return paragraph(f"{label} <b>{esc(unit)}</b>; {person_label} {who}")


def render_handover_list(data: HandoverListData) -> bytes:
    """The hand-over list as PDF bytes (A4 portrait)."""
    st = styles(loose=True)
    story = form_opening(data.form, data.header, f"Danh sách bàn giao hồ sơ số {nfc(data.list_number)}",
                         title_space=10, width=WIDTH)
    story += code_banner("Số danh sách:", data.list_number, before=4, after=8)
    story += [
        _party("Bên giao:", data.from_unit, "người giao:", data.from_person),
        _party("Bên nhận:", data.to_unit, "người nhận:", data.to_person),
        field("Thời gian bàn giao:", vn_datetime(data.handed_at), style=st.body),
        paragraph(f"Danh sách hồ sơ bàn giao gồm {len(data.rows)} hồ sơ như sau:", st.body),
        Spacer(0, 2),
        handover_table(data.rows),
        # The totals never end a page apart from the signatures that vouch for them (signature_block
        # keeps itself together; nesting it in another KeepTogether breaks reportlab's measuring).
        CondPageBreak(TOTALS_HEIGHT),
        Spacer(0, 4),
        paragraph(f"<b>Tổng số: {len(data.rows)} hồ sơ ({sum(r.sets for r in data.rows)} bộ)</b>", st.body),
        signature_block(
            [SignatureColumn("BÊN GIAO", data.from_person), SignatureColumn("BÊN NHẬN", data.to_person)],
            width=WIDTH,
            sign_space=20 * mm,
            space_before=8,
        ),
    ]
    title = f"{nfc(data.form.title)} – {nfc(data.list_number)}"
    return build_pdf(story, title=title, subject=nfc(data.form.number), page_size=A4)
