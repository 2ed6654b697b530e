"""Every department's timeliness at a glance, for supervisors (read side; no writes, no Qt).

`department_timeliness()` gives one row per department, empty ones included, what most needs
chasing first (overdue without apology, then overdue, near due, open; then by name):
- now: the open dossiers it holds (its inbox: handed over, not yet back at the centre; those
  still waiting at the centre are the hand-over page's), how many are paused (the applicant has the move),
  near due (≤ 1 working day left), overdue, and overdue with no apology (Mẫu 04) filed — the same
  tests as the department's own inbox (`tracking_reads.inbox_tests`) and the supervisor's late list;
- over a period of days (default: this month so far): results completed (status 9 or 10,
  finished within it), split early / on time / late by `lifecycle.mark`'s rule — late after the
  ORIGINAL due time, early on an earlier day than it — and the on-time ratio over the completed.
Two grouped queries whatever the number of dossiers. A department officer sees their own
department only; reception may not read it. Thread-safe: each call opens its own read session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select

from counter_app.models import Department, Dossier, now_local
from counter_app.services import centre_settings
from counter_app.services.auth import Role, UserInfo
from counter_app.services.calendar_store import load_calendar
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, FieldError, Message, PermissionDenied, ValidationFailed
from counter_app.services.status import Status
from counter_app.services.tracking_reads import INBOX_OPEN, NEAR_DUE, OVERDUE, inbox_tests

COMPLETED = (int(Status.RESULT_READY), int(Status.RETURNED))


@dataclass(frozen=True)
class DepartmentTimeliness:
    department_id: str
    department_name: str
    open: int
    paused: int
    near_due: int
    overdue: int
    overdue_without_apology: int
    completed: int  # results finished within the period
    early: int
    late: int

    @property
    def on_time(self) -> int:
        """Completed on the due day, not after the original due time."""
        return self.completed - self.early - self.late

    @property
    def on_time_ratio(self) -> float | None:
        """(early + on time) ÷ completed within the period; None when nothing was completed."""
        return (self.completed - self.late) / self.completed if self.completed else None


@dataclass(frozen=True)
class Timeliness:
    now: datetime
    since: date
    until: date  # inclusive
    departments: tuple[DepartmentTimeliness, ...]


def _count(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class TimelinessQueries:
    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock

    def department_timeliness(self, officer: UserInfo, since: date | None = None, until: date | None = None) -> Timeliness:
        """The table above, for the days `since`..`until` (both included; default the 1st of this
        month to today). Raises ValidationFailed when the period ends before it starts."""
        if officer.role not in (Role.SUPERVISOR, Role.ADMIN, Role.DEPARTMENT):
            text = QT_TRANSLATE_NOOP("Messages", "Your role ({role}) may not do this.")
            raise PermissionDenied(Message(text, {"role": officer.role.value}))
        now = self.clock().replace(second=0, microsecond=0)
        until = until or now.date()
        since = since or until.replace(day=1)
        if until < since:
            text = QT_TRANSLATE_NOOP("Messages", "The period ends before it starts.")
            raise ValidationFailed([FieldError("period", Message(text))])
        start, end = datetime.combine(since, time.min), datetime.combine(until + timedelta(days=1), time.min)
        with self.db.reader() as session:
            calendar = load_calendar(session, centre_settings.load(session))
            soon = calendar.add_working_minutes(now, calendar.standard_day_minutes + 1)
            tests = inbox_tests(now, soon)
            departments = select(Department.id, Department.name).order_by(Department.name)
            if officer.role is Role.DEPARTMENT:
                departments = departments.where(Department.id == officer.department_id)
            names = session.execute(departments).all()
            open_rows = session.execute(
                select(Dossier.department_id, func.count(), _count(Dossier.paused_at.is_not(None)), _count(tests[NEAR_DUE]),
                       _count(tests[OVERDUE]), _count(and_(tests[OVERDUE], Dossier.rescheduled_at.is_(None))))
                .where(INBOX_OPEN)
                .group_by(Dossier.department_id)).all()
            done_rows = session.execute(
                select(Dossier.department_id, func.count(),
                       _count(func.date(Dossier.finished_at) < func.date(Dossier.original_due_at)),
                       _count(Dossier.finished_at > Dossier.original_due_at))
                .where(Dossier.status.in_(COMPLETED), Dossier.finished_at >= start, Dossier.finished_at < end)
                .group_by(Dossier.department_id)).all()
        open_by = {row[0]: tuple(int(n) for n in row[1:]) for row in open_rows}
        done_by = {row[0]: tuple(int(n) for n in row[1:]) for row in done_rows}
        rows = [DepartmentTimeliness(id_, name, *open_by.get(id_, (0,) * 5), *done_by.get(id_, (0,) * 3))
                for id_, name in names]
        rows.sort(key=lambda r: (-r.overdue_without_apology, -r.overdue, -r.near_due, -r.open))  # stable: names stay in order
        return Timeliness(now, since, until, tuple(rows))
