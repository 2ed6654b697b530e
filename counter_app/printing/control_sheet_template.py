"""Mẫu 05 PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ: every hand-over of one dossier, in order.

One table row per hand-over (giao → nhận): the two units and people, the time, the receiver's mark
(Trước hạn / Đúng hạn / Quá hạn, blank while not judged) and a note. The history is append-only, so
the sheet prints every row it is given, in step order; a long history flows across A5 pages
with the table header repeated and a running head naming the dossier. A sheet with no hand-over yet
gets one blank row to fill in by hand. The dossier code is printed as Code128.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from counter_app.printing import fonts
from counter_app.printing.form_layout import (
    CONTENT_WIDTH,
    build_pdf,
    code_banner,
    dossier_running,
    esc,
    field,
    form_opening,
    nfc,
    paragraph,
    styles,
    vn_datetime,
)
from counter_app.printing.tracking_documents import ControlRow, ControlSheetData

HEADINGS = (
    "TÊN CƠ QUAN, ĐƠN VỊ",
    "THỜI GIAN GIAO, NHẬN HỒ SƠ",
    "KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
    "GHI CHÚ",
)
MARK_HINT = "(Trước hạn/ Đúng hạn/ Quá hạn)"
# Unit names are the longest cells; the time always takes two lines; the mark is one word pair.
COLUMN_WIDTHS = (46 * mm, 25 * mm, 25 * mm)
NONE_TEXT = "Không"


def _who(unit: str, person: str) -> str:
    unit, person = nfc(unit).strip(), nfc(person).strip()
    if unit and person:
        return f"{esc(unit)} – {esc(person)}"
    return esc(unit or person)


def _time_cell(row: ControlRow | None) -> str:
    if row is None:
        return "… giờ … phút,<br/>ngày … /… /……"
    # The legal cell reads "… giờ … phút, ngày …/…/…": two lines in a narrow column.
    return f"{row.at.hour:02d} giờ {row.at.minute:02d} phút,<br/>ngày {row.at:%d/%m/%Y}"


def _row_cells(row: ControlRow | None) -> list[Paragraph]:
    """One hand-over; None gives the blank row of a sheet printed before any hand-over."""
    st = styles()
    giver = _who(row.from_unit, row.from_person) if row else ""
    taker = _who(row.to_unit, row.to_person) if row else ""
    return [
        Paragraph(f"1. Giao: {giver}<br/>2. Nhận: {taker}", st.table_cell),
        Paragraph(_time_cell(row), st.table_num),
        Paragraph(esc(row.mark) if row else "", st.table_num),
        Paragraph(esc(row.note) if row else "", st.table_cell),
    ]


def history_table(rows: tuple[ControlRow, ...], width: float = CONTENT_WIDTH) -> Table:
    """The hand-over table; the header row repeats on every page it flows onto."""
    st = styles()
    widths = [*COLUMN_WIDTHS, width - sum(COLUMN_WIDTHS)]
    head = [Paragraph(esc(text), st.table_head) for text in HEADINGS]
    head[2] = Paragraph(f"{esc(HEADINGS[2])}<br/><font name='{fonts.ITALIC}'>{MARK_HINT}</font>", st.table_head)
    data: list[list[Paragraph]] = [head]
    # Steps in their order (stable: rows sharing a step keep the order given).
    data += [_row_cells(row) for row in sorted(rows, key=lambda r: r.step)] or [_row_cells(None)]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _due_text(data: ControlSheetData) -> str:
    """Markup of the current appointment, with the original one on the next line when rescheduled."""
    text = esc(vn_datetime(data.due_at))
    if data.original_due_at != data.due_at:
        text += f"<br/>(hẹn lại từ {esc(vn_datetime(data.original_due_at))})"
    return text


def render_control_sheet(data: ControlSheetData) -> bytes:
    """Mẫu 05 as PDF bytes (A5 portrait; more pages when the history is long)."""
    story = form_opening(data.form, data.header, dossier_running(data.form, data.dossier_code), title_space=7)
    story += code_banner("Mã hồ sơ:", data.dossier_code, after=5)
    cooperating = "; ".join(nfc(u).strip() for u in data.cooperating_units if nfc(u).strip()) or NONE_TEXT
    story += [
        field("Nội dung yêu cầu giải quyết:", data.procedure_name, bold_value=True),
        field("Người nộp hồ sơ:", data.applicant_name, bold_value=True),
        field("Cơ quan, đơn vị chủ trì giải quyết:", data.processing_unit),
        field("Cơ quan, đơn vị phối hợp giải quyết:", cooperating),
        field("Thời gian nhận hồ sơ:", vn_datetime(data.received_at)),
        paragraph(f"Thời gian hẹn trả kết quả: {_due_text(data)}"),
        Spacer(0, 4),
        history_table(data.rows),
    ]
    title = f"{nfc(data.form.title)} – {nfc(data.dossier_code)}"
    return build_pdf(story, title=title, subject=nfc(data.form.number))
