"""Read-only view of one received dossier: every field, documents, full history, print log."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTabWidget, QVBoxLayout, QWidget

from counter_app.services.dossiers import DossierDetail, EventInfo
from counter_app.ui import labels
from counter_app.ui.detail_widgets import FieldGrid, fill_table, read_only_table


def header_style(label: QLabel, points: int = 16) -> None:
    font = label.font()
    font.setPointSize(points)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)


class DossierView(QWidget):
    """Shows a `DossierDetail` and, by `set_pending()`, whether it has not yet reached the centre;
    emits `reprint_requested(preview)`; does no I/O. GUI thread only."""

    reprint_requested = Signal(bool)
    form_requested = Signal(str, str)  # (print kind, reference): a form of the dossier's life, previewed first

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail: DossierDetail | None = None
        self.code = QLabel(self)
        self.code.setObjectName("dossier.code")
        header_style(self.code)
        self.status = QLabel(self)
        self.status.setObjectName("dossier.status")
        header_style(self.status, 13)
        self.pending_sync = QLabel("⏳ " + self.tr("Not yet at the centre"), self)
        self.pending_sync.setObjectName("dossier.pending_sync")
        self.pending_sync.setToolTip(self.tr(
            "Saved at this counter but not yet sent to the centre; it is sent automatically when the connection is back."))
        self.pending_sync.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.pending_sync.hide()
        self.reprint = QPushButton(self.tr("&Reprint receipt (F5)"), self)
        self.reprint.setObjectName("dossier.reprint")
        self.reprint.clicked.connect(lambda: self.reprint_requested.emit(False))
        self.preview = QPushButton(self.tr("Pre&view receipt"), self)
        self.preview.setObjectName("dossier.preview")
        self.preview.clicked.connect(lambda: self.reprint_requested.emit(True))
        self.forms = QPushButton(self.tr("Other &forms"), self)
        self.forms.setObjectName("dossier.forms")
        self.forms_menu = QMenu(self.forms)
        self.forms_menu.setObjectName("dossier.forms.menu")
        self.forms.setMenu(self.forms_menu)

        self.case = FieldGrid("dossier", [
            ("procedure", self.tr("Procedure")), ("field", self.tr("Field")), ("department", self.tr("Department")),
            ("fee", self.tr("Fee")), ("limit", self.tr("Time limit")), ("received_at", self.tr("Received")),
            ("due_at", self.tr("Due for result")), ("original_due_at", self.tr("Originally due")),
            ("sets", self.tr("Number of sets")), ("return_method", self.tr("Result returned")),
            ("ledger", self.tr("Ledger entry")), ("officer", self.tr("Received by")), ("counter", self.tr("Counter")),
        ], self)
        self.applicant = FieldGrid("dossier", [
            ("applicant_kind", self.tr("Applicant is")), ("applicant_name", self.tr("Applicant")),
            ("id_number", self.tr("Identifier")), ("date_of_birth", self.tr("Date of birth")), ("sex", self.tr("Sex")),
            ("address", self.tr("Address")), ("phone", self.tr("Phone")), ("email", self.tr("Email")),
            ("representative", self.tr("Representative")), ("authorisation", self.tr("Authorisation document")),
            ("notes", self.tr("Notes")),
        ], self)

        self.documents = read_only_table("dossier.documents", [
            self.tr("Document"), self.tr("Originals"), self.tr("Certified copies"), self.tr("Photocopies")], self, stretch=0)
        self.history = read_only_table("dossier.history", [
            self.tr("Time"), self.tr("By"), self.tr("Event"), self.tr("Status"), self.tr("Details")], self)
        self.prints = read_only_table("dossier.prints", [
            self.tr("Time"), self.tr("Document"), self.tr("Printer or file"), self.tr("Result"), self.tr("Error")], self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dossier.tabs")
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.tabs.addTab(self.prints, self.tr("Print log"))

        top = QHBoxLayout()
        top.addWidget(self.code)
        top.addSpacing(24)
        top.addWidget(self.status)
        top.addSpacing(16)
        top.addWidget(self.pending_sync)
        top.addStretch(1)
        top.addWidget(self.forms)
        top.addWidget(self.preview)
        top.addWidget(self.reprint)
        grids = QHBoxLayout()
        grids.addWidget(self.case, 1)
        grids.addWidget(self.applicant, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grids)
        layout.addWidget(self.tabs, 1)

    def set_detail(self, d: DossierDetail) -> None:
        self.detail = d
        self.code.setText(d.code)
        status = labels.status_label(d.status)
        if d.overdue:
            status += " — ⚠ " + self.tr("overdue")
        self.status.setText(status)
        self.status.setStyleSheet("color: #b00020;" if d.overdue else "color: #1b5e20;")
        self.case.set_values({
            "procedure": f"{d.procedure_name} ({d.procedure_code}, v{d.procedure_version})",
            "field": d.field_name, "department": d.department_name,
            "fee": labels.money(d.fee) + (f" — {d.fee_note}" if d.fee_note else ""),
            "limit": labels.limit_label(d.limit_value, d.limit_unit, d.counting_rule),
            "received_at": labels.when(d.received_at), "due_at": labels.when(d.due_at),
            "original_due_at": labels.when(d.original_due_at) if d.original_due_at != d.due_at else "",
            "sets": str(d.sets), "return_method": labels.return_method_label(d.return_method),
            "ledger": self.tr("No. {entry}, book {book}").format(entry=d.ledger_entry, book=d.ledger_book),
            "officer": ", ".join(x for x in (d.officer_name, d.officer_phone) if x),
            "counter": str(d.counter_number or ""),
        })
        representative = ", ".join(x for x in (d.representative_name, d.representative_id) if x)
        self.applicant.set_values({
            "applicant_kind": labels.applicant_kind_label(d.applicant_kind), "applicant_name": d.applicant_name,
            "id_number": f"{d.id_number} ({labels.id_type_label(d.id_type)})" if d.id_number else "",
            "date_of_birth": labels.day(d.date_of_birth), "sex": labels.sex_label(d.sex), "address": d.address,
            "phone": d.phone, "email": d.email, "representative": representative,
            "authorisation": d.authorisation_document, "notes": d.notes,
        })
        self._fill_forms_menu(d)
        fill_table(self.documents, [(x.name, str(x.originals), str(x.certified_copies), str(x.photocopies)) for x in d.documents])
        fill_table(self.history, [self._event_row(e) for e in d.events])
        fill_table(self.prints, [
            (labels.when(p.at), labels.document_label(p.document), p.target,
             self.tr("Printed") if p.ok else self.tr("Failed"), p.error) for p in d.prints])
        self.tabs.setTabText(1, self.tr("Documents ({n})").format(n=len(d.documents)))
        self.tabs.setTabText(2, self.tr("Print log ({n})").format(n=len(d.prints)))

    def set_pending(self, pending: bool) -> None:
        """Show or hide the "not yet at the centre" mark."""
        self.pending_sync.setVisible(pending)

    def _fill_forms_menu(self, d: DossierDetail) -> None:
        """The forms this dossier has so far: Mẫu 05 always; the hand-over list, Mẫu 04 and the
        return acknowledgement once they exist."""
        self.forms_menu.clear()
        forms = [("control_sheet", d.code, True), ("handover", d.handover_list, bool(d.handover_list)),
                 ("apology", d.code, d.rescheduled_at is not None), ("return", d.code, d.returned_at is not None)]
        # The department's supplement requests, handed to the applicant at the counter (Mẫu 02).
        forms += [("supplement", e.detail["slip"], True) for e in d.events if e.kind == "request_supplement"
                  and e.detail.get("slip")]
        for kind, reference, available in forms:
            if available:
                text = labels.document_label(kind) + (f" {reference}" if kind == "supplement" else "")
                action = self.forms_menu.addAction(text)
                action.setObjectName(f"dossier.forms.{kind}")
                action.triggered.connect(lambda _checked=False, k=kind, r=reference: self.form_requested.emit(k, r))

    def _event_row(self, e: EventInfo) -> tuple[str, ...]:
        change = ""
        if e.to_status is not None and e.to_status != e.from_status:
            change = (labels.status_label(e.from_status) + " → " if e.from_status else "") + labels.status_label(e.to_status)
        return labels.when(e.at), e.actor, labels.event_label(e.kind), change, self._event_details(e.detail)

    def _event_details(self, detail: dict) -> str:
        parts = []
        for key, value in detail.items():
            if value in (None, ""):
                continue
            if key == "document":
                parts.append(labels.document_label(str(value)))
            elif key == "target":
                parts.append(self.tr("to {target}").format(target=value))
            elif key == "counter":
                parts.append(self.tr("counter {n}").format(n=value))
            elif key == "due_at":
                parts.append(self.tr("due {when}").format(when=_iso_to_display(str(value))))
            elif key == "error":
                parts.append(self.tr("error: {error}").format(error=value))
            elif key == "mark":
                parts.append(labels.mark_label(str(value)))
            elif key == "list":
                parts.append(self.tr("list {number}").format(number=value))
            elif key == "to_unit":
                parts.append(self.tr("to {target}").format(target=value))
            elif key in ("new_due", "old_due", "deadline"):
                text = {"new_due": self.tr("new due {when}"), "old_due": self.tr("was due {when}"),
                        "deadline": self.tr("deadline {when}")}[key]
                parts.append(text.format(when=_iso_to_display(str(value))))
            elif key == "method":
                parts.append(labels.return_method_label(str(value)))
            elif key in ("reason", "note", "text", "number", "slip", "collector"):
                parts.append(str(value))
            elif key in ("to_department", "department", "gateway", "receipt_taken_back", "collector_id"):
                continue  # shown elsewhere, or personal data the history table need not repeat
            elif key in ("rule", "procedure", "procedure_version"):
                continue  # shown on the page already
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)


def _iso_to_display(value: str) -> str:
    """'2026-12-10T17:00' as the page shows times: '10/12/2026 17:00'."""
    try:
        return labels.when(datetime.fromisoformat(value))
    except ValueError:
        return value
