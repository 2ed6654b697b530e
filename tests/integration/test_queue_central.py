"""A joined counter's queue is the central database's: the queue tables are not synced, so every
counter, kiosk and board must act on the one queue there (one arbiter decides who is called)."""

from __future__ import annotations

import pytest

from counter_app import cli
from counter_app.context import open_context

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setenv("COUNTER_APP_NO_KEYRING", "1")


def _join(data, central, number) -> None:
    assert cli.main(["--lang", "en", "--data-dir", str(data), "join", central.app_url, "--counter", str(number)]) == 0


def test_joined_counters_share_the_central_queue(central, tmp_path, capsys):
    kiosk, counter7 = tmp_path / "kiosk", tmp_path / "counter77"
    _join(kiosk, central, 61)
    _join(counter7, central, 77)
    capsys.readouterr()

    a, b = open_context(kiosk), open_context(counter7)
    try:
        assert a.db.dialect == "sqlite"
        assert a.queue.db.dialect == b.queue.db.dialect == "postgresql"  # not the local file
        issued = a.queue.issue("B")
        # The other workstation sees it waiting and calls it: one queue, not one per counter.
        called = None
        while called is None or called.id != issued.id:
            called = b.queue.call_next(77, None, ["B"])
            assert called is not None, "the ticket issued at the kiosk never reached counter 77"
            if called.id != issued.id:  # older tickets of the shared test database
                b.queue.start(called.id, 77, None)
                b.queue.finish(called.id, 77, None)
        assert a.queue.get(issued.id).status == "called"
        assert a.queue.get(issued.id).counter_number == 77
    finally:
        a.close()
        b.close()

    # The CLI of a joined data folder acts on the central queue too.
    assert cli.main(["--data-dir", str(kiosk), "queue", "issue", "B"]) == 0
    number = capsys.readouterr().out.strip()
    ctx = open_context(counter7)
    try:
        assert ctx.queue.find(number).status == "waiting"
    finally:
        ctx.close()


def test_a_lost_central_database_refuses_queue_work_quickly(central, tmp_path, capsys):
    """No silent fall-back to a local queue (two arbiters would call one ticket twice): a lost
    central database is an error the screens show as "connection lost"."""
    import time

    from sqlalchemy.exc import OperationalError

    from counter_app.context import QUEUE_CONNECT_TIMEOUT_S
    from counter_app.services.db import Database
    from counter_app.services.queue import QueueService

    data = tmp_path / "counter88"
    _join(data, central, 88)
    ctx = open_context(data)
    try:
        # The same options as the real link, on a port where nothing listens.
        url = ctx.queue.db.engine.url.set(port=1)
        dead = QueueService(Database(url.render_as_string(hide_password=False)))
        started = time.monotonic()
        with pytest.raises(OperationalError):
            dead.board()
        assert time.monotonic() - started < QUEUE_CONNECT_TIMEOUT_S + 2
        dead.db.dispose()
    finally:
        ctx.close()


def test_the_display_starts_on_the_central_database(central, tmp_path):
    """A board machine that is no counter: `counter-app --central URL display`."""
    from tests.ui.test_screens_start import start_screen  # noqa: PLC0415

    result = start_screen("--data-dir", str(tmp_path / "board"), "--central", central.app_url, "display")
    assert result.returncode == 0, result.stderr
    assert "display-shown" in result.stdout
