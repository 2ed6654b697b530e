"""The hall's display board (`counter-app display`): who is called to which counter, in type that
reads from across the hall, with a chime and a spoken call for each new call or recall.

Unattended: it refreshes by itself (`LivePoll` on the queue lane, every half second), says
"Mất kết nối" over its last data while the database is out of reach and recovers by itself,
and its keys do nothing destructive (F11 toggles full screen, Ctrl+Q quits, Esc does nothing).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.announcement import voice_dir
from counter_app.services.queue import QueueService
from counter_app.ui.announcer import Announcer, Player
from counter_app.ui.call_tracker import CallTracker
from counter_app.ui.live_poll import ConnectionBanner, LivePoll
from counter_app.ui.task_runner import QUEUE, TaskRunner

if TYPE_CHECKING:
    from counter_app.context import Context

log = logging.getLogger(__name__)

LAST_CALLS = 8            # rows of the "last calls" column (and events read per poll)
CURRENT_COLUMNS, CURRENT_ROWS = 2, 4  # the current-calls grid: newest first, down then across
FLASH_MS, FLASH_STEP_MS = 6000, 500
GROUPS_REFRESH_MS = 60_000
CURSOR_IDLE_MS = 3000
DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080  # pixel sizes below are for this screen, then scaled

# Pixel font sizes at 1920x1080, by role.
SIZES = {"title": 34, "time": 64, "date": 30, "headline": 104, "caption": 38, "column": 28,
         "number": 96, "counter": 96, "last": 46, "last_time": 32, "group": 26, "count": 58}

STYLE = """
QWidget[role="board"] { background: #0b0f14; }
QLabel { color: #f5f7fa; }
QLabel[role="title"], QLabel[role="date"], QLabel[role="column"], QLabel[role="last_time"],
QLabel[role="group"] { color: #9fb3c8; }
QLabel[role="headline"] { color: #ffd54f; background: #17202b; border: 4px solid #ffd54f; border-radius: 18px; }
QLabel[role="headline"][flash="true"] { color: #0b0f14; background: #ffd54f; }
QLabel[role="caption"] { color: #ffd54f; }
QLabel[role="counter"] { color: #4fc3f7; }
QLabel[role="last"] { color: #e3e8ee; }
QWidget[role="tile"] { background: #17202b; border-radius: 12px; }
"""

def _label(name: str, role: str, align=Qt.AlignLeft | Qt.AlignVCenter) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", role)
    label.setAlignment(align)
    # Text never widens the board: fonts follow the screen, long text is shrunk to fit.
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
    return label


class DisplayBoard(QWidget):
    """Current calls, the last calls and waiting counts per group, for a TV in the hall.

    Guarantees: reads `queue.board()` every `interval_ms` on the task runner's queue lane (never
    on the GUI thread) with no user action; every new call or recall is passed to
    `announcer.announce(number, counter)` exactly once, oldest first (see `CallTracker`); while
    reads fail, the connection banner shows and the last data stays, dimmed, and the board
    recovers by itself. Fonts scale with the window. GUI thread only.
    """

    def __init__(self, queue: QueueService, runner: TaskRunner, announcer: Announcer | None,
                 parent: QWidget | None = None, *, interval_ms: int = 500):
        super().__init__(parent)
        self.setObjectName("display.board")
        self.setWindowTitle(self.tr("Queue display"))
        self.setProperty("role", "board")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self._queue, self._runner, self.announcer = queue, runner, announcer
        self._tracker = CallTracker()
        self._group_names: dict[str, str] = {}
        self._board: dict = {"current": [], "last": [], "waiting": {}}
        self._flash_left = 0
        self._build()

        self._poll = LivePoll(lambda: queue.board(last=LAST_CALLS), runner, interval_ms, self)
        self._poll.updated.connect(self._on_poll_updated)
        self._poll.connection_changed.connect(self._on_poll_connection_changed)
        self._timers = [self._timer(1000, self._show_clock), self._timer(GROUPS_REFRESH_MS, self._load_groups)]
        self._flash_timer = self._timer(FLASH_STEP_MS, self._on_flash_step, start=False)
        self._cursor_timer = self._timer(CURSOR_IDLE_MS, lambda: self.setCursor(Qt.BlankCursor), single=True)
        self.setMouseTracking(True)  # moves over the labels reach the board: show the cursor again

        for name, keys, slot in (("display.full_screen", QKeySequence(Qt.Key_F11), self._toggle_full_screen),
                                 ("display.quit", QKeySequence("Ctrl+Q"), self.close)):
            shortcut = QShortcut(keys, self, slot)
            shortcut.setObjectName(name)
            shortcut.setContext(Qt.WindowShortcut)
        self._show_clock()
        self._render()
        self._load_groups()
        self._poll.start()

    # ---- building ------------------------------------------------------------------------
    def _timer(self, msecs: int, slot, *, single: bool = False, start: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(msecs)
        timer.setSingleShot(single)
        timer.timeout.connect(slot)
        if start:
            timer.start()
        return timer

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        # Fonts follow the window, not the other way round: any screen size is accepted as is.
        root.setSizeConstraint(QLayout.SetNoConstraint)
        self.banner = ConnectionBanner(self)
        root.addWidget(self.banner)
        self.content = QWidget(self)
        self.content.setObjectName("display.content")
        root.addWidget(self.content, 1)
        self._dim = QGraphicsOpacityEffect(self.content)
        self._dim.setOpacity(0.45)
        self._dim.setEnabled(False)
        self.content.setGraphicsEffect(self._dim)
        self._layout = layout = QVBoxLayout(self.content)

        header = QHBoxLayout()
        self.title = _label("display.title", "title")
        self.title.setText(self.tr("Please watch for your number"))
        clock = QVBoxLayout()
        clock.setSpacing(0)
        self.time = _label("display.time", "time", Qt.AlignRight | Qt.AlignVCenter)
        self.date = _label("display.date", "date", Qt.AlignRight | Qt.AlignVCenter)
        clock.addWidget(self.time)
        clock.addWidget(self.date)
        header.addWidget(self.title, 3)
        header.addLayout(clock, 1)
        layout.addLayout(header)

        self.headline = _label("display.headline", "headline", Qt.AlignCenter)
        layout.addWidget(self.headline)

        body = QHBoxLayout()
        current = QGridLayout()
        current.addWidget(self._caption("display.current_caption", self.tr("Now calling")), 0, 0, 1, 2 * CURRENT_COLUMNS)
        self.current_cells: list[tuple[QLabel, QLabel]] = []
        for column in range(CURRENT_COLUMNS):
            current.addWidget(self._column_head(self.tr("Number")), 1, 2 * column)
            current.addWidget(self._column_head(self.tr("Counter"), Qt.AlignCenter), 1, 2 * column + 1)
            for row in range(CURRENT_ROWS):
                slot = column * CURRENT_ROWS + row + 1
                cells = (_label(f"display.current.{slot}.number", "number"),
                         _label(f"display.current.{slot}.counter", "counter", Qt.AlignCenter))
                current.addWidget(cells[0], row + 2, 2 * column)
                current.addWidget(cells[1], row + 2, 2 * column + 1)
                self.current_cells.append(cells)
        for column in range(2 * CURRENT_COLUMNS):
            current.setColumnStretch(column, 3 if column % 2 == 0 else 2)
        current.setRowStretch(CURRENT_ROWS + 2, 1)

        last = QGridLayout()
        last.addWidget(self._caption("display.last_caption", self.tr("Last calls")), 0, 0, 1, 3)
        for column, text in enumerate((self.tr("Number"), self.tr("Counter"), self.tr("Time"))):
            last.addWidget(self._column_head(text, Qt.AlignLeft if column == 0 else Qt.AlignCenter), 1, column)
        self.last_cells: list[tuple[QLabel, QLabel, QLabel]] = []
        for row in range(LAST_CALLS):
            cells = (_label(f"display.last.{row + 1}.number", "last"),
                     _label(f"display.last.{row + 1}.counter", "last", Qt.AlignCenter),
                     _label(f"display.last.{row + 1}.time", "last_time", Qt.AlignCenter))
            for column, cell in enumerate(cells):
                last.addWidget(cell, row + 2, column)
            self.last_cells.append(cells)
        last.setColumnStretch(0, 3)
        last.setColumnStretch(1, 2)
        last.setColumnStretch(2, 2)
        last.setRowStretch(LAST_CALLS + 2, 1)
        body.addLayout(current, 2)
        body.addSpacing(40)
        body.addLayout(last, 1)
        layout.addLayout(body, 1)

        footer = QHBoxLayout()
        footer.addWidget(self._caption("display.waiting_caption", self.tr("Waiting")))
        self._tiles_row = QHBoxLayout()
        footer.addLayout(self._tiles_row, 1)
        layout.addLayout(footer)
        self.group_tiles: dict[str, tuple[QWidget, QLabel, QLabel]] = {}

    def _caption(self, name: str, text: str) -> QLabel:
        label = _label(name, "caption")
        label.setText(text)
        label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        return label

    def _column_head(self, text: str, align=Qt.AlignLeft | Qt.AlignVCenter) -> QLabel:
        label = _label("", "column", align | Qt.AlignVCenter)
        label.setText(text)
        return label

    def _tile(self, code: str) -> tuple[QWidget, QLabel, QLabel]:
        tile = QWidget(self.content)
        tile.setObjectName(f"display.waiting.{code}")
        tile.setProperty("role", "tile")
        tile.setAttribute(Qt.WA_StyledBackground, True)
        name = _label(f"display.waiting.{code}.name", "group", Qt.AlignCenter)
        name.setWordWrap(True)
        count = _label(f"display.waiting.{code}.count", "count", Qt.AlignCenter)
        box = QVBoxLayout(tile)
        box.setContentsMargins(8, 4, 8, 4)
        box.setSpacing(0)
        box.addWidget(name)
        box.addWidget(count)
        self._tiles_row.addWidget(tile, 1)
        return tile, name, count

    # ---- data ----------------------------------------------------------------------------
    def _load_groups(self) -> None:
        self._runner.submit(self._queue.groups, self._on_groups_loaded,
                            lambda error: log.info("board: group names not read: %s", error), lane=QUEUE)

    def _on_groups_loaded(self, groups) -> None:
        self._group_names = {group.code: group.name for group in groups}
        self._render_waiting()

    def _on_poll_updated(self, board: dict) -> None:
        fresh = self._tracker.new_calls(board["last"], board["current"])
        self._board = board
        self._show_clock()
        self._render()
        for number, counter, _at in fresh:
            self._announce(number, counter)
        if fresh:
            self._flash_left = FLASH_MS // FLASH_STEP_MS
            self._flash_timer.start()
            self._set_flash(True)

    def _announce(self, number: str, counter: int) -> None:
        if self.announcer is None:
            return
        try:
            self.announcer.announce(number, counter)
        except Exception:  # noqa: BLE001 - a voice fault must never stop the board showing calls
            log.exception("board: could not announce %s to counter %s", number, counter)

    def _on_poll_connection_changed(self, connected: bool) -> None:
        if not connected:
            self._tracker.connection_lost()
        self.banner.set_connected(connected)
        self._dim.setEnabled(not connected)

    # ---- showing -------------------------------------------------------------------------
    def _render(self) -> None:
        last = self._board["last"]
        if last:
            self.headline.setText(self.tr("Number {number} to counter {counter}").format(
                number=last[0]["number"], counter=last[0]["counter"]))
        else:
            self.headline.setText(self.tr("Please wait to be called"))
        current = self._board["current"]
        for index, (number, counter) in enumerate(self.current_cells):
            call = current[index] if index < len(current) else None
            number.setText(call["number"] if call else "")
            counter.setText(str(call["counter"]) if call else "")
        for index, (number, counter, at) in enumerate(self.last_cells):
            call = last[index] if index < len(last) else None
            number.setText(call["number"] if call else "")
            counter.setText(str(call["counter"]) if call else "")
            at.setText(f"{call['at']:%H:%M}" if call else "")
        self._render_waiting()
        self._fit_headline()

    def _render_waiting(self) -> None:
        waiting: dict[str, int] = self._board["waiting"]
        codes = sorted(set(waiting) | set(self._group_names))
        if list(self.group_tiles) != codes:
            for tile, _name, _count in self.group_tiles.values():
                tile.deleteLater()
            self.group_tiles = {code: self._tile(code) for code in codes}
            self._apply_scale()
        for code, (_tile, name, count) in self.group_tiles.items():
            name.setText(f"{code} · {self._group_names[code]}" if code in self._group_names else code)
            count.setText(str(waiting.get(code, 0)))

    def _show_clock(self) -> None:
        now = self._queue.clock()
        self.time.setText(f"{now:%H:%M}")
        self.date.setText(f"{now:%d/%m/%Y}")

    def _set_flash(self, on: bool) -> None:
        self.headline.setProperty("flash", on)
        self.headline.style().unpolish(self.headline)
        self.headline.style().polish(self.headline)

    def _on_flash_step(self) -> None:
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._flash_timer.stop()
            self._set_flash(False)
            return
        self._set_flash(not self.is_flashing())

    def is_flashing(self) -> bool:
        return bool(self.headline.property("flash"))

    # ---- scale, keys, cursor ---------------------------------------------------------------
    def _scale(self) -> float:
        return max(0.3, min(self.width() / DESIGN_WIDTH, self.height() / DESIGN_HEIGHT))

    def _apply_scale(self) -> None:
        unit = self._scale()
        for label in self.findChildren(QLabel):
            role = label.property("role")
            if role in SIZES:
                font = QFont(label.font())
                font.setPixelSize(max(8, round(SIZES[role] * unit)))
                font.setBold(role in ("time", "headline", "caption", "number", "counter", "last", "count"))
                label.setFont(font)
        banner = QFont(self.banner.font())
        banner.setPixelSize(max(8, round(40 * unit)))
        self.banner.setFont(banner)
        margin = round(28 * unit)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self._layout.setSpacing(round(20 * unit))
        self.headline.setContentsMargins(margin, margin // 3, margin, margin // 3)
        self._fit_headline()

    def _fit_headline(self) -> None:
        """Shrink the headline's font until the whole call fits on one line (long Vietnamese)."""
        unit = self._scale()
        room = self.width() - 4 * round(28 * unit) - 8
        font = QFont(self.headline.font())
        size = max(8, round(SIZES["headline"] * unit))
        font.setPixelSize(size)
        while size > 8 and QFontMetrics(font).horizontalAdvance(self.headline.text()) > room:
            size = int(size * 0.92)
            font.setPixelSize(size)
        self.headline.setFont(font)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_scale()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        """Stop reading and ticking (the board is closing); a read in flight finishes harmlessly."""
        self._poll.stop()
        for timer in (*self._timers, self._flash_timer, self._cursor_timer):
            timer.stop()


def build_display(ctx: Context, runner: TaskRunner, *, player: Player | None = None) -> DisplayBoard:
    """The board of `counter-app display`, on the queue's database, speaking with the voice of
    `<data folder>/voice/vi` when an IT admin put recordings there, else the shipped one.
    `player` replaces the sound device (tests); by default QtMultimedia plays the calls."""
    announcer = Announcer(voice_dir=voice_dir(ctx.data_dir), player=player)
    board = DisplayBoard(ctx.queue, runner, announcer)
    announcer.setParent(board)
    return board
