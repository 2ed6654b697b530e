"""The supervisor's queue board: every counter and what it is doing, who waits, the day's totals
and the day's audited actions; reassign or cancel a waiting ticket, with a reason.

It refreshes itself (`LivePoll`, about once a second, on the queue lane) while it is shown, and
counts the seconds of "Serving A012 for 04:31" between reads. A lost database shows the red
banner; the board recovers by itself when the database is back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.i18n import translate_message
from counter_app.services import queue_lists
from counter_app.services.auth import UserInfo
from counter_app.services.errors import ServiceError
from counter_app.services.queue import QueueService
from counter_app.services.queue_lists import AuditRow, DayTotals, WaitingTicket
from counter_app.services.queue_types import GroupInfo
from counter_app.ui import labels
from counter_app.ui.detail_widgets import plain_table
from counter_app.ui.field_error import ERROR_COLOUR, set_colour, set_font
from counter_app.ui.live_poll import ConnectionBanner, LivePoll
from counter_app.ui.supervisor_queue_dialog import ReasonDialog
from counter_app.ui.supervisor_queue_models import (
    COL_BY, COL_GROUP, COL_OFFICER, COL_REASON, COL_STATUS, AuditTableModel, CounterTableModel, KeyRole, WaitingTableModel,
    counter_rows,
)
from counter_app.ui.task_runner import QUEUE, TaskRunner

PAGE_POINT_SIZE = 11.0
REFRESH_MS = 1000


@dataclass(frozen=True)
class BoardSnapshot:
    """Everything the board shows, read in one go on the queue lane."""

    now: datetime
    view: dict
    groups: list[GroupInfo]
    waiting: list[WaitingTicket]
    audit: list[AuditRow]
    totals: DayTotals
    counter_names: dict[int, str]


def read_board(queue: QueueService, clock: Callable[[], datetime]) -> BoardSnapshot:
    """Runs on the queue lane (never on the GUI thread)."""
    now = clock()
    return BoardSnapshot(now, queue.supervisor_view(), queue.groups(), queue_lists.waiting_tickets(queue.db, now),
                         queue_lists.audit_today(queue.db, now.date()), queue_lists.day_totals(queue.db, now.date()),
                         queue_lists.counter_names(queue.db))


def _tile(parent: QWidget, name: str, caption: str) -> tuple[QFrame, QLabel]:
    frame = QFrame(parent)
    frame.setFrameShape(QFrame.StyledPanel)
    value = QLabel("–", frame)
    value.setObjectName(name)
    set_font(value, bold=True, point_size=PAGE_POINT_SIZE + 7)
    value.setAlignment(Qt.AlignCenter)
    text = QLabel(caption, frame)
    text.setAlignment(Qt.AlignCenter)
    text.setWordWrap(True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.setSpacing(0)
    layout.addWidget(value)
    layout.addWidget(text)
    return frame, value




class SupervisorQueuePage(QWidget):
    """Reads only through `read_board` on the queue lane; reassign and cancel go to the service
    (which checks the supervisor role and records the audited event) on the same lane. Polls
    while shown, stops while hidden. Keeps the selected ticket selected across refreshes.
    GUI thread only."""

    def __init__(self, queue: QueueService, runner: TaskRunner, user: UserInfo, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] | None = None, interval_ms: int = REFRESH_MS):
        super().__init__(parent)
        self.setObjectName("supervisor.page")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PAGE_POINT_SIZE))
        self.setFont(font)
        self._queue, self._runner, self._user = queue, runner, user
        self._clock = clock or queue.clock
        self.snapshot: BoardSnapshot | None = None
        self.dialog: ReasonDialog | None = None  # the reason dialog open now (tests drive it)
        self._group_tiles: dict[str, QLabel] = {}
        self._build()
        self.poll = LivePoll(lambda: read_board(self._queue, self._clock), runner, interval_ms, self, lane=QUEUE)
        self.poll.updated.connect(self._on_poll_updated)
        self.poll.connection_changed.connect(self._on_poll_connection_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_ticker_timeout)

    # --- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.banner = ConnectionBanner(self)
        self.tiles = QHBoxLayout()
        self.tiles.setSpacing(6)
        self.group_box = QHBoxLayout()
        self.group_box.setSpacing(6)
        waiting, self.waiting_total = _tile(self, "supervisor.waiting_total", self.tr("Waiting now"))
        self.tiles.addWidget(waiting)
        self.tiles.addLayout(self.group_box)
        self.tiles.addStretch(1)
        stats = {}
        for key, caption in (("issued_today", self.tr("Issued today")), ("served_today", self.tr("Served today")),
                             ("average_wait", self.tr("Average wait")),
                             ("average_service", self.tr("Average service"))):
            frame, stats[key] = _tile(self, f"supervisor.{key}", caption)
            self.tiles.addWidget(frame)
        self.issued_today, self.served_today = stats["issued_today"], stats["served_today"]
        self.average_wait, self.average_service = stats["average_wait"], stats["average_service"]

        self.counter_model = CounterTableModel(self)
        self.counters = plain_table(self, "supervisor.counters", self.counter_model, COL_STATUS)
        self.counters.horizontalHeader().setSectionResizeMode(COL_OFFICER, QHeaderView.Interactive)
        self.counters.setColumnWidth(COL_OFFICER, 220)

        self.ticket_model = WaitingTableModel(self)
        self.tickets = plain_table(self, "supervisor.tickets", self.ticket_model, COL_GROUP)
        self.tickets.activated.connect(self._on_tickets_activated)  # Enter and double-click
        self.tickets.selectionModel().selectionChanged.connect(self._update_buttons)
        delete = QShortcut(QKeySequence(Qt.Key_Delete), self.tickets)
        delete.setContext(Qt.WidgetWithChildrenShortcut)
        delete.activated.connect(self.open_cancel)
        self.reassign_button = QPushButton(self.tr("Reassign… (Enter)"), self)
        self.reassign_button.setObjectName("supervisor.reassign")
        self.reassign_button.clicked.connect(self.open_reassign)
        self.cancel_button = QPushButton(self.tr("Cancel ticket… (Del)"), self)
        self.cancel_button.setObjectName("supervisor.cancel_ticket")
        self.cancel_button.clicked.connect(self.open_cancel)

        self.audit_model = AuditTableModel(self)
        self.audit = plain_table(self, "supervisor.audit", self.audit_model, COL_REASON)
        # Names can be long: a fixed width (the tooltip has it all), so the reasons keep the room.
        self.audit.horizontalHeader().setSectionResizeMode(COL_BY, QHeaderView.Interactive)
        self.audit.setColumnWidth(COL_BY, 160)

        self.message = QLabel(self)
        self.message.setObjectName("supervisor.message")
        self.message.setWordWrap(True)
        set_font(self.message, bold=True)
        self.updated = QLabel(self)
        self.updated.setObjectName("supervisor.updated")
        set_colour(self.updated, "#555555")

        tickets_box, tickets_layout = self._titled(self.tr("&Waiting tickets"), self.tickets)
        actions = QHBoxLayout()
        actions.addWidget(self.reassign_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        tickets_layout.addLayout(actions)
        audit_box, _ = self._titled(self.tr("&Audit of today"), self.audit)
        bottom = QSplitter(Qt.Horizontal, self)
        bottom.addWidget(tickets_box)
        bottom.addWidget(audit_box)
        bottom.setSizes([560, 780])  # the audit's reasons need the width more than group names
        counters_box, _ = self._titled(self.tr("C&ounters"), self.counters)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(counters_box)
        split.addWidget(bottom)
        split.setSizes([260, 400])  # the waiting tickets and the audit need the room more

        footer = QGridLayout()
        footer.addWidget(self.message, 0, 0)
        footer.addWidget(self.updated, 0, 1, Qt.AlignRight)
        footer.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.tiles)
        layout.addWidget(split, 1)
        layout.addLayout(footer)
        self._update_buttons()

    def _titled(self, heading: str, view: QWidget) -> tuple[QWidget, QVBoxLayout]:
        """`view` under a bold heading whose accelerator focuses it."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(heading, box)
        label.setBuddy(view)
        set_font(label, bold=True, point_size=PAGE_POINT_SIZE + 1)
        layout.addWidget(label)
        layout.addWidget(view, 1)
        return box, layout

    # --- live refresh ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.poll.start()
        self._ticker.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.poll.stop()  # a board nobody looks at does not load the database
        self._ticker.stop()

    def refresh(self) -> None:
        self.poll.refresh_now()

    def focus_first(self) -> None:
        self.tickets.setFocus(Qt.OtherFocusReason)

    def _on_poll_updated(self, snapshot: BoardSnapshot) -> None:
        self.snapshot = snapshot
        now = snapshot.now
        self._show_totals(snapshot)
        self._set_rows(self.counters, self.counter_model,
                       counter_rows(snapshot.view, snapshot.counter_names, snapshot.waiting), now)
        self._set_rows(self.tickets, self.ticket_model, snapshot.waiting, now)
        self._set_rows(self.audit, self.audit_model, snapshot.audit, now)
        self.updated.setText(self.tr("Updated {time}").format(time=now.strftime("%H:%M:%S")))
        self._update_buttons()

    def _on_poll_connection_changed(self, connected: bool) -> None:
        self.banner.set_connected(connected)

    def _on_ticker_timeout(self) -> None:
        now = self._clock()
        self.counter_model.tick(now)
        self.ticket_model.tick(now)

    @staticmethod
    def _set_rows(table: QTableView, model, rows, now: datetime) -> None:
        """New rows without losing the selected one (kept by its key: ticket id, counter number)."""
        selected = table.selectionModel().selectedRows()
        key = selected[0].data(KeyRole) if selected else None
        if model.set_rows(rows, now) and key is not None:
            row = model.row_of(key)
            if row >= 0:
                table.selectRow(row)

    def _show_totals(self, snapshot: BoardSnapshot) -> None:
        waiting = snapshot.view.get("waiting", {})
        names = {g.code: g.name for g in snapshot.groups}
        codes = [g.code for g in snapshot.groups] + sorted(set(waiting) - set(names))
        if list(self._group_tiles) != codes:
            self._rebuild_group_tiles(codes, names)
        for code, label in self._group_tiles.items():
            label.setText(str(waiting.get(code, 0)))
        self.waiting_total.setText(str(sum(waiting.values())))
        totals = snapshot.totals
        self.issued_today.setText(str(totals.issued))
        self.served_today.setText(str(totals.served))
        self.average_wait.setText(labels.duration(totals.average_wait_seconds) or "–")
        self.average_service.setText(labels.duration(totals.average_service_seconds) or "–")

    def _rebuild_group_tiles(self, codes: list[str], names: dict[str, str]) -> None:
        while self.group_box.count():
            item = self.group_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._group_tiles = {}
        for code in codes:
            frame, value = _tile(self, f"supervisor.waiting.{code}", f"{code} · {names.get(code, '')}".rstrip(" ·"))
            frame.setMaximumWidth(170)
            self.group_box.addWidget(frame)
            self._group_tiles[code] = value

    # --- reassign and cancel -----------------------------------------------------------------------
    def selected_ticket(self) -> WaitingTicket | None:
        rows = self.tickets.selectionModel().selectedRows()
        return self.ticket_model.ticket(rows[0].row()) if rows else None

    def select_ticket(self, display: str) -> bool:
        """Select the waiting ticket printed `display` ("A003"); False when it does not wait."""
        for row, ticket in enumerate(self.ticket_model.rows()):
            if ticket.display == display:
                self.tickets.selectRow(row)
                return True
        return False

    def open_reassign(self) -> None:
        ticket = self._ticket_or_say()
        if ticket is None:
            return
        question = self.tr("Send ticket {ticket} ({group}) to one counter? Only that counter will call it, "
                           "before its other tickets.").format(ticket=ticket.display, group=ticket.group_name)
        self._open_dialog(ReasonDialog("supervisor.reassign", self.tr("Reassign ticket {ticket}").format(ticket=ticket.display),
                                       question, self.tr("&Reassign"), self, ask_counter=True,
                                       counter_names=self.snapshot.counter_names if self.snapshot else {}),
                          lambda counter, reason: self._reassign(ticket, counter, reason))

    def open_cancel(self) -> None:
        ticket = self._ticket_or_say()
        if ticket is None:
            return
        question = self.tr("Cancel ticket {ticket} ({group})? It leaves the queue and will not be called.").format(
            ticket=ticket.display, group=ticket.group_name)
        self._open_dialog(ReasonDialog("supervisor.cancel_ticket", self.tr("Cancel ticket {ticket}").format(ticket=ticket.display),
                                       question, self.tr("Cancel &the ticket"), self),
                          lambda _counter, reason: self._cancel(ticket, reason))

    def _ticket_or_say(self) -> WaitingTicket | None:
        ticket = self.selected_ticket()
        if ticket is None:
            self._say(self.tr("Choose a waiting ticket first."), error=True)
        return ticket

    def _open_dialog(self, dialog: ReasonDialog, on_accept: Callable[[int | None, str], None]) -> None:
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(*dialog.chosen()))
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self.tickets.setFocus(Qt.OtherFocusReason)

    def _reassign(self, ticket: WaitingTicket, counter: int, reason: str) -> None:
        done = self.tr("Ticket {ticket} now waits for counter {n}.").format(ticket=ticket.display, n=counter)
        self._run(lambda: self._queue.reassign(ticket.ticket_id, counter, self._user, reason), done)

    def _cancel(self, ticket: WaitingTicket, reason: str) -> None:
        done = self.tr("Ticket {ticket} was cancelled.").format(ticket=ticket.display)
        self._run(lambda: self._queue.cancel(ticket.ticket_id, self._user, reason), done)

    def _run(self, action: Callable[[], object], done: str) -> None:
        self._say(self.tr("Working…"))
        self._runner.submit(action, lambda _result: self._on_action_done(done), self._on_action_failed, lane=QUEUE)

    def _on_action_done(self, text: str) -> None:
        self._say(text)
        self.poll.refresh_now()

    def _on_action_failed(self, error: BaseException) -> None:
        reason = translate_message(error.message) if isinstance(error, ServiceError) else str(error)
        self._say(self.tr("Not done: {reason}").format(reason=reason), error=True)
        self.poll.refresh_now()

    def _say(self, text: str, *, error: bool = False) -> None:
        stamp = self._clock().strftime("%H:%M")
        self.message.setText(f"{stamp}  {text}")
        set_colour(self.message, ERROR_COLOUR if error else "#1b5e20")

    def _update_buttons(self, *_args) -> None:
        chosen = bool(self.tickets.selectionModel().selectedRows())
        self.reassign_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen)

    def _on_tickets_activated(self, _index) -> None:
        self.open_reassign()
