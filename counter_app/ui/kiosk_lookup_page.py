"""The kiosk's dossier look-up page: a visitor scans the receipt's QR or barcode (a keyboard-wedge
scanner types the text, then Enter) and reads the dossier's public status in large type — the same
facts as the public web page (`lookup_server.py`): code, masked name, procedure, department, status,
due time, last update; nothing else about the applicant.

The QR holds the tracking URL, the barcode the bare code: both are accepted (`code_from_scan`).
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter_app.services.public_status import PublicStatus, PublicStatusQueries, code_from_scan
from counter_app.ui import labels
from counter_app.ui.kiosk_style import make_label, set_font
from counter_app.ui.task_runner import DATABASE, TaskRunner

log = logging.getLogger(__name__)

_STYLE = """
#kiosk\\.lookup\\.input { background: white; border: 3px solid #1565c0; border-radius: 10px; padding: 8px 14px; }
#kiosk\\.lookup\\.result { background: white; border: 1px solid #c9d2de; border-radius: 14px; }
#kiosk\\.lookup\\.result QLabel[caption="true"] { color: #5f6b7a; }
#kiosk\\.lookup\\.status { color: #0b3d91; }
#kiosk\\.lookup\\.status[late="true"] { color: #b71c1c; }
#kiosk\\.lookup\\.message { color: #8a1c00; }
#kiosk\\.lookup\\.back { background: #1565c0; color: white; border: none; border-radius: 12px; padding: 12px 48px; }
"""
_BUTTON_STYLE = "background: white; color: #0b3d91; border: 3px solid #0b3d91; border-radius: 12px; padding: 10px 28px;"


def lookup_button(parent: QWidget) -> QPushButton:
    """The start page's "Look up a dossier" button (objectName "kiosk.lookup_button")."""
    button = QPushButton(QCoreApplication.translate("KioskLookupPage", "Look up a dossier"), parent)
    button.setObjectName("kiosk.lookup_button")
    button.setFocusPolicy(Qt.NoFocus)
    button.setStyleSheet(_BUTTON_STYLE)
    return button


class KioskLookupPage(QWidget):
    """The look-up page (objectName "kiosk.lookup").

    Guarantees: look-ups run on the runner's database lane, never on the GUI thread; only the answer
    to the latest scan is shown (an older answer arriving late, or one arriving after the page was
    left, is dropped); the page asks to leave (`leave`) IDLE_MS after the last scan or keystroke,
    and `reset()` wipes what it showed, so the next visitor never sees someone else's dossier.
    Scanned text is shown as plain text, never as rich text. GUI thread only."""

    leave = Signal()
    IDLE_MS = 20_000

    def __init__(self, lookup: PublicStatusQueries, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.lookup, self.runner = lookup, runner
        self._serial = 0
        self.setObjectName("kiosk.lookup")
        self.setStyleSheet(_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 20, 40, 20)
        column.setSpacing(12)
        self.title = self._label("kiosk.lookup.title", self.tr("Look up a dossier"))
        self.instruction = self._label(
            "kiosk.lookup.instruction",
            self.tr("Hold the QR code or the barcode of your receipt under the scanner, or type the dossier code "
                    "and press Enter."))
        self.input = QLineEdit(self)
        self.input.setObjectName("kiosk.lookup.input")
        self.input.setMaxLength(300)  # a tracking URL, not just a code
        self.input.setPlaceholderText(self.tr("Dossier code"))
        self.input.returnPressed.connect(self._on_enter)
        self.input.textEdited.connect(lambda _text: self._idle.start(self.IDLE_MS))
        self.message = self._label("kiosk.lookup.message", "")
        self.result = self._build_result()
        self.back = QPushButton(self.tr("Back"), self)
        self.back.setObjectName("kiosk.lookup.back")
        self.back.setFocusPolicy(Qt.NoFocus)  # the scanner's keystrokes stay in the input
        self.back.clicked.connect(self.leave)
        for widget in (self.title, self.instruction, self.input, self.message, self.result):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(self.back, 0, Qt.AlignHCenter)
        self._idle = QTimer(self, singleShot=True, timeout=self.leave.emit)
        self.reset()

    def _label(self, name: str, text: str, parent: QWidget | None = None, *, align=Qt.AlignCenter) -> QLabel:
        label = make_label(name, parent or self, align=align)
        label.setTextFormat(Qt.PlainText)  # scanned or stored text is never markup
        label.setText(text)
        return label

    def _build_result(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("kiosk.lookup.result")
        grid = QGridLayout(frame)
        grid.setContentsMargins(28, 20, 28, 20)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.status = self._label("kiosk.lookup.status", "", frame)
        grid.addWidget(self.status, 0, 0, 1, 2)
        rows = (("code", self.tr("Dossier code")), ("name", self.tr("Applicant")), ("procedure", self.tr("Procedure")),
                ("department", self.tr("Handled by")), ("received", self.tr("Received")),
                ("due", self.tr("Due for return")), ("updated", self.tr("Last update")))
        self.captions: list[QLabel] = []
        self.values: dict[str, QLabel] = {}
        left = Qt.AlignLeft | Qt.AlignTop
        for row, (key, caption) in enumerate(rows, start=1):
            label = self._label(f"kiosk.lookup.{key}.caption", caption, frame, align=left)
            label.setProperty("caption", True)
            value = self._label(f"kiosk.lookup.{key}", "", frame, align=left)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.captions.append(label)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        return frame

    # ---- the visitor's actions -----------------------------------------------------------
    def start(self) -> None:
        """The page has just been opened: empty, ready for a scan."""
        self.reset()
        self.input.setFocus(Qt.OtherFocusReason)
        self._idle.start(self.IDLE_MS)

    def type_text(self, text: str) -> None:
        """Keystrokes that arrived before the page was shown (a scan on the start page)."""
        self.input.insert(text)
        self._idle.start(self.IDLE_MS)

    def reset(self) -> None:
        self._serial += 1  # answers still on their way belong to someone else now
        self._idle.stop()
        self.input.clear()
        self.result.hide()
        for value in self.values.values():
            value.clear()
        self._say("")

    def _on_enter(self) -> None:
        self.submit(self.input.text())

    def submit(self, scanned: str) -> None:
        """Look up what was scanned or typed; the answer replaces whatever the page showed."""
        self.input.clear()
        self._idle.start(self.IDLE_MS)
        code = code_from_scan(scanned)
        if not code:
            return
        self._serial += 1
        self.result.hide()
        self._say(self.tr("Looking up {code}…").format(code=code))
        self.runner.submit(lambda: self.lookup.lookup(code), partial(self._on_answer, self._serial, code),
                           partial(self._on_error, self._serial), lane=DATABASE)

    # ---- answers (GUI thread) ------------------------------------------------------------
    def _on_answer(self, serial: int, code: str, found: PublicStatus | None) -> None:
        if serial != self._serial:
            return
        self._idle.start(self.IDLE_MS)
        if found is None:
            self._say(self.tr("No dossier was found with the code {code}. Please check the code on your receipt "
                              "or ask a staff member.").format(code=code))
            return
        self._say("")
        status = labels.status_label(found.status)
        if found.overdue:
            status = self.tr("{status} — overdue").format(status=status)
        self.status.setText(status)
        self.status.setProperty("late", found.overdue)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        shown = {"code": found.code, "name": found.masked_name, "procedure": found.procedure_name,
                 "department": found.department_name, "received": labels.when(found.received_at),
                 "due": labels.when(found.due_at), "updated": labels.when(found.last_update)}
        for key, text in shown.items():
            self.values[key].setText(text)
        self.result.show()

    def _on_error(self, serial: int, error: BaseException) -> None:
        log.warning("dossier look-up failed: %s", error)
        if serial == self._serial:
            self._idle.start(self.IDLE_MS)
            self._say(self.tr("The dossier cannot be looked up at the moment. Please try again or ask a staff member."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def scale(self, unit: float) -> None:
        set_font(self.title, unit * 1.5, bold=True)
        set_font(self.instruction, unit * 1.0)
        set_font(self.input, unit * 1.2)
        set_font(self.message, unit * 1.15, bold=True)
        set_font(self.status, unit * 1.8, bold=True)
        for caption in self.captions:
            set_font(caption, unit * 0.9)
        for key, value in self.values.items():
            set_font(value, unit * (1.3 if key in ("code", "due") else 1.05), bold=key in ("code", "name", "due"))
        set_font(self.back, unit * 1.2, bold=True)
