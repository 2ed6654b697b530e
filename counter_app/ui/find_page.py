"""Find page: one box for a scanned code, a name, a phone or an identifier; a table of hits.

A barcode scanner types the code and Enter; a single exact hit opens at once, so scanning a
receipt jumps straight to its dossier. On a joined counter the page re-runs its search quietly
when the sync worker brings rows from other counters (`refresh()`), and marks the dossiers not yet
at the centre (the Sync column; hidden on a standalone store).
"""

from __future__ import annotations

import logging
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
from counter_app.ui.found_table_model import (
    COL_APPLICANT, COL_PROCEDURE, COL_RECEIVED, COL_SYNC, FoundTableModel, ItemRole, SortRole,
)
from counter_app.ui.task_runner import DATABASE, TaskRunner

log = logging.getLogger(__name__)


class FindPage(QWidget):
    """Search runs on the database lane; an answer to an older query than the latest is dropped,
    so fast typing or scanning never shows stale hits. `refresh()` re-runs the last search without
    opening, focusing or announcing anything and keeps the selected hit selected; refreshes that
    arrive while one runs are coalesced into one more. GUI thread only.

    `pending_ids` (a joined counter's, run on the database lane) returns the ids of dossiers whose
    rows still wait in the outbox; None on a standalone store.

    Signals: `open_requested(kind, reference)` — kind "dossier", "supplement" or "refusal".
    """

    open_requested = Signal(str, str)
    searched = Signal(str, int)  # query, number of hits

    def __init__(self, find: Callable[[str], list[FoundItem]], runner: TaskRunner, parent: QWidget | None = None,
                 *, pending_ids: Callable[[], set[str]] | None = None):
        super().__init__(parent)
        self.setObjectName("find.page")
        self._find = find
        self._runner = runner
        self._pending_ids = pending_ids
        self._generation = 0
        self._last_query: str | None = None  # the text of the latest search started
        self._refreshing = False
        self._refresh_again = False

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
        self.results.setColumnHidden(COL_SYNC, pending_ids is None)  # a standalone store has no centre
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
        self._last_query = text
        self.summary.setText(self.tr("Searching…"))
        self._runner.submit(
            lambda: (self._find(text), self._read_pending()),
            lambda found: self._on_found(generation, text, *found),
            lambda error: self._on_failed(generation, error),
            lane=DATABASE,
        )

    def refresh(self) -> None:
        """Re-run the latest search quietly (rows changed under it, e.g. pulled from the centre)."""
        if self._last_query is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        generation, text = self._generation, self._last_query
        self._runner.submit(
            lambda: (self._find(text), self._read_pending()),
            lambda found: self._on_refreshed(generation, text, *found),
            lambda error: self._on_refresh_failed(generation, text, error),
            lane=DATABASE,
        )

    def refresh_pending(self) -> None:
        """Re-read which hits are not yet at the centre (after the sync worker pushed)."""
        if self._pending_ids is None or not self.model.rowCount():
            return
        self._runner.submit(self._pending_ids, self.model.set_pending, self._on_pending_failed, lane=DATABASE)

    def _read_pending(self) -> set[str] | None:
        """Database lane: the pending dossier ids, or None (marks unchanged) when they cannot be read."""
        if self._pending_ids is None:
            return None
        try:
            return self._pending_ids()
        except Exception as error:  # noqa: BLE001 - the marks are secondary: never fail a search for them
            log.warning("cannot read the dossiers waiting to sync: %s", error)
            return None

    def _on_pending_failed(self, error: BaseException) -> None:
        log.warning("cannot read the dossiers waiting to sync: %s", error)

    def _on_refresh_failed(self, generation: int, text: str, error: BaseException) -> None:
        log.warning("refreshing the search “%s” failed: %s", text, error)  # the hits on screen stay
        self._on_refreshed(generation, text, None, None)

    def _on_refreshed(self, generation: int, text: str, rows: list[FoundItem] | None, pending: set[str] | None) -> None:
        self._refreshing = False
        if rows is not None and generation == self._generation:  # else a newer search owns the page
            selected = self._selected_key()
            self.model.set_rows(rows, pending)
            self._show_summary(text, len(rows))
            self._select_key(selected)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _selected_key(self) -> tuple[str, str] | None:
        rows = self.results.selectionModel().selectedRows()
        item: FoundItem | None = self.proxy.data(rows[0], ItemRole) if rows else None
        return (item.kind, item.reference) if item is not None else None

    def _select_key(self, key: tuple[str, str] | None) -> None:
        if key is None:
            return
        for row in range(self.proxy.rowCount()):
            item: FoundItem = self.proxy.data(self.proxy.index(row, 0), ItemRole)
            if (item.kind, item.reference) == key:
                self.results.selectRow(row)
                return

    def _show_summary(self, text: str, count: int) -> None:
        if count:
            self.summary.setText(self.tr("%n result(s). Enter or double-click opens one.", "", count))
        else:
            self.summary.setText(self.tr("Nothing found for “{query}”.").format(query=text))

    def _on_found(self, generation: int, text: str, rows: list[FoundItem], pending: set[str] | None = None) -> None:
        if generation != self._generation:
            return  # a newer search was started meanwhile
        self.model.set_rows(rows, pending)
        self.searched.emit(text, len(rows))
        self._show_summary(text, len(rows))
        if not rows:
            self.focus_query()
            return
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
