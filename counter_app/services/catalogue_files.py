"""Read a catalogue file (a UTF-8 `.csv`, or the first sheet of an `.xlsx`/`.xlsm`) into a table of
text cells; no database, no Qt.

Guarantees: `read_table` returns every row of the file as a list of strings (empty cells as "",
whole numbers without ".0", booleans as "yes"/"no"), the header row first; a file it cannot read
raises one `CatalogueImportError` whose single `RowError` (row 0: the whole file) says why in
words an officer can act on. openpyxl is imported only for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from counter_app.services.catalogue_rows import CatalogueImportError, RowError
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message


def _file_error(text: str, **args) -> CatalogueImportError:
    return CatalogueImportError([RowError(0, "", Message(text, args))])


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _file_error(QT_TRANSLATE_NOOP(
            "Messages", "The file is not UTF-8 text (byte {position}). Save it as \"CSV UTF-8\" and try again."),
            position=exc.start) from None
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)]


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook  # heavy; only when needed
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is a user error
        raise _file_error(QT_TRANSLATE_NOOP("Messages", "The spreadsheet cannot be read: {reason}"), reason=str(exc)) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(path: Path) -> list[list[str]]:
    """The file's rows as text, by its suffix (.csv, .xlsx, .xlsm)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise _file_error(QT_TRANSLATE_NOOP("Messages", "Unsupported file type \"{suffix}\": use a .csv or .xlsx file."),
                      suffix=path.suffix)
