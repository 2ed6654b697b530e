"""What the department inbox's actions do: open the right form, run the tracking service on the
task runner's database lane, and report the outcome on the page.

Guarantees: a refused action leaves its dialog open with the service's reason next to the field
(or on the dialog's message line); nothing is done for an action the row does not allow (the page
says why instead). A result settled late asks for the written explanation straight away. After
the apology is recorded, the dialog offers to print Mẫu 04 (`PrintOutput`, kind "apology").
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from counter_app.i18n import translate_message
from counter_app.services.errors import ServiceError
from counter_app.services.lifecycle import Action
from counter_app.services.tracking import ActionResult, TrackingService
from counter_app.services.tracking_reads import InboxRow
from counter_app.ui import labels
from counter_app.ui.inbox_dialogs import (
    InboxApologyDialog, InboxExplainDialog, InboxFormDialog, InboxNoteDialog, InboxReasonDialog, InboxSupplementDialog,
)
from counter_app.ui.inbox_models import allows, awaiting_confirmation
from counter_app.ui.print_output import PrintOutput
from counter_app.ui.task_runner import DATABASE, TaskRunner

if TYPE_CHECKING:
    from counter_app.ui.inbox_page import InboxPage

APOLOGY_FORM = "apology"  # PrintOutput kind of Mẫu 04; its reference is the dossier code


class InboxActions(QObject):
    """Runs one action at a time on the dossier selected in `page`; `dialog` is the form open now."""

    def __init__(self, page: InboxPage, tracking: TrackingService, runner: TaskRunner, user,
                 print_output: PrintOutput | None, documents: Callable[[str], Sequence] | None):
        super().__init__(page)
        self.page, self.tracking, self.runner, self.user = page, tracking, runner, user
        self.print_output, self.documents = print_output, documents
        self.dialog: InboxFormDialog | None = None
        self.texts = {
            Action.ACCEPT: self.tr("Confirm receipt"), Action.REQUEST_SUPPLEMENT: self.tr("Request supplement (Form 02)"),
            Action.AWAIT_FEES: self.tr("Wait for fees or taxes"), Action.FEES_PAID: self.tr("Fees paid"),
            Action.STOP: self.tr("Stop processing"), Action.REFUSE: self.tr("Refuse after appraisal"),
            Action.READY: self.tr("Result ready, back to the centre"), Action.APOLOGIZE: self.tr("Apology, new date (Form 04)"),
            Action.EXPLAIN: self.tr("Explain the lateness"),
        }

    def run(self, action: Action, row: InboxRow | None) -> None:
        if row is None:
            self.page.say(self.tr("Choose a dossier first."), error=True)
            return
        if not allows(row, action):
            self.page.say(self.why_not(row, action), error=True)
            return
        code, user, tracking = row.code, self.user, self.tracking
        heading = self.tr("{code} — {applicant}\n{procedure}\nDue {due}").format(
            code=code, applicant=row.applicant_name, procedure=row.procedure_name, due=labels.when(row.due_at))
        if action is Action.ACCEPT:
            self._run(lambda: tracking.accept(code, user), self.tr("{code}: receipt confirmed, processing started."))
        elif action is Action.FEES_PAID:
            self._run(lambda: tracking.fees_paid(code, user), self.tr("{code}: fees paid, processing again."))
        elif action is Action.REQUEST_SUPPLEMENT:
            self._open_supplement(row, heading)
        elif action is Action.AWAIT_FEES:
            dialog = InboxNoteDialog("inbox.fees", self.tr("Wait for fees or taxes"), self.tr("&Wait for fees"), heading,
                                     self.page)
            self._open(dialog, lambda v: tracking.await_fees(code, user, v["note"]),
                       self.tr("{code} waits for the applicant's fees or taxes."))
        elif action is Action.READY:
            dialog = InboxNoteDialog("inbox.ready", self.tr("Result ready: hand back to the centre"), self.tr("Result &ready"),
                                heading, self.page)
            self._open(dialog, lambda v: tracking.ready(code, user, v["note"]),
                       self.tr("{code}: result ready and handed back to the centre."), row)
        elif action in (Action.STOP, Action.REFUSE):
            stop = action is Action.STOP
            dialog = InboxReasonDialog("inbox.stop" if stop else "inbox.refuse",
                                  self.tr("Stop processing") if stop else self.tr("Refuse after appraisal"),
                                  self.tr("&Stop") if stop else self.tr("&Refuse"), heading, self.page)
            call = tracking.stop if stop else tracking.refuse
            self._open(dialog, lambda v: call(code, user, v["reason"]),
                       self.tr("{code} was stopped.") if stop else self.tr("{code} was refused."), row)
        elif action is Action.APOLOGIZE:
            self._open_apology(row, heading)
        elif action is Action.EXPLAIN:
            self._open(InboxExplainDialog(heading, self.page), lambda v: tracking.explain(code, user, v["text"]),
                       self.tr("{code}: explanation recorded."))

    def why_not(self, row: InboxRow, action: Action) -> str:
        if action is Action.APOLOGIZE and row.rescheduled:
            return self.tr("The due date of {code} was already moved once (now {due}); it cannot be moved again.").format(
                code=row.code, due=labels.when(row.due_at))
        if action is Action.ACCEPT:
            return self.tr("{code} is already confirmed.").format(code=row.code)
        if awaiting_confirmation(row):
            return self.tr("Confirm receipt of {code} first (1).").format(code=row.code)
        if action is Action.EXPLAIN:
            return self.tr("{code} is not late; there is nothing to explain.").format(code=row.code)
        return self.tr("{action}: not possible while {code} is “{status}”.").format(
            action=self.texts[action], code=row.code, status=labels.status_label(row.status))

    # --- forms -----------------------------------------------------------------------------------
    def _open_supplement(self, row: InboxRow, heading: str) -> None:
        code, user, tracking = row.code, self.user, self.tracking

        def show(documents: Sequence) -> None:
            dialog = InboxSupplementDialog(heading, documents, self.page)
            self._open(dialog, lambda v: tracking.request_supplement(code, user, v["items"], v["notes"]),
                       self.tr("{code}: supplement requested ({reference}); the counter hands Form 02 to the applicant."))

        if self.documents is None:
            show(())
            return
        documents = self.documents
        self.runner.submit(lambda: list(documents(code)), show, lambda _error: show(()), lane=DATABASE)

    def _open_apology(self, row: InboxRow, heading: str) -> None:
        code, user, tracking = row.code, self.user, self.tracking
        dialog = InboxApologyDialog(heading, row.due_at, self.page)
        dialog.print_requested.connect(lambda: self._print_apology(code, dialog))

        def recorded(result: ActionResult) -> None:
            self.page.say(self.tr("{code}: apology {reference} recorded; new return date {due}.").format(
                code=code, reference=result.reference, due=labels.when(result.due_at)))
            if not dialog.closed:
                dialog.show_recorded(result.reference, result.due_at)
            self.page.refresh()

        dialog.submitted.connect(lambda v: self.runner.submit(
            lambda: tracking.apologize(code, user, v["reason"], v["new_due"]), recorded,
            lambda error: self._refused(dialog, error), lane=DATABASE))
        self._show_dialog(dialog)

    def _print_apology(self, code: str, dialog: InboxApologyDialog) -> None:
        dialog.accept()
        if self.print_output is None:
            self.page.say(self.tr("No printer is set up on this page."), error=True)
            return
        self.page.say(self.tr("Printing Form 04 for {code}…").format(code=code))
        self.print_output.print_document(
            APOLOGY_FORM, code, self.page, preview=False,
            on_done=lambda target: self.page.say(self.tr("Form 04 for {code} printed → {target}").format(
                code=code, target=target)),
            on_error=lambda reason: self.page.say(self.tr("Form 04 for {code} is recorded, but printing failed: {reason}")
                                                  .format(code=code, reason=reason), error=True))

    def _open(self, dialog: InboxFormDialog, call: Callable[[dict], ActionResult], done: str,
              row: InboxRow | None = None) -> None:
        """Run `call(values)` when the dialog submits; close it on success, show the refusal in it on
        failure. `row` (finishing actions): a late result asks for the written explanation at once."""
        def succeeded(result: ActionResult) -> None:
            if not dialog.closed:
                dialog.accept()
            self._on_done(done, result)
            if row is not None and (row.overdue or result.mark == "late"):
                self.page.say(self.tr("{code} was settled late: record the written explanation now.").format(code=row.code))
                heading = self.tr("{code} — {applicant}\nOriginal due {due}").format(
                    code=row.code, applicant=row.applicant_name, due=labels.when(row.original_due_at))
                explain = lambda v: self.tracking.explain(row.code, self.user, v["text"])  # noqa: E731
                self._open(InboxExplainDialog(heading, self.page), explain, self.tr("{code}: explanation recorded."))

        dialog.submitted.connect(lambda values: self.runner.submit(lambda: call(values), succeeded,
                                                                   lambda error: self._refused(dialog, error), lane=DATABASE))
        self._show_dialog(dialog)

    def _refused(self, dialog: InboxFormDialog, error: BaseException) -> None:
        """The refusal goes into the dialog, or onto the page when the officer closed it meanwhile."""
        if dialog.closed:
            self._on_failed(error)
        else:
            dialog.show_refusal(error)

    def _show_dialog(self, dialog: InboxFormDialog) -> None:
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, dialog: InboxFormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self.page.focus_first()

    # --- direct actions --------------------------------------------------------------------------
    def _run(self, call: Callable[[], ActionResult], done: str) -> None:
        self.page.say(self.tr("Working…"))
        self.runner.submit(call, lambda result: self._on_done(done, result), self._on_failed, lane=DATABASE)

    def _on_done(self, done: str, result: ActionResult) -> None:
        self.page.say(done.format(code=result.code, reference=result.reference))
        self.page.refresh()

    def _on_failed(self, error: BaseException) -> None:
        reason = translate_message(error.message) if isinstance(error, ServiceError) else str(error)
        self.page.say(self.tr("Not done: {reason}").format(reason=reason), error=True)
        self.page.refresh()
