"""The background sync worker of a counter: push, pull, LISTEN/NOTIFY wake-up, lease renewal.

`SyncWorker(engine)` runs one plain daemon thread that owns `engine` while it runs:
- it keeps its own autocommit psycopg connection that LISTENs on `counter_app_changes`; the
  thread sleeps in `select()` on that socket and on a wake-up pipe, so a NOTIFY from another
  counter's commit triggers a sync at once (no polling delay) and `wake()` (the GUI after a save)
  triggers a push at once;
- every `local_check_seconds` it looks at the local outbox (one indexed count) and syncs when rows
  are waiting — changes made by another process on the same store (the CLI) are pushed too;
- every `poll_seconds` it syncs anyway: the fall-back when LISTEN is impossible or a NOTIFY was lost;
- once a day it prunes old finished dossiers from the local store (`prune`);
- after each sync it renews the leased code blocks that are half used (`leases.renew`), so the
  officer's save never waits on the network while the centre is reachable;
- when the server or the link is down it retries with exponential back-off (0.5 s … `MAX_BACKOFF`)
  and reconnects the LISTEN connection by itself (also after `pg_terminate_backend`).

Threading rules: construct, `start()`, `wake()`, `stop()` and `status` from any thread; the engine
must not be used by anyone else between `start()` and `stop()`. `on_status(SyncStatus)` is called
ON THE WORKER THREAD whenever the status changes — a GUI must hop to its own thread (queued
signal) before touching widgets. Likewise `on_pulled(count)`, ON THE WORKER THREAD, after a sync
step that applied `count` > 0 rows of other counters (the engine's `last_pulled`), so a GUI can
refresh what it shows. `stop()` joins the thread; it does not close the engine.
No Qt.
"""

from __future__ import annotations

import logging
import select
import socket
import threading
import time
from collections.abc import Callable
from datetime import date

import psycopg

from counter_app.sync import central_link, leases, prune
from counter_app.sync.local_store import pending_count
from counter_app.sync.tables import NOTIFY_CHANNEL

log = logging.getLogger(__name__)

MAX_BACKOFF = 5.0  # seconds between attempts while the centre is down


class SyncWorker:
    def __init__(self, engine, *, poll_seconds: float = 5.0, on_status: Callable | None = None,
                 local_check_seconds: float = 1.0, listen_url: str | None = None,
                 on_pulled: Callable[[int], None] | None = None):
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.local_check_seconds = local_check_seconds
        self.on_status = on_status
        self.on_pulled = on_pulled
        self.listen_url = listen_url or engine.central_url
        self.status = None  # the last SyncStatus, read from any thread
        self.listening = threading.Event()  # set while the LISTEN connection is up (tests wait on it)
        self.syncs = 0  # sync steps run (tests and benchmarks read these)
        self.listen_connects = 0
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._thread: threading.Thread | None = None
        self._listen: psycopg.Connection | None = None

    # --- any thread ---------------------------------------------------------------------------

    def start(self) -> SyncWorker:
        leases.register(self.engine.local, self.engine.central_url)
        self._thread = threading.Thread(target=self._run, name="counter_app-sync", daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """Sync as soon as possible (e.g. right after a local save)."""
        try:
            self._wake_w.send(b"x")
        except OSError:  # buffer full: a wake-up is already pending; closed: stopped
            pass

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self.wake()
        if self._thread is not None:
            self._thread.join(timeout)
        self._wake_r.close()
        self._wake_w.close()

    def is_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- worker thread ------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = 0.5
        next_sync = 0.0  # monotonic time of the next sync (0: now)
        next_listen = 0.0
        next_local = 0.0
        last_day: date | None = None
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                if self._listen is None and now >= next_listen:
                    if self._connect_listen():
                        next_sync = 0.0  # catch up on what happened while not listening
                    else:
                        next_listen = now + backoff
                if now >= next_local:
                    next_local = now + self.local_check_seconds
                    if self._pending() and next_sync > now and self._online():
                        next_sync = 0.0
                if time.monotonic() >= next_sync:
                    status = self._sync()
                    if status.online:
                        backoff = 0.5
                        next_sync = time.monotonic() + (0.0 if status.pending else self.poll_seconds)
                        last_day = self._renew_leases(last_day)
                    else:
                        next_sync = time.monotonic() + backoff
                        next_listen = min(next_listen, next_sync) if self._listen is None else next_listen
                        backoff = min(backoff * 2, MAX_BACKOFF)
                deadline = min(next_sync, next_local, next_listen if self._listen is None else next_sync)
                if self._wait(max(0.0, deadline - time.monotonic())):
                    next_sync = 0.0
        except Exception:  # noqa: BLE001 - a dead worker must say why in the log
            log.exception("sync worker stopped by an error")
            raise
        finally:
            self._close_listen()

    def _online(self) -> bool:
        return self.status is None or bool(self.status.online)

    def _pending(self) -> bool:
        try:
            return pending_count(self.engine.local) > 0
        except Exception:  # noqa: BLE001 - a locked or busy store: look again next time
            return False

    def _sync(self):
        status = self.engine.sync_once()
        self.syncs += 1
        if status != self.status:
            self.status = status
            self._tell(self.on_status, status)
        pulled = getattr(self.engine, "last_pulled", 0)
        if pulled:
            self._tell(self.on_pulled, pulled)
        return status

    @staticmethod
    def _tell(listener: Callable | None, value) -> None:
        if listener is not None:
            try:
                listener(value)
            except Exception:  # noqa: BLE001 - a listener's bug must not stop the sync
                log.exception("sync listener failed")

    def _renew_leases(self, last_day: date | None) -> date:
        today = self.engine.clock().date()
        try:
            if last_day != today:
                leases.forget_old(self.engine.local, today)
                prune.prune(self.engine.local, self.engine.clock())  # once a day: keep the store small
            leases.renew(self.engine.local, self.engine.central_url, leases.wanted_keys(self.engine.local, today))
        except Exception as error:  # noqa: BLE001 - offline now: the next sync retries; codes fall back
            log.info("lease renewal failed: %s", error)
            return last_day
        return today

    def _connect_listen(self) -> bool:
        try:
            conn = central_link.connect(self.listen_url, autocommit=True)
            conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg.Error as error:
            log.info("cannot LISTEN on the central database: %s", str(error).strip())
            return False
        self._listen = conn
        self.listen_connects += 1
        self.listening.set()
        return True

    def _close_listen(self) -> None:
        conn, self._listen = self._listen, None
        self.listening.clear()
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass

    def _wait(self, timeout: float) -> bool:
        """Sleep until a notification, a wake-up or `timeout`; True when a sync is wanted now."""
        sources = [self._wake_r] + ([self._listen.fileno()] if self._listen is not None else [])
        try:
            ready, _, _ = select.select(sources, [], [], timeout)
        except (OSError, ValueError):  # the LISTEN socket went away under us
            self._close_listen()
            return True
        wanted = False
        if self._wake_r in ready:
            try:
                while self._wake_r.recv(4096):
                    pass
            except (BlockingIOError, OSError):
                pass
            wanted = True
        if self._listen is not None and self._listen.fileno() in ready:
            try:
                wanted = bool(list(self._listen.notifies(timeout=0))) or wanted
                if self._listen.closed or self._listen.broken:
                    raise psycopg.OperationalError("LISTEN connection closed")
            except psycopg.Error:
                self._close_listen()  # killed backend or cut link: reconnect after a sync attempt
                wanted = True
        return wanted
