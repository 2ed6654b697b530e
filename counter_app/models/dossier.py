"""Dossiers, their documents, their append-only event history, reception slips and the print log.

History is never rewritten: `dossier_event` rows are only inserted (the schema installs triggers
that refuse UPDATE and DELETE on it), and `dossier.status` is a cache of the last event's
`to_status`, written in the same transaction as that event.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, now_local, uuid_pk


INBOX_PREDICATE = "status IN (2, 4, 5, 6) AND location <> 'centre'"
INBOX_INDEX_COLUMNS = ("department_id", "due_at", "code", "original_due_at", "rescheduled_at", "location", "paused_at")


class ApplicantColumns:
    """Applicant fields shared by dossiers and reception slips (copied, not linked: a dossier keeps
    what was declared when it was received)."""

    applicant_kind: Mapped[str] = mapped_column(String(20))  # individual | organisation
    applicant_name: Mapped[str] = mapped_column(String(150))
    id_type: Mapped[str] = mapped_column(String(20))  # personal_id | tax_code | passport
    id_number: Mapped[str] = mapped_column(String(20), index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str | None] = mapped_column(String(10), nullable=True)
    address: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(20), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    representative_name: Mapped[str] = mapped_column(String(150), default="")
    representative_id: Mapped[str] = mapped_column(String(20), default="")
    authorisation_document: Mapped[str] = mapped_column(String(300), default="")
    search_name: Mapped[str] = mapped_column(String(150), index=True)  # text.fold(applicant_name)


class Dossier(ApplicantColumns, Base):
    """A received dossier (hồ sơ). `code` is unique forever and never reused."""

    __tablename__ = "dossier"
    # A department's inbox: its open dossiers in due order, one range of a partial index (the
    # predicate is written the same way in `tracking_reads.INBOX_OPEN`, so SQLite can use it),
    # covering what the filters test, so counting 20,000 of them reads the index alone.
    __table_args__ = (Index("ix_dossier_inbox", *INBOX_INDEX_COLUMNS,
                            sqlite_where=text(INBOX_PREDICATE), postgresql_where=text(INBOX_PREDICATE)),)
    id: Mapped[str] = uuid_pk()
    code: Mapped[str] = mapped_column(String(60), unique=True)
    agency: Mapped[str] = mapped_column(String(60))
    status: Mapped[int] = mapped_column(Integer, index=True)
    procedure_id: Mapped[str] = mapped_column(ForeignKey("procedure.id"))
    sets: Mapped[int] = mapped_column(Integer, default=1)
    return_method: Mapped[str] = mapped_column(String(20))  # counter | post | online
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    limit_value: Mapped[int] = mapped_column(Integer)
    limit_unit: Mapped[str] = mapped_column(String(20))
    counting_rule: Mapped[str] = mapped_column(String(20))
    after_cutoff: Mapped[bool] = mapped_column(Boolean)
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    original_due_at: Mapped[datetime] = mapped_column(DateTime)
    ledger_book: Mapped[str] = mapped_column(String(40))
    ledger_entry: Mapped[int] = mapped_column(Integer)
    officer_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    counter_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_local)
    # After reception (issue 5). Caches of what the event log says, written with the event:
    department_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # competent department at receipt
    location: Mapped[str] = mapped_column(String(20), default="centre")  # tracking.Location
    handover_list: Mapped[str] = mapped_column(String(60), default="", index=True)  # last hand-over list number
    paused_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # clock paused: a supplement or the fees are awaited
    rescheduled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # the apology (once only)
    explained_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # written explanation of lateness
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # result ready, refused, stopped, withdrawn
    returned_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    documents: Mapped[list[DossierDocument]] = relationship(
        order_by="DossierDocument.position", cascade="all, delete-orphan"
    )


class DossierDocument(Base):
    """A document as received with the dossier (name and counts copied from the checklist)."""

    __tablename__ = "dossier_document"
    id: Mapped[str] = uuid_pk()
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossier.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)


class DossierEvent(Base):
    """One appended fact about a dossier: who, when, what, and the status move if any."""

    __tablename__ = "dossier_event"
    id: Mapped[str] = uuid_pk()
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossier.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # order within the dossier; ties broken by id when logs merge
    at: Mapped[datetime] = mapped_column(DateTime, default=now_local)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    to_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class ReceptionSlip(ApplicantColumns, Base):
    """Guidance given at the counter without receiving a dossier: a supplement request (Mẫu 02)
    or a refusal (Mẫu 03). Kept so that a repeat visit sees what the applicant was told."""

    __tablename__ = "reception_slip"
    id: Mapped[str] = uuid_pk()
    number: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # supplement | refusal
    procedure_id: Mapped[str] = mapped_column(ForeignKey("procedure.id"))
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossier.id"), nullable=True)
    items: Mapped[list] = mapped_column(JSON, default=list)  # [{name, originals, certified_copies, photocopies}]
    notes: Mapped[str] = mapped_column(Text, default="")  # officer's notes / reasons, one per line
    officer_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    counter_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_local, index=True)


class PrintLog(Base):
    """Every print or PDF export of a form, successful or not."""

    __tablename__ = "print_log"
    id: Mapped[str] = uuid_pk()
    document: Mapped[str] = mapped_column(String(20))  # receipt | supplement | refusal
    reference: Mapped[str] = mapped_column(String(60), index=True)  # dossier code or slip number
    target: Mapped[str] = mapped_column(String(300))  # printer name or file path
    copies: Mapped[int] = mapped_column(Integer, default=1)
    ok: Mapped[bool] = mapped_column(Boolean)
    error: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=now_local)
