"""What departments, counters and supervisors see of dossiers after intake (read side; no writes).

- `inbox()`: a department's open dossiers with working time left, near-due, overdue and the
  D-1 apology flag, in due order. One indexed range read; time left by `WorkingClock`.
- `handover_queue()`: received paper dossiers still at the centre, with their hand-over
  deadline and a late flag.
- `ready_for_return()`: results waiting at the centre.
- `late_without_apology()` / `late_without_explanation()`: what supervisors must chase.
- `handover_list()`, `control_rows()` and `ledger()` feed the printed lists and forms.
Thread-safe: each call opens its own read session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, or_, select, text, true
from sqlalchemy.orm import aliased

from counter_app.models import Department, Dossier, DossierEvent, Field, Procedure, User, now_local
from counter_app.services import centre_settings
from counter_app.services.auth import Role, UserInfo
from counter_app.services.calendar_store import load_calendar
from counter_app.services.db import Database
from counter_app.services.errors import QT_TRANSLATE_NOOP, Message, NotFound, PermissionDenied
from counter_app.services.lifecycle import OPEN, Mark, WorkingClock, handover_deadline
from counter_app.services.status import Status, clock_time
from counter_app.services.tracking import Location

_OPEN = tuple(int(s) for s in OPEN)


@dataclass(frozen=True)
class DepartmentInfo:
    id: str
    code: str
    name: str
    head_title: str
    head_name: str


@dataclass(frozen=True)
class InboxRow:
    code: str
    procedure_name: str
    applicant_name: str
    status: int
    location: str  # tracking.Location: "transit" = handed over, waiting for the department's confirmation
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    minutes_left: int  # working minutes until due_at (negative once overdue); frozen while paused
    near_due: bool  # ≤ one working day left
    overdue: bool  # past the ORIGINAL due time
    needs_apology: bool  # the D-1 rule applies and no apology was filed
    rescheduled: bool
    handover_list: str
    paused_at: datetime | None = None  # the clock stands still: waiting for a supplement or the fees

    def matches(self, filter: str) -> bool:
        """Whether the row passes an inbox filter: the row-side twin of `inbox_tests`, so a page
        can switch filters on a snapshot without reading again."""
        return {ALL: True, NEAR_DUE: self.near_due and not self.overdue, OVERDUE: self.overdue,
                NEEDS_APOLOGY: self.needs_apology, TRANSIT: self.location == Location.TRANSIT}[filter]


# The inbox's filters; the page's buttons show the count of each.
ALL, NEAR_DUE, OVERDUE, NEEDS_APOLOGY, TRANSIT = "all", "near_due", "overdue", "needs_apology", "transit"
INBOX_FILTERS = (ALL, NEAR_DUE, OVERDUE, NEEDS_APOLOGY, TRANSIT)
INBOX_LIMIT = 500  # rows one read returns: the most urgent first; the counts cover all of them
# Literal (not bound) so SQLite can use the partial index `ix_dossier_inbox`: the same terms as
# its predicate (`models.dossier.INBOX_PREDICATE`); tests check the query plan.
INBOX_OPEN = text("dossier.status IN (2, 4, 5, 6) AND dossier.location <> 'centre'")


@dataclass(frozen=True)
class InboxCounts:
    all: int
    near_due: int  # ≤ one working day left, not yet past the original due time
    overdue: int  # past the ORIGINAL due time
    needs_apology: int  # the D-1 rule applies and no apology was filed
    transit: int  # handed over, waiting for the department's confirmation


@dataclass(frozen=True)
class InboxView:
    rows: tuple[InboxRow, ...]
    counts: InboxCounts
    filter: str
    now: datetime
    department_name: str = ""


def _clock_time(now: datetime):
    """SQL for `status.clock_time`: the moment lateness is judged at (the pause's start while the
    clock is paused, the finishing moment once finished, else now)."""
    return func.coalesce(Dossier.paused_at, Dossier.finished_at, now)


def inbox_tests(now: datetime, soon: datetime) -> dict:
    """The filters as SQL conditions (the same tests `inbox_view` sets the rows' flags with). A
    paused dossier is neither near due nor due an apology: the applicant has the next move."""
    running = Dossier.paused_at.is_(None)
    return {
        NEAR_DUE: and_(running, Dossier.due_at >= now, Dossier.due_at < soon, Dossier.original_due_at >= now),
        OVERDUE: Dossier.original_due_at < func.coalesce(Dossier.paused_at, now),
        NEEDS_APOLOGY: and_(running, Dossier.rescheduled_at.is_(None), Dossier.due_at < soon),
        TRANSIT: Dossier.location == Location.TRANSIT.value,
    }


@dataclass(frozen=True)
class QueueRow:
    """A dossier at the centre: waiting to be handed over, or a result waiting for the applicant."""

    code: str
    procedure_name: str
    applicant_name: str
    id_number: str
    department_id: str
    department_name: str
    received_at: datetime
    due_at: datetime
    sets: int
    deadline: datetime | None  # hand-over deadline (hand-over queue only)
    late: bool


@dataclass(frozen=True)
class LateRow:
    code: str
    procedure_name: str
    applicant_name: str
    department_name: str
    status: int
    original_due_at: datetime
    due_at: datetime
    finished_at: datetime | None
    rescheduled: bool
    explained: bool


@dataclass(frozen=True)
class ControlStep:
    """One row of Mẫu 05: a hand-over between units, with the receiver's mark."""

    at: datetime
    from_unit: str
    from_person: str
    to_unit: str
    to_person: str
    mark: str  # lifecycle.Mark value or ""
    note: str


class TrackingQueries:
    def __init__(self, db: Database, clock: Callable[[], datetime] = now_local):
        self.db = db
        self.clock = clock

    def departments(self) -> list[DepartmentInfo]:
        with self.db.reader() as session:
            rows = session.scalars(select(Department).order_by(Department.name))
            return [DepartmentInfo(d.id, d.code, d.name, d.head_title, d.head_name) for d in rows]

    def inbox(self, officer: UserInfo, department_id: str | None = None) -> list[InboxRow]:
        """Every open dossier of one department, soonest due first (scripts; the page reads `inbox_view`)."""
        return list(self.inbox_view(officer, department_id, limit=None).rows)

    def inbox_view(self, officer: UserInfo, department_id: str | None = None, *, filter: str = ALL,
                   limit: int | None = INBOX_LIMIT) -> InboxView:
        """One department's open dossiers under `filter` (`INBOX_FILTERS`), soonest due first, at
        most `limit`, with the count of every filter. A department officer sees only their own
        department. Reads one index range (`ix_dossier_inbox`), so a department with 20,000 open
        dossiers answers in a few tens of milliseconds."""
        if officer.role is Role.DEPARTMENT:
            department_id = officer.department_id
        elif officer.role not in (Role.SUPERVISOR, Role.ADMIN):
            text = QT_TRANSLATE_NOOP("Messages", "Your role ({role}) may not do this.")
            raise PermissionDenied(Message(text, {"role": officer.role.value}))
        if filter not in INBOX_FILTERS:
            raise ValueError(f"unknown inbox filter {filter!r}")
        now = self.clock().replace(second=0, microsecond=0)
        with self.db.reader() as session:
            settings = centre_settings.load(session)
            clock = WorkingClock(load_calendar(session, settings), now)
            # Due before `soon`: at most one working day left (the D-1 rule; minutes are whole).
            soon = clock.calendar.add_working_minutes(now, clock.day_minutes + 1)
            tests = inbox_tests(now, soon)
            mine = (Dossier.department_id == department_id, INBOX_OPEN)
            counted = session.execute(select(func.count(), *(func.coalesce(func.sum(case((test, 1), else_=0)), 0)
                                                             for test in tests.values()))
                                      .select_from(Dossier).where(*mine)).one()
            query = (select(Dossier.code, Procedure.name, Dossier.applicant_name, Dossier.status, Dossier.location,
                            Dossier.received_at, Dossier.due_at, Dossier.original_due_at, Dossier.rescheduled_at,
                            Dossier.handover_list, Dossier.paused_at)
                     .join(Procedure, Procedure.id == Dossier.procedure_id)
                     .where(*mine, tests.get(filter, true()))
                     .order_by(Dossier.due_at, Dossier.code))
            rows = session.execute(query if limit is None else query.limit(limit)).all()
            department_name = session.scalar(select(Department.name).where(Department.id == department_id)) or ""
        counts = InboxCounts(counted[0], *counted[1:])
        result = []
        for code, procedure, name, status, location, received, due, original, rescheduled, listed, paused in rows:
            running = paused is None
            left = clock.minutes_left(due) if running else clock.calendar.working_minutes_between(paused, due)
            result.append(InboxRow(code, procedure, name, status, location, received, due, original, left,
                                   running and now <= due < soon, clock_time(now, paused) > original,
                                   running and rescheduled is None and due < soon, rescheduled is not None, listed, paused))
        return InboxView(tuple(result), counts, filter, now, department_name)

    def handover_queue(self, department_id: str | None = None) -> list[QueueRow]:
        """Received dossiers still at the centre, oldest first; `late` once past their deadline."""
        now = self.clock()
        with self.db.reader() as session:
            settings = centre_settings.load(session)
            calendar = load_calendar(session, settings)
            where = [Dossier.status == Status.RECEIVED, Dossier.location == Location.CENTRE]
            if department_id:
                where.append(Dossier.department_id == department_id)
            rows = session.execute(self._queue_select().where(*where).order_by(Dossier.received_at)).all()
        out = []
        for row in rows:
            deadline = handover_deadline(calendar, row.received_at)
            out.append(QueueRow(*row, deadline=deadline, late=now > deadline))
        return out

    def ready_for_return(self) -> list[QueueRow]:
        """Results waiting at the centre (status 9), oldest first."""
        with self.db.reader() as session:
            rows = session.execute(self._queue_select().where(Dossier.status == Status.RESULT_READY)
                                   .order_by(Dossier.finished_at)).all()
        return [QueueRow(*row, deadline=None, late=False) for row in rows]

    @staticmethod
    def _queue_select():
        return (select(Dossier.code, Procedure.name, Dossier.applicant_name, Dossier.id_number, Dossier.department_id,
                       Department.name, Dossier.received_at, Dossier.due_at, Dossier.sets)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .outerjoin(Department, Department.id == Dossier.department_id))

    def _late(self, extra) -> list[LateRow]:
        now = self.clock()
        with self.db.reader() as session:
            rows = session.execute(
                select(Dossier.code, Procedure.name, Dossier.applicant_name, Department.name, Dossier.status,
                       Dossier.original_due_at, Dossier.due_at, Dossier.finished_at, Dossier.rescheduled_at,
                       Dossier.explained_at)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .outerjoin(Department, Department.id == Dossier.department_id)
                .where(Dossier.original_due_at < _clock_time(now),
                       or_(Dossier.status.in_(_OPEN), Dossier.finished_at.is_not(None)), extra)
                .order_by(Dossier.original_due_at)
            ).all()
        return [LateRow(c, p, n, d or "", s, o, due, f, r is not None, e is not None) for c, p, n, d, s, o, due, f, r, e in rows]

    def late_without_apology(self) -> list[LateRow]:
        """Open dossiers past their original due time whose department filed no apology (Mẫu 04)."""
        return [r for r in self._late(Dossier.rescheduled_at.is_(None)) if r.finished_at is None]

    def late_without_explanation(self) -> list[LateRow]:
        """Every late dossier (open or finished late) with no written explanation yet."""
        return self._late(Dossier.explained_at.is_(None))

    def handover_list(self, number: str) -> tuple[dict, list[QueueRow]]:
        """The dossiers of one hand-over list and the list's sending event details."""
        number = number.strip().upper()
        with self.db.reader() as session:
            rows = session.execute(self._queue_select().where(Dossier.handover_list == number).order_by(Dossier.code)).all()
            if not rows:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No hand-over list {list}."), {"list": number}))
            sender = aliased(User)
            event = session.execute(
                select(DossierEvent.detail, DossierEvent.at, sender.full_name).join(Dossier, Dossier.id == DossierEvent.dossier_id)
                .outerjoin(sender, sender.id == DossierEvent.actor_id)
                .where(Dossier.code == rows[0].code, DossierEvent.kind == "handover")
                .order_by(DossierEvent.seq.desc()).limit(1)).first()
            receiver = session.scalar(
                select(sender.full_name).join(DossierEvent, DossierEvent.actor_id == sender.id)
                .join(Dossier, Dossier.id == DossierEvent.dossier_id)
                .where(Dossier.code == rows[0].code, DossierEvent.kind == "accept").order_by(DossierEvent.seq.desc()).limit(1))
        info = dict(event[0] or {}) | {"at": event[1], "sender": event[2] or "", "receiver": receiver or ""}
        return info, [QueueRow(*row, deadline=None, late=False) for row in rows]

    def control_rows(self, code: str, centre_unit: str) -> list[ControlStep]:
        """Mẫu 05's rows, from the dossier's event log: every move between the centre, the
        department and the applicant, with the receiver's early / on-time / late mark."""
        with self.db.reader() as session:
            dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip().upper()))
            if dossier is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No dossier with code {code}."), {"code": code}))
            department = session.get(Department, dossier.department_id) if dossier.department_id else None
            unit = department.name if department else ""
            actor = aliased(User)
            events = session.execute(
                select(DossierEvent, actor.full_name).outerjoin(actor, actor.id == DossierEvent.actor_id)
                .where(DossierEvent.dossier_id == dossier.id).order_by(DossierEvent.seq, DossierEvent.id)).all()
            return _steps(events, centre_unit, unit, dossier.applicant_name)

    def ledger(self, field_code: str, start: date, end: date) -> tuple[str, list[tuple]]:
        """Mẫu 06 rows of one field for dossiers received in [start, end]: the field's name and
        (code, procedure, applicant, address, phone, department, received, due, returned, method, late)."""
        with self.db.reader() as session:
            field = session.scalar(select(Field).where(Field.code == field_code.strip().upper()))
            if field is None:
                raise NotFound(Message(QT_TRANSLATE_NOOP("Messages", "No field with code {code}."), {"code": field_code}))
            returned = aliased(DossierEvent)
            rows = session.execute(
                select(Dossier.code, Procedure.name, Dossier.applicant_name, Dossier.address, Dossier.phone,
                       Department.name, Dossier.received_at, Dossier.due_at, Dossier.returned_at, returned.detail,
                       Dossier.original_due_at, Dossier.finished_at)
                .join(Procedure, Procedure.id == Dossier.procedure_id)
                .outerjoin(Department, Department.id == Dossier.department_id)
                .outerjoin(returned, and_(returned.dossier_id == Dossier.id, returned.kind == "return"))
                .where(Procedure.field_id == field.id, Dossier.received_at >= datetime.combine(start, datetime.min.time()),
                       Dossier.received_at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
                .order_by(Dossier.received_at, Dossier.code)).all()
            return field.name, [tuple(r) for r in rows]


def _steps(events, centre_unit: str, department_unit: str, applicant: str) -> list[ControlStep]:
    steps: list[ControlStep] = []
    sender: dict[str, tuple[str, datetime]] = {}
    for event, who in events:
        d = event.detail or {}
        kind = event.kind
        if kind == "handover":
            sender["department"] = (who or "", event.at)
            steps.append(ControlStep(event.at, centre_unit, who or "", department_unit, "", "", d.get("note", "")))
        elif kind == "accept" and steps and steps[-1].to_person == "":
            last = steps[-1]
            steps[-1] = ControlStep(last.at, last.from_unit, last.from_person, last.to_unit, who or "", d.get("mark", ""),
                                    last.note)
        elif kind == "request_supplement":
            steps.append(ControlStep(event.at, department_unit, who or "", centre_unit, "", "",
                                     f"Yêu cầu bổ sung hồ sơ (phiếu {d.get('slip', '')})"))
        elif kind == "supplement_received":
            steps.append(ControlStep(event.at, centre_unit, who or "", department_unit, "", "", "Hồ sơ đã bổ sung"))
        elif kind == "apologize":
            steps.append(ControlStep(event.at, department_unit, who or "", applicant, "", Mark.LATE.value,
                                     f"Phiếu xin lỗi {d.get('number', '')}, hẹn lại {_short(d.get('new_due'))}"))
        elif kind in ("ready", "refuse", "stop"):
            note = {"ready": "Có kết quả", "refuse": "Từ chối giải quyết", "stop": "Dừng giải quyết"}[kind]
            steps.append(ControlStep(event.at, department_unit, who or "", centre_unit, "", d.get("mark", ""), note))
        elif kind == "return":
            steps.append(ControlStep(event.at, centre_unit, who or "", d.get("collector") or applicant, "",
                                     d.get("mark", ""), "Trả kết quả"))
        elif kind == "withdraw":
            steps.append(ControlStep(event.at, applicant, "", centre_unit, who or "", "", "Công dân rút hồ sơ"))
    return steps


def _short(iso: str | None) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    return f"{moment:%H:%M} {moment:%d/%m/%Y}"
