"""The department inbox: a department officer's open dossiers (own department only) with their due
time and working time left, near-due rows amber and overdue rows red, the D-1 apology flag; the
actions of processing (confirm receipt, supplement, fees, stop, refuse, result ready, apology,
explanation) and the box where a whole hand-over list is confirmed by scanning its barcode.

Keyboard first: Enter opens the action menu of the selected dossier; the digits 1–9 run an action
straight away (the same digits as in the menu and on the buttons); F5 refreshes (the page also
refreshes itself about every 30 s while shown). Every read and write runs on the task runner's
database lane; a lost database shows the red banner and the page recovers by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from counter_app.i18n import translate_message
from counter_app.services.auth import UserInfo
from counter_app.services.errors import ServiceError
from counter_app.services.lifecycle import Action
from counter_app.services.tracking import ActionResult, TrackingService
from counter_app.services.tracking_reads import (
    ALL, NEAR_DUE, NEEDS_APOLOGY, OVERDUE, TRANSIT, InboxCounts, InboxRow, TrackingQueries,
)
from counter_app.services.tracking_reads import INBOX_FILTERS as FILTERS
from counter_app.ui.field_error import ERROR_COLOUR, FieldWithError, set_colour, set_font
from counter_app.ui.inbox_actions import InboxActions
from counter_app.ui.inbox_dialogs import InboxFormDialog
from counter_app.ui.inbox_models import (
    COL_APPLICANT, COL_FLAGS, COL_PROCEDURE, COL_STATUS, NEAR_DUE_BACKGROUND, OVERDUE_BACKGROUND, InboxTableModel, allows,
)
from counter_app.ui.live_poll import ConnectionBanner, LivePoll
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.task_runner import DATABASE, TaskRunner

PAGE_POINT_SIZE = 11.0  # read at arm's length at a counter, as the supervisor's board
REFRESH_MS = 30_000
ACTIONS_PER_ROW = 5
# The digit that runs each action (in the menu, on the buttons and as a key on the table).
ACTION_KEYS = (
    (Action.ACCEPT, "1"), (Action.REQUEST_SUPPLEMENT, "2"), (Action.AWAIT_FEES, "3"), (Action.FEES_PAID, "4"),
    (Action.STOP, "5"), (Action.REFUSE, "6"), (Action.READY, "7"), (Action.APOLOGIZE, "8"), (Action.EXPLAIN, "9"),
)


@dataclass(frozen=True)
class InboxSnapshot:
    now: datetime
    rows: list[InboxRow]  # the filter's most urgent rows (the service caps them)
    department_name: str
    counts: InboxCounts | None = None
    filter: str = ALL


class InboxPage(QWidget):
    """Shows `reads.inbox(user)` (the service limits a department officer to their own
    department); actions go to `tracking` (which checks role, department and status, and writes
    nothing on refusal). Keeps the selected dossier selected across refreshes. `documents(code)`
    (optional, run on the database lane) gives the documents a supplement request may tick.
    GUI thread only. The dialog open now is `dialog`, the action menu `menu` (tests drive them)."""

    def __init__(self, reads: TrackingQueries, tracking: TrackingService, runner: TaskRunner, user: UserInfo,
                 print_output: PrintOutput | None = None, parent: QWidget | None = None, *,
                 documents: Callable[[str], Sequence] | None = None, department_id: str | None = None,
                 interval_ms: int = REFRESH_MS, refresh_key: bool = True):
        super().__init__(parent)
        self.setObjectName("inbox.page")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PAGE_POINT_SIZE))
        self.setFont(font)
        self._reads, self._tracking, self._runner, self._user = reads, tracking, runner, user
        self._department_id = department_id
        self.snapshot: InboxSnapshot | None = None
        self.filter = ALL
        self.menu: QMenu | None = None
        self.presenter = InboxActions(self, tracking, runner, user, print_output, documents)
        self._build(refresh_key)
        self.poll = LivePoll(self._read, runner, interval_ms, self, lane=DATABASE)
        self.poll.updated.connect(self._on_poll_updated)
        self.poll.connection_changed.connect(self.banner.set_connected)

    # --- construction ----------------------------------------------------------------------------
    def _build(self, refresh_key: bool) -> None:
        self.banner = ConnectionBanner(self)
        self.title = QLabel(self.tr("Department inbox"), self)
        self.title.setObjectName("inbox.title")
        set_font(self.title, bold=True, point_size=PAGE_POINT_SIZE + 4)

        self.scan = QLineEdit(self)
        self.scan.setObjectName("inbox.scan_list")
        self.scan.setPlaceholderText(self.tr("scan the hand-over list, then Enter"))
        self.scan.setMaxLength(40)
        self.scan.setMinimumWidth(300)
        self.scan.returnPressed.connect(self.accept_list)
        self.scan_field = FieldWithError(self.scan, self)
        self.scan_button = QPushButton(self.tr("Confirm the list"), self)
        self.scan_button.setObjectName("inbox.accept_list")
        self.scan_button.clicked.connect(self.accept_list)
        scan_label = QLabel(self.tr("Confirm hand-over &list:"), self)
        scan_label.setBuddy(self.scan)
        set_font(scan_label, bold=True)

        self.filter_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        filters = QHBoxLayout()
        for key in FILTERS:
            button = QPushButton(self)
            button.setObjectName(f"inbox.filter.{key}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, k=key: self.set_filter(k))
            group.addButton(button)
            filters.addWidget(button)
            self.filter_buttons[key] = button
        self.filter_buttons[ALL].setChecked(True)
        filters.addStretch(1)

        self.model = InboxTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("inbox.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_FLAGS, QHeaderView.Stretch)
        # Long procedure names and applicant names are elided (the tooltip has them): the due date,
        # the time left and the flags must stay in view on a 1280-pixel screen.
        for column, width in ((COL_PROCEDURE, 150), (COL_APPLICANT, 160), (COL_STATUS, 150)):
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._on_table_activated)  # Enter and double-click
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for action, key in ACTION_KEYS:
            for sequence in (QKeySequence(key), QKeySequence(f"Num+{key}")):  # the number pad too
                shortcut = QShortcut(sequence, self.table)
                shortcut.setContext(Qt.WidgetShortcut)
                shortcut.activated.connect(lambda a=action: self.run_action(a))
        if refresh_key:
            refresh = QShortcut(QKeySequence(Qt.Key_F5), self)
            refresh.setContext(Qt.WidgetWithChildrenShortcut)
            refresh.activated.connect(self.refresh)

        self.action_buttons: dict[Action, QPushButton] = {}
        actions = QGridLayout()  # two rows: the page must fit a 1280-pixel screen in Vietnamese too
        actions.setSpacing(4)
        for place, (action, key) in enumerate(ACTION_KEYS):
            button = QPushButton(f"{key} {self.presenter.texts[action]}", self)
            button.setObjectName(f"inbox.action.{action.value}")
            button.setFocusPolicy(Qt.NoFocus)  # the keys act on the table; the buttons are for the mouse
            button.clicked.connect(lambda _checked=False, a=action: self.run_action(a))
            actions.addWidget(button, place // ACTIONS_PER_ROW, place % ACTIONS_PER_ROW)
            self.action_buttons[action] = button
        actions.setColumnStretch(ACTIONS_PER_ROW, 1)

        self.message = QLabel(self)
        self.message.setObjectName("inbox.message")
        self.message.setWordWrap(True)
        set_font(self.message, bold=True)
        self.updated = QLabel(self)
        self.updated.setObjectName("inbox.updated")
        set_colour(self.updated, "#555555")
        legend = QHBoxLayout()
        for colour, text in ((NEAR_DUE_BACKGROUND, self.tr("at most 1 working day left")),
                             (OVERDUE_BACKGROUND, self.tr("past the original due date"))):
            chip = QLabel(text, self)
            chip.setStyleSheet(f"background: {colour.name()}; padding: 2px 8px; border-radius: 3px;")
            legend.addWidget(chip)
        keys = QLabel(self.tr("Enter: actions · 1–9: action · F5: refresh"), self)
        set_colour(keys, "#555555")
        legend.addWidget(keys)
        legend.addStretch(1)
        legend.addWidget(self.updated)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(scan_label, 0, Qt.AlignTop)
        top.addWidget(self.scan_field, 0, Qt.AlignTop)
        top.addWidget(self.scan_button, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(legend)
        self._show_counts(None)
        self._update_buttons()

    # --- refresh ---------------------------------------------------------------------------------
    def _read(self) -> InboxSnapshot:
        """Runs on the database lane."""
        wanted_filter = self.filter  # a str: read once, the GUI thread may change it meanwhile
        view = self._reads.inbox_view(self._user, self._department_id, filter=wanted_filter)
        return InboxSnapshot(view.now, list(view.rows), view.department_name, view.counts, wanted_filter)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.poll.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.poll.stop()

    def refresh(self) -> None:
        self.poll.refresh_now()

    def focus_first(self) -> None:
        self.table.setFocus(Qt.OtherFocusReason)

    def _on_poll_updated(self, snapshot: InboxSnapshot) -> None:
        self.snapshot = snapshot
        if snapshot.department_name:
            self.title.setText(self.tr("Inbox — {department}").format(department=snapshot.department_name))
        self._show_counts(snapshot.counts)
        self._show_rows()
        updated = self.tr("Updated {time}").format(time=snapshot.now.strftime("%H:%M:%S"))
        total = getattr(snapshot.counts, snapshot.filter) if snapshot.counts else len(snapshot.rows)
        if total > len(snapshot.rows):
            updated = self.tr("The {shown} most urgent of {total} · ").format(shown=len(snapshot.rows), total=total) + updated
        self.updated.setText(updated)

    def _show_counts(self, counts: InboxCounts | None) -> None:
        names = {ALL: self.tr("&All"), NEAR_DUE: self.tr("&Near due"), OVERDUE: self.tr("&Overdue"),
                 NEEDS_APOLOGY: self.tr("Needs a&pology"), TRANSIT: self.tr("&Waiting for confirmation")}
        for key, button in self.filter_buttons.items():
            button.setText(f"{names[key]} ({getattr(counts, key) if counts else 0})")

    def set_filter(self, key: str) -> None:
        """Show the filter's rows now from what is on screen, and read its most urgent ones."""
        self.filter = key
        self.filter_buttons[key].setChecked(True)
        self._show_rows()
        self.table.setFocus(Qt.OtherFocusReason)
        self.refresh()

    def _show_rows(self) -> None:
        """The snapshot's rows under the filter, keeping the selected dossier (or its place) selected."""
        selected = self.selected_row()
        place = self.table.currentIndex().row()
        rows = [r for r in (self.snapshot.rows if self.snapshot else []) if r.matches(self.filter)]
        self.model.set_rows(rows)
        row = self.model.row_of(selected.code) if selected else -1
        if row < 0 and rows and place >= 0:
            row = min(place, len(rows) - 1)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    # --- selection and actions -------------------------------------------------------------------
    def selected_row(self) -> InboxRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_code(self, code: str) -> bool:
        """Select dossier `code` in the current filter; False when it is not listed."""
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_buttons(self, *_args) -> None:
        row = self.selected_row()
        for action, button in self.action_buttons.items():
            button.setEnabled(row is not None and allows(row, action))

    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.open_menu()

    def open_menu(self) -> None:
        """The selected dossier's actions (those not possible now greyed out), by digit or arrows."""
        row = self.selected_row()
        if row is None:
            self.say(self.tr("Choose a dossier first."), error=True)
            return
        menu = QMenu(self)
        menu.setObjectName("inbox.menu")
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.setFont(self.font())
        for action, key in ACTION_KEYS:
            item = menu.addAction(f"&{key}  {self.presenter.texts[action]}")
            item.setObjectName(f"inbox.menu.{action.value}")
            item.setEnabled(allows(row, action))
            item.triggered.connect(lambda _checked=False, a=action: self.run_action(a))
        menu.aboutToHide.connect(lambda: setattr(self, "menu", None))
        self.menu = menu
        rect = self.table.visualRect(self.table.currentIndex())
        menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def run_action(self, action: Action) -> None:
        """Run `action` on the selected dossier (a form first where it needs one)."""
        self.presenter.run(action, self.selected_row())

    @property
    def dialog(self) -> InboxFormDialog | None:
        """The form open now, if any."""
        return self.presenter.dialog

    # --- hand-over list ---------------------------------------------------------------------------
    def accept_list(self) -> None:
        """Confirm every dossier of the scanned hand-over list that still waits for confirmation."""
        number = self.scan.text().strip().upper()
        self.scan_field.clear_error()
        if not number:
            self.scan_field.set_error(self.tr("Scan or type the number of the hand-over list."))
            return

        def done(results: list[ActionResult]) -> None:
            self.scan.clear()
            self.say(self.tr("List {list}: %n dossier(s) confirmed.", "", len(results)).format(list=number))
            self.refresh()

        def failed(error: BaseException) -> None:
            self.scan_field.set_error(translate_message(error.message) if isinstance(error, ServiceError) else str(error))
            self.scan.selectAll()
            self.scan.setFocus(Qt.OtherFocusReason)

        self._runner.submit(lambda: self._tracking.accept_list(number, self._user), done, failed, lane=DATABASE)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_colour(self.message, ERROR_COLOUR if error else "#1b5e20")
