"""The counter's queue panel: who is at the counter, what waits, and the calling buttons.

objectNames: `queue.panel`, `queue.number`, `queue.details`, `queue.state`, `queue.waiting`,
`queue.message`, `queue.connection_banner`; buttons `queue.call_next` (F6), `queue.recall` (F7),
`queue.no_show` (Shift+F7), `queue.start` (F8), `queue.finish` (F9), `queue.transfer`
(Ctrl+Shift+T), `queue.pause` / `queue.resume` (Ctrl+Shift+P toggles), `queue.call_number`
(Ctrl+Shift+N), `queue.reprint` (Shift+F5); their dialogs: `queue_dialogs`.

Guarantees: every queue call runs on the runner's QUEUE lane, never on the GUI thread. One
action at a time: while it runs (and until the counter is read again, in the same task) every
button is disabled and further presses or held keys are ignored — and the service itself
answers a second Call next with the same called ticket. The counter is read when the panel
starts (a restart while serving shows that ticket) and every second; a lost database shows the
red banner and the panel recovers by itself. A dossier received while a ticket is served is
linked to it; a link that fails (the dossier itself is safe in the local store) is kept and
retried after the next good read. How actions and links run: `queue_panel_actions`; what the
labels and buttons show for a reading: `queue_panel_display`. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter_app.services.auth import UserInfo
from counter_app.services.queue import QueueService
from counter_app.services.queue_lists import CounterView, counter_view
from counter_app.services.queue_types import CALLED, PAUSED, SERVING, TicketInfo
from counter_app.ui.field_error import named_label, set_colour, set_font
from counter_app.ui.live_poll import ConnectionBanner, LivePoll
from counter_app.ui.queue_dialogs import FinishDialog, PauseDialog, TicketNumberDialog, TransferDialog
from counter_app.ui.queue_panel_actions import DossierLinks, QueueActions, error_text, linked_dossiers
from counter_app.ui.queue_panel_display import PANEL_POINT_SIZE, panel_display, ticket_in
from counter_app.ui.task_runner import QUEUE, TaskRunner

POLL_MS = 1000
COLOURS = {"info": "#1a1a1a", "success": "#1b5e20", "warning": "#8a4b00", "error": "#b00020"}


def read_counter(queue: QueueService, counter_number: int, groups: list[str]) -> CounterView:
    """Read this counter (runs on the queue lane)."""
    return counter_view(queue.db, counter_number, groups, queue.clock())


class QueuePanel(QWidget):
    """Signals: `started(ticket_id, number)` (open the intake page), `serving_changed(ticket_id,
    number)` (both "" when nothing is served), `reprint_requested(ticket_id, number)`."""

    started = Signal(str, str)
    serving_changed = Signal(str, str)
    reprint_requested = Signal(str, str)

    def __init__(self, queue: QueueService, runner: TaskRunner, user: UserInfo, counter_number: int,
                 groups: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("queue.panel")
        self.queue, self.runner, self.user = queue, runner, user
        self.counter, self.groups = counter_number, list(groups)
        self.view = CounterView()
        self._serving = ("", "")
        self.actions = QueueActions(runner, self._read, self._show_view, self._render, self._say, self.refresh)
        self.links = DossierLinks(queue, runner, user, self._say)
        self._buttons: list[QPushButton] = []
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PANEL_POINT_SIZE))  # read across the desk
        self.setFont(font)
        self._build()
        self.poll = LivePoll(self._read, runner, POLL_MS, self)
        self.poll.updated.connect(self._on_poll_updated)
        self.poll.connection_changed.connect(self._on_poll_connection_changed)
        self._render()
        self.poll.start()

    # --- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.number = named_label(self, "queue.number")
        self.number.setWordWrap(False)
        self.details = named_label(self, "queue.details")
        # Wide enough for a group name on two lines; the buttons keep their room on a 1280 screen.
        self.details.setFixedWidth(self.details.fontMetrics().averageCharWidth() * 24)
        self.state = named_label(self, "queue.state")
        set_font(self.state, bold=True, point_size=PANEL_POINT_SIZE + 1)
        self.waiting = named_label(self, "queue.waiting")
        self.message = named_label(self, "queue.message")
        set_font(self.message, bold=True)
        self.banner = ConnectionBanner(self)
        self.banner.setObjectName("queue.connection_banner")

        b = self._button
        self.call_next_button = b("queue.call_next", self.tr("Call next"), "F6",
                                  self.tr("Call the next waiting ticket to this counter"), self.call_next)
        set_font(self.call_next_button, bold=True)
        self.recall_button = b("queue.recall", self.tr("Recall"), "F7", self.tr("Call the same ticket again"), self.recall)
        self.no_show_button = b("queue.no_show", self.tr("No-show"), "Shift+F7",
                                self.tr("The holder did not come after the calls"), self.no_show)
        self.start_button = b("queue.start", self.tr("Start"), "F8",
                              self.tr("The holder is here: start serving and open the intake page"), self.start)
        self.finish_button = b("queue.finish", self.tr("Finish…"), "F9", self.tr("Finish serving, with the outcome"),
                               self.finish)
        self.transfer_button = b("queue.transfer", self.tr("Transfer…"), "Ctrl+Shift+T",
                                 self.tr("Send the ticket to another group or counter"), self.transfer)
        self.pause_button = b("queue.pause", self.tr("Pause…"), "Ctrl+Shift+P",
                              self.tr("Stop calling for a while, with a reason"), self.pause, shortcut=False)
        self.resume_button = b("queue.resume", self.tr("Resume"), "Ctrl+Shift+P", self.tr("Start calling again"),
                               self.resume, shortcut=False)
        self._shortcut("Ctrl+Shift+P", self._on_pause_key)
        self.call_number_button = b("queue.call_number", self.tr("Call a number…"), "Ctrl+Shift+N",
                                    self.tr("Call a waiting ticket out of order (a reason is required)"),
                                    self.call_number)
        self.reprint_button = b("queue.reprint", self.tr("Reprint ticket…"), "Shift+F5",
                                self.tr("Print a ticket again (e.g. the kiosk printer failed)"), self.reprint)

        grid = QGridLayout()
        grid.setSpacing(4)
        rows = ((self.call_next_button, self.recall_button, self.no_show_button, self.start_button, self.finish_button),
                (self.transfer_button, self.pause_button, self.call_number_button, self.reprint_button))
        for row_number, buttons in enumerate(rows):
            for column, button in enumerate(buttons):
                grid.addWidget(button, row_number, column)
        grid.addWidget(self.resume_button, 1, 1)  # in the pause button's place: one of the two is shown
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 4)
        row.addLayout(self._column(self.number, self.details))
        row.addLayout(self._column(self.state, self.waiting, self.message), 1)
        row.addLayout(grid)
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(frame)

    @staticmethod
    def _column(*widgets: QWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(1)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        return column

    def _button(self, name: str, text: str, keys: str, tip: str, slot: Callable[[], None], *,
                shortcut: bool = True) -> QPushButton:
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button = QPushButton(f"{text}\n{native}", self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not pull the focus out of the intake form
        button.setToolTip(f"{tip} ({native})")
        button.setAccessibleName(text)
        button.setMinimumHeight(button.fontMetrics().lineSpacing() * 2 + 14)
        button.clicked.connect(slot)
        self._buttons.append(button)
        if shortcut:
            self._shortcut(keys, button.click)  # click() does nothing on a disabled button
        return button

    def _shortcut(self, keys: str, slot: Callable[[], None]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # works while typing in the intake form
        shortcut.setAutoRepeat(False)  # a held key is one press
        shortcut.activated.connect(slot)
        return shortcut

    # --- actions ---------------------------------------------------------------------------------
    def call_next(self) -> None:
        self.actions.act(lambda: self.queue.call_next(self.counter, self.user, self.groups or None), self._on_called)

    def recall(self) -> None:
        if (t := self._ticket(CALLED)) is not None:
            self.actions.act(lambda: self.queue.recall(t.id, self.counter, self.user), lambda r: self._say(
                self.tr("Called {number} again (call {n}).").format(number=r.display, n=r.calls)))

    def no_show(self) -> None:
        if (t := self._ticket(CALLED)) is not None:
            self.actions.act(lambda: self.queue.no_show(t.id, self.counter, self.user), lambda r: self._say(
                self.tr("{number} did not come; the counter is free.").format(number=r.display)))

    def start(self) -> None:
        if (t := self._ticket(CALLED)) is not None:
            self.actions.act(lambda: self.queue.start(t.id, self.counter, self.user), self._on_started)

    def finish(self) -> None:
        if (t := self._ticket(SERVING)) is None or self.actions.busy:
            return
        local = self.links.linked_here(t.id)

        def ask(linked: set[str]) -> None:
            dialog = FinishDialog(t.display, len(linked | local), self)
            self.actions.ask(dialog, lambda v: self.queue.finish(t.id, self.counter, self.user, v["outcome"]),
                             lambda r, _v: self._say(self.tr("{number} finished.").format(number=r.display), "success"))

        self.runner.submit(lambda: linked_dossiers(self.queue, t.id), ask, lambda _error: ask(set()), lane=QUEUE)

    def transfer(self) -> None:
        if (t := self._ticket(CALLED, SERVING)) is None or self.actions.busy:
            return

        def ask(groups) -> None:
            dialog = TransferDialog(groups, self.counter, t.group_code, self)
            self.actions.ask(dialog, lambda v: self.queue.transfer(t.id, self.counter, self.user, to_group=v["to_group"],
                                                                   to_counter=v["to_counter"], note=v["note"]),
                             self._on_transferred)

        self.runner.submit(self.queue.groups, ask, lambda error: self._say(error_text(error), "error"), lane=QUEUE)

    def pause(self) -> None:
        if self.view.status != PAUSED and self._ticket(SERVING) is None:
            self.actions.ask(PauseDialog(self), lambda v: self.queue.pause(self.counter, self.user, v["reason"]),
                             lambda _r, _v: self._say(self.tr("Counter paused.")))

    def resume(self) -> None:
        if self.view.status == PAUSED:
            self.actions.act(lambda: self.queue.resume(self.counter, self.user),
                             lambda _r: self._say(self.tr("Counter open again.")))

    def call_number(self) -> None:
        def work(values):
            ticket = self.queue.find(values["number"])
            return self.queue.call_specific(ticket.id, self.counter, self.user, values["reason"])

        self.actions.ask(TicketNumberDialog(with_reason=True, parent=self), work, lambda r, _v: self._say(
            self.tr("Called {number} out of order.").format(number=r.display)))

    def reprint(self) -> None:
        def done(ticket: TicketInfo, _values: dict) -> None:
            self._say(self.tr("Reprinting ticket {number}…").format(number=ticket.display))
            self.reprint_requested.emit(ticket.id, ticket.display)

        number = self.view.ticket.display if self.view.ticket else ""
        self.actions.ask(TicketNumberDialog(with_reason=False, number=number, parent=self),
                         lambda v: self.queue.find(v["number"]), done)

    def link_dossier(self, dossier_id: str, code: str) -> None:
        """A dossier was received at this counter: link it to the ticket being served (if any)."""
        if (t := self._ticket(SERVING)) is not None:
            self.links.link(t, dossier_id, code)

    @property
    def serving(self) -> tuple[str, str]:
        """(ticket id, number) of the ticket served now; ("", "") when none."""
        return self._serving

    def refresh(self) -> None:
        self.poll.refresh_now()

    def stop(self) -> None:
        self.poll.stop()

    # --- results ---------------------------------------------------------------------------------
    def _on_called(self, ticket: TicketInfo | None) -> None:
        if ticket is None:
            self._say(self.tr("Nobody is waiting for this counter."))
        else:
            self._say(self.tr("Called {number}.").format(number=ticket.display))

    def _on_started(self, ticket: TicketInfo) -> None:
        self._say(self.tr("Serving {number}: receive the dossier on the intake page.").format(number=ticket.display))
        self.started.emit(ticket.id, ticket.display)

    def _on_transferred(self, ticket: TicketInfo, values: dict) -> None:
        if values["to_group"]:
            text = self.tr("{number} transferred to group {group}.").format(number=ticket.display, group=values["to_group"])
        else:
            text = self.tr("{number} transferred to counter {n}.").format(number=ticket.display, n=values["to_counter"])
        self._say(text, "success")

    def _read(self) -> CounterView:
        return read_counter(self.queue, self.counter, self.groups)

    def _on_poll_updated(self, view: CounterView) -> None:
        if not self.actions.busy:  # an action's own reading comes with its result
            self._show_view(view)
        self.links.retry()  # the database answers again: retry the links it missed

    def _on_poll_connection_changed(self, connected: bool) -> None:
        self.banner.set_connected(connected)

    def _on_pause_key(self) -> None:
        (self.resume_button if self.view.status == PAUSED else self.pause_button).click()

    # --- showing ---------------------------------------------------------------------------------
    def _ticket(self, *statuses: str) -> TicketInfo | None:
        return ticket_in(self.view, *statuses)

    def _show_view(self, view: CounterView) -> None:
        self.view = view
        self._render()

    def _say(self, text: str, kind: str = "info") -> None:
        set_colour(self.message, COLOURS.get(kind, COLOURS["info"]))
        self.message.setText(text)

    def _render(self) -> None:
        shown = panel_display(self.view, self.counter, self.actions.busy)
        self.number.setText(shown.number)
        set_colour(self.number, shown.number_colour)
        set_font(self.number, bold=True, point_size=shown.number_point_size)
        self.details.setText(shown.details)
        self.state.setText(shown.state)
        self.waiting.setText(shown.waiting)
        for button in self._buttons:
            button.setEnabled(shown.enabled[button.objectName()])
        self.pause_button.setVisible(not shown.paused)
        self.resume_button.setVisible(shown.paused)
        if shown.serving != self._serving:
            self._serving = shown.serving
            self.serving_changed.emit(*shown.serving)
