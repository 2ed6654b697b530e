"""The department inbox's small forms: a reason (stop, refuse), a note (wait for fees, result
ready), a supplement request (Mẫu 02), the apology with a new date (Mẫu 04) and the written
explanation of a late dossier.

Built on `queue_dialogs.QueueFormDialog`: opened with `open()` (never blocks), OK emits
`submitted(values)` and the dialog STAYS OPEN while the page runs the service; the page then
`accept()`s it or hands the service's refusal to `show_refusal()`, which puts each
`ValidationFailed` message next to its field and anything else on the dialog's message line. So a
refused action never loses what was typed. Ctrl+Enter confirms from a multi-line box. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from counter_app.i18n import translate_message
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.services.intake_input import DocumentInput
from counter_app.ui import labels
from counter_app.ui.field_error import set_colour, set_font
from counter_app.ui.queue_dialogs import QueueFormDialog

MAX_TEXT = 2000  # the tracking service keeps reasons, notes and explanations in 2000 characters
APOLOGY_WORKING_DAYS = 5  # the new date offered by default: a week of working days after the current due
SUCCESS_COLOUR = "#1b5e20"


def default_new_due(due: datetime, working_days: int = APOLOGY_WORKING_DAYS) -> date:
    """`working_days` Monday–Friday days after the current due date. Holidays are not known here;
    the service refuses a non-working day next to the date field."""
    day = due.date()
    added = 0
    while added < working_days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            added += 1
    return day


def _plain(parent: QWidget, name: str, placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
    return edit


def _line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMaxLength(MAX_TEXT)
    edit.setPlaceholderText(placeholder)
    return edit


class InboxFormDialog(QueueFormDialog):
    """A queue form with a heading (which dossier) and the service's field names mapped to its
    fields (`SERVICE_FIELDS`: service field → dialog key)."""

    SERVICE_FIELDS: dict[str, str] = {}

    def __init__(self, name: str, title: str, ok_text: str, heading: str, parent: QWidget | None = None):
        super().__init__(name, title, ok_text, parent)
        self.closed = False  # set once accepted or cancelled: a late answer must not touch it any more
        self.setMinimumWidth(720)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName(f"{name}.heading")
        self.heading.setWordWrap(True)
        self.form.insertRow(0, self.heading)

    def _add_field(self, key: str, label: str, widget: QWidget):
        widget.installEventFilter(self)  # Ctrl+Enter confirms from any field, a multi-line box too
        return super()._add_field(key, label, widget)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter)
                and event.modifiers() & Qt.ControlModifier):
            self._on_ok_clicked()
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self.closed = True
        super().done(result)

    def show_refusal(self, error: BaseException) -> None:
        """The service said no: field messages next to their fields, the rest on the message line."""
        self.ok.setEnabled(True)
        if isinstance(error, ValidationFailed):
            rest = []
            for field, message in error.by_field().items():
                key = self.SERVICE_FIELDS.get(field)
                if key in self.fields:
                    self.error(key, translate_message(message))
                else:
                    rest.append(translate_message(message))
            if rest:
                self.refuse(" ".join(rest))
            self._focus_first_error()
            return
        self.refuse(translate_message(error.message) if isinstance(error, ServiceError) else str(error))


class InboxReasonDialog(InboxFormDialog):
    """Stop processing (status 8) or refuse after appraisal (status 3): the reason is required."""

    SERVICE_FIELDS = {"reason": "reason"}

    def __init__(self, name: str, title: str, ok_text: str, heading: str, parent: QWidget | None = None):
        super().__init__(name, title, ok_text, heading, parent)
        self.reason = _line(self, f"{name}.reason", self.tr("told to the applicant and kept in the history"))
        self._add_field("reason", self.tr("&Reason:"), self.reason)
        self.reason.setFocus()

    def _collect(self) -> dict:
        return {"reason": self.reason.text()}


class InboxNoteDialog(InboxFormDialog):
    """Confirm an action with an optional note (wait for fees or taxes; result ready)."""

    SERVICE_FIELDS = {"note": "note", "reason": "note"}

    def __init__(self, name: str, title: str, ok_text: str, heading: str, parent: QWidget | None = None):
        super().__init__(name, title, ok_text, heading, parent)
        self.note = _line(self, f"{name}.note", self.tr("optional"))
        self._add_field("note", self.tr("&Note:"), self.note)
        self.note.setFocus()

    def _collect(self) -> dict:
        return {"note": self.note.text()}


class InboxSupplementDialog(InboxFormDialog):
    """Mẫu 02 during processing: tick the dossier's documents to add or redo, list other items one
    a line, add notes. The counter prints the form and hands it to the applicant."""

    SERVICE_FIELDS = {"supplement.items": "items", "supplement.notes": "notes"}

    def __init__(self, heading: str, documents: Sequence = (), parent: QWidget | None = None):
        super().__init__("inbox.supplement", self.tr("Request a supplement (Form 02)"), self.tr("&Request"), heading, parent)
        self._documents = list(documents)
        self.documents: QListWidget | None = None
        if self._documents:
            self.documents = QListWidget(self)
            self.documents.setObjectName("inbox.supplement.documents")
            for document in self._documents:
                item = QListWidgetItem(document.name, self.documents)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
            # Document names are long: wrap them instead of scrolling sideways, and show up to six.
            self.documents.setWordWrap(True)
            self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            self.documents.setFixedHeight(self.fontMetrics().lineSpacing() * 2 * min(6, len(self._documents)) + 12)
            self.documents.setCurrentRow(0)
            self._add_field("documents", self.tr("&Documents:"), self.documents)
        self.items = _plain(self, "inbox.supplement.items", self.tr("one document or correction per line"), 4)
        self._add_field("items", self.tr("Other &items:"), self.items)
        self.notes = _plain(self, "inbox.supplement.notes", self.tr("what is wrong or missing, and why"), 3)
        self._add_field("notes", self.tr("N&otes:"), self.notes)
        hint = QLabel(self.tr("Space ticks a document; Ctrl+Enter requests the supplement. The clock stops until the "
                              "complete dossier is back."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        (self.documents or self.items).setFocus()

    def chosen_items(self) -> tuple[DocumentInput, ...]:
        items = []
        if self.documents is not None:
            for row, document in enumerate(self._documents):
                if self.documents.item(row).checkState() == Qt.Checked:
                    items.append(DocumentInput(document.name, getattr(document, "originals", 0),
                                               getattr(document, "certified_copies", 0), getattr(document, "photocopies", 0)))
        items += [DocumentInput(line.strip()) for line in self.items.toPlainText().splitlines() if line.strip()]
        return tuple(items)

    def _collect(self) -> dict:
        return {"items": self.chosen_items(), "notes": self.notes.toPlainText()}


class InboxApologyDialog(InboxFormDialog):
    """Mẫu 04: the reason and the new return date (once only). After the service agrees,
    `show_recorded()` turns OK into "Print Form 04" (emits `print_requested`) and Cancel into Close."""

    SERVICE_FIELDS = {"apology.reason": "reason", "apology.new_due": "new_due"}
    print_requested = Signal()

    def __init__(self, heading: str, due: datetime, parent: QWidget | None = None):
        super().__init__("inbox.apology", self.tr("Apology and new return date (Form 04)"), self.tr("&Record the apology"),
                         heading, parent)
        self.recorded = False
        self.reason = _plain(self, "inbox.apology.reason",
                             self.tr("why the dossier cannot be settled on time (printed on the letter)"), 4)
        self._add_field("reason", self.tr("&Reason:"), self.reason)
        self.new_due = QDateEdit(self)
        self.new_due.setObjectName("inbox.apology.new_due")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("dd/MM/yyyy")
        self.new_due.setMinimumDate(QDate(due.date()))
        self.new_due.setDate(QDate(default_new_due(due)))
        self._add_field("new_due", self.tr("&New return date:"), self.new_due)
        warning = QLabel(self.tr("The due date can be moved only once. Lateness is still judged against the original due "
                                 "date {due}.").format(due=labels.when(due)), self)
        warning.setWordWrap(True)
        set_font(warning, bold=True)
        self.form.addRow(warning)
        self.reason.setFocus()

    def _collect(self) -> dict:
        return {"reason": self.reason.toPlainText(), "new_due": self.new_due.date().toPython()}

    def show_recorded(self, number: str, new_due: datetime) -> None:
        """The apology is saved: say so and offer to print the letter (Enter prints, Esc closes)."""
        self.recorded = True
        self.reason.setReadOnly(True)
        self.new_due.setEnabled(False)
        self.message.setText(self.tr("Apology {number} recorded. New return date: {due}.").format(
            number=number, due=labels.when(new_due)))
        set_colour(self.message, SUCCESS_COLOUR)
        self.message.show()
        self.ok.setText(self.tr("&Print Form 04"))
        self.ok.setEnabled(True)
        self.findChild(QWidget, "inbox.apology.cancel").setText(self.tr("Close"))
        self.ok.setFocus()

    def _on_ok_clicked(self) -> None:
        if self.recorded:
            if self.ok.isEnabled():
                self.print_requested.emit()
            return
        super()._on_ok_clicked()


class InboxExplainDialog(InboxFormDialog):
    """The written explanation (giải trình) of a late dossier, kept for the report to the province."""

    SERVICE_FIELDS = {"explanation": "text"}

    def __init__(self, heading: str, parent: QWidget | None = None):
        super().__init__("inbox.explain", self.tr("Written explanation of a late dossier"), self.tr("&Record"), heading, parent)
        self.text = _plain(self, "inbox.explain.text", self.tr("why the dossier was not settled by its original due date"), 5)
        self._add_field("text", self.tr("&Explanation:"), self.text)
        self.text.setFocus()

    def _collect(self) -> dict:
        return {"text": self.text.toPlainText()}
