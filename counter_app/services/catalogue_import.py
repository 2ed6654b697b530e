"""Import the province's procedure catalogue from a `.csv` or `.xlsx` file.

The column layout and the document mini-syntax are documented in `docs/catalogue-format.md`;
reading the file is `catalogue_files`, validating its rows `catalogue_rows`, the document syntax
`catalogue_documents`.

Guarantees:
- All or nothing. Every row is read and validated before anything is written; every problem is
  collected as a `RowError` (row number as the user sees it in the spreadsheet, header = row 1;
  row 0 = the file as a whole) and raised together as `CatalogueImportError`. The writes happen
  inside a SAVEPOINT, so a failure while writing undoes all of this import's writes and leaves the
  caller's transaction to roll back; nothing is ever committed here.
- All text is NFC-cleaned (`text.clean`), so decomposed Vietnamese input is stored composed.
- Versioning: a code whose current version has identical content is left alone ("unchanged");
  different content adds version max+1 (current, effective from `today`) and retires the previous
  current row; a new code becomes version 1. Received dossiers keep pointing at their version.
- Departments and fields are upserted by code (their names, and a field's department, updated).
- The names in `__all__` stay importable from here, wherever they are defined.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from counter_app.models import Department, Field, Procedure, ProcedureDocument
from counter_app.services import text
from counter_app.services.catalogue_documents import (
    DocumentSpec,
    DocumentSyntaxError,
    format_document,
    parse_document,
    parse_documents,
)
from counter_app.services.catalogue_files import read_table
from counter_app.services.catalogue_rows import COLUMNS, REQUIRED_COLUMNS, CatalogueImportError, CatalogueRow, RowError, validate_table

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "CatalogueImportError",
    "DocumentSpec",
    "DocumentSyntaxError",
    "ImportReport",
    "RowError",
    "format_document",
    "import_catalogue",
    "parse_document",
    "parse_documents",
]


# --- Results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    """What an import did: procedures added / given a new version / left unchanged, and the
    number of departments and fields created."""

    added: int = 0
    new_versions: int = 0
    unchanged: int = 0
    departments: int = 0
    fields: int = 0

    @property
    def procedures(self) -> int:
        return self.added + self.new_versions + self.unchanged


# --- Writing -------------------------------------------------------------------------------------


def _content(row: CatalogueRow, *, demo: bool) -> tuple:
    return (
        row.name, row.field_code, row.limit_value, row.limit_unit, row.counting_rule,
        row.after_cutoff, row.fee, row.fee_note, demo,
        tuple((d.name, d.originals, d.certified_copies, d.photocopies, d.required) for d in row.documents),
    )


def _stored_content(procedure: Procedure) -> tuple:
    return (
        procedure.name, procedure.field.code, procedure.limit_value, procedure.limit_unit,
        procedure.counting_rule, bool(procedure.after_cutoff), int(procedure.fee or 0),
        procedure.fee_note or "", bool(procedure.demo),
        tuple(
            (d.name, d.originals, d.certified_copies, d.photocopies, bool(d.required))
            for d in procedure.documents
        ),
    )


def _search_key(row: CatalogueRow) -> str:
    return text.fold(f"{row.code} {row.name} {row.field_name} {row.department_name}")


def _write(session: Session, rows: list[CatalogueRow], *, demo: bool, today: date) -> ImportReport:
    departments = {d.code: d for d in session.scalars(select(Department))}
    fields = {f.code: f for f in session.scalars(select(Field))}
    codes = {row.code for row in rows}
    current: dict[str, Procedure] = {}
    max_version: dict[str, int] = {}
    code_list = sorted(codes)
    for start in range(0, len(code_list), 500):
        chunk = code_list[start:start + 500]
        for procedure in session.scalars(
            select(Procedure)
            .where(Procedure.code.in_(chunk), Procedure.current.is_(True))
            .options(selectinload(Procedure.documents), selectinload(Procedure.field))
        ):
            current[procedure.code] = procedure
        for code, version in session.execute(
            select(Procedure.code, func.max(Procedure.version))
            .where(Procedure.code.in_(chunk)).group_by(Procedure.code)
        ):
            max_version[code] = version

    created_departments = created_fields = added = new_versions = unchanged = 0
    for row in rows:
        department = departments.get(row.department_code)
        if department is None:
            department = Department(code=row.department_code, name=row.department_name)
            session.add(department)
            departments[row.department_code] = department
            created_departments += 1
        elif department.name != row.department_name:
            department.name = row.department_name
        field = fields.get(row.field_code)
        if field is None:
            field = Field(code=row.field_code, name=row.field_name, department=department)
            session.add(field)
            fields[row.field_code] = field
            created_fields += 1
        else:
            if field.name != row.field_name:
                field.name = row.field_name
            if field.department is not department:
                field.department = department

        search_key = _search_key(row)
        existing = current.get(row.code)
        if existing is not None and _stored_content(existing) == _content(row, demo=demo):
            if existing.search_key != search_key:  # a renamed field/department; not new content
                existing.search_key = search_key
            unchanged += 1
            continue
        if existing is not None:
            existing.current = False
        version = max_version.get(row.code, 0) + 1
        if version > 1:
            new_versions += 1
        else:
            added += 1
        session.add(
            Procedure(
                code=row.code, version=version, current=True, effective_from=today,
                name=row.name, search_key=search_key, field=field,
                limit_value=row.limit_value, limit_unit=row.limit_unit,
                counting_rule=row.counting_rule, after_cutoff=row.after_cutoff,
                fee=Decimal(row.fee), fee_note=row.fee_note, demo=demo,
                documents=[
                    ProcedureDocument(
                        position=position, name=d.name, originals=d.originals,
                        certified_copies=d.certified_copies, photocopies=d.photocopies,
                        required=d.required,
                    )
                    for position, d in enumerate(row.documents, start=1)
                ],
            )
        )
    session.flush()
    return ImportReport(
        added=added, new_versions=new_versions, unchanged=unchanged,
        departments=created_departments, fields=created_fields,
    )


def import_catalogue(
    session: Session, path: Path, *, demo: bool = False, today: date | None = None
) -> ImportReport:
    """Validate the whole file, then write it into `session` (not committed here).

    Raises `CatalogueImportError` with every problem found, before any write. `demo=True` flags
    every imported procedure version as demo data. `today` is the `effective_from` of new
    versions (default: today's date).
    """
    rows = validate_table(read_table(Path(path)))
    with session.begin_nested():
        return _write(session, rows, demo=demo, today=today or date.today())
