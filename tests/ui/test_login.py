"""Login and the forced password change, driven through the real dialogs on a real database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import child

from counter_app.app import StartupFlow
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.password_dialog import PasswordDialog
from counter_app.ui.task_runner import SyncTaskRunner

OFFICER = "tiepnhan1"
NEW_USER, NEW_USER_PASSWORD = "tiepnhan9", "Start2026a"


def _login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    qtbot.keyClicks(child(dialog, "login.username"), username)
    qtbot.keyClicks(child(dialog, "login.password"), password)
    qtbot.mouseClick(child(dialog, "login.submit"), Qt.LeftButton)


def _no_message_box() -> bool:
    return not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.fixture
def new_user(ctx):
    """An account that has never logged in: it must change its password first."""
    user, _ = ctx.auth.add_user(NEW_USER, "Võ Thị Hồng Nhung", "reception", NEW_USER_PASSWORD)
    assert user.must_change_password
    return user


def test_wrong_password_shows_message_beside_form(qtbot, ctx):
    """A wrong password is refused with a message under the form (no popup); the password is cleared."""
    dialog = LoginDialog(ctx.auth, 3, SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert "3" in child(dialog, "login.counter").text()
    _login(qtbot, dialog, OFFICER, "wrong-password1")
    error = child(dialog, "login.error")
    assert error.isVisible()
    assert error.text() == "Wrong user name or password."
    assert dialog.user is None and dialog.isVisible()
    assert child(dialog, "login.password").text() == ""
    assert _no_message_box()


def test_enter_in_password_field_logs_in(qtbot, ctx, passwords):
    """Enter in the password field submits, like the Log in button."""
    dialog = LoginDialog(ctx.auth, 1, SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(child(dialog, "login.username"), OFFICER)
    qtbot.keyClicks(child(dialog, "login.password"), passwords[OFFICER])
    qtbot.keyClick(child(dialog, "login.password"), Qt.Key_Return)
    assert dialog.user is not None and dialog.user.username == OFFICER
    assert dialog.result() == LoginDialog.Accepted


def test_new_account_is_forced_to_change_password(qtbot, ctx, new_user):
    """An account flagged must-change gets the password dialog after login, not the main window."""
    flow = StartupFlow(ctx, SyncTaskRunner())
    flow.start()
    qtbot.addWidget(flow.login)
    _login(qtbot, flow.login, NEW_USER, NEW_USER_PASSWORD)
    assert flow.password is not None
    qtbot.addWidget(flow.password)
    assert flow.password.isVisible()
    assert flow.window is None


@pytest.mark.parametrize(
    ("old", "new", "repeat", "field", "message"),
    [
        (NEW_USER_PASSWORD, "Abcdef12", "Abcdef13", "password.repeat", "The two new passwords are different."),
        (NEW_USER_PASSWORD, "ab1", "ab1", "password.new", "The password must have at least 8 characters."),
        (NEW_USER_PASSWORD, "abcdefghij", "abcdefghij", "password.new", "The password must contain both letters and digits."),
        ("not-my-password1", "Abcdef12", "Abcdef12", "password.old", "The current password is wrong."),
    ],
)
def test_password_change_problems_shown_at_the_field(qtbot, ctx, new_user, old, new, repeat, field, message):
    """Each refused password change puts the service's (translated) message under the right field."""
    dialog = PasswordDialog(ctx.auth, new_user, SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    for name, text in (("password.old", old), ("password.new", new), ("password.repeat", repeat)):
        qtbot.keyClicks(child(dialog, name), text)
    qtbot.mouseClick(child(dialog, "password.submit"), Qt.LeftButton)
    assert dialog.field_error(field) == message
    assert child(dialog, field + ".error").isVisible()
    assert dialog.user is None and dialog.isVisible()
    assert ctx.auth.get(NEW_USER).must_change_password
    assert _no_message_box()


def test_quitting_the_password_change_ends_the_flow(qtbot, ctx, new_user):
    """The change cannot be skipped: Quit (or Esc) ends the start-up without a main window."""
    flow = StartupFlow(ctx, SyncTaskRunner())
    with qtbot.waitSignal(flow.finished) as finished:
        flow.start()
        qtbot.addWidget(flow.login)
        _login(qtbot, flow.login, NEW_USER, NEW_USER_PASSWORD)
        qtbot.addWidget(flow.password)
        qtbot.mouseClick(child(flow.password, "password.quit"), Qt.LeftButton)
    assert finished.args == [None]
    assert flow.window is None
    assert ctx.auth.get(NEW_USER).must_change_password


def test_successful_change_opens_main_window(qtbot, ctx, new_user):
    """Login, then a valid change, opens the main window for that officer; the new password works."""
    flow = StartupFlow(ctx, SyncTaskRunner())
    with qtbot.waitSignal(flow.finished) as finished:
        flow.start()
        qtbot.addWidget(flow.login)
        _login(qtbot, flow.login, NEW_USER, NEW_USER_PASSWORD)
        qtbot.addWidget(flow.password)
        for name in ("password.old", "password.new", "password.repeat"):
            qtbot.keyClicks(child(flow.password, name), NEW_USER_PASSWORD if name == "password.old" else "Nhung2026x")
        qtbot.mouseClick(child(flow.password, "password.submit"), Qt.LeftButton)
    window = finished.args[0]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert "Võ Thị Hồng Nhung" in window.windowTitle()
    assert not ctx.auth.get(NEW_USER).must_change_password
    assert ctx.auth.login(NEW_USER, "Nhung2026x").username == NEW_USER


def test_officer_without_pending_change_goes_straight_to_main_window(qtbot, ctx, passwords):
    """A normal login opens the main window directly, titled with the counter and the officer."""
    flow = StartupFlow(ctx, SyncTaskRunner())
    with qtbot.waitSignal(flow.finished) as finished:
        flow.start()
        qtbot.addWidget(flow.login)
        _login(qtbot, flow.login, OFFICER, passwords[OFFICER])
    window = finished.args[0]
    qtbot.addWidget(window)
    assert flow.password is None
    assert window.windowTitle() == f"counter_app — Counter {ctx.workstation.counter_number} — Nguyễn Văn An"
