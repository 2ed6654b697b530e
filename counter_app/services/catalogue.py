"""Read side of the procedure catalogue: what the intake page offers and the CLI lists."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from counter_app.models import Department, Field, Procedure
from counter_app.services.calendar import LimitUnit
from counter_app.services import validation
from counter_app.services.db import PUBLISH, Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound, ValidationFailed
from counter_app.services.text import fold


@dataclass(frozen=True)
class DocumentRequirement:
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    required: bool = True


@dataclass(frozen=True)
class ProcedureInfo:
    """One current procedure version as offered at the counter."""

    id: str
    code: str
    version: int
    name: str
    field_code: str
    field_name: str
    department_code: str
    department_name: str
    limit_value: int
    limit_unit: LimitUnit
    counting_rule: str | None  # None: the centre's default rule
    after_cutoff: bool
    fee: Decimal
    fee_note: str
    documents: tuple[DocumentRequirement, ...]
    demo: bool
    search_key: str

    @property
    def limit_text(self) -> str:
        return limit_text(self.limit_value, self.limit_unit)

    def matches(self, query: str) -> bool:
        """Accent-insensitive: every word of `query` occurs in code, name, field or department."""
        return all(word in self.search_key for word in fold(query).split())


def limit_text(value: int, unit: LimitUnit | str) -> str:
    """The legal time limit as printed: "10 ngày làm việc", "4 giờ làm việc", "Trong ngày"."""
    unit = LimitUnit(unit)
    if value == 0:
        return "Trong ngày"
    return {
        LimitUnit.WORKING_DAYS: f"{value} ngày làm việc",
        LimitUnit.CALENDAR_DAYS: f"{value} ngày",
        LimitUnit.WORKING_HOURS: f"{value} giờ làm việc",
    }[unit]


def fee_text(fee: Decimal, note: str = "") -> str:
    amount = f"{int(fee):,}".replace(",", ".") + " đồng" if fee else "Không thu phí"
    return f"{amount} ({note})" if note else amount


def procedure_info(row: Procedure) -> ProcedureInfo:
    return ProcedureInfo(
        id=row.id,
        code=row.code,
        version=row.version,
        name=row.name,
        field_code=row.field.code,
        field_name=row.field.name,
        department_code=row.field.department.code,
        department_name=row.field.department.name,
        limit_value=row.limit_value,
        limit_unit=LimitUnit(row.limit_unit),
        counting_rule=row.counting_rule,
        after_cutoff=row.after_cutoff,
        fee=Decimal(row.fee or 0),
        fee_note=row.fee_note,
        documents=tuple(
            DocumentRequirement(d.name, d.originals, d.certified_copies, d.photocopies, d.required)
            for d in row.documents
        ),
        demo=row.demo,
        search_key=row.search_key or fold(f"{row.code} {row.name} {row.field.name} {row.field.department.name}"),
    )


def _loaded():
    return select(Procedure).options(
        selectinload(Procedure.documents), selectinload(Procedure.field).selectinload(Field.department)
    )


def load_current(session: Session, code: str) -> Procedure:
    row = session.scalar(_loaded().where(Procedure.code == code, Procedure.current.is_(True)))
    if row is None:
        raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No procedure with code {code}."), {"code": code}))
    return row


@dataclass(frozen=True)
class FieldInfo:
    code: str
    name: str
    department_name: str


class CatalogueService:
    """Current procedures, read-only. Thread-safe: each call opens its own session."""

    def __init__(self, db: Database):
        self.db = db

    def procedures(self) -> list[ProcedureInfo]:
        with self.db.reader() as session:
            rows = session.scalars(_loaded().where(Procedure.current.is_(True)).order_by(Procedure.code))
            return [procedure_info(r) for r in rows]

    def fields(self) -> list[FieldInfo]:
        """Every field (lĩnh vực), by name: what the ledger (Mẫu 06) is kept per."""
        with self.db.reader() as session:
            rows = session.execute(select(Field.code, Field.name, Department.name)
                                   .join(Department, Department.id == Field.department_id).order_by(Field.name))
            return [FieldInfo(*row) for row in rows]

    def set_department_head(self, code: str, title: str, name: str) -> None:
        """Who signs the department's apology letters (Mẫu 04): title (e.g. "GIÁM ĐỐC", or
        "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC") and full name. Reaches every counter."""
        title, problem = validation.check_text(title, "department.head_title", required=True, max_len=100, multiline=True)
        name, name_problem = validation.check_name(name, "department.head_name")
        problems = [p for p in (problem, name_problem) if p]
        if problems:
            raise ValidationFailed(problems)
        with self.db.transaction() as session:
            department = session.scalar(select(Department).where(Department.code == code.strip().upper()))
            if department is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No department with code {code}."), {"code": code}))
            session.info[PUBLISH] = {"department"}
            department.head_title, department.head_name = title, name

    def set_supplement_clock(self, code: str, mode: str | None) -> int:
        """After a supplement requested during processing, this procedure's limit "restart"s or is
        "extend"ed by the paused time; None follows the centre's setting. Applies to every version
        of the procedure (a received dossier reads its own version's). Returns the versions changed."""
        if mode not in (None, "restart", "extend"):
            raise ValueError(f"unknown supplement clock {mode!r}: use restart, extend or default")
        with self.db.transaction() as session:
            rows = session.scalars(select(Procedure).where(Procedure.code == code.strip())).all()
            if not rows:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No procedure with code {code}."), {"code": code}))
            session.info[PUBLISH] = {"procedure"}
            for row in rows:
                row.supplement_clock = mode
            return len(rows)

    def search(self, query: str) -> list[ProcedureInfo]:
        return [p for p in self.procedures() if p.matches(query)]

    def get(self, code: str) -> ProcedureInfo:
        with self.db.reader() as session:
            return procedure_info(load_current(session, code))
