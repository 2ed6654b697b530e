"""The counter's queue panel on the real demo database: every button and every shortcut, dialogs
that refuse bad input next to the field, Start → intake with dossiers linked to the ticket, and
a lost database that shows the banner and recovers by itself."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from intake_support import fill_valid
from pdf_tools import pdf_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from ui_helpers import child, make_active, pdf_output, receive, type_text

from counter_app.services.auth import Role, UserInfo
from counter_app.services.db import Database, sqlite_url
from counter_app.services.queue import QueueService
from counter_app.config import DATABASE_FILE
from counter_app.ui.dialogs import RecordingDialogs
from counter_app.ui.main_window import MainWindow
from counter_app.ui.queue_panel import QueuePanel
from counter_app.ui.task_runner import SyncTaskRunner

COUNTER = 1
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def make_panel(qtbot, queue, officer, groups=()) -> QueuePanel:
    panel = QueuePanel(queue, SyncTaskRunner(), officer, COUNTER, list(groups))
    panel.stop()  # the tests read again when they choose (panel.refresh), not on a timer
    qtbot.addWidget(panel)
    panel.resize(1280, 140)
    panel.show()
    make_active(qtbot, panel)
    return panel


@pytest.fixture
def panel(qtbot, ctx, officer) -> QueuePanel:
    return make_panel(qtbot, ctx.queue, officer)


def press(panel: QWidget, key: Qt.Key, modifiers=NO_MODIFIER) -> None:
    """A key through Qt's shortcut map, as the officer presses it."""
    QTest.keyClick(panel, key, modifiers)


def dialog(panel: QWidget, name: str) -> QDialog:
    shown = [d for d in panel.findChildren(QDialog, name) if d.isVisible()]
    assert len(shown) == 1, f"expected one open {name}, found {len(shown)}"
    return shown[0]


def text(panel: QWidget, name: str) -> str:
    return child(panel, name).text()


def issue(ctx, *groups: str):
    return [ctx.queue.issue(group) for group in groups]


def kinds(ctx, ticket_id: str) -> list[str]:
    return [e["kind"] for e in ctx.queue.events(ticket_id)]


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "F6"])
def test_call_next_calls_the_first_ticket_to_this_counter(ctx, panel, use_key):
    """Call next shows A001 in large type and the database has it called at this counter."""
    first, _second = issue(ctx, "A", "A")
    panel.refresh()
    assert "A: 2" in text(panel, "queue.waiting")
    press(panel, Qt.Key.Key_F6) if use_key else child(panel, "queue.call_next").click()
    assert text(panel, "queue.number") == "A001"
    ticket = ctx.queue.get(first.id)
    assert (ticket.status, ticket.counter_number) == ("called", COUNTER)
    assert "A: 1" in text(panel, "queue.waiting")
    assert not child(panel, "queue.call_next").isEnabled()  # a called ticket must be started, recalled or let go


def test_double_click_and_repeated_key_on_call_next_call_one_ticket(qtbot, ctx, panel):
    """A double click, a second F6 and a direct second call all leave the next ticket waiting."""
    _first, second = issue(ctx, "A", "A")
    qtbot.mouseDClick(child(panel, "queue.call_next"), Qt.MouseButton.LeftButton)
    press(panel, Qt.Key.Key_F6)
    panel.call_next()
    assert text(panel, "queue.number") == "A001"
    assert ctx.queue.get(second.id).status == "waiting"


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "F7"])
def test_recall_counts_the_calls(ctx, panel, use_key):
    """Recall calls the same ticket again: its number of calls goes up, the board sees a recall."""
    [ticket] = issue(ctx, "A")
    panel.call_next()
    press(panel, Qt.Key.Key_F7) if use_key else child(panel, "queue.recall").click()
    assert ctx.queue.get(ticket.id).calls == 2
    assert "call 2" in text(panel, "queue.details")
    assert kinds(ctx, ticket.id)[-1] == "recalled"


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "Shift+F7"])
def test_no_show_is_refused_before_the_calls_then_accepted(ctx, panel, use_key):
    """No-show after one call: a red message and the ticket stays called; after a recall it is accepted."""
    [ticket] = issue(ctx, "A")
    panel.call_next()

    def no_show():
        press(panel, Qt.Key.Key_F7, SHIFT) if use_key else child(panel, "queue.no_show").click()

    no_show()
    assert "only after 2 calls" in text(panel, "queue.message")
    assert child(panel, "queue.message").palette().windowText().color().name() == "#b00020"
    assert ctx.queue.get(ticket.id).status == "called"
    panel.recall()
    no_show()
    assert ctx.queue.get(ticket.id).status == "no_show"
    assert text(panel, "queue.number") == "Counter 1"  # free: no ticket number
    assert child(panel, "queue.call_next").isEnabled()


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "F8"])
def test_start_serves_the_called_ticket(ctx, panel, use_key):
    """Start only for a called ticket; it then serves it and says so (with the started signal)."""
    [ticket] = issue(ctx, "A")
    assert not child(panel, "queue.start").isEnabled()
    panel.call_next()
    started, serving = [], []
    panel.started.connect(lambda *args: started.append(args))
    panel.serving_changed.connect(lambda *args: serving.append(args))
    press(panel, Qt.Key.Key_F8) if use_key else child(panel, "queue.start").click()
    assert ctx.queue.get(ticket.id).status == "serving"
    assert started == [(ticket.id, "A001")] and serving == [(ticket.id, "A001")]
    assert text(panel, "queue.state").startswith("Serving A001 for")
    assert child(panel, "queue.finish").isEnabled() and not child(panel, "queue.recall").isEnabled()


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "F9"])
def test_finish_asks_for_the_outcome(ctx, panel, use_key):
    """Finish without an outcome is refused next to the field; with one the ticket is finished."""
    [ticket] = issue(ctx, "A")
    panel.call_next()
    panel.start()
    press(panel, Qt.Key.Key_F9) if use_key else child(panel, "queue.finish").click()
    form = dialog(panel, "finish.dialog")
    child(form, "finish.ok").click()
    assert child(form, "finish.kind.error").text() == "Choose the outcome of the visit."
    assert ctx.queue.get(ticket.id).status == "serving"
    kind = child(form, "finish.kind")
    kind.setCurrentIndex(kind.findData("guidance"))
    kind.activated.emit(kind.currentIndex())
    assert child(form, "finish.outcome").text() == "Guidance only"
    child(form, "finish.ok").click()
    assert not form.isVisible()
    assert ctx.queue.get(ticket.id).status == "finished"
    assert ctx.queue.events(ticket.id)[-1]["detail"]["outcome"] == "Guidance only"
    assert text(panel, "queue.number") == "Counter 1"  # free: no ticket number


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "Ctrl+Shift+T"])
def test_transfer_to_group_b_with_a_note(ctx, panel, use_key):
    """Transfer with no group chosen is refused next to the field; to B it waits in B's queue."""
    [ticket] = issue(ctx, "A")
    panel.call_next()
    press(panel, Qt.Key.Key_T, CTRL_SHIFT) if use_key else child(panel, "queue.transfer").click()
    form = dialog(panel, "transfer.dialog")
    child(form, "transfer.ok").click()
    assert child(form, "transfer.group.error").text() == "Choose the service group to send the ticket to."
    group = child(form, "transfer.group")
    group.setCurrentIndex(group.findData("B"))
    type_text(child(form, "transfer.note"), "Hỏi về đăng ký doanh nghiệp")
    child(form, "transfer.ok").click()
    assert not form.isVisible()
    assert ctx.queue.get(ticket.id).status == "transferred"
    assert ctx.queue.board()["waiting"]["B"] == 1
    detail = ctx.queue.events(ticket.id)[-1]["detail"]
    assert (detail["to_group"], detail["note"]) == ("B", "Hỏi về đăng ký doanh nghiệp")
    assert "transferred to group B" in text(panel, "queue.message")


def test_transfer_to_counter_3_targets_it(qtbot, ctx, officer, panel):
    """Not to one's own counter (refused next to the field); to counter 3 it is that counter's next."""
    [ticket] = issue(ctx, "A")
    panel.call_next()
    panel.transfer()
    form = dialog(panel, "transfer.dialog")
    child(form, "transfer.to_counter").click()
    counter = child(form, "transfer.counter")
    counter.setValue(COUNTER)
    child(form, "transfer.ok").click()
    assert child(form, "transfer.counter.error").text() == "This is your own counter; choose another one."
    counter.setValue(3)
    child(form, "transfer.ok").click()
    assert ctx.queue.events(ticket.id)[-1]["detail"]["to_counter"] == 3
    called = ctx.queue.call_next(3, officer, ["C"])  # counter 3 serves another group: still gets it first
    assert called.id == ticket.id


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "Ctrl+Shift+P"])
def test_pause_needs_a_reason_then_resume(ctx, panel, use_key):
    """An empty reason is refused next to the field (not paused); with one the counter pauses, cannot
    call, shows the reason; Resume (the same key) opens it again."""
    def toggle():
        press(panel, Qt.Key.Key_P, CTRL_SHIFT) if use_key else (
            child(panel, "queue.resume") if child(panel, "queue.resume").isVisible() else child(panel, "queue.pause")).click()

    toggle()
    form = dialog(panel, "pause.dialog")
    child(form, "pause.ok").click()
    assert child(form, "pause.reason.error").text() == "Give the reason for the pause."
    assert ctx.queue.supervisor_view()["counters"] == [] or _status(ctx) != "paused"
    type_text(child(form, "pause.reason").lineEdit(), "Họp giao ban")
    child(form, "pause.ok").click()
    assert not form.isVisible()
    assert _status(ctx) == "paused"
    assert text(panel, "queue.state").startswith("Paused: Họp giao ban")
    assert not child(panel, "queue.call_next").isEnabled()
    assert child(panel, "queue.resume").isVisible() and not child(panel, "queue.pause").isVisible()
    toggle()
    assert _status(ctx) == "idle"
    assert child(panel, "queue.call_next").isEnabled()


def _status(ctx) -> str:
    return next(c["status"] for c in ctx.queue.supervisor_view()["counters"] if c["counter"] == COUNTER)


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "Ctrl+Shift+N"])
def test_calling_out_of_order_needs_a_reason(ctx, panel, use_key):
    """No reason: refused next to the field, nothing called; an unknown number: refused next to the
    number; with a reason A003 is called and the reason is recorded for supervisors."""
    _first, _second, third = issue(ctx, "A", "A", "A")
    press(panel, Qt.Key.Key_N, CTRL_SHIFT) if use_key else child(panel, "queue.call_number").click()
    form = dialog(panel, "call_number.dialog")
    type_text(child(form, "call_number.number"), "a3")
    child(form, "call_number.ok").click()
    assert child(form, "call_number.reason.error").text() == "Calling out of order needs a reason."
    assert ctx.queue.get(third.id).status == "waiting"
    type_text(child(form, "call_number.reason").lineEdit(), "Người cao tuổi")
    child(form, "call_number.number").setText("A099")
    child(form, "call_number.ok").click()
    assert child(form, "call_number.number.error").text() == "There is no ticket A099."
    child(form, "call_number.number").setText("A3")
    child(form, "call_number.ok").click()
    assert not form.isVisible()
    assert ctx.queue.get(third.id).status == "called"
    assert text(panel, "queue.number") == "A003"
    detail = ctx.queue.events(third.id)[-1]["detail"]
    assert detail == {"out_of_order": True, "reason": "Người cao tuổi"}


@pytest.mark.parametrize("use_key", [False, True], ids=["button", "Shift+F5"])
def test_reprint_asks_for_the_kiosk_printer(ctx, panel, use_key):
    """Reprint ticket asks the number (the current one filled in) and emits reprint_requested."""
    [ticket] = issue(ctx, "A")
    panel.call_next()
    asked = []
    panel.reprint_requested.connect(lambda *args: asked.append(args))
    press(panel, Qt.Key.Key_F5, SHIFT) if use_key else child(panel, "queue.reprint").click()
    form = dialog(panel, "reprint.dialog")
    assert child(form, "reprint.number").text() == "A001"
    child(form, "reprint.ok").click()
    assert asked == [(ticket.id, "A001")]


def test_a_restart_while_serving_shows_the_ticket(qtbot, ctx, officer):
    """A panel built while its counter serves a ticket shows that ticket, ready to finish."""
    [ticket] = issue(ctx, "A")
    ctx.queue.call_next(COUNTER, officer)
    ctx.queue.start(ticket.id, COUNTER, officer)
    panel = make_panel(qtbot, ctx.queue, officer)
    assert text(panel, "queue.number") == "A001"
    assert panel.serving == (ticket.id, "A001")
    assert child(panel, "queue.finish").isEnabled()


def test_a_counter_calls_only_its_groups(qtbot, ctx, officer):
    """A counter set to group B calls B's ticket, not the older A one, and counts only B."""
    _a, b = issue(ctx, "A", "B")
    panel = make_panel(qtbot, ctx.queue, officer, ["B"])
    assert text(panel, "queue.waiting") == "Waiting: B: 1"
    panel.call_next()
    assert text(panel, "queue.number") == b.display


# --- the main window: Start → intake, dossiers linked -----------------------------------------------

@pytest.fixture
def window(qtbot, ctx, officer, tmp_path):
    runner = SyncTaskRunner()
    dialogs = RecordingDialogs()
    output = pdf_output(ctx, runner, officer, tmp_path / "prints", dialogs)
    window = MainWindow(ctx, runner, officer, print_output=output, dialogs=dialogs)
    window.queue_panel.stop()
    qtbot.addWidget(window)
    window.show()
    make_active(qtbot, window)
    return window


def _receive_through_the_page(window) -> str:
    page = window.intake_page
    fill_valid(page)
    received = []
    page.dossier_received.connect(received.append)
    child(page, "intake.receive").click()
    assert received, text(page, "intake.message")
    return received[0]


def test_start_opens_intake_and_every_dossier_received_is_linked(ctx, window):
    """F6 then F8 from the Find page: the intake page comes up saying which ticket is served; two
    dossiers received there are both linked; F9 offers "Received 2 dossier(s)" and finishes."""
    [ticket] = issue(ctx, "A")
    window.show_find()
    press(window, Qt.Key.Key_F6)
    press(window, Qt.Key.Key_F8)
    assert window.tabs.currentWidget() is window.intake_page
    serving = child(window, "intake.serving")
    assert serving.isVisible() and "A001" in serving.text()
    codes = [_receive_through_the_page(window), _receive_through_the_page(window)]
    linked = [e["detail"]["dossier_id"] for e in ctx.queue.events(ticket.id) if e["kind"] == "dossier_linked"]
    assert [ctx.dossiers.dossier(code).id for code in codes] == linked
    press(window, Qt.Key.Key_F9)
    form = dialog(window.queue_panel, "finish.dialog")
    assert child(form, "finish.outcome").text() == "Received 2 dossier(s)"
    child(form, "finish.ok").click()
    assert ctx.queue.get(ticket.id).status == "finished"
    assert not child(window, "intake.serving").isVisible()


def test_a_dossier_received_with_no_ticket_served_is_not_linked(ctx, window):
    """A called (not started) ticket gets no link: only a served ticket owns the dossiers."""
    [ticket] = issue(ctx, "A")
    window.queue_panel.call_next()
    _receive_through_the_page(window)
    assert "dossier_linked" not in kinds(ctx, ticket.id)


def test_department_staff_have_no_queue_panel(qtbot, ctx):
    """Department staff call no tickets: the main window has no queue panel for them."""
    user = UserInfo("dept", "chuyenvien", "Phạm Quốc Bảo", Role.DEPARTMENT, "", False)
    window = MainWindow(ctx, SyncTaskRunner(), user, dialogs=RecordingDialogs())
    qtbot.addWidget(window)
    assert window.queue_panel is None and window.findChild(QWidget, "queue.panel") is None


# --- a lost database --------------------------------------------------------------------------------

@pytest.fixture
def fragile_queue(ctx, data_dir, tmp_path):
    """The same demo database reached through a folder link that the test can cut and restore."""
    link = tmp_path / "network"
    link.symlink_to(data_dir, target_is_directory=True)
    queue = QueueService(Database(sqlite_url(link / DATABASE_FILE)), ctx.queue.clock)

    class Network:
        def cut(self):
            queue.db.dispose()
            link.unlink()

        def restore(self):
            link.symlink_to(data_dir, target_is_directory=True)

    yield queue, Network()
    if not os.path.lexists(link):
        link.symlink_to(data_dir, target_is_directory=True)
    queue.db.dispose()


def test_lost_database_shows_the_banner_and_recovers_by_itself(qtbot, ctx, officer, fragile_queue):
    """Cut: the red banner shows and Call next says the database cannot be reached; restored: the
    next reading hides the banner and the panel works again."""
    queue, network = fragile_queue
    issue(ctx, "A")
    panel = make_panel(qtbot, queue, officer)
    banner = child(panel, "queue.connection_banner")
    assert not banner.isVisible()
    network.cut()
    panel.refresh()
    assert banner.isVisible()
    panel.call_next()
    assert "cannot be reached" in text(panel, "queue.message")
    network.restore()
    panel.refresh()
    assert not banner.isVisible()
    panel.call_next()
    assert text(panel, "queue.number") == "A001"


def test_a_link_lost_with_the_database_is_retried(qtbot, ctx, officer, fragile_queue):
    """The dossier is safe; the panel says the link will be retried and makes it after recovery."""
    queue, network = fragile_queue
    [ticket] = issue(ctx, "A")
    panel = make_panel(qtbot, queue, officer)
    panel.call_next()
    panel.start()
    dossier = receive(ctx, officer)  # the local store works on
    network.cut()
    panel.link_dossier(dossier.id, dossier.code)
    assert "will be retried" in text(panel, "queue.message")
    network.restore()
    panel.refresh()
    assert [e["detail"]["dossier_id"] for e in ctx.queue.events(ticket.id) if e["kind"] == "dossier_linked"] == [dossier.id]
    assert "linked to ticket A001" in text(panel, "queue.message")


def test_the_counter_reprints_a_ticket_on_its_own_printer(ctx, window, tmp_path):
    """Shift+F5 at the counter prints the ticket (here to the PDF folder) and says so in the status bar."""
    [ticket] = issue(ctx, "A")
    window.ticket_printer.workstation = replace(ctx.workstation, pdf_output_dir=str(tmp_path / "tickets"))
    window.queue_panel.call_next()
    press(window, Qt.Key.Key_F5, SHIFT)
    child(dialog(window.queue_panel, "reprint.dialog"), "reprint.ok").click()
    printed = tmp_path / "tickets" / "ticket-A001.pdf"
    assert printed.exists()
    assert "A001" in pdf_text(printed.read_bytes())
    assert "A001" in window.status.action_text()
    assert ctx.queue.get(ticket.id).status == "called"  # printing never changes the ticket
