"""pytest-qt on two joined counters: what B's screens show updates by itself when A's changes
arrive, and a dossier received offline is marked until its push is acknowledged."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from counter_app.app import run_gui, start_sync, stop_sync
from counter_app.sync.worker import SyncWorker
from counter_app.ui.detail_widgets import table_texts
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.found_table_model import COL_CODE, COL_SYNC, PendingRole
from counter_app.ui.sync_indicator import SyncBridge
from counter_app.ui.task_runner import ThreadTaskRunner
from tests.factories import intake
from tests.integration.tcp_proxy import TcpProxy
from tests.integration.test_sync_worker import OFFICER, engine_of, joined, no_keyring  # noqa: F401 - fixture

pytestmark = pytest.mark.postgres


def child(parent: QWidget, name: str) -> QWidget:
    found = parent.findChild(QWidget, name)
    assert found is not None, f"no widget named {name!r}"
    return found


def unique_phone() -> str:
    return f"0988{random.randrange(10**6):06d}"


def found_codes(window) -> list[str]:
    model = window.find_page.model
    return [model.data(model.index(row, COL_CODE)) for row in range(model.rowCount())]


def search(qtbot, window, text: str) -> None:
    window.show_find()
    query = child(window, "find.query")
    query.clear()
    qtbot.keyClicks(query, text)
    qtbot.keyClick(query, Qt.Key_Return)


def test_a_dossier_received_at_a_appears_in_b_find_results_and_dossier_page_live(central, tmp_path, qtbot):
    """B's real window (threaded runner, real worker, polling off) shows A's new dossier in its Find
    results within 2 s of A's push, then reloads the open dossier when A prints it — no user action."""
    a, b = joined(tmp_path, central, 41), joined(tmp_path, central, 42)
    engine_a = engine_of(a)
    holder = QObject()
    runner = ThreadTaskRunner(holder)
    sync = start_sync(b, holder, poll_seconds=600)
    worker, bridge = sync
    window = run_gui(b, runner, b.auth.get(OFFICER), dialogs=RecordingDialogs(), sync=bridge)
    qtbot.addWidget(window)
    try:
        assert worker.listening.wait(5)
        qtbot.waitUntil(lambda: worker.syncs >= 1, timeout=5000)
        phone = unique_phone()
        search(qtbot, window, phone)
        qtbot.waitUntil(lambda: child(window, "find.summary").text().startswith("Nothing found"), timeout=5000)

        code = a.intake.receive(intake(a, applicant={"phone": phone}), a.auth.get(OFFICER), counter_number=41).code
        assert engine_a.sync_once().online and engine_a.status().pending == 0
        qtbot.waitUntil(lambda: found_codes(window) == [code], timeout=2000)
        assert window.tabs.currentWidget() is window.find_page  # a refresh never opens a hit by itself
        assert window.find_page.model.data(window.find_page.model.index(0, COL_SYNC), PendingRole) is False

        window.open_dossier("dossier", code)
        history = child(window, "dossier.history")
        qtbot.waitUntil(lambda: child(window, "dossier.code").text() == code and len(table_texts(history)) == 1,
                        timeout=5000)
        assert not child(window, "dossier.pending_sync").isVisible()  # pulled from the centre: it is there
        a.printing.log("receipt", code, "counter41.pdf", ok=True, user_id=a.auth.get(OFFICER).id)
        assert engine_a.sync_once().online and engine_a.status().pending == 0
        qtbot.waitUntil(lambda: len(table_texts(history)) == 2, timeout=2000)
        assert window.tabs.currentWidget() is window.dossier_page
    finally:
        window.close()
        runner.wait_idle()
        stop_sync(sync)
        runner.wait_idle()
        engine_a.close()
        a.close()
        b.close()


def test_a_dossier_received_offline_is_marked_until_its_push_is_acknowledged(central, tmp_path, qtbot):
    """With A's link to the centre down, a dossier received at A shows `dossier.pending_sync` and a
    Sync mark in the Find results; once the link is back and the worker pushed, both disappear."""
    a = joined(tmp_path, central, 43)
    proxy = TcpProxy(5432).start()
    engine = engine_of(a, proxy.url_for(central.app_url))
    holder = QObject()
    runner = ThreadTaskRunner(holder)
    bridge = SyncBridge(parent=holder, pending_ids=engine.pending_dossier_ids)
    worker = SyncWorker(engine, poll_seconds=0.5, on_status=bridge.publish, on_pulled=bridge.publish_pulled)
    bridge.set_wake(worker.wake)
    worker.start()
    window = run_gui(a, runner, a.auth.get(OFFICER), dialogs=RecordingDialogs(), sync=bridge)
    qtbot.addWidget(window)
    indicator = child(window, "status.sync")
    try:
        qtbot.waitUntil(lambda: indicator.text() == "Online", timeout=10000)
        proxy.stop()
        qtbot.waitUntil(lambda: indicator.text().startswith("Offline since "), timeout=15000)

        phone = unique_phone()
        code = a.intake.receive(intake(a, applicant={"phone": phone}), a.auth.get(OFFICER), counter_number=43).code
        window.open_dossier("dossier", code)
        mark = child(window, "dossier.pending_sync")
        qtbot.waitUntil(lambda: child(window, "dossier.code").text() == code and mark.isVisible(), timeout=5000)
        assert mark.text().endswith("Not yet at the centre") and mark.toolTip()
        search(qtbot, window, phone)
        model = window.find_page.model
        qtbot.waitUntil(lambda: found_codes(window) == [code], timeout=5000)
        assert model.data(model.index(0, COL_SYNC), PendingRole) is True
        assert model.data(model.index(0, COL_SYNC)).endswith("Not yet at the centre")
        assert not child(window, "find.results").isColumnHidden(COL_SYNC)

        proxy.start()
        qtbot.waitUntil(lambda: model.data(model.index(0, COL_SYNC), PendingRole) is False and mark.isHidden(),
                        timeout=15000)
        assert model.data(model.index(0, COL_SYNC)) == "" and engine.status().pending == 0
        window.tabs.setCurrentWidget(window.dossier_page)  # the same dossier, not reloaded: no mark
        assert child(window, "dossier.code").text() == code and not mark.isVisible()
    finally:
        window.close()
        runner.wait_idle()
        worker.stop()
        runner.wait_idle()
        engine.close()
        proxy.stop()
        a.close()
