"""The kiosk's start-page buttons: one large touch button per service group (`GroupButton`), laid
out in a scrolling grid whose column count follows the screen's shape (`GroupGrid`, `grid_columns`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from counter_app.services.queue_types import GroupInfo
from counter_app.ui.kiosk_style import make_label, set_font

MIN_BUTTON_HEIGHT = 120


def grid_columns(count: int, width: int, height: int, ratio: float = 3.0) -> int:
    """Columns for `count` buttons in a width × height area: buttons at least MIN_BUTTON_HEIGHT tall,
    shaped as close to `ratio` (wide) as possible — 2 columns on a landscape screen, 1 in portrait."""
    best, best_score = 1, None
    for cols in range(1, max(1, count) + 1):
        rows = max(1, -(-count // cols))
        w, h = width / cols, height / rows
        score = (h < MIN_BUTTON_HEIGHT, abs((w / max(h, 1)) - ratio) / ratio)
        if best_score is None or score < best_score:
            best, best_score = cols, score
    return best


class GroupButton(QPushButton):
    """A large touch button: the service group's name (wrapped) over its ticket letter."""

    def __init__(self, group: GroupInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = group
        self.setObjectName(f"kiosk.group.{group.code}")
        self.setProperty("kiosk_group", True)
        self.setAccessibleName(group.name)
        self.setFocusPolicy(Qt.NoFocus)
        self.setMinimumHeight(MIN_BUTTON_HEIGHT)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.name = make_label(f"kiosk.group.{group.code}.name", self)
        self.name.setText(group.name)
        self.code = make_label(f"kiosk.group.{group.code}.code", self)
        self.code.setText(self.tr("Ticket {letter}…").format(letter=group.code))
        layout.addStretch(1)
        for label in (self.name, self.code):
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def scale(self, unit: float) -> None:
        set_font(self.name, unit * 1.45, bold=True)
        set_font(self.code, unit * 0.85)


class GroupGrid(QScrollArea):
    """The group buttons (objectName "kiosk.groups"), re-flowed whenever their area changes shape.

    A tap on a button emits `group_tapped(code)`; `laid_out` follows every re-flow so the window can
    size the type of the buttons (new ones have none yet). GUI thread only.
    """

    group_tapped = Signal(str)
    laid_out = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: list[GroupButton] = []
        self._columns = 0
        self.host = QWidget(self)
        self.grid = QGridLayout(self.host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        self.setObjectName("kiosk.groups")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setWidget(self.host)
        self.viewport().setAutoFillBackground(False)
        self.host.setAutoFillBackground(False)
        self.viewport().installEventFilter(self)  # re-flow the buttons when their area changes

    def set_groups(self, groups: list[GroupInfo]) -> None:
        """One button per group, in order, replacing the buttons there were."""
        for button in self.buttons:
            button.setParent(None)  # gone at once (findChild, layout), freed at the next turn
            button.deleteLater()
        self.buttons = []
        for group in groups:
            button = GroupButton(group, self.host)
            button.clicked.connect(lambda _checked=False, code=group.code: self.group_tapped.emit(code))
            self.buttons.append(button)
        self._lay_out()

    def set_buttons_enabled(self, enabled: bool) -> None:
        for button in self.buttons:
            button.setEnabled(enabled)

    def scale(self, unit: float) -> None:
        for button in self.buttons:
            button.scale(unit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.viewport() and event.type() == QEvent.Resize:
            area = self.viewport().size()
            if grid_columns(len(self.buttons), max(area.width(), 1), max(area.height(), 1)) != self._columns:
                self._lay_out()
        return super().eventFilter(watched, event)

    def _lay_out(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        area = self.viewport().size()
        cols = self._columns = grid_columns(len(self.buttons), max(area.width(), 1), max(area.height(), 1))
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        for i, button in enumerate(self.buttons):
            self.grid.addWidget(button, i // cols, i % cols)
        for i in range(len(self.buttons)):
            self.grid.setRowStretch(i // cols, 1)
            self.grid.setColumnStretch(i % cols, 1)
        self.laid_out.emit()
