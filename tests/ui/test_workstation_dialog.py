"""Workstation settings: edited in the dialog, saved to the data folder, guarded by role; the
administrator's central database section (join through a fake `join()`)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy import make_url
from ui_helpers import child

from counter_app.sync.central_access import CentralAccess, CentralLink
from counter_app.config import WorkstationSettings
from counter_app.i18n import translate_message
from counter_app.services.auth import Role, UserInfo
from counter_app.services.errors import Message, ServiceError
from counter_app.ui.task_runner import SyncTaskRunner
from counter_app.ui.workstation_dialog import WorkstationDialog


def test_dialog_edits_counter_printer_and_pdf_folder(qtbot, tmp_path):
    """The dialog returns the edited values and they survive a save/load round trip."""
    dialog = WorkstationDialog(WorkstationSettings(counter_number=2), None)
    qtbot.addWidget(dialog)
    dialog.counter.setValue(7)
    dialog.no_dialog.setChecked(False)
    dialog.pdf_dir.setText(str(tmp_path / "pdf"))
    result = dialog.result_settings()
    result.save(tmp_path)
    loaded = WorkstationSettings.load(tmp_path)
    assert (loaded.counter_number, loaded.print_without_dialog, loaded.pdf_output_dir) == (7, False, str(tmp_path / "pdf"))
    assert dialog.printer.currentData() == ""  # system default printer


def test_reception_officer_cannot_open_workstation_settings(qtbot, ctx, officer):
    """Ctrl+, is refused for a reception officer with a message in the status bar."""
    from counter_app.app import run_gui

    window = run_gui(ctx, SyncTaskRunner(), officer)
    qtbot.addWidget(window)
    window.edit_workstation()
    assert "administrator" in window.status.action_text() or "quản trị" in window.status.action_text()


def test_bad_hand_edited_value_falls_back_to_default(tmp_path):
    """A corrupt counter number in workstation.ini does not stop the counter from starting."""
    (tmp_path / "workstation.ini").write_text("[workstation]\ncounter_number = abc\nprinter_name = HP\n", encoding="utf-8")
    loaded = WorkstationSettings.load(tmp_path)
    assert loaded.counter_number == 1 and loaded.printer_name == "HP"


# --- central database section ---------------------------------------------------------------------

URL = "postgresql://counter_app@db-host:5432/counter"


def _user(role: Role) -> UserInfo:
    return UserInfo("u1", "someone", "Someone", role, "", False)


@dataclass(frozen=True)
class _Report:
    central_url: str
    counter_number: int
    rows_loaded: int = 42


class FakeJoin:
    """Stands in for `sync.join.join`: records its calls, returns a report or raises `error`."""

    def __init__(self, error: BaseException | None = None):
        self.calls: list[tuple] = []
        self.error = error

    def __call__(self, data_dir, url, counter_number, *, replace=False):
        self.calls.append((url, counter_number, replace))
        if self.error is not None:
            raise self.error
        return _Report(URL, counter_number)


class FakeAccess(CentralAccess):
    """`CentralAccess` with a fixed link instead of a database read."""

    def __init__(self, user: UserInfo, join: FakeJoin, link: CentralLink | None = None):
        super().__init__(None, None, user, join=join)
        self._link = link

    def link(self):
        return self._link


class DeferredRunner(SyncTaskRunner):
    """Keeps submitted tasks until `run_all()`, so a test can look at the busy state."""

    def __init__(self):
        self.pending = []

    def submit(self, fn, on_done=None, on_error=None, lane="database"):
        self.pending.append((fn, on_done, on_error))

    def run_all(self):
        pending, self.pending = self.pending, []
        for task in pending:
            super().submit(*task)


def _dialog(qtbot, access, runner=None, counter=3) -> WorkstationDialog:
    dialog = WorkstationDialog(WorkstationSettings(counter_number=counter), None, central=access,
                               runner=runner or SyncTaskRunner())
    qtbot.addWidget(dialog)
    return dialog


def _join(qtbot, dialog, url: str, password: str = "", replace: bool = False) -> None:
    child(dialog, "workstation.central_url").setText(url)
    child(dialog, "workstation.central_password").setText(password)
    child(dialog, "workstation.replace").setChecked(replace)
    qtbot.mouseClick(child(dialog, "workstation.join"), Qt.LeftButton)


def test_central_section_shows_standalone_then_joins_with_the_password_field(qtbot):
    """A standalone workstation says so; Join sends URL + password field + the dialog's counter
    number + "replace", then shows the URL without password and asks for a restart."""
    join = FakeJoin()
    dialog = _dialog(qtbot, FakeAccess(_user(Role.ADMIN), join), counter=4)
    status = child(dialog, "workstation.central_status")
    assert any(word in status.text().lower() for word in ("standalone", "độc lập"))
    password = child(dialog, "workstation.central_password")
    assert password.echoMode() == QLineEdit.Password
    dialog.counter.setValue(6)
    _join(qtbot, dialog, URL, "s3cret!@/", replace=True)
    assert len(join.calls) == 1
    sent, counter, replace = join.calls[0]
    assert (counter, replace) == (6, True)
    parsed = make_url(sent)
    assert (parsed.username, parsed.password, parsed.host, parsed.database) == ("counter_app", "s3cret!@/", "db-host",
                                                                               "counter")
    assert password.text() == ""  # never shown again
    assert URL in status.text() and "6" in status.text()
    assert not child(dialog, "workstation.join_error").isVisible()
    texts = " ".join(w.text() for w in dialog.findChildren(QLineEdit)) + status.text()
    assert "s3cret" not in texts


def test_central_section_shows_a_joined_workstation(qtbot):
    """A joined workstation shows its central URL (no password) and counter, and pre-fills the URL."""
    dialog = _dialog(qtbot, FakeAccess(_user(Role.ADMIN), FakeJoin(), CentralLink(URL, 8)))
    assert URL in child(dialog, "workstation.central_status").text()
    assert "8" in child(dialog, "workstation.central_status").text()
    assert child(dialog, "workstation.central_url").text() == URL


@pytest.mark.parametrize("error", [
    ServiceError(Message("This data folder is already joined to {url}. Use another data folder (--data-dir).",
                         {"url": URL})),
    ServiceError(Message("The counter number must be between 1 and 999.")),
])
def test_join_refusal_is_shown_translated_beside_the_form(qtbot, error):
    """A refusal from `join()` appears in the error label, translated, and the form is usable again."""
    dialog = _dialog(qtbot, FakeAccess(_user(Role.ADMIN), FakeJoin(error)))
    dialog.show()
    _join(qtbot, dialog, URL, "pw")
    label = child(dialog, "workstation.join_error")
    assert label.isVisible() and label.text() == translate_message(error.message)
    assert child(dialog, "workstation.join").isEnabled()


def test_unexpected_join_error_is_shown_without_the_password(qtbot):
    """A raw error (network, driver) is wrapped, and the password it might quote is scrubbed."""
    dialog = _dialog(qtbot, FakeAccess(_user(Role.ADMIN), FakeJoin(RuntimeError("auth failed for pw TopSecret9"))))
    dialog.show()
    _join(qtbot, dialog, URL, "TopSecret9")
    text = child(dialog, "workstation.join_error").text()
    assert "auth failed" in text and "TopSecret9" not in text


def test_bad_or_empty_url_is_refused_before_joining(qtbot):
    """An empty URL asks for one; a non-PostgreSQL URL gets the service's message; join is not called."""
    join = FakeJoin()
    dialog = _dialog(qtbot, FakeAccess(_user(Role.ADMIN), join))
    dialog.show()
    _join(qtbot, dialog, "  ")
    assert child(dialog, "workstation.join_error").isVisible()
    _join(qtbot, dialog, "sqlite:///x.db")
    assert "PostgreSQL" in child(dialog, "workstation.join_error").text()
    assert join.calls == []


def test_join_runs_on_the_runner_with_a_busy_state(qtbot):
    """While the join task runs, the form and Save are disabled and the dialog cannot be closed."""
    runner = DeferredRunner()
    dialog = _dialog(qtbot, FakeAccess(_user(Role.ADMIN), FakeJoin()), runner=runner)
    runner.run_all()  # the link read
    dialog.show()
    _join(qtbot, dialog, URL, "pw")
    join_button = child(dialog, "workstation.join")
    assert not join_button.isEnabled() and not child(dialog, "workstation.buttons").isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # Esc waits for the result
    runner.run_all()
    assert join_button.isEnabled() and child(dialog, "workstation.buttons").isEnabled()
    assert URL in child(dialog, "workstation.central_status").text()


def test_join_itself_refuses_a_supervisor(qtbot):
    """Even with the section in front of them, only an administrator may attach a workstation:
    the join action refuses a supervisor and `join()` is never called."""
    join = FakeJoin()
    dialog = _dialog(qtbot, FakeAccess(_user(Role.SUPERVISOR), join))
    dialog.show()
    _join(qtbot, dialog, URL, "pw")
    assert join.calls == []
    assert "administrator" in child(dialog, "workstation.join_error").text() or \
        "quản trị" in child(dialog, "workstation.join_error").text()


@pytest.mark.parametrize(("username", "has_section"), [("admin", True), ("giamsat", False)])
def test_only_an_administrator_sees_the_central_section(qtbot, ctx, passwords, username, has_section):
    """Ctrl+, for a supervisor has no central database section; for an administrator it reads the
    real (standalone) store's link."""
    from counter_app.app import run_gui

    user = ctx.auth.login(username, passwords[username])
    window = run_gui(ctx, SyncTaskRunner(), user, show=False)
    qtbot.addWidget(window)
    dialog = window.workstation_dialog()
    assert (dialog.findChild(QWidget, "workstation.join") is not None) == has_section
    if has_section:
        text = child(dialog, "workstation.central_status").text().lower()
        assert "standalone" in text or "độc lập" in text


# --- service groups this counter calls --------------------------------------------------------------

def test_dialog_saves_the_service_groups_this_counter_calls(qtbot, ctx, tmp_path):
    """A check box per demo group, the saved ones ticked; ticking A saves "A,B" to workstation.ini."""
    dialog = WorkstationDialog(WorkstationSettings(queue_groups="B"), None, runner=SyncTaskRunner(),
                               groups=ctx.queue.groups)
    qtbot.addWidget(dialog)
    assert sorted(dialog.group_boxes) == ["A", "B", "C", "D", "E"]
    assert [code for code, box in dialog.group_boxes.items() if box.isChecked()] == ["B"]
    child(dialog, "workstation.queue_group.A").setChecked(True)
    dialog.result_settings().save(tmp_path)
    assert WorkstationSettings.load(tmp_path).queue_group_codes() == ["A", "B"]


def test_no_group_ticked_means_every_group(qtbot, ctx):
    """Unticking every group saves an empty list, which the queue panel reads as "every group"."""
    dialog = WorkstationDialog(WorkstationSettings(queue_groups="A"), None, runner=SyncTaskRunner(),
                               groups=ctx.queue.groups)
    qtbot.addWidget(dialog)
    child(dialog, "workstation.queue_group.A").setChecked(False)
    assert dialog.result_settings().queue_groups == ""
    assert "every group" in child(dialog, "workstation.queue_groups_status").text()


def test_a_saved_group_that_is_gone_stays_visible(qtbot, ctx):
    """A code saved earlier that is no longer an active group is shown (ticked) instead of dropped unseen."""
    dialog = WorkstationDialog(WorkstationSettings(queue_groups="B,Z"), None, runner=SyncTaskRunner(),
                               groups=ctx.queue.groups)
    qtbot.addWidget(dialog)
    gone = child(dialog, "workstation.queue_group.Z")
    assert gone.isChecked() and "not an active group" in gone.text()
    gone.setChecked(False)
    assert dialog.result_settings().queue_groups == "B"


def test_groups_that_cannot_be_read_keep_the_saved_choice(qtbot):
    """The queue database out of reach: the dialog says so and saving keeps the groups as they were."""
    def unreachable():
        raise OSError("connection refused")

    dialog = WorkstationDialog(WorkstationSettings(queue_groups="A,C"), None, runner=SyncTaskRunner(),
                               groups=unreachable)
    qtbot.addWidget(dialog)
    assert "A, C" in child(dialog, "workstation.queue_groups_status").text()
    assert dialog.result_settings().queue_groups == "A,C"


def test_settings_from_the_main_window_list_the_groups(qtbot, ctx, passwords):
    """Ctrl+, opened by a supervisor shows the service groups read through the task runner."""
    from counter_app.app import run_gui

    supervisor = ctx.auth.login("giamsat", passwords["giamsat"])
    window = run_gui(ctx, SyncTaskRunner(), supervisor, show=False)
    qtbot.addWidget(window)
    dialog = window.workstation_dialog()
    assert sorted(dialog.group_boxes) == ["A", "B", "C", "D", "E"]
