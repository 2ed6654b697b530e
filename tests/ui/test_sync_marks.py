"""What the sync worker's signals change on screen: quiet refreshes after a pull, and the
"not yet at the centre" marks (none on a standalone store)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import child, make_active, press, receive, type_text

from counter_app.app import run_gui
from counter_app.sync.engine import SyncStatus
from counter_app.ui.detail_widgets import table_texts
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.found_table_model import COL_CODE, COL_SYNC, PendingRole
from counter_app.ui.sync_indicator import SyncBridge
from counter_app.ui.task_runner import SyncTaskRunner


@pytest.fixture
def pending() -> set[str]:
    """The dossier ids the fake sync source reports as still in the outbox."""
    return set()


@pytest.fixture
def bridge(pending) -> SyncBridge:
    return SyncBridge(pending_ids=lambda: set(pending))


def open_window(qtbot, ctx, officer, bridge=None):
    window = run_gui(ctx, SyncTaskRunner(), officer, dialogs=RecordingDialogs(), sync=bridge)
    qtbot.addWidget(window)
    make_active(qtbot, window)
    return window


def search(window, text: str) -> None:
    window.show_find()
    query = child(window, "find.query")
    query.clear()
    type_text(query, text)
    press(query, Qt.Key_Return)


def codes(window) -> list[str]:
    model = window.find_page.proxy
    return [model.data(model.index(row, COL_CODE)) for row in range(model.rowCount())]


def selected_code(window) -> str | None:
    rows = window.find_page.results.selectionModel().selectedRows()
    return window.find_page.proxy.data(rows[0].siblingAtColumn(COL_CODE)) if rows else None


def online(pending_count: int = 0) -> SyncStatus:
    return SyncStatus(online=True, offline_since=None, pending=pending_count, last_sync=None, last_error="")


def test_a_standalone_store_shows_no_sync_marks(qtbot, ctx, officer):
    """Without a sync bridge the Sync column is hidden and the dossier page has no pending mark."""
    window = open_window(qtbot, ctx, officer)
    received = receive(ctx, officer)
    search(window, "nguyen thi")
    assert codes(window) == [received.code]
    assert child(window, "find.results").isColumnHidden(COL_SYNC)
    assert window.find_page.model.data(window.find_page.model.index(0, COL_SYNC), PendingRole) is False
    window.open_dossier("dossier", received.code)
    assert child(window, "dossier.code").text() == received.code
    assert child(window, "dossier.pending_sync").isHidden()


def test_pulled_rows_refresh_the_find_results_keeping_the_selection(qtbot, ctx, officer, bridge):
    """`rows_pulled` re-runs the last search: the new hit appears, the selected hit stays selected,
    the page stays on Find and the status bar's last action is untouched."""
    window = open_window(qtbot, ctx, officer, bridge)
    first, second = receive(ctx, officer), receive(ctx, officer)
    search(window, "nguyen thi")
    assert sorted(codes(window)) == sorted([first.code, second.code])
    window.find_page.results.selectRow(codes(window).index(first.code))
    assert selected_code(window) == first.code
    action = window.status.action_text()

    third = receive(ctx, officer)  # as if the worker had just applied it from another counter
    bridge.publish_pulled(1)
    qtbot.waitUntil(lambda: len(codes(window)) == 3)
    assert third.code in codes(window)
    assert selected_code(window) == first.code
    assert window.tabs.currentWidget() is window.find_page
    assert window.status.action_text() == action
    assert child(window, "find.summary").text().startswith("3 result")


def test_pulled_rows_reload_the_open_dossier(qtbot, ctx, officer, bridge):
    """`rows_pulled` reloads the dossier on the Dossier page: a print recorded meanwhile shows in its history."""
    window = open_window(qtbot, ctx, officer, bridge)
    received = receive(ctx, officer)
    window.open_dossier("dossier", received.code)
    history = child(window, "dossier.history")
    assert len(table_texts(history)) == 1
    ctx.printing.log("receipt", received.code, "elsewhere.pdf", ok=True, user_id=officer.id)
    bridge.publish_pulled(2)
    qtbot.waitUntil(lambda: len(table_texts(history)) == 2)
    assert child(window, "dossier.code").text() == received.code


def test_marks_follow_the_pending_ids_on_each_sync_status(qtbot, ctx, officer, bridge, pending):
    """A dossier still in the outbox is marked on the Dossier page and in the Find results; a new
    sync status after its push was acknowledged clears both marks."""
    window = open_window(qtbot, ctx, officer, bridge)
    received = receive(ctx, officer)
    pending.add(ctx.dossiers.dossier(received.code).id)
    bridge.publish(online(pending_count=3))
    window.open_dossier("dossier", received.code)
    mark = child(window, "dossier.pending_sync")
    assert mark.isVisible() and mark.toolTip()
    search(window, "nguyen thi")
    model = window.find_page.model
    assert not child(window, "find.results").isColumnHidden(COL_SYNC)
    assert model.data(model.index(0, COL_SYNC), PendingRole) is True
    assert model.data(model.index(0, COL_SYNC), Qt.ToolTipRole)

    pending.clear()
    bridge.publish(online())
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_SYNC), PendingRole) is False and mark.isHidden())
    assert model.data(model.index(0, COL_SYNC)) == ""
