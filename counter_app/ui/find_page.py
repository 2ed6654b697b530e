"""Find page: one box for a scanned code, a name, a phone or an identifier; a table of hits.

A barcode scanner types the code and Enter; a single exact hit opens at once, so scanning a
receipt jumps straight to its dossier.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.dossiers import FoundItem
from counter_app.services.errors import ServiceError
from counter_app.i18n import translate_message
from counter_app.ui.found_table_model import COL_APPLICANT, COL_PROCEDURE, COL_RECEIVED, FoundTableModel, ItemRole, SortRole
from counter_app.ui.task_runner import DATABASE, TaskRunner


class FindPage(QWidget):
    """Search runs on the database lane; an answer to an older query than the latest is dropped,
    so fast typing or scanning never shows stale hits. GUI thread only.

    Signals: `open_requested(kind, reference)` — kind "dossier", "supplement" or "refusal".
    """

    open_requested = Signal(str, str)
    searched = Signal(str, int)  # query, number of hits

    def __init__(self, find: Callable[[str], list[FoundItem]], runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("find.page")
        self._find = find
        self._runner = runner
        self._generation = 0

        self.query = QLineEdit(self)
        self.query.setObjectName("find.query")
        self.query.setPlaceholderText(self.tr("Scan a receipt, or type a code, name, phone or identifier, then Enter"))
        self.query.setClearButtonEnabled(True)
        font = self.query.font()
        font.setPointSize(font.pointSize() + 3)  # the one box the officer looks at while scanning
        self.query.setFont(font)
        self.query.setMinimumHeight(36)
        self.query.returnPressed.connect(self.search)
        self.submit = QPushButton(self.tr("Search"), self)
        self.submit.setObjectName("find.submit")
        self.submit.clicked.connect(self.search)

        self.summary = QLabel(self)
        self.summary.setObjectName("find.summary")

        self.model = FoundTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.results = QTableView(self)
        self.results.setObjectName("find.results")
        self.results.setModel(self.proxy)
        self.results.setSortingEnabled(True)
        self.results.sortByColumn(COL_RECEIVED, Qt.DescendingOrder)  # newest first, like the service
        self.results.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.verticalHeader().hide()
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_PROCEDURE, QHeaderView.Stretch)
        self.results.activated.connect(self._on_results_activated)  # Enter and double-click

        top = QHBoxLayout()
        label = QLabel(self.tr("&Find:"), self)
        label.setBuddy(self.query)
        top.addWidget(label)
        top.addWidget(self.query, 1)
        top.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

    def focus_query(self) -> None:
        self.query.setFocus(Qt.ShortcutFocusReason)
        self.query.selectAll()

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            self.summary.setText(self.tr("Type or scan something to search for."))
            return
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Searching…"))
        self._runner.submit(
            lambda: self._find(text),
            lambda rows: self._on_found(generation, text, rows),
            lambda error: self._on_failed(generation, error),
            lane=DATABASE,
        )

    def _on_found(self, generation: int, text: str, rows: list[FoundItem]) -> None:
        if generation != self._generation:
            return  # a newer search was started meanwhile
        self.model.set_rows(rows)
        self.searched.emit(text, len(rows))
        if not rows:
            self.summary.setText(self.tr("Nothing found for “{query}”.").format(query=text))
            self.focus_query()
            return
        self.summary.setText(self.tr("%n result(s). Enter or double-click opens one.", "", len(rows)))
        self.results.resizeColumnToContents(COL_APPLICANT)
        if len(rows) == 1 and rows[0].reference.casefold() == text.casefold():
            self.open_requested.emit(rows[0].kind, rows[0].reference)  # a scan: open it straight away
            return
        self.results.setFocus(Qt.OtherFocusReason)
        self.results.selectRow(0)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        reason = translate_message(error.message) if isinstance(error, ServiceError) else str(error)
        self.summary.setText(self.tr("The search failed: {reason}").format(reason=reason))

    def _on_results_activated(self, index: QModelIndex) -> None:
        item: FoundItem = self.proxy.data(index, ItemRole)
        if item is not None:
            self.open_requested.emit(item.kind, item.reference)
