"""Catalogue import: CSV/XLSX reading, validation (all or nothing), versioning, document syntax."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select, text as sql

from counter_app.models import Department, Field, Procedure, ProcedureDocument
from counter_app.services import schema
from counter_app.services.catalogue_import import (
    COLUMNS,
    CatalogueImportError,
    DocumentSpec,
    DocumentSyntaxError,
    ImportReport,
    format_document,
    import_catalogue,
    parse_document,
    parse_documents,
)
from counter_app.services.db import Database
from counter_app.services.errors import ServiceError
from counter_app.services.text import fold

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "catalogue.csv"
BAD = ROOT / "tests" / "data" / "catalogue_bad.csv"
TODAY = date(2026, 3, 2)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database.for_file(tmp_path / "t.db")
    schema.upgrade(database)
    yield database
    database.dispose()


def run_import(db: Database, path: Path, **kwargs) -> ImportReport:
    kwargs.setdefault("today", TODAY)
    with db.transaction() as session:
        return import_catalogue(session, path, **kwargs)


def counts(db: Database) -> dict[str, int]:
    with db.reader() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Department, Field, Procedure, ProcedureDocument)
        }


def snapshot(db: Database) -> list[tuple]:
    """Everything imported, without generated ids, in a comparable order."""
    with db.reader() as session:
        rows = []
        for p in session.scalars(select(Procedure).order_by(Procedure.code, Procedure.version)):
            rows.append((
                p.code, p.version, p.current, p.effective_from, p.name, p.search_key,
                p.field.code, p.field.name, p.field.department.code, p.field.department.name,
                p.limit_value, p.limit_unit, p.counting_rule, p.after_cutoff, int(p.fee), p.fee_note,
                p.demo,
                tuple((d.position, d.name, d.originals, d.certified_copies, d.photocopies, d.required)
                      for d in p.documents),
            ))
        return rows


def write_csv(path: Path, rows: list[dict[str, str]], *, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return path


def row(**values: str) -> dict[str, str]:
    base = {
        "code": "T.001", "name": "Chứng thực chữ ký", "field_code": "TP-CT", "field_name": "Chứng thực",
        "department_code": "STP", "department_name": "Sở Tư pháp", "limit": "5",
        "unit": "working-days", "rule": "", "after_cutoff": "yes", "fee": "10.000", "fee_note": "",
        "documents": "Tờ khai [B:1] | Căn cước [BP:1]",
    }
    base.update(values)
    return base


def read_demo_rows() -> list[list[str]]:
    with DEMO.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


# --- The demo catalogue --------------------------------------------------------------------------


def test_demo_catalogue_imports_cleanly_and_is_flagged_demo(db: Database) -> None:
    """The shipped demo catalogue imports without errors: >= 36 procedures, >= 7 departments, all demo."""
    report = run_import(db, DEMO, demo=True)
    assert report.added >= 36 and report.new_versions == 0 and report.unchanged == 0
    assert report.departments >= 7
    with db.reader() as session:
        procedures = session.scalars(select(Procedure)).all()
        assert len(procedures) == report.added
        assert all(p.demo and p.current and p.version == 1 for p in procedures)
        assert all(p.effective_from == TODAY and p.documents for p in procedures)
        assert session.scalar(select(func.count()).select_from(Department)) >= 7
        units = {p.limit_unit for p in procedures}
        assert units == {"working-days", "calendar-days", "working-hours"}
        assert any(p.limit_value == 0 for p in procedures)  # "trong ngày"
        assert any(p.counting_rule == "civil" for p in procedures)
        lltp = session.scalars(select(Procedure).where(Procedure.name.like("Cấp Phiếu lý lịch tư pháp cho công dân%"))).one()
        assert (lltp.limit_value, lltp.limit_unit, int(lltp.fee)) == (10, "working-days", 200_000)


def test_demo_flag_is_off_by_default(db: Database) -> None:
    """Without demo=True the imported procedures are not flagged as demo data."""
    run_import(db, DEMO)
    with db.reader() as session:
        assert not any(session.scalars(select(Procedure.demo)))


def test_search_key_folds_code_name_field_and_department(db: Database) -> None:
    """search_key is the folded code, name, field name and department name."""
    run_import(db, write_csv(db_dir(db) / "one.csv", [row()]))
    with db.reader() as session:
        procedure = session.scalars(select(Procedure)).one()
        assert procedure.search_key == fold("T.001 Chứng thực chữ ký Chứng thực Sở Tư pháp")
        assert "so tu phap" in procedure.search_key


def db_dir(db: Database) -> Path:
    return Path(db.url.removeprefix("sqlite+pysqlite:///")).parent


# --- File formats --------------------------------------------------------------------------------


def test_csv_with_bom_imports_like_without(tmp_path: Path) -> None:
    """A UTF-8 CSV with a byte-order mark gives exactly the same result as one without."""
    plain = tmp_path / "plain.csv"
    plain.write_bytes(DEMO.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes())
    results = []
    for name, path in (("a", plain), ("b", bom)):
        database = Database.for_file(tmp_path / f"{name}.db")
        schema.upgrade(database)
        run_import(database, path, demo=True)
        results.append(snapshot(database))
        database.dispose()
    assert results[0] == results[1] and len(results[0]) >= 36


def test_xlsx_gives_the_same_result_as_csv(tmp_path: Path) -> None:
    """The demo catalogue saved as XLSX (numbers as numeric cells) imports identically to the CSV."""
    xlsx = tmp_path / "catalogue_good.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh mục"
    rows = read_demo_rows()
    header = rows[0]
    sheet.append([name.upper() for name in header])  # header names are case-insensitive
    for values in rows[1:]:
        cells: list[object] = list(values)
        limit = header.index("limit")
        if values[limit].isdigit():
            cells[limit] = int(values[limit])
        fee = header.index("fee")
        digits = values[fee].replace(".", "")
        if digits.isdigit():
            cells[fee] = float(digits)  # Excel stores numbers as floats
        sheet.append([cell if cell != "" else None for cell in cells])
    extra = workbook.create_sheet("Ghi chú")  # only the first sheet is read
    extra.append(["not", "a", "catalogue"])
    workbook.save(xlsx)

    results = []
    for name, path in (("csv", DEMO), ("xlsx", xlsx)):
        database = Database.for_file(tmp_path / f"{name}.db")
        schema.upgrade(database)
        run_import(database, path, demo=True)
        results.append(snapshot(database))
        database.dispose()
    assert results[0] == results[1]


def test_xlsx_errors_use_sheet_row_numbers(tmp_path: Path, db: Database) -> None:
    """Errors in an XLSX file name the sheet row (header = 1), even after a blank row."""
    xlsx = tmp_path / "bad.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append([row()[c] or None for c in COLUMNS])
    sheet.append([None] * len(COLUMNS))
    sheet.append([row(code="T.002", limit="-3")[c] or None for c in COLUMNS])
    workbook.save(xlsx)
    with pytest.raises(CatalogueImportError) as caught:
        run_import(db, xlsx)
    assert [(e.row, e.column) for e in caught.value.errors] == [(4, "limit")]


def test_vietnamese_header_aliases_and_semicolon_csv(tmp_path: Path, db: Database) -> None:
    """Vietnamese header names are accepted, and a semicolon-separated CSV is read."""
    aliases = ["Mã thủ tục", "Tên thủ tục", "Mã lĩnh vực", "Lĩnh vực", "Mã cơ quan", "Cơ quan thực hiện",
               "Thời hạn", "Đơn vị tính", "Cách tính", "Sau 15h", "Lệ phí", "Ghi chú lệ phí",
               "Thành phần hồ sơ"]
    path = tmp_path / "vi.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(aliases)
        writer.writerow([row(unit="ngày làm việc", after_cutoff="không")[c] for c in COLUMNS])
    report = run_import(db, path)
    assert report.added == 1
    with db.reader() as session:
        procedure = session.scalars(select(Procedure)).one()
        assert (procedure.limit_unit, procedure.after_cutoff) == ("working-days", False)


@pytest.mark.parametrize(
    ("limit", "unit", "expected"),
    [
        ("", "trong ngày", (0, "working-days")),
        ("Trong ngày", "", (0, "working-days")),
        ("0", "Trong ngày", (0, "working-days")),
        ("15", "ngày", (15, "calendar-days")),
        ("15", "calendar-days", (15, "calendar-days")),
        ("8", "giờ làm việc", (8, "working-hours")),
        ("3", "Working-Days", (3, "working-days")),
        ("3650", "working-days", (3650, "working-days")),
    ],
)
def test_limit_and_unit_spellings(tmp_path: Path, db: Database, limit: str, unit: str, expected: tuple) -> None:
    """Units in English or Vietnamese, and "trong ngày" (same day) as 0 working days."""
    run_import(db, write_csv(tmp_path / "u.csv", [row(limit=limit, unit=unit)]))
    with db.reader() as session:
        procedure = session.scalars(select(Procedure)).one()
        assert (procedure.limit_value, procedure.limit_unit) == expected


@pytest.mark.parametrize(
    ("fee", "rule", "cutoff", "expected"),
    [
        ("50.000", "", "", (50_000, None, True)),
        ("50,000", "civil", "có", (50_000, "civil", True)),
        ("1.200.000", "working-hours", "0", (1_200_000, "working-hours", False)),
        ("", "Civil", "No", (0, "civil", False)),
        ("200000", "", "1", (200_000, None, True)),
        ("Miễn phí", "", "không", (0, None, False)),
    ],
)
def test_fee_rule_and_cutoff_spellings(tmp_path: Path, db: Database, fee: str, rule: str, cutoff: str,
                                       expected: tuple) -> None:
    """Fees with thousands separators, empty rule = centre default, yes/no in both languages."""
    run_import(db, write_csv(tmp_path / "f.csv", [row(fee=fee, rule=rule, after_cutoff=cutoff)]))
    with db.reader() as session:
        procedure = session.scalars(select(Procedure)).one()
        assert (int(procedure.fee), procedure.counting_rule, procedure.after_cutoff) == expected


# --- Errors: all or nothing ----------------------------------------------------------------------

EXPECTED_BAD = [
    (3, "code"),          # empty code
    (4, "code"),          # bad code format
    (5, "unit"),          # unknown unit
    (6, "limit"),         # not an integer
    (7, "limit"),         # out of 0..3650
    (8, "fee"),           # negative
    (9, "fee"),           # not a number
    (10, "documents"),    # malformed counts
    (11, "documents"),    # no documents
    (12, "code"),         # duplicate of row 2
    (13, "rule"),         # unknown rule
    (14, "after_cutoff"),  # not yes/no
    (15, "name"),         # longer than 500
    (16, "name"),         # empty name ...
    (16, "field_code"),   # ... and empty field code
    (17, "documents"),    # unknown count key
]


def test_bad_rows_are_all_reported_with_row_and_column(db: Database) -> None:
    """Every kind of bad row is reported at once, with the spreadsheet row and the column."""
    with pytest.raises(CatalogueImportError) as caught:
        run_import(db, BAD)
    error = caught.value
    assert isinstance(error, ServiceError)
    assert [(e.row, e.column) for e in error.errors] == EXPECTED_BAD
    assert error.message.args["count"] == len(EXPECTED_BAD)
    duplicate = next(e for e in error.errors if e.row == 12)
    assert duplicate.message.args == {"code": "T.001", "first_row": 2}
    for item in error.errors:
        assert item.message.english()  # every placeholder is filled


def test_bad_file_leaves_database_unchanged(db: Database) -> None:
    """A file with errors writes nothing, even to a database that already holds a catalogue."""
    run_import(db, DEMO, demo=True)
    before, before_rows = counts(db), snapshot(db)
    with pytest.raises(CatalogueImportError):
        run_import(db, BAD)
    assert counts(db) == before and snapshot(db) == before_rows
    empty = Database.for_file(db_dir(db) / "empty.db")
    schema.upgrade(empty)
    with pytest.raises(CatalogueImportError):
        run_import(empty, BAD)
    assert counts(empty) == {"department": 0, "field": 0, "procedure": 0, "procedure_document": 0}
    empty.dispose()


def test_good_rows_of_a_bad_file_are_not_written_even_if_caller_commits(db: Database) -> None:
    """Validation fails before any write, so a caller that swallows the error commits nothing."""
    with db.transaction() as session:
        with pytest.raises(CatalogueImportError):
            import_catalogue(session, BAD, today=TODAY)
    assert counts(db)["procedure"] == 0


def test_failure_while_writing_rolls_back_every_write(tmp_path: Path, db: Database) -> None:
    """A database failure half-way through the writes undoes all of the import's writes."""
    with db.engine.begin() as connection:
        connection.execute(sql(
            "CREATE TRIGGER refuse_t003 BEFORE INSERT ON procedure WHEN NEW.code = 'T.003' "
            "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
        ))
    path = write_csv(tmp_path / "three.csv", [row(code=f"T.00{i}") for i in (1, 2, 3)])
    with db.transaction() as session:
        with pytest.raises(Exception, match="refused by test trigger"):
            import_catalogue(session, path, today=TODAY)
        # The caller's transaction is still usable and holds none of the import's rows.
        assert session.scalar(select(func.count()).select_from(Procedure)) == 0
    assert counts(db) == {"department": 0, "field": 0, "procedure": 0, "procedure_document": 0}


def test_missing_columns_are_reported_on_the_header_row(tmp_path: Path, db: Database) -> None:
    """Missing required columns are listed by name, on row 1; optional columns may be absent."""
    path = tmp_path / "cols.csv"
    path.write_text("code,name,field_code,limit,unit\nT.001,X,F,1,working-days\n", encoding="utf-8")
    with pytest.raises(CatalogueImportError) as caught:
        run_import(db, path)
    assert [(e.row, e.column) for e in caught.value.errors] == [
        (1, "field_name"), (1, "department_code"), (1, "department_name"), (1, "documents"),
    ]
    minimal = tmp_path / "minimal.csv"
    required = ["code", "name", "field_code", "field_name", "department_code", "department_name",
                "limit", "unit", "documents"]
    with minimal.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(required)
        writer.writerow([row()[c] for c in required])
    assert run_import(db, minimal).added == 1
    with db.reader() as session:
        procedure = session.scalars(select(Procedure)).one()
        assert (int(procedure.fee), procedure.after_cutoff, procedure.counting_rule) == (0, True, None)


@pytest.mark.parametrize(
    ("values", "column"),
    [
        ({"department_name": "Sở Tư pháp tỉnh"}, "department_name"),
        ({"field_name": "Chứng thực khác"}, "field_name"),
        ({"department_code": "STC", "department_name": "Sở Tài chính"}, "department_code"),
    ],
)
def test_inconsistent_department_or_field_is_reported(tmp_path: Path, db: Database, values: dict,
                                                      column: str) -> None:
    """One code must keep one name within a file, and a field belongs to one department."""
    path = write_csv(tmp_path / "c.csv", [row(), row(code="T.002", **values)])
    with pytest.raises(CatalogueImportError) as caught:
        run_import(db, path)
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, column)]


@pytest.mark.parametrize(
    ("content", "suffix"),
    [
        ("code,name\n".encode("cp1258") + "Thủ tục".encode("utf-16-le"), ".csv"),
        (b"", ".csv"),
        (b"code,name\n", ".txt"),
        (b"not a zip", ".xlsx"),
        (",".join(COLUMNS).encode() + b"\n\n", ".csv"),
    ],
)
def test_unreadable_files_are_reported_as_file_errors(tmp_path: Path, db: Database, content: bytes,
                                                      suffix: str) -> None:
    """Non-UTF-8 text, an empty file, a wrong extension, a broken workbook, no rows: row 0 errors."""
    path = tmp_path / f"file{suffix}"
    path.write_bytes(content)
    with pytest.raises(CatalogueImportError) as caught:
        run_import(db, path)
    assert [e.row for e in caught.value.errors] == [0]


# --- Versioning ----------------------------------------------------------------------------------


def test_reimporting_identical_catalogue_changes_nothing(db: Database) -> None:
    """A second import of the same file reports every procedure unchanged and adds no rows."""
    first = run_import(db, DEMO, demo=True)
    before = snapshot(db)
    second = run_import(db, DEMO, demo=True, today=date(2026, 6, 1))
    assert second == ImportReport(unchanged=first.added)
    assert snapshot(db) == before


def test_changed_limit_makes_a_new_version(tmp_path: Path, db: Database) -> None:
    """A changed limit adds version 2 (current, effective today) and retires version 1."""
    run_import(db, write_csv(tmp_path / "v1.csv", [row(), row(code="T.002")]), today=date(2026, 1, 5))
    changed = write_csv(tmp_path / "v2.csv", [row(limit="3"), row(code="T.002")])
    report = run_import(db, changed, today=date(2026, 3, 2))
    assert report == ImportReport(new_versions=1, unchanged=1)
    with db.reader() as session:
        versions = session.scalars(select(Procedure).where(Procedure.code == "T.001").order_by(Procedure.version)).all()
        assert [(p.version, p.current, p.limit_value, p.effective_from) for p in versions] == [
            (1, False, 5, date(2026, 1, 5)),
            (2, True, 3, date(2026, 3, 2)),
        ]
        assert [d.name for d in versions[0].documents] == ["Tờ khai", "Căn cước"]  # old version intact
        assert [d.name for d in versions[1].documents] == ["Tờ khai", "Căn cước"]
    third = run_import(db, write_csv(tmp_path / "v3.csv", [row(limit="3", documents="Tờ khai [B:2]")]))
    assert third == ImportReport(new_versions=1)
    with db.reader() as session:
        current = session.scalars(select(Procedure).where(Procedure.code == "T.001", Procedure.current)).one()
        assert current.version == 3
        assert [(d.name, d.originals) for d in current.documents] == [("Tờ khai", 2)]


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Chứng thực chữ ký (sửa đổi)"},
        {"unit": "calendar-days"},
        {"rule": "civil"},
        {"after_cutoff": "no"},
        {"fee": "20.000"},
        {"documents": "Tờ khai [B:1] | * Căn cước [BP:1]"},
        {"field_code": "TP-CT2", "field_name": "Chứng thực (mới)"},
    ],
)
def test_any_content_change_makes_a_new_version(tmp_path: Path, db: Database, change: dict) -> None:
    """Name, unit, rule, cutoff, fee, documents and field are all part of a version's content."""
    run_import(db, write_csv(tmp_path / "a.csv", [row()]))
    assert run_import(db, write_csv(tmp_path / "b.csv", [row(**change)])) == ImportReport(
        new_versions=1, fields=1 if "field_code" in change else 0
    )


def test_department_and_field_names_are_updated_by_code(tmp_path: Path, db: Database) -> None:
    """Departments and fields are matched by code; a new name updates them without new versions."""
    run_import(db, write_csv(tmp_path / "a.csv", [row()]))
    renamed = row(department_name="Sở Tư pháp tỉnh Đắk Lắk", field_name="Chứng thực (cấp tỉnh)")
    report = run_import(db, write_csv(tmp_path / "b.csv", [renamed]))
    assert report == ImportReport(unchanged=1)
    with db.reader() as session:
        assert session.scalars(select(Department.name)).all() == ["Sở Tư pháp tỉnh Đắk Lắk"]
        assert session.scalars(select(Field.name)).all() == ["Chứng thực (cấp tỉnh)"]
        assert "dak lak" in session.scalars(select(Procedure.search_key)).one()


def test_official_import_over_demo_makes_non_demo_versions(db: Database) -> None:
    """Importing the same rows without demo=True replaces the demo versions with real ones."""
    first = run_import(db, DEMO, demo=True)
    report = run_import(db, DEMO)
    assert report == ImportReport(new_versions=first.added)
    with db.reader() as session:
        assert not any(session.scalars(select(Procedure.demo).where(Procedure.current)))


# --- Text hygiene --------------------------------------------------------------------------------


def test_decomposed_vietnamese_is_stored_composed(tmp_path: Path, db: Database) -> None:
    """NFD input (as some Mac and web exports produce) is stored as NFC, and imports like NFC."""
    nfd = tmp_path / "nfd.csv"
    nfd.write_text(unicodedata.normalize("NFD", DEMO.read_text(encoding="utf-8")), encoding="utf-8")
    assert nfd.read_bytes() != DEMO.read_bytes()
    run_import(db, nfd, demo=True)
    with db.reader() as session:
        texts = [*session.scalars(select(Procedure.name)), *session.scalars(select(ProcedureDocument.name)),
                 *session.scalars(select(Department.name)), *session.scalars(select(Field.name)),
                 *session.scalars(select(Procedure.fee_note))]
    assert texts and all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert "Sở Tư pháp" in texts
    # Re-importing the NFC original finds the same content.
    assert run_import(db, DEMO, demo=True).new_versions == 0


def test_extra_spaces_and_control_characters_are_cleaned(tmp_path: Path, db: Database) -> None:
    """Cells are trimmed, inner spaces collapsed and zero-width characters dropped."""
    run_import(db, write_csv(tmp_path / "s.csv", [row(name="  Chứng   thực\u200b chữ ký ", code=" T.001 ")]))
    with db.reader() as session:
        procedure = session.scalars(select(Procedure)).one()
        assert (procedure.code, procedure.name) == ("T.001", "Chứng thực chữ ký")


# --- Document mini-syntax ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Tờ khai", DocumentSpec("Tờ khai", 1, 0, 0, True)),
        ("Tờ khai [B:2]", DocumentSpec("Tờ khai", 2, 0, 0, True)),
        ("Bản sao hộ chiếu [BS:1; BP:2]", DocumentSpec("Bản sao hộ chiếu", 0, 1, 2, True)),
        ("Giấy phép [B:1; BS:1; BP:1]", DocumentSpec("Giấy phép", 1, 1, 1, True)),
        ("* Giấy ủy quyền [B:1]", DocumentSpec("Giấy ủy quyền", 1, 0, 0, False)),
        ("(không bắt buộc) Giấy ủy quyền", DocumentSpec("Giấy ủy quyền", 1, 0, 0, False)),
        ("(Không bắt buộc) Sơ đồ [bp:1]", DocumentSpec("Sơ đồ", 0, 0, 1, False)),
        ("- Đơn đề nghị [B:1, BS:1]", DocumentSpec("Đơn đề nghị", 1, 1, 0, True)),
        ("Ảnh 4 cm x 6 cm [ B : 2 ]", DocumentSpec("Ảnh 4 cm x 6 cm", 2, 0, 0, True)),
        ("Đơn (Mẫu số 01) [BS:0; BP:1]", DocumentSpec("Đơn (Mẫu số 01)", 0, 0, 1, True)),
    ],
)
def test_document_syntax(entry: str, expected: DocumentSpec) -> None:
    """Names with optional [B:n; BS:n; BP:n] counts (default one original) and optional markers."""
    assert parse_document(entry) == expected


@pytest.mark.parametrize(
    "entry",
    ["Tờ khai [B:x]", "Tờ khai [Q:1]", "Tờ khai [B:1; B:2]", "Tờ khai [B:0]", "Tờ khai [B:1",
     "[B:1]", "Tờ khai []", "Tờ khai [B:100]", "*", "Tờ khai [B:-1]"],
)
def test_malformed_document_entries_are_refused(entry: str) -> None:
    """Bad counts, unknown or repeated keys, all-zero counts, stray brackets and empty names fail."""
    with pytest.raises(DocumentSyntaxError):
        parse_document(entry)


def test_documents_cell_splits_on_lines_and_bars() -> None:
    """A documents cell holds one entry per line or entries separated by " | "; blanks are skipped."""
    specs = parse_documents("Tờ khai [B:1] | Căn cước [BP:1]\r\n\n* Ủy quyền\n  ")
    assert [(s.name, s.required) for s in specs] == [("Tờ khai", True), ("Căn cước", True), ("Ủy quyền", False)]


_NAME = st.text(
    alphabet=st.sampled_from(list("abcdeghiklmnopqrstuvxyĐđàáảãạăâêôơưửữựốồệ0123456789 ()/-,.")),
    min_size=1, max_size=40,
).map(lambda s: " ".join(s.split())).filter(lambda s: s and not s.startswith(("-", "*", "(")))


@given(
    name=_NAME,
    counts=st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)).filter(any),
    required=st.booleans(),
)
def test_format_and_parse_round_trip(name: str, counts: tuple[int, int, int], required: bool) -> None:
    """format_document() writes the mini-syntax that parse_document() reads back unchanged."""
    spec = DocumentSpec(name, *counts, required=required)
    assert parse_document(format_document(spec)) == spec
