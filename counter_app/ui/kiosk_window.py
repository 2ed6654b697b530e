"""The ticket kiosk (`counter-app kiosk`): a full-screen touch page that issues walk-in queue tickets.

Start page: the centre's name and a clock, a priority toggle, one large button per active service
group. A tap issues a ticket (queue lane), shows it in huge type for a few seconds and prints it on
the kiosk's 80 mm printer. A printer that is out of paper or missing never loses the ticket: the
number stays on the screen with a plain instruction, and any counter can reprint it.
"Look up a dossier" (or a receipt scanned on the start page) opens `KioskLookupPage`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from counter_app.i18n import translate_message
from counter_app.services.errors import ServiceError
from counter_app.services.public_status import PublicStatusQueries
from counter_app.services.queue import QueueService
from counter_app.services.queue_print import TicketPrintService
from counter_app.services.queue_types import GroupInfo, TicketInfo
from counter_app.ui.kiosk_buttons import GroupGrid
from counter_app.ui.kiosk_lookup_page import KioskLookupPage, lookup_button
from counter_app.ui.kiosk_style import STYLE, make_label, set_font
from counter_app.ui.kiosk_ticket_page import KioskTicketPage
from counter_app.ui.live_poll import ConnectionBanner, LivePoll
from counter_app.ui.task_runner import PRINTER, QUEUE, TaskRunner
from counter_app.ui.ticket_printer import TicketPrinter

if TYPE_CHECKING:
    from counter_app.context import Context

# Stored with a ticket the visitor marked as priority (supervisors see it; it is data, in Vietnamese).
PRIORITY_REASON = "Chọn tại kiosk (người cao tuổi, người khuyết tật, phụ nữ mang thai…)"
WEEKDAYS = (QT_TRANSLATE_NOOP("KioskWindow", "Monday"), QT_TRANSLATE_NOOP("KioskWindow", "Tuesday"),
            QT_TRANSLATE_NOOP("KioskWindow", "Wednesday"), QT_TRANSLATE_NOOP("KioskWindow", "Thursday"),
            QT_TRANSLATE_NOOP("KioskWindow", "Friday"), QT_TRANSLATE_NOOP("KioskWindow", "Saturday"),
            QT_TRANSLATE_NOOP("KioskWindow", "Sunday"))


class KioskWindow(QWidget):
    """The kiosk's one window.

    Guarantees: one tap issues at most one ticket (taps are ignored while an issue is in flight and
    for DEBOUNCE_S after one); a ticket is shown on screen whether or not it printed; a lost
    database disables the buttons under a red banner and the window recovers by itself (the group
    list is re-read every POLL_MS); service calls run on the queue lane, never on the GUI thread.
    "Reprint" reprints the kiosk's last ticket for REPRINT_WINDOW_S after it was issued: long enough
    for a jammed or empty roll to be fixed while the visitor stands there, short enough that the next
    visitor cannot print a copy of someone else's number (later, a counter reprints it). GUI thread only.
    """

    ticket_issued = Signal(object)  # TicketInfo

    CONFIRM_MS = 8_000
    FAILURE_MS = 20_000  # time to read the number and the instruction when nothing printed
    DEBOUNCE_S = 1.0
    REPRINT_WINDOW_S = 120.0
    POLL_MS = 2_500
    PRIORITY_RESET_MS = 30_000  # a priority choice left behind does not pass to the next visitor

    def __init__(self, queue: QueueService, printer: TicketPrinter, runner: TaskRunner, parent: QWidget | None = None,
                 *, lookup: PublicStatusQueries | None = None):
        super().__init__(parent)
        self.queue, self.printer, self.runner = queue, printer, runner
        self.monotonic: Callable[[], float] = time.monotonic
        self.setObjectName("kiosk.window")
        self.setWindowTitle(self.tr("Queue tickets"))
        self.setAttribute(Qt.WA_StyledBackground)
        self.setStyleSheet(STYLE)
        self._groups: list[GroupInfo] = []
        self._connected = True
        self._busy = False
        self._last_tap = -1e9
        self._shown_at = -1e9
        self._last: TicketInfo | None = None
        self._last_at = -1e9
        self._showing: TicketInfo | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())
        self.banner = ConnectionBanner(self)
        root.addWidget(self.banner)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_start())
        self.ticket_page = KioskTicketPage(self)
        self.ticket_page.done.clicked.connect(self._on_done_tapped)
        self.stack.addWidget(self.ticket_page)
        self.lookup_page = KioskLookupPage(lookup, runner, self) if lookup is not None else None
        if self.lookup_page is not None:  # the dossier look-up (issue 5): a third page
            self.lookup_page.leave.connect(self.back_to_start)
            self.stack.addWidget(self.lookup_page)
        self.lookup_button.setVisible(self.lookup_page is not None)
        root.addWidget(self.stack, 1)

        self._return_timer = QTimer(self, singleShot=True, timeout=self.back_to_start)
        self._priority_timer = QTimer(self, singleShot=True, timeout=lambda: self.priority.setChecked(False))
        self.priority.toggled.connect(
            lambda on: self._priority_timer.start(self.PRIORITY_RESET_MS) if on else self._priority_timer.stop())
        self._clock_timer = QTimer(self, interval=1_000, timeout=self._tick)
        self._clock_timer.start()
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, activated=self.close)  # staff: leave full screen
        printer.printed.connect(self._on_printed)
        printer.failed.connect(self._on_print_failed)
        self.poll = LivePoll(self._read, runner, self.POLL_MS, self)
        self.poll.updated.connect(self._on_state)
        self.poll.connection_changed.connect(self._on_connection)
        self._tick()
        self._set_groups([])
        self.poll.start()

    # ---- building ------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QFrame(self)
        header.setObjectName("kiosk.header")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 12, 24, 12)
        self.centre = make_label("kiosk.centre", header, align=Qt.AlignLeft | Qt.AlignVCenter)
        self.clock = make_label("kiosk.clock", header, wrap=False, align=Qt.AlignRight | Qt.AlignVCenter)
        row.addWidget(self.centre, 1)
        row.addWidget(self.clock)
        return header

    def _build_start(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("kiosk.start")
        column = QVBoxLayout(page)
        column.setContentsMargins(32, 16, 32, 12)
        column.setSpacing(14)
        self.title = make_label("kiosk.title", page)
        self.title.setText(self.tr("Touch the service you came for to take a queue number"))
        self.priority = QPushButton(page)
        self.priority.setObjectName("kiosk.priority")
        self.priority.setCheckable(True)
        self.priority.setFocusPolicy(Qt.NoFocus)
        self.priority_text = make_label("kiosk.priority.text", self.priority)
        self.priority_text.setAttribute(Qt.WA_TransparentForMouseEvents)
        QVBoxLayout(self.priority).addWidget(self.priority_text)
        self.priority.toggled.connect(self._update_priority_text)
        self.priority.installEventFilter(self)
        self.message = make_label("kiosk.message", page)
        self.message.hide()
        self.group_grid = GroupGrid(page)
        self.group_grid.group_tapped.connect(self.tap_group)
        self.group_grid.laid_out.connect(self._scale)
        self.notice = make_label("kiosk.notice", page)
        self.notice.hide()
        bottom = QHBoxLayout()
        self.hint = make_label("kiosk.hint", page, align=Qt.AlignLeft | Qt.AlignVCenter)
        self.hint.setText(self.tr("Your number will be called on the screen and by the loudspeaker."))
        self.reprint = QPushButton(page)
        self.reprint.setObjectName("kiosk.reprint")
        self.reprint.setFocusPolicy(Qt.NoFocus)
        self.reprint.clicked.connect(self._on_reprint_tapped)
        self.reprint.hide()
        self.lookup_button = lookup_button(page)
        self.lookup_button.clicked.connect(lambda: self.open_lookup())
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.reprint)
        bottom.addWidget(self.lookup_button)
        for widget in (self.title, self.priority, self.message):
            column.addWidget(widget)
        column.addWidget(self.group_grid, 1)
        column.addWidget(self.notice)
        column.addLayout(bottom)
        self._update_priority_text(False)
        return page

    # ---- reading the groups --------------------------------------------------------------
    def _read(self) -> tuple[str, list[GroupInfo]]:
        """Worker thread: the centre's name and the active groups (a failure means "no database")."""
        return self.printer.tickets.centre_name(), self.queue.groups()

    def _on_state(self, state: tuple[str, list[GroupInfo]]) -> None:
        name, groups = state
        self.centre.setText(name)
        if [(g.code, g.name) for g in groups] != [(g.code, g.name) for g in self._groups]:
            self._set_groups(groups)

    def _on_connection(self, connected: bool) -> None:
        self._connected = connected
        self.banner.set_connected(connected)
        self._update_enabled()

    def _set_groups(self, groups: list[GroupInfo]) -> None:
        self._groups = list(groups)
        self.group_grid.set_groups(groups)
        self._update_enabled()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.priority and event.type() == QEvent.Resize:
            self._fit_priority()
        return super().eventFilter(watched, event)

    def _update_enabled(self) -> None:
        usable = self._connected and not self._busy
        self.group_grid.set_buttons_enabled(usable)
        self.priority.setEnabled(usable)
        self._update_priority_text(self.priority.isChecked())
        if not self._connected:
            self._say(self.tr("Tickets cannot be issued at the moment: the queue system is not reachable. "
                              "It will come back by itself — please wait a moment or ask a staff member."))
        elif not self._groups:
            self._say(self.tr("No service is taking queue tickets right now. Please ask a staff member."))
        elif not self._busy:
            self._say("")
        self._update_reprint()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- issuing -------------------------------------------------------------------------
    def _accept_tap(self) -> bool:
        """Whether a tap may start something now (the double-tap guard)."""
        now = self.monotonic()
        if self._busy or now - self._last_tap < self.DEBOUNCE_S:
            return False
        self._last_tap = now
        return True

    def tap_group(self, code: str) -> None:
        """Issue a ticket of group `code` (what a tap on its button does)."""
        if not self._connected or self.stack.currentIndex() != 0 or not self._accept_tap():
            return
        priority = self.priority.isChecked()
        self._busy = True
        self._say(self.tr("Issuing your ticket…"))
        self._update_enabled()
        self.runner.submit(lambda: self.queue.issue(code, priority, PRIORITY_REASON if priority else ""),
                           self._on_issued, self._on_issue_failed, lane=QUEUE)

    def _on_issued(self, ticket: TicketInfo) -> None:
        self._busy = False
        self._last, self._last_at = ticket, self.monotonic()
        self.priority.setChecked(False)
        self._update_enabled()
        self.ticket_issued.emit(ticket)
        self._show_ticket(ticket)

    def _on_issue_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_enabled()
        if isinstance(error, ServiceError):
            reason = translate_message(error.message)
        else:
            self.poll.refresh_now()  # confirm the loss: banner, disabled buttons and their message
            if not self._connected:
                return
            reason = self.tr("the queue system is not reachable.")
        self._say(self.tr("The ticket could not be issued: {reason} Please try again or ask a staff member.")
                  .format(reason=reason))

    def _on_reprint_tapped(self) -> None:
        if self._reprint_allowed() and self._accept_tap():
            self._show_ticket(self._last)

    def _reprint_allowed(self) -> bool:
        return (self._last is not None and not self._busy and self._connected
                and self.monotonic() - self._last_at <= self.REPRINT_WINDOW_S)

    def _update_reprint(self) -> None:
        allowed = self._reprint_allowed()
        if allowed:
            self.reprint.setText(self.tr("Reprint ticket {number}").format(number=self._last.display))
        self.reprint.setVisible(allowed)

    # ---- the ticket page -----------------------------------------------------------------
    def _show_ticket(self, ticket: TicketInfo) -> None:
        self._showing = ticket
        self._shown_at = self.monotonic()
        self.ticket_page.show_ticket(ticket)
        self.stack.setCurrentIndex(1)
        self._return_timer.start(self.CONFIRM_MS)
        self.printer.print_ticket(ticket.id, ticket.display, ticket)

    def _on_printed(self, display: str, _target: str) -> None:
        self.notice.hide()
        if self._showing is not None and display == self._showing.display:
            self.ticket_page.show_printed()

    def _on_print_failed(self, display: str, reason: str) -> None:
        self.notice.setText(self.tr("The ticket printer is not working at the moment: your number will be shown "
                                    "on the screen — please note it down."))
        self.notice.show()
        if self._showing is not None and display == self._showing.display:
            self.ticket_page.show_print_failed(display, reason)
            self._return_timer.start(self.FAILURE_MS)

    def _on_done_tapped(self) -> None:
        # The second tap of a double tap lands here: it must not close the number just shown.
        if self.monotonic() - self._shown_at >= self.DEBOUNCE_S:
            self.back_to_start()

    def open_lookup(self, typed: str = "") -> None:
        """Show the dossier look-up page (with `typed`: keystrokes of a scan made on the start page)."""
        if self.lookup_page is None or self.stack.currentIndex() != 0 or self._busy:
            return
        self.stack.setCurrentWidget(self.lookup_page)
        self.lookup_page.start()
        if typed:
            self.lookup_page.type_text(typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Nothing on the start page takes text, so the keystrokes of a receipt scanned there end up here.
        if self.lookup_page is not None and self.stack.currentIndex() == 0 and event.text().isprintable() and event.text():
            self.open_lookup(event.text())
            return
        super().keyPressEvent(event)

    def back_to_start(self) -> None:
        self._return_timer.stop()
        self._showing = None
        if self.lookup_page is not None:
            self.lookup_page.reset()
        self.stack.setCurrentIndex(0)
        self._update_enabled()

    # ---- clock and size ------------------------------------------------------------------
    def _tick(self) -> None:
        now = self.queue.clock()
        weekday = self.tr(WEEKDAYS[now.weekday()])
        self.clock.setText(f"{now:%H:%M}\n{weekday}, {now:%d/%m/%Y}")
        if self.reprint.isVisible() != self._reprint_allowed():
            self._update_reprint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Type sizes follow the screen: `unit` is 27 px on a 1080-line screen, 19 px on 768 lines."""
        unit = max(14.0, min(self.width(), self.height()) / 40)
        set_font(self.centre, unit * 1.15, bold=True)
        set_font(self.clock, unit * 0.95, bold=True)
        set_font(self.title, unit * 1.35, bold=True)
        set_font(self.priority_text, unit * 0.95, bold=True)
        self._fit_priority()
        set_font(self.message, unit * 1.0, bold=True)
        set_font(self.notice, unit * 0.85, bold=True)
        set_font(self.hint, unit * 0.75)
        set_font(self.reprint, unit * 0.75)
        set_font(self.lookup_button, unit * 0.85, bold=True)
        self.ticket_page.scale(unit)
        if self.lookup_page is not None:
            self.lookup_page.scale(unit)
        self.group_grid.scale(unit)

    def _fit_priority(self) -> None:
        # A wrapped label inside a button does not grow the button: size it to the wrapped text.
        margins = self.priority.layout().contentsMargins()
        inner = self.priority.width() - margins.left() - margins.right() - 12
        lines = self.priority_text.heightForWidth(max(inner, 100))
        self.priority.setMinimumHeight(max(lines, self.priority_text.fontMetrics().height()) + margins.top()
                                       + margins.bottom() + 16)

    def _update_priority_text(self, checked: bool) -> None:
        if checked:
            text = self.tr("✓ Priority ticket chosen — now touch your service (touch here to cancel)")
        else:
            text = self.tr("Priority: elderly people, people with disabilities, pregnant women… "
                           "Touch here first, then your service")
        self.priority_text.setText(text)
        colour = "white" if checked else "#bf360c" if self.priority.isEnabled() else "#9aa5b4"
        self.priority_text.setStyleSheet(f"color: {colour};")
        self._fit_priority()


def build_kiosk(ctx: Context, runner: TaskRunner) -> KioskWindow:
    """The kiosk on `ctx`'s queue; the centre's settings come from the local store (`ctx.db`)."""
    tickets = TicketPrintService(ctx.queue, ctx.db)
    printer = TicketPrinter(ctx.workstation, runner, tickets)
    window = KioskWindow(ctx.queue, printer, runner, lookup=ctx.public_status)
    printer.setParent(window)
    runner.submit(tickets.warm_up, lane=PRINTER)  # reportlab and fonts before the first visitor
    return window
