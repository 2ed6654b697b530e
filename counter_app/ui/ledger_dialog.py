"""Mẫu 06 SỔ THEO DÕI HỒ SƠ: pick a field and a period, then preview the A4 ledger (and print it
from the preview). Opened with Ctrl+L from the main window.

objectNames: `ledger.dialog`, `ledger.field`, `ledger.from`, `ledger.to` (errors `<name>.error`),
`ledger.ok`, `ledger.cancel`, `ledger.message`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from counter_app.services.catalogue import FieldInfo
from counter_app.services.tracking_print import ledger_reference
from counter_app.ui.detail_widgets import date_edit
from counter_app.ui.queue_dialogs import QueueFormDialog


class LedgerDialog(QueueFormDialog):
    """Collects (field, from, to); `submitted` carries the ledger's print reference. GUI thread only."""

    def __init__(self, fields: list[FieldInfo], today: date, parent: QWidget | None = None):
        super().__init__("ledger", self.tr("Dossier ledger (Form 06)"), self.tr("Preview"), parent)
        self.field = QComboBox(self)
        self.field.setObjectName("ledger.field")
        for info in fields:
            self.field.addItem(f"{info.name} — {info.department_name}", info.code)
        self.start = date_edit(self, "ledger.from", today.replace(day=1))
        self.end = date_edit(self, "ledger.to", today)
        self._add_field("field", self.tr("&Field:"), self.field)
        self._add_field("from", self.tr("Received &from:"), self.start)
        self._add_field("to", self.tr("&to:"), self.end)

    def _collect(self) -> dict | None:
        code = self.field.currentData()
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if not code:
            self.error("field", self.tr("Choose a field."))
            return None
        if end < start:
            self.error("to", self.tr("The end of the period is before its start."))
            return None
        return {"reference": ledger_reference(code, start, end)}


def open_ledger(parent: QWidget, fields: list[FieldInfo], today: date,
                print_document: Callable[[str, str], None]) -> LedgerDialog:
    """Show the dialog; a valid choice previews the ledger (`print_document(kind, reference)`)."""
    dialog = LedgerDialog(fields, today, parent)

    def chosen(values: dict) -> None:
        dialog.accept()
        print_document("ledger", values["reference"])

    dialog.submitted.connect(chosen)
    dialog.open()
    return dialog
