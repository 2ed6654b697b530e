"""The supervisor's table of every department's timeliness (`services.timeliness`), with a total row.

Counts that need chasing stand out: overdue and without-apology cells in red, near-due in amber,
each only when not zero; the on-time ratio is shown as a percentage ("—" when nothing was
completed in the period). Read-only. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.services.timeliness import DepartmentTimeliness
from counter_app.ui.rows_model import RowsModel

(COL_DEPARTMENT, COL_OPEN, COL_PAUSED, COL_NEAR_DUE, COL_OVERDUE, COL_NO_APOLOGY, COL_COMPLETED, COL_EARLY,
 COL_ON_TIME, COL_LATE, COL_RATIO) = range(11)
_COUNTS = {COL_OPEN: "open", COL_PAUSED: "paused", COL_NEAR_DUE: "near_due", COL_OVERDUE: "overdue",
           COL_NO_APOLOGY: "overdue_without_apology", COL_COMPLETED: "completed", COL_EARLY: "early",
           COL_ON_TIME: "on_time", COL_LATE: "late"}
RED = QColor("#9b0000")
AMBER = QColor("#6b4400")


def total(rows: Sequence[DepartmentTimeliness], name: str) -> DepartmentTimeliness:
    """One row that adds up every department's counts."""
    return DepartmentTimeliness("", name, *(sum(getattr(r, f) for r in rows) for f in (
        "open", "paused", "near_due", "overdue", "overdue_without_apology", "completed", "early", "late")))


class TimelinessTableModel(RowsModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Department"), self.tr("Open"), self.tr("Paused"), self.tr("Near due"),
                          self.tr("Overdue"), self.tr("No apology"), self.tr("Completed"), self.tr("Early"),
                          self.tr("On time"), self.tr("Late"), self.tr("On time %")), parent)
        self._total: DepartmentTimeliness | None = None

    def set_rows(self, rows: Sequence[DepartmentTimeliness]) -> None:
        """The departments, then their total (when there is more than one)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._total = total(rows, self.tr("Total")) if len(rows) > 1 else None
        if self._total is not None:
            self._rows.append(self._total)
        self.endResetModel()

    def departments(self) -> list[DepartmentTimeliness]:
        return [r for r in self._rows if r is not self._total]

    def text(self, row: DepartmentTimeliness, column: int) -> str:
        if column == COL_DEPARTMENT:
            return row.department_name
        if column == COL_RATIO:
            ratio = row.on_time_ratio
            return "—" if ratio is None else f"{ratio:.0%}"
        return str(getattr(row, _COUNTS[column]))

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row: DepartmentTimeliness = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return self.text(row, column)
        if role == Qt.TextAlignmentRole and column != COL_DEPARTMENT:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole:
            if column in (COL_OVERDUE, COL_NO_APOLOGY, COL_LATE) and getattr(row, _COUNTS[column]):
                return QBrush(RED)
            if column == COL_NEAR_DUE and row.near_due:
                return QBrush(AMBER)
            return None
        if role == Qt.FontRole and (row is self._total or (column in (COL_OVERDUE, COL_NO_APOLOGY)
                                                           and getattr(row, _COUNTS[column]))):
            font = QFont()
            font.setBold(True)
            return font
        return None
