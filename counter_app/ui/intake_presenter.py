"""Decisions of the intake page: validate, receive or issue a slip, print, report.

The presenter talks to a *view* (the real `IntakePage` or a fake in unit tests) through a small
surface: `form_data()`, `chosen_procedure()`, `unticked_documents()`, `set_procedures()`,
`show_due()`, `show_guidance()`, `show_errors()`, `clear_errors()`, `show_message()`,
`show_outcome()`, `set_busy()`, `reset()` and the signals `dossier_received` / `dossier_saved` /
`slip_issued`.

Guarantees: every service call goes through `runner.submit` (never on the GUI thread); while an
action runs, further actions are ignored (a double Ctrl+Enter cannot receive twice); on any
failure the form is left as typed; a printer failure is reported but never undoes the dossier.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from counter_app.context import Context
from counter_app.i18n import translate_message
from counter_app.services.auth import UserInfo
from counter_app.services.errors import ServiceError, ValidationFailed
from counter_app.services.intake import IssuedSlip, ReceivedDossier
from counter_app.services.intake_input import DocumentInput, IntakeInput, validate_intake
from counter_app.ui.intake_dialogs import IntakeDialogs
from counter_app.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

RECEIPT, SUPPLEMENT, REFUSAL = "receipt", "supplement", "refusal"


class IntakePresenter:
    """One per intake page; lives on the GUI thread."""

    def __init__(self, view, ctx: Context, runner: TaskRunner, user: UserInfo, print_output, dialogs=None):
        self.view = view
        self.ctx = ctx
        self.runner = runner
        self.user = user
        self.print_output = print_output
        self.dialogs = dialogs or IntakeDialogs()
        self.busy = False
        self.last_printed: tuple[str, str] | None = None  # (kind, reference) of the last form issued
        self._due_token = 0
        self._guidance_token = 0
        self._identity: tuple[str, str] = ("", "")

    @property
    def counter_number(self) -> int:
        return self.ctx.workstation.counter_number

    # --- loading and live feedback ---------------------------------------------------------------
    def load_catalogue(self) -> None:
        self.runner.submit(self.ctx.catalogue.procedures, self.view.set_procedures, self._on_failed)

    def procedure_chosen(self, procedure) -> None:
        """Show the due time at once: the officer tells the applicant before anything is typed."""
        self._due_token += 1
        token = self._due_token
        if procedure is None:
            self.view.show_due(None)
            return

        def done(due: datetime) -> None:
            if token == self._due_token:
                self.view.show_due(due)

        def failed(error: BaseException) -> None:
            if token == self._due_token:
                self.view.show_due(None)
                self._on_failed(error)

        self.runner.submit(lambda: self.ctx.intake.preview_due(procedure), done, failed)

    def identity_entered(self, id_number: str, phone: str) -> None:
        """Look up earlier supplement requests and refusals for this identifier or phone."""
        key = (id_number.strip(), phone.strip())
        if key == self._identity:
            return
        self._identity = key
        self._guidance_token += 1
        token = self._guidance_token
        if not any(key):
            self.view.show_guidance([])
            return

        def done(slips) -> None:
            if token == self._guidance_token:
                self.view.show_guidance(slips)

        # A failed look-up only costs the hint; it must not interrupt the intake.
        self.runner.submit(lambda: self.ctx.dossiers.guidance_for(*key), done,
                           lambda error: log.warning("guidance look-up failed: %s", error))

    # --- the three outcomes ----------------------------------------------------------------------
    def receive(self) -> None:
        if self.busy:
            return
        data = self.view.form_data()
        self._start()
        self.runner.submit(lambda: self.ctx.intake.receive(data, self.user, self.counter_number),
                           self._on_received, self._on_failed)

    def request_supplement(self) -> None:
        self._validate_then(lambda data, procedure: self.dialogs.ask_supplement(
            self.view, self.view.unticked_documents(),
            lambda names, notes: self._issue_supplement(data, procedure, names, notes)))

    def refuse(self) -> None:
        self._validate_then(lambda data, _procedure: self.dialogs.ask_refusal(
            self.view, lambda reasons: self._issue_refusal(data, reasons)))

    def _validate_then(self, ask) -> None:
        """Check the form first (a slip is issued only for a correctly identified person), then
        `ask(data, procedure)` for the slip's contents."""
        if self.busy:
            return
        data = self.view.form_data()
        procedure = self.view.chosen_procedure()
        self._start()

        def on_valid(_clean) -> None:
            self._set_busy(False)
            ask(data, procedure)

        self.runner.submit(lambda: validate_intake(data, procedure, self.ctx.intake.clock()), on_valid, self._on_failed)

    def _issue_supplement(self, data: IntakeInput, procedure, names: list[str], notes: str) -> None:
        wanted = set(names)
        items = tuple(DocumentInput(d.name, d.originals, d.certified_copies, d.photocopies)
                      for d in (procedure.documents if procedure else ()) if d.name in wanted)
        self._start()
        self.runner.submit(
            lambda: self.ctx.intake.request_supplement(data, self.user, items, notes, self.counter_number),
            self._on_slip, self._on_failed,
        )

    def _issue_refusal(self, data: IntakeInput, reasons: str) -> None:
        self._start()
        self.runner.submit(lambda: self.ctx.intake.refuse(data, self.user, reasons, self.counter_number),
                           self._on_slip, self._on_failed)

    def show_last(self) -> None:
        """Preview (and from there reprint) the last form issued at this page."""
        if self.last_printed:
            kind, reference = self.last_printed
            self.print_output.print_document(kind, reference, self.view, preview=True,
                                             on_error=lambda reason: self.view.show_message(reason, "error"))

    # --- results ---------------------------------------------------------------------------------
    def _start(self) -> None:
        self.view.clear_errors()
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.view.set_busy(busy)

    def _on_received(self, result: ReceivedDossier) -> None:
        self._set_busy(False)
        self._next_applicant()
        self.view.show_outcome(RECEIPT, result.code, result.due_at)
        self.view.dossier_received.emit(result.code)
        self.view.dossier_saved.emit(result.id, result.code)
        self._print(RECEIPT, result.code)

    def _on_slip(self, slip: IssuedSlip) -> None:
        self._set_busy(False)
        self._next_applicant()
        self.view.show_outcome(slip.kind, slip.number, None)
        self.view.slip_issued.emit(slip.kind, slip.number)
        self._print(slip.kind, slip.number)

    def _next_applicant(self) -> None:
        self.view.reset()
        self._identity = ("", "")
        self._guidance_token += 1

    def _print(self, kind: str, reference: str) -> None:
        self.last_printed = (kind, reference)

        def printed(_target: str) -> None:
            text = QCoreApplication.translate("IntakePresenter", "Printed {reference}.")
            self.view.show_message(text.format(reference=reference), "success")

        def failed(reason: str) -> None:
            text = QCoreApplication.translate(
                "IntakePresenter", "{reference} is saved, but printing failed: {reason} Reprint it with \"Show last form\".")
            self.view.show_message(text.format(reference=reference, reason=reason), "error")

        text = QCoreApplication.translate("IntakePresenter", "Printing {reference}…")
        self.view.show_message(text.format(reference=reference), "info")
        self.print_output.print_document(kind, reference, self.view, preview=False, on_done=printed, on_error=failed)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            # The view puts each message under its field and says that nothing was saved.
            self.view.show_errors({name: translate_message(message) for name, message in error.by_field().items()})
        elif isinstance(error, ServiceError):
            self.view.show_message(translate_message(error.message), "error")
        else:
            log.error("intake action failed", exc_info=error)
            text = QCoreApplication.translate("IntakePresenter", "Something went wrong and nothing was saved: {error}")
            self.view.show_message(text.format(error=error), "error")
