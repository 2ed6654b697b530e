"""The intake presenter's decisions against a fake view (no widgets), the real services and a
synchronous or a deferring runner: what is shown, printed, emitted and guarded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import PROCEDURE, intake
from PySide6.QtCore import QCoreApplication

from counter_app.i18n import translate_message
from counter_app.services import validation
from counter_app.services.auth import Role
from counter_app.services.errors import Message
from counter_app.ui.intake_presenter import IntakePresenter
from counter_app.ui.task_runner import SyncTaskRunner


class FakeSignal:
    def __init__(self):
        self.emitted = []

    def emit(self, *args):
        self.emitted.append(args)


class FakeView:
    """Records what the presenter asks the page to show."""

    def __init__(self, data, procedure=None):
        self.data = data
        self.procedure = procedure
        self.dossier_received = FakeSignal()
        self.dossier_saved = FakeSignal()
        self.slip_issued = FakeSignal()
        self.calls: list[tuple] = []
        self.messages: list[tuple[str, str]] = []
        self.errors: dict[str, str] = {}

    def form_data(self):
        return self.data

    def chosen_procedure(self):
        return self.procedure

    def unticked_documents(self):
        return list(self.procedure.documents) if self.procedure else []

    def show_errors(self, errors):
        self.errors = errors

    def show_message(self, text, kind="info"):
        self.messages.append((text, kind))

    def __getattr__(self, name):  # set_busy, reset, clear_errors, show_due, show_outcome, …
        return lambda *args: self.calls.append((name, *args))


class FakePrintOutput:
    def __init__(self, fail_with: str = ""):
        self.fail_with = fail_with
        self.jobs = []

    def print_document(self, kind, reference, parent, *, preview=False, on_done=None, on_error=None):
        self.jobs.append((kind, reference, preview))
        if self.fail_with:
            on_error(self.fail_with)
        elif on_done:
            on_done("/dev/null")


class FakeDialogs:
    def __init__(self, names=(), notes="", reasons=""):
        self.names, self.notes, self.reasons = list(names), notes, reasons
        self.offered = None

    def ask_supplement(self, parent, missing, on_accept):
        self.offered = [d.name for d in missing]
        on_accept(self.names, self.notes)

    def ask_refusal(self, parent, on_accept):
        on_accept(self.reasons)


class DeferredRunner(SyncTaskRunner):
    """Holds tasks until `run_all()`, like a busy background thread."""

    def __init__(self):
        self.pending = []

    def submit(self, fn, on_done=None, on_error=None, lane="database"):
        self.pending.append((fn, on_done, on_error, lane))

    def run_all(self):
        while self.pending:
            super().submit(*self.pending.pop(0))


def presenter_for(ctx, officer, data, *, runner=None, output=None, dialogs=None, procedure=None):
    view = FakeView(data, procedure)
    presenter = IntakePresenter(view, ctx, runner or SyncTaskRunner(), officer, output or FakePrintOutput(), dialogs)
    return presenter, view


def test_receive_emits_shows_prints_and_resets(ctx, officer):
    """A valid intake: the code is emitted and shown, Mẫu 01 goes to the printer, the form resets."""
    output = FakePrintOutput()
    presenter, view = presenter_for(ctx, officer, intake(ctx), output=output)
    presenter.receive()
    [(code,)] = view.dossier_received.emitted
    assert ctx.dossiers.dossier(code).officer_username == officer.username
    [(dossier_id, saved_code)] = view.dossier_saved.emitted  # the id the queue panel links to its ticket
    assert saved_code == code and dossier_id
    names = [c[0] for c in view.calls]
    assert names.index("reset") < names.index("show_outcome")  # the outcome survives the reset
    assert output.jobs == [("receipt", code, False)]
    printed = QCoreApplication.translate("IntakePresenter", "Printed {reference}.").format(reference=code)
    assert view.messages[-1] == (printed, "success")
    assert ("set_busy", False) == [c for c in view.calls if c[0] == "set_busy"][-1]


def test_second_receive_while_busy_is_ignored(ctx, officer):
    """A double Ctrl+Enter while the first receive runs cannot receive the dossier twice."""
    runner = DeferredRunner()
    presenter, view = presenter_for(ctx, officer, intake(ctx), runner=runner)
    runner.pending.clear()  # the catalogue load is not under test
    presenter.receive()
    presenter.receive()
    assert len(runner.pending) == 1
    runner.run_all()
    assert len(view.dossier_received.emitted) == 1


def test_print_failure_keeps_the_dossier_and_says_so(ctx, officer):
    """A dead printer: the dossier stays received and the page says how to reprint."""
    presenter, view = presenter_for(ctx, officer, intake(ctx), output=FakePrintOutput(fail_with="Out of paper."))
    presenter.receive()
    [(code,)] = view.dossier_received.emitted
    text, kind = view.messages[-1]
    assert kind == "error" and code in text and "Out of paper." in text
    assert ctx.dossiers.dossier(code).code == code


def test_invalid_input_goes_to_the_fields_and_keeps_the_form(ctx, officer):
    """ValidationFailed: translated messages per field, no reset, nothing emitted or printed."""
    output = FakePrintOutput()
    data = intake(ctx, applicant={"phone": "", "name": ""})
    presenter, view = presenter_for(ctx, officer, data, output=output)
    presenter.receive()
    assert view.errors == {"applicant.name": translate_message(Message(validation.REQUIRED)),
                           "applicant.phone": translate_message(Message(validation.REQUIRED))}
    assert "reset" not in [c[0] for c in view.calls]
    assert view.dossier_received.emitted == [] and output.jobs == []
    assert presenter.busy is False


def test_other_service_errors_become_a_message(ctx, officer):
    """A refusal by the service (here: a department officer may not receive) is shown, not raised."""
    presenter, view = presenter_for(ctx, replace(officer, role=Role.DEPARTMENT), intake(ctx))
    presenter.receive()
    assert view.messages and view.messages[-1][1] == "error"
    assert view.dossier_received.emitted == []


def test_unexpected_errors_become_a_message(ctx, officer):
    """A bug or a broken database never escapes into Qt's event loop: the page says nothing was saved."""
    presenter, view = presenter_for(ctx, officer, intake(ctx))
    presenter.ctx = replace(ctx, intake=None)  # receive() now fails with an AttributeError
    presenter.receive()
    text, kind = view.messages[-1]
    source = QCoreApplication.translate("IntakePresenter", "Something went wrong and nothing was saved: {error}")
    assert kind == "error" and text.startswith(source.split("{error}")[0]) and "receive" in text


def test_supplement_offers_the_unticked_documents_and_prints_form_02(ctx, officer):
    """The dialog is offered the unticked documents; the chosen ones are recorded and Mẫu 02 printed."""
    procedure = ctx.catalogue.get(PROCEDURE)
    data = intake(ctx, documents=())
    output = FakePrintOutput()
    dialogs = FakeDialogs(names=[procedure.documents[1].name], notes="Ảnh 4x6")
    presenter, view = presenter_for(ctx, officer, data, output=output, dialogs=dialogs, procedure=procedure)
    presenter.request_supplement()
    assert dialogs.offered == [d.name for d in procedure.documents]
    [(kind, number)] = view.slip_issued.emitted
    assert kind == "supplement"
    slip = ctx.dossiers.slip(number)
    assert [i.name for i in slip.items] == [procedure.documents[1].name] and slip.notes == ("Ảnh 4x6",)
    assert output.jobs == [("supplement", number, False)]


@pytest.mark.parametrize("action", ["request_supplement", "refuse"])
def test_slips_need_a_valid_applicant_first(ctx, officer, action):
    """No dialog opens and no slip is issued for an applicant whose data is invalid."""
    dialogs = FakeDialogs(reasons="x")
    data = intake(ctx, applicant={"id_number": "123"})
    presenter, view = presenter_for(ctx, officer, data, dialogs=dialogs, procedure=ctx.catalogue.get(PROCEDURE))
    getattr(presenter, action)()
    assert "applicant.id_number" in view.errors
    assert dialogs.offered is None and view.slip_issued.emitted == []
