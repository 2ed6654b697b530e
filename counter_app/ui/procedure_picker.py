"""Find a procedure by typing: a search box over a table of the current catalogue.

Keyboard: typing filters (accent-insensitive, every word must occur: "cap phieu ly lich" finds
"Cấp Phiếu lý lịch tư pháp…"); Up/Down/PageUp/PageDown move from the box into the table;
Enter picks the highlighted row (the first one when none is highlighted); Esc clears the box.

Guarantees: the widget holds plain `ProcedureInfo` dataclasses handed to it by its owner (it
never queries anything itself); GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from counter_app.services.catalogue import ProcedureInfo
from counter_app.ui.field_error import FieldWithError
from counter_app.ui.labels import limit_label

COL_CODE, COL_NAME, COL_FIELD, COL_LIMIT = range(4)
ProcedureRole = Qt.ItemDataRole.UserRole + 1


class ProcedureTableModel(QAbstractTableModel):
    """The catalogue filtered by a query; rows are `ProcedureInfo`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._all: list[ProcedureInfo] = []
        self._rows: list[ProcedureInfo] = []
        self._query = ""

    def set_procedures(self, procedures: list[ProcedureInfo]) -> None:
        self._all = list(procedures)
        self.set_query(self._query)

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self._query = query
        self._rows = [p for p in self._all if p.matches(query)] if query.strip() else list(self._all)
        self.endResetModel()

    def procedure(self, row: int) -> ProcedureInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def total(self) -> int:
        return len(self._all)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (p.code, p.name, p.field_name, limit_label(p.limit_value, p.limit_unit))[index.column()]
        if role == ProcedureRole:
            return p
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Procedure"), self.tr("Field"), self.tr("Time limit"))[section]
        return None


class ProcedurePicker(QWidget):
    """Search box + table. Emits `procedure_chosen(ProcedureInfo)` when a row is picked (Enter,
    click, double-click), `choice_confirmed()` after a pick by keyboard (the owner moves focus
    on), and `procedure_cleared()` when the choice is reset."""

    procedure_chosen = Signal(object)
    choice_confirmed = Signal()
    procedure_cleared = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ProcedureTableModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("intake.procedure_search")
        self.search.setPlaceholderText(self.tr("Type words of the name or the code, e.g. \"ly lich tu phap\""))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search procedures"))
        self.search_field = FieldWithError(self.search)  # "Choose a procedure." appears under the box
        self.table = QTableView(self)
        self.table.setObjectName("intake.procedure_list")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Procedures"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users go on to the form
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_LIMIT, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COL_FIELD, 105)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel(self)
        self.count.setObjectName("intake.procedure_count")
        self._chosen: ProcedureInfo | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setFocusProxy(self.search)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        self.table.activated.connect(self._on_table_activated)
        self.table.clicked.connect(self._on_table_activated)

    # --- owner API -----------------------------------------------------------------------------
    def set_procedures(self, procedures: list[ProcedureInfo]) -> None:
        self.model.set_procedures(procedures)
        self._update_count()

    def chosen(self) -> ProcedureInfo | None:
        return self._chosen

    def choose_code(self, code: str) -> bool:
        """Pick the procedure with `code` (used when re-opening a slip); False if not listed."""
        self.search.setText(code)
        for row in range(self.model.rowCount()):
            if (p := self.model.procedure(row)) and p.code == code:
                self._choose(row)
                return True
        return False

    def reset(self) -> None:
        self.search.clear()
        self.table.clearSelection()
        if self._chosen is not None:
            self._chosen = None
            self.procedure_cleared.emit()

    # --- behaviour -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._enter_table(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else 0
                if self.model.rowCount():
                    self._choose(row, advance=True)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _enter_table(self, key: int) -> None:
        if not self.model.rowCount():
            return
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else -1
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[key]
        row = max(0, min(self.model.rowCount() - 1, row + step))
        self.table.setCurrentIndex(self.model.index(row, COL_NAME))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.rowCount():
            # Highlight the first hit so Enter picks what the officer sees on top.
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))
        self._update_count()

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._choose(index.row(), advance=self.table.hasFocus())

    def _choose(self, row: int, advance: bool = False) -> None:
        procedure = self.model.procedure(row)
        if procedure is None:
            return
        self.table.setCurrentIndex(self.model.index(row, COL_NAME))
        self._chosen = procedure
        self.procedure_chosen.emit(procedure)
        if advance:
            self.choice_confirmed.emit()

    def _update_count(self) -> None:
        self.count.setText(self.tr("Showing {shown} of {total} procedures").format(
            shown=self.model.rowCount(), total=self.model.total()))
