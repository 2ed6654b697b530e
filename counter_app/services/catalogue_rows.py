"""Validate the rows of a catalogue file (layout: `docs/catalogue-format.md`); no database, no Qt.

Guarantees: `validate_table` checks every row before raising or returning; the `CatalogueRow`s it
returns are NFC-cleaned, codes unique, one name per department/field, one department per field.
Problems are `RowError`s (row as numbered in the spreadsheet, header = 1; 0 = the whole file),
raised together in row order as one `CatalogueImportError` (reading the file raises it too:
`catalogue_files`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from counter_app.services import text
from counter_app.services.catalogue_documents import DocumentSpec, DocumentSyntaxError, parse_document, split_documents
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, ServiceError


@dataclass(frozen=True)
class RowError:
    """One problem: `row` as numbered in the spreadsheet (header = 1; 0 = the whole file),
    `column` the canonical column name (see `COLUMNS`; "" when no column applies)."""

    row: int
    column: str
    message: Message

    def english(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return f"{where}, {self.column}: {self.message.english()}" if self.column else f"{where}: {self.message.english()}"


class CatalogueImportError(ServiceError):
    """The file has problems; nothing was imported. `errors` lists every one, in row order."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = tuple(errors)
        super().__init__(Message(QT_TRANSLATE_NOOP(
            "Messages", "The catalogue file has {count} error(s); nothing was imported."), {"count": len(self.errors)}))

    def by_row(self) -> dict[int, list[RowError]]:
        result: dict[int, list[RowError]] = {}
        for error in self.errors:
            result.setdefault(error.row, []).append(error)
        return result


# --- Column layout -------------------------------------------------------------------------------
COLUMNS: tuple[str, ...] = (
    "code", "name", "field_code", "field_name", "department_code", "department_name",
    "limit", "unit", "rule", "after_cutoff", "fee", "fee_note", "documents",
)
REQUIRED_COLUMNS: tuple[str, ...] = (
    "code", "name", "field_code", "field_name", "department_code", "department_name", "limit", "unit", "documents",
)

# Header aliases, compared after `_header_key()` (folded, lower case, "_"/"-" as spaces).
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("ma", "ma thu tuc", "ma tthc"), "name": ("ten", "ten thu tuc", "ten tthc"),
    "field_code": ("ma linh vuc",), "field_name": ("linh vuc", "ten linh vuc"),
    "department_code": ("ma co quan", "ma don vi"), "department_name": ("co quan", "ten co quan", "co quan thuc hien"),
    "limit": ("thoi han", "thoi han giai quyet"), "unit": ("don vi tinh", "don vi thoi han"),
    "rule": ("cach tinh", "cach tinh thoi han"), "after_cutoff": ("sau 15h", "sau 15 gio"),
    "fee": ("le phi", "phi", "phi le phi"), "fee_note": ("ghi chu le phi", "ghi chu phi"),
    "documents": ("thanh phan ho so", "giay to"),
}

# Limits of the stored columns (models/catalogue.py).
MAX_CODE = 60
MAX_NAME = 500
MAX_GROUP_CODE = 40
MAX_GROUP_NAME = 200
MAX_FEE_NOTE = 300
MAX_LIMIT = 3650
MAX_FEE = 10**14 - 1

_CODE_RE = re.compile(r"^[A-Za-z0-9.\-]+$")
_GROUP_CODE_RE = re.compile(r"^[A-Za-z0-9.\-_]+$")

WORKING_DAYS = "working-days"
CALENDAR_DAYS = "calendar-days"
WORKING_HOURS = "working-hours"
RULE_WORKING_HOURS = "working-hours"
RULE_CIVIL = "civil"
_SAME_DAY = "trong ngay"

# Keys compared after `text.fold()`.
_UNITS = {
    "working-days": WORKING_DAYS, "working days": WORKING_DAYS, "ngay lam viec": WORKING_DAYS,
    "calendar-days": CALENDAR_DAYS, "calendar days": CALENDAR_DAYS, "ngay": CALENDAR_DAYS, "ngay theo lich": CALENDAR_DAYS,
    "working-hours": WORKING_HOURS, "working hours": WORKING_HOURS, "gio lam viec": WORKING_HOURS,
}
_RULES = {
    "working-hours": RULE_WORKING_HOURS, "working hours": RULE_WORKING_HOURS, "gio lam viec": RULE_WORKING_HOURS,
    "civil": RULE_CIVIL, "dan su": RULE_CIVIL,
}
_YES_NO = {
    "yes": True, "y": True, "1": True, "true": True, "co": True, "x": True,
    "no": False, "n": False, "0": False, "false": False, "khong": False,
}
_FREE = {"mien phi", "khong thu", "free"}


# --- Header mapping ------------------------------------------------------------------------------


def _message(text_: str, **args) -> Message:
    return Message(text_, args)


def _header_key(header: str) -> str:
    key = text.fold(text.clean(header)).replace("_", " ").replace("-", " ").replace(",", " ")
    return " ".join(key.split())


def _header_lookup() -> dict[str, str]:
    lookup = {}
    for column in COLUMNS:
        lookup[_header_key(column)] = column
        for alias in _HEADER_ALIASES.get(column, ()):
            lookup[alias] = column
    return lookup


# --- Validation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueRow:
    row: int
    code: str
    name: str
    field_code: str
    field_name: str
    department_code: str
    department_name: str
    limit_value: int
    limit_unit: str
    counting_rule: str | None
    after_cutoff: bool
    fee: int
    fee_note: str
    documents: tuple[DocumentSpec, ...]


def _map_header(header: list[str], errors: list[RowError]) -> dict[str, int]:
    lookup = _header_lookup()
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        if not key:
            continue
        column = lookup.get(key)
        if column is None:
            continue  # extra columns are ignored
        if column in positions:
            errors.append(RowError(1, column, _message(QT_TRANSLATE_NOOP(
                "Messages", "The column \"{column}\" appears more than once."), column=column)))
            continue
        positions[column] = index
    for column in REQUIRED_COLUMNS:
        if column not in positions:
            errors.append(RowError(1, column, _message(QT_TRANSLATE_NOOP(
                "Messages", "The required column \"{column}\" is missing."), column=column)))
    return positions


def _parse_fee(raw: str) -> int | Message:
    value = text.fold(raw)
    if not value or value in _FREE:
        return 0
    value = re.sub(r"\s*(vnd|dong|d)\.?$", "", value).strip()
    negative = value.startswith("-")
    digits = value.lstrip("-").strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+|\d+", digits):
        amount = int(re.sub(r"[.,]", "", digits))
        if negative and amount:
            return _message(QT_TRANSLATE_NOOP("Messages", "The fee cannot be negative: \"{value}\"."), value=raw)
        if amount > MAX_FEE:
            return _message(QT_TRANSLATE_NOOP("Messages", "The fee \"{value}\" is too large."), value=raw)
        return amount
    return _message(QT_TRANSLATE_NOOP("Messages", "The fee \"{value}\" is not a whole number of đồng (e.g. 50.000)."), value=raw)


def _check_code(value: str, column: str, pattern: re.Pattern[str], maximum: int, row: int, errors: list[RowError]) -> None:
    if len(value) > maximum:
        errors.append(RowError(row, column, _message(QT_TRANSLATE_NOOP(
            "Messages", "The code is longer than {max} characters."), max=maximum)))
    elif not pattern.match(value):
        message = (QT_TRANSLATE_NOOP("Messages", "The code \"{value}\" may contain only letters A–Z, digits, dots and dashes.")
                   if pattern is _CODE_RE else QT_TRANSLATE_NOOP(
                       "Messages", "The code \"{value}\" may contain only letters A–Z, digits, dots, dashes and underscores."))
        errors.append(RowError(row, column, _message(message, value=value)))


def _check_length(value: str, column: str, maximum: int, row: int, errors: list[RowError]) -> None:
    if len(value) > maximum:
        errors.append(RowError(row, column, _message(QT_TRANSLATE_NOOP(
            "Messages", "The text is longer than {max} characters ({length})."), max=maximum, length=len(value))))


def _validate_row(row: int, cells: dict[str, str], errors: list[RowError]) -> CatalogueRow | None:
    start = len(errors)
    get = lambda column: text.clean(cells.get(column, ""))  # noqa: E731
    values = {column: get(column) for column in COLUMNS if column != "documents"}
    raw_limit, raw_unit = values["limit"], values["unit"]
    same_day = text.fold(raw_limit) == _SAME_DAY or text.fold(raw_unit) == _SAME_DAY

    for column in REQUIRED_COLUMNS:
        if column == "documents":
            empty = not split_documents(cells.get(column, ""))
        elif column in ("limit", "unit"):
            empty = not values[column] and not same_day
        else:
            empty = not values[column]
        if empty:
            message = (_message(QT_TRANSLATE_NOOP("Messages", "The procedure lists no documents.")) if column == "documents"
                       else _message(QT_TRANSLATE_NOOP("Messages", "This cell must not be empty.")))
            errors.append(RowError(row, column, message))

    if values["code"]:
        _check_code(values["code"], "code", _CODE_RE, MAX_CODE, row, errors)
    for column in ("field_code", "department_code"):
        if values[column]:
            _check_code(values[column], column, _GROUP_CODE_RE, MAX_GROUP_CODE, row, errors)
    _check_length(values["name"], "name", MAX_NAME, row, errors)
    _check_length(values["field_name"], "field_name", MAX_GROUP_NAME, row, errors)
    _check_length(values["department_name"], "department_name", MAX_GROUP_NAME, row, errors)
    _check_length(values["fee_note"], "fee_note", MAX_FEE_NOTE, row, errors)

    # Limit and unit; "trong ngày" (same day) in either cell means 0 working days.
    limit_value, limit_unit = 0, WORKING_DAYS
    if text.fold(raw_unit) == _SAME_DAY:
        if raw_limit and text.fold(raw_limit) not in (_SAME_DAY, "0"):
            errors.append(RowError(row, "limit", _message(QT_TRANSLATE_NOOP(
                "Messages", "A same-day (\"trong ngày\") limit takes no number; leave it empty or 0."))))
    else:
        if raw_unit:
            unit = _UNITS.get(text.fold(raw_unit))
            if unit is None:
                errors.append(RowError(row, "unit", _message(QT_TRANSLATE_NOOP(
                    "Messages", "Unknown unit \"{value}\": use working-days, calendar-days or working-hours."), value=raw_unit)))
            else:
                limit_unit = unit
        if raw_limit and text.fold(raw_limit) != _SAME_DAY:
            if re.fullmatch(r"\d+", raw_limit) and int(raw_limit) <= MAX_LIMIT:
                limit_value = int(raw_limit)
            else:
                errors.append(RowError(row, "limit", _message(QT_TRANSLATE_NOOP(
                    "Messages", "The time limit \"{value}\" is not a whole number from 0 to {max}."),
                    value=raw_limit, max=MAX_LIMIT)))

    counting_rule: str | None = None
    if values["rule"]:
        counting_rule = _RULES.get(text.fold(values["rule"]))
        if counting_rule is None:
            errors.append(RowError(row, "rule", _message(QT_TRANSLATE_NOOP(
                "Messages", "Unknown counting rule \"{value}\": use working-hours or civil, or leave it empty."),
                value=values["rule"])))

    after_cutoff = True
    if values["after_cutoff"]:
        parsed = _YES_NO.get(text.fold(values["after_cutoff"]))
        if parsed is None:
            errors.append(RowError(row, "after_cutoff", _message(QT_TRANSLATE_NOOP(
                "Messages", "\"{value}\" is not yes or no (có / không)."), value=values["after_cutoff"])))
        else:
            after_cutoff = parsed

    fee = _parse_fee(values["fee"])
    if isinstance(fee, Message):
        errors.append(RowError(row, "fee", fee))
        fee = 0

    documents: list[DocumentSpec] = []
    for entry in split_documents(cells.get("documents", "")):
        try:
            documents.append(parse_document(entry))
        except DocumentSyntaxError as exc:
            errors.append(RowError(row, "documents", exc.message))

    if len(errors) > start:
        return None
    return CatalogueRow(
        row=row, code=values["code"], name=values["name"], field_code=values["field_code"], field_name=values["field_name"],
        department_code=values["department_code"], department_name=values["department_name"], limit_value=limit_value,
        limit_unit=limit_unit, counting_rule=counting_rule, after_cutoff=after_cutoff, fee=fee, fee_note=values["fee_note"],
        documents=tuple(documents))


def _check_consistency(rows: Iterable[CatalogueRow], errors: list[RowError]) -> None:
    """A department or field code given different names, or a field under two departments."""
    departments: dict[str, tuple[int, str]] = {}
    fields: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        seen_department = departments.setdefault(row.department_code, (row.row, row.department_name))
        if seen_department[1] != row.department_name:
            errors.append(RowError(row.row, "department_name", _message(QT_TRANSLATE_NOOP(
                "Messages", "Department {code} is named \"{first_name}\" in row {first_row}; use one name."),
                code=row.department_code, first_name=seen_department[1], first_row=seen_department[0])))
        seen_field = fields.setdefault(row.field_code, (row.row, row.field_name, row.department_code))
        if seen_field[1] != row.field_name:
            errors.append(RowError(row.row, "field_name", _message(QT_TRANSLATE_NOOP(
                "Messages", "Field {code} is named \"{first_name}\" in row {first_row}; use one name."),
                code=row.field_code, first_name=seen_field[1], first_row=seen_field[0])))
        if seen_field[2] != row.department_code:
            errors.append(RowError(row.row, "department_code", _message(QT_TRANSLATE_NOOP(
                "Messages", "Field {code} belongs to department {first_department} in row {first_row}; "
                "a field has one department."),
                code=row.field_code, first_department=seen_field[2], first_row=seen_field[0])))


def validate_table(table: list[list[str]]) -> list[CatalogueRow]:
    errors: list[RowError] = []
    header_index = next((i for i, cells in enumerate(table) if any(text.clean(c) for c in cells)), None)
    if header_index is None:
        raise CatalogueImportError([RowError(0, "", _message(QT_TRANSLATE_NOOP("Messages", "The file is empty.")))])
    if header_index != 0:
        # The layout puts the header on row 1; anything else would shift every row number.
        raise CatalogueImportError([RowError(1, "", _message(QT_TRANSLATE_NOOP(
            "Messages", "Row 1 must hold the column names.")))])
    positions = _map_header(table[0], errors)
    if errors:
        raise CatalogueImportError(errors)
    rows: list[CatalogueRow] = []
    first_code: dict[str, int] = {}
    for index, cells in enumerate(table[1:], start=2):
        if not any(text.clean(c) for c in cells):
            continue
        mapped = {column: (cells[pos] if pos < len(cells) else "") for column, pos in positions.items()}
        parsed = _validate_row(index, mapped, errors)
        code = text.clean(mapped.get("code", ""))
        if code and code in first_code:
            errors.append(RowError(index, "code", _message(QT_TRANSLATE_NOOP(
                "Messages", "The code \"{code}\" already appears in row {first_row}."), code=code, first_row=first_code[code])))
            parsed = None
        elif code:
            first_code[code] = index
        if parsed is not None:
            rows.append(parsed)
    _check_consistency(rows, errors)
    if not rows and not errors:
        errors.append(RowError(0, "", _message(QT_TRANSLATE_NOOP(
            "Messages", "The file has no procedures under its header row."))))
    if errors:
        errors.sort(key=lambda e: e.row)  # stable: columns stay in layout order within a row
        raise CatalogueImportError(errors)
    return rows
