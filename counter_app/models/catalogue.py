"""The procedure catalogue: fields, departments, procedures (versioned) and their documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from counter_app.models.base import Base, uuid_pk


class Department(Base):
    """A specialised department (sở, ban, ngành) competent for some procedures."""

    __tablename__ = "department"
    id: Mapped[str] = uuid_pk()
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Who signs the department's apology letters (Mẫu 04), e.g. "GIÁM ĐỐC" / "Nguyễn Văn A".
    head_title: Mapped[str] = mapped_column(String(100), default="GIÁM ĐỐC")
    head_name: Mapped[str] = mapped_column(String(150), default="")


class Field(Base):
    """A field (lĩnh vực) of procedures; counters serve fields."""

    __tablename__ = "field"
    id: Mapped[str] = uuid_pk()
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[str] = mapped_column(ForeignKey("department.id"))
    department: Mapped[Department] = relationship()


class Procedure(Base):
    """One version of an administrative procedure (TTHC).

    A procedure code may have several versions; a dossier points at the exact version it was
    received under, so editing the catalogue never changes a received dossier. Only the row with
    `current = True` is offered at intake.
    """

    __tablename__ = "procedure"
    __table_args__ = (UniqueConstraint("code", "version"),)
    id: Mapped[str] = uuid_pk()
    code: Mapped[str] = mapped_column(String(60), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(500))
    search_key: Mapped[str] = mapped_column(Text, default="")
    field_id: Mapped[str] = mapped_column(ForeignKey("field.id"))
    field: Mapped[Field] = relationship()
    limit_value: Mapped[int] = mapped_column(Integer)
    limit_unit: Mapped[str] = mapped_column(String(20))  # calendar.LimitUnit
    counting_rule: Mapped[str | None] = mapped_column(String(20), nullable=True)  # None = centre default
    after_cutoff: Mapped[bool] = mapped_column(Boolean, default=True)
    # After a supplement requested during processing: "restart" from zero or "extend" by the
    # paused time; None = the centre's default (setting supplement_clock).
    supplement_clock: Mapped[str | None] = mapped_column(String(10), nullable=True)
    fee: Mapped[Decimal] = mapped_column(Numeric(14, 0), default=0)
    fee_note: Mapped[str] = mapped_column(String(300), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    documents: Mapped[list[ProcedureDocument]] = relationship(
        order_by="ProcedureDocument.position", cascade="all, delete-orphan"
    )


class ProcedureDocument(Base):
    """A required document of a procedure version with the counts to submit."""

    __tablename__ = "procedure_document"
    id: Mapped[str] = uuid_pk()
    procedure_id: Mapped[str] = mapped_column(ForeignKey("procedure.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
