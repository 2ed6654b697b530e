"""Builds the legal forms of a dossier or slip as PDF bytes, and logs every print.

Guarantees: the PDF is made from what is stored (a reprint is identical in content to the first
print, apart from nothing); printing never changes a dossier, and a failed print is logged too,
so a dead printer never loses a dossier nor hides that the receipt was not handed over.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from counter_app.models import Dossier, PrintLog, now_local
from counter_app.printing.documents import (
    ApplicantBlock,
    DocumentLine,
    FormHeader,
    ReceiptData,
    RefusalData,
    SupplementData,
)
from counter_app.services import centre_settings
from counter_app.services.catalogue import fee_text, limit_text
from counter_app.services.db import Database
from counter_app.services.dossiers import DossierDetail, DossierQueries, SlipDetail
from counter_app.services.history import append_event
from counter_app.services.intake_input import ID_LABELS_VI, RETURN_LABELS_VI
from counter_app.services.tracking_print import TrackingForms
from counter_app.services.tracking_reads import TrackingQueries

RECEIPT, SUPPLEMENT, REFUSAL = "receipt", "supplement", "refusal"
# After intake (issue 5): the reference is the dossier code, except the hand-over list's number
# and the ledger's "FIELD|YYYY-MM-DD|YYYY-MM-DD" (`tracking_print.ledger_reference`).
APOLOGY, CONTROL_SHEET, LEDGER, HANDOVER, RETURN = "apology", "control_sheet", "ledger", "handover", "return"
KINDS = (RECEIPT, SUPPLEMENT, REFUSAL, APOLOGY, CONTROL_SHEET, LEDGER, HANDOVER, RETURN)


def _applicant(d: DossierDetail | SlipDetail) -> ApplicantBlock:
    return ApplicantBlock(
        kind=d.applicant_kind, name=d.applicant_name, id_label=ID_LABELS_VI.get(d.id_type, "Số giấy tờ"),
        id_number=d.id_number, address=d.address, phone=d.phone, email=d.email,
        representative_name=d.representative_name, representative_id=d.representative_id,
        authorisation_document=d.authorisation_document,
    )


class PrintService:
    """Renders forms from stored data; thread-safe (own sessions, reportlab per call).

    The templates (and reportlab with them) are imported on first use, not at start-up: the
    login window must appear fast, and `warm_up()` loads them in the background afterwards.
    """

    @staticmethod
    def warm_up() -> None:
        """Import the templates and register the fonts, so the first receipt prints at full speed."""
        from counter_app.printing import fonts, receipt_template, refusal_template, supplement_template  # noqa: F401, PLC0415
        from counter_app.printing import apology_template, control_sheet_template, return_ack_template  # noqa: F401, PLC0415

        fonts.register_fonts()

    def __init__(self, db: Database, queries: DossierQueries, clock: Callable[[], datetime] = now_local,
                 reads: TrackingQueries | None = None):
        self.db = db
        self.queries = queries
        self.clock = clock
        self.tracking = TrackingForms(db, queries, reads or TrackingQueries(db, clock), _applicant)

    def _settings(self) -> centre_settings.CentreSettings:
        with self.db.reader() as session:
            return centre_settings.load(session)

    def _header(self, settings, number: str, issued_at: datetime) -> FormHeader:
        return FormHeader(settings.parent_body, settings.centre_name, number, settings.place, issued_at)

    def receipt_data(self, code: str) -> ReceiptData:
        d = self.queries.dossier(code)
        settings = self._settings()
        return ReceiptData(
            form=settings.form_title(RECEIPT),
            header=self._header(settings, f"{d.ledger_entry}/{d.ledger_book}", d.received_at),
            dossier_code=d.code,
            receiving_unit=settings.receiving_unit,
            applicant=_applicant(d),
            procedure_code=d.procedure_code,
            procedure_name=d.procedure_name,
            documents=tuple(DocumentLine(x.name, x.originals, x.certified_copies, x.photocopies) for x in d.documents),
            sets=d.sets,
            limit_text=limit_text(d.limit_value, d.limit_unit),
            received_at=d.received_at,
            due_at=d.due_at,
            return_method=RETURN_LABELS_VI[d.return_method],
            ledger_book=d.ledger_book,
            ledger_entry=str(d.ledger_entry),
            officer_name=d.officer_name,
            tracking_url=settings.tracking_url(d.code),
            fee_text=fee_text(d.fee),  # the amount only: exemption notes belong to the catalogue, not the receipt
        )

    def receipt(self, code: str) -> bytes:
        from counter_app.printing.receipt_template import render_receipt  # noqa: PLC0415 - see _templates

        return render_receipt(self.receipt_data(code))

    def supplement(self, number: str) -> bytes:
        from counter_app.printing.supplement_template import render_supplement  # noqa: PLC0415

        s = self.queries.slip(number)
        settings = self._settings()
        return render_supplement(
            SupplementData(
                form=settings.form_title(SUPPLEMENT),
                header=self._header(settings, s.number, s.created_at),
                applicant=_applicant(s),
                procedure_name=s.procedure_name,
                items=tuple(DocumentLine(i.name, i.originals, i.certified_copies, i.photocopies) for i in s.items),
                item_notes=s.notes,
                reason="Hồ sơ chưa đầy đủ, hợp lệ theo quy định.",
                officer_name=s.officer_name,
                officer_phone=s.officer_phone,
                dossier_code=s.dossier_code,
            )
        )

    def refusal(self, number: str) -> bytes:
        from counter_app.printing.refusal_template import render_refusal  # noqa: PLC0415

        s = self.queries.slip(number)
        settings = self._settings()
        return render_refusal(
            RefusalData(
                form=settings.form_title(REFUSAL),
                header=self._header(settings, s.number, s.created_at),
                applicant=_applicant(s),
                procedure_name=s.procedure_name,
                reasons=s.notes,
                officer_name=s.officer_name,
                dossier_code=s.dossier_code,
                receiving_unit=settings.receiving_unit,
            )
        )

    def render(self, kind: str, reference: str) -> bytes:
        """Any form by its kind (`KINDS`) and reference; `NotFound` when there is nothing to print."""
        # Imported here for the same reason as in `receipt`: reportlab loads after the login window.
        from counter_app.printing import (  # noqa: PLC0415
            apology_template,
            control_sheet_template,
            handover_list_template,
            ledger_template,
            return_ack_template,
        )

        forms = self.tracking
        return {
            RECEIPT: self.receipt, SUPPLEMENT: self.supplement, REFUSAL: self.refusal,
            APOLOGY: lambda ref: apology_template.render_apology(forms.apology(ref)),
            CONTROL_SHEET: lambda ref: control_sheet_template.render_control_sheet(forms.control_sheet(ref)),
            LEDGER: lambda ref: ledger_template.render_ledger(forms.ledger(ref, self.clock())),
            HANDOVER: lambda ref: handover_list_template.render_handover_list(forms.handover_list(ref)),
            RETURN: lambda ref: return_ack_template.render_return_ack(forms.return_ack(ref)),
        }[kind](reference)

    def log(self, kind: str, reference: str, target: str, *, ok: bool, error: str = "", copies: int = 1,
            user_id: str | None = None) -> None:
        """Record a print attempt; for a dossier also append a 'printed' event to its history."""
        with self.db.transaction() as session:
            now = self.clock()
            session.add(PrintLog(document=kind, reference=reference, target=target[:300], copies=copies, ok=ok,
                                 error=error[:2000], user_id=user_id, at=now))
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == reference))
            if dossier_id:
                append_event(session, dossier_id, at=now, actor_id=user_id, kind="printed" if ok else "print_failed",
                             detail={"document": kind, "target": target[:300], "error": error[:300]})
