"""Read-only view of a supplement request (Form 02) or refusal (Form 03) given at reception."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.services.dossiers import SlipDetail
from counter_app.ui import labels
from counter_app.ui.detail_widgets import FieldGrid, fill_table, read_only_table
from counter_app.ui.dossier_view import header_style


class SlipView(QWidget):
    """Shows a `SlipDetail`; emits `reprint_requested(preview)`; does no I/O. GUI thread only."""

    reprint_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail: SlipDetail | None = None
        self.number = QLabel(self)
        self.number.setObjectName("slip.number")
        header_style(self.number)
        self.kind = QLabel(self)
        self.kind.setObjectName("slip.kind")
        header_style(self.kind, 13)
        self.reprint = QPushButton(self.tr("&Reprint (F5)"), self)
        self.reprint.setObjectName("slip.reprint")
        self.reprint.clicked.connect(lambda: self.reprint_requested.emit(False))
        self.preview = QPushButton(self.tr("Pre&view"), self)
        self.preview.setObjectName("slip.preview")
        self.preview.clicked.connect(lambda: self.reprint_requested.emit(True))

        self.fields = FieldGrid("slip", [
            ("procedure", self.tr("Procedure")), ("created_at", self.tr("Given")),
            ("applicant_kind", self.tr("Applicant is")), ("applicant_name", self.tr("Applicant")),
            ("id_number", self.tr("Identifier")), ("address", self.tr("Address")), ("phone", self.tr("Phone")),
            ("email", self.tr("Email")), ("representative", self.tr("Representative")),
            ("authorisation", self.tr("Authorisation document")), ("officer", self.tr("Given by")),
            ("counter", self.tr("Counter")),
        ], self)
        self.items = read_only_table("slip.items", [
            self.tr("Document to add or fix"), self.tr("Originals"), self.tr("Certified copies"), self.tr("Photocopies")],
            self, stretch=0)
        self.notes = read_only_table("slip.notes", [self.tr("Notes and reasons")], self)

        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addSpacing(24)
        top.addWidget(self.kind, 1)
        top.addWidget(self.preview)
        top.addWidget(self.reprint)
        tables = QHBoxLayout()
        tables.addWidget(self.items, 3)
        tables.addWidget(self.notes, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.fields)
        layout.addLayout(tables, 1)

    def set_detail(self, s: SlipDetail) -> None:
        self.detail = s
        self.number.setText(s.number)
        self.kind.setText(labels.document_label(s.kind))
        self.fields.set_values({
            "procedure": f"{s.procedure_name} ({s.procedure_code})", "created_at": labels.when(s.created_at),
            "applicant_kind": labels.applicant_kind_label(s.applicant_kind), "applicant_name": s.applicant_name,
            "id_number": f"{s.id_number} ({labels.id_type_label(s.id_type)})" if s.id_number else "",
            "address": s.address, "phone": s.phone, "email": s.email,
            "representative": ", ".join(x for x in (s.representative_name, s.representative_id) if x),
            "authorisation": s.authorisation_document,
            "officer": ", ".join(x for x in (s.officer_name, s.officer_phone) if x),
            "counter": str(s.counter_number or ""),
        })
        fill_table(self.items, [(i.name, str(i.originals), str(i.certified_copies), str(i.photocopies)) for i in s.items])
        fill_table(self.notes, [(line,) for line in s.notes])
        self.items.setVisible(bool(s.items) or s.kind == "supplement")
