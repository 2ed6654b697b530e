"""Supervisor's view of timeliness: every department's counts (open, paused, near due, overdue,
without apology; this month's results early / on time / late), then the lists of late dossiers:
late with no apology (Mẫu 04) filed, and late with no written explanation (giải trình) yet.
Lateness is always judged against the ORIGINAL due time, so an apology's new date never takes a
dossier off the explanation list.

objectNames: `late.page`, `late.timeliness`, `late.without_apology`, `late.without_explanation`
(tables), `late.timeliness_heading`, `late.apology_heading`, `late.explanation_heading` (with the
counts), `late.since`, `late.until` (the period of the completed results: this month so far at
first; a period that ends before it starts is refused under `late.until.error`), `late.refresh`,
`late.updated`, `late.message`.
Keys: F5 re-reads everything (also while the main window binds F5 to something else); Alt+D, Alt+A
and Alt+X focus the three tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from counter_app.context import Context
from counter_app.i18n import translate_message
from counter_app.services.auth import UserInfo
from counter_app.services.errors import ValidationFailed
from counter_app.services.timeliness import Timeliness, TimelinessQueries
from counter_app.services.tracking_reads import LateRow, TrackingQueries
from counter_app.ui.detail_widgets import date_edit, plain_table
from counter_app.ui.field_error import ERROR_COLOUR, FieldWithError, set_colour, set_font
from counter_app.ui.handover_models import LATE_PROCEDURE, LateTableModel
from counter_app.ui.task_runner import DATABASE, TaskRunner
from counter_app.ui.timeliness_model import COL_DEPARTMENT, TimelinessTableModel
from counter_app.ui.tracking_widgets import PAGE_POINT_SIZE, RefreshOnF5, error_text

@dataclass(frozen=True)
class LateLists:
    """The departments' counts and both lists, read together on the database lane, and when."""

    at: datetime
    timeliness: Timeliness
    without_apology: list[LateRow]
    without_explanation: list[LateRow]


def read_lists(reads: TrackingQueries, timeliness: TimelinessQueries, user: UserInfo, since: date,
               until: date) -> LateLists:
    """Runs on the database lane (never on the GUI thread)."""
    return LateLists(reads.clock(), timeliness.department_timeliness(user, since, until), reads.late_without_apology(),
                     reads.late_without_explanation())


class LatePage(RefreshOnF5, QWidget):
    """Reads the departments' counts and both lists in one task on the database lane, whenever the
    page is shown, on F5 and when the period changes; an answer to an older read than the latest
    is dropped, and a failed read keeps the tables on screen with the reason below them (a refused
    period: under its end). Read-only. GUI thread only."""

    def __init__(self, ctx: Context, runner: TaskRunner, user: UserInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("late.page")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), PAGE_POINT_SIZE))
        self.setFont(font)
        self._reads, self._timeliness, self._runner, self._user = ctx.tracking_reads, ctx.timeliness, runner, user
        self._generation = 0
        self.lists: LateLists | None = None
        self.timeliness_model = TimelinessTableModel(self)
        self.timeliness = plain_table(self, "late.timeliness", self.timeliness_model, COL_DEPARTMENT)
        self.timeliness_heading = QLabel(self)
        self.timeliness_heading.setObjectName("late.timeliness_heading")
        self.timeliness_heading.setBuddy(self.timeliness)
        set_font(self.timeliness_heading, bold=True, point_size=PAGE_POINT_SIZE + 1)
        self.timeliness_heading.setText(self.tr("By &department"))
        today = self._reads.clock().date()
        self.since = date_edit(self, "late.since", today.replace(day=1))
        self.until = date_edit(self, "late.until", today)
        self.until_field = FieldWithError(self.until, self)  # "the period ends before it starts"
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.refresh)
        self.apology_model = LateTableModel(self)
        self.explanation_model = LateTableModel(self)
        self.without_apology = plain_table(self, "late.without_apology", self.apology_model, LATE_PROCEDURE)
        self.without_explanation = plain_table(self, "late.without_explanation", self.explanation_model, LATE_PROCEDURE)
        self.apology_heading = self._heading("late.apology_heading", self.without_apology)
        self.explanation_heading = self._heading("late.explanation_heading", self.without_explanation)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"), self)
        self.refresh_button.setObjectName("late.refresh")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.updated = QLabel(self)
        self.updated.setObjectName("late.updated")
        set_colour(self.updated, "#555555")
        self.message = QLabel(self)
        self.message.setObjectName("late.message")
        self.message.setWordWrap(True)
        set_colour(self.message, ERROR_COLOUR)
        set_font(self.message, bold=True)

        hint = QLabel(self.tr("Judged against the original due time. The department files the apology (Form 04) no "
                              "later than one working day before the due time, and explains every late dossier in writing."),
                      self)
        hint.setWordWrap(True)
        split = QSplitter(Qt.Vertical, self)
        period_bar = QWidget(self)  # the heading, and the period of the completed results
        period = QHBoxLayout(period_bar)
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.timeliness_heading, 1)
        since_label = QLabel(self.tr("Results completed &from"), self)
        since_label.setBuddy(self.since)
        until_label = QLabel(self.tr("t&o"), self)
        until_label.setBuddy(self.until)
        for widget in (since_label, self.since, until_label):
            period.addWidget(widget, 0, Qt.AlignTop)
        period.addWidget(self.until_field, 0, Qt.AlignTop)
        for heading, table in ((period_bar, self.timeliness), (self.apology_heading, self.without_apology),
                               (self.explanation_heading, self.without_explanation)):
            box = QWidget(split)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(heading)
            column.addWidget(table, 1)
            split.addWidget(box)
        for index, stretch in enumerate((4, 3, 3)):  # the departments' table gets the most room
            split.setStretchFactor(index, stretch)
        top = QHBoxLayout()
        top.addWidget(hint, 1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.updated)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self._show_counts()

    def _heading(self, name: str, buddy: QWidget) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setBuddy(buddy)
        set_font(label, bold=True, point_size=PAGE_POINT_SIZE + 1)
        set_colour(label, ERROR_COLOUR)
        return label

    # --- keys and showing -------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def focus_first(self) -> None:
        self.timeliness.setFocus(Qt.OtherFocusReason)

    # --- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        since, until = self.since.date().toPython(), self.until.date().toPython()
        self._runner.submit(lambda: read_lists(self._reads, self._timeliness, self._user, since, until),
                            lambda lists: self._on_read(generation, lists),
                            lambda error: self._on_read_failed(generation, error), lane=DATABASE)

    def _on_read(self, generation: int, lists: LateLists) -> None:
        if generation != self._generation:
            return
        self.lists = lists
        self.until_field.clear_error()
        self.timeliness_model.set_rows(lists.timeliness.departments)
        self.apology_model.set_rows(lists.without_apology)
        self.explanation_model.set_rows(lists.without_explanation)
        self._show_counts()
        self.message.clear()
        self.updated.setText(self.tr("Updated {time}").format(time=lists.at.strftime("%H:%M %d/%m/%Y")))

    def _on_read_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(error, ValidationFailed):  # the period: said under its end, the tables stay as they were
            self.until_field.set_error("\n".join(translate_message(m) for m in error.by_field().values()))
            return
        self.message.setText(self.tr("The lists could not be read: {reason}").format(reason=error_text(error)))

    def _show_counts(self) -> None:
        self.apology_heading.setText(self.tr("Late without an &apology (Form 04): {n}").format(
            n=self.apology_model.rowCount()))
        self.explanation_heading.setText(self.tr("Late without a written e&xplanation: {n}").format(
            n=self.explanation_model.rowCount()))
