"""The composition root: builds the Qt application, the services, the task runner and the windows.

Nothing else constructs services for the GUI; tests build the same main window on their own
database with `run_gui()`. On a counter joined to a central database it also starts the
`SyncWorker` (its status reaches the window through a `SyncBridge`, by queued signal) and stops
it on quit; a central schema this program does not match refuses the start like a local one.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.config import WorkstationSettings
from counter_app.context import Context, open_context
from counter_app.i18n import install_translators, translate_message
from counter_app.paths import default_data_dir
from counter_app.services import schema
from counter_app.services.auth import UserInfo
from counter_app.services.db import Database
from counter_app.sync.engine import SyncEngine
from counter_app.sync.join import central_url_of, check_central_schema
from counter_app.sync.worker import SyncWorker
from counter_app.ui.dialogs import Dialogs
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.password_dialog import PasswordDialog
from counter_app.ui.sync_indicator import SyncBridge
from counter_app.ui.task_runner import PRINTER, TaskRunner, ThreadTaskRunner

if TYPE_CHECKING:
    from counter_app.ui.main_window import MainWindow

APP_NAME = "counter_app"
EXIT_SCHEMA = 2
FONT_POINTS = 11  # readable at arm's length on a counter screen


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="counter_app", description="Reception counter desktop application.")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder with the embedded database and workstation.ini (default: the user data folder)")
    parser.add_argument("--offscreen-screenshot", type=Path, default=None, metavar="PATH",
                        help="start up to the login window, save a screenshot of it to PATH and exit (smoke test)")
    return parser.parse_known_args(argv)


def build_application(qt_args: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")
    font = app.font()
    font.setPointSize(FONT_POINTS)
    app.setFont(font)
    return app


def run_gui(ctx: Context, runner: TaskRunner, user: UserInfo, *, dialogs: Dialogs | None = None,
            show: bool = True, maximized: bool = False, sync: SyncBridge | None = None) -> MainWindow:
    """Build (and show) the main window for a logged-in `user`, without the login dialogs."""
    # Imported here, not at the top: its pages are not needed to show the login window sooner.
    from counter_app.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(ctx, runner, user, dialogs=dialogs, sync=sync)
    if show:
        window.showMaximized() if maximized else window.show()
        window.show_first_page()
    return window


class StartupFlow(QObject):
    """Login → forced password change (when flagged) → main window, without nested event loops
    (the dialogs are opened, not exec'd, so tests drive the same path as the app).

    Emits `finished(window)` once: the MainWindow, or None when the officer quit a dialog.
    GUI thread only.
    """

    finished = Signal(object)

    def __init__(self, ctx: Context, runner: TaskRunner, *, dialogs: Dialogs | None = None,
                 sync: SyncBridge | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx, self.runner, self.dialogs, self.sync = ctx, runner, dialogs, sync
        self.login: LoginDialog | None = None
        self.password: PasswordDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        self.login = LoginDialog(self.ctx.auth, self.ctx.workstation.counter_number, self.runner)
        self.login.accepted.connect(self._on_login_accepted)
        self.login.rejected.connect(lambda: self.finished.emit(None))
        self.login.show()

    def _on_login_accepted(self) -> None:
        user = self.login.user
        if user.must_change_password:
            self.password = PasswordDialog(self.ctx.auth, user, self.runner)
            self.password.accepted.connect(lambda: self._open_main(self.password.user))
            self.password.rejected.connect(lambda: self.finished.emit(None))  # cannot be skipped: quit
            self.password.show()
        else:
            self._open_main(user)

    def _open_main(self, user: UserInfo) -> None:
        self.window = run_gui(self.ctx, self.runner, user, dialogs=self.dialogs, maximized=True, sync=self.sync)
        self.finished.emit(self.window)


def _open_context(data_dir: Path, quiet: bool, central: str | None = None) -> Context | None:
    """Open the data folder (or the `central` database) and refuse a schema this program does not
    match, with a clear message."""
    ctx = open_context(data_dir, db=Database(central) if central else None)
    try:
        schema.check(ctx.db)
        joined = central_url_of(ctx.db, data_dir) if ctx.db.dialect == "sqlite" else None
        if joined is not None:
            check_central_schema(joined[0])  # unreachable: start offline; mismatch: refuse
    except schema.SchemaMismatch as error:
        text = translate_message(error.message)
        print(text, file=sys.stderr)
        if not quiet:
            QMessageBox.critical(None, QCoreApplication.translate("App", "counter_app cannot start"), text)
        ctx.close()
        return None
    return ctx


def start_sync(ctx: Context, parent: QObject, **worker_options) -> tuple[SyncWorker, SyncBridge] | None:
    """Start the sync worker of a joined counter (None when standalone); stop it with `stop_sync`."""
    joined = central_url_of(ctx.db, ctx.data_dir)
    if joined is None:
        return None
    engine = SyncEngine(ctx.db, joined[0], joined[1])
    # pending_dossier_ids() reads only the local store (its own session), so the GUI's task
    # runner may call it while the worker owns the engine's central connection.
    bridge = SyncBridge(parent=parent, pending_ids=engine.pending_dossier_ids)
    worker = SyncWorker(engine, on_status=bridge.publish, on_pulled=bridge.publish_pulled, **worker_options)
    bridge.set_wake(worker.wake)
    worker.start()
    return worker, bridge


def stop_sync(sync: tuple[SyncWorker, SyncBridge] | None) -> None:
    if sync is not None:
        worker, bridge = sync
        bridge.set_wake(None)
        worker.stop()
        worker.engine.close()


def screen_main(kind: str, data_dir: Path | None, *, windowed: bool = False, central: str | None = None) -> int:
    """`counter-app kiosk` / `counter-app display`: an unattended full-screen window with no login
    (it only issues tickets or shows calls), on the queue's database: `central` when given (a
    kiosk or board machine that is no counter), else the data folder's (whose queue is the
    central one when the folder is a joined counter's)."""
    data_dir = data_dir or default_data_dir()
    app = build_application([])
    install_translators(app, WorkstationSettings.load(data_dir).language)
    probe = bool(os.environ.get("COUNTER_APP_STARTUP_PROBE"))  # smoke tests: no modal message box
    ctx = _open_context(data_dir, quiet=probe, central=central)
    if ctx is None:
        return EXIT_SCHEMA
    runner = ThreadTaskRunner(app)
    try:
        if kind == "kiosk":
            from counter_app.ui.kiosk_window import build_kiosk  # noqa: PLC0415

            window = build_kiosk(ctx, runner)
        else:
            from counter_app.ui.display_board import build_display  # noqa: PLC0415

            window = build_display(ctx, runner)
        window.show() if windowed else window.showFullScreen()
        if probe:  # the window came up: leave
            QTimer.singleShot(0, lambda: (print(f"{kind}-shown", flush=True), app.quit()))
        return app.exec()
    finally:
        runner.wait_idle()
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    data_dir = args.data_dir or default_data_dir()
    app = build_application(qt_args)
    install_translators(app, WorkstationSettings.load(data_dir).language)
    ctx = _open_context(data_dir, quiet=args.offscreen_screenshot is not None)
    if ctx is None:
        return EXIT_SCHEMA
    runner = ThreadTaskRunner(app)
    sync = None
    try:
        if args.offscreen_screenshot:
            login = LoginDialog(ctx.auth, ctx.workstation.counter_number, runner)
            login.show()
            app.processEvents()
            args.offscreen_screenshot.parent.mkdir(parents=True, exist_ok=True)
            return 0 if login.grab().save(str(args.offscreen_screenshot)) else 1
        # Between the dialogs no window is visible: quit on None only, not on "last window closed".
        app.setQuitOnLastWindowClosed(False)
        sync = start_sync(ctx, app)
        flow = StartupFlow(ctx, runner, sync=sync[1] if sync else None)
        flow.finished.connect(lambda window: app.quit() if window is None else app.setQuitOnLastWindowClosed(True))
        flow.start()
        # While the officer types the password, load the print templates (reportlab, fonts).
        runner.submit(ctx.printing.warm_up, lane=PRINTER)
        if os.environ.get("COUNTER_APP_STARTUP_PROBE"):
            # bench/: measure process start → login window shown, then leave.
            QTimer.singleShot(0, lambda: (print("login-shown", flush=True), app.quit()))
        return app.exec()
    finally:
        runner.wait_idle()
        stop_sync(sync)
        ctx.close()
