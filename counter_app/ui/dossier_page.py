"""Dossier page: shows one dossier (or reception slip) loaded on the database lane, and reprints
or previews its form through `PrintOutput`. On a joined counter it marks a dossier whose rows have
not yet reached the centre, and reloads when the sync worker brings changes from other counters."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from counter_app.i18n import translate_message
from counter_app.services.dossiers import DossierQueries
from counter_app.services.errors import ServiceError
from counter_app.ui.dossier_view import DossierView
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.slip_view import SlipView
from counter_app.ui.task_runner import DATABASE, TaskRunner

DOSSIER = "dossier"
log = logging.getLogger(__name__)


class DossierPage(QWidget):
    """Loads with the runner (an answer for anything but the latest request is dropped); a
    print of what is on screen (from here or elsewhere) refreshes the page so the print log and history show it.
    `refresh()` reloads quietly: a failure keeps what is on screen. `pending_ids` (a joined
    counter's, run on the database lane) returns the ids of dossiers whose rows still wait in the
    outbox; None on a standalone store, which shows no mark. GUI thread only.

    Signals: `loaded(kind, reference)` once a dossier/slip is on screen.
    """

    loaded = Signal(str, str)

    def __init__(self, queries: DossierQueries, runner: TaskRunner, print_output: PrintOutput,
                 parent: QWidget | None = None, *, pending_ids: Callable[[], set[str]] | None = None):
        super().__init__(parent)
        self.setObjectName("dossier.page")
        self._queries = queries
        self._runner = runner
        self._pending_ids = pending_ids
        self._print_output = print_output
        print_output.printed.connect(self._on_print_finished)
        print_output.failed.connect(self._on_print_finished)
        self._current: tuple[str, str] | None = None  # (kind, reference) on screen
        self._requested: tuple[str, str] | None = None

        self.empty = QLabel(self.tr("No dossier open. Press F3 to find one, or scan a receipt."), self)
        self.empty.setObjectName("dossier.empty")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.dossier_view = DossierView(self)
        self.slip_view = SlipView(self)
        self.dossier_view.reprint_requested.connect(self.reprint)
        self.dossier_view.form_requested.connect(
            lambda kind, reference: self._print_output.print_document(kind, reference, self, preview=True))
        self.slip_view.reprint_requested.connect(self.reprint)
        self.stack = QStackedWidget(self)
        for widget in (self.empty, self.dossier_view, self.slip_view):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def current(self) -> tuple[str, str] | None:
        """(kind, reference) on screen: kind is "dossier", "supplement" or "refusal"."""
        return self._current

    def open(self, kind: str, reference: str, *, quiet: bool = False) -> None:
        """Load and show a dossier (kind "dossier") or a slip (kind "supplement"/"refusal")."""
        self._requested = (kind, reference)
        fetch = self._queries.dossier if kind == DOSSIER else self._queries.slip

        def load():  # database lane
            detail = fetch(reference)
            return detail, kind == DOSSIER and self._is_pending(detail.id)

        self._runner.submit(
            load,
            lambda loaded: self._on_loaded(kind, reference, *loaded),
            lambda error: self._on_load_failed(kind, reference, error, quiet),
            lane=DATABASE,
        )

    def refresh(self) -> None:
        """Reload what is on screen (its history, prints or status changed), keeping it on failure."""
        if self._current:
            self.open(*self._current, quiet=True)

    def refresh_pending(self) -> None:
        """Re-read whether the dossier on screen has reached the centre (after the worker pushed)."""
        if self._pending_ids is None or not self._current or self._current[0] != DOSSIER or self.dossier_view.detail is None:
            return
        current, dossier_id = self._current, self.dossier_view.detail.id
        self._runner.submit(
            lambda: self._is_pending(dossier_id),
            lambda pending: self._on_pending_read(current, pending),
            lane=DATABASE,
        )

    def _is_pending(self, dossier_id: str) -> bool:
        """Database lane: True while the dossier has rows in the outbox (False when unknown)."""
        if self._pending_ids is None:
            return False
        try:
            return dossier_id in self._pending_ids()
        except Exception as error:  # noqa: BLE001 - the mark is secondary: never fail a load for it
            log.warning("cannot read the dossiers waiting to sync: %s", error)
            return False

    def _on_pending_read(self, current: tuple[str, str], pending: bool) -> None:
        if self._current == current:
            self.dossier_view.set_pending(pending)

    def reprint(self, preview: bool = False) -> bool:
        """Reprint (or preview) the form of what is on screen; False when nothing is open."""
        if not self._current:
            return False
        kind, reference = self._current
        document = "receipt" if kind == DOSSIER else kind
        self._print_output.print_document(document, reference, self, preview=preview)
        return True

    def _on_print_finished(self, _kind: str, reference: str, _detail: str) -> None:
        if self._current and self._current[1] == reference:
            self.refresh()  # the print log and the history now hold the attempt

    def _on_loaded(self, kind: str, reference: str, detail, pending: bool = False) -> None:
        if self._requested != (kind, reference):
            return
        if kind == DOSSIER:
            self.dossier_view.set_detail(detail)
            self.dossier_view.set_pending(pending)
            self.stack.setCurrentWidget(self.dossier_view)
        else:
            self.slip_view.set_detail(detail)
            self.stack.setCurrentWidget(self.slip_view)
        self._current = (kind, reference)
        self.loaded.emit(kind, reference)

    def _on_load_failed(self, kind: str, reference: str, error: BaseException, quiet: bool = False) -> None:
        if self._requested != (kind, reference):
            return
        if quiet and self._current == (kind, reference):
            log.warning("reloading %s %s failed: %s", kind, reference, error)
            return
        reason = translate_message(error.message) if isinstance(error, ServiceError) else str(error)
        self.empty.setText(self.tr("Could not open {reference}: {reason}").format(reference=reference, reason=reason))
        self.stack.setCurrentWidget(self.empty)
        self._current = None
