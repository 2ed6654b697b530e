"""PHIẾU SỐ THỨ TỰ: the kiosk's walk-in queue ticket on an 80 mm thermal roll.

One page 80 mm wide (72 mm printable, the usual head width of 80 mm printers) whose height is fitted
to the content: the flowables are measured first, then drawn top-down on a page exactly that tall,
so the roll is cut right under the footer and nothing ever spills onto a second page. Long centre
or group names wrap; a ticket number too wide for the big type is set smaller instead of
overflowing. Only the bundled font family is used (canvas initial font included), and the page is
black on white only, which is all a thermal head can print.

`render_ticket` is pure (no global state besides the one-time font registration and the caches of
styles and QR matrices) and may run on the printing worker thread. The ticket must be ready to
print in ≤ 50 ms; the QR matrix uses the fixed mask pattern of `codes.py` for that reason.
"""

from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from counter_app.printing import fonts
from counter_app.printing.codes import QrFlowable
from counter_app.printing.documents import TicketData
from counter_app.printing.form_layout import esc, nfc

PAGE_WIDTH = 80 * mm
PRINTABLE_WIDTH = 72 * mm
SIDE_MARGIN = (PAGE_WIDTH - PRINTABLE_WIDTH) / 2
TOP_MARGIN = 4 * mm
BOTTOM_MARGIN = 5 * mm  # a little feed before the cutter

TITLE = "PHIẾU SỐ THỨ TỰ"
QR_SIZE = 28 * mm
QR_CAPTION = "Quét mã để xem lượt chờ"
NUMBER_SIZE = 50.0  # points; shrunk only when the number would not fit the printable width
NUMBER_MIN_SIZE = 20.0
WAIT_UNKNOWN = "đang cập nhật"


def _style(name: str, font: str, size: float, leading: float | None = None, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.22, 2),
        bulletFontName=font,
        textColor=colors.black,
        alignment=TA_CENTER,
        **kw,
    )


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    return {
        "centre": _style("ticket_centre", fonts.BOLD, 11.5, spaceAfter=1),
        "title": _style("ticket_title", fonts.BOLD, 13, spaceBefore=1),
        "group": _style("ticket_group", fonts.BOLD, 12, spaceBefore=3),
        "priority": _style("ticket_priority", fonts.BOLD, 11, spaceBefore=2),
        "info": _style("ticket_info", fonts.REGULAR, 10, spaceAfter=1.5),
        "footer": _style("ticket_footer", fonts.ITALIC, 9.5),
    }


@lru_cache(maxsize=16)
def _number_style(size: float) -> ParagraphStyle:
    # Liberation Serif Bold digits stand about 0.66 em tall; a leading of ~1.05 em keeps the big
    # number close to the lines around it without clipping the top.
    return _style(f"ticket_number_{size:g}", fonts.BOLD, size, leading=round(size * 1.05, 2), spaceBefore=2)


def _number_size(number: str) -> float:
    """The big type size, reduced (in whole points) until `number` fits the printable width."""
    fonts.register_fonts()
    size = NUMBER_SIZE
    while size > NUMBER_MIN_SIZE and stringWidth(number, fonts.BOLD, size) > PRINTABLE_WIDTH - 2 * mm:
        size -= 1
    return size


def ticket_time(moment: datetime) -> str:
    """"09:05, ngày 13/02/2026"."""
    return f"{moment.hour:02d}:{moment.minute:02d}, ngày {moment.day:02d}/{moment.month:02d}/{moment.year}"


def wait_text(minutes: int | None) -> str:
    """"khoảng 15 phút", or "đang cập nhật" while there is no estimate."""
    if minutes is None:
        return WAIT_UNKNOWN
    return f"khoảng {max(0, int(minutes))} phút"


def _rule(space_before: float = 3, space_after: float = 3) -> HRFlowable:
    return HRFlowable(
        width="100%", thickness=0.8, color=colors.black, spaceBefore=space_before, spaceAfter=space_after
    )


def _story(data: TicketData) -> list[Flowable]:
    st = _styles()
    number = nfc(data.ticket_number).strip()
    story: list[Flowable] = [
        Paragraph(esc(data.centre_name), st["centre"]),
        _rule(2, 3),
        Paragraph(TITLE, st["title"]),
        Paragraph(esc(number), _number_style(_number_size(number))),
        Paragraph(esc(data.group_name), st["group"]),
    ]
    if data.priority:
        reason = nfc(data.priority_reason).strip()
        story.append(Paragraph(f"Ưu tiên: {esc(reason)}" if reason else "Ưu tiên", st["priority"]))
    story += [
        _rule(4, 4),
        Paragraph(f"Thời gian lấy số: {ticket_time(data.issued_at)}", st["info"]),
        Paragraph(f"Số người đang chờ trước quý khách: <b>{max(0, int(data.waiting_ahead))}</b>", st["info"]),
        Paragraph(f"Thời gian chờ dự kiến: {esc(wait_text(data.estimated_wait_minutes))}", st["info"]),
        Spacer(0, 2),
        QrFlowable(data.status_url, size=QR_SIZE, caption=QR_CAPTION, caption_size=8.5),
        _rule(4, 3),
    ]
    if nfc(data.footer).strip():
        story.append(Paragraph(esc(data.footer), st["footer"]))
    return story


def _x_offset(flowable: Flowable, width: float) -> float:
    align = getattr(flowable, "hAlign", "CENTER")
    if align in ("RIGHT", "TA_RIGHT"):
        return PRINTABLE_WIDTH - width
    if align in ("LEFT", "TA_LEFT"):
        return 0.0
    return (PRINTABLE_WIDTH - width) / 2


def render_ticket(data: TicketData) -> bytes:
    """The ticket as PDF bytes: one page 80 mm wide, as tall as its content."""
    fonts.register_fonts()
    story = _story(data)
    # Measure first: the page height is the sum of the flowables and the gaps between them
    # (no gap before the first or after the last, as in a frame).
    placed: list[tuple[Flowable, float, float, float]] = []
    height = 0.0
    for i, flowable in enumerate(story):
        width, h = flowable.wrap(PRINTABLE_WIDTH, 10_000)
        before = flowable.getSpaceBefore() if i else 0.0
        after = flowable.getSpaceAfter() if i < len(story) - 1 else 0.0
        placed.append((flowable, width, h, before))
        height += before + h + after
    page_height = TOP_MARGIN + height + BOTTOM_MARGIN

    out = io.BytesIO()
    canv = Canvas(
        out,
        pagesize=(PAGE_WIDTH, page_height),
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
        lang="vi-VN",
    )
    number = nfc(data.ticket_number).strip()
    canv.setTitle(f"{TITLE} {number}")
    canv.setSubject(nfc(data.group_name))
    canv.setAuthor("counter_app")
    canv.setCreator("counter_app")
    y = page_height - TOP_MARGIN
    for i, (flowable, width, h, before) in enumerate(placed):
        y -= before
        flowable.drawOn(canv, SIDE_MARGIN + _x_offset(flowable, width), y - h)
        y -= h + (flowable.getSpaceAfter() if i < len(placed) - 1 else 0.0)
    canv.showPage()
    with fonts.WRITE_LOCK:
        canv.save()
    return out.getvalue()
