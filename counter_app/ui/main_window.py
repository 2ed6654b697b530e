"""The counter's main window: Intake, Find and Dossier pages, keyboard shortcuts, status bar."""

from __future__ import annotations

import inspect
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from counter_app.context import Context
from counter_app.services.auth import UserInfo
from counter_app.ui import labels
from counter_app.ui.dialogs import Dialogs
from counter_app.ui.dossier_page import DossierPage
from counter_app.ui.find_page import FindPage
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.status_bar import CounterStatusBar
from counter_app.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Composes the pages for one logged-in officer; owns no business logic. GUI thread only.

    Keys: F2 intake, F3 / Ctrl+F find, F5 reprint the dossier on the Dossier page (the last one
    received or opened), Ctrl+Q quit.
    """

    def __init__(self, ctx: Context, runner: TaskRunner, user: UserInfo, *, print_output: PrintOutput | None = None,
                 dialogs: Dialogs | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main")
        self.ctx, self.runner, self.user = ctx, runner, user
        self.dialogs = dialogs or Dialogs()
        counter = ctx.workstation.counter_number
        self.setWindowTitle(self.tr("counter_app — Counter {n} — {name}").format(n=counter, name=user.full_name))
        self.print_output = print_output or PrintOutput(ctx.workstation, runner, ctx.printing, user.id, self,
                                                        dialogs=self.dialogs)

        self.intake_page = self._build_intake_page()
        self.find_page = FindPage(ctx.dossiers.find, runner, self)
        self.dossier_page = DossierPage(ctx.dossiers, runner, self.print_output, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main.tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.intake_page, self.tr("Intake (F2)"))
        self.tabs.addTab(self.find_page, self.tr("Find (F3)"))
        self.tabs.addTab(self.dossier_page, self.tr("Dossier"))
        self.setCentralWidget(self.tabs)

        local = ctx.db.url.startswith("sqlite")
        self.status = CounterStatusBar(counter, user.full_name,
                                       self.tr("Local database") if local else self.tr("Central database"), self)
        self.setStatusBar(self.status)

        self._shortcut("F2", self.show_intake)
        self._shortcut("F3", self.show_find)
        self._shortcut(QKeySequence.Find, self.show_find)
        self._shortcut("F5", self.reprint_current)
        self._shortcut("Ctrl+Q", self.close)

        self.find_page.open_requested.connect(self._on_find_open_requested)
        self.find_page.searched.connect(self._on_find_searched)
        self.dossier_page.loaded.connect(self._on_dossier_loaded)
        self.print_output.printed.connect(self._on_print_printed)
        self.print_output.failed.connect(self._on_print_failed)
        self.resize(1280, 720)

    def _shortcut(self, key, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _build_intake_page(self) -> QWidget:
        """The intake page is written separately; until it can be imported a placeholder keeps
        the rest of the window usable."""
        try:
            from counter_app.ui.intake_page import IntakePage
        except ImportError as error:
            log.warning("intake page unavailable: %s", error)
            return self._intake_placeholder()
        try:
            extra = {"dialogs": self.dialogs} if "dialogs" in inspect.signature(IntakePage).parameters else {}
            page = IntakePage(self.ctx, self.runner, self.user, self.print_output, self, **extra)
        except Exception:  # noqa: BLE001 - a broken page must not stop finding and reprinting
            log.exception("intake page failed to build")
            return self._intake_placeholder()
        page.dossier_received.connect(self._on_intake_dossier_received)
        page.slip_issued.connect(self._on_intake_slip_issued)
        return page

    def _intake_placeholder(self) -> QWidget:
        label = QLabel(self.tr("Intake is not available in this build."), self)
        label.setObjectName("intake.placeholder")
        label.setAlignment(Qt.AlignCenter)
        return label

    # --- actions ---------------------------------------------------------------------------------

    def show_intake(self) -> None:
        self.tabs.setCurrentWidget(self.intake_page)
        focus_first = getattr(self.intake_page, "focus_first", None)
        if focus_first:
            focus_first()

    def show_find(self) -> None:
        self.tabs.setCurrentWidget(self.find_page)
        self.find_page.focus_query()

    def open_dossier(self, kind: str, reference: str) -> None:
        self.dossier_page.open(kind, reference)
        self.tabs.setCurrentWidget(self.dossier_page)

    def reprint_current(self) -> None:
        if not self.dossier_page.reprint():
            self.status.show_action(self.tr("No dossier is open to reprint. Find one first (F3)."), error=True)

    # --- signal handlers -------------------------------------------------------------------------

    def _on_find_open_requested(self, kind: str, reference: str) -> None:
        self.open_dossier(kind, reference)

    def _on_find_searched(self, query: str, count: int) -> None:
        self.status.show_action(self.tr("Searched “{query}”: {count} found").format(query=query, count=count))

    def _on_dossier_loaded(self, kind: str, reference: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.dossier_page), self.tr("Dossier {reference}").format(reference=reference))

    def _on_intake_dossier_received(self, code: str) -> None:
        self.status.show_action(self.tr("Received {code}").format(code=code))
        self.dossier_page.open("dossier", code)  # F5 now reprints its receipt

    def _on_intake_slip_issued(self, kind: str, number: str) -> None:
        self.status.show_action(self.tr("Issued {document} {number}").format(document=labels.document_label(kind), number=number))
        self.dossier_page.open(kind, number)

    def _on_print_printed(self, kind: str, reference: str, target: str) -> None:
        self.status.show_action(self.tr("Printed {document} {reference} → {target}").format(
            document=labels.document_label(kind), reference=reference, target=target))

    def _on_print_failed(self, kind: str, reference: str, reason: str) -> None:
        self.status.show_action(self.tr("Printing {document} {reference} failed: {reason}").format(
            document=labels.document_label(kind), reference=reference, reason=reason), error=True)
