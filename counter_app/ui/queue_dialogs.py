"""The queue panel's small forms: pause reason, transfer, finish outcome, call a number out of order
(and the ticket number to reprint).

Each opens window-modal without blocking (`open()`), checks its own fields first (a message next
to the field, nothing sent), then emits `submitted(values)` and STAYS OPEN: the panel runs the
service and either `accept()`s the dialog or shows the service's refusal with `refuse()`. So a
refused action never loses what was typed. GUI thread only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.queue_types import GroupInfo
from counter_app.ui.field_error import ERROR_COLOUR, FieldWithError, set_colour, set_font
from counter_app.ui.standard_buttons import translate_buttons

MAX_TEXT = 200  # the queue stores reasons, notes and outcomes in 200 characters
TICKET_NUMBER = re.compile(r"^\s*([A-Za-z]{1,3})\s*-?\s*(\d{1,4})\s*$")


def normalise_ticket_number(text: str) -> str | None:
    """"a12" / "A 012" / "A012" → "A012" (group letters + at least three digits); None if not a number."""
    match = TICKET_NUMBER.match(text or "")
    if match is None:
        return None
    return f"{match.group(1).upper()}{int(match.group(2)):03d}"


def _reason_box(parent: QWidget, name: str, choices: list[str]) -> QComboBox:
    """An editable drop-down: pick a usual reason or type another (at most 200 characters)."""
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(choices)
    box.setCurrentIndex(-1)
    box.lineEdit().setMaxLength(MAX_TEXT)
    box.lineEdit().setObjectName(f"{name}.text")
    return box


class QueueFormDialog(QDialog):
    """Base of the forms. Subclasses add fields with `_add_field()` and implement `_collect()`
    (returns the values, or None after marking the bad fields). `service_field`: the field under
    which the service's refusals are shown (None: the dialog's message line)."""

    submitted = Signal(object)
    service_field: str | None = None

    def __init__(self, name: str, title: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{name}.dialog")
        if parent is not None:
            self.setFont(parent.font())  # a dialog is its own window: keep the counter-sized type
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.fields: dict[str, FieldWithError] = {}
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}.message")
        self.message.setWordWrap(True)
        set_colour(self.message, ERROR_COLOUR)
        set_font(self.message, bold=True)
        self.message.hide()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        translate_buttons(box)
        self.ok = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName(f"{name}.ok")
        self.ok.setText(ok_text)
        self.ok.setDefault(True)
        box.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(f"{name}.cancel")
        self.ok.clicked.connect(self._on_ok_clicked)  # not `accepted`: the dialog closes only when the service agrees
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(box)

    def _add_field(self, key: str, label: str, widget: QWidget) -> FieldWithError:
        field = FieldWithError(widget, self)
        self.fields[key] = field
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, field)
        return field

    def _collect(self) -> dict | None:
        raise NotImplementedError

    def _on_ok_clicked(self) -> None:
        if not self.ok.isEnabled():
            return
        for field in self.fields.values():
            field.clear_error()
        self.message.hide()
        values = self._collect()
        if values is None:
            self._focus_first_error()
            return
        self.ok.setEnabled(False)  # one submission at a time; `refuse()` or `accept()` ends it
        self.submitted.emit(values)

    def error(self, key: str, text: str) -> None:
        """Show `text` next to one field (used by `_collect`)."""
        self.fields[key].set_error(text)

    def _focus_first_error(self) -> None:
        for field in self.fields.values():  # insertion order = order on screen
            if field.error():
                field.input.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def refuse(self, text: str) -> None:
        """The service said no: show why (under `service_field`, else on the message line)."""
        self.ok.setEnabled(True)
        if self.service_field is not None:
            self.error(self.service_field, text)
            self._focus_first_error()
        else:
            self.message.setText(text)
            self.message.show()


class PauseDialog(QueueFormDialog):
    """Pause the counter; the reason is mandatory (supervisors see it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("pause", self.tr("Pause the counter"), self.tr("&Pause"), parent)
        choices = [self.tr("Short break"), self.tr("Meeting"), self.tr("Technical problem"),
                   self.tr("Helping at another counter")]
        self.reason = _reason_box(self, "pause.reason", choices)
        self._add_field("reason", self.tr("&Reason (choose or type):"), self.reason)
        self.reason.setFocus()

    def _collect(self) -> dict | None:
        reason = self.reason.currentText().strip()
        if not reason:
            self.error("reason", self.tr("Give the reason for the pause."))
            return None
        return {"reason": reason}


class TransferDialog(QueueFormDialog):
    """Send the ticket to another service group's queue or to one counter, with a note."""

    def __init__(self, groups: list[GroupInfo], own_counter: int, current_group: str, parent: QWidget | None = None):
        super().__init__("transfer", self.tr("Transfer the ticket"), self.tr("&Transfer"), parent)
        self._own_counter = own_counter
        self.to_group = QRadioButton(self.tr("to another service &group"), self)
        self.to_group.setObjectName("transfer.to_group")
        self.to_counter = QRadioButton(self.tr("to another &counter"), self)
        self.to_counter.setObjectName("transfer.to_counter")
        choice = QButtonGroup(self)
        choice.addButton(self.to_group)
        choice.addButton(self.to_counter)
        self.to_group.setChecked(True)
        self.group = QComboBox(self)
        self.group.setObjectName("transfer.group")
        for group in groups:
            self.group.addItem(f"{group.code} — {group.name}", group.code)
        self.group.setCurrentIndex(-1)
        self.counter = QSpinBox(self)
        self.counter.setObjectName("transfer.counter")
        self.counter.setRange(1, 999)
        self.counter.setValue(1 if own_counter != 1 else 2)
        self.note = QLineEdit(self)
        self.note.setObjectName("transfer.note")
        self.note.setMaxLength(MAX_TEXT)
        self.note.setPlaceholderText(self.tr("what the next officer should know"))
        self.form.addRow(self.to_group)
        self._add_field("group", self.tr("Service g&roup:"), self.group)
        self.form.addRow(self.to_counter)
        self._add_field("counter", self.tr("Counter &number:"), self.counter)
        self._add_field("note", self.tr("&Note:"), self.note)
        hint = QLabel(self.tr("Ticket from group {group}. It keeps its number and goes first at a counter it is sent to.")
                      .format(group=current_group), self)
        hint.setWordWrap(True)
        self.form.insertRow(0, hint)
        self.to_group.toggled.connect(self._on_choice_toggled)
        self._on_choice_toggled()
        self.group.setFocus()

    def _on_choice_toggled(self, *_args) -> None:
        self.group.setEnabled(self.to_group.isChecked())
        self.counter.setEnabled(self.to_counter.isChecked())

    def _collect(self) -> dict | None:
        note = self.note.text().strip()
        if self.to_group.isChecked():
            if self.group.currentIndex() < 0:
                self.error("group", self.tr("Choose the service group to send the ticket to."))
                return None
            return {"to_group": self.group.currentData(), "to_counter": None, "note": note}
        counter = self.counter.value()
        if counter == self._own_counter:
            self.error("counter", self.tr("This is your own counter; choose another one."))
            return None
        return {"to_group": None, "to_counter": counter, "note": note}


class FinishDialog(QueueFormDialog):
    """The visit's outcome (at most 200 characters), prefilled from the dossiers linked to it."""

    RECEIVED, GUIDANCE, SUPPLEMENT, REFUSED, OTHER = "received", "guidance", "supplement", "refused", "other"

    def __init__(self, number: str, linked: int, parent: QWidget | None = None):
        super().__init__("finish", self.tr("Finish ticket {number}").format(number=number), self.tr("&Finish"), parent)
        self._linked = linked
        self.kind = QComboBox(self)
        self.kind.setObjectName("finish.kind")
        for key, text in ((self.RECEIVED, self.tr("Received dossier(s)")), (self.GUIDANCE, self.tr("Guidance only")),
                          (self.SUPPLEMENT, self.tr("Supplement requested")), (self.REFUSED, self.tr("Refused")),
                          (self.OTHER, self.tr("Other"))):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(-1)
        self.outcome = QLineEdit(self)
        self.outcome.setObjectName("finish.outcome")
        self.outcome.setMaxLength(MAX_TEXT)
        self._add_field("kind", self.tr("&Outcome:"), self.kind)
        self._add_field("outcome", self.tr("&Details:"), self.outcome)
        self.kind.activated.connect(self._on_kind_activated)
        if linked:
            self.kind.setCurrentIndex(self.kind.findData(self.RECEIVED))
            self._on_kind_activated()
        self.kind.setFocus()

    def _on_kind_activated(self, *_args) -> None:
        """A choice writes its usual text; "Other" leaves the officer to write it."""
        key = self.kind.currentData()
        if key == self.RECEIVED:
            text = self.tr("Received {n} dossier(s)").format(n=self._linked)
        elif key == self.OTHER:
            text = ""
        else:
            text = self.kind.currentText()
        self.outcome.setText(text)
        if key == self.OTHER:
            self.outcome.setFocus()

    def _collect(self) -> dict | None:
        outcome = self.outcome.text().strip()
        if self.kind.currentIndex() < 0 and not outcome:
            self.error("kind", self.tr("Choose the outcome of the visit."))
            return None
        if not outcome:
            self.error("outcome", self.tr("Describe the outcome."))
            return None
        return {"outcome": outcome}


class TicketNumberDialog(QueueFormDialog):
    """A ticket by its printed number: called out of order (with a mandatory reason) or reprinted."""

    service_field = "number"

    def __init__(self, *, with_reason: bool, number: str = "", parent: QWidget | None = None):
        name = "call_number" if with_reason else "reprint"
        title = self.tr("Call a ticket out of order") if with_reason else self.tr("Reprint a ticket")
        super().__init__(name, title, self.tr("&Call") if with_reason else self.tr("&Reprint"), parent)
        self.number = QLineEdit(number, self)
        self.number.setObjectName(f"{name}.number")
        self.number.setMaxLength(10)
        self.number.setPlaceholderText(self.tr("e.g. A012"))
        self._add_field("number", self.tr("Ticket &number:"), self.number)
        self.reason: QComboBox | None = None
        if with_reason:
            choices = [self.tr("Elderly person or person with a disability"), self.tr("Pregnant woman or small child"),
                       self.tr("Came back with the missing documents"), self.tr("Asked by the supervisor")]
            self.reason = _reason_box(self, "call_number.reason", choices)
            self._add_field("reason", self.tr("&Reason (supervisors see it):"), self.reason)
        self.number.selectAll()
        self.number.setFocus()

    def _collect(self) -> dict | None:
        number = normalise_ticket_number(self.number.text())
        reason = self.reason.currentText().strip() if self.reason is not None else ""
        ok = True
        if number is None:
            text = (self.tr("Type the ticket number.") if not self.number.text().strip()
                    else self.tr("A ticket number is the group letter and digits, e.g. A012."))
            self.error("number", text)
            ok = False
        if self.reason is not None and not reason:
            self.error("reason", self.tr("Calling out of order needs a reason."))
            ok = False
        return {"number": number, "reason": reason} if ok else None
