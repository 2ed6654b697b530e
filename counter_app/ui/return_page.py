"""Return page: scan the receipt (its QR or barcode), check who collects the result, record when
and how it is returned (status 10), take back Mẫu 01 and print the acknowledgement. The same scan
serves the other counter actions on an open dossier: "supplement received" (status 5 → 4), "fees
paid" (status 6 → 4: the applicant brings the receipt of the fees or taxes; the paused clock runs
again) and the applicant's withdrawal (status 7, with the reason they give).

objectNames (every input's error label is `<name>.error`): docs/ui-object-names.md, "Return of results".
Keys: Enter in the scan box looks the code up; Enter on a waiting result opens it; Ctrl+Enter
returns the result; F5 re-reads the waiting results; Alt+P / Alt+U applicant / authorised person.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counter_app.context import Context
from counter_app.i18n import translate_message
from counter_app.services.auth import UserInfo
from counter_app.services.dossiers import DossierDetail
from counter_app.services.errors import NotFound, ValidationFailed
from counter_app.services.lifecycle import OPEN
from counter_app.services.status import Status
from counter_app.services.tracking import ActionResult, Collector, ReturnMethod
from counter_app.ui import labels
from counter_app.ui.detail_widgets import plain_table
from counter_app.ui.field_error import FieldWithError, SummaryMessage, named_button, set_colour, set_font
from counter_app.ui.handover_models import READY_APPLICANT, READY_PROCEDURE, ReadyTableModel
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.return_widgets import (
    CollectorForm, DossierSummary, ReturnHowForm, WithdrawDialog, code_from_scan, move_focus_out,
)
from counter_app.ui.task_runner import DATABASE, TaskRunner
from counter_app.ui.tracking_widgets import PAGE_POINT_SIZE, RefreshOnF5, error_text, show_message

RETURN_PRINT = "return"


class ReturnPage(RefreshOnF5, QWidget):
    """Every read and write runs on the database lane; a dossier answer for an older scan than the
    latest is dropped. The service checks the collector, the status and the role and writes
    nothing on refusal: its field messages go under the fields (`collector.*`, `return.note`),
    the rest on the message line, and what was typed stays. After a return the acknowledgement
    is printed through `PrintOutput` (kind "return", the dossier code); a printer failure never
    undoes the return. GUI thread only.

    Signals: `result_returned(code)`, `dossier_changed(code)` (after any action on the dossier)."""

    result_returned = Signal(str)
    dossier_changed = Signal(str)

    def __init__(self, ctx: Context, runner: TaskRunner, user: UserInfo, print_output: PrintOutput,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("return.page")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PAGE_POINT_SIZE))
        self.setFont(font)
        self._ctx, self._runner, self._user, self._print_output = ctx, runner, user, print_output
        self._generation = 0
        self._busy = False
        self.current: DossierDetail | None = None
        self.dialog: WithdrawDialog | None = None  # the withdrawal dialog open now (tests drive it)
        self._build()
        self._show_dossier(None)

    # --- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        scan = QLineEdit(self)
        scan.setObjectName("return.scan")
        scan.setPlaceholderText(self.tr("Scan the receipt's QR code or barcode, or type the dossier code, then Enter"))
        scan.setClearButtonEnabled(True)
        set_font(scan, point_size=PAGE_POINT_SIZE + 3)
        scan.setMinimumHeight(36)
        scan.returnPressed.connect(self.look_up)
        self.scan = FieldWithError(scan, self)
        self.find_button = named_button(self, "return.find", self.tr("Look up"))
        self.find_button.clicked.connect(self.look_up)

        self.waiting_model = ReadyTableModel(self)
        self.waiting = plain_table(self, "return.waiting", self.waiting_model, READY_PROCEDURE)
        self.waiting.activated.connect(self._on_waiting_activated)  # Enter and double-click
        self.refresh_button = named_button(self, "return.refresh", self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)

        self.summary = DossierSummary(self)
        self.collector = CollectorForm(self)
        self.how = ReturnHowForm(self)
        self.how.counter_chosen.connect(self._on_how_counter_chosen)
        self.submit = named_button(self, "return.submit", self.tr("Return result  (Ctrl+Enter)"))
        set_font(self.submit, bold=True)
        self.submit.setMinimumHeight(38)
        self.submit.clicked.connect(self.return_result)
        self.supplement_button = named_button(self, "return.supplement_received", self.tr("&Supplement received"))
        self.supplement_button.clicked.connect(self.supplement_received)
        self.fees_button = named_button(self, "return.fees_paid", self.tr("&Fees paid"))
        self.fees_button.clicked.connect(self.fees_paid)
        self.withdraw_button = named_button(self, "return.withdraw", self.tr("Wit&hdraw…"))
        self.withdraw_button.clicked.connect(self.open_withdraw)
        self.message = QLabel(self)
        self.message.setObjectName("return.message")
        self.message.setWordWrap(True)
        set_font(self.message, bold=True)
        self.field_summary = SummaryMessage(self._return_fields().values(), self.message.text, lambda: self.show_message(""), self)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("return.outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextSelectableByMouse)
        set_colour(self.outcome, "#0b3d91")
        set_font(self.outcome, bold=True, point_size=PAGE_POINT_SIZE + 2)
        self._lay_out(scan)

    def _lay_out(self, scan: QLineEdit) -> None:
        scan_label = QLabel(self.tr("Sc&an:"), self)
        scan_label.setBuddy(scan)
        top = QHBoxLayout()
        top.addWidget(scan_label)
        top.addWidget(self.scan, 1)
        top.addWidget(self.find_button)

        waiting_box = QWidget(self)
        left = QVBoxLayout(waiting_box)
        left.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Results &waiting to be collected"), waiting_box)
        heading.setBuddy(self.waiting)
        set_font(heading, bold=True, point_size=PAGE_POINT_SIZE + 1)
        row = QHBoxLayout()
        row.addWidget(heading, 1)
        row.addWidget(self.refresh_button)
        left.addLayout(row)
        left.addWidget(self.waiting, 1)

        panel = QFrame(self)
        panel.setFrameShape(QFrame.StyledPanel)
        right = QVBoxLayout(panel)
        right.addWidget(self.summary)
        collector_heading = QLabel(self.tr("Who collects the result"), panel)
        set_font(collector_heading, bold=True)
        right.addWidget(collector_heading)
        right.addWidget(self.collector)
        right.addWidget(self.how)
        right.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.supplement_button)
        buttons.addWidget(self.fees_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        right.addLayout(buttons)

        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(waiting_box)
        split.addWidget(panel)
        split.setSizes([560, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.outcome)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.return_result)
        chain = [scan, self.find_button, *self.collector.focus_chain(), *self.how.focus_chain(), self.submit,
                 self.supplement_button, self.fees_button, self.withdraw_button, self.waiting, self.refresh_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- keys and showing --------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def focus_first(self) -> None:
        self.scan.input.setFocus(Qt.OtherFocusReason)
        self.scan.input.selectAll()

    # --- reading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the results waiting (database lane)."""
        self._runner.submit(self._ctx.tracking_reads.ready_for_return, self._on_waiting_read,
                            lambda error: self.show_message(self.tr("The waiting results could not be read: {reason}")
                                                            .format(reason=error_text(error)), "error"), lane=DATABASE)

    def _on_waiting_read(self, rows) -> None:
        self.waiting_model.set_rows(rows)
        self.waiting.resizeColumnToContents(READY_APPLICANT)

    def look_up(self) -> None:
        """Open the dossier whose code (or tracking URL) is in the scan box."""
        code = code_from_scan(self.scan.input.text())
        if not code:
            self.scan.set_error(self.tr("Scan the receipt, or type the dossier code."))
            return
        self.scan.clear_error()
        self.open_code(code)

    def open_code(self, code: str, *, keep_message: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        self._runner.submit(lambda: self._ctx.dossiers.dossier(code),
                            lambda detail: self._on_loaded(generation, detail, keep_message),
                            lambda error: self._on_load_failed(generation, code, error), lane=DATABASE)

    def _on_waiting_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            code = self.waiting_model.code(index.row())
            self.scan.input.setText(code)
            self.open_code(code)

    def _on_loaded(self, generation: int, detail: DossierDetail, keep_message: bool) -> None:
        if generation != self._generation:
            return
        changed = self.current is None or self.current.code != detail.code
        self._show_dossier(detail)
        self.scan.input.setText(detail.code)  # the code, not the whole URL a QR gave
        if changed:
            self.collector.reset()
            self.how.reset()
        if not keep_message:
            self.show_message("")
        if detail.status == Status.RESULT_READY:
            self.collector.first_input().setFocus(Qt.OtherFocusReason)
        else:
            self.focus_first()

    def _on_load_failed(self, generation: int, code: str, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._show_dossier(None)
        if isinstance(error, NotFound):
            self.scan.set_error(translate_message(error.message))
        else:
            self.scan.set_error(self.tr("Could not open {code}: {reason}").format(code=code, reason=error_text(error)))
        self.focus_first()

    def _show_dossier(self, detail: DossierDetail | None) -> None:
        self.current = detail
        self.summary.set_detail(detail)
        self.collector.set_dossier(detail)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.current.status if self.current is not None else None
        idle = not self._busy
        self.submit.setEnabled(idle and status == Status.RESULT_READY)
        self.supplement_button.setEnabled(idle and status == Status.SUPPLEMENT_REQUESTED)
        self.fees_button.setEnabled(idle and status == Status.AWAITING_FEES)
        self.withdraw_button.setEnabled(idle and status is not None and Status(status) in OPEN)

    def _on_how_counter_chosen(self, counter: bool) -> None:
        # Only at the counter does someone stand there to be checked (the service checks no one else).
        if not counter:
            move_focus_out(self.collector, self.how.method)
        self.collector.setEnabled(counter)

    # --- actions ------------------------------------------------------------------------------------
    def return_result(self) -> None:
        """Hand the result over (database lane), then print the acknowledgement."""
        if self._busy or self.current is None or not self.submit.isEnabled():
            if self.current is None:
                self.scan.set_error(self.tr("Scan the receipt first."))
                self.focus_first()
            return
        code, collector, method = self.current.code, self.collector.collector(), self.how.chosen()
        note, taken_back = self.how.note.input.text(), self.how.receipt_taken_back.isChecked()
        how_text = self.how.method.currentText()
        self.collector.clear_errors()
        self.how.note.clear_error()
        self._run(lambda: self._ctx.tracking.return_result(code, self._user, collector, method.value, note, taken_back),
                  lambda result: self._on_returned(result, collector if method is ReturnMethod.COUNTER else None, how_text),
                  self._on_return_failed)

    def _on_returned(self, result: ActionResult, who: Collector | None, how_text: str) -> None:
        self._finish_action(result)
        text = self.tr("Result of {code} returned ({method}) at {time}.").format(
            code=result.code, method=how_text, time=result.at.strftime("%H:%M"))
        if who is not None and who.authorised:
            text += " " + self.tr("Collected by {name} (authorised).").format(name=who.name.strip())
        self.outcome.setText(text)
        self.show_message(self.tr("Returned; printing the acknowledgement…"), "success")
        self.result_returned.emit(result.code)
        self._print_output.print_document(
            RETURN_PRINT, result.code, self,
            on_done=lambda target: self.show_message(
                self.tr("Acknowledgement printed → {target}").format(target=target), "success"),
            on_error=lambda reason: self.show_message(
                self.tr("The result is recorded as returned, but printing the acknowledgement failed: {reason}").format(
                    reason=reason), "error"))
        self.collector.reset()
        self.focus_first()  # the next applicant's receipt: a scan replaces the selected code

    def _on_return_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, ValidationFailed):
            self.show_message(self.tr("Not returned: {reason}").format(reason=error_text(error)), "error")
            return
        fields = self._return_fields()
        loose, first = [], None
        for name, message in error.by_field().items():
            field = fields.get(name)
            if field is None:
                loose.append(translate_message(message))
                continue
            field.set_error(translate_message(message))
            first = first or field
        summary = "\n".join([self.tr("Not returned. Correct the fields marked in red."), *loose])
        self.show_message(summary, "error")
        if not loose:  # a message with no field to correct stays until the next attempt
            self.field_summary.shown(summary)
        if first is not None:
            first.input.setFocus(Qt.OtherFocusReason)

    def _return_fields(self) -> dict[str, FieldWithError]:
        return {**self.collector.fields, "return.note": self.how.note}

    def supplement_received(self) -> None:
        """The applicant brought the missing documents: the dossier goes back to processing."""
        self._resume(Status.SUPPLEMENT_REQUESTED, self._ctx.tracking.supplement_received,
                     self.tr("Supplement of {code} received; due now {due}."))

    def fees_paid(self) -> None:
        """The applicant paid the fees or taxes: processing resumes, the due date moved on by the pause."""
        self._resume(Status.AWAITING_FEES, self._ctx.tracking.fees_paid, self.tr("Fees of {code} paid; due now {due}."))

    def _resume(self, status: Status, act, outcome: str) -> None:
        """What the applicant owed is here: `act(code, user)` on the database lane, then `outcome`."""
        if self._busy or self.current is None or self.current.status != status:
            return
        code = self.current.code

        def done(result: ActionResult) -> None:
            self._finish_action(result)
            self.outcome.setText(outcome.format(code=code, due=labels.when(result.due_at)))
            self.show_message("")

        self._run(lambda: act(code, self._user), done, self._on_action_failed)

    def open_withdraw(self) -> None:
        if self.current is None or not self.withdraw_button.isEnabled():
            return
        code = self.current.code
        self.dialog = WithdrawDialog(code, self)
        self.dialog.submitted.connect(lambda values: self._withdraw(code, values["reason"]))
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()

    def _withdraw(self, code: str, reason: str) -> None:
        dialog = self.dialog

        def done(result: ActionResult) -> None:
            if dialog is not None:
                dialog.accept()
            self._finish_action(result)
            self.outcome.setText(self.tr("Dossier {code} withdrawn at the applicant's request.").format(code=code))
            self.show_message("")

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if dialog is not None:
                message = error.by_field().get("reason") if isinstance(error, ValidationFailed) else None
                dialog.refuse(translate_message(message) if message is not None else error_text(error))

        self._run(lambda: self._ctx.tracking.withdraw(code, self._user, reason), done, failed)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self.focus_first()

    def _on_action_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_message(self.tr("Not done: {reason}").format(reason=error_text(error)), "error")

    def _run(self, fn, on_done, on_error) -> None:
        self._set_busy(True)
        self._runner.submit(fn, on_done, on_error, lane=DATABASE)

    def _finish_action(self, result: ActionResult) -> None:
        """After any action: the new status on screen, the waiting list re-read."""
        self._set_busy(False)
        self.dossier_changed.emit(result.code)
        self.open_code(result.code, keep_message=True)
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def show_message(self, text: str, kind: str = "info") -> None:
        show_message(self.message, text, kind)
