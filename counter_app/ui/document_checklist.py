"""The document checklist of the chosen procedure: a tick "received" and the counts per document.

One row per catalogue document: a check box (`intake.documents.<n>.received`, n from 1), the
document's name (optional documents marked), and spin boxes for originals / certified copies /
photocopies (`intake.documents.<n>.originals|certified_copies|photocopies`) prefilled from the
catalogue. Tab order runs along each row, then down. GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from counter_app.services.catalogue import DocumentRequirement
from counter_app.services.intake_input import DocumentInput
from counter_app.ui.field_error import set_colour, set_font

MAX_COUNT = 99


@dataclass
class _Row:
    requirement: DocumentRequirement
    tick: QCheckBox
    label: QLabel
    counts: tuple[QSpinBox, QSpinBox, QSpinBox]


class DocumentChecklist(QScrollArea):
    """Rows are rebuilt by `set_documents()`; `changed` fires on any tick or count change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("intake.documents")
        self.setAccessibleName(self.tr("Documents received"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._rows: list[_Row] = []
        self.set_documents(())

    # --- API -------------------------------------------------------------------------------------
    def set_documents(self, documents: tuple[DocumentRequirement, ...] | list[DocumentRequirement]) -> None:
        # A fresh body each time: no stale widgets or row stretches from the previous procedure.
        self._body = QWidget()
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(6, 4, 6, 4)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self._rows = []
        if not documents:
            hint = QLabel(self.tr("Choose a procedure to see its documents."))
            hint.setObjectName("intake.documents.hint")
            hint.setWordWrap(True)
            self._grid.addWidget(hint, 0, 0, 1, 5)
            self._grid.setRowStretch(1, 1)
            self._install_body()
            return
        headers = ("", self.tr("Document"), self.tr("Orig."), self.tr("Cert.\ncopies"), self.tr("Photo-\ncopies"))
        for column, text in enumerate(headers):
            header = QLabel(text)
            set_font(header, bold=True)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter if column > 1 else Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(header, 0, column)
        previous: QWidget | None = None
        for n, requirement in enumerate(documents, start=1):
            row = self._make_row(n, requirement)
            self._rows.append(row)
            for widget in (row.tick, *row.counts):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        self._grid.setRowStretch(len(documents) + 1, 1)
        self._install_body()
        self.changed.emit()

    def focus_chain(self) -> list[QWidget]:
        """The row widgets in Tab order: tick, originals, certified copies, photocopies, next row."""
        return [w for r in self._rows for w in (r.tick, *r.counts)]

    def _install_body(self) -> None:
        # Installed only once filled: children added to an already shown body would stay hidden.
        self.setWidget(self._body)  # the scroll area deletes the previous body and shows this one

    def first_focus(self) -> QWidget:
        return self._rows[0].tick if self._rows else self

    def tick_all(self) -> None:
        for row in self._rows:
            row.tick.setChecked(True)

    def received(self) -> tuple[DocumentInput, ...]:
        """The ticked documents with their counts, in checklist order."""
        return tuple(
            DocumentInput(r.requirement.name, *(spin.value() for spin in r.counts)) for r in self._rows if r.tick.isChecked()
        )

    def unticked(self) -> list[DocumentRequirement]:
        """Catalogue documents not ticked (required and optional), in checklist order."""
        return [r.requirement for r in self._rows if not r.tick.isChecked()]

    def row_count(self) -> int:
        return len(self._rows)

    # --- rows ------------------------------------------------------------------------------------
    def _make_row(self, n: int, requirement: DocumentRequirement) -> _Row:
        grid_row = n
        tick = QCheckBox(self._body)
        tick.setObjectName(f"intake.documents.{n}.received")
        tick.setAccessibleName(self.tr("Received: {name}").format(name=requirement.name))
        text = requirement.name if requirement.required else self.tr("{name} (optional)").format(name=requirement.name)
        label = QLabel(text, self._body)
        label.setObjectName(f"intake.documents.{n}.name")
        label.setWordWrap(True)
        label.setBuddy(tick)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if not requirement.required:
            set_colour(label, "#555555")
        set_font(label, italic=not requirement.required)  # also makes the wrapped height settle once the page font applies
        label.installEventFilter(self)  # clicking the name ticks the box, like a check box's own text
        label.setProperty("tick", tick)
        defaults = (requirement.originals, requirement.certified_copies, requirement.photocopies)
        names = ("originals", "certified_copies", "photocopies")
        titles = (self.tr("Originals"), self.tr("Certified copies"), self.tr("Photocopies"))
        spins = []
        for column, (value, name, title) in enumerate(zip(defaults, names, titles), start=2):
            spin = QSpinBox(self._body)
            spin.setObjectName(f"intake.documents.{n}.{name}")
            spin.setRange(0, MAX_COUNT)
            spin.setValue(value)
            spin.setAccessibleName(f"{title}: {requirement.name}")
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # type a digit or use Up/Down
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("000") + 24)
            spin.valueChanged.connect(self.changed)
            self._grid.addWidget(spin, grid_row, column, Qt.AlignmentFlag.AlignTop)
            spins.append(spin)
        tick.toggled.connect(self.changed)
        self._grid.addWidget(tick, grid_row, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(label, grid_row, 1)
        return _Row(requirement, tick, label, tuple(spins))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(watched, QLabel):
            tick = watched.property("tick")
            if isinstance(tick, QCheckBox):
                tick.toggle()
                tick.setFocus(Qt.FocusReason.MouseFocusReason)
                return True
        return super().eventFilter(watched, event)
