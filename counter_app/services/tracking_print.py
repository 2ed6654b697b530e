"""Data for the forms of a dossier's life after intake, built from what is stored: Mẫu 04 (the
apology), Mẫu 05 (the control sheet), Mẫu 06 (the ledger), the hand-over list and the
acknowledgement of a returned result. Templates only lay these out (`counter_app.printing`).

Guarantee: a reprint shows the same content as the first print — everything comes from the
dossier's append-only event log and its row, never from the caller.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from counter_app.models import Department, Dossier, DossierEvent, User
from counter_app.printing.documents import ApplicantBlock, FormHeader
from counter_app.printing.tracking_documents import (
    ApologyData,
    ControlRow,
    ControlSheetData,
    HandoverListData,
    HandoverRow,
    LedgerData,
    LedgerRow,
    ReturnAckData,
)
from counter_app.services import centre_settings
from counter_app.services.db import Database
from counter_app.services.dossiers import DossierQueries
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound
from counter_app.services.intake_input import RETURN_LABELS_VI
from counter_app.services.lifecycle import MARK_LABELS_VI, Mark, mark
from counter_app.services.tracking_reads import TrackingQueries

LEDGER_METHODS_VI = {"counter": "Trực tiếp", "post": "Bưu chính", "online": "Trực tuyến"}


def ledger_reference(field_code: str, start: date, end: date) -> str:
    """The print log's reference of a ledger: "FIELD|YYYY-MM-DD|YYYY-MM-DD"."""
    return f"{field_code.strip().upper()}|{start.isoformat()}|{end.isoformat()}"


def parse_ledger_reference(reference: str) -> tuple[str, date, date]:
    field_code, start, end = reference.split("|")
    return field_code, date.fromisoformat(start), date.fromisoformat(end)


def _vi_mark(value: str) -> str:
    return MARK_LABELS_VI.get(Mark(value), "") if value else ""


class TrackingForms:
    """Builds the data of each form; thread-safe (own read sessions)."""

    def __init__(self, db: Database, queries: DossierQueries, reads: TrackingQueries, applicant_block):
        self.db = db
        self.queries = queries
        self.reads = reads
        self._applicant = applicant_block  # print_service._applicant: one place decides what is printed

    def _settings(self) -> centre_settings.CentreSettings:
        with self.db.reader() as session:
            return centre_settings.load(session)

    def _last_event(self, code: str, kind: str) -> tuple[datetime, dict, str]:
        """(time, details, actor's name) of the dossier's newest event of `kind`."""
        with self.db.reader() as session:
            row = session.execute(
                select(DossierEvent.at, DossierEvent.detail, User.full_name).join(Dossier, Dossier.id == DossierEvent.dossier_id)
                .outerjoin(User, User.id == DossierEvent.actor_id)
                .where(Dossier.code == code.strip().upper(), DossierEvent.kind == kind)
                .order_by(DossierEvent.seq.desc()).limit(1)).first()
        if row is None:
            text = {"apologize": QT_TRANSLATE_NOOP("Messages", "Dossier {code} has no apology (Form 04)."),
                    "return": QT_TRANSLATE_NOOP("Messages", "The result of dossier {code} has not been returned.")}[kind]
            raise NotFound(Message(text, {"code": code}))
        return row[0], dict(row[1] or {}), row[2] or ""

    def apology(self, code: str) -> ApologyData:
        d = self.queries.dossier(code)
        at, detail, _who = self._last_event(d.code, "apologize")
        settings = self._settings()
        with self.db.reader() as session:
            department = session.execute(
                select(Department.name, Department.head_title, Department.head_name)
                .join(Dossier, Dossier.department_id == Department.id).where(Dossier.code == d.code)).first()
        name = department.name if department else d.department_name
        return ApologyData(
            form=settings.form_title("apology"),
            header=FormHeader(settings.parent_body, name.upper(), detail.get("number", ""), settings.place, at),
            department_name=name, applicant=self._applicant(d), dossier_code=d.code, procedure_name=d.procedure_name,
            received_at=d.received_at, original_due_at=datetime.fromisoformat(detail["old_due"]),
            new_due_at=datetime.fromisoformat(detail["new_due"]), reason=detail.get("reason", ""),
            head_title=department.head_title if department else "THỦ TRƯỞNG CƠ QUAN",
            head_name=department.head_name if department else "",
            recipients=("Như trên;", f"{settings.receiving_unit};", "Lưu: VT."),
            tracking_url=settings.tracking_url(d.code),
        )

    def control_sheet(self, code: str) -> ControlSheetData:
        d = self.queries.dossier(code)
        settings = self._settings()
        steps = self.reads.control_rows(d.code, settings.receiving_unit)
        return ControlSheetData(
            form=settings.form_title("control_sheet"),
            header=FormHeader(settings.parent_body, settings.centre_name, f"{d.ledger_entry}/{d.ledger_book}",
                              settings.place, d.received_at),
            dossier_code=d.code, procedure_name=d.procedure_name, applicant_name=d.applicant_name,
            processing_unit=d.department_name, cooperating_units=(), received_at=d.received_at, due_at=d.due_at,
            original_due_at=d.original_due_at,
            rows=tuple(ControlRow(i, s.from_unit, s.from_person, s.to_unit, s.to_person, s.at, _vi_mark(s.mark), s.note)
                       for i, s in enumerate(steps, start=1)),
        )

    def ledger(self, reference: str, now: datetime) -> LedgerData:
        field_code, start, end = parse_ledger_reference(reference)
        field_name, rows = self.reads.ledger(field_code, start, end)
        settings = self._settings()
        out = []
        for i, (code, procedure, applicant, address, phone, department, received, due, returned, detail, original,
                finished) in enumerate(rows, start=1):
            method = LEDGER_METHODS_VI.get((detail or {}).get("method", ""), "")
            late = mark(finished or now, original) is Mark.LATE
            out.append(LedgerRow(i, code, procedure, applicant, f"{address}; {phone}", department or "", received, due,
                                 returned, method, "Quá hạn" if late else ""))
        return LedgerData(
            form=settings.form_title("ledger"),
            header=FormHeader(settings.parent_body, settings.centre_name, "", settings.place, now),
            field_name=field_name, period_from=start, period_to=end, rows=tuple(out),
        )

    def handover_list(self, number: str) -> HandoverListData:
        info, rows = self.reads.handover_list(number)
        settings = self._settings()
        return HandoverListData(
            form=settings.form_title("handover"),
            header=FormHeader(settings.parent_body, settings.centre_name, number.strip().upper(), settings.place, info["at"]),
            list_number=number.strip().upper(), from_unit=settings.receiving_unit, from_person=info.get("sender", ""),
            to_unit=info.get("to_unit", rows[0].department_name), to_person=info.get("receiver", ""), handed_at=info["at"],
            rows=tuple(HandoverRow(i, r.code, r.procedure_name, r.applicant_name, r.received_at, r.due_at, r.sets)
                       for i, r in enumerate(rows, start=1)),
        )

    def return_ack(self, code: str) -> ReturnAckData:
        d = self.queries.dossier(code)
        at, detail, officer = self._last_event(d.code, "return")
        settings = self._settings()
        applicant: ApplicantBlock = self._applicant(d)
        ident = detail.get("collector_id", "")
        return ReturnAckData(
            form=settings.form_title("return"),
            header=FormHeader(settings.parent_body, settings.centre_name, f"{d.ledger_entry}/{d.ledger_book}",
                              settings.place, at),
            dossier_code=d.code, procedure_name=d.procedure_name, applicant=applicant,
            collector_name=detail.get("collector", ""),
            collector_id_label="Số định danh cá nhân" if ident.isdigit() and len(ident) == 12 else "Số giấy tờ tùy thân",
            collector_id_number=ident, authorisation_document=detail.get("authorisation", ""),
            received_at=d.received_at, due_at=d.due_at, returned_at=at,
            method=RETURN_LABELS_VI.get(detail.get("method", ""), ""), mark=_vi_mark(detail.get("mark", "")),
            officer_name=officer, note=detail.get("note", ""),
        )
