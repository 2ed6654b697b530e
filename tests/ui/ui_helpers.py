"""Helpers for UI tests: typing any text (Vietnamese too) with real key events, finding widgets,
printing into a folder."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.services.intake import ReceivedDossier
from counter_app.services.intake_input import ApplicantInput
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.print_output import PrintOutput
from factories import intake


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` as key press/release events that carry the text, one character at
    a time. (`qtbot.keyClicks` aborts the process on non-ASCII characters such as "ễ".)"""
    widget.setFocus(Qt.OtherFocusReason)
    for char in text:
        key = Qt.Key_Space if char == " " else Qt.Key_unknown
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, char))


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.NoModifier) -> None:
    """Press and release one key (Enter, F5…) on `widget`, as a scanner or keyboard would."""
    for kind in (QEvent.KeyPress, QEvent.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def child(parent: QWidget, name: str) -> QWidget:
    """The descendant with objectName `name`; fails loudly when missing (names are an API)."""
    found = parent.findChild(QWidget, name)
    assert found is not None, f"no widget named {name!r}"
    return found


# A second applicant, so a name search has something to leave out.
OTHER_APPLICANT = ApplicantInput(
    kind="individual", name="Trần Văn Bình", id_number="001085012345", date_of_birth="03/04/1985", sex="male",
    address="Số 5, đường Phan Bội Châu, phường Buôn Ma Thuột, tỉnh Đắk Lắk", phone="0912 000 111",
)


def receive(ctx, officer, **changes) -> ReceivedDossier:
    """Receive a complete, valid dossier through the real intake service."""
    return ctx.intake.receive(intake(ctx, **changes), officer, counter_number=ctx.workstation.counter_number)


def make_active(qtbot, window: QWidget) -> None:
    """Expose and activate `window` (window shortcuts such as F5 only reach the active window;
    activation needs a turn of the event loop, even offscreen)."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def pdf_output(ctx, runner, user, folder, dialogs=None) -> PrintOutput:
    """A PrintOutput that writes its PDFs into `folder` (no printer; dialogs recorded, not shown)."""
    return PrintOutput(replace(ctx.workstation, pdf_output_dir=str(folder)), runner, ctx.printing, user.id,
                       dialogs=dialogs or RecordingDialogs())
