"""Reception at the counter: receive a complete dossier, or give a supplement request or a refusal.

Guarantees:
- `receive()` writes the dossier, its documents, its code, its ledger entry and its first event
  in ONE transaction: an exception or a killed process leaves no trace, and a code is never
  issued twice (see `codes`).
- The receiving officer and counter are recorded on every dossier and slip.
- Nothing is saved when any field is invalid (`ValidationFailed` lists every problem).
- Thread-safe: every call opens its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from counter_app.models import Dossier, DossierDocument, Field, Procedure, ReceptionSlip, now_local
from counter_app.services import centre_settings, codes
from counter_app.services.auth import Role, UserInfo, require_role
from counter_app.services.calendar import CountingRule, WorkCalendar
from counter_app.services.calendar_store import load_calendar
from counter_app.services.catalogue import ProcedureInfo, load_current, procedure_info
from counter_app.services.db import Database
from counter_app.services.history import append_event
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message, NotFound, ValidationFailed
from counter_app.services.intake_input import (
    Applicant,
    CleanIntake,
    DocumentInput,
    IntakeInput,
    clean_lines,
    validate_intake,
)
from counter_app.services.status import Status
from counter_app.services.text import fold


@dataclass(frozen=True)
class ReceivedDossier:
    id: str
    code: str
    received_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class IssuedSlip:
    number: str
    kind: str  # codes.SUPPLEMENT | codes.REFUSAL


def _applicant_columns(a: Applicant) -> dict:
    return dict(
        applicant_kind=a.kind,
        applicant_name=a.name,
        id_type=a.id_type,
        id_number=a.id_number,
        date_of_birth=a.date_of_birth,
        sex=a.sex,
        address=a.address,
        phone=a.phone,
        email=a.email,
        representative_name=a.representative_name,
        representative_id=a.representative_id,
        authorisation_document=a.authorisation_document,
        search_name=fold(a.name),
    )


class IntakeService:
    """The three outcomes of reception. `clock` is injectable so tests can fix the time."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock

    def preview_due(self, procedure: ProcedureInfo, received_at: datetime | None = None) -> datetime:
        """The due time the receipt would show if received now (shown as soon as a procedure is picked)."""
        with self.db.reader() as session:
            settings = centre_settings.load(session)
            calendar = load_calendar(session, settings)
        return self._due(calendar, settings, procedure, received_at or self.clock().replace(second=0))

    @staticmethod
    def _rule(settings: centre_settings.CentreSettings, procedure: ProcedureInfo) -> CountingRule:
        return CountingRule(procedure.counting_rule or settings.counting_rule)

    def _due(self, calendar: WorkCalendar, settings, procedure: ProcedureInfo, received_at: datetime) -> datetime:
        return calendar.due(
            received_at, procedure.limit_value, procedure.limit_unit, self._rule(settings, procedure), procedure.after_cutoff
        )

    def _validated(self, session, raw: IntakeInput) -> CleanIntake:
        procedure = None
        if raw.procedure_code:
            try:
                procedure = procedure_info(load_current(session, raw.procedure_code))
            except NotFound:
                procedure = None
        return validate_intake(raw, procedure, self.clock())

    def receive(self, raw: IntakeInput, officer: UserInfo, counter_number: int | None = None) -> ReceivedDossier:
        """Receive a complete dossier: issue its code, compute its due time, record it."""
        require_role(officer, Role.RECEPTION, Role.SUPERVISOR)
        with self.db.transaction() as session:
            data = self._validated(session, raw)
            if data.missing_required:
                text = QT_TRANSLATE_NOOP(
                    "Messages",
                    "The dossier is incomplete ({count} required documents not ticked: {names}). "
                    "Request a supplement instead.",
                )
                names = "; ".join(data.missing_required)[:300]
                raise ValidationFailed([FieldError("documents", Message(text, {"count": len(data.missing_required), "names": names}))])
            settings = centre_settings.load(session)
            calendar = load_calendar(session, settings)
            due = self._due(calendar, settings, data.procedure, data.received_at)
            day = data.received_at.date()
            dossier = Dossier(
                code=codes.issue_dossier_code(session, settings.agency_id, day),
                agency=settings.agency_id,
                status=Status.RECEIVED,
                procedure_id=data.procedure.id,
                sets=data.sets,
                return_method=data.return_method,
                received_at=data.received_at,
                limit_value=data.procedure.limit_value,
                limit_unit=data.procedure.limit_unit.value,
                counting_rule=self._rule(settings, data.procedure).value,
                after_cutoff=data.procedure.after_cutoff,
                due_at=due,
                original_due_at=due,
                ledger_book=str(day.year),
                ledger_entry=codes.issue_ledger_entry(session, settings.agency_id, day.year),
                officer_id=officer.id,
                counter_number=counter_number,
                notes=data.notes,
                department_id=session.scalar(select(Field.department_id).join(Procedure, Procedure.field_id == Field.id)
                                             .where(Procedure.id == data.procedure.id)),
                **_applicant_columns(data.applicant),
            )
            dossier.documents = [
                DossierDocument(position=i, name=d.name, originals=d.originals,
                                certified_copies=d.certified_copies, photocopies=d.photocopies)
                for i, d in enumerate(data.documents, start=1)
            ]
            session.add(dossier)
            session.flush()
            append_event(
                session,
                dossier.id,
                at=self.clock(),
                actor_id=officer.id,
                kind="received",
                to_status=Status.RECEIVED,
                detail={
                    "counter": counter_number,
                    "due_at": due.isoformat(timespec="minutes"),
                    "rule": dossier.counting_rule,
                    "procedure": data.procedure.code,
                    "procedure_version": data.procedure.version,
                },
            )
            return ReceivedDossier(dossier.id, dossier.code, dossier.received_at, dossier.due_at)

    def request_supplement(
        self, raw: IntakeInput, officer: UserInfo, items: tuple[DocumentInput, ...] = (), notes: str = "",
        counter_number: int | None = None,
    ) -> IssuedSlip:
        """Mẫu 02 at reception: nothing is received and no clock starts, but the guidance given is
        recorded. `items` default to every required document not ticked."""
        require_role(officer, Role.RECEPTION, Role.SUPERVISOR)
        with self.db.transaction() as session:
            data = self._validated(session, raw)
            listed = items or tuple(
                DocumentInput(d.name, d.originals, d.certified_copies, d.photocopies)
                for d in data.procedure.documents
                if d.name in data.missing_required
            )
            lines = clean_lines(notes)
            if not listed and not lines:
                text = QT_TRANSLATE_NOOP("Messages", "List at least one document to add or one thing to fix.")
                raise ValidationFailed([FieldError("supplement.items", Message(text))])
            return self._slip(session, codes.SUPPLEMENT, data, officer, listed, lines, counter_number)

    def refuse(self, raw: IntakeInput, officer: UserInfo, reasons: str, counter_number: int | None = None) -> IssuedSlip:
        """Mẫu 03 at reception: the request is not acceptable; the reasons are recorded."""
        require_role(officer, Role.RECEPTION, Role.SUPERVISOR)
        with self.db.transaction() as session:
            data = self._validated(session, raw)
            lines = clean_lines(reasons)
            if not lines:
                raise ValidationFailed([FieldError("refusal.reasons", Message(QT_TRANSLATE_NOOP("Messages", "Give the reasons for the refusal.")))])
            return self._slip(session, codes.REFUSAL, data, officer, (), lines, counter_number)

    def _slip(self, session, kind, data: CleanIntake, officer, items, lines, counter_number) -> IssuedSlip:
        settings = centre_settings.load(session)
        now = self.clock()
        slip = ReceptionSlip(
            number=codes.issue_slip_number(session, settings.agency_id, kind, now.date()),
            kind=kind,
            procedure_id=data.procedure.id,
            items=[vars(i) for i in items],
            notes="\n".join(lines),
            officer_id=officer.id,
            counter_number=counter_number,
            created_at=now,
            **_applicant_columns(data.applicant),
        )
        session.add(slip)
        return IssuedSlip(slip.number, kind)
