"""The reception page: pick a procedure, identify the applicant, tick the documents, then receive
the dossier (Mẫu 01), request a supplement (Mẫu 02) or refuse (Mẫu 03).

objectNames: `intake.procedure_search`, `intake.procedure_list`, `intake.procedure_name`,
`intake.procedure_details`, `intake.due_time`, the applicant fields (see `applicant_form`),
`intake.documents` (rows: see `document_checklist`), `intake.tick_all`, `intake.sets`,
`intake.return_method`, `intake.notes`, `intake.previous_guidance`, `intake.message`,
`intake.outcome`, `intake.receive`, `intake.supplement`, `intake.refuse`, `intake.show_last`,
`intake.serving` (the walk-in ticket being served, from the queue panel);
each field's error label is `<field objectName>.error`.
Keys: Enter in the search picks the highlighted procedure; Ctrl+Enter receives; Ctrl+Shift+S
requests a supplement; Ctrl+Shift+R refuses; Esc clears the search.

Guarantees: the page only shows and collects; decisions are the presenter's; GUI thread only.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.context import Context
from counter_app.services.auth import UserInfo
from counter_app.services.intake_input import MAX_SETS, RETURN_METHODS, IntakeInput
from counter_app.ui.applicant_form import ApplicantForm
from counter_app.ui.document_checklist import DocumentChecklist
from counter_app.ui.field_error import FieldWithError, SummaryMessage, named_button, named_label, set_colour, set_font
from counter_app.ui.intake_presenter import RECEIPT, SUPPLEMENT, IntakePresenter
from counter_app.ui.labels import limit_label, money, return_method_label
from counter_app.ui.procedure_picker import ProcedurePicker
from counter_app.ui.task_runner import TaskRunner

# Colours only: font rules in a style sheet would detach a label from the page's larger font.
MESSAGE_COLOURS = {"info": "#1a1a1a", "success": "#1b5e20", "error": "#b00020"}
BANNER_STYLE = "background: #fff4ce; border: 1px solid #c9a400; border-radius: 4px; padding: 6px; color: #3d3000;"
EMPHASIS_COLOUR = "#0b3d91"
PAGE_POINT_SIZE = 11.0


class IntakePage(QWidget):
    """Signals: `dossier_received(code)`, `dossier_saved(dossier_id, code)` (the same moment, for
    the queue panel to link the dossier to the ticket served), `slip_issued(kind, number)`."""

    dossier_received = Signal(str)
    dossier_saved = Signal(str, str)
    slip_issued = Signal(str, str)

    def __init__(self, ctx: Context, runner: TaskRunner, user: UserInfo, print_output, parent: QWidget | None = None,
                 *, intake_dialogs=None):
        super().__init__(parent)
        self.setObjectName("intake.page")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PAGE_POINT_SIZE))  # read at arm's length, often by two people
        self.setFont(font)
        self._build()
        self.presenter = IntakePresenter(self, ctx, runner, user, print_output, intake_dialogs)
        self._connect()
        self.presenter.load_catalogue()

    # --- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.picker = ProcedurePicker(self)
        self.search_field = self.picker.search_field
        self.procedure_name = named_label(self, "intake.procedure_name")
        set_font(self.procedure_name, bold=True)
        self.procedure_details = named_label(self, "intake.procedure_details")
        self.due_time = named_label(self, "intake.due_time", colour=EMPHASIS_COLOUR)
        set_font(self.due_time, bold=True, point_size=PAGE_POINT_SIZE + 3)
        self.applicant = ApplicantForm(self)
        self.tick_all = QPushButton(self.tr("&Tick all received"), self)
        self.tick_all.setObjectName("intake.tick_all")
        self.checklist = DocumentChecklist(self)
        self.sets = QSpinBox(self)
        self.sets.setObjectName("intake.sets")
        self.sets.setRange(1, MAX_SETS)
        self.return_method = QComboBox(self)
        self.return_method.setObjectName("intake.return_method")
        for method in RETURN_METHODS:
            self.return_method.addItem(return_method_label(method), method)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("intake.notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.guidance = named_label(self, "intake.previous_guidance")
        self.guidance.setStyleSheet(BANNER_STYLE)
        set_font(self.guidance, point_size=PAGE_POINT_SIZE)  # explicit: a style-sheeted label ignores the page font
        self.guidance.hide()
        self.message = named_label(self, "intake.message")
        set_font(self.message, bold=True)
        self.serving = named_label(self, "intake.serving", colour=EMPHASIS_COLOUR)
        set_font(self.serving, bold=True, point_size=PAGE_POINT_SIZE + 1)
        self.serving.hide()
        self.outcome = named_label(self, "intake.outcome", colour=EMPHASIS_COLOUR)
        set_font(self.outcome, bold=True, point_size=PAGE_POINT_SIZE + 5)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receive_button = named_button(self, "intake.receive", self.tr("Receive dossier  (Ctrl+Enter)"))
        set_font(self.receive_button, bold=True)
        self.receive_button.setMinimumHeight(38)
        self.supplement_button = named_button(self, "intake.supplement", self.tr("Request supplement  (Ctrl+Shift+S)"))
        self.refuse_button = named_button(self, "intake.refuse", self.tr("Refuse  (Ctrl+Shift+R)"))
        self.show_last_button = named_button(self, "intake.show_last", self.tr("Show last form"))
        self.show_last_button.setEnabled(False)

        self.fields: dict[str, FieldWithError] = {"procedure": self.search_field, **self.applicant.fields}
        for name, widget in (("documents", self.checklist), ("sets", self.sets),
                             ("return_method", self.return_method), ("notes", self.notes)):
            self.fields[name] = FieldWithError(widget)
        self.field_summary = SummaryMessage(self.fields.values(), self.message.text, lambda: self.show_message(""), self)
        self._lay_out()

    def _lay_out(self) -> None:
        search_label = QLabel(self.tr("&Procedure (type words of its name or code):"))
        search_label.setBuddy(self.picker.search)
        left = self._column(self.tr("1. Procedure"), search_label, (self.picker, 1), self.procedure_name,
                            self.due_time, self.procedure_details)
        # The applicant form scrolls rather than push the page past a 768-pixel screen when
        # messages and the representative's fields are all open.
        scroller = self.applicant_scroll = QScrollArea(self)
        scroller.setObjectName("intake.applicant_scroll")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.applicant)
        middle = self._column(self.tr("2. Applicant"), (scroller, 1))
        extra = QFormLayout()
        for text, key in ((self.tr("Number of &sets:"), "sets"), (self.tr("Result &collected:"), "return_method"),
                          (self.tr("N&otes:"), "notes")):
            label = QLabel(text)
            label.setBuddy(self.fields[key].input)
            extra.addRow(label, self.fields[key])
        right = self._column(self.tr("3. Documents"), self.tick_all, (self.fields["documents"], 1), extra)
        columns = QHBoxLayout()
        columns.addWidget(left, 14)
        columns.addWidget(middle, 10)
        columns.addWidget(right, 11)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.show_last_button, self.refuse_button, self.supplement_button, self.receive_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.serving)
        layout.addLayout(columns, 1)
        layout.addWidget(self.guidance)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)

    def _column(self, title: str, *items) -> QFrame:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        heading = QLabel(title, box)
        set_font(heading, bold=True, point_size=PAGE_POINT_SIZE + 1)
        column.addWidget(heading)
        for item in items:
            widget, stretch = item if isinstance(item, tuple) else (item, 0)
            if isinstance(widget, QWidget):
                column.addWidget(widget, stretch)
            else:
                column.addLayout(widget, stretch)
        return box

    def _connect(self) -> None:
        p = self.presenter
        self.picker.procedure_chosen.connect(self._on_procedure_chosen)
        self.picker.procedure_cleared.connect(lambda: self._on_procedure_chosen(None))
        self.picker.choice_confirmed.connect(lambda: self.applicant.name.setFocus(Qt.FocusReason.TabFocusReason))
        self.applicant.identity_entered.connect(p.identity_entered)
        self.tick_all.clicked.connect(self.checklist.tick_all)
        self.receive_button.clicked.connect(p.receive)
        self.supplement_button.clicked.connect(p.request_supplement)
        self.refuse_button.clicked.connect(p.refuse)
        self.show_last_button.clicked.connect(p.show_last)
        for keys, slot in (("Ctrl+Return", p.receive), ("Ctrl+Enter", p.receive),
                           ("Ctrl+Shift+S", p.request_supplement), ("Ctrl+Shift+R", p.refuse)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._apply_tab_order()

    def _apply_tab_order(self) -> None:
        chain = [self.picker.search, self.picker.table, *self.applicant.focus_chain(), self.tick_all,
                 *self.checklist.focus_chain(),
                 self.sets, self.return_method, self.notes, self.receive_button, self.supplement_button,
                 self.refuse_button, self.show_last_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def set_serving_ticket(self, number: str) -> None:
        """Say which walk-in ticket the dossiers received now belong to ("" hides the line)."""
        self.serving.setText(self.tr("Serving ticket {number}: dossiers received now are linked to it.").format(
            number=number) if number else "")
        self.serving.setVisible(bool(number))

    # --- view API for the presenter --------------------------------------------------------------
    def focus_first(self) -> None:
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_procedure(self):
        return self.picker.chosen()

    def form_data(self) -> IntakeInput:
        procedure = self.picker.chosen()
        sets_text = self.sets.cleanText().strip()  # what is typed, even while the spin box is mid-edit ("0")
        return IntakeInput(
            procedure_code=procedure.code if procedure else "",
            applicant=self.applicant.applicant_input(),
            documents=self.checklist.received(),
            sets=sets_text if sets_text else "",
            return_method=self.return_method.currentData(),
            notes=self.notes.toPlainText(),
        )

    def unticked_documents(self):
        return self.checklist.unticked()

    def set_procedures(self, procedures) -> None:
        self.picker.set_procedures(procedures)

    def show_due(self, due: datetime | None) -> None:
        self.due_time.setText(self.tr("Due: {when}").format(when=self.format_due(due)) if due else "")

    def format_due(self, due: datetime) -> str:
        """"10:00, Wednesday 25/02/2026" (Vietnamese: "10:00, thứ Tư 25/02/2026")."""
        weekdays = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                    self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        return self.tr("{time}, {weekday} {date}").format(
            time=due.strftime("%H:%M"), weekday=weekdays[due.weekday()], date=due.strftime("%d/%m/%Y"))

    def show_guidance(self, slips) -> None:
        lines = []
        for slip in slips[:3]:
            day = slip.created_at.strftime("%d/%m")
            if slip.kind == SUPPLEMENT:
                asked = "; ".join([i.name for i in slip.items] + list(slip.notes))
                lines.append(self.tr("Last time ({day}) we asked for a supplement: {items}").format(day=day, items=asked))
            else:
                lines.append(self.tr("Last time ({day}) the request was refused: {reasons}").format(
                    day=day, reasons="; ".join(slip.notes)))
            lines[-1] += " " + self.tr("[{number}, {procedure}]").format(number=slip.number, procedure=slip.procedure_name)
        self.guidance.setText("\n".join(lines))
        self.guidance.setVisible(bool(lines))

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; messages with no field on the page go to the message line.
        The first invalid field in Tab order gets the focus."""
        if any(name.startswith("representative.") for name in errors):
            self.applicant.open_representative()
        first = None
        for name, field in self.fields.items():  # insertion order = order on screen
            if name in errors:
                field.set_error(errors[name])
                first = first or field
        loose = [text for name, text in errors.items() if name not in self.fields]
        summary = "\n".join([self.tr("Nothing was saved. Correct the fields marked in red."), *loose])
        self.show_message(summary, "error")
        if not loose:  # a message with no field to correct stays until the next attempt
            self.field_summary.shown(summary)
        if first is not None:
            target = self.checklist.first_focus() if first is self.fields["documents"] else first.input
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.applicant.isAncestorOf(target):
                self.applicant_scroll.ensureWidgetVisible(target)

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()
        self.show_message("")

    def show_message(self, text: str, kind: str = "info") -> None:
        set_colour(self.message, MESSAGE_COLOURS.get(kind, MESSAGE_COLOURS["info"]))
        self.message.setText(text)

    def show_outcome(self, kind: str, reference: str, due: datetime | None) -> None:
        if kind == RECEIPT and due is not None:
            text = self.tr("Received: {code} — due {when}").format(code=reference, when=self.format_due(due))
        elif kind == RECEIPT:
            text = self.tr("Received: {code}").format(code=reference)
        elif kind == SUPPLEMENT:
            text = self.tr("Supplement request issued: {number}").format(number=reference)
        else:
            text = self.tr("Refusal issued: {number}").format(number=reference)
        self.outcome.setText(text)
        self.show_last_button.setEnabled(True)

    def set_busy(self, busy: bool) -> None:
        for button in (self.receive_button, self.supplement_button, self.refuse_button):
            button.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        elif QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()

    def reset(self) -> None:
        """Empty the form for the next applicant (the outcome line stays until the next action)."""
        self.clear_errors()
        self.picker.reset()
        self.applicant.reset()
        self.sets.setValue(1)
        self.return_method.setCurrentIndex(0)
        self.notes.clear()
        self.show_guidance([])
        self.focus_first()

    # --- private slots ---------------------------------------------------------------------------
    def _on_procedure_chosen(self, procedure) -> None:
        if procedure is None:
            self.procedure_name.clear()
            self.procedure_details.clear()
            self.checklist.set_documents(())
        else:
            self.procedure_name.setText(procedure.name)
            fee = money(procedure.fee) + (f" ({procedure.fee_note})" if procedure.fee_note else "")
            self.procedure_details.setText(self.tr("{department} · {field}\nTime limit: {limit}\nFee: {fee}").format(
                department=procedure.department_name, field=procedure.field_name,
                limit=limit_label(procedure.limit_value, procedure.limit_unit), fee=fee))
            self.checklist.set_documents(procedure.documents)
        self._apply_tab_order()
        self.fields["procedure"].clear_error()
        self.presenter.procedure_chosen(procedure)
