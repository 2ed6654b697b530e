"""Shared layout of the A5 legal forms (Mẫu 01/02/03): page, styles, header, title, signatures.

The header follows the administrative document layout of Decree 30/2020/NĐ-CP as used by the forms
of Circular 01/2018/TT-VPCP (carried over to 03/2025/TT-VPCP): issuing body on the left with a
short rule under the unit name and the document number; national name and motto on the right with
a rule under the motto (a rule, not an underline, so the dots below "Độ", "lập", "Tự", "Hạnh"
stay clear) and the italic place and date line. Only the bundled font family is used: the canvas
initial font, every paragraph, bullet and table style name it explicitly.

`build_pdf` is pure (no global state besides the one-time font registration) and may run on a
worker thread; each call builds its own document and styles are read-only.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from counter_app.printing import fonts
from counter_app.printing.codes import Code128Flowable
from counter_app.printing.documents import ApplicantBlock, FormHeader, FormTitle

PAGE_SIZE = A5  # 419.53 x 595.28 pt, portrait
LEFT_MARGIN = 15 * mm
RIGHT_MARGIN = 12 * mm
TOP_MARGIN = 8 * mm
BOTTOM_MARGIN = 7 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN

SIGN_NOTE = "(Ký và ghi rõ họ tên)"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def nfc(text: object) -> str:
    """`text` as an NFC string (decomposed Vietnamese renders with misplaced marks)."""
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def esc(text: object) -> str:
    """NFC text made safe for Paragraph markup."""
    return escape(nfc(text))


def vn_datetime(moment: datetime) -> str:
    """"10 giờ 05 phút, ngày 13 tháng 02 năm 2026"."""
    return (
        f"{moment.hour:02d} giờ {moment.minute:02d} phút, "
        f"ngày {moment.day:02d} tháng {moment.month:02d} năm {moment.year}"
    )


def vn_date_line(place: str, moment: datetime) -> str:
    """"Buôn Ma Thuột, ngày 13 tháng 02 năm 2026"."""
    prefix = f"{nfc(place)}, " if place else ""
    return f"{prefix}ngày {moment.day:02d} tháng {moment.month:02d} năm {moment.year}"


def two_digits(count: int) -> str:
    """Counts on forms are written with at least two digits ("01 (bộ)")."""
    return f"{count:02d}"


@dataclass(frozen=True)
class FormStyles:
    """Every paragraph style of the forms; all of them name the bundled font."""

    body: ParagraphStyle
    body_justify: ParagraphStyle
    body_indent: ParagraphStyle
    numbered: ParagraphStyle
    centre: ParagraphStyle
    italic_centre: ParagraphStyle
    note: ParagraphStyle
    form_number: ParagraphStyle
    header_left: ParagraphStyle
    header_left_bold: ParagraphStyle
    header_national: ParagraphStyle
    header_motto: ParagraphStyle
    header_date: ParagraphStyle
    title: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    table_num: ParagraphStyle
    sig_title: ParagraphStyle
    sig_note: ParagraphStyle
    sig_name: ParagraphStyle
    running: ParagraphStyle


def _style(name: str, font: str = fonts.REGULAR, size: float = 10, **kw: object) -> ParagraphStyle:
    kw.setdefault("leading", round(size * 1.2, 2))
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        bulletFontName=font,
        bulletFontSize=size,
        textColor=colors.black,
        **kw,
    )


@lru_cache(maxsize=2)
def styles(loose: bool = False) -> FormStyles:
    """The shared, read-only style set (fonts registered on first use).

    The compact set fits both Mẫu 01 copies on one A5 page each; `loose=True` gives the shorter
    forms (Mẫu 02/03) more air between lines.
    """
    fonts.register_fonts()
    lead = 13.2 if loose else 12.0
    gap = 2.2 if loose else 0.6
    return FormStyles(
        body=_style("body", spaceAfter=gap, leading=lead, alignment=TA_LEFT),
        body_justify=_style("body_justify", spaceAfter=gap, leading=lead, alignment=TA_JUSTIFY),
        body_indent=_style("body_indent", spaceAfter=gap, leading=lead, leftIndent=4 * mm),
        numbered=_style(
            "numbered", spaceAfter=gap, leading=lead, alignment=TA_JUSTIFY, leftIndent=8 * mm, bulletIndent=1.5 * mm
        ),
        centre=_style("centre", alignment=TA_CENTER),
        italic_centre=_style("italic_centre", fonts.ITALIC, 10, alignment=TA_CENTER),
        note=_style("note", fonts.ITALIC, 8.5, alignment=TA_JUSTIFY),
        form_number=_style("form_number", fonts.BOLD, 9, alignment=TA_RIGHT),
        header_left=_style("header_left", fonts.REGULAR, 9.5, alignment=TA_CENTER, leading=11),
        header_left_bold=_style("header_left_bold", fonts.BOLD, 9.5, alignment=TA_CENTER, leading=11),
        header_national=_style("header_national", fonts.BOLD, 9.5, alignment=TA_CENTER, leading=11),
        header_motto=_style("header_motto", fonts.BOLD, 10, alignment=TA_CENTER, leading=12),
        header_date=_style("header_date", fonts.ITALIC, 9.5, alignment=TA_CENTER, leading=11.5),
        title=_style("title", fonts.BOLD, 12.5, alignment=TA_CENTER, leading=15),
        table_head=_style("table_head", fonts.BOLD, 8.5, alignment=TA_CENTER, leading=9.5),
        table_cell=_style("table_cell", fonts.REGULAR, 9.5, alignment=TA_LEFT, leading=11),
        table_num=_style("table_num", fonts.REGULAR, 9.5, alignment=TA_CENTER, leading=11),
        sig_title=_style("sig_title", fonts.BOLD, 10, alignment=TA_CENTER, leading=12),
        sig_note=_style("sig_note", fonts.ITALIC, 9, alignment=TA_CENTER, leading=11),
        sig_name=_style("sig_name", fonts.BOLD, 10.5, alignment=TA_CENTER, leading=13),
        running=_style("running", fonts.ITALIC, 8, alignment=TA_RIGHT, leading=10),
    )


def field(label: str, value: object, *, bold_value: bool = False, style: ParagraphStyle | None = None) -> Paragraph:
    """One "Label: value" line; the value wraps under the label when long."""
    text = esc(value)
    if bold_value:
        text = f"<b>{text}</b>"
    return Paragraph(f"{esc(label)} {text}", style or styles().body)


def paragraph(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of already-escaped markup in the body style."""
    return Paragraph(nfc(markup), style or styles().body)


def applicant_lines(applicant: ApplicantBlock, st: FormStyles | None = None) -> list[Flowable]:
    """Identifier, address, phone/e-mail and authorised representative of the applicant."""
    st = st or styles()
    lines: list[Flowable] = [
        field(f"{nfc(applicant.id_label)}:", applicant.id_number, style=st.body),
        field("Địa chỉ:", applicant.address, style=st.body),
    ]
    contact = f"Số điện thoại: {esc(applicant.phone)}"
    if applicant.email:
        contact += f"&nbsp;&nbsp;&nbsp;&nbsp;Email: {esc(applicant.email)}"
    lines.append(paragraph(contact, st.body))
    if applicant.representative_name:
        rep = f"Người được ủy quyền: {esc(applicant.representative_name)}"
        if applicant.representative_id:
            rep += f"; {esc(applicant.representative_id_label)}: {esc(applicant.representative_id)}"
        lines.append(paragraph(rep, st.body))
        if applicant.authorisation_document:
            lines.append(field("Văn bản ủy quyền:", applicant.authorisation_document, style=st.body_indent))
    return lines


def _rule(width: float, thickness: float = 0.7) -> HRFlowable:
    return HRFlowable(
        width=width, thickness=thickness, color=colors.black, hAlign="CENTER", spaceBefore=2.5, spaceAfter=2.5
    )


def _text_width(text: str, style: ParagraphStyle, max_width: float) -> float:
    return min(stringWidth(nfc(text), style.fontName, style.fontSize), max_width)


def form_header(form: FormTitle, header: FormHeader, width: float = CONTENT_WIDTH) -> list[Flowable]:
    """Form number (top right) and the two-block header of every form."""
    st = styles()
    left_w = width * 0.40
    right_w = width - left_w
    left: list[Flowable] = [
        Paragraph(esc(header.parent_body), st.header_left),
        Paragraph(esc(header.unit_name), st.header_left_bold),
        # Decree 30: a short rule (about a third of the line) under the issuing unit.
        _rule(max(_text_width(header.unit_name, st.header_left_bold, left_w - 6) / 3, 14 * mm)),
        Paragraph(f"Số: {esc(header.document_number)}", st.header_left),
    ]
    right: list[Flowable] = [
        Paragraph(NATIONAL_NAME, st.header_national),
        Paragraph(MOTTO, st.header_motto),
        _rule(_text_width(MOTTO, st.header_motto, right_w - 6)),
        Paragraph(esc(vn_date_line(header.place, header.issued_at)), st.header_date),
    ]
    table = Table([[left, right]], colWidths=[left_w, right_w], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4),
                ("LEFTPADDING", (1, 0), (1, 0), 2),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Paragraph(esc(form.number), st.form_number), Spacer(0, 4), table]


def form_title(form: FormTitle, space_before: float = 9) -> list[Flowable]:
    """The centred bold title of the form."""
    return [Spacer(0, space_before), Paragraph(esc(form.title), styles().title)]


def form_opening(form: FormTitle, header: FormHeader, running: str, *, title_space: float = 9,
                 width: float = CONTENT_WIDTH) -> list[Flowable]:
    """How every form starts: a new section (pages after its first carry `running` as their head),
    the two-sided header and the title."""
    return [SectionStart(running), *form_header(form, header, width), *form_title(form, title_space)]


def dossier_running(form: FormTitle, dossier_code: str) -> str:
    """The running head of a form about one dossier: "Mẫu số 05 – Mã hồ sơ …"."""
    return f"{nfc(form.number)} – Mã hồ sơ {nfc(dossier_code)}"


def code_banner(label: str, code: str, *, before: float = 3, after: float = 6) -> list[Flowable]:
    """The centred "label CODE" line over the code's Code128, for a scanner at the counter."""
    return [Spacer(0, before), Paragraph(f"{label} <b>{esc(code)}</b>", styles().centre), Spacer(0, 2),
            Code128Flowable(code), Spacer(0, after)]


@dataclass(frozen=True)
class SignatureColumn:
    """One signature column: role in capitals, the "(Ký ...)" note, room to sign, printed name."""

    title: str
    name: str = ""
    note: str = SIGN_NOTE


def signature_block(
    columns: Sequence[SignatureColumn | None],
    width: float = CONTENT_WIDTH,
    sign_space: float = 14 * mm,
    space_before: float = 4,
) -> Flowable:
    """Signature columns side by side (None leaves a column empty, e.g. to push one to the right)."""
    st = styles()
    cells: list[list[Flowable]] = []
    for col in columns:
        if col is None:
            cells.append([])
            continue
        cell: list[Flowable] = [Paragraph(esc(col.title), st.sig_title)]
        if col.note:
            cell.append(Paragraph(esc(col.note), st.sig_note))
        cell.append(Spacer(0, sign_space))
        if col.name:
            cell.append(Paragraph(esc(col.name), st.sig_name))
        cells.append(cell)
    n = max(len(cells), 1)
    table = Table([cells], colWidths=[width / n] * n, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(0, space_before), table])


def count_table(
    rows: Sequence[tuple[str, int, int, int]],
    width: float = CONTENT_WIDTH,
    empty_text: str = "(Không có)",
) -> Table:
    """Numbered documents with Bản chính / Bản sao chứng thực / Bản photo counts (zero = blank).

    The header row repeats on a continuation page; long names wrap inside their cell.
    """
    st = styles()
    # The certified-copy column is wider so its header takes two lines, not three.
    num_w, count_w, certified_w = 6.5 * mm, 14 * mm, 18 * mm
    name_w = width - num_w - 2 * count_w - certified_w
    head = [
        Paragraph("TT", st.table_head),
        Paragraph("Tên giấy tờ", st.table_head),
        Paragraph("Bản chính", st.table_head),
        Paragraph("Bản sao<br/>chứng thực", st.table_head),
        Paragraph("Bản photo", st.table_head),
    ]
    data: list[list[object]] = [head]

    def cnt(value: int) -> Paragraph:
        return Paragraph(str(value) if value else "", st.table_num)

    for i, (name, originals, certified, photos) in enumerate(rows, start=1):
        data.append(
            [Paragraph(str(i), st.table_num), Paragraph(esc(name), st.table_cell), cnt(originals), cnt(certified), cnt(photos)]
        )
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if not rows:
        data.append(["", Paragraph(esc(empty_text), st.table_cell), "", "", ""])
        commands.append(("SPAN", (1, 1), (-1, 1)))
    table = Table(data, colWidths=[num_w, name_w, count_w, certified_w, count_w], repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


class SectionStart(Flowable):
    """Invisible marker: a new section (e.g. one copy of a receipt) starts on the current page.

    Pages of a section after its first get a small running head naming the section, so a page
    that flowed over is never mistaken for a separate document.
    """

    def __init__(self, running_text: str) -> None:
        super().__init__()
        self.running_text = nfc(running_text)
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_form_doc", None)
        if doc is not None:
            doc.section_text = self.running_text
            doc.section_first_page = self.canv.getPageNumber()


class _FormDoc(BaseDocTemplate):
    section_text = ""
    section_first_page = 1

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.canv._form_doc = self


def _on_page_end(canv, doc: _FormDoc) -> None:
    page = canv.getPageNumber()
    if doc.section_text and page > doc.section_first_page:
        st = styles()
        canv.saveState()
        canv.setFont(st.running.fontName, st.running.fontSize)
        text = f"{doc.section_text} (tiếp theo, trang {page - doc.section_first_page + 1})"
        width, height = doc.pagesize  # the page being built, A5 unless the caller chose another size
        canv.drawRightString(width - RIGHT_MARGIN, height - TOP_MARGIN + 3 * mm, text)
        canv.restoreState()


def build_pdf(
    story: Sequence[Flowable], title: str, subject: str = "", page_size: tuple[float, float] = PAGE_SIZE, *,
    top_margin: float = TOP_MARGIN, bottom_margin: float = BOTTOM_MARGIN, canvasmaker: Callable[..., Canvas] = Canvas,
) -> bytes:
    """Lay `story` out on pages of `page_size` (default A5 portrait; e.g. `landscape(A4)` for the
    ledger) with the forms' side margins and return the PDF bytes (fonts embedded, subset).
    `canvasmaker` may hold pages back to stamp them (the ledger's "Trang x/y")."""
    fonts.register_fonts()
    out = io.BytesIO()
    doc = _FormDoc(
        out,
        pagesize=page_size,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=top_margin,
        bottomMargin=bottom_margin,
        title=nfc(title),
        subject=nfc(subject),
        author="counter_app",
        creator="counter_app",
        lang="vi-VN",
        initialFontName=fonts.REGULAR,
        initialFontSize=10.5,
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPageEnd=_on_page_end, pagesize=page_size)])
    with fonts.WRITE_LOCK:
        doc.build(list(story), canvasmaker=canvasmaker)
    return out.getvalue()
