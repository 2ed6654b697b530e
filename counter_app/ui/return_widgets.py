"""Pieces of the return page: reading a scanned receipt code, the dossier summary, the collector
form (the applicant or an authorised person), how the result goes out (method, postal reference,
receipt taken back), and the withdrawal reason dialog."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.dossiers import DossierDetail
from counter_app.services.status import Status
from counter_app.services.tracking import Collector, ReturnMethod
from counter_app.ui import labels
from counter_app.ui.detail_widgets import FieldGrid
from counter_app.ui.field_error import ERROR_COLOUR, FieldWithError, set_colour, set_font
from counter_app.ui.queue_dialogs import QueueFormDialog

READY_COLOUR = "#1b5e20"
CODE_PARAMETER = "ma"  # the tracking URL printed as the receipt's QR: "…/tra-cuu-ho-so?ma=<code>"
MAX_REASON = 500


def keep_font(edit: QWidget) -> None:
    """Pin the inherited point size on an input: `FieldWithError` swaps its style sheet, and a widget
    that had a style sheet falls back to the application font when it is removed."""
    set_font(edit, point_size=edit.font().pointSizeF())


def code_from_scan(text: str) -> str:
    """The dossier code in what a scanner typed: a bare code (the Code128), or any URL whose query
    has `ma=<code>` (the QR holds the centre's tracking URL). Upper-cased, spaces removed; "" when
    nothing usable is there."""
    text = (text or "").strip()
    if f"{CODE_PARAMETER}=" in text:
        query = urlsplit(text).query or text.split("?", 1)[-1]
        values = parse_qs(query).get(CODE_PARAMETER)
        text = values[0] if values else ""
    return "".join(unquote(text).split()).upper()


class DossierSummary(QWidget):
    """What the counter needs to see of the scanned dossier, identifiers masked except the last 4
    characters, under one coloured line that says what can be done with it. Value labels are named
    `return.<key>` (see `FieldGrid`); the line is `return.state`. Does no I/O. GUI thread only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = QLabel(self)
        self.state.setObjectName("return.state")
        self.state.setWordWrap(True)
        set_font(self.state, bold=True, point_size=self.font().pointSizeF() + 2)
        self.grid = FieldGrid("return", [
            ("code", self.tr("Dossier code")), ("procedure", self.tr("Procedure")), ("applicant", self.tr("Applicant")),
            ("id_number", self.tr("Identifier")), ("representative", self.tr("Representative")),
            ("status", self.tr("Status")), ("due_at", self.tr("Due for result")), ("ready", self.tr("Result")),
        ], self)
        set_font(self.grid.findChild(QLabel, "return.code"), bold=True, point_size=self.font().pointSizeF() + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.grid)
        self.set_detail(None)

    def set_detail(self, detail: DossierDetail | None) -> None:
        if detail is None:
            self.grid.set_values({})
            self._state(self.tr("Scan a receipt or choose a waiting result."), "#1a1a1a")
            return
        self.grid.set_values({
            "code": detail.code, "procedure": detail.procedure_name, "applicant": detail.applicant_name,
            "id_number": labels.masked_identifier(detail.id_number), "representative": representative(detail),
            "status": labels.status_label(detail.status), "due_at": labels.when(detail.due_at), "ready": self._ready(detail),
        })
        if detail.status == Status.RESULT_READY:
            self._state(self.tr("Result ready: check who collects it."), READY_COLOUR)
        elif detail.status == Status.SUPPLEMENT_REQUESTED:
            self._state(self.tr("Supplement requested: record it when the complete dossier is back."), ERROR_COLOUR)
        elif detail.status == Status.AWAITING_FEES:
            self._state(self.tr("Waiting for fees or taxes: record the payment when the applicant has paid."), ERROR_COLOUR)
        else:
            self._state(self.tr("No result to return: the dossier is “{status}”.").format(
                status=labels.status_label(detail.status)), ERROR_COLOUR)

    def _state(self, text: str, colour: str) -> None:
        self.state.setText(text)
        set_colour(self.state, colour)

    def _ready(self, detail: DossierDetail) -> str:
        def last(kind: str):
            return next((e.at for e in reversed(detail.events) if e.kind == kind), None)

        if detail.status == Status.RESULT_READY:
            return self.tr("Ready since {when}").format(when=labels.when(last("ready")))
        if detail.status == Status.RETURNED:
            return self.tr("Returned {when}").format(when=labels.when(last("return")))
        return self.tr("Not ready")


def representative(detail: DossierDetail) -> str:
    """"Name (••••••••5678)", or "" when the dossier names no representative."""
    if not detail.representative_name:
        return ""
    return f"{detail.representative_name} ({labels.masked_identifier(detail.representative_id)})"


class CollectorForm(QWidget):
    """Who collects the result. "The applicant" asks only for the identifier shown (the service
    compares it with the dossier's); "an authorised person" asks for their name, identifier and
    the authorisation document. `fields` maps the service's field names ("collector.name",
    "collector.id_number", "collector.document") to their inputs with error labels.
    GUI thread only."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.applicant = QRadioButton(self.tr("The a&pplicant (or their registered representative)"), self)
        self.applicant.setObjectName("return.collector.applicant")
        self.authorised = QRadioButton(self.tr("An a&uthorised person"), self)
        self.authorised.setObjectName("return.collector.authorised")
        choice = QButtonGroup(self)
        choice.addButton(self.applicant)
        choice.addButton(self.authorised)
        self.applicant.setChecked(True)
        self.expected = QLabel(self)
        self.expected.setObjectName("return.collector.expected")
        self.expected.setWordWrap(True)

        self.fields: dict[str, FieldWithError] = {}
        self.name = self._line("collector.name", "return.collector.name", 200)
        self.id_number = self._line("collector.id_number", "return.collector.id_number", 20)
        self.document = self._line("collector.document", "return.collector.document", 300)
        self.id_number.setPlaceholderText(self.tr("type or scan the number on the identity card"))
        self.document.setPlaceholderText(self.tr("e.g. Giấy ủy quyền số 12/UQ ngày 20/11/2026"))

        form = QFormLayout()
        self._captions: dict[str, QLabel] = {}
        for key, text, widget in (("collector.id_number", self.tr("&Identifier shown:"), self.id_number),
                                  ("collector.name", self.tr("Full &name:"), self.name),
                                  ("collector.document", self.tr("Authorisation &document:"), self.document)):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            self._captions[key] = caption
            form.addRow(caption, self.fields[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.applicant)
        layout.addWidget(self.authorised)
        layout.addWidget(self.expected)
        layout.addLayout(form)
        self.applicant.toggled.connect(self._on_choice_toggled)
        self._on_choice_toggled()

    def _line(self, key: str, name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        keep_font(edit)
        self.fields[key] = FieldWithError(edit, self)
        return edit

    def _on_choice_toggled(self, *_args) -> None:
        authorised = self.authorised.isChecked()
        for key in ("collector.name", "collector.document"):
            self.fields[key].setVisible(authorised)
            self._captions[key].setVisible(authorised)
            self.fields[key].clear_error()
        self.expected.setVisible(not authorised)
        self.changed.emit()

    def set_dossier(self, detail: DossierDetail | None) -> None:
        """Say whom the dossier names (identifiers masked): what the officer compares the card with."""
        if detail is None:
            self.expected.clear()
            return
        text = self.tr("The dossier names {name}, identifier {id}.").format(
            name=detail.applicant_name, id=labels.masked_identifier(detail.id_number))
        if detail.representative_name:
            text += " " + self.tr("Representative: {representative}.").format(representative=representative(detail))
        self.expected.setText(text)

    def focus_chain(self) -> list[QWidget]:
        return [self.applicant, self.authorised, self.id_number, self.name, self.document]

    def first_input(self) -> QLineEdit:
        return self.name if self.authorised.isChecked() else self.id_number

    def collector(self) -> Collector:
        if self.authorised.isChecked():
            return Collector(True, self.name.text(), self.id_number.text(), self.document.text())
        return Collector(False, "", self.id_number.text(), "")

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()

    def reset(self) -> None:
        self.applicant.setChecked(True)
        for edit in (self.name, self.id_number, self.document):
            edit.clear()
        self.clear_errors()


class ReturnHowForm(QWidget):
    """How the result goes out: the method (`return.method`), the note (`return.note`; the postal
    reference when sent by post, which the service requires) and whether the receipt (Mẫu 01) was
    taken back (`return.receipt_taken_back`; ticked at the counter, unticked otherwise).
    Signal `counter_chosen(bool)`: whether someone stands at the counter to be checked."""

    counter_chosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.method = QComboBox(self)
        self.method.setObjectName("return.method")
        for method in ReturnMethod:
            self.method.addItem(labels.return_method_label(method.value), method.value)
        note = QLineEdit(self)
        note.setObjectName("return.note")
        note.setMaxLength(500)
        keep_font(note)
        self.note = FieldWithError(note, self)
        self.note_caption = QLabel(self)
        self.note_caption.setBuddy(note)
        self.receipt_taken_back = QCheckBox(self.tr("Receipt (Form 01) &taken back"), self)
        self.receipt_taken_back.setObjectName("return.receipt_taken_back")
        method_label = QLabel(self.tr("&Method:"), self)
        method_label.setBuddy(self.method)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(method_label, self.method)
        form.addRow(self.note_caption, self.note)
        form.addRow("", self.receipt_taken_back)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        self._on_method_changed()

    def chosen(self) -> ReturnMethod:
        return ReturnMethod(self.method.currentData())

    def focus_chain(self) -> list[QWidget]:
        return [self.method, self.note.input, self.receipt_taken_back]

    def reset(self) -> None:
        """A new dossier: its own note; the receipt box follows the method again."""
        self.note.input.clear()
        self.note.clear_error()
        self.receipt_taken_back.setChecked(self.chosen() is ReturnMethod.COUNTER)

    def _on_method_changed(self, *_args) -> None:
        post, counter = self.chosen() is ReturnMethod.POST, self.chosen() is ReturnMethod.COUNTER
        self.note_caption.setText(self.tr("&Postal reference:") if post else self.tr("N&ote:"))
        self.note.input.setPlaceholderText(self.tr("the postal service's tracking number") if post else self.tr("optional"))
        self.note.clear_error()
        self.receipt_taken_back.setChecked(counter)  # only a person at the counter hands the receipt back
        self.counter_chosen.emit(counter)


def move_focus_out(container: QWidget, to: QWidget) -> None:
    """Before `container` is disabled: a disabled focus widget would drop the focus into nowhere."""
    focus = QApplication.focusWidget()
    if focus is not None and container.isAncestorOf(focus):
        to.setFocus(Qt.OtherFocusReason)


class WithdrawDialog(QueueFormDialog):
    """The applicant withdraws the dossier: the reason they give is mandatory (kept in the history).
    Stays open until the service agrees (`accept()`) or refuses (`refuse(text)` under the reason)."""

    service_field = "reason"

    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__("withdraw", self.tr("Withdraw dossier {code}").format(code=code), self.tr("&Withdraw"), parent)
        hint = QLabel(self.tr("At the applicant's request only. The dossier is closed (status 7) and cannot be reopened."),
                      self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("withdraw.reason")
        self.reason.setMaxLength(MAX_REASON)
        keep_font(self.reason)
        self._add_field("reason", self.tr("&Reason the applicant gives:"), self.reason)
        self.reason.setFocus()

    def _collect(self) -> dict | None:
        reason = self.reason.text().strip()
        if not reason:
            self.error("reason", self.tr("Write the reason the applicant gives for withdrawing."))
            return None
        return {"reason": reason}
