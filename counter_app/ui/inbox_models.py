"""The department inbox's table model, its filters and the texts of its cells.

Rows are `tracking_reads.InboxRow` (frozen, read on the database lane). Colours follow the D-1
rule the service computes: amber for a dossier with at most one working day left, red once it is
past its ORIGINAL due time; a dossier that needs the department's apology (Mẫu 04) is marked in
the Flags column. Which actions a row allows is derived from `lifecycle.TRANSITIONS`, so the page
offers what the service will accept (the service still decides). GUI thread only.
"""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.services.lifecycle import OPEN, TRANSITIONS, Action
from counter_app.services.status import Status
from counter_app.services.tracking import Location
from counter_app.services.tracking_reads import InboxRow
from counter_app.ui import labels
from counter_app.ui.rows_model import RowsModel

COL_CODE, COL_PROCEDURE, COL_APPLICANT, COL_STATUS, COL_RECEIVED, COL_DUE, COL_LEFT, COL_FLAGS = range(8)
CodeRole = Qt.UserRole + 1  # the row's dossier code (its stable key)

# Working minutes in one working day with the default sessions (07:00–11:30, 13:30–17:00); the
# service's near-due flag uses the configured day, this is only for the "2 ngày 3 giờ" text.
DAY_MINUTES = 480

NEAR_DUE_BACKGROUND = QColor("#ffe29a")  # amber: at most one working day left
OVERDUE_BACKGROUND = QColor("#f6c1c1")  # red: past the original due time
OVERDUE_TEXT = QColor("#9b0000")
NEAR_DUE_TEXT = QColor("#6b4400")

def awaiting_confirmation(row: InboxRow) -> bool:
    return row.location == Location.TRANSIT


def allows(row: InboxRow, action: Action) -> bool:
    """Whether `action` can apply to the row as it stands (status, location, apology once, lateness)."""
    status = Status(row.status)
    if action is Action.ACCEPT:
        return awaiting_confirmation(row) and status in TRANSITIONS[action].sources
    if awaiting_confirmation(row):
        return False  # not yet received by the department: confirm the hand-over first
    if action is Action.APOLOGIZE:
        return status in OPEN and not row.rescheduled
    if action is Action.EXPLAIN:
        return row.overdue
    return status in TRANSITIONS[action].sources


def time_left_text(minutes: int) -> str:
    """Working time left as officers say it: "2 d 3 h" ("2 ngày 3 giờ"), "overdue 1 d 2 h"."""
    if minutes == 0:
        return QCoreApplication.translate("InboxModel", "due now")
    span = abs(minutes)
    days, rest = divmod(span, DAY_MINUTES)
    hours, mins = divmod(rest, 60)
    translate = QCoreApplication.translate
    if days and hours:
        text = translate("InboxModel", "{days} d {hours} h").format(days=days, hours=hours)
    elif days:
        text = translate("InboxModel", "{days} d").format(days=days)
    elif hours and mins:
        text = translate("InboxModel", "{hours} h {minutes} min").format(hours=hours, minutes=mins)
    elif hours:
        text = translate("InboxModel", "{hours} h").format(hours=hours)
    else:
        text = translate("InboxModel", "{minutes} min").format(minutes=mins)
    return translate("InboxModel", "overdue {time}").format(time=text) if minutes < 0 else text


def short_list_number(number: str) -> str:
    """"000.00.06.H15-261209-BG0001" → "261209-BG0001": the agency prefix is the same on every list."""
    return number.split("-", 1)[1] if "-" in number else number


def flags_text(row: InboxRow) -> str:
    """Short marks (near-due and overdue are in the colour and the time left; the tooltip says it in words)."""
    translate = QCoreApplication.translate
    flags = []
    if row.needs_apology:
        flags.append(translate("InboxModel", "⚠ Apology due"))
    if row.rescheduled:
        flags.append(translate("InboxModel", "Rescheduled once"))
    if awaiting_confirmation(row):
        flags.append(translate("InboxModel", "List {list}").format(list=short_list_number(row.handover_list)))
    return " · ".join(flags)


def flags_tooltip(row: InboxRow) -> str:
    translate = QCoreApplication.translate
    lines = []
    if row.overdue:
        lines.append(translate("InboxModel", "Overdue: past the original due date {due}.").format(
            due=labels.when(row.original_due_at)))
    elif row.near_due:
        lines.append(translate("InboxModel", "Due within 1 working day."))
    if row.needs_apology:
        lines.append(translate("InboxModel", "The department must file the apology with a new date (Form 04)."))
    if row.rescheduled:
        lines.append(translate("InboxModel", "The due date was moved once; it cannot be moved again."))
    if awaiting_confirmation(row):
        lines.append(translate("InboxModel", "Hand-over list {list}: scan it to confirm receipt.").format(list=row.handover_list))
    return "\n".join(lines)


class InboxTableModel(RowsModel):
    """The inbox rows shown under the current filter. `set_rows()` replaces them; the view keeps
    its selection by code (`row_of`). GUI thread only."""

    def __init__(self, parent: QObject | None = None):
        super().__init__((self.tr("Code"), self.tr("Procedure"), self.tr("Applicant"), self.tr("Status"),
                          self.tr("Received"), self.tr("Due"), self.tr("Time left"), self.tr("Flags")), parent)

    def row(self, index: int) -> InboxRow:
        return self._rows[index]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def text(self, row: InboxRow, column: int) -> str:
        if column == COL_CODE:
            return row.code
        if column == COL_PROCEDURE:
            return row.procedure_name
        if column == COL_APPLICANT:
            return row.applicant_name
        if column == COL_STATUS:
            if awaiting_confirmation(row):
                return self.tr("Not confirmed yet")
            return labels.status_label(row.status)
        if column == COL_RECEIVED:
            return labels.day(row.received_at.date())  # the time is in the tooltip: the due column needs the room
        if column == COL_DUE:
            return labels.when(row.due_at)
        if column == COL_LEFT:
            if row.paused_at is not None:
                return self.tr("paused · {time}").format(time=time_left_text(row.minutes_left))
            return time_left_text(row.minutes_left)
        if column == COL_FLAGS:
            return flags_text(row)
        return ""

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            return self.text(row, column)
        if role == CodeRole:
            return row.code
        if role == Qt.ToolTipRole:
            if column == COL_LEFT:
                if row.paused_at is not None:
                    return self.tr("The clock is paused since {when} (waiting for the applicant); {time} left "
                                   "when it runs again.").format(when=labels.when(row.paused_at),
                                                                 time=time_left_text(row.minutes_left))
                return self.tr("Working time left until the due time: {time}").format(time=self.text(row, column))
            if column == COL_FLAGS:
                return flags_tooltip(row) or None
            if column == COL_RECEIVED:
                return labels.when(row.received_at)
            if column == COL_DUE and row.rescheduled:
                return self.tr("Moved once by the apology; original due {due}").format(due=labels.when(row.original_due_at))
            return self.text(row, column) or None
        if role == Qt.BackgroundRole:
            if row.overdue:
                return QBrush(OVERDUE_BACKGROUND)
            if row.near_due:
                return QBrush(NEAR_DUE_BACKGROUND)
            return None
        if role == Qt.ForegroundRole and column in (COL_LEFT, COL_FLAGS):
            if row.overdue or (column == COL_FLAGS and row.needs_apology):
                return QBrush(OVERDUE_TEXT)
            if row.near_due:
                return QBrush(NEAR_DUE_TEXT)
            return None
        if role == Qt.FontRole and (column in (COL_CODE, COL_LEFT) or (column == COL_FLAGS and row.needs_apology)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and column == COL_LEFT:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
