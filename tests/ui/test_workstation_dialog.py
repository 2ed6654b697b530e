"""Workstation settings: edited in the dialog, saved to the data folder, guarded by role."""

from __future__ import annotations

from counter_app.config import WorkstationSettings
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
