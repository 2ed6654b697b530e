"""Table models of the supervisor's queue board: counters, waiting tickets, the day's audit.

Each model is fed plain rows (frozen dataclasses) and the time to show them at. `set_rows()` keeps
the view's selection and scroll position when the same rows come back (a refresh every second
must not jump); `tick(now)` repaints only the column that counts seconds. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.services.queue_lists import AuditRow, WaitingTicket
from counter_app.ui import labels
from counter_app.ui.rows_model import RowsModel


COL_COUNTER, COL_OFFICER, COL_STATUS, COL_HERE, COL_SERVED, COL_WAIT, COL_SERVICE = range(7)
COL_TICKET, COL_GROUP, COL_NOTE, COL_ISSUED, COL_WAITED, COL_TARGET = range(6)
COL_AT, COL_AUDIT_TICKET, COL_WHAT, COL_BY, COL_REASON = range(5)
KeyRole = Qt.UserRole + 1  # the row's stable key: counter number, ticket id

_COLOURS = {"serving": "#1b5e20", "calling": "#0d47a1", "paused": "#8a5a00", "idle": "#555555", "": "#888888"}
_ATTENTION = QColor("#b00020")


def clock_time(value: datetime | None, now: datetime) -> str:
    """"11:30" today, "25/11 17:02" on another day (a counter left open since yesterday)."""
    if value is None:
        return ""
    return value.strftime("%H:%M") if value.date() == now.date() else value.strftime("%d/%m %H:%M")


def _seconds(now: datetime, since: datetime | None) -> int:
    return max(0, int((now - since).total_seconds())) if since is not None else 0


@dataclass(frozen=True)
class CounterRow:
    """One counter on the board. `status` is idle | serving | paused, or "" for a counter that
    has never opened; `ticket` is the ticket called or served there; `waiting_here` the tickets
    sent to this counter alone (its own queue)."""

    counter: int
    name: str
    officer: str
    status: str
    since: datetime | None
    reason: str
    ticket: str | None
    served_today: int
    average_wait_seconds: int | None
    average_service_seconds: int | None
    waiting_here: tuple[str, ...] = ()

    @property
    def state(self) -> str:
        """serving | calling (a ticket called, its holder not yet at the counter) | paused | idle | ""."""
        if self.status in ("idle", "called") and self.ticket:
            return "calling"
        return self.status


def counter_rows(view: dict, names: dict[int, str], waiting: Sequence[WaitingTicket]) -> list[CounterRow]:
    """Counters of `queue.supervisor_view()`, plus the centre's named counters that never opened."""
    here: dict[int, list[str]] = {}
    for ticket in waiting:
        if ticket.target_counter is not None:
            here.setdefault(ticket.target_counter, []).append(ticket.display)
    rows = {c["counter"]: CounterRow(c["counter"], names.get(c["counter"], ""), c["officer"], c["status"], c["since"],
                                     c["reason"] or "", c["ticket"], c["served_today"], c["average_wait_seconds"],
                                     c["average_service_seconds"], tuple(here.get(c["counter"], ())))
            for c in view["counters"]}
    for number in set(names) | set(here):
        if number not in rows:
            rows[number] = CounterRow(number, names.get(number, ""), "", "", None, "", None, 0, None, None,
                                      tuple(here.get(number, ())))
    return [rows[n] for n in sorted(rows)]


def status_text(row: CounterRow, now: datetime) -> str:
    """"Serving A012 for 04:31", "Paused: lunch, since 11:30", "Free since 10:02"…"""
    state, duration = row.state, labels.duration(_seconds(now, row.since))
    if state == "serving":
        text = QCoreApplication.translate("SupervisorQueue", "Serving {ticket} for {duration}")
        return text.format(ticket=row.ticket, duration=duration)
    if state == "calling":
        text = QCoreApplication.translate("SupervisorQueue", "Calling {ticket} for {duration}")
        return text.format(ticket=row.ticket, duration=duration)
    if state == "paused":
        text = QCoreApplication.translate("SupervisorQueue", "Paused: {reason}, since {time}")
        return text.format(reason=row.reason, time=clock_time(row.since, now))
    if state == "idle":
        return QCoreApplication.translate("SupervisorQueue", "Free since {time}").format(time=clock_time(row.since, now))
    if not state:
        return QCoreApplication.translate("SupervisorQueue", "Not opened")
    return f"{labels.counter_state_label(state)} {row.ticket or ''}".strip()  # a state this board does not know yet


class _RowsModel(RowsModel):
    """Rows + the time they are shown at; subclasses give headers, keys and cell texts."""

    TICKING: int = -1  # the column whose text changes with the time

    def __init__(self, headers: Sequence[str], parent: QObject | None = None):
        super().__init__(headers, parent)
        self._now = datetime.min

    def set_rows(self, rows: Sequence[Any], now: datetime) -> bool:
        """Replace the rows; returns True when the set of rows changed (the view's selection was
        reset and should be restored by key), False when only their values did."""
        rows = list(rows)
        self._now = now
        if [self.key(r) for r in rows] == [self.key(r) for r in self._rows]:
            changed = rows != self._rows
            self._rows = rows
            if rows and changed:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            elif rows:
                self.tick(now)
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def tick(self, now: datetime) -> None:
        """Time moved on: repaint the counting column only."""
        self._now = now
        if self._rows and self.TICKING >= 0:
            self.dataChanged.emit(self.index(0, self.TICKING), self.index(len(self._rows) - 1, self.TICKING),
                                  [Qt.DisplayRole])

    def row_of(self, key: Any) -> int:
        return next((i for i, r in enumerate(self._rows) if self.key(r) == key), -1)

    def key(self, row: Any) -> Any:
        raise NotImplementedError

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return self.text(row, index.column())
        if role == KeyRole:
            return self.key(row)
        if role == Qt.ToolTipRole:
            return self.tooltip(row, index.column())
        return self.style(row, index.column(), role)

    def tooltip(self, row: Any, column: int) -> str | None:
        return self.text(row, column) or None

    def style(self, row: Any, column: int, role: int):
        return None


class CounterTableModel(_RowsModel):
    TICKING = COL_STATUS

    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Counter"), self.tr("Officer"), self.tr("Status"), self.tr("Sent here"),
                          self.tr("Served today"), self.tr("Avg wait"), self.tr("Avg service")), parent)

    def key(self, row: CounterRow) -> int:
        return row.counter

    def text(self, row: CounterRow, column: int) -> str:
        if column == COL_COUNTER:
            return str(row.counter)
        if column == COL_OFFICER:
            return row.officer
        if column == COL_STATUS:
            return status_text(row, self._now)
        if column == COL_HERE:
            return str(len(row.waiting_here)) if row.waiting_here else ""
        if column == COL_SERVED:
            return str(row.served_today)
        if column == COL_WAIT:
            return labels.duration(row.average_wait_seconds)
        if column == COL_SERVICE:
            return labels.duration(row.average_service_seconds)
        return ""

    def tooltip(self, row: CounterRow, column: int) -> str | None:
        if column == COL_COUNTER and row.name:
            return row.name
        if column == COL_HERE and row.waiting_here:
            return self.tr("Waiting for this counter only: {tickets}").format(tickets=", ".join(row.waiting_here))
        return super().tooltip(row, column)

    def style(self, row: CounterRow, column: int, role: int):
        if role == Qt.ForegroundRole and column == COL_STATUS:
            return QBrush(QColor(_COLOURS.get(row.state, "#555555")))
        if role == Qt.FontRole and column in (COL_COUNTER, COL_STATUS):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and column in (COL_COUNTER, COL_HERE, COL_SERVED, COL_WAIT, COL_SERVICE):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class WaitingTableModel(_RowsModel):
    TICKING = COL_WAITED

    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Ticket"), self.tr("Group"), self.tr("Note"), self.tr("Issued"),
                          self.tr("Waiting for"), self.tr("For counter")), parent)

    def key(self, row: WaitingTicket) -> str:
        return row.ticket_id

    def ticket(self, row: int) -> WaitingTicket:
        return self._rows[row]

    def text(self, row: WaitingTicket, column: int) -> str:
        if column == COL_TICKET:
            return row.display
        if column == COL_GROUP:
            return f"{row.group_code} · {row.group_name}" if row.group_name else row.group_code
        if column == COL_NOTE:  # priority, and "transferred" (sent on by a counter; waits again)
            notes = [self.tr("Priority")] if row.priority else []
            if row.status != "waiting":
                notes.append(labels.ticket_status_label(row.status))
            return ", ".join(notes)
        if column == COL_ISSUED:
            return clock_time(row.issued_at, self._now)
        if column == COL_WAITED:
            return labels.duration(_seconds(self._now, row.issued_at))
        if column == COL_TARGET:
            return self.tr("Counter {n}").format(n=row.target_counter) if row.target_counter is not None else ""
        return ""

    def tooltip(self, row: WaitingTicket, column: int) -> str | None:
        if column == COL_NOTE and row.priority and row.priority_reason:
            return f"{self.text(row, column)}: {row.priority_reason}"
        return super().tooltip(row, column)

    def style(self, row: WaitingTicket, column: int, role: int):
        if role == Qt.FontRole and column == COL_TICKET:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ForegroundRole and column == COL_NOTE and row.priority:
            return QBrush(_ATTENTION)
        if role == Qt.TextAlignmentRole and column == COL_WAITED:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class AuditTableModel(_RowsModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Time"), self.tr("Ticket"), self.tr("What"), self.tr("By"), self.tr("Reason / note")),
                         parent)

    def key(self, row: AuditRow) -> tuple:
        return row.at, row.ticket, row.kind, row.counter

    def text(self, row: AuditRow, column: int) -> str:
        if column == COL_AT:
            return row.at.strftime("%H:%M")
        if column == COL_AUDIT_TICKET:
            return row.ticket
        if column == COL_WHAT:
            return audit_what(row)
        if column == COL_BY:
            return row.actor
        if column == COL_REASON:
            return row.reason
        return ""

    def tooltip(self, row: AuditRow, column: int) -> str | None:
        if column == COL_AT:
            return row.at.strftime("%H:%M:%S")
        return super().tooltip(row, column)

    def style(self, row: AuditRow, column: int, role: int):
        if role == Qt.ForegroundRole and row.out_of_order and column in (COL_WHAT, COL_REASON):
            return QBrush(_ATTENTION)
        return None


def audit_what(row: AuditRow) -> str:
    """What happened, with the counter it happened at: "Called out of order at counter 2"."""
    at = row.counter
    if row.out_of_order:
        return QCoreApplication.translate("SupervisorQueue", "Called out of order at counter {n}").format(n=at)
    if row.kind == "reassigned":
        return QCoreApplication.translate("SupervisorQueue", "Reassigned to counter {n}").format(n=at)
    if row.kind == "transferred":
        target = (QCoreApplication.translate("SupervisorQueue", "counter {n}").format(n=row.to_counter) if row.to_counter is not None
                  else QCoreApplication.translate("SupervisorQueue", "group {code}").format(code=row.to_group))
        return QCoreApplication.translate("SupervisorQueue", "Transferred from counter {n} to {target}").format(n=at, target=target)
    if row.kind == "returned_to_queue":
        return QCoreApplication.translate("SupervisorQueue", "Sent back to the queue by counter {n}").format(n=at)
    if row.kind == "paused":
        return QCoreApplication.translate("SupervisorQueue", "Counter {n} paused").format(n=at)
    if row.kind == "resumed":
        return QCoreApplication.translate("SupervisorQueue", "Counter {n} resumed").format(n=at)
    if row.kind == "no_show":
        return QCoreApplication.translate("SupervisorQueue", "Did not come to counter {n}").format(n=at)
    return labels.queue_event_label(row.kind)
