"""Mẫu 06 SỔ THEO DÕI HỒ SƠ: the A4 landscape ledger of one field's dossiers over a period.

One row per dossier; the column header repeats on every page, every page carries a footer naming
the ledger and "Trang x/y", and the last row is followed by "Tổng số: N hồ sơ". The "Ký nhận"
column stays empty for the collector's signature.

A ledger may hold thousands of rows, so the work stays linear in the row count: body cells are
plain strings broken into lines here (a reportlab Paragraph costs ten times more to build, measure
and draw), every row is measured once, and page breaks come from those heights (`PagedRows`)
instead of reportlab's Table split, which measures the whole remainder again on every page. "y" of
"Trang x/y" comes from a canvas that holds finished pages back until the total is known, not from
a second layout pass. The document is built here rather than by `form_layout.build_pdf` because
of that canvas; margins, metadata and the font rules are the same.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime
from itertools import accumulate

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from counter_app.printing import fonts
from counter_app.printing.form_layout import (
    LEFT_MARGIN, RIGHT_MARGIN, build_pdf, esc, form_header, form_title, nfc, styles,
)
from counter_app.printing.tracking_documents import LedgerData, LedgerRow

PAGE = landscape(A4)
TOP_MARGIN = 10 * mm
BOTTOM_MARGIN = 13 * mm  # the footer sits in this band
WIDTH = PAGE[0] - LEFT_MARGIN - RIGHT_MARGIN
CELL_SIZE = 8.0
LEADING = CELL_SIZE * 1.15
PAD = 2.0
# Body rows are taller than their text: the "Ký nhận" cell must take a signature.
ROW_PADDING = (3.5, 4.5)  # top, bottom
HEAD_PADDING = (1.5, 2.5)
# A row must fit on one page (there is no splitting a row); a cell longer than this (a note of
# several hundred characters in a narrow column) ends in "…" instead of failing the whole ledger.
MAX_CELL_LINES = 36

# (heading, width in mm, centred); the widths add up to the 270 mm between the margins.
COLUMNS = (
    ("STT", 9, True),
    ("Mã hồ sơ", 36, False),
    ("Tên TTHC", 39, False),
    ("Tên tổ chức/cá nhân", 28, False),
    ("Địa chỉ, số điện thoại", 34, False),
    ("Cơ quan chủ trì giải quyết", 25, False),
    ("Ngày, tháng, năm nhận hồ sơ", 17, True),
    ("Ngày, tháng, năm hẹn trả kết quả", 17, True),
    ("Ngày, tháng, năm trả kết quả", 17, True),
    ("Trả kết quả (hình thức)", 16, True),
    ("Ký nhận", 16, True),
    ("Ghi chú", 16, False),
)
EMPTY_TEXT = "(Không có hồ sơ trong kỳ)"
FOOTER_SIZE = 8.0


def _day(moment: date) -> str:
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year}"


def _moment(moment: datetime | None) -> str:
    """Date over time ("13/02/2026\\n10:05"): the time matters for working-hour limits."""
    if moment is None:
        return ""
    return f"{_day(moment)}\n{moment.hour:02d}:{moment.minute:02d}"


def _chop(line: str, width: float, size: float) -> list[str]:
    """A line with a word too wide for the cell, cut after a hyphen or slash where one fits, else anywhere."""
    pieces: list[str] = []
    while stringWidth(line, fonts.REGULAR, size) > width and len(line) > 1:
        cut = 1
        while cut < len(line) and stringWidth(line[: cut + 1], fonts.REGULAR, size) <= width:
            cut += 1
        soft = max(line.rfind("-", 0, cut), line.rfind("/", 0, cut))
        cut = soft + 1 if soft > 0 else cut
        pieces.append(line[:cut])
        line = line[cut:]
    return pieces + [line]


def fit_lines(text: str, width: float, size: float = CELL_SIZE) -> list[str]:
    """`text` (NFC) in lines no wider than `width` points: broken at spaces, a word too long for the
    cell (a dossier code, a URL) after a hyphen or slash."""
    lines: list[str] = []
    for line in simpleSplit(nfc(text), fonts.REGULAR, size, width) or [""]:
        lines += _chop(line, width, size)
    return lines


def code_markup(code: str, width: float, size: float = CELL_SIZE, padding: float = PAD) -> str:
    """Paragraph markup of a dossier code for a table cell `width` wide: one line when it fits, else
    broken after hyphens (a plain paragraph would cut a word too wide for the cell anywhere)."""
    return "<br/>".join(esc(line) for line in fit_lines(code, width - 2 * padding, size))


class _Cells:
    """Builds the cells of rows as plain strings already broken into lines, and measures them."""

    def __init__(self) -> None:
        st = styles()
        self.head = st.table_head.clone("ledger_head", fontSize=CELL_SIZE, leading=CELL_SIZE * 1.12)
        self.cell = st.table_cell.clone("ledger_cell", fontSize=CELL_SIZE, leading=LEADING)
        self.widths = [w * mm for _, w, _ in COLUMNS]

    def heading(self) -> list[Paragraph]:
        return [Paragraph(esc(text), self.head) for text, _, _ in COLUMNS]

    def head_height(self, head: list[Paragraph]) -> float:
        return max(p.wrap(w - 2 * PAD, 1e6)[1] for p, w in zip(head, self.widths, strict=True)) + sum(HEAD_PADDING)

    def row(self, r: LedgerRow) -> tuple[list[str], float]:
        """The row's cells and its height."""
        texts = (
            str(r.number), r.dossier_code, r.procedure_name, r.applicant_name, r.address_phone, r.department_name,
            _moment(r.received_at), _moment(r.due_at), _moment(r.returned_at), r.return_method, "", r.note,
        )
        cells = [fit_lines(text, width - 2 * PAD) for text, width in zip(texts, self.widths, strict=True)]
        cells = [lines if len(lines) <= MAX_CELL_LINES else [*lines[: MAX_CELL_LINES - 1], "…"] for lines in cells]
        height = LEADING * max(len(lines) for lines in cells) + sum(ROW_PADDING)
        return ["\n".join(lines) for lines in cells], height


def _table_style(empty: bool) -> TableStyle:
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, 0), HEAD_PADDING[0]),
        ("BOTTOMPADDING", (0, 0), (-1, 0), HEAD_PADDING[1]),
        ("TOPPADDING", (0, 1), (-1, -1), ROW_PADDING[0]),
        ("BOTTOMPADDING", (0, 1), (-1, -1), ROW_PADDING[1]),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), "CENTER") for i, (_, _, centred) in enumerate(COLUMNS) if centred]
    if empty:
        commands.append(("SPAN", (1, 1), (-1, 1)))
    return TableStyle(commands)


class PagedRows(Flowable):
    """Table rows that flow over pages with the header row on each, in time linear in the row count.

    reportlab's Table measures the whole remainder again at every page break (6 s for 2,000 ledger
    rows, growing quadratically); here every row is measured once up front, a page break is a
    binary search over the running heights, and each page is drawn as a plain Table with fixed row
    heights. A remainder shares the measured rows (no copies).
    """

    def __init__(self, head: list[object], rows: list[list[object]], heights: list[float], head_height: float,
                 widths: list[float], style: TableStyle, start: int = 0, offsets: list[float] | None = None) -> None:
        super().__init__()
        self.head, self.rows, self.heights, self.head_height = head, rows, heights, head_height
        self.widths, self.style, self.start = widths, style, start
        self.offsets = offsets if offsets is not None else [0.0, *accumulate(heights)]  # top of each row
        self.width = sum(widths)
        self.height = head_height + self.offsets[-1] - self.offsets[start]
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def _page(self, end: int) -> Table:
        table = Table(
            [self.head, *self.rows[self.start:end]],
            colWidths=self.widths,
            rowHeights=[self.head_height, *self.heights[self.start:end]],
        )
        table.setStyle(self.style)
        return table

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = self.offsets[self.start] + availHeight - self.head_height + 1e-6
        end = bisect_right(self.offsets, room) - 1  # rows start..end-1 fit under the header
        if end <= self.start:
            return []  # not even one row: the frame moves this to the next page
        rest = PagedRows(self.head, self.rows, self.heights, self.head_height, self.widths, self.style, end, self.offsets)
        return [self._page(end), rest] if end < len(self.rows) else [self._page(end)]

    def draw(self) -> None:
        table = self._page(len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def ledger_table(rows: tuple[LedgerRow, ...]) -> Flowable:
    """All rows, with the header row repeated on every page."""
    cells = _Cells()
    head = cells.heading()
    if not rows:
        table = Table([head, ["", EMPTY_TEXT] + [""] * (len(COLUMNS) - 2)], colWidths=cells.widths, hAlign="CENTER")
        table.setStyle(_table_style(empty=True))
        return table
    body, heights = zip(*(cells.row(r) for r in rows), strict=True)
    return PagedRows(head, list(body), list(heights), cells.head_height(head), cells.widths, _table_style(empty=False))


class _NumberedCanvas(Canvas):
    """Holds every finished page back until `save`, then stamps the footer with "Trang x/y" on each.

    Pages are kept as the canvas state of their content stream (kilobytes each), so even a
    hundred-page ledger costs little memory.
    """

    footer_text = ""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(fonts.ITALIC, FOOTER_SIZE)
        y = BOTTOM_MARGIN - 6 * mm
        self.drawString(LEFT_MARGIN, y, self.footer_text)
        self.drawRightString(PAGE[0] - RIGHT_MARGIN, y, f"Trang {number}/{total}")
        self.restoreState()


def _footer_text(data: LedgerData) -> str:
    """Names the ledger on every page; shortened with "…" so it never runs into "Trang x/y"."""
    text = nfc(
        f"{data.form.number} – Sổ theo dõi hồ sơ – Lĩnh vực: {data.field_name} – "
        f"từ ngày {_day(data.period_from)} đến ngày {_day(data.period_to)}"
    )
    room = WIDTH - 35 * mm
    while len(text) > 1 and stringWidth(text, fonts.ITALIC, FOOTER_SIZE) > room:
        text = text[:-2].rstrip() + "…"
    return text


def _story(data: LedgerData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = form_header(data.form, data.header, width=WIDTH)
    story += form_title(data.form, space_before=8)
    period = f"Từ ngày {_day(data.period_from)} đến ngày {_day(data.period_to)}"
    story += [
        Spacer(0, 2),
        Paragraph(f"Lĩnh vực: <b>{esc(data.field_name)}</b>", st.centre),
        Paragraph(f"<i>{esc(period)}</i>", st.centre),
        Spacer(0, 6),
        ledger_table(data.rows),
        Spacer(0, 4),
        Paragraph(f"<b>Tổng số: {len(data.rows)} hồ sơ</b>", st.body),
    ]
    return story


def render_ledger(data: LedgerData) -> bytes:
    """Mẫu 06 as PDF bytes (A4 landscape, as many pages as the rows need)."""
    fonts.register_fonts()
    footer = _footer_text(data)

    def canvas_maker(*args: object, **kwargs: object) -> _NumberedCanvas:
        canv = _NumberedCanvas(*args, **kwargs)
        canv.footer_text = footer
        return canv

    return build_pdf(_story(data), f"{data.form.title} – {data.field_name}", data.form.number, PAGE,
                     top_margin=TOP_MARGIN, bottom_margin=BOTTOM_MARGIN, canvasmaker=canvas_maker)
