"""Table models of the counter's tracking pages: the hand-over queue (with a tick per dossier),
the results waiting for their applicants, and the supervisor's lists of late dossiers. Plain rows
from `services.tracking_reads` in, cell texts and colours out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.services.tracking_reads import LateRow, QueueRow
from counter_app.ui import labels
from counter_app.ui.field_error import ERROR_COLOUR
from counter_app.ui.rows_model import RowsModel

COL_CODE, COL_APPLICANT, COL_PROCEDURE, COL_RECEIVED, COL_DEADLINE, COL_FLAG = range(6)
READY_CODE, READY_APPLICANT, READY_IDENTIFIER, READY_PROCEDURE, READY_DEPARTMENT, READY_DUE = range(6)
LATE_CODE, LATE_DEPARTMENT, LATE_APPLICANT, LATE_PROCEDURE, LATE_STATUS, LATE_ORIGINAL, LATE_DUE, LATE_NOTE = range(8)
CodeRole = Qt.UserRole + 1  # the dossier code of a row, in every column
LATE_BRUSH = QBrush(QColor(ERROR_COLOUR))
LATE_BACKGROUND = QBrush(QColor("#fdecea"))  # a pale red band: the eye finds late rows without reading


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class HandoverTableModel(RowsModel):
    """The dossiers waiting at the centre for one department, each with a tick (on the code
    column). Ticks are kept by dossier code across `set_rows()`, so a refresh never loses the
    officer's choice; ticks of dossiers that left the queue are dropped. Late rows are red.
    GUI thread only. Signal `checked_changed()` after any tick changes."""

    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Dossier code"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Received"),
                          self.tr("Hand over by"), self.tr("Flag")), parent)
        self._checked: set[str] = set()

    # --- rows and ticks ------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked &= {r.code for r in self._rows}
        self.endResetModel()
        self.checked_changed.emit()

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def checked_codes(self) -> list[str]:
        """The ticked codes in the order shown (oldest first: the order they go on the list)."""
        return [r.code for r in self._rows if r.code in self._checked]

    def checked_late(self) -> int:
        return sum(1 for r in self._rows if r.code in self._checked and r.late)

    def is_checked(self, row: int) -> bool:
        return self._rows[row].code in self._checked

    def set_checked(self, rows: Iterable[int], checked: bool) -> None:
        changed = False
        for row in rows:
            code = self._rows[row].code
            if (code in self._checked) != checked:
                (self._checked.add if checked else self._checked.discard)(code)
                changed = True
                index = self.index(row, COL_CODE)
                self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        if changed:
            self.checked_changed.emit()

    def toggle(self, rows: Sequence[int]) -> None:
        """Tick the rows, or untick them when all are ticked already (what Space does)."""
        rows = [r for r in rows if 0 <= r < len(self._rows)]
        if rows:
            self.set_checked(rows, not all(self.is_checked(r) for r in rows))

    def toggle_all(self) -> None:
        self.toggle(range(len(self._rows)))

    # --- Qt model API --------------------------------------------------------------------------
    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if index.isValid() and index.column() == COL_CODE:
            return base | Qt.ItemIsUserCheckable
        return base

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or index.column() != COL_CODE or role != Qt.CheckStateRole:
            return False
        self.set_checked([index.row()], Qt.CheckState(value) == Qt.Checked)
        return True

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row: QueueRow = self._rows[index.row()]
        column = index.column()
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.text(row, column) or None
        if role == Qt.CheckStateRole and column == COL_CODE:
            return Qt.Checked if row.code in self._checked else Qt.Unchecked
        if role == CodeRole:
            return row.code
        if role == Qt.ForegroundRole and row.late:
            return LATE_BRUSH
        if role == Qt.BackgroundRole and row.late:
            return LATE_BACKGROUND
        if role == Qt.FontRole and (column == COL_CODE or (row.late and column in (COL_DEADLINE, COL_FLAG))):
            return _bold()
        return None

    def text(self, row: QueueRow, column: int) -> str:
        if column == COL_CODE:
            return row.code
        if column == COL_APPLICANT:
            return row.applicant_name
        if column == COL_PROCEDURE:
            return row.procedure_name
        if column == COL_RECEIVED:
            return labels.when(row.received_at)
        if column == COL_DEADLINE:
            return labels.when(row.deadline)
        if column == COL_FLAG:
            return self.tr("Late") if row.late else ""
        return ""


class ReadyTableModel(RowsModel):
    """Results waiting at the centre (status 9), oldest first; identifiers masked. GUI thread only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Dossier code"), self.tr("Applicant"), self.tr("Identifier"), self.tr("Procedure"),
                          self.tr("Department"), self.tr("Due")), parent)

    def code(self, row: int) -> str:
        return self._rows[row].code

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        row: QueueRow = self._rows[index.row()]
        return {
            READY_CODE: row.code, READY_APPLICANT: row.applicant_name, READY_IDENTIFIER: labels.masked_identifier(row.id_number),
            READY_PROCEDURE: row.procedure_name, READY_DEPARTMENT: row.department_name, READY_DUE: labels.when(row.due_at),
        }.get(index.column()) or None


class LateTableModel(RowsModel):
    """Late dossiers (past their ORIGINAL due time), every cell red: what a supervisor must chase.
    The note column says what is still missing besides the list's own subject (apology or
    explanation), and whether the dossier is finished. GUI thread only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Dossier code"), self.tr("Department"), self.tr("Applicant"), self.tr("Procedure"),
                          self.tr("Status"), self.tr("Originally due"), self.tr("Due now"), self.tr("Note")), parent)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row: LateRow = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.text(row, index.column()) or None
        if role == CodeRole:
            return row.code
        if role == Qt.ForegroundRole:
            return LATE_BRUSH
        if role == Qt.FontRole and index.column() in (LATE_CODE, LATE_ORIGINAL):
            return _bold()
        return None

    def text(self, row: LateRow, column: int) -> str:
        if column == LATE_CODE:
            return row.code
        if column == LATE_DEPARTMENT:
            return row.department_name
        if column == LATE_APPLICANT:
            return row.applicant_name
        if column == LATE_PROCEDURE:
            return row.procedure_name
        if column == LATE_STATUS:
            return labels.status_label(row.status)
        if column == LATE_ORIGINAL:
            return labels.when(row.original_due_at)
        if column == LATE_DUE:
            return labels.when(row.due_at)
        if column == LATE_NOTE:
            return late_note(row)
        return ""


def late_note(row: LateRow) -> str:
    """"Apology filed; finished 12/12/2026 10:00" and the like: the facts beside the list's subject."""
    parts = []
    if row.rescheduled:
        parts.append(QCoreApplication.translate("LatePage", "Apology filed, new date set"))
    if row.explained:
        parts.append(QCoreApplication.translate("LatePage", "Explained"))
    if row.finished_at is not None:
        parts.append(QCoreApplication.translate("LatePage", "Finished {when}").format(when=labels.when(row.finished_at)))
    return "; ".join(parts)
