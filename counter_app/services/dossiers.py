"""Finding dossiers and reading their full story (read side; nothing here writes).

`find()` takes whatever the officer typed or the scanner sent — a dossier code, a slip number, a
personal identifier, a phone number, or part of a name (accent-insensitive) — and picks the
indexed look-up that fits, so a scan is an index hit and a name search scans one short column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session, aliased, selectinload

from counter_app.models import Dossier, DossierEvent, Procedure, PrintLog, ReceptionSlip, User
from counter_app.services import codes, validation
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound
from counter_app.services.status import is_overdue
from counter_app.services.text import clean, fold

_DIGITS = re.compile(r"^[\d\s.+()-]+$")


@dataclass(frozen=True)
class FoundItem:
    """One search hit: a dossier, or a supplement/refusal slip given at reception."""

    kind: str  # "dossier" | "supplement" | "refusal"
    reference: str  # dossier code or slip number
    applicant_name: str
    id_number: str
    phone: str
    procedure_name: str
    status: int | None  # national status code for dossiers
    at: datetime  # received / issued
    due_at: datetime | None
    overdue: bool
    id: str = ""  # the dossier's (or slip's) UUID


@dataclass(frozen=True)
class EventInfo:
    at: datetime
    actor: str
    kind: str
    from_status: int | None
    to_status: int | None
    detail: dict


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    originals: int
    certified_copies: int
    photocopies: int


@dataclass(frozen=True)
class PrintInfo:
    at: datetime
    document: str
    target: str
    ok: bool
    error: str


@dataclass(frozen=True)
class DossierDetail:
    id: str
    code: str
    status: int
    overdue: bool
    procedure_code: str
    procedure_version: int
    procedure_name: str
    field_name: str
    department_name: str
    fee: Decimal
    fee_note: str
    applicant_kind: str
    applicant_name: str
    id_type: str
    id_number: str
    date_of_birth: date | None
    sex: str | None
    address: str
    phone: str
    email: str
    representative_name: str
    representative_id: str
    authorisation_document: str
    documents: tuple[DocumentInfo, ...]
    sets: int
    return_method: str
    received_at: datetime
    limit_value: int
    limit_unit: str
    counting_rule: str
    due_at: datetime
    original_due_at: datetime
    ledger_book: str
    ledger_entry: int
    officer_username: str
    officer_name: str
    officer_phone: str
    counter_number: int | None
    notes: str
    events: tuple[EventInfo, ...]
    prints: tuple[PrintInfo, ...]
    location: str = "centre"  # tracking.Location
    handover_list: str = ""
    rescheduled_at: datetime | None = None  # the apology (the due date moved once)
    finished_at: datetime | None = None
    returned_at: datetime | None = None


@dataclass(frozen=True)
class SlipDetail:
    number: str
    kind: str
    procedure_code: str
    procedure_name: str
    applicant_kind: str
    applicant_name: str
    id_type: str
    id_number: str
    address: str
    phone: str
    email: str
    representative_name: str
    representative_id: str
    authorisation_document: str
    items: tuple[DocumentInfo, ...]
    notes: tuple[str, ...]
    officer_name: str
    officer_phone: str
    counter_number: int | None
    created_at: datetime
    dossier_code: str


def _slip_detail(slip: ReceptionSlip, procedure: Procedure, officer: User, dossier_code: str = "") -> SlipDetail:
    return SlipDetail(
        number=slip.number, kind=slip.kind, procedure_code=procedure.code, procedure_name=procedure.name,
        applicant_kind=slip.applicant_kind, applicant_name=slip.applicant_name, id_type=slip.id_type,
        id_number=slip.id_number, address=slip.address, phone=slip.phone, email=slip.email,
        representative_name=slip.representative_name, representative_id=slip.representative_id,
        authorisation_document=slip.authorisation_document,
        items=tuple(DocumentInfo(i["name"], i.get("originals", 0), i.get("certified_copies", 0), i.get("photocopies", 0)) for i in slip.items),
        notes=tuple(line for line in slip.notes.split("\n") if line),
        officer_name=officer.full_name, officer_phone=officer.phone, counter_number=slip.counter_number,
        created_at=slip.created_at, dossier_code=dossier_code,
    )


class DossierQueries:
    """Read-only look-ups. Thread-safe: each call opens its own read session."""

    def __init__(self, db: Database, clock=datetime.now):
        self.db = db
        self.clock = clock

    def find(self, query: str, limit: int = 50) -> list[FoundItem]:
        text = clean(query)
        if not text:
            return []
        with self.db.reader() as session:
            if codes.looks_like_code(text):
                return self._by_code(session, text.upper() if text.isascii() else text)
            if _DIGITS.match(text):
                return self._by_number(session, text, limit)
            return self._by_name(session, fold(text), limit)

    def _dossier_items(self, session: Session, where, limit: int) -> list[FoundItem]:
        now = self.clock()
        rows = session.execute(
            select(Dossier.code, Dossier.applicant_name, Dossier.id_number, Dossier.phone, Procedure.name,
                   Dossier.status, Dossier.received_at, Dossier.due_at, Dossier.id, Dossier.original_due_at,
                   Dossier.paused_at)
            .join(Procedure, Procedure.id == Dossier.procedure_id)
            .where(where)
            .order_by(Dossier.received_at.desc())
            .limit(limit)
        )
        # Overdue against the original due time: an apology's new date never hides lateness.
        return [FoundItem("dossier", c, n, i, p, pn, s, r, d, is_overdue(s, o, now, paused), key)
                for c, n, i, p, pn, s, r, d, key, o, paused in rows]

    def _slip_items(self, session: Session, where, limit: int) -> list[FoundItem]:
        rows = session.execute(
            select(ReceptionSlip.kind, ReceptionSlip.number, ReceptionSlip.applicant_name, ReceptionSlip.id_number,
                   ReceptionSlip.phone, Procedure.name, ReceptionSlip.created_at, ReceptionSlip.id)
            .join(Procedure, Procedure.id == ReceptionSlip.procedure_id)
            .where(where)
            .order_by(ReceptionSlip.created_at.desc())
            .limit(limit)
        )
        return [FoundItem(k, num, n, i, p, pn, None, at, None, False, key) for k, num, n, i, p, pn, at, key in rows]

    def _by_code(self, session: Session, code: str) -> list[FoundItem]:
        return self._dossier_items(session, Dossier.code == code, 1) or self._slip_items(session, ReceptionSlip.number == code, 1)

    def _by_number(self, session: Session, text: str, limit: int) -> list[FoundItem]:
        ident = validation.normalise_identifier(text)
        phone = validation.normalise_phone(text)
        found = self._dossier_items(session, or_(Dossier.id_number == ident, Dossier.phone == phone), limit)
        return found + self._slip_items(session, or_(ReceptionSlip.id_number == ident, ReceptionSlip.phone == phone), limit)

    def _by_name(self, session: Session, key: str, limit: int) -> list[FoundItem]:
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if self.db.dialect == "sqlite" and len(key) >= 3 and not any(c in key for c in "%_\\"):
            # The trigram index answers LIKE '%key%' without reading every dossier (≥ 3 chars).
            hits = text("dossier.rowid IN (SELECT rowid FROM dossier_name_fts WHERE search_name LIKE :p)")
            name_filter = hits.bindparams(p=f"%{key}%")
        else:
            # PostgreSQL: a plain LIKE '%key%' on the folded name, served by the pg_trgm GIN index
            # of migration 0002 (a sequential scan where pg_trgm is not installed).
            name_filter = Dossier.search_name.like(pattern, escape="\\")
        found = self._dossier_items(session, name_filter, limit)
        return found + self._slip_items(session, ReceptionSlip.search_name.like(pattern, escape="\\"), limit)

    def dossier(self, code: str) -> DossierDetail:
        with self.db.reader() as session:
            row = session.scalar(select(Dossier).options(selectinload(Dossier.documents)).where(Dossier.code == code.strip()))
            if row is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No dossier with code {code}."), {"code": code}))
            procedure = session.get(Procedure, row.procedure_id)
            officer = session.get(User, row.officer_id)
            actor = aliased(User)
            events = session.execute(
                select(DossierEvent, actor.full_name)
                .outerjoin(actor, actor.id == DossierEvent.actor_id)
                .where(DossierEvent.dossier_id == row.id)
                .order_by(DossierEvent.seq, DossierEvent.at, DossierEvent.id)
            )
            prints = session.scalars(select(PrintLog).where(PrintLog.reference == row.code).order_by(PrintLog.at))
            return DossierDetail(
                id=row.id, code=row.code, status=row.status, overdue=is_overdue(row.status, row.original_due_at, self.clock(), row.paused_at),
                procedure_code=procedure.code, procedure_version=procedure.version, procedure_name=procedure.name,
                field_name=procedure.field.name, department_name=procedure.field.department.name,
                fee=Decimal(procedure.fee or 0), fee_note=procedure.fee_note, applicant_kind=row.applicant_kind, applicant_name=row.applicant_name, id_type=row.id_type,
                id_number=row.id_number, date_of_birth=row.date_of_birth, sex=row.sex, address=row.address,
                phone=row.phone, email=row.email, representative_name=row.representative_name,
                representative_id=row.representative_id, authorisation_document=row.authorisation_document,
                documents=tuple(DocumentInfo(d.name, d.originals, d.certified_copies, d.photocopies) for d in row.documents),
                sets=row.sets, return_method=row.return_method, received_at=row.received_at,
                limit_value=row.limit_value, limit_unit=row.limit_unit, counting_rule=row.counting_rule,
                due_at=row.due_at, original_due_at=row.original_due_at, ledger_book=row.ledger_book,
                ledger_entry=row.ledger_entry, officer_username=officer.username, officer_name=officer.full_name,
                officer_phone=officer.phone, counter_number=row.counter_number, notes=row.notes,
                events=tuple(EventInfo(e.at, name or "", e.kind, e.from_status, e.to_status, dict(e.detail or {})) for e, name in events),
                prints=tuple(PrintInfo(p.at, p.document, p.target, p.ok, p.error) for p in prints),
                location=row.location, handover_list=row.handover_list, rescheduled_at=row.rescheduled_at,
                finished_at=row.finished_at, returned_at=row.returned_at,
            )

    def slip(self, number: str) -> SlipDetail:
        with self.db.reader() as session:
            slip = session.scalar(select(ReceptionSlip).where(ReceptionSlip.number == number.strip()))
            if slip is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No slip with number {number}."), {"number": number}))
            # A supplement asked for during processing belongs to a received dossier; Mẫu 02 names it.
            code = session.scalar(select(Dossier.code).where(Dossier.id == slip.dossier_id)) if slip.dossier_id else ""
            return _slip_detail(slip, session.get(Procedure, slip.procedure_id), session.get(User, slip.officer_id), code or "")

    def guidance_for(self, id_number: str = "", phone: str = "", limit: int = 10) -> list[SlipDetail]:
        """Earlier supplement requests and refusals for this person, newest first, so a repeat
        visit sees what was asked last time."""
        ident = validation.normalise_identifier(id_number) if id_number.strip() else None
        tel = validation.normalise_phone(phone) if phone.strip() else None
        conditions = [c for c in (ident and ReceptionSlip.id_number == ident, tel and ReceptionSlip.phone == tel) if c is not None and c is not False]
        if not conditions:
            return []
        with self.db.reader() as session:
            slips = session.scalars(select(ReceptionSlip).where(or_(*conditions)).order_by(ReceptionSlip.created_at.desc()).limit(limit))
            return [_slip_detail(s, session.get(Procedure, s.procedure_id), session.get(User, s.officer_id)) for s in slips]
