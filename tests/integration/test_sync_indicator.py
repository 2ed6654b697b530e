"""pytest-qt: the status-bar sync indicator follows the real SyncWorker offline and back online."""

from __future__ import annotations

import pytest

from counter_app.sync.worker import SyncWorker
from counter_app.ui.sync_indicator import SyncBridge, SyncIndicator
from tests.integration.tcp_proxy import TcpProxy
from tests.integration.test_sync_worker import engine_of, joined, no_keyring  # noqa: F401 - fixture

pytestmark = pytest.mark.postgres


def test_indicator_goes_offline_when_the_server_is_unreachable_and_back(central, tmp_path, qtbot):
    """Through a TCP proxy the test can close and reopen: "Online" → "Offline since hh:mm" → "Online",
    the status arriving on the GUI thread by queued signal from the worker thread."""
    ctx = joined(tmp_path, central, 31)
    proxy = TcpProxy(5432).start()
    engine = engine_of(ctx, proxy.url_for(central.app_url))
    bridge = SyncBridge()
    indicator = SyncIndicator(bridge)
    qtbot.addWidget(indicator)
    worker = SyncWorker(engine, poll_seconds=0.5, on_status=bridge.publish)
    bridge.set_wake(worker.wake)
    worker.start()
    try:
        qtbot.waitUntil(lambda: indicator.text() == "Online", timeout=10000)
        proxy.stop()
        qtbot.waitUntil(lambda: indicator.text().startswith("Offline since "), timeout=15000)
        assert not indicator.is_online() and indicator.toolTip()
        proxy.start()
        qtbot.waitUntil(lambda: indicator.text() == "Online", timeout=15000)
        assert indicator.is_online()
    finally:
        worker.stop()
        engine.close()
        proxy.stop()
        ctx.close()
