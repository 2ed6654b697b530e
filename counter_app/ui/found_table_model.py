"""Table model over `FoundItem` search hits (dossiers and reception slips) for the Find page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.services.dossiers import FoundItem
from counter_app.ui import labels

COL_CODE, COL_APPLICANT, COL_IDENTIFIER, COL_PHONE, COL_PROCEDURE, COL_STATUS, COL_RECEIVED, COL_DUE, COL_OVERDUE = range(9)
ItemRole = Qt.UserRole + 1  # the FoundItem of the row
SortRole = Qt.UserRole + 2  # raw value to sort by (dates as datetimes, not as text)

_OVERDUE_COLOUR = QColor("#b00020")


class FoundTableModel(QAbstractTableModel):
    """Read-only rows; `set_rows()` replaces them all. GUI thread only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[FoundItem] = []
        self._headers = (
            self.tr("Code / number"), self.tr("Applicant"), self.tr("Identifier"), self.tr("Phone"),
            self.tr("Procedure"), self.tr("Status"), self.tr("Received"), self.tr("Due"), self.tr("Overdue"),
        )

    def set_rows(self, rows: list[FoundItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> FoundItem:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == ItemRole:
            return item
        if role == Qt.DisplayRole:
            return self._text(item, column)
        if role == SortRole:
            return self._sort_key(item, column)
        if role == Qt.ForegroundRole and item.overdue and column in (COL_DUE, COL_OVERDUE):
            return QBrush(_OVERDUE_COLOUR)
        if role == Qt.ToolTipRole and column == COL_PROCEDURE:
            return item.procedure_name
        return None

    def _text(self, item: FoundItem, column: int) -> str:
        if column == COL_CODE:
            return item.reference
        if column == COL_APPLICANT:
            return item.applicant_name
        if column == COL_IDENTIFIER:
            return labels.masked_identifier(item.id_number)
        if column == COL_PHONE:
            return item.phone
        if column == COL_PROCEDURE:
            return item.procedure_name
        if column == COL_STATUS:
            return labels.status_label(item.status) if item.kind == "dossier" else labels.document_label(item.kind)
        if column == COL_RECEIVED:
            return labels.when(item.at)
        if column == COL_DUE:
            return labels.when(item.due_at)
        if column == COL_OVERDUE:
            return "⚠ " + self.tr("Overdue") if item.overdue else ""
        return ""

    def _sort_key(self, item: FoundItem, column: int):
        if column == COL_RECEIVED:
            return item.at.isoformat()
        if column == COL_DUE:
            return item.due_at.isoformat() if item.due_at else ""
        if column == COL_OVERDUE:
            return int(item.overdue)
        return self._text(item, column)
