"""The kiosk's confirmation page: the ticket just issued in huge type, its group, the wait ahead,
and whether it printed — with a plain instruction when it did not.

Its strings are translated in the "KioskWindow" context (explicit `QCoreApplication.translate`, not
`self.tr()`): they were the window's before this page had a module of its own, and the .ts is keyed
by that context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from counter_app.services.queue_types import TicketInfo
from counter_app.ui.kiosk_style import make_label, set_font


class KioskTicketPage(QWidget):
    """The ticket page (objectName "kiosk.ticket"). It only shows what it is told: the window decides
    when it appears and when it goes (`done` is the visitor's "Done" button). GUI thread only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kiosk.ticket")
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(10)
        self.ticket_caption = make_label("kiosk.ticket_caption", self)
        self.ticket_caption.setText(QCoreApplication.translate("KioskWindow", "Your queue number"))
        self.ticket_number = make_label("kiosk.ticket_number", self, wrap=False)
        self.ticket_group = make_label("kiosk.ticket_group", self)
        self.ticket_priority = make_label("kiosk.ticket_priority", self)
        self.ticket_priority.setText(QCoreApplication.translate("KioskWindow", "Priority ticket"))
        self.ticket_wait = make_label("kiosk.ticket_wait", self)
        self.print_status = make_label("kiosk.print_status", self)
        self.print_reason = make_label("kiosk.print_reason", self)
        self.print_reason.hide()
        self.done = QPushButton(QCoreApplication.translate("KioskWindow", "Done"), self)
        self.done.setObjectName("kiosk.done")
        self.done.setFocusPolicy(Qt.NoFocus)
        column.addStretch(1)
        for widget in (self.ticket_caption, self.ticket_number, self.ticket_group, self.ticket_priority,
                       self.ticket_wait):
            column.addWidget(widget)
        column.addSpacing(12)
        column.addWidget(self.print_status)
        column.addWidget(self.print_reason)
        column.addStretch(1)
        column.addWidget(self.done, 0, Qt.AlignHCenter)

    def show_ticket(self, ticket: TicketInfo) -> None:
        """Fill the page with `ticket`, its print status "printing"."""
        self.ticket_number.setText(ticket.display)
        self.ticket_group.setText(ticket.group_name)
        self.ticket_priority.setVisible(ticket.priority)
        if ticket.ahead:
            wait = QCoreApplication.translate(
                "KioskWindow", "People waiting ahead of you: {ahead}\nEstimated wait: about {minutes} minutes").format(
                ahead=ticket.ahead, minutes=ticket.estimated_wait_minutes)
        else:
            wait = QCoreApplication.translate("KioskWindow", "Nobody is waiting ahead of you: you will be called soon.")
        self.ticket_wait.setText(wait)
        self._set_print_status(QCoreApplication.translate("KioskWindow", "Printing your ticket…"), fault=False)

    def show_printed(self) -> None:
        self._set_print_status(QCoreApplication.translate("KioskWindow", "Please take your ticket below."), fault=False)

    def show_print_failed(self, display: str, reason: str) -> None:
        """The number stays, framed as a fault, with what to do and the printer's `reason` under it."""
        self._set_print_status(
            QCoreApplication.translate(
                "KioskWindow",
                "Ticket {number} has been issued. The printer is out of paper or not connected — "
                "please remember your number or ask a staff member to print it for you.").format(number=display),
            fault=True, reason=reason)

    def scale(self, unit: float) -> None:
        set_font(self.ticket_caption, unit * 1.3)
        set_font(self.ticket_number, unit * 8, bold=True)
        set_font(self.ticket_group, unit * 1.6, bold=True)
        set_font(self.ticket_priority, unit * 1.2, bold=True)
        set_font(self.ticket_wait, unit * 1.15)
        set_font(self.print_status, unit * 1.2, bold=True)
        set_font(self.print_reason, unit * 0.75)
        set_font(self.done, unit * 1.2, bold=True)

    def _set_print_status(self, text: str, *, fault: bool, reason: str = "") -> None:
        self.print_status.setText(text)
        self.print_status.setMargin(20 if fault else 0)
        self.print_reason.setText(reason)
        self.print_reason.setVisible(bool(reason))
        self.print_status.setProperty("fault", fault)
        self.print_status.style().unpolish(self.print_status)
        self.print_status.style().polish(self.print_status)
