"""Hand-over page: a reception officer ticks the received paper dossiers waiting for one department
and hands them over with one printed list; the department confirms receipt in its inbox.

Paper dossiers go the same working day, or by the next morning when received after 15:00: each
row shows its deadline, and rows past it are red and flagged "Late" (the service marks them late
on the list too).

objectNames: `handover.page`, `handover.department`, `handover.refresh`, `handover.table`
(error label `handover.table.error`), `handover.tick_all`, `handover.summary`, `handover.note`
(`handover.note.error`), `handover.submit`, `handover.message`, `handover.outcome`,
`handover.reprint`.
Keys: Space ticks / unticks the selected rows, Ctrl+A ticks all (again: unticks all), Ctrl+Enter
hands over and prints, F5 re-reads the queue, Alt+D the department.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.context import Context
from counter_app.i18n import translate_message
from counter_app.services.auth import UserInfo
from counter_app.services.errors import ValidationFailed
from counter_app.services.tracking import HandoverResult
from counter_app.services.tracking_reads import DepartmentInfo, QueueRow
from counter_app.ui.detail_widgets import plain_table
from counter_app.ui.field_error import FieldWithError, named_button, named_label, set_font
from counter_app.ui.handover_models import COL_APPLICANT, COL_CODE, COL_PROCEDURE, HandoverTableModel
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.task_runner import DATABASE, TaskRunner
from counter_app.ui.tracking_widgets import PAGE_POINT_SIZE, RefreshOnF5, error_text, show_message

EMPHASIS_COLOUR = "#0b3d91"
HANDOVER_PRINT = "handover"


class CheckTable(QTableView):
    """A table whose rows are ticked from the keyboard: Space toggles the selected rows (or the
    current one), Ctrl+A toggles all. The model must be a `HandoverTableModel`."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        model: HandoverTableModel = self.model()
        if event.key() == Qt.Key_Space and event.modifiers() == Qt.NoModifier:
            rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
            if not rows and self.currentIndex().isValid():
                rows = [self.currentIndex().row()]
            model.toggle(rows)
            return
        if event.matches(QKeySequence.SelectAll):
            model.toggle_all()
            return
        super().keyPressEvent(event)


class HandoverPage(RefreshOnF5, QWidget):
    """Reads (departments and the whole hand-over queue, one read for the counts and the rows) and
    the hand-over itself run on the database lane; an answer to an older read than the latest is
    dropped. The service decides (role, one department, not already sent) and writes nothing on
    refusal; the refusal is shown next to the table or on the message line, and the ticks stay.
    After a hand-over the list is printed through `PrintOutput` (kind "handover", the list number):
    a printer failure never undoes the hand-over, and the last list can be reprinted.
    GUI thread only. Signal `handed_over(list_number)`."""

    handed_over = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner, user: UserInfo, print_output: PrintOutput,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handover.page")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PAGE_POINT_SIZE))
        self.setFont(font)
        self._tracking, self._reads = ctx.tracking, ctx.tracking_reads
        self._runner, self._user, self._print_output = runner, user, print_output
        self._generation = 0
        self._queue: list[QueueRow] = []
        self._departments: list[DepartmentInfo] = []
        self._busy = False
        self._chosen: str | None = None  # the department the officer chose (or last handed over to)
        self.last_result: HandoverResult | None = None
        self._build()

    # --- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.department = QComboBox(self)
        self.department.setObjectName("handover.department")
        self.department.setMinimumContentsLength(30)
        self.department.currentIndexChanged.connect(self._on_department_changed)
        self.refresh_button = named_button(self, "handover.refresh", self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)

        self.model = HandoverTableModel(self)
        self.model.checked_changed.connect(self._on_model_checked_changed)
        self.table = plain_table(self, "handover.table", self.model, COL_PROCEDURE, table=CheckTable(self))
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)  # Shift+arrows, then Space ticks them all
        self.table_field = FieldWithError(self.table, self)

        self.tick_all = named_button(self, "handover.tick_all", self.tr("Tick &all (Ctrl+A)"))
        self.tick_all.clicked.connect(self.model.toggle_all)
        self.summary = named_label(self, "handover.summary")
        note = QLineEdit(self)
        note.setObjectName("handover.note")
        note.setMaxLength(500)
        set_font(note, point_size=note.font().pointSizeF())  # FieldWithError's style sheet swap would drop it
        note.setPlaceholderText(self.tr("optional: what the department should know about this list"))
        self.note = FieldWithError(note, self)
        self.submit = named_button(self, "handover.submit", self.tr("Hand over and print list  (Ctrl+Enter)"))
        set_font(self.submit, bold=True)
        self.submit.setMinimumHeight(38)
        self.submit.clicked.connect(self.hand_over)
        self.message = named_label(self, "handover.message")
        set_font(self.message, bold=True)
        self.outcome = named_label(self, "handover.outcome", EMPHASIS_COLOUR)
        set_font(self.outcome, bold=True, point_size=PAGE_POINT_SIZE + 3)
        self.outcome.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.reprint = named_button(self, "handover.reprint", self.tr("&Reprint last list"))
        self.reprint.setEnabled(False)
        self.reprint.clicked.connect(self.reprint_last)

        heading = QLabel(self.tr("Hand received dossiers over to a department"), self)
        set_font(heading, bold=True, point_size=PAGE_POINT_SIZE + 2)
        hint = QLabel(self.tr("Paper dossiers go the same working day, or the next morning when received after the "
                              "afternoon cutoff (usually 15:00). Red rows are past that deadline."), self)
        hint.setWordWrap(True)
        department_label = QLabel(self.tr("&Department:"), self)
        department_label.setBuddy(self.department)
        top = QHBoxLayout()
        top.addWidget(department_label)
        top.addWidget(self.department, 1)
        top.addWidget(self.refresh_button)
        ticks = QHBoxLayout()
        ticks.addWidget(self.tick_all)
        ticks.addWidget(self.summary, 1)
        note_label = QLabel(self.tr("&Note on the list:"), self)
        note_label.setBuddy(note)
        bottom = QHBoxLayout()
        bottom.addWidget(note_label)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.submit)
        last = QHBoxLayout()
        last.addWidget(self.outcome, 1)
        last.addWidget(self.reprint)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.table_field, 1)
        layout.addLayout(ticks)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addLayout(last)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.hand_over)
        QWidget.setTabOrder(self.department, self.table)
        QWidget.setTabOrder(self.table, self.tick_all)
        QWidget.setTabOrder(self.tick_all, note)
        QWidget.setTabOrder(note, self.submit)
        self._show_summary()

    # --- keys: F5 belongs to this page while the focus is in it ------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()  # the queue changes at every intake: read it whenever the page comes forward

    # --- reading -------------------------------------------------------------------------------
    def focus_first(self) -> None:
        self.table.setFocus(Qt.OtherFocusReason)

    def refresh(self) -> None:
        """Re-read the departments and the queue (database lane); ticks and the department stay."""
        self._generation += 1
        generation = self._generation
        self._runner.submit(lambda: (self._reads.departments(), self._reads.handover_queue()),
                            lambda read: self._on_read(generation, *read),
                            lambda error: self._on_read_failed(generation, error), lane=DATABASE)

    def _on_read(self, generation: int, departments: list[DepartmentInfo], queue: list[QueueRow]) -> None:
        if generation != self._generation:
            return
        self._departments, self._queue = departments, queue
        waiting = Counter(r.department_id for r in queue)
        late = Counter(r.department_id for r in queue if r.late)
        # Until the officer chooses, show the department of the oldest waiting dossier.
        wanted = self._chosen or (queue[0].department_id if queue else None)
        self.department.blockSignals(True)
        self.department.clear()
        for info in departments:
            if late[info.id]:
                text = self.tr("{name} — {n} waiting, {late} late").format(name=info.name, n=waiting[info.id],
                                                                             late=late[info.id])
            else:
                text = self.tr("{name} — {n} waiting").format(name=info.name, n=waiting[info.id])
            self.department.addItem(text, info.id)
        index = self.department.findData(wanted) if wanted else -1
        self.department.setCurrentIndex(max(index, 0) if departments else -1)
        self.department.blockSignals(False)
        self._show_rows()

    def _on_read_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.show_message(self.tr("The queue could not be read: {reason}").format(reason=error_text(error)), "error")

    def _on_department_changed(self, _index: int) -> None:
        self._chosen = self.department.currentData()  # only the officer's changes: the refill blocks signals
        self.table_field.clear_error()
        self._show_rows()

    def _show_rows(self) -> None:
        department_id = self.department.currentData()
        rows = [r for r in self._queue if r.department_id == department_id]
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(COL_CODE)
        self.table.resizeColumnToContents(COL_APPLICANT)
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COL_CODE))

    def select_department(self, code: str) -> bool:
        """Show the queue of the department with this code ("STP"); False when unknown."""
        for info in self._departments:
            if info.code == code:
                self.department.setCurrentIndex(self.department.findData(info.id))
                return True
        return False

    def _on_model_checked_changed(self) -> None:
        if self.model.checked_codes():
            self.table_field.clear_error()
        self._show_summary()

    def _show_summary(self) -> None:
        ticked, total, late = len(self.model.checked_codes()), self.model.rowCount(), self.model.checked_late()
        if not total:
            self.summary.setText(self.tr("No dossier waits for this department."))
            return
        text = self.tr("{ticked} of {total} ticked").format(ticked=ticked, total=total)
        if late:
            text += " " + self.tr("({late} late)").format(late=late)
        self.summary.setText(text)

    # --- the hand-over ---------------------------------------------------------------------------
    def hand_over(self) -> None:
        """Hand the ticked dossiers over (database lane), then print the list."""
        if self._busy:
            return
        codes = self.model.checked_codes()
        note = self.note.input.text()
        self.table_field.clear_error()
        self.note.clear_error()
        self._set_busy(True)
        self.show_message(self.tr("Handing over…"))
        self._runner.submit(lambda: self._tracking.hand_over(codes, self._user, note), self._on_handed_over,
                            self._on_hand_over_failed, lane=DATABASE)

    def _on_handed_over(self, result: HandoverResult) -> None:
        self._set_busy(False)
        self.last_result = result
        self._chosen = result.department_id  # stay on it: the officer sees what is left
        text = self.tr("List {number}: {n} dossier(s) handed over to {department}.").format(
            number=result.list_number, n=len(result.codes), department=result.department_name)
        if result.late_codes:
            text += " " + self.tr("Late: {codes}.").format(codes=", ".join(result.late_codes))
        self.outcome.setText(text)
        self.reprint.setEnabled(True)
        self.note.input.clear()
        self.show_message(self.tr("Handed over; printing the list…"), "success")
        self.handed_over.emit(result.list_number)
        self._print(result.list_number)
        self.refresh()
        self.table.setFocus(Qt.OtherFocusReason)

    def _on_hand_over_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            loose = []
            for field, message in error.by_field().items():
                target = {"handover.dossiers": self.table_field, "note": self.note}.get(field)
                if target is None:
                    loose.append(translate_message(message))
                else:
                    target.set_error(translate_message(message))
            self.show_message("\n".join([self.tr("Nothing was handed over."), *loose]), "error")
            (self.table if self.table_field.error() else self.note.input).setFocus(Qt.OtherFocusReason)
            return
        self.show_message(self.tr("Nothing was handed over: {reason}").format(reason=error_text(error)), "error")

    def reprint_last(self) -> None:
        if self.last_result is not None:
            self._print(self.last_result.list_number)

    def _print(self, number: str) -> None:
        self._print_output.print_document(
            HANDOVER_PRINT, number, self,
            on_done=lambda target: self.show_message(
                self.tr("List {number} printed → {target}").format(number=number, target=target), "success"),
            on_error=lambda reason: self.show_message(
                self.tr("List {number} is saved, but printing failed: {reason}. Use “Reprint last list”.").format(
                    number=number, reason=reason), "error"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit.setEnabled(not busy)

    def show_message(self, text: str, kind: str = "info") -> None:
        show_message(self.message, text, kind)
