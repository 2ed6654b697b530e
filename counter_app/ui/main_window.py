"""The counter's main window: the queue panel above the Intake, Find and Dossier pages, keyboard
shortcuts, status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from counter_app.sync.central_access import CentralAccess
from counter_app.context import Context
from counter_app.services.auth import Role, UserInfo
from counter_app.ui import labels
from counter_app.ui.dialogs import Dialogs
from counter_app.ui.dossier_page import DossierPage
from counter_app.ui.find_page import FindPage
from counter_app.ui.handover_page import HandoverPage
from counter_app.ui.inbox_page import InboxPage
from counter_app.ui.intake_page import IntakePage
from counter_app.ui.late_page import LatePage
from counter_app.ui.ledger_dialog import open_ledger
from counter_app.ui.print_output import PrintOutput
from counter_app.services.queue_print import TicketPrintService
from counter_app.ui.queue_panel import QueuePanel
from counter_app.ui.return_page import ReturnPage
from counter_app.ui.supervisor_queue_page import SupervisorQueuePage
from counter_app.ui.status_bar import CounterStatusBar
from counter_app.ui.sync_indicator import SyncBridge, SyncIndicator
from counter_app.ui.task_runner import DATABASE, TaskRunner
from counter_app.ui.ticket_printer import TicketPrinter
from counter_app.ui.workstation_dialog import WorkstationDialog

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Composes the pages for one logged-in officer; owns no business logic. GUI thread only.

    Keys: F2 intake, F3 / Ctrl+F find, F5 reprint the dossier on the Dossier page (the last one
    received or opened), Ctrl+, workstation settings, Ctrl+Q quit; the queue panel's keys (F6–F9,
    Shift+F5, Shift+F7, Ctrl+Shift+T/P/N: see `queue_panel`).

    The queue panel (reception officers and supervisors only: department staff call no tickets)
    stays above the pages: Start opens the intake page, and every dossier received while a ticket
    is served is linked to it.

    On a joined counter the sync bridge's signals reach it by queued connection: rows pulled from
    other counters refresh the Find results and the open dossier (on the task runner), and each new
    sync status re-reads which of them are not yet at the centre.
    """

    def __init__(self, ctx: Context, runner: TaskRunner, user: UserInfo, *, print_output: PrintOutput | None = None,
                 dialogs: Dialogs | None = None, sync: SyncBridge | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main")
        self.ctx, self.runner, self.user = ctx, runner, user
        self.sync = sync  # a joined counter's sync worker bridge; None when standalone
        self.dialogs = dialogs or Dialogs()
        counter = ctx.workstation.counter_number
        self.setWindowTitle(self.tr("counter_app — Counter {n} — {name}").format(n=counter, name=user.full_name))
        self.print_output = print_output or PrintOutput(ctx.workstation, runner, ctx.printing, user.id, self,
                                                        dialogs=self.dialogs)

        self.intake_page = self._build_intake_page()
        pending_ids = sync.pending_ids if sync is not None else None
        self.find_page = FindPage(ctx.dossiers.find, runner, self, pending_ids=pending_ids)
        self.dossier_page = DossierPage(ctx.dossiers, runner, self.print_output, self, pending_ids=pending_ids)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main.tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.intake_page, self.tr("Intake (F2)"))
        self.tabs.addTab(self.find_page, self.tr("Find (F3)"))
        self.tabs.addTab(self.dossier_page, self.tr("Dossier"))
        self.queue_board: SupervisorQueuePage | None = None
        if user.role in (Role.SUPERVISOR, Role.ADMIN):
            self.queue_board = SupervisorQueuePage(ctx.queue, runner, user, self)
            self.tabs.addTab(self.queue_board, self.tr("Queue board"))
        self._add_tracking_pages()
        self.queue_panel: QueuePanel | None = None
        if user.role in (Role.RECEPTION, Role.SUPERVISOR):
            self.queue_panel = self._build_queue_panel()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if self.queue_panel is not None:
            layout.addWidget(self.queue_panel)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        local = ctx.db.url.startswith("sqlite")
        self.status = CounterStatusBar(counter, user.full_name,
                                       self.tr("Local database") if local else self.tr("Central database"), self)
        self.setStatusBar(self.status)
        self.sync_indicator: SyncIndicator | None = None
        if sync is not None:
            self.sync_indicator = SyncIndicator(sync, self.status)
            self.status.add_sync_indicator(self.sync_indicator)
            # Queued: the worker thread emits these; the slots run on the GUI thread.
            sync.rows_pulled.connect(self._on_sync_rows_pulled, Qt.QueuedConnection)
            sync.status_changed.connect(self._on_sync_status_changed, Qt.QueuedConnection)

        self._shortcut("F2", self.show_intake)
        self._shortcut("F3", self.show_find)
        self._shortcut(QKeySequence.Find, self.show_find)
        self._shortcut("F5", self.reprint_current)
        self._shortcut("Ctrl+Q", self.close)
        self._shortcut("Ctrl+,", self.edit_workstation)
        if user.role is not Role.DEPARTMENT:
            self._shortcut("Ctrl+L", self.open_ledger)

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

    def _add_tracking_pages(self) -> None:
        """After intake: the department's inbox (its first page), the counter's hand-over and
        return pages, and the supervisors' list of late dossiers."""
        ctx, runner, user = self.ctx, self.runner, self.user
        self.inbox_page: InboxPage | None = None
        self.handover_page: HandoverPage | None = None
        self.return_page: ReturnPage | None = None
        self.late_page: LatePage | None = None
        if user.role is Role.DEPARTMENT:
            # Departments process; they receive nothing at a counter (the service refuses it too).
            self.tabs.removeTab(self.tabs.indexOf(self.intake_page))
            self.intake_page.hide()
            # The window's F5 routes to the inbox's refresh (see reprint_current): one F5 shortcut only.
            self.inbox_page = InboxPage(ctx.tracking_reads, ctx.tracking, runner, user, self.print_output, self,
                                        documents=lambda code: ctx.dossiers.dossier(code).documents, refresh_key=False)
            self.tabs.insertTab(0, self.inbox_page, self.tr("Inbox"))
            self.tabs.setCurrentWidget(self.inbox_page)
        if user.role in (Role.RECEPTION, Role.SUPERVISOR, Role.ADMIN):
            self.handover_page = HandoverPage(ctx, runner, user, self.print_output, self)
            self.return_page = ReturnPage(ctx, runner, user, self.print_output, self)
            self.tabs.addTab(self.handover_page, self.tr("Hand-over"))
            self.tabs.addTab(self.return_page, self.tr("Return"))
            self.handover_page.handed_over.connect(self._on_handed_over)
            self.return_page.dossier_changed.connect(self._on_dossier_changed)
        if user.role in (Role.SUPERVISOR, Role.ADMIN):
            self.late_page = LatePage(ctx, runner, user, self)
            self.tabs.addTab(self.late_page, self.tr("Timeliness"))

    def _build_intake_page(self) -> IntakePage:
        page = IntakePage(self.ctx, self.runner, self.user, self.print_output, self)
        page.dossier_received.connect(self._on_intake_dossier_received)
        page.slip_issued.connect(self._on_intake_slip_issued)
        return page

    def _build_queue_panel(self) -> QueuePanel:
        workstation = self.ctx.workstation
        panel = QueuePanel(self.ctx.queue, self.runner, self.user, workstation.counter_number,
                           workstation.queue_group_codes(), self)
        panel.started.connect(self._on_queue_started)
        panel.serving_changed.connect(self._on_queue_serving_changed)
        self.intake_page.dossier_saved.connect(panel.link_dossier)
        self.intake_page.set_serving_ticket(panel.serving[1])  # its first reading may already be in
        # A ticket the kiosk could not print (paper out) is reprinted here, on this counter's printer.
        self.ticket_printer = TicketPrinter(workstation, self.runner, TicketPrintService(self.ctx.queue, self.ctx.db),
                                            self, user_id=self.user.id)
        panel.reprint_requested.connect(lambda ticket_id, number: self.ticket_printer.print_ticket(ticket_id, number))
        self.ticket_printer.printed.connect(lambda number, target: self.status.show_action(
            self.tr("Ticket {number} printed → {target}").format(number=number, target=target)))
        self.ticket_printer.failed.connect(lambda number, reason: self.status.show_action(
            self.tr("Printing ticket {number} failed: {reason}").format(number=number, reason=reason), error=True))
        return panel

    def edit_workstation(self) -> None:
        """Counter number and printer of this machine; admins and supervisors only (an officer
        must not relabel the counter their dossiers are recorded under)."""
        if self.user.role not in (Role.ADMIN, Role.SUPERVISOR):
            self.status.show_action(self.tr("Only an administrator or supervisor may change the workstation settings."), error=True)
            return
        dialog = self.workstation_dialog()
        if dialog.exec() != WorkstationDialog.Accepted:
            return
        try:
            dialog.result_settings().save(self.ctx.data_dir)
        except OSError as error:
            self.dialogs.warning(self, self.tr("Settings not saved"), str(error))
            return
        self.status.show_action(self.tr("Workstation settings saved; they apply from the next login."))

    def workstation_dialog(self) -> WorkstationDialog:
        """The settings dialog; its central database section (join) only for an administrator."""
        central = CentralAccess(self.ctx.db, self.ctx.data_dir, self.user) if self.user.role == Role.ADMIN else None
        return WorkstationDialog(self.ctx.workstation, self, central=central, runner=self.runner,
                                 groups=self.ctx.queue.groups)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.queue_panel is not None:
            self.queue_panel.stop()  # no queue reads left to land on a closed window
        super().closeEvent(event)

    # --- actions ---------------------------------------------------------------------------------

    def show_first_page(self) -> None:
        """Where the day starts: a department officer's inbox, everyone else's intake page."""
        if self.inbox_page is not None:
            self.tabs.setCurrentWidget(self.inbox_page)
            self.inbox_page.focus_first()
        else:
            self.show_intake()

    def show_intake(self) -> None:
        if self.tabs.indexOf(self.intake_page) < 0:
            return  # a department officer's window has no intake page
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

    def open_ledger(self) -> None:
        """Ctrl+L: Mẫu 06 for a field and period (the fields are read on the database lane)."""
        today = self.ctx.dossiers.clock().date()

        def show(fields) -> None:
            self.ledger_dialog = open_ledger(self, fields, today, lambda kind, reference: self.print_output.print_document(
                kind, reference, self, preview=True))

        self.runner.submit(self.ctx.catalogue.fields, show, lambda error: self.status.show_action(str(error), error=True),
                           lane=DATABASE)

    def reprint_current(self) -> None:
        if self.inbox_page is not None and self.tabs.currentWidget() is self.inbox_page:
            self.inbox_page.refresh()
            return
        if not self.dossier_page.reprint():
            self.status.show_action(self.tr("No dossier is open to reprint. Find one first (F3)."), error=True)

    # --- signal handlers -------------------------------------------------------------------------

    def _on_queue_started(self, _ticket_id: str, _number: str) -> None:
        self.show_intake()  # the applicant is at the desk: straight to intake

    def _on_queue_serving_changed(self, _ticket_id: str, number: str) -> None:
        self.intake_page.set_serving_ticket(number)

    def _on_find_open_requested(self, kind: str, reference: str) -> None:
        self.open_dossier(kind, reference)

    def _on_find_searched(self, query: str, count: int) -> None:
        self.status.show_action(self.tr("Searched “{query}”: {count} found").format(query=query, count=count))

    def _on_dossier_loaded(self, kind: str, reference: str) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.dossier_page), self.tr("Dossier {reference}").format(reference=reference))

    def _on_intake_dossier_received(self, code: str) -> None:
        self.status.show_action(self.tr("Received {code}").format(code=code))
        self._wake_sync()
        self.dossier_page.open("dossier", code)  # F5 now reprints its receipt

    def _on_intake_slip_issued(self, kind: str, number: str) -> None:
        self.status.show_action(self.tr("Issued {document} {number}").format(document=labels.document_label(kind), number=number))
        self._wake_sync()
        self.dossier_page.open(kind, number)

    def _on_sync_rows_pulled(self, _count: int) -> None:
        """Other counters' changes arrived: show them without a manual refresh."""
        self.find_page.refresh()
        self.dossier_page.refresh()
        if self.inbox_page is not None:
            self.inbox_page.refresh()

    def _on_handed_over(self, number: str) -> None:
        self.status.show_action(self.tr("Hand-over list {number} saved").format(number=number))
        self._wake_sync()

    def _on_dossier_changed(self, _code: str) -> None:
        self._wake_sync()
        self.dossier_page.refresh()

    def _on_sync_status_changed(self, _status) -> None:
        """A sync step ran (a push may have been acknowledged): update the "not yet at the centre" marks."""
        self.find_page.refresh_pending()
        self.dossier_page.refresh_pending()

    def _wake_sync(self) -> None:
        """Push the new rows now instead of at the worker's next outbox check."""
        if self.sync is not None:
            self.sync.wake()

    def _on_print_printed(self, kind: str, reference: str, target: str) -> None:
        self.status.show_action(self.tr("Printed {document} {reference} → {target}").format(
            document=labels.document_label(kind), reference=reference, target=target))
        self._wake_sync()

    def _on_print_failed(self, kind: str, reference: str, reason: str) -> None:
        self.status.show_action(self.tr("Printing {document} {reference} failed: {reason}").format(
            document=labels.document_label(kind), reference=reference, reason=reason), error=True)
