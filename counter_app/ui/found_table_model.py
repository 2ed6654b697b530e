"""Table model over `FoundItem` search hits (dossiers and reception slips) for the Find page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.services.dossiers import FoundItem
from counter_app.ui import labels
from counter_app.ui.rows_model import RowsModel

COL_CODE, COL_APPLICANT, COL_IDENTIFIER, COL_PHONE, COL_PROCEDURE, COL_STATUS, COL_RECEIVED, COL_DUE, COL_OVERDUE, \
    COL_SYNC = range(10)
ItemRole = Qt.UserRole + 1  # the FoundItem of the row
SortRole = Qt.UserRole + 2  # raw value to sort by (dates as datetimes, not as text)
PendingRole = Qt.UserRole + 3  # True for a dossier whose rows have not yet reached the centre

_OVERDUE_COLOUR = QColor("#b00020")
_PENDING_COLOUR = QColor("#8a5a00")


class FoundTableModel(RowsModel):
    """Read-only rows; `set_rows()` replaces them all; `set_pending()` marks the dossiers not yet at
    the centre (the Sync column, which a standalone store hides). GUI thread only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__((), parent)
        self._headers = (  # tr() needs the QObject initialised first
            self.tr("Code / number"), self.tr("Applicant"), self.tr("Identifier"), self.tr("Phone"),
            self.tr("Procedure"), self.tr("Status"), self.tr("Received"), self.tr("Due"), self.tr("Overdue"),
            self.tr("Sync"),
        )
        self._pending: frozenset[str] = frozenset()

    def set_rows(self, rows: list[FoundItem], pending: set[str] | frozenset[str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if pending is not None:
            self._pending = frozenset(pending)
        self.endResetModel()

    def set_pending(self, pending: set[str] | frozenset[str]) -> None:
        """Ids of the dossiers whose rows still wait in the outbox."""
        pending = frozenset(pending)
        if pending == self._pending:
            return
        self._pending = pending
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_SYNC), self.index(len(self._rows) - 1, COL_SYNC))

    def is_pending(self, item: FoundItem) -> bool:
        return item.kind == "dossier" and bool(item.id) and item.id in self._pending

    def item(self, row: int) -> FoundItem:
        return self._rows[row]

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
        if role == PendingRole:
            return self.is_pending(item)
        if role == Qt.ForegroundRole and item.overdue and column in (COL_DUE, COL_OVERDUE):
            return QBrush(_OVERDUE_COLOUR)
        if role == Qt.ForegroundRole and column == COL_SYNC:
            return QBrush(_PENDING_COLOUR)
        if role == Qt.ToolTipRole and column == COL_PROCEDURE:
            return item.procedure_name
        if role == Qt.ToolTipRole and column == COL_SYNC and self.is_pending(item):
            return self.tr("Saved at this counter but not yet sent to the centre; it is sent automatically when the connection is back.")
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
        if column == COL_SYNC:
            return "⏳ " + self.tr("Not yet at the centre") if self.is_pending(item) else ""
        return ""

    def _sort_key(self, item: FoundItem, column: int):
        if column == COL_RECEIVED:
            return item.at.isoformat()
        if column == COL_DUE:
            return item.due_at.isoformat() if item.due_at else ""
        if column == COL_OVERDUE:
            return int(item.overdue)
        if column == COL_SYNC:
            return int(self.is_pending(item))
        return self._text(item, column)
