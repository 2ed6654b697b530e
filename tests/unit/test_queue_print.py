"""The queue ticket as printed from the real queue: PDF text, decoded QR status URL, reprints, the log."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import unicodedata
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from counter_app.models import PrintLog
from counter_app.services import centre_settings
from counter_app.services.queue_print import TicketPrintService, ticket_reference
from tests.pdf_tools import decode_codes, pdf_page_images, pdf_text

STATUS_URL = "https://dichvucong.example.gov.vn/tra-cuu-so-thu-tu?ve={ticket}&ngay=2026-11-26"


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def qr_texts(pdf: bytes) -> list[str]:
    (image,) = pdf_page_images(pdf, dpi=200)
    return [text for fmt, text in decode_codes(image) if "QR" in fmt.upper()]


@pytest.fixture
def tickets(ctx) -> TicketPrintService:
    return TicketPrintService(ctx.queue, ctx.db)


def centre_name(ctx) -> str:
    with ctx.db.reader() as session:
        return centre_settings.load(session).centre_name


def test_ticket_prints_centre_number_group_time_and_figures(ctx, tickets):
    """The kiosk's first print shows the centre, number, group, issue time, people ahead and the estimate."""
    ctx.queue.issue("A")
    ctx.queue.issue("A")
    info = ctx.queue.issue("A")
    text = flat(pdf_text(tickets.pdf(info.id, info)))
    for expected in (centre_name(ctx), "PHIẾU SỐ THỨ TỰ", "A003", "Tư pháp",
                     "Thời gian lấy số: 09:30, ngày 26/11/2026",
                     f"Số người đang chờ trước quý khách: {info.ahead}",
                     f"Thời gian chờ dự kiến: khoảng {info.estimated_wait_minutes} phút"):
        assert expected in text, expected
    assert info.ahead == 2
    assert "Ưu tiên" not in text


def test_qr_decodes_to_the_status_url_of_the_ticket(ctx, tickets):
    """The QR read back from a 200 dpi image is the configured status URL with number and day."""
    info = ctx.queue.issue("B")
    assert qr_texts(tickets.pdf(info.id, info)) == [STATUS_URL.format(ticket="B001")]


def test_status_url_template_is_configurable(ctx, tickets):
    """{ticket}, {day} and {id} are filled from the ticket; the setting is read at print time."""
    with ctx.db.transaction() as session:
        current = centre_settings.load(session)
        centre_settings.save(session, dataclasses.replace(
            current, queue_status_url_template="https://hcc.daklak.gov.vn/ve/{day}/{ticket}?id={id}"))
    info = ctx.queue.issue("C")
    assert qr_texts(tickets.pdf(info.id, info)) == [f"https://hcc.daklak.gov.vn/ve/2026-11-26/C001?id={info.id}"]


def test_status_url_fills_every_placeholder():
    """The settings method fills placeholders literally (no format-string surprises with other braces)."""
    settings = dataclasses.replace(centre_settings.CentreSettings(),
                                   queue_status_url_template="x?v={ticket}&d={day}&i={id}&keep={other}")
    assert settings.queue_status_url("A001", date(2026, 1, 2), "u-1") == "x?v=A001&d=2026-01-02&i=u-1&keep={other}"
    assert centre_settings.CentreSettings().queue_status_url("A001", date(2026, 1, 2)).endswith("ve=A001&ngay=2026-01-02")


def test_priority_ticket_says_so(ctx, tickets):
    """A priority ticket prints "Ưu tiên"."""
    info = ctx.queue.issue("A", priority=True, priority_reason="Người cao tuổi")
    assert "Ưu tiên" in flat(pdf_text(tickets.pdf(info.id, info)))


def test_reprint_later_shows_the_same_ticket(ctx, clock, tickets, officer):
    """A reprint after the queue moved on (time passed, more tickets, this one called) is the same text."""
    info = ctx.queue.issue("A")
    first = tickets.pdf(info.id, info)
    clock.now += timedelta(minutes=25)
    for _ in range(3):
        ctx.queue.issue("A")
    ctx.queue.call_next(3, officer, ["A"])
    again = tickets.pdf(info.id, info)
    assert flat(pdf_text(again)) == flat(pdf_text(first))
    assert qr_texts(again) == qr_texts(first)


def test_counter_reprint_without_the_issue_result(ctx, clock, tickets):
    """A counter reprints from the stored ticket alone: same number, group, time and QR; the figures
    of the moment of issue are the same when the queue recorded them in the `issued` event, else the
    wait prints as "đang cập nhật" (never a figure recomputed from the queue of later)."""
    ctx.queue.issue("A")
    info = ctx.queue.issue("A")
    first = flat(pdf_text(tickets.pdf(info.id, info)))
    clock.now += timedelta(minutes=40)
    ctx.queue.issue("A")
    pdf = tickets.pdf(info.id)
    again = flat(pdf_text(pdf))
    assert qr_texts(pdf) == [STATUS_URL.format(ticket="A002")]
    detail = next(e["detail"] for e in ctx.queue.events(info.id) if e["kind"] == "issued")
    if "ahead" in detail:
        assert again == first
    else:
        assert "Thời gian chờ dự kiến: đang cập nhật" in again
        for expected in ("A002", "Tư pháp", "Thời gian lấy số: 09:30, ngày 26/11/2026", centre_name(ctx)):
            assert expected in again, expected


def test_issued_event_figures_win_over_the_caller(ctx, tickets):
    """A `TicketInfo` of another ticket is never used for this one's figures."""
    other = ctx.queue.issue("B")
    info = ctx.queue.issue("A")
    data = tickets.ticket_data(info.id, dataclasses.replace(other, ahead=99))
    assert data.waiting_ahead != 99
    assert data.ticket_number == "A001"


def test_log_records_each_attempt(ctx, tickets):
    """Every print attempt, failed ones too, is a print_log row keyed by number and day."""
    info = ctx.queue.issue("D")
    reference, data = tickets.printable(info.id, info)
    assert reference == ticket_reference("D001", date(2026, 11, 26)) == "D001/2026-11-26"
    tickets.log(reference, "/tmp/out/ticket-D001.pdf", ok=True)
    tickets.log(reference, "Kiosk printer", ok=False, error="out of paper")
    with ctx.db.reader() as session:
        rows = session.scalars(select(PrintLog).where(PrintLog.reference == reference).order_by(PrintLog.at)).all()
        assert sorted((r.document, r.ok, r.error) for r in rows) == [("ticket", False, "out of paper"), ("ticket", True, "")]


def test_settings_cli_sets_the_status_url_template(data_dir):
    """`counter-app settings set queue_status_url_template …` stores it; `settings show` lists it."""
    url = "https://hcc.example.vn/so/{ticket}?ngay={day}"
    cmd = [sys.executable, "-m", "counter_app.cli", "--data-dir", str(data_dir), "settings"]
    done = subprocess.run(cmd + ["set", "queue_status_url_template", url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = subprocess.run(cmd + ["show"], capture_output=True, text=True, timeout=120)
    assert f'"queue_status_url_template": "{url}"' in shown.stdout
