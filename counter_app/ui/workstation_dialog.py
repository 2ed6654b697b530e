"""Workstation settings: which counter this machine is, which service groups it calls, and how
it prints.

Saved to the data folder's workstation.ini (`WorkstationSettings.save`, atomic). Changes apply
from the next login, so a form half-filled under the old counter number is never re-labelled.
For an administrator the owner adds the "Central database" section (`central_section.py`).
The service groups are read from the queue service on the runner's QUEUE lane (this widget runs
no SQL); while they cannot be read, the saved choice is kept as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.config import WorkstationSettings
from counter_app.services.queue_types import GroupInfo
from counter_app.ui.central_section import CentralPort, CentralSection
from counter_app.ui.standard_buttons import translate_buttons
from counter_app.ui.task_runner import QUEUE, TaskRunner

GROUP_COLUMNS = 2


class WorkstationDialog(QDialog):
    """Edits a copy of the settings; `result_settings()` is the edited value after Save.

    With `central` (and its `runner`) it also shows the central database section, which joins as
    the counter number in this dialog; the dialog cannot be closed while a join runs.
    With `groups` (the queue service's `groups`, run on `runner`) it shows a check box per service
    group: the groups this counter calls (none ticked: every group)."""

    def __init__(self, settings: WorkstationSettings, parent: QWidget | None = None, *,
                 central: CentralPort | None = None, runner: TaskRunner | None = None,
                 groups: Callable[[], list[GroupInfo]] | None = None):
        super().__init__(parent)
        self.setObjectName("workstation.dialog")
        self.setWindowTitle(self.tr("Workstation settings"))
        self._settings = settings

        self.counter = QSpinBox(self)
        self.counter.setObjectName("workstation.counter")
        self.counter.setRange(1, 999)
        self.counter.setValue(settings.counter_number)

        self.printer = QComboBox(self)
        self.printer.setObjectName("workstation.printer")
        self.printer.addItem(self.tr("System default printer"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if settings.printer_name and self.printer.findData(settings.printer_name) < 0:
            self.printer.addItem(self.tr("{name} (not found now)").format(name=settings.printer_name), settings.printer_name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(settings.printer_name)))

        self.no_dialog = QCheckBox(self.tr("Print without asking (no print dialog)"), self)
        self.no_dialog.setObjectName("workstation.no_dialog")
        self.no_dialog.setChecked(settings.print_without_dialog)

        self.pdf_dir = QLineEdit(settings.pdf_output_dir, self)
        self.pdf_dir.setObjectName("workstation.pdf_dir")
        self.pdf_dir.setPlaceholderText(self.tr("empty: print on paper"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("workstation.pdf_dir_browse")
        browse.clicked.connect(self._on_browse_clicked)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf_dir, 1)
        pdf_row.addWidget(browse)

        form = QFormLayout(self)
        form.addRow(self.tr("&Counter number:"), self.counter)
        form.addRow(self.tr("&Printer:"), self.printer)
        form.addRow("", self.no_dialog)
        form.addRow(self.tr("Save forms as PDF in:"), pdf_row)
        self.group_boxes: dict[str, QCheckBox] = {}  # filled once the groups are read
        self.groups_box: QGroupBox | None = None
        if groups is not None and runner is not None:
            form.addRow(self._build_groups_box())
            runner.submit(groups, self._on_groups_loaded, self._on_groups_failed, lane=QUEUE)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.setObjectName("workstation.buttons")
        translate_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.central: CentralSection | None = None
        if central is not None and runner is not None:
            self.central = CentralSection(central, runner, self.counter.value, self)
            self.central.busy_changed.connect(self._on_central_busy_changed)
            form.addRow(self.central)
        form.addRow(buttons)
        self._buttons = buttons

    def _build_groups_box(self) -> QGroupBox:
        box = self.groups_box = QGroupBox(self.tr("Service groups this counter calls"), self)
        box.setObjectName("workstation.queue_groups")
        self._group_grid = QGridLayout()
        self.groups_status = QLabel(self.tr("Reading the service groups…"), box)
        self.groups_status.setObjectName("workstation.queue_groups_status")
        self.groups_status.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addLayout(self._group_grid)
        layout.addWidget(self.groups_status)
        return box

    def _on_groups_loaded(self, groups: list[GroupInfo]) -> None:
        chosen = self._settings.queue_group_codes()
        known = {g.code for g in groups}
        # A saved code that is no longer an active group stays visible (and ticked) instead of
        # vanishing on the next save; the officer unticks it knowingly.
        items = [(g.code, f"{g.code} — {g.name}") for g in groups]
        items += [(code, self.tr("{code} (not an active group now)").format(code=code)) for code in chosen if code not in known]
        for index, (code, text) in enumerate(items):
            check = QCheckBox(text, self.groups_box)
            check.setObjectName(f"workstation.queue_group.{code}")
            check.setChecked(code in chosen)
            self._group_grid.addWidget(check, index // GROUP_COLUMNS, index % GROUP_COLUMNS)
            self.group_boxes[code] = check
        self.groups_status.setText(self.tr("None ticked: this counter calls every group."))

    def _on_groups_failed(self, _error: BaseException) -> None:
        current = ", ".join(self._settings.queue_group_codes()) or self.tr("every group")
        self.groups_status.setText(self.tr("The service groups cannot be read now; the current choice is kept: {groups}.")
                                   .format(groups=current))

    def _on_central_busy_changed(self, busy: bool) -> None:
        self._buttons.setEnabled(not busy)
        self.counter.setEnabled(not busy)

    def done(self, result: int) -> None:
        if self.central is not None and self.central.busy:
            return  # a join is running: its result must be seen (Esc and the close button wait too)
        super().done(result)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for PDF forms"), self.pdf_dir.text() or str(Path.home()))
        if folder:
            self.pdf_dir.setText(folder)

    def result_settings(self) -> WorkstationSettings:
        return replace(
            self._settings,
            counter_number=self.counter.value(),
            printer_name=self.printer.currentData() or "",
            print_without_dialog=self.no_dialog.isChecked(),
            pdf_output_dir=self.pdf_dir.text().strip(),
            queue_groups=(",".join(code for code, check in self.group_boxes.items() if check.isChecked())
                          if self.group_boxes else self._settings.queue_groups),
        )
