"""The walk-in queue ticket as printed paper: the 80 mm ticket's data, its PDF, and the print log.

Guarantees:
- A ticket prints from what is stored (the ticket row and its `issued` event) plus the centre's
  settings, so a reprint — at the kiosk or at a counter, minutes later — shows the same number,
  group, issue time and status URL as the first print, whatever happened to the ticket since.
- "People ahead" and the wait estimate are figures of the moment of issue. They are read from the
  `issued` event's detail (`ahead`, `estimate`) when the queue service records them there; a
  caller that holds the `TicketInfo` returned by `QueueService.issue()` passes it as `issued`
  instead. Nothing is recomputed from today's queue: a reprint never shows a different estimate.
- Rendering is pure and may run on the printing worker; reading runs on the queue's database.
Thread-safe: every call opens its own sessions.
"""

from __future__ import annotations

from datetime import date

from counter_app.models import PrintLog
from counter_app.printing.documents import TicketData
from counter_app.services import centre_settings
from counter_app.services.db import Database
from counter_app.services.queue import QueueService
from counter_app.services.queue_types import TicketInfo

TICKET = "ticket"  # print_log.document


def ticket_reference(display: str, day: date) -> str:
    """The print log's reference of a ticket: numbers restart daily, so the day is part of it."""
    return f"{display}/{day.isoformat()}"


class TicketPrintService:
    """Builds and renders queue tickets. `db` is the database holding the centre's settings (the
    local store on a joined workstation — it is synced from the centre and always reachable);
    `queue` reads the tickets (the central database on a joined workstation)."""

    def __init__(self, queue: QueueService, db: Database):
        self.queue = queue
        self.db = db

    @staticmethod
    def warm_up() -> None:
        """Import the template and register the fonts, so the first ticket prints at full speed."""
        from counter_app.printing import fonts, ticket_template  # noqa: F401, PLC0415 - loaded lazily

        fonts.register_fonts()

    def settings(self) -> centre_settings.CentreSettings:
        with self.db.reader() as session:
            return centre_settings.load(session)

    def centre_name(self) -> str:
        return self.settings().centre_name

    def ticket_data(self, ticket_id: str, issued: TicketInfo | None = None) -> TicketData:
        """What the ticket `ticket_id` prints. `issued`: the `TicketInfo` that `issue()` returned for
        this ticket, used for the figures of the moment of issue when the event log lacks them."""
        return self.printable(ticket_id, issued)[1]

    def printable(self, ticket_id: str, issued: TicketInfo | None = None) -> tuple[str, TicketData]:
        """(print-log reference, ticket data) of `ticket_id`; see `ticket_data`."""
        ticket = self.queue.get(ticket_id)
        detail = next((e["detail"] for e in self.queue.events(ticket_id) if e["kind"] == "issued"), {})
        ahead, estimate = detail.get("ahead"), detail.get("estimate")
        if ahead is None and issued is not None and issued.id == ticket.id:
            ahead, estimate = issued.ahead, issued.estimated_wait_minutes
        settings = self.settings()
        data = TicketData(
            centre_name=settings.centre_name,
            ticket_number=ticket.display,
            group_name=ticket.group_name,
            issued_at=ticket.issued_at,
            # Figures never recorded (a ticket reprinted at a counter before the queue service kept
            # them in its `issued` event): 0 ahead and an estimate "đang cập nhật".
            waiting_ahead=int(ahead or 0),
            estimated_wait_minutes=None if estimate is None else int(estimate),
            status_url=settings.queue_status_url(ticket.display, ticket.day, ticket.id),
            priority=ticket.priority,
        )
        return ticket_reference(ticket.display, ticket.day), data

    @staticmethod
    def render(data: TicketData) -> bytes:
        """The ticket as PDF bytes (one 80 mm page as tall as its content)."""
        from counter_app.printing.ticket_template import render_ticket  # noqa: PLC0415 - see warm_up

        return render_ticket(data)

    def pdf(self, ticket_id: str, issued: TicketInfo | None = None) -> bytes:
        return self.render(self.ticket_data(ticket_id, issued))

    def log(self, reference: str, target: str, *, ok: bool, error: str = "", user_id: str | None = None) -> None:
        """Record a print attempt of a ticket (kiosk or counter reprint), successful or not;
        `reference` as `printable()` gives it."""
        with self.db.transaction() as session:
            session.add(PrintLog(document=TICKET, reference=reference, target=target[:300],
                                 copies=1, ok=ok, error=error[:2000], user_id=user_id, at=self.queue.clock()))
