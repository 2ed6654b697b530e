"""How the counter's queue panel runs its work on the task runner's QUEUE lane: its queue actions
(`QueueActions`) and the links of received dossiers to the served ticket (`DossierLinks`).

Guarantees: every queue call runs on the runner's QUEUE lane, never on the GUI thread.
- One action at a time: `act()` refuses a second action while one runs (a double click, a held
  key); `busy` stays true until the counter has been read again, in the same task, so the panel
  never shows a state older than the action's result. A failure says why (a refused action in
  its dialog, under its field) and asks for a fresh reading. `ask()` opens one form at a time.
- A link that fails (lost network, or at a joined counter the dossier has not reached the central
  database yet) is kept — the dossier itself is safe in the local store — said once, and retried
  quietly by `retry()` (the panel calls it after each good read); one dossier is never being
  linked twice at once.
Messages keep the panel's translation context ("QueuePanel", the context `QueuePanel.tr` used), so
the existing translations still apply. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from counter_app.i18n import translate_message
from counter_app.services.auth import UserInfo
from counter_app.services.errors import ServiceError
from counter_app.services.queue import QueueService
from counter_app.services.queue_lists import CounterView
from counter_app.services.queue_types import TicketInfo
from counter_app.ui.queue_dialogs import QueueFormDialog
from counter_app.ui.task_runner import QUEUE, TaskRunner

log = logging.getLogger("counter_app.ui.queue_panel")  # the panel's logger: its warnings read as before the split


def linked_dossiers(queue: QueueService, ticket_id: str) -> set[str]:
    """The dossiers the queue has linked to a ticket (runs on the queue lane)."""
    return {e["detail"].get("dossier_id") for e in queue.events(ticket_id) if e["kind"] == "dossier_linked"}


def error_text(error: BaseException) -> str:
    """What to tell the clerk about a failed queue call: the service's reason, else the lost database."""
    if isinstance(error, ServiceError):
        return translate_message(error.message)
    log.warning("queue action failed: %s", error)
    return QCoreApplication.translate("QueuePanel",
                                      "The queue database cannot be reached; nothing was changed. Try again in a moment.")


class QueueActions:
    """`read()` reads the counter (on the queue lane); `show(view)` shows a reading; `busy_changed()`
    is called when `busy` changes; `say(text, kind)` shows a message; `refresh()` asks for a reading."""

    def __init__(self, runner: TaskRunner, read: Callable[[], CounterView], show: Callable[[CounterView], None],
                 busy_changed: Callable[[], None], say: Callable[[str, str], None], refresh: Callable[[], None]):
        self.runner, self._read, self._show, self._busy_changed = runner, read, show, busy_changed
        self._say, self._refresh = say, refresh
        self.busy = False
        self._dialog: QueueFormDialog | None = None

    def act(self, action: Callable[[], Any], done: Callable[[Any], None],
            refused: Callable[[str], None] | None = None) -> None:
        """Run `action` then read the counter, in one task; `done(result)` with the new state shown."""
        if self.busy:  # a double click or a second key while the first call runs: ignored
            if refused is not None:
                refused(QCoreApplication.translate("QueuePanel", "Another queue action is running; try again in a moment."))
            return
        self._set_busy(True)

        def work():
            result = action()
            try:
                return result, self._read()
            except Exception:  # noqa: BLE001 - the action is done; the next poll shows the state
                return result, None

        def succeeded(outcome) -> None:
            result, view = outcome
            self._set_busy(False)
            if view is not None:
                self._show(view)
            done(result)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            (refused or (lambda text: self._say(text, "error")))(error_text(error))
            self._refresh()

        self.runner.submit(work, succeeded, failed, lane=QUEUE)

    def ask(self, dialog: QueueFormDialog, work: Callable[[dict], Any], done: Callable[[Any, dict], None]) -> None:
        """Open `dialog`; each submission runs `work(values)`: success closes it and calls
        `done(result, values)`, a refusal shows in the dialog (under its field)."""
        if self._dialog is not None and self._dialog.isVisible():
            dialog.deleteLater()
            self._dialog.raise_()
            return
        self._dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def submitted(values: dict) -> None:
            def on_done(result) -> None:
                dialog.accept()
                done(result, values)

            self.act(lambda: work(values), on_done, dialog.refuse)

        dialog.submitted.connect(submitted)
        dialog.open()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._busy_changed()


class DossierLinks:
    """`say(text, kind)` shows a message on the panel (kind "success" or "warning")."""

    def __init__(self, queue: QueueService, runner: TaskRunner, user: UserInfo, say: Callable[[str, str], None]):
        self.queue, self.runner, self.user, self._say = queue, runner, user, say
        self._linked: dict[str, set[str]] = {}  # ticket id -> dossiers linked from this panel
        self._pending: dict[str, tuple[str, str, str]] = {}  # dossier id -> (ticket id, number, code): links to retry
        self._linking: set[str] = set()

    def link(self, ticket: TicketInfo, dossier_id: str, code: str) -> None:
        """Link `dossier_id` to `ticket` (the one served now)."""
        self._linked.setdefault(ticket.id, set()).add(dossier_id)
        self._pending[dossier_id] = (ticket.id, ticket.display, code)
        self._send(dossier_id, first_try=True)

    def linked_here(self, ticket_id: str) -> set[str]:
        """Dossiers linked to `ticket_id` from this panel, whether the link is made yet or not."""
        return self._linked.get(ticket_id, set())

    def retry(self) -> None:
        """The database answers again: retry the links it missed."""
        for dossier_id in list(self._pending):
            self._send(dossier_id)

    def _send(self, dossier_id: str, *, first_try: bool = False) -> None:
        if dossier_id in self._linking:
            return
        ticket_id, number, code = self._pending[dossier_id]
        self._linking.add(dossier_id)

        def linked(_result) -> None:
            self._linking.discard(dossier_id)
            self._pending.pop(dossier_id, None)
            text = QCoreApplication.translate("QueuePanel", "Dossier {code} linked to ticket {number}.")
            self._say(text.format(code=code, number=number), "success")

        def failed(error: BaseException) -> None:
            # Lost network, or (joined counter) the dossier has not reached the central database
            # yet: the dossier is safe locally; said once, then retried quietly after good reads.
            self._linking.discard(dossier_id)
            log.warning("linking dossier %s to ticket %s failed: %s", code, number, error)
            if first_try:
                text = QCoreApplication.translate(
                    "QueuePanel", "Dossier {code} is saved; its link to ticket {number} is not made yet "
                                  "and will be retried by itself.")
                self._say(text.format(code=code, number=number), "warning")

        self.runner.submit(lambda: self.queue.link_dossier(ticket_id, dossier_id, self.user), linked, failed,
                           lane=QUEUE)
