"""Driver run in a subprocess by test_real_window.py: the real main window on a real X display.

Usage: python xvfb_driver.py DATA_DIR USERNAME PASSWORD SCREENSHOT.png
Builds the app exactly as `counter_app.app` does (Fusion, 11 pt, translators, ThreadTaskRunner),
logs in through the auth service, fills the intake form if the intake page is there, and saves a
screenshot of the whole screen (QScreen.grabWindow(0)). Exit code 0 when the PNG was written.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from counter_app.app import build_application, run_gui
from counter_app.context import open_context
from counter_app.i18n import install_translators
from counter_app.services import schema
from counter_app.ui.task_runner import ThreadTaskRunner


def spin(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def fill(window: QWidget, name: str, text: str) -> None:
    edit = window.findChild(QLineEdit, name)
    if edit is None:
        print(f"driver: no field {name}", file=sys.stderr)
        return
    edit.setFocus()
    edit.clear()
    edit.insert(text)  # insert(), not key clicks: Vietnamese text with marks


def press_enter(window: QWidget, name: str) -> None:
    widget = window.findChild(QWidget, name)
    if widget is not None:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_Return, Qt.NoModifier))


def main(data_dir: str, username: str, password: str, screenshot: str) -> int:
    app = build_application([])
    ctx = open_context(Path(data_dir))
    install_translators(app, ctx.workstation.language)
    schema.check(ctx.db)
    runner = ThreadTaskRunner(app)
    user = ctx.auth.login(username, password)
    window = run_gui(ctx, runner, user)
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())  # Xvfb has no window manager to maximise
    spin(app, 1.0)  # catalogue loads on the database lane
    if window.findChild(QWidget, "intake.page") is not None:
        fill(window, "intake.procedure_search", "lý lịch tư pháp")
        spin(app, 0.3)
        press_enter(window, "intake.procedure_search")
        spin(app, 0.5)
        fill(window, "intake.name", "Nguyễn Thị Ánh Tuyết")
        fill(window, "intake.id_number", "066190001234")
        fill(window, "intake.date_of_birth", "12/05/1990")
        fill(window, "intake.address", "Số 12, đường Lê Duẩn, phường Tân Lợi, tỉnh Đắk Lắk")
        fill(window, "intake.phone", "0905 123 456")
    spin(app, 1.0)
    image = QGuiApplication.primaryScreen().grabWindow(0)
    Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(screenshot)
    print(f"driver: platform={QGuiApplication.platformName()} size={image.width()}x{image.height()} saved={ok}")
    window.close()
    runner.wait_idle()
    ctx.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
